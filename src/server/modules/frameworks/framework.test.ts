import { describe, expect, it } from "vitest";
import { type Framework, frameworkProblems, frameworkSchema } from "../../../shared/career/framework";
import { withEasyRead } from "../careers/careers.service";
import { currentRole, gapFor, nextSteps, type PersonRecord } from "./gap";
import { SHIPPED_FRAMEWORK } from "./shipped-framework";

const F = SHIPPED_FRAMEWORK;
const TODAY = "2026-11-22";

describe("the shipped career framework", () => {
  it("is a valid framework whose routes join roles that exist, with no dead ends but its top roles", () => {
    expect(frameworkSchema.safeParse(F).success).toBe(true);
    expect(frameworkProblems(F)).toEqual([]);
    const tops = F.roles.filter((r) => r.top).map((r) => r.key);
    expect(tops.sort()).toEqual(["cf_head_of_service", "principal_social_worker", "senior_leader"]);
  });

  it("has the Care Workforce Pathway's eight role categories and every pathway the issue names, each role with its source", () => {
    const asc = F.roles.filter((r) => r.pathway === "adult_social_care").map((r) => r.title);
    expect(asc).toEqual([
      "New to care",
      "Care or support worker",
      "Enhanced care worker",
      "Personal assistant",
      "Supervisor or leader",
      "Practice leader",
      "Deputy manager",
      "Registered manager",
    ]);
    expect(F.pathways.map((p) => p.key)).toEqual([
      "adult_social_care",
      "leadership_management",
      "adult_social_work",
      "childrens_social_work",
      "occupational_therapy",
      "nursing",
    ]);
    for (const r of F.roles) expect(r.source.title.length, r.key).toBeGreaterThan(3);
    const sw = F.roles.filter((r) => r.pathway === "adult_social_work").map((r) => r.key);
    expect(sw).toEqual(
      expect.arrayContaining([
        "sw_student",
        "asye_social_worker",
        "social_worker",
        "experienced_social_worker",
        "consultant_social_worker",
        "amhp",
        "bia",
        "practice_educator",
        "sw_team_manager",
        "principal_social_worker",
      ]),
    );
    // Apprenticeship standards carry their ST codes and levels.
    expect(F.catalogue.find((i) => i.key === "ap_lead_adult_care_worker")).toMatchObject({
      standard: "ST0006",
      level: 3,
    });
  });

  it("every role can be reached from an entry role", () => {
    const reached = new Set(F.roles.filter((r) => !F.routes.some((rt) => rt.to === r.key)).map((r) => r.key));
    let grew = true;
    while (grew) {
      grew = false;
      for (const rt of F.routes)
        if (reached.has(rt.from) && !reached.has(rt.to)) {
          reached.add(rt.to);
          grew = true;
        }
    }
    expect(F.roles.filter((r) => !reached.has(r.key)).map((r) => r.key)).toEqual([]);
  });

  it("finds broken links and dead ends in a council's edit", () => {
    const broken: Framework = {
      ...F,
      routes: [
        ...F.routes.filter((rt) => rt.from !== "registered_manager"),
        { from: "deputy_manager", to: "chief_executive", via: ["promotion"], how: "Somehow or other", items: ["mba"] },
      ],
    };
    expect(frameworkProblems(broken)).toEqual([
      "route deputy_manager → chief_executive: role chief_executive does not exist",
      "route deputy_manager → chief_executive: mba is not in the catalogue",
      'role registered_manager ("Registered manager") is a dead end: add a route onwards or mark it a top role',
    ]);
  });
});

const careWorker = (over: Partial<PersonRecord> = {}): PersonRecord => ({
  mainJobRole: 8,
  cwpCategory: null,
  careCertificate: 1, // Care Certificate completed
  level2CareCertificate: 3, // Level 2 Adult Social Care Certificate: no
  socialCareQual: 2, // no relevant social care qualification
  socialCareQualLevel: null,
  amhp: null,
  delegatedHealthcare: 2,
  apprentice: 2,
  sectorStartYear: 2022,
  mainJobStartDate: "2023-03-01",
  qualifications: [],
  training: [],
  ...over,
});

describe("gap analysis", () => {
  it("a care worker with the Care Certificate but no Level 2 is shown exactly what they need for each next role", () => {
    const { current, next } = nextSteps(F, careWorker(), TODAY);
    expect(current?.key).toBe("care_support_worker");
    expect(current?.gap.ready).toBe(true); // the Care Certificate is all the role requires
    expect(next.map((n) => n.route.to)).toEqual([
      "enhanced_care_worker",
      "supervisor_leader",
      "sw_student",
      "nursing_associate",
      "ot_assistant",
    ]);

    const supervisor = next.find((n) => n.route.to === "supervisor_leader")?.gap;
    expect(supervisor?.requirements).toEqual([
      {
        need: "required",
        note: undefined,
        met: true,
        options: [{ key: "care_certificate", title: "Care Certificate", held: true }],
      },
      {
        need: "required",
        note: undefined,
        met: false,
        options: [
          { key: "l2_adult_social_care_certificate", title: "Level 2 Adult Social Care Certificate", held: false },
          {
            key: "l2_diploma_care",
            title: "Level 2 Diploma in Care (or another relevant social care qualification at level 2 or above)",
            held: false,
          },
        ],
      },
      {
        need: "recommended",
        note: "Providers map the Level 3 Diploma in Adult Care here",
        met: false,
        options: [
          {
            key: "l3_diploma_adult_care",
            title: "Level 3 Diploma in Adult Care (or a relevant social care qualification at level 3 or above)",
            held: false,
          },
          { key: "ap_lead_adult_care_worker", title: "Lead adult care worker apprenticeship", held: false },
        ],
      },
    ]);
    expect(supervisor?.stillNeeded).toEqual(["l2_adult_social_care_certificate"]);
    expect(supervisor?.ready).toBe(false);
    expect(next.find((n) => n.route.to === "enhanced_care_worker")?.gap.stillNeeded).toEqual([
      "l2_adult_social_care_certificate",
      "delegated_healthcare_training",
    ]);
  });

  it("once the Level 2 certificate is recorded (the field, or qualification code 158), the supervisor route is open", () => {
    const byField = nextSteps(F, careWorker({ level2CareCertificate: 1 }), TODAY).next.find(
      (n) => n.route.to === "supervisor_leader",
    )?.gap;
    expect(byField?.ready).toBe(true);
    const byCode = nextSteps(F, careWorker({ qualifications: [158] }), TODAY).next.find(
      (n) => n.route.to === "supervisor_leader",
    )?.gap;
    expect(byCode?.ready).toBe(true);
    // A level 2 diploma recorded as the social care qualification meets it too.
    expect(
      nextSteps(F, careWorker({ socialCareQual: 1, socialCareQualLevel: 2 }), TODAY).next.find(
        (n) => n.route.to === "supervisor_leader",
      )?.gap.ready,
    ).toBe(true);
  });

  it("places people by their pathway category first, then their job role; experience counts from the records", () => {
    expect(currentRole(F, careWorker({ cwpCategory: 1 }))?.key).toBe("new_to_care");
    expect(currentRole(F, careWorker({ mainJobRole: 4 }))?.key).toBe("registered_manager");
    expect(currentRole(F, careWorker({ mainJobRole: 999 }))).toBeNull();
    const amhp = F.roles.find((r) => r.key === "amhp");
    if (!amhp) throw new Error("amhp role missing");
    const social = careWorker({ mainJobRole: 6, mainJobStartDate: "2025-06-01" });
    expect(gapFor(F, social, amhp, TODAY).experience).toMatchObject({ months: 24, have: 17, met: false });
    expect(gapFor(F, { ...social, amhp: 1, mainJobStartDate: "2020-01-01" }, amhp, TODAY).ready).toBe(true);
  });
});

describe("the shipped framework in easy read", () => {
  it("has easy read words for every pathway and role, in short lines", () => {
    for (const p of SHIPPED_FRAMEWORK.pathways) expect(p.easyRead, p.key).toBeTruthy();
    for (const r of SHIPPED_FRAMEWORK.roles) {
      expect(r.easyRead?.length, r.key).toBeGreaterThan(0);
      // One idea a line: no line longer than 90 characters.
      for (const line of r.easyRead ?? []) expect(line.length, `${r.key}: ${line}`).toBeLessThanOrEqual(90);
    }
  });
});

describe("easy read for a council's own framework", () => {
  it("keeps the council's words, takes the shipped words for a shipped role, and the summary for a role of its own", () => {
    const own = {
      ...SHIPPED_FRAMEWORK.roles[0],
      key: "night_carer",
      title: "Night carer",
      summary: "Supports people through the night.",
      easyRead: undefined,
    };
    const council: Framework = {
      ...SHIPPED_FRAMEWORK,
      roles: [
        ...SHIPPED_FRAMEWORK.roles.map((r) =>
          r.key === "registered_manager" ? { ...r, easyRead: ["You run the home."] } : { ...r, easyRead: undefined },
        ),
        own,
      ],
    };
    const f = withEasyRead(council);
    const lines = (key: string) => f.roles.find((r) => r.key === key)?.easyRead;
    expect(lines("registered_manager")).toEqual(["You run the home."]);
    expect(lines("social_worker")).toEqual(SHIPPED_FRAMEWORK.roles.find((r) => r.key === "social_worker")?.easyRead);
    expect(lines("night_carer")).toEqual(["Supports people through the night."]);
  });
});
