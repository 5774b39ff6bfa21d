import { SW_ROLES, type SwRoleInfo } from "./social-work";
import { fteOf } from "./sw-fte";
import { inPostOn } from "./sw-in-post";

// The vacancy and agency rates as the DfE's children's social work workforce census defines them
// (reference/social-work.md §5; docs/metrics.md, "Social work service"), written once so the census
// (sw-census.ts) and the figures (sw-figures.ts: the figures page and the board report) give one
// answer for the same people on the same day. Both rest on FTE (contracted hours ÷ 37, at most 1),
// not headcount, on 30 September for the census and on the chosen date for the figures:
// - who counts: registered social work roles only (SW_ROLES[role].socialWorker), so family
//   support workers and occupational therapists are in neither numerator nor denominator;
// - a newly qualified social worker (ASYE) fills a social worker's post;
// - vacancy rate = vacant FTE ÷ (vacant FTE + in post FTE), vacant FTE being, per team and post,
//   funded FTE less FTE in post, never below 0 (a post covered by an agency worker is still vacant);
// - agency rate = agency FTE ÷ (agency FTE + in post FTE), counting every agency social worker in
//   post at the date, not only those covering a vacancy.

/** Counted by the census and in the vacancy and agency rates: a registered social work role. */
export const isRegisteredSocialWorkRole = (role: string) =>
  (SW_ROLES as Record<string, SwRoleInfo>)[role]?.socialWorker === true;

/** The post a role fills: a newly qualified social worker fills a social worker's post. */
export const postOf = (role: string) => (role === "asye_social_worker" ? "social_worker" : role);

export interface RateWorker {
  teamId: string;
  role: string;
  startDate: string;
  endDate: string | null;
  contractedHours: number | null;
}
export interface RatePost {
  teamId: string;
  role: string;
  fundedFte: number;
  effectiveFrom: string;
}
export interface RateAgency {
  role: string;
  startDate: string;
  endDate: string | null;
  weeklyHours: number;
}

/** FTE (unrounded) behind the two rates at `at`, registered social work roles only. */
export interface SocialWorkFte {
  inPost: number;
  funded: number;
  vacant: number;
  agency: number;
}

/**
 * The FTE in post, funded, vacant and agency at `at`. The establishment in force is, per team and
 * role, the latest row effective by `at`; an ASYE row and a social worker row of one team make one
 * post. Records of other roles are left out whoever passes them.
 */
export function socialWorkFte(
  workers: readonly RateWorker[],
  establishment: readonly RatePost[],
  agency: readonly RateAgency[],
  at: string,
): SocialWorkFte {
  const inPost = workers.filter((w) => isRegisteredSocialWorkRole(w.role) && inPostOn(w, at));
  const latest = new Map<string, RatePost>();
  for (const p of establishment) {
    if (!isRegisteredSocialWorkRole(p.role) || p.effectiveFrom > at) continue;
    const key = `${p.teamId}|${p.role}`;
    const had = latest.get(key);
    if (!had || had.effectiveFrom < p.effectiveFrom) latest.set(key, p);
  }
  const postKey = (teamId: string, role: string) => `${teamId}|${postOf(role)}`;
  const funded = new Map<string, number>();
  for (const p of latest.values()) {
    const key = postKey(p.teamId, p.role);
    funded.set(key, (funded.get(key) ?? 0) + p.fundedFte);
  }
  let vacant = 0;
  for (const [key, fte] of funded) {
    const filled = sum(inPost.filter((w) => postKey(w.teamId, w.role) === key).map((w) => fteOf(w.contractedHours)));
    vacant += Math.max(0, fte - filled);
  }
  return {
    inPost: sum(inPost.map((w) => fteOf(w.contractedHours))),
    funded: sum([...funded.values()]),
    vacant,
    agency: sum(
      agency.filter((a) => isRegisteredSocialWorkRole(a.role) && inPostOn(a, at)).map((a) => fteOf(a.weeklyHours)),
    ),
  };
}

/** A rate shown as people read it: a percentage to one decimal place (15.1 for 0.151), the same everywhere. */
export const percentOneDp = (share: number) => Math.round(share * 1000 + 1e-9) / 10;

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
