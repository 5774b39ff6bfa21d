import {
  CARE_PROVIDING_ROLES,
  CONTRACT,
  ETHNICITY_UNKNOWN,
  GENDER,
  NATIONALITY,
  PAY_INTERVAL,
  YES_NO_DK,
} from "../../../shared/ascwds/codes";
import type { OrgKind } from "../../../shared/permissions";
import {
  FIRST_NAMES_F,
  FIRST_NAMES_M,
  PROVIDER_NAMES,
  ROLE_MIX,
  STREETS,
  SURNAMES,
  TEMPLATES,
  type WorkplaceTemplate,
} from "./catalogue";
import { Random } from "./random";

/**
 * The demo system's calibration: Halton's workforce strategy figures (see issue 2). The
 * generator hits them exactly by quota; tests and the metric engine check them back.
 */
export const CALIBRATION = {
  workforce: 3000, // in post at the anchor date, excluding agency
  age55PlusShare: 0.33,
  ageUnder30Share: 0.09,
  femaleShare: 0.78,
  permanentShare: 0.7,
  zeroHoursShare: 0.26, // above the national 21%
  noRelevantQualShare: 0.43,
  ethnicityUnknownShare: 0.407,
  experience21yPlusShare: 0.19,
  turnoverRate: 0.134,
  vacancyRate: 0.113,
  /** Earlier years, so trends have something to show (oldest last). */
  pastTurnover: [0.141, 0.152],
  pastVacancyRates: [0.116, 0.119, 0.121, 0.124, 0.127, 0.129, 0.131, 0.134],
  agencyShare: 0.04,
  /** Independent-sector care workers paid below the Real Living Wage (£13.45 in force in 2026). */
  careWorkersBelowRlwShare: 0.62,
} as const;

export const NLW_2026 = 12.71;
export const RLW_2025_26 = 13.45;

export interface GenOrg {
  key: string;
  kind: OrgKind;
  name: string;
  slug: string;
}
export interface GenWorkplace {
  key: string;
  orgKey: string;
  localRef: string;
  name: string;
  template: WorkplaceTemplate["kind"];
  mainService: number;
  employerType: number;
  capacity: number | null;
  utilisation: number | null;
  address1: string;
  town: string;
  postcode: string;
  cqcLocationId: string | null;
  cqcProviderId: string | null;
  size: number;
}
export interface GenStaff {
  orgKey: string;
  workplaceKey: string;
  localRef: string;
  displayId: string;
  ni: string | null;
  dateOfBirth: string | null;
  gender: number;
  ethnicity: number | null;
  nationality: number;
  disabled: number;
  contractType: number;
  zeroHours: number | null;
  contractedHours: number | null;
  averageHours: number | null;
  payInterval: number;
  payRate: number | null;
  mainJobRole: number;
  mainJobStartDate: string;
  startDate: string;
  sectorStartYear: number | null;
  socialCareQual: number;
  socialCareQualLevel: number | null;
  careCertificate: number | null;
  apprentice: number;
  daysSick: number | null;
  cwpCategory: number | null;
  recruitmentSource: number;
  endDate: string | null;
  leavingReason: number | null;
}
export interface GenVacancy {
  orgKey: string;
  workplaceKey: string;
  jobRole: number;
  openedOn: string;
  closedOn: string | null;
}
export interface DemoData {
  anchor: string;
  orgs: GenOrg[];
  commissioned: string[];
  workplaces: GenWorkplace[];
  staff: GenStaff[];
  vacancies: GenVacancy[];
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const round2 = (n: number) => Math.round(n * 100) / 100;
const isCare = (role: number) => (CARE_PROVIDING_ROLES as readonly number[]).includes(role);
const SALARIED = new Set([1, 2, 3, 4, 6, 15, 16, 24, 43, 44]);

/** Spread `total` over weights by largest remainder, so the parts add up exactly. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  const missing = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) parts[order[k][1]]++;
  return parts;
}

export function generateDemo(anchor: string, seed = 20240101): DemoData {
  const rnd = new Random(seed);
  const D = Date.parse(`${anchor}T00:00:00Z`);
  const year = new Date(D).getUTCFullYear();
  const C = CALIBRATION;

  // Organisations: one council, 40 providers, a college and an NHS trust.
  const orgs: GenOrg[] = [
    { key: "council", kind: "council", name: "Halton Borough Council (demo)", slug: "halton" },
    ...PROVIDER_NAMES.map((name, i) => ({
      key: `p${i}`,
      kind: "provider" as const,
      name: `${name} (demo)`,
      slug: `demo-${name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/-$/, "")}`,
    })),
    { key: "college", kind: "training_partner", name: "Riverside College (demo)", slug: "riverside-college" },
    {
      key: "nhs",
      kind: "nhs_partner",
      name: "Halton Community Health NHS Trust (demo)",
      slug: "halton-community-health",
    },
  ];

  // Workplaces: 4 run by the council, 56 by providers (12 with two, 2 with three, 26 with one).
  const kinds: WorkplaceTemplate["kind"][] = rnd.shuffle([
    ...Array(18).fill("home_care"),
    ...Array(16).fill("residential"),
    ...Array(10).fill("nursing"),
    ...Array(12).fill("supported_living"),
  ]);
  const perProvider = PROVIDER_NAMES.map((_, i) => (i < 12 ? 2 : i < 14 ? 3 : 1));
  const workplaces: GenWorkplace[] = [];
  const providerIds = new Map<string, string>();
  const providerIdOf = (orgKey: string) => {
    if (!providerIds.has(orgKey)) providerIds.set(orgKey, `1-${rnd.int(100000000, 999999999)}`);
    return providerIds.get(orgKey) as string;
  };
  const addWorkplace = (orgKey: string, kind: WorkplaceTemplate["kind"], name: string, employerType: number) => {
    const t = TEMPLATES[kind];
    const town = rnd.chance(0.5) ? "Runcorn" : "Widnes";
    const capacity = t.capacity
      ? rnd.int(...t.capacity)
      : kind === "home_care" || kind === "supported_living"
        ? rnd.int(40, 160)
        : null;
    workplaces.push({
      key: `w${workplaces.length}`,
      orgKey,
      localRef: `WP${String(workplaces.length + 1).padStart(3, "0")}`,
      name,
      template: kind,
      mainService: t.mainService,
      employerType,
      capacity,
      utilisation: capacity ? Math.round(capacity * rnd.between(0.82, 0.98)) : null,
      address1: `${rnd.int(1, 240)} ${rnd.pick(STREETS)}`,
      town,
      postcode: `${town === "Runcorn" ? "WA7" : "WA8"} ${rnd.int(1, 9)}${rnd.pick("ABDEFGHJLNPQRSTUWXYZ".split(""))}${rnd.pick("ABDEFGHJLNPQRSTUWXYZ".split(""))}`,
      cqcLocationId: kind === "day_services" ? null : `1-${rnd.int(100000000, 999999999)}`,
      cqcProviderId: kind === "day_services" ? null : providerIdOf(orgKey),
      size: rnd.int(...t.size),
    });
  };
  addWorkplace("council", "home_care", "Halton Reablement Service", 1);
  addWorkplace("council", "residential", "Oakmeadow Community Support Centre", 1);
  addWorkplace("council", "day_services", "Halton Day Services", 1);
  addWorkplace("council", "supported_living", "Halton Supported Living Team", 1);
  let k = 0;
  PROVIDER_NAMES.forEach((name, i) => {
    for (let n = 0; n < perProvider[i]; n++) {
      const kind = kinds[k++];
      const suffix = perProvider[i] > 1 ? ` – ${["North", "South", "East"][n]}` : "";
      addWorkplace(`p${i}`, kind, `${name} ${TEMPLATES[kind].label}${suffix}`, rnd.chance(0.85) ? 6 : 7);
    }
  });
  // Scale sizes so the workforce in post is exactly the calibrated total.
  apportion(
    C.workforce,
    workplaces.map((w) => w.size),
  ).forEach((n, i) => {
    workplaces[i].size = n;
  });

  let niCounter = 0;
  const niNumbers = rnd.shuffle(Array.from({ length: 20000 }, (_, i) => 100000 + i * 37));
  // "QQ" is reserved for example NI numbers, so the demo can never hold a real one.
  const nextNi = () => `QQ${String(niNumbers[niCounter++]).padStart(6, "0")}C`;
  const localCounters = new Map<string, number>();
  const nextLocalRef = (w: GenWorkplace) => {
    const n = (localCounters.get(w.key) ?? 0) + 1;
    localCounters.set(w.key, n);
    return `${w.localRef}-${String(n).padStart(4, "0")}`;
  };

  // Workforce in post: quotas over all 3,000 records.
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
  const tenures = rnd.quota(N, [
    [[0, 1], 0.16],
    [[1, 3], 0.22],
    [[3, 7], 0.26],
    [[7, 15], 0.22],
    [[15, 30], 0.14],
  ] as const);

  const staff: GenStaff[] = [];
  for (let i = 0; i < N; i++) {
    const w = slots[i];
    const role = roles[i];
    const contract = contracts[i];
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
    const dob = D - (age * 365.25 + rnd.int(1, 360)) * DAY;
    const [tMin, tMax] = tenures[i];
    // Nobody started work before 17.
    const maxTenureYears = Math.min(tMax, age - 17);
    const tenureDays = Math.max(1, Math.round(rnd.between(Math.min(tMin, maxTenureYears), maxTenureYears) * 365.25));
    const start = D - tenureDays * DAY;
    const promoted = (role === 7 || role === 45 || role === 5 || role === 43) && tenureDays > 400 && rnd.chance(0.5);
    const roleStart = promoted ? start + rnd.int(180, tenureDays - 30) * DAY : start;
    staff.push(
      person(rnd, {
        w,
        role,
        contract,
        dobMs: dobKnown[i] ? dob : null,
        gender: genders[i],
        ethnicity: ethnicities[i],
        qual: quals[i],
        startMs: start,
        roleStartMs: roleStart,
        localRef: nextLocalRef(w),
        ni: nextNi(),
        endMs: null,
        leavingReason: null,
      }),
    );
  }

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

  // Agency workers in post (counted apart from the workforce).
  const agencyCount = Math.round(N * C.agencyShare);
  const busy = workplaces.filter(
    (w) => w.template === "home_care" || w.template === "nursing" || w.template === "residential",
  );
  for (let i = 0; i < agencyCount; i++) {
    const w = busy[i % busy.length];
    const role = w.template === "nursing" && rnd.chance(0.3) ? 16 : 8;
    staff.push({
      ...person(rnd, {
        w,
        role,
        contract: CONTRACT.agency,
        dobMs: null,
        gender: GENDER.unknown,
        ethnicity: null,
        qual: YES_NO_DK.dontKnow,
        startMs: D - rnd.int(7, 300) * DAY,
        roleStartMs: null,
        localRef: nextLocalRef(w),
        ni: null,
        endMs: null,
        leavingReason: null,
      }),
      payInterval: PAY_INTERVAL.dontKnow,
      payRate: null,
      zeroHours: null,
      contractedHours: null,
      averageHours: rnd.int(12, 40),
    });
  }

  // Leavers over three years, at the calibrated turnover (of directly employed staff in post at D).
  const employedAtD = staff.filter((s) => s.endDate === null && (s.contractType === 1 || s.contractType === 2)).length;
  const rates = [C.turnoverRate, ...C.pastTurnover];
  const weights = workplaces.map((w) => w.size);
  rates.forEach((rate, y) => {
    const employedLeavers = Math.round(rate * employedAtD);
    const bankLeavers = Math.round(employedLeavers * 0.15);
    for (let n = 0; n < employedLeavers + bankLeavers; n++) {
      const w = workplaces[weightedIndex(rnd, weights)];
      const role = rnd.weighted(ROLE_MIX[w.template]);
      const end = D - (y * 365 + rnd.int(0, 364)) * DAY;
      const tenureDays = rnd.weighted([
        [rnd.int(14, 364), 0.42],
        [rnd.int(365, 1095), 0.33],
        [rnd.int(1096, 5000), 0.25],
      ] as const);
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
      const contract =
        n < employedLeavers
          ? rnd.weighted([
              [CONTRACT.permanent, 0.88],
              [CONTRACT.temporary, 0.12],
            ] as const)
          : CONTRACT.bank;
      const leaver = person(rnd, {
        w,
        role,
        contract,
        dobMs: end - (age * 365.25 + rnd.int(1, 360)) * DAY,
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
        startMs: end - tenureDays * DAY,
        roleStartMs: null,
        localRef: nextLocalRef(w),
        ni: nextNi(),
        endMs: end,
        leavingReason: reason,
      });
      setHours(rnd, leaver, contract === CONTRACT.bank ? YES_NO_DK.yes : YES_NO_DK.no);
      staff.push(leaver);
    }
  });

  linkRejoiners(rnd, staff, workplaces);

  // Vacancies: open at D at the calibrated rate, and closed ones around each past quarter end.
  const vacancies: GenVacancy[] = [];
  const addVacancies = (rate: number, openFrom: (ms: number) => number, closeAt: (ms: number) => number | null) => {
    const total = Math.round((employedAtD * rate) / (1 - rate));
    apportion(total, weights).forEach((count, wi) => {
      const w = workplaces[wi];
      for (let n = 0; n < count; n++) {
        const role = rnd.weighted(ROLE_MIX[w.template].filter(([r]) => r !== 4));
        const opened = openFrom(rnd.next());
        const closed = closeAt(rnd.next());
        vacancies.push({
          orgKey: w.orgKey,
          workplaceKey: w.key,
          jobRole: role,
          openedOn: iso(opened),
          closedOn: closed === null ? null : iso(closed),
        });
      }
    });
  };
  addVacancies(
    C.vacancyRate,
    (r) => D - Math.round(1 + r * 120) * DAY,
    () => null,
  );
  C.pastVacancyRates.forEach((rate, q) => {
    const quarterEnd = D - (q + 1) * 91 * DAY;
    addVacancies(
      rate,
      (r) => quarterEnd - Math.round(5 + r * 60) * DAY,
      (r) => quarterEnd + Math.round(1 + r * 44) * DAY,
    );
  });

  return {
    anchor,
    orgs,
    commissioned: orgs.filter((o) => o.kind === "provider").map((o) => o.key),
    workplaces,
    staff,
    vacancies,
  };
}

function weightedIndex(rnd: Random, weights: number[]) {
  return rnd.weighted(weights.map((w, i) => [i, w] as const));
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

function zhPriority(s: GenStaff, w: GenWorkplace) {
  if (s.contractType === CONTRACT.bank) return 0;
  if (w.template === "home_care") return 1;
  if (s.contractType === CONTRACT.other) return 2;
  return 3;
}

function setHours(rnd: Random, s: GenStaff, zeroHours: number) {
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

/** Some who left for another local care employer appear there later: same person, new employment. */
function linkRejoiners(rnd: Random, staff: GenStaff[], workplaces: GenWorkplace[]) {
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

interface PersonInput {
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

function person(rnd: Random, p: PersonInput): GenStaff {
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
 * Pay realistic for 2026: nobody below the NLW (£12.71); the council pays care workers above the
 * Real Living Wage (its lead, as in Halton's strategy); most independent-sector care workers sit
 * between the NLW and the RLW (£13.45).
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
    case 9:
      if (council) return hourly(13.55, 14.4);
      return rnd.chance(CALIBRATION.careWorkersBelowRlwShare)
        ? hourly(NLW_2026, RLW_2025_26 - 0.01)
        : hourly(RLW_2025_26, 14.25);
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
