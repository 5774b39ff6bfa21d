import type { CatalogueItem, Evidence, Framework, Requirement, Role, Route } from "../../../shared/career/framework";
import { requirementsForMove } from "../../../shared/career/requirements";

// Gap analysis: where a person is in the framework, and for each role they could move to, what
// they have and what they still need, from their staff record, qualifications and training.
// Pure functions over the framework and one person's record.

export interface PersonRecord {
  mainJobRole: number;
  cwpCategory: number | null;
  careCertificate: number | null;
  level2CareCertificate: number | null;
  socialCareQual: number | null;
  socialCareQualLevel: number | null;
  amhp: number | null;
  delegatedHealthcare: number | null;
  apprentice: number | null;
  sectorStartYear: number | null;
  mainJobStartDate: string | null;
  /** ASC-WDS qualification codes held. */
  qualifications: number[];
  training: { category: number; expiresOn: string | null }[];
}

/** Whether one rule finds the item in the record. */
function shows(e: Evidence, p: PersonRecord, today: string): boolean {
  switch (e.kind) {
    case "field":
      return e.values.includes(p[e.field] ?? Number.NaN);
    case "socialCareLevel":
      return (
        p.socialCareQual === 1 &&
        p.socialCareQualLevel !== null &&
        p.socialCareQualLevel !== 999 &&
        p.socialCareQualLevel >= e.atLeast
      );
    case "qualification":
      return p.qualifications.some((q) => e.codes.includes(q));
    case "training":
      return p.training.some((t) => e.categories.includes(t.category) && (t.expiresOn === null || t.expiresOn > today));
    case "jobRole":
      return e.roles.includes(p.mainJobRole);
  }
}

/** Held (the records show it), or not recorded: the hub cannot tell absence from a missing record. */
export const holds = (item: CatalogueItem, p: PersonRecord, today: string) =>
  item.evidence.some((e) => shows(e, p, today));

/** The person's place: their Care Workforce Pathway category if recorded, else the first role for their main job role. */
export function currentRole(f: Framework, p: Pick<PersonRecord, "mainJobRole" | "cwpCategory">): Role | null {
  return (
    (p.cwpCategory !== null ? f.roles.find((r) => r.cwpCategories.includes(p.cwpCategory as number)) : undefined) ??
    f.roles.find((r) => r.jobRoles.includes(p.mainJobRole)) ??
    null
  );
}

export interface RequirementGap {
  need: Requirement["need"];
  note?: string;
  /** The items any one of which meets it, with whether the records show each. */
  options: { key: string; title: string; held: boolean }[];
  met: boolean;
}
export interface RoleGap {
  role: { key: string; title: string };
  requirements: RequirementGap[];
  experience: { months: number; in: "sector" | "role"; have: number | null; met: boolean; note?: string } | null;
  /** Required items still to get: the first option of each unmet required requirement (the usual one). */
  stillNeeded: string[];
  ready: boolean;
}

const monthsSince = (from: string, today: string) =>
  (Number(today.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(today.slice(5, 7)) - Number(from.slice(5, 7));

/**
 * What the person has and still needs for a role: every required requirement (each met by any
 * one of its items) and the experience, as `requirementsForMove` reads them from the framework,
 * for a move along `route` when there is one.
 */
export function gapFor(f: Framework, p: PersonRecord, role: Role, today: string, route?: Route): RoleGap {
  const items = new Map(f.catalogue.map((i) => [i.key, i]));
  const requirements = requirementsForMove(role, route).map((q) => {
    const options = q.anyOf.map((key) => {
      const item = items.get(key);
      return { key, title: item?.title ?? key, held: item ? holds(item, p, today) : false };
    });
    return { need: q.need, note: q.note, options, met: options.some((o) => o.held) };
  });
  let experience: RoleGap["experience"] = null;
  if (role.experience) {
    const have =
      role.experience.in === "sector"
        ? p.sectorStartYear && p.sectorStartYear !== 999
          ? (Number(today.slice(0, 4)) - p.sectorStartYear) * 12
          : null
        : p.mainJobStartDate
          ? monthsSince(p.mainJobStartDate, today)
          : null;
    experience = {
      months: role.experience.months,
      in: role.experience.in,
      have,
      met: have !== null && have >= role.experience.months,
      note: role.experience.note,
    };
  }
  const stillNeeded = requirements.filter((q) => q.need === "required" && !q.met).map((q) => q.options[0].key);
  return {
    role: { key: role.key, title: role.title },
    requirements,
    experience,
    stillNeeded,
    ready: stillNeeded.length === 0 && (experience?.met ?? true),
  };
}

/** Where the person is and, for each route onwards, what they have and still need. */
export function nextSteps(f: Framework, p: PersonRecord, today: string) {
  const current = currentRole(f, p);
  if (!current) return { current: null, next: [] as { route: Route; gap: RoleGap }[] };
  const roles = new Map(f.roles.map((r) => [r.key, r]));
  const next = f.routes
    .filter((rt) => rt.from === current.key)
    .map((route) => ({ route, gap: gapFor(f, p, roles.get(route.to) as Role, today, route) }));
  return { current: { key: current.key, title: current.title, gap: gapFor(f, p, current, today) }, next };
}
