import { CONTRACT, ETHNICITY_UNKNOWN, GENDER, YES_NO_DK } from "../../../shared/ascwds/codes";
import { CALIBRATION } from "./calibration";
import { ROLE_MIX } from "./catalogue";
import { DAY, YEAR_DAYS } from "./dates";
import { person, SALARIED, setHours, zhPriority } from "./person";
import type { Random } from "./random";
import type { GenStaff, GenWorkplace } from "./types";

// The workforce in post at the anchor date: quotas (not chance) give exactly the calibrated
// shares of age, gender, contracts, qualifications, ethnicity unknown, sector experience and
// zero-hours. Few started in the last three years, and most of those on bank, temporary or other
// contracts: the workforce is shrinking and permanent contracts falling.

export interface Ids {
  nextNi: () => string;
  nextLocalRef: (w: GenWorkplace) => string;
}

/** Those in post at the anchor who started after `historyStart` are this share not permanent (where they can be). */
const RECENT_NOT_PERMANENT = 0.9;

export function workforceInPost(rnd: Random, workplaces: GenWorkplace[], D: number, historyStart: number, ids: Ids) {
  const C = CALIBRATION;
  const year = new Date(D).getUTCFullYear();
  const N = C.workforce;
  const slots = workplaces.flatMap((w) => Array.from({ length: w.size }, () => w));
  const roles = slots.map((w) => rnd.weighted(ROLE_MIX[w.template]));
  // Every workplace has one registered manager.
  const seen = new Set<string>();
  slots.forEach((w, i) => {
    if (!seen.has(w.key)) {
      roles[i] = 4;
      seen.add(w.key);
    }
  });
  const contracts = rnd.quota(N, [
    [CONTRACT.permanent, C.permanentShare],
    [CONTRACT.temporary, 0.08],
    [CONTRACT.bank, 0.17],
    [CONTRACT.other, 0.05],
  ]);
  // Managers and nurses are on permanent contracts: swap their contract with someone else's.
  swapToFront(
    roles,
    contracts,
    (r) => SALARIED.has(r),
    (c) => c === CONTRACT.permanent,
  );
  const ages = rnd.quota(N, [
    ["under30", C.ageUnder30Share],
    ["mid", 1 - C.ageUnder30Share - C.age55PlusShare],
    ["55plus", C.age55PlusShare],
  ] as const);
  const dobKnown = rnd.quota(N, [
    [true, 0.97],
    [false, 0.03],
  ]);
  const genders = rnd.quota(N, [
    [GENDER.female, C.femaleShare],
    [GENDER.male, 0.205],
    [GENDER.other, 0.005],
    [GENDER.unknown, 0.01],
  ]);
  const ethnicities = rnd.quota<number | null>(N, [
    [ETHNICITY_UNKNOWN, 0.35],
    [null, C.ethnicityUnknownShare - 0.35],
    [31, 0.5],
    [34, 0.025],
    [44, 0.02],
    [39, 0.012],
    [40, 0.006],
    [35, 0.008],
    [45, 0.005],
    [42, 0.004],
    [43, 0.005],
    [98, 0.008],
  ]);
  const quals = rnd.quota(N, [
    [YES_NO_DK.no, 0.9 * C.noRelevantQualShare],
    [YES_NO_DK.yes, 0.9 * (1 - C.noRelevantQualShare)],
    [YES_NO_DK.dontKnow, 0.1],
  ]);
  swapToFront(
    roles,
    quals,
    (r) => r === 4 || r === 16 || r === 43,
    (q) => q === YES_NO_DK.yes,
  );
  const sectorKnown = rnd.quota(N, [
    [true, 0.85],
    [false, 0.15],
  ]);
  // Years in post: few recent starters, since the services recruit fewer than leave.
  const tenures = rnd.quota(N, [
    [[0, 1], 0.08],
    [[1, 3], 0.17],
    [[3, 7], 0.27],
    [[7, 15], 0.28],
    [[15, 30], 0.2],
  ] as const);

  const people = slots.map((w, i) => {
    const role = roles[i];
    const ageBand = ages[i];
    const age =
      ageBand === "under30"
        ? rnd.int(18, 29)
        : ageBand === "mid"
          ? rnd.int(30, 54)
          : rnd.weighted([
              [rnd.int(55, 65), 0.9],
              [rnd.int(66, 72), 0.1],
            ] as const);
    const dob = D - (age * YEAR_DAYS + rnd.int(1, 360)) * DAY;
    const [tMin, tMax] = tenures[i];
    // Nobody started work before 17.
    const maxTenureYears = Math.min(tMax, age - 17);
    const tenureDays = Math.max(1, Math.round(rnd.between(Math.min(tMin, maxTenureYears), maxTenureYears) * YEAR_DAYS));
    const start = D - tenureDays * DAY;
    const promoted = (role === 7 || role === 45 || role === 5 || role === 43) && tenureDays > 400 && rnd.chance(0.5);
    const roleStart = promoted ? start + rnd.int(180, tenureDays - 30) * DAY : start;
    return { w, role, dob, start, roleStart };
  });

  // Recent starters take the contracts that are not permanent, from those in post longer.
  const recent = (i: number) => people[i].start > historyStart;
  const donors = rnd.shuffle(people.map((_, i) => i)).filter((i) => !recent(i) && contracts[i] !== CONTRACT.permanent);
  const takers = rnd
    .shuffle(people.map((_, i) => i))
    .filter((i) => recent(i) && contracts[i] === CONTRACT.permanent && !SALARIED.has(roles[i]));
  const recentCount = people.filter((_, i) => recent(i)).length;
  let notPermanent = people.filter((_, i) => recent(i) && contracts[i] !== CONTRACT.permanent).length;
  while (notPermanent < RECENT_NOT_PERMANENT * recentCount && donors.length && takers.length) {
    const [a, b] = [takers.pop() as number, donors.pop() as number];
    [contracts[a], contracts[b]] = [contracts[b], contracts[a]];
    notPermanent++;
  }

  const staff: GenStaff[] = people.map((p, i) =>
    person(rnd, {
      w: p.w,
      role: p.role,
      contract: contracts[i],
      dobMs: dobKnown[i] ? p.dob : null,
      gender: genders[i],
      ethnicity: ethnicities[i],
      qual: quals[i],
      startMs: p.start,
      roleStartMs: p.roleStart,
      localRef: ids.nextLocalRef(p.w),
      ni: ids.nextNi(),
      endMs: null,
      leavingReason: null,
    }),
  );

  // Sector experience: exactly 19% of those with a known start year have 21+ years, drawn from people old enough.
  const known = staff.map((_, i) => (sectorKnown[i] ? i : -1)).filter((i) => i >= 0);
  const wanted = Math.round(known.length * C.experience21yPlusShare);
  // Anyone who has worked here 21+ years is a veteran already; the rest are drawn from people old enough.
  const startYearOf = (i: number) => Number(staff[i].startDate.slice(0, 4));
  const mustBe = known.filter((i) => startYearOf(i) <= year - 21);
  const oldEnough = rnd.shuffle(
    known.filter(
      (i) =>
        startYearOf(i) > year - 21 && staff[i].dateOfBirth && year - Number(staff[i].dateOfBirth?.slice(0, 4)) >= 40,
    ),
  );
  const veterans = new Set([...mustBe, ...oldEnough.slice(0, Math.max(0, wanted - mustBe.length))]);
  for (const i of known) {
    const s = staff[i];
    const birthYear = s.dateOfBirth ? Number(s.dateOfBirth.slice(0, 4)) : year - 45;
    const startYear = startYearOf(i);
    if (veterans.has(i)) s.sectorStartYear = Math.min(startYear, rnd.int(birthYear + 17, year - 21));
    else s.sectorStartYear = rnd.int(Math.min(startYear, Math.max(birthYear + 17, year - 20)), startYear);
  }
  for (let i = 0; i < N; i++) if (!sectorKnown[i]) staff[i].sectorStartYear = null;

  // Zero-hours: everyone on bank, then home care staff, until the calibrated share of those answering.
  const zhKnown = rnd.quota(N, [
    [true, 0.96],
    [false, 0.04],
  ]);
  const answering = staff.map((_, i) => i).filter((i) => zhKnown[i]);
  let zhLeft = Math.round(answering.length * C.zeroHoursShare);
  const order = [...answering].sort((a, b) => zhPriority(staff[a], slots[a]) - zhPriority(staff[b], slots[b]));
  for (const i of order) {
    const yes = zhLeft > 0 && !SALARIED.has(staff[i].mainJobRole);
    if (yes) zhLeft--;
    setHours(rnd, staff[i], yes ? YES_NO_DK.yes : YES_NO_DK.no);
  }
  for (let i = 0; i < N; i++) if (!zhKnown[i]) setHours(rnd, staff[i], YES_NO_DK.dontKnow);
  return staff;
}

/** Moves `wanted` values to the records matching `who`, swapping with others, keeping the quota intact. */
function swapToFront<T>(roles: number[], values: T[], who: (role: number) => boolean, wanted: (v: T) => boolean) {
  const donors = values.map((v, i) => (wanted(v) && !who(roles[i]) ? i : -1)).filter((i) => i >= 0);
  for (let i = 0; i < roles.length; i++) {
    if (who(roles[i]) && !wanted(values[i]) && donors.length) {
      const j = donors.pop() as number;
      [values[i], values[j]] = [values[j], values[i]];
    }
  }
}
