import type { Framework, Requirement, Role, Route } from "./framework";

// What a role needs, read exactly as the framework states it, in one place: My career's gap
// analysis, the public roadmap and the poster all ask here, so they cannot disagree.
//
// - Every required requirement must be met (all of them); a requirement is met by any one of its
//   items (the alternatives). Registration is an item like any other. Recommended ones never
//   block anyone.
// - Experience is months in the sector or in the current role, as the role says.
// - A role that states nothing is open to anyone only if it is an entry role: nobody routes into
//   it, or only from entry roles by routes that go through nothing. Otherwise the way in is
//   experience of the roles the framework routes into it from, and never "no qualification needed".
// - A move along a route that goes through qualifications or apprenticeships, into a role that
//   states no required item of its own, needs one of the route's items: the route is then the
//   only thing the framework says about how to get in.

/** The requirements that must all be met. */
export const requiredOf = (role: Role): Requirement[] => role.requirements.filter((q) => q.need === "required");
/** The requirements that help but do not block. */
export const recommendedOf = (role: Role): Requirement[] => role.requirements.filter((q) => q.need === "recommended");

/** Whether a role states anything someone must have before they start: a required item or experience. */
const statesNeeds = (role: Role) => requiredOf(role).length > 0 || role.experience !== undefined;

const entryMemo = new WeakMap<Framework, Map<string, boolean>>();

/**
 * An entry role: it states nothing anyone must have, and nobody comes to it from a role that
 * needs something (no route into it, or only from entry roles by routes that go through no item).
 */
export function isEntryRole(f: Framework, role: Role): boolean {
  const memo = entryMemo.get(f) ?? new Map<string, boolean>();
  entryMemo.set(f, memo);
  const known = memo.get(role.key);
  if (known !== undefined) return known;
  memo.set(role.key, false); // while it is worked out: a circle of routes is not a way in
  const roles = new Map(f.roles.map((r) => [r.key, r]));
  const entry =
    !statesNeeds(role) &&
    f.routes
      .filter((rt) => rt.to === role.key)
      .every((rt) => rt.items.length === 0 && roles.has(rt.from) && isEntryRole(f, roles.get(rt.from) as Role));
  memo.set(role.key, entry);
  return entry;
}

/**
 * Whether someone new to the work can be taken on in the role: it asks for no experience, and
 * each required requirement can be met by an induction done in the job (the Care Certificate).
 */
export function openToNewcomers(f: Framework, role: Role): boolean {
  if (role.experience) return false;
  const kinds = new Map(f.catalogue.map((i) => [i.key, i.kind]));
  return requiredOf(role).every((q) => q.anyOf.some((k) => kinds.get(k) === "induction"));
}

/**
 * The ASC-WDS job roles whose vacancies a role counts. An entry role counts, besides its own, the
 * job roles of the roles it leads to that take people new to the work (New to care counts care
 * worker posts: a new care worker is taken on as a care worker and does the Care Certificate in
 * the job). Other roles count their own job roles.
 */
export function vacancyJobRoles(f: Framework, role: Role): number[] {
  const out = new Set(role.jobRoles);
  if (isEntryRole(f, role)) {
    const roles = new Map(f.roles.map((r) => [r.key, r]));
    for (const rt of f.routes.filter((x) => x.from === role.key)) {
      const to = roles.get(rt.to);
      if (to && openToNewcomers(f, to)) for (const j of to.jobRoles) out.add(j);
    }
  }
  return [...out];
}

/** The roles the framework routes into a role from. */
export const cameFrom = (f: Framework, role: Role): Role[] =>
  f.routes
    .filter((rt) => rt.to === role.key)
    .map((rt) => f.roles.find((r) => r.key === rt.from))
    .filter((r): r is Role => r !== undefined);

/**
 * What a move into a role asks for, as requirements to check one by one: the role's own, and,
 * when it states no required item, one of the items of the route taken (if the route goes
 * through qualifications or apprenticeships and names any).
 */
export function requirementsForMove(role: Role, route?: Route): Requirement[] {
  const through =
    route && route.items.length > 0 && route.via.some((v) => v === "qualification" || v === "apprenticeship");
  if (requiredOf(role).length > 0 || !through) return role.requirements;
  return [{ anyOf: route.items, need: "required", note: "The way in the framework gives" }, ...role.requirements];
}

/** "6 months", "1 year", "3 years". */
export const duration = (months: number) =>
  months >= 12 && months % 12 === 0 ? `${months / 12} year${months === 12 ? "" : "s"}` : `${months} months`;

/** "2 years of experience in your current role". */
export const experienceText = (e: NonNullable<Role["experience"]>) =>
  `${duration(e.months)} of experience ${e.in === "sector" ? "in the sector" : "in your current role"}`;

export const NO_QUALIFICATION = "No qualification needed to start";

/**
 * What a role needs to start, in one line, for the poster, the roadmap and My career: its
 * required items (alternatives joined by "or") and experience; for an entry role that states
 * nothing, that no qualification is needed; for any other role that states nothing, the roles
 * people come to it from.
 */
export function needsLine(f: Framework, role: Role): string {
  const items = new Map(f.catalogue.map((i) => [i.key, i.title]));
  const needs = requiredOf(role).map((q) => q.anyOf.map((k) => items.get(k) ?? k).join(" or "));
  if (role.experience) needs.push(experienceText(role.experience));
  if (needs.length) return `Needs: ${needs.join("; ")}`;
  if (isEntryRole(f, role)) return NO_QUALIFICATION;
  const from = cameFrom(f, role).map((r) => r.title);
  return `No set qualification: needs experience as ${from.join(" or ")}`;
}
