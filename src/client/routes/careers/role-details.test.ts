import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SHIPPED_FRAMEWORK } from "../../../server/modules/frameworks/shipped-framework";
import { RoleDetails } from "./role-details";

// The roadmap says what each role needs as the poster and My career do (issue 15 item 1): only the
// roles where people start read "no qualification needed".

const F = SHIPPED_FRAMEWORK;
const text = (key: string) => {
  const role = F.roles.find((r) => r.key === key);
  if (!role) throw new Error(key);
  return renderToStaticMarkup(
    createElement(RoleDetails, { role, f: F, vacancies: 0, pay: null, council: null }),
  ).replace(/<[^>]+>/g, " ");
};

describe("a role on the public roadmap", () => {
  it("reads 'no qualification needed' only for the entry roles, New to care and Personal assistant", () => {
    const saying = F.roles.filter((r) => /no qualification/i.test(text(r.key))).map((r) => r.key);
    expect(saying.sort()).toEqual(["new_to_care", "personal_assistant"]);
  });

  it("names what a senior role that states no qualification is reached from, and what a student needs", () => {
    expect(text("cf_head_of_service")).toContain(
      "No set qualification: needs experience as Service manager (children and families).",
    );
    expect(text("senior_leader")).toContain("No set qualification: needs experience as Service or operations manager.");
    expect(text("sw_student")).toContain("A place on a social work degree or the social worker degree apprenticeship");
    expect(text("amhp")).toContain("2 years of experience in your current role");
  });
});

describe("a role's requirements link to the council's training courses (issue 18)", () => {
  const council = { id: "c1", name: "Halton", slug: "halton" } as never;
  const html = (key: string, coursesFor?: Set<string>, withCouncil = true) => {
    const role = F.roles.find((r) => r.key === key);
    if (!role) throw new Error(key);
    return renderToStaticMarkup(
      createElement(RoleDetails, {
        role,
        f: F,
        vacancies: 0,
        pay: null,
        council: withCouncil ? council : null,
        coursesFor,
      }),
    );
  };
  const required = (key: string) => {
    const role = F.roles.find((r) => r.key === key);
    return (role?.requirements ?? []).flatMap((q) => q.anyOf);
  };

  it("links a requirement to /courses?council=&gives= only when the catalogue has a course giving it", () => {
    const role = F.roles.find((r) => required(r.key).length > 0);
    if (!role) throw new Error("no role with requirements");
    const item = required(role.key)[0];
    expect(html(role.key, new Set([item]))).toContain(`href="/courses?council=halton&amp;gives=${item}"`);
    expect(html(role.key, new Set(["something_else"]))).not.toContain("/courses?");
    expect(html(role.key)).not.toContain("/courses?");
    // The national roadmap (no council) has no catalogue to link to.
    expect(html(role.key, new Set([item]), false)).not.toContain("/courses?");
  });
});
