import { describe, expect, it } from "vitest";
import { roleChoices } from "./role-choices";

const roles = [
  { key: "8", title: "Care worker", count: 41 },
  { key: "16", title: "Registered nurse", count: 0 },
  { key: "25", title: "Administrative", count: 2 },
  { key: "51", title: "Software developer", count: 0 },
];

describe("the job board's role filter (issue 17 trial)", () => {
  it("lists only roles with live jobs", () => {
    expect(roleChoices(roles, undefined)).toEqual([
      { value: "", label: "Any role" },
      { value: "8", label: "Care worker (41)" },
      { value: "25", label: "Administrative (2)" },
    ]);
  });

  it("keeps a chosen role listed even when it has no jobs", () => {
    expect(roleChoices(roles, "16").map((c) => c.label)).toEqual([
      "Any role",
      "Care worker (41)",
      "Registered nurse (0)",
      "Administrative (2)",
    ]);
  });
});
