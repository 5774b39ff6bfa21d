import { CONTRACT, GENDER, PAY_INTERVAL, YES_NO_DK } from "../../../shared/ascwds/codes";
import { CALIBRATION } from "./calibration";
import { chains } from "./chains";
import { apportion, iso, round2 } from "./dates";
import { person } from "./person";
import type { Random } from "./random";
import type { GenAgencyMonth, GenStaff, GenWorkplace } from "./types";

// Agency workers: placements at the busier services, more of them each year, and the spend the
// employers record each month, rising from £760k to £1.2m a year over the history.

const busyOf = (workplaces: GenWorkplace[]) =>
  workplaces.filter((w) => w.template === "home_care" || w.template === "nursing" || w.template === "residential");

/**
 * Agency placements (staff records with the agency contract), as many in post at each point as
 * the calibrated share of the workforce then, `workforceAt(i)`: 4% at the anchor, fewer before.
 */
export function agencyPlacements(
  rnd: Random,
  workplaces: GenWorkplace[],
  points: number[],
  workforceAt: (i: number) => number,
  nextLocalRef: (w: GenWorkplace) => string,
): GenStaff[] {
  const H = CALIBRATION.history;
  const last = points.length - 1;
  const share = (i: number) => H.agencyShareAtStart + ((CALIBRATION.agencyShare - H.agencyShareAtStart) * i) / last;
  const { intervals } = chains(rnd, points, (i) => Math.round(workforceAt(i) * share(i)), [60, 300]);
  const busy = busyOf(workplaces);
  return intervals.map(({ slot, from, to }) => {
    const w = busy[slot % busy.length];
    const role = w.template === "nursing" && rnd.chance(0.3) ? 16 : 8;
    return {
      ...person(rnd, {
        w,
        role,
        contract: CONTRACT.agency,
        dobMs: null,
        gender: GENDER.unknown,
        ethnicity: null,
        qual: YES_NO_DK.dontKnow,
        startMs: from,
        roleStartMs: null,
        localRef: nextLocalRef(w),
        ni: null,
        endMs: to,
        leavingReason: null,
      }),
      payInterval: PAY_INTERVAL.dontKnow,
      payRate: null,
      zeroHours: null,
      contractedHours: null,
      averageHours: rnd.int(12, 40),
    };
  });
}

/** The first day of each of the `months` months whose first day is on or before `anchorMs`, oldest first. */
function monthStarts(anchorMs: number, months: number): string[] {
  const d = new Date(anchorMs);
  return Array.from({ length: months }, (_, i) =>
    iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (months - 1 - i), 1)),
  );
}

/**
 * Agency spend recorded monthly by the busier services over the history: each year's total is the
 * calibrated one (£760k in the first, £1.2m in the last, the year between on the same curve), its
 * months rising steadily, shared among the services with some variation.
 */
export function agencySpend(rnd: Random, workplaces: GenWorkplace[], anchorMs: number): GenAgencyMonth[] {
  const H = CALIBRATION.history;
  const first = H.agencySpendFirstYear;
  const last = H.agencySpendLastYear;
  // A steady monthly growth that takes the first year's total to the last's over the years between.
  const growth = (last / first) ** (1 / (12 * (H.years - 1)));
  const months = monthStarts(anchorMs, 12 * H.years);
  const busy = busyOf(workplaces);
  const out: GenAgencyMonth[] = [];
  for (let y = 0; y < H.years; y++) {
    const total = first * (last / first) ** (y / (H.years - 1));
    const weights = Array.from({ length: 12 }, (_, m) => growth ** m);
    // In pence, so each year adds up to its total exactly.
    apportion(Math.round(total * 100), weights).forEach((pence, m) => {
      const month = months[y * 12 + m];
      const shares = busy.map((w) => w.size * rnd.between(0.6, 1.4));
      apportion(pence, shares).forEach((p, wi) => {
        const spend = round2(p / 100);
        out.push({
          orgKey: busy[wi].orgKey,
          workplaceKey: busy[wi].key,
          month,
          spend,
          // About £26 an hour from the agency.
          hours: Math.round((spend / rnd.between(24, 28)) * 10) / 10,
          roles: busy[wi].template === "nursing" ? [8, 16] : [8],
        });
      });
    });
  }
  return out;
}
