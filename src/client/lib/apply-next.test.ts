import { describe, expect, it } from "vitest";
import { applyPathOf } from "./apply-next";

const id = "481e9f03-b998-4321-82ba-8d6e1bf763bc";

describe("the job to go back to after confirming an email", () => {
  it("is an apply page on this site, with its campaign source", () => {
    expect(applyPathOf(`/jobs/${id}/apply`)).toBe(`/jobs/${id}/apply`);
    expect(applyPathOf(`/jobs/${id}/apply?source=CARE-FUTURE`)).toBe(`/jobs/${id}/apply?source=CARE-FUTURE`);
  });

  it("is nothing else: not another site, another page or a script", () => {
    for (const bad of [
      "https://evil.example/jobs/x/apply",
      `//evil.example/jobs/${id}/apply`,
      `/orgs/${id}/users`,
      `/jobs/${id}/apply?source=<script>`,
      "javascript:alert(1)",
      "",
      null,
    ])
      expect(applyPathOf(bad), String(bad)).toBeNull();
  });
});
