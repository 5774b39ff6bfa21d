import { describe, expect, it } from "vitest";
import type { Framework, Role } from "../../../shared/career/framework";
import { posterPdf } from "../careers/poster";
import { gapFor, nextSteps, type PersonRecord } from "./gap";
import { SHIPPED_FRAMEWORK } from "./shipped-framework";

// Requirements are read exactly as the framework states them (issue 15 item 1): every required
// requirement, each met by any one of its items; registration; experience; and a role that states
// nothing is only "no qualification needed" when it is where people start.

const F = SHIPPED_FRAMEWORK;
const TODAY = "2026-11-22";

const person = (over: Partial<PersonRecord> = {}): PersonRecord => ({
  mainJobRole: 8, // care worker
  cwpCategory: null,
  careCertificate: 2,
  level2CareCertificate: 3,
  socialCareQual: 2,
  socialCareQualLevel: null,
  amhp: null,
  delegatedHealthcare: 2,
  apprentice: 2,
  sectorStartYear: null,
  mainJobStartDate: null,
  qualifications: [],
  training: [],
  ...over,
});
const role = (over: Partial<Role>): Role => ({
  key: "made_up",
  pathway: "adult_social_care",
  title: "Made-up role",
  summary: "A role made up for the test.",
  values: [],
  behaviours: [],
  requirements: [],
  jobRoles: [],
  cwpCategories: [],
  source: { title: "The test" },
  ...over,
});
const roleOf = (key: string) => F.roles.find((r) => r.key === key) as Role;

describe("what a role needs, as the framework states it", () => {
  it("all of its required items: one of two is not enough", () => {
    const both = role({
      requirements: [
        { anyOf: ["care_certificate"], need: "required" },
        { anyOf: ["delegated_healthcare_training"], need: "required" },
      ],
    });
    const one = gapFor(F, person({ careCertificate: 1 }), both, TODAY);
    expect(one.ready).toBe(false);
    expect(one.stillNeeded).toEqual(["delegated_healthcare_training"]);
    expect(gapFor(F, person({ careCertificate: 1, delegatedHealthcare: 1 }), both, TODAY).ready).toBe(true);
  });

  it("alternatives: any one of a requirement's items meets it, the second as well as the first", () => {
    const level2 = role({
      requirements: [{ anyOf: ["l2_adult_social_care_certificate", "l2_diploma_care"], need: "required" }],
    });
    expect(gapFor(F, person(), level2, TODAY).ready).toBe(false);
    expect(gapFor(F, person({ socialCareQual: 1, socialCareQualLevel: 2 }), level2, TODAY).ready).toBe(true);
    expect(gapFor(F, person({ level2CareCertificate: 1 }), level2, TODAY).ready).toBe(true);
    // A recommended item never blocks.
    const recommended = role({ requirements: [{ anyOf: ["care_certificate"], need: "recommended" }] });
    expect(gapFor(F, person(), recommended, TODAY).ready).toBe(true);
  });

  it("registration: only someone the records show registered meets it", () => {
    const registered = role({ requirements: [{ anyOf: ["swe_registration"], need: "required" }] });
    expect(gapFor(F, person(), registered, TODAY).ready).toBe(false);
    expect(gapFor(F, person({ mainJobRole: 6 }), registered, TODAY).ready).toBe(true);
    // The team manager's route: a care worker is not a registered social worker.
    expect(gapFor(F, person(), roleOf("sw_team_manager"), TODAY).stillNeeded).toEqual(["swe_registration"]);
  });

  it("experience in years in the sector and in months in the role, not met when the records do not say", () => {
    const sector = role({ experience: { months: 36, in: "sector" } });
    expect(gapFor(F, person({ sectorStartYear: 2024 }), sector, TODAY).experience).toMatchObject({
      have: 24,
      met: false,
    });
    expect(gapFor(F, person({ sectorStartYear: 2023 }), sector, TODAY).ready).toBe(true);
    expect(gapFor(F, person({ sectorStartYear: 999 }), sector, TODAY).ready).toBe(false); // not known
    const inRole = role({ experience: { months: 18, in: "role" } });
    expect(gapFor(F, person({ mainJobStartDate: "2025-06-01" }), inRole, TODAY).ready).toBe(false); // 17 months
    expect(gapFor(F, person({ mainJobStartDate: "2025-05-01" }), inRole, TODAY).ready).toBe(true); // 18 months
    expect(gapFor(F, person(), inRole, TODAY).ready).toBe(false);
  });

  it("nothing required: an entry role is open to someone with nothing recorded", () => {
    const gap = gapFor(F, person(), roleOf("new_to_care"), TODAY);
    expect(gap.ready).toBe(true);
    expect(gap.stillNeeded).toEqual([]);
  });

  it("a care worker with only the Care Certificate is not told they can become a social work student", () => {
    const { current, next } = nextSteps(F, person({ careCertificate: 1 }), TODAY);
    expect(current?.key).toBe("care_support_worker");
    const student = next.find((n) => n.route.to === "sw_student")?.gap;
    expect(student?.ready).toBe(false);
    expect(student?.stillNeeded.length).toBeGreaterThan(0);
  });

  it("a route through an apprenticeship into a role that states nothing needs the apprenticeship", () => {
    // A council's framework as it was before the shipped one said what a student needs.
    const older: Framework = {
      ...F,
      roles: F.roles.map((r) => (r.key === "sw_student" ? { ...r, requirements: [] } : r)),
    };
    const student = nextSteps(older, person({ careCertificate: 1 }), TODAY).next.find(
      (n) => n.route.to === "sw_student",
    )?.gap;
    expect(student?.ready).toBe(false);
    expect(student?.stillNeeded).toEqual(["ap_social_worker"]);
    // A promotion that goes through nothing asks nothing more than the role states.
    const headOfService = gapFor(
      F,
      person({ mainJobRole: 2 }),
      roleOf("cf_head_of_service"),
      TODAY,
      F.routes.find((rt) => rt.to === "cf_head_of_service"),
    );
    expect(headOfService.ready).toBe(true);
  });
});

/** The roles people start in: nobody routes into them, or only from such roles through nothing, and they require nothing. */
function entryRoles(f: Framework): Set<string> {
  const entry = new Set(
    f.roles
      .filter((r) => !r.requirements.some((q) => q.need === "required") && !r.experience)
      .filter((r) => !f.routes.some((rt) => rt.to === r.key))
      .map((r) => r.key),
  );
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of f.roles) {
      if (entry.has(r.key) || r.requirements.some((q) => q.need === "required") || r.experience) continue;
      const into = f.routes.filter((rt) => rt.to === r.key);
      if (into.length && into.every((rt) => entry.has(rt.from) && rt.items.length === 0)) {
        entry.add(r.key);
        grew = true;
      }
    }
  }
  return entry;
}

/** The poster's text as drawn: each TJ array's hex strings, decoded (kerning gaps dropped). */
const posterText = async (f: Framework) => {
  const pdf = (await posterPdf(f, { uncompressed: true })).toString("latin1");
  return [...pdf.matchAll(/\[(.*?)\] TJ/g)]
    .map((m) => [...m[1].matchAll(/<([0-9a-f]+)>/g)].map((h) => Buffer.from(h[1], "hex").toString("latin1")).join(""))
    .join(" ")
    .replace(/\s+/g, " ");
};

describe("no role above where people start reads as needing no qualification", () => {
  it("the entry roles of the shipped framework are New to care and Personal assistant", () => {
    expect([...entryRoles(F)].sort()).toEqual(["new_to_care", "personal_assistant"]);
  });

  it("on the poster: each role's line says what it needs; only entry roles say no qualification is needed", async () => {
    const text = await posterText(F);
    const entry = entryRoles(F);
    const titles = F.roles.map((r) => r.title);
    for (const r of F.roles) {
      // The role's text runs from its title (where it heads its own lines, not in another's
      // "Leads to") to the next role's title.
      const start =
        [...text.matchAll(new RegExp(`${r.title.replace(/[()]/g, "\\$&")} (?=Needs|No )`, "g"))][0]?.index ?? -1;
      expect(start, r.key).toBeGreaterThan(-1);
      const after = text.slice(start + r.title.length);
      const ends = titles
        .filter((t) => t !== r.title)
        .map((t) => after.indexOf(` ${t} `))
        .filter((i) => i >= 0);
      const own = after.slice(0, Math.min(after.length, ...ends));
      if (entry.has(r.key)) expect(own, r.key).toContain("No qualification needed to start");
      else expect(own, r.key).not.toMatch(/no qualification/i);
    }
    expect(text).toContain(
      "Head of service (children and families) No set qualification: needs experience as Service manager (children and families)",
    );
  });

  it("in My career: from each role, a move into a role above the entry is never open with nothing recorded unless the framework asks nothing for it", () => {
    const entry = entryRoles(F);
    const nothing = person({ mainJobRole: 999 });
    for (const rt of F.routes) {
      const to = roleOf(rt.to);
      if (entry.has(to.key)) continue;
      const gap = gapFor(F, nothing, to, TODAY, rt);
      const asksNothing =
        !to.requirements.some((q) => q.need === "required") &&
        !to.experience &&
        !(rt.items.length && rt.via.some((v) => v === "qualification" || v === "apprenticeship"));
      expect(gap.ready, `${rt.from} → ${rt.to}`).toBe(asksNothing);
    }
  });
});
