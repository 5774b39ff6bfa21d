import { describe, expect, it } from "vitest";
import { CANDIDATE_PAGES } from "./parts";

describe("the candidate's account navigation (issue 17 trial)", () => {
  it("does not offer deleting the account among the everyday pages (it is a link at the foot of the profile)", () => {
    expect(CANDIDATE_PAGES.map((p) => p.label)).toEqual([
      "My applications",
      "My profile",
      "Talent pool",
      "Invitations",
      "My courses",
    ]);
    expect(CANDIDATE_PAGES.some((p) => p.to.endsWith("/delete"))).toBe(false);
  });
});
