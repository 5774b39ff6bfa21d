import { CONTRACT, ETHNICITY_UNKNOWN, GENDER, YES_NO_DK } from "../../../shared/ascwds/codes";
import { CALIBRATION, NLW_2026, nlwOn } from "./calibration";
import { ROLE_MIX } from "./catalogue";
import { along, DAY, iso, weightedIndex, YEAR_DAYS, yearsBefore } from "./dates";
import type { Ids } from "./in-post";
import { person, scalePay, setHours } from "./person";
import type { Random } from "./random";
import type { GenStaff, GenWorkplace } from "./types";

// Leavers over the history, placed so that the workforce shrinks from the calibrated size at the
// history's start to the one in post at the anchor, most of those who left having been there
// before the history began (and on permanent contracts: their going is why the share on
// permanent contracts falls), and turnover in each year at its calibrated rate. A year of leavers
// before the history begins gives turnover at its start a full year to count.

/** Leavers on bank and other contracts, for each one directly employed (they churn more). */
const NOT_EMPLOYED_PER_EMPLOYED = 0.35;

interface Leaver {
  end: number;
  employed: boolean;
  start: number | null;
}

/**
 * `inPost` is the workforce at the anchor `D` (no agency); `points` are the month ends of the
 * history, oldest (its start) first, the anchor last. Returns the leavers, each with a record.
 */
export function leavers(
  rnd: Random,
  workplaces: GenWorkplace[],
  inPost: GenStaff[],
  D: number,
  points: number[],
  ids: Ids,
): GenStaff[] {
  const C = CALIBRATION;
  const H = C.history;
  const start = points[0];
  const employedAtD = inPost.filter(
    (s) => s.contractType === CONTRACT.permanent || s.contractType === CONTRACT.temporary,
  ).length;
  const filledAt = (t: number) => Math.round(along(H.filledPostsAtStart, C.workforce, start, D, t));
  // The share directly employed rises as bank and other contracts go back into the past.
  const employedShareAt = (t: number) => along(0.93, employedAtD / C.workforce, start, D, t);

  // How many leave each year (0 the year to the anchor), and when.
  const rates = [C.turnoverRate, ...H.pastTurnover];
  const all: Leaver[] = [];
  rates.forEach((rate, y) => {
    const yearEnd = yearsBefore(D, y);
    const employed =
      y === 0 ? Math.round(rate * employedAtD) : Math.round(rate * filledAt(yearEnd) * employedShareAt(yearEnd));
    const others = Math.round(employed * NOT_EMPLOYED_PER_EMPLOYED);
    for (let n = 0; n < employed + others; n++)
      all.push({ end: yearEnd - rnd.int(0, 364) * DAY, employed: n < employed, start: null });
  });
  const inHistory = all.filter((l) => l.end > start);

  // Start dates. At each point t the workforce is those in post at the anchor who had started by
  // t, and the leavers who had started by t and not yet left: so the number of leavers who started
  // after t is fixed by the target, and leavers are given start dates between points, latest first.
  const startsInPost = inPost.map((s) => Date.parse(`${s.startDate}T00:00:00Z`)).sort((a, b) => a - b);
  const startedBy = (t: number) => {
    let lo = 0;
    let hi = startsInPost.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (startsInPost[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let startedAfter = 0; // leavers given a start after the current point
  for (let k = points.length - 1; k > 0; k--) {
    const [before, t] = [points[k - 1], points[k]];
    // Leavers in post at `before` should be the target less those in post at the anchor.
    const leftAfter = inHistory.filter((l) => l.end > before).length;
    const wanted = Math.min(leftAfter, Math.max(startedAfter, leftAfter - (filledAt(before) - startedBy(before))));
    const candidates = inHistory
      .filter((l) => l.start === null && l.end - before >= 2 * DAY)
      // Mostly those who left soon after, and those on bank and other contracts.
      .map((l) => ({ l, score: (l.end - before) * rnd.between(0.5, 1.5) * (l.employed ? 1 : 0.3) }))
      .sort((a, b) => a.score - b.score);
    for (const { l } of candidates.slice(0, wanted - startedAfter)) {
      const latest = Math.min(t, l.end - DAY);
      l.start = before + rnd.int(1, Math.max(1, Math.round((latest - before) / DAY))) * DAY;
    }
    startedAfter = Math.max(startedAfter, Math.min(wanted, startedAfter + candidates.length));
  }

  // Contracts: of the employed leavers in post at the history's start, as many permanent as make
  // the calibrated share then; those who started since, and the year before, a mix.
  const permanentInPost = inPost.filter(
    (s) => s.startDate <= iso(start) && s.contractType === CONTRACT.permanent,
  ).length;
  let permanentWanted = Math.round(H.permanentShareAtStart * filledAt(start)) - permanentInPost;
  const contractOf = (l: Leaver) => {
    if (!l.employed) return rnd.chance(0.8) ? CONTRACT.bank : CONTRACT.other;
    const there = l.end > start && (l.start === null || l.start <= start);
    if (there) return permanentWanted-- > 0 ? CONTRACT.permanent : CONTRACT.temporary;
    return rnd.chance(l.end > start ? 0.6 : 0.88) ? CONTRACT.permanent : CONTRACT.temporary;
  };

  const weights = workplaces.map((w) => w.size);
  return rnd.shuffle(all).map((l) => {
    const w = workplaces[weightedIndex(rnd, weights)];
    const role = rnd.weighted(ROLE_MIX[w.template]);
    const reason = rnd.weighted([
      [1, 22],
      [2, 8],
      [3, 15],
      [5, 20],
      [6, 9],
      [7, 8],
      [8, 6],
      [9, 12],
    ] as const);
    const age =
      reason === 6
        ? rnd.int(60, 72)
        : rnd.weighted([
            [rnd.int(18, 29), 0.2],
            [rnd.int(30, 54), 0.55],
            [rnd.int(55, 66), 0.25],
          ] as const);
    const dob = l.end - (age * YEAR_DAYS + rnd.int(1, 360)) * DAY;
    // Those who started before the history: a tenure ending then (nobody started before 17).
    const earliest = dob + 17 * YEAR_DAYS * DAY;
    const before = l.start === null;
    const from = Math.min(l.end - 14 * DAY, l.end > start ? start : l.end);
    const startMs = before
      ? Math.max(
          Math.min(earliest, from),
          from -
            rnd.weighted([
              [rnd.int(14, 364), l.end > start ? 0.2 : 0.42],
              [rnd.int(365, 1825), 0.45],
              [rnd.int(1826, 5000), 0.35],
            ] as const) *
              DAY,
        )
      : (l.start as number);
    const contract = contractOf(l);
    const leaver = person(rnd, {
      w,
      role,
      contract,
      dobMs: dob,
      gender: rnd.weighted([
        [GENDER.female, 0.77],
        [GENDER.male, 0.22],
        [GENDER.unknown, 0.01],
      ] as const),
      ethnicity: rnd.weighted([
        [31, 0.5],
        [ETHNICITY_UNKNOWN, 0.38],
        [34, 0.04],
        [44, 0.04],
        [39, 0.04],
      ] as const),
      qual: rnd.weighted([
        [YES_NO_DK.no, 0.45],
        [YES_NO_DK.yes, 0.45],
        [YES_NO_DK.dontKnow, 0.1],
      ] as const),
      startMs,
      roleStartMs: null,
      localRef: ids.nextLocalRef(w),
      ni: ids.nextNi(),
      endMs: l.end,
      leavingReason: reason,
    });
    // Their pay as it was when they left: the National Living Wage was lower.
    scalePay(leaver, nlwOn(iso(l.end)) / NLW_2026);
    setHours(rnd, leaver, contract === CONTRACT.bank ? YES_NO_DK.yes : YES_NO_DK.no);
    return leaver;
  });
}

/** Some who left for another local care employer appear there later: same person, new employment. */
export function linkRejoiners(rnd: Random, staff: GenStaff[], workplaces: GenWorkplace[]) {
  const orgOf = new Map(workplaces.map((w) => [w.key, w.orgKey]));
  const movers = rnd.shuffle(staff.filter((s) => s.leavingReason === 1 && s.ni));
  const starters = rnd.shuffle(staff.filter((s) => s.endDate === null && s.ni && s.contractType !== CONTRACT.agency));
  const used = new Set<GenStaff>();
  for (const m of movers.slice(0, Math.floor(movers.length / 2))) {
    const target = starters.find(
      (s) =>
        !used.has(s) && s.startDate > (m.endDate as string) && orgOf.get(s.workplaceKey) !== orgOf.get(m.workplaceKey),
    );
    if (!target) continue;
    used.add(target);
    Object.assign(target, {
      ni: m.ni,
      dateOfBirth: m.dateOfBirth,
      gender: m.gender,
      ethnicity: m.ethnicity,
      displayId: m.displayId,
      recruitmentSource: 2,
    });
  }
}
