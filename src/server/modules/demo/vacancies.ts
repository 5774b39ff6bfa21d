import { CALIBRATION } from "./calibration";
import { ROLE_MIX } from "./catalogue";
import { chains } from "./chains";
import { along, apportion, iso } from "./dates";
import type { Random } from "./random";
import type { GenVacancy, GenWorkplace } from "./types";

/**
 * Vacancies open at every date of the history at a rate rising from the history's start to the
 * calibrated rate at the anchor (exactly, there): vacancies ÷ (employed + vacancies), with
 * `employedAt(i)` those directly employed at each point. Each vacant post is advertised for one
 * to four months at a time, then again, so the number open never drops to nothing between dates.
 */
export function vacanciesOverHistory(
  rnd: Random,
  workplaces: GenWorkplace[],
  points: number[],
  employedAt: (i: number) => number,
): GenVacancy[] {
  const C = CALIBRATION;
  const last = points.length - 1;
  const rateAt = (i: number) => along(C.history.vacancyRateAtStart, C.vacancyRate, 0, last, i);
  const target = (i: number) => Math.round((employedAt(i) * rateAt(i)) / (1 - rateAt(i)));
  const { intervals, slots } = chains(rnd, points, target, [45, 150]);
  // Each vacant post belongs to a workplace, in proportion to its size.
  const placeOf = rnd.shuffle(
    apportion(
      slots,
      workplaces.map((w) => w.size),
    ).flatMap((n, wi) => Array<GenWorkplace>(n).fill(workplaces[wi])),
  );
  return intervals.map(({ slot, from, to }) => {
    const w = placeOf[slot];
    return {
      orgKey: w.orgKey,
      workplaceKey: w.key,
      jobRole: rnd.weighted(ROLE_MIX[w.template].filter(([r]) => r !== 4)),
      openedOn: iso(from),
      closedOn: to === null ? null : iso(to),
    };
  });
}
