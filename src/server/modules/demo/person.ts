import {
  CARE_PROVIDING_ROLES,
  CONTRACT,
  GENDER,
  NATIONALITY,
  PAY_INTERVAL,
  YES_NO_DK,
} from "../../../shared/ascwds/codes";
import { CALIBRATION, NLW_2026, RLW_2025_26 } from "./calibration";
import { FIRST_NAMES_F, FIRST_NAMES_M, SURNAMES } from "./catalogue";
import { DAY, iso, round2 } from "./dates";
import type { Random } from "./random";
import type { GenStaff, GenWorkplace } from "./types";

// One demo staff record: who they are, their contract and hours, and their pay.

const isCare = (role: number) => (CARE_PROVIDING_ROLES as readonly number[]).includes(role);
/** Roles paid a salary (managers, nurses, social workers and the like): on permanent contracts. */
export const SALARIED = new Set([1, 2, 3, 4, 6, 15, 16, 24, 43, 44]);

export interface PersonInput {
  w: GenWorkplace;
  role: number;
  contract: number;
  dobMs: number | null;
  gender: number;
  ethnicity: number | null;
  qual: number;
  startMs: number;
  roleStartMs: number | null;
  localRef: string;
  ni: string | null;
  endMs: number | null;
  leavingReason: number | null;
}

export function person(rnd: Random, p: PersonInput): GenStaff {
  const first = p.gender === GENDER.male ? rnd.pick(FIRST_NAMES_M) : rnd.pick(FIRST_NAMES_F);
  const care = isCare(p.role);
  const { interval, rate } = pay(rnd, p.role, p.w, p.contract);
  return {
    orgKey: p.w.orgKey,
    workplaceKey: p.w.key,
    localRef: p.localRef,
    displayId: `${first} ${rnd.pick(SURNAMES)}`,
    ni: p.ni,
    dateOfBirth: p.dobMs === null ? null : iso(p.dobMs),
    gender: p.gender,
    ethnicity: p.ethnicity,
    nationality: rnd.weighted([
      [NATIONALITY.british, 0.84],
      [356, 0.03],
      [566, 0.025],
      [716, 0.02],
      [608, 0.015],
      [616, 0.02],
      [642, 0.01],
      [NATIONALITY.unknown, 0.04],
    ] as const),
    disabled: rnd.weighted([
      [0, 0.82],
      [1, 0.04],
      [2, 0.02],
      [3, 0.12],
    ] as const),
    contractType: p.contract,
    zeroHours: null,
    contractedHours: null,
    averageHours: null,
    payInterval: interval,
    payRate: rate,
    mainJobRole: p.role,
    mainJobStartDate: iso(p.roleStartMs ?? p.startMs),
    startDate: iso(p.startMs),
    sectorStartYear: null,
    socialCareQual: p.qual,
    socialCareQualLevel:
      p.qual === YES_NO_DK.yes
        ? p.role === 4 || p.role === 43
          ? 5
          : rnd.weighted([
              [2, 0.5],
              [3, 0.36],
              [4, 0.05],
              [5, 0.09],
            ] as const)
        : null,
    careCertificate: care
      ? rnd.weighted([
          [1, 0.58],
          [3, 0.12],
          [2, 0.3],
        ] as const)
      : null,
    apprentice: rnd.chance(0.03) ? YES_NO_DK.yes : YES_NO_DK.no,
    daysSick: rnd.chance(0.85)
      ? rnd.weighted([
          [0, 0.3],
          [rnd.int(1, 5), 0.4],
          [rnd.int(6, 15), 0.22],
          [rnd.int(16, 40), 0.08],
        ] as const)
      : null,
    cwpCategory: care ? cwpFor(p.role, p.startMs, p.endMs, rnd) : null,
    recruitmentSource: rnd.weighted([
      [2, 0.34],
      [1, 0.05],
      [5, 0.06],
      [8, 0.06],
      [10, 0.12],
      [12, 0.05],
      [15, 0.12],
      [18, 0.1],
      [17, 0.03],
      [16, 0.07],
    ] as const),
    endDate: p.endMs === null ? null : iso(p.endMs),
    leavingReason: p.leavingReason,
  };
}

function cwpFor(role: number, startMs: number, endMs: number | null, rnd: Random) {
  if (role === 4) return 7;
  if (role === 5 || role === 45) return 4;
  if (role === 7) return rnd.chance(0.6) ? 3 : 4;
  const newToCare = (endMs ?? Number.MAX_SAFE_INTEGER) - startMs < 180 * DAY;
  return newToCare ? 1 : rnd.chance(0.9) ? 2 : 999;
}

/**
 * Pay realistic for 2026: nobody below the NLW (£12.71). Most independent-sector care workers sit
 * between the NLW and the RLW (£13.45), many close to the NLW, so their median is below England's
 * (scaled to the same NLW); the council pays its care staff above the Real Living Wage (its lead,
 * as in Halton's strategy).
 */
function pay(rnd: Random, role: number, w: GenWorkplace, contract: number): { interval: number; rate: number | null } {
  if (contract === CONTRACT.agency) return { interval: PAY_INTERVAL.dontKnow, rate: null };
  if (rnd.chance(0.06)) return { interval: PAY_INTERVAL.dontKnow, rate: null };
  const council = w.orgKey === "council";
  const hourly = (min: number, max: number) => ({ interval: PAY_INTERVAL.hourly, rate: round2(rnd.between(min, max)) });
  const annual = (min: number, max: number) => ({
    interval: PAY_INTERVAL.annually,
    rate: Math.round(rnd.between(min, max) / 10) * 10,
  });
  switch (role) {
    case 8:
    case 52:
    case 9: {
      if (council) return hourly(13.55, 14.4);
      const belowRlw = CALIBRATION.careWorkersBelowRlwShare;
      // Of those below the RLW, most within 20p of the NLW.
      return rnd.weighted([
        [() => hourly(NLW_2026, NLW_2026 + 0.19), belowRlw * 0.72],
        [() => hourly(NLW_2026 + 0.2, RLW_2025_26 - 0.01), belowRlw * 0.28],
        [() => hourly(RLW_2025_26, 14.25), 1 - belowRlw],
      ] as const)();
    }
    case 7:
    case 45:
    case 5:
      return council ? hourly(14.6, 15.9) : hourly(13.2, 14.9);
    case 4:
      return annual(39000, 52000);
    case 43:
      return annual(31000, 37000);
    case 16:
      return annual(38500, 46500);
    case 37:
      return annual(27500, 30500);
    case 24:
    case 40:
      return annual(27000, 33000);
    default:
      return hourly(NLW_2026, 13.9);
  }
}

/** Pay as it was when the National Living Wage was `factor` of today's: a leaver's last pay. */
export function scalePay(s: GenStaff, factor: number) {
  if (s.payRate === null || factor >= 1) return;
  s.payRate =
    s.payInterval === PAY_INTERVAL.annually ? Math.round((s.payRate * factor) / 10) * 10 : round2(s.payRate * factor);
}

export function zhPriority(s: GenStaff, w: GenWorkplace) {
  if (s.contractType === CONTRACT.bank) return 0;
  if (w.template === "home_care") return 1;
  if (s.contractType === CONTRACT.other) return 2;
  return 3;
}

export function setHours(rnd: Random, s: GenStaff, zeroHours: number) {
  s.zeroHours = zeroHours;
  if (zeroHours === YES_NO_DK.yes) {
    s.contractedHours = null;
    s.averageHours = rnd.int(6, 34);
  } else {
    s.contractedHours = rnd.weighted([
      [37.5, 0.4],
      [rnd.int(16, 36), 0.5],
      [40, 0.1],
    ] as const);
    s.averageHours = null;
  }
}
