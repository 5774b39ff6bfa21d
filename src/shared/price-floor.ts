// The minimum price floor (issue 19 item 4): the lowest lawful price of an hour of home care (per
// contact hour) and of a care home bed (per week), built from its cost lines with every
// assumption shown and overridable. Pure and isomorphic: the server, the client's calculator page
// and the CLI all call priceFloor(). docs/price-floor.md explains the model and its defaults.
//
// Every wage-related line is linear in the wage: National Insurance and pension per paid hour are
// rate × (wage − weekly threshold ÷ weekly paid hours), and running costs and the surplus are £ per
// unit (not shares of the price). So raising the wage by 1p raises the price by exactly
// 0.01 × loadedPaidHours, which the result returns.

export const PRICE_FLOOR_YEARS = ["2024-25", "2025-26", "2026-27"] as const;
export type PriceFloorYear = (typeof PRICE_FLOOR_YEARS)[number];

export const PRICE_FLOOR_CARE_TYPES = ["home_care", "care_home"] as const;
export type PriceFloorCareType = (typeof PRICE_FLOOR_CARE_TYPES)[number];
export const PRICE_FLOOR_CARE_TYPE_LABELS: Record<PriceFloorCareType, string> = {
  home_care: "Home care (per contact hour)",
  care_home: "Care home (per bed per week)",
};

/** Home care assumptions. Shares are fractions (0.1207 = 12.07%); money is pounds. */
export interface HomeCareAssumptions {
  /** The wage floor, £ per hour (the National Living Wage by default). */
  wage: number;
  visitMinutes: number;
  travelMinutesPerVisit: number;
  milesPerVisit: number;
  pencePerMile: number;
  /** Holiday pay as a share of paid working time (5.6 weeks ÷ 46.4 weeks worked = 12.07%). */
  holidayShare: number;
  /** Paid training time as a share of working time. */
  trainingShare: number;
  /** Sick pay as a share of working time. */
  sicknessShare: number;
  employerNiRate: number;
  /** Employer National Insurance secondary threshold, £ per week. */
  niThresholdWeekly: number;
  employerPensionRate: number;
  /** Lower limit of qualifying earnings for the workplace pension, £ per week. */
  pensionThresholdWeekly: number;
  /** Average weekly paid hours of a care worker, used to spread the weekly thresholds per hour. */
  weeklyPaidHours: number;
  /** Running the business (registered manager, office staff, recruitment, training, systems,
   * insurance, regulatory fees, PPE, premises…), £ per contact hour. */
  runningCostsPerHour: number;
  /** Surplus for investment, £ per contact hour. */
  surplusPerHour: number;
}

/** Care home assumptions, £ per resident (bed) per week unless said. */
export interface CareHomeAssumptions {
  wage: number;
  /** Hours of care staff time per resident per week. */
  careHoursPerResidentWeek: number;
  holidayShare: number;
  trainingShare: number;
  sicknessShare: number;
  employerNiRate: number;
  niThresholdWeekly: number;
  employerPensionRate: number;
  pensionThresholdWeekly: number;
  weeklyPaidHours: number;
  /** Management, activities, admin, kitchen, domestic and maintenance staff. */
  otherStaffPerWeek: number;
  premisesPerWeek: number;
  suppliesPerWeek: number;
  headOfficePerWeek: number;
  /** Return on operations, a share of the operating costs above. */
  returnOnOperationsShare: number;
  /** Return on capital, £ per bed per week. */
  returnOnCapitalPerWeek: number;
}

export type PriceFloorAssumptions = HomeCareAssumptions | CareHomeAssumptions;

export interface PriceFloorLine {
  key: string;
  name: string;
  /** Pounds, rounded to pence; the lines add up exactly to the total. */
  amount: number;
  /** Unrounded pounds. */
  exact: number;
  /** How the line is worked out, in words. */
  basis: string;
}

interface ResultBase {
  year: string;
  /** Pounds rounded to pence. */
  total: number;
  /** Unrounded total, for tests and comparisons. */
  exactTotal: number;
  unit: "hour" | "week";
  lines: PriceFloorLine[];
  /** Paid hours (working, holiday, training, sickness) per unit × (1 + NI rate + pension rate). */
  loadedPaidHours: number;
  /** £ the price rises by for £1 more on the wage (equals loadedPaidHours for home care). */
  wageSensitivity: number;
}
export interface HomeCareResult extends ResultBase {
  careType: "home_care";
  unit: "hour";
  loadedPaidHoursPerContactHour: number;
  assumptions: HomeCareAssumptions;
}
export interface CareHomeResult extends ResultBase {
  careType: "care_home";
  unit: "week";
  assumptions: CareHomeAssumptions;
}
export type PriceFloorResult = HomeCareResult | CareHomeResult;

// ---------------------------------------------------------------------------------------------
// Defaults per edition

/** Statutory figures per financial year (confirmed: the NLW; employer NI; pension minimum). */
const STATUTORY: Record<PriceFloorYear, { wage: number; niRate: number; niThreshold: number }> = {
  "2024-25": { wage: 11.44, niRate: 0.138, niThreshold: 175 },
  "2025-26": { wage: 12.21, niRate: 0.15, niThreshold: 96 },
  "2026-27": { wage: 12.71, niRate: 0.15, niThreshold: 96 },
};

/** The Homecare Association's published minimum price per contact hour at the NLW, the target of
 * our calibration. 2026-27 is from a secondary source only. */
export const HCA_HEADLINES: Record<
  PriceFloorYear,
  { price: number; wage: number; source: string; secondary: boolean }
> = {
  "2024-25": { price: 28.53, wage: 11.44, source: "Homecare Association, 14 December 2023", secondary: false },
  "2025-26": { price: 32.14, wage: 12.21, source: "Homecare Association, December 2024", secondary: false },
  "2026-27": {
    price: 34.42,
    wage: 12.71,
    source: "Secondary sources repeating the Homecare Association (December 2025)",
    secondary: true,
  },
};

/** Running costs and surplus per contact hour, calibrated so the defaults reproduce the HCA
 * headline of each edition (see docs/price-floor.md). Surplus ≈ 3% of the price (HCA 2014 split). */
const HOME_CARE_CALIBRATED: Record<PriceFloorYear, { running: number; surplus: number }> = {
  "2024-25": { running: 6.49, surplus: 0.86 },
  "2025-26": { running: 7.92, surplus: 0.96 },
  "2026-27": { running: 9.23, surplus: 1.03 },
};

export function defaultHomeCareAssumptions(year: PriceFloorYear): HomeCareAssumptions {
  const s = STATUTORY[year];
  const c = HOME_CARE_CALIBRATED[year];
  return {
    wage: s.wage,
    visitMinutes: 30,
    travelMinutesPerVisit: 9,
    milesPerVisit: 2.5,
    pencePerMile: 45,
    holidayShare: 0.1207,
    trainingShare: 0.03,
    sicknessShare: 0.02,
    employerNiRate: s.niRate,
    niThresholdWeekly: s.niThreshold,
    employerPensionRate: 0.03,
    pensionThresholdWeekly: 120,
    weeklyPaidHours: 30,
    runningCostsPerHour: c.running,
    surplusPerHour: c.surplus,
  };
}

/** Brighton & Hove's 2022 Fair Cost of Care medians (2021-22 prices, £ per resident per week):
 * staffing other than care staff 212.23 (525.11 − 312.88), premises 42.18, supplies and services
 * 138.55, head office 87.26. Staff lines are uplifted by the NLW's rise from £8.91 (2021-22);
 * the others by our own approximate CPI factor. */
const BH_2022 = { otherStaff: 212.23, premises: 42.18, supplies: 138.55, headOffice: 87.26 };
const NLW_2021_22 = 8.91;
const CARE_HOME_PRICE_UPLIFT: Record<PriceFloorYear, number> = { "2024-25": 1.2, "2025-26": 1.23, "2026-27": 1.27 };

const round2 = (n: number) => Math.round(n * 100) / 100;

export function defaultCareHomeAssumptions(year: PriceFloorYear): CareHomeAssumptions {
  const s = STATUTORY[year];
  const staffUplift = s.wage / NLW_2021_22;
  const cpi = CARE_HOME_PRICE_UPLIFT[year];
  return {
    wage: s.wage,
    careHoursPerResidentWeek: 24,
    holidayShare: 0.1207,
    trainingShare: 0.03,
    sicknessShare: 0.02,
    employerNiRate: s.niRate,
    niThresholdWeekly: s.niThreshold,
    employerPensionRate: 0.03,
    pensionThresholdWeekly: 120,
    weeklyPaidHours: 36,
    otherStaffPerWeek: round2(BH_2022.otherStaff * staffUplift),
    premisesPerWeek: round2(BH_2022.premises * cpi),
    suppliesPerWeek: round2(BH_2022.supplies * cpi),
    headOfficePerWeek: round2(BH_2022.headOffice * cpi),
    returnOnOperationsShare: 0.05,
    returnOnCapitalPerWeek: round2(90 * cpi),
  };
}

export function defaultAssumptions(year: PriceFloorYear, careType: "home_care"): HomeCareAssumptions;
export function defaultAssumptions(year: PriceFloorYear, careType: "care_home"): CareHomeAssumptions;
export function defaultAssumptions(year: PriceFloorYear, careType: PriceFloorCareType): PriceFloorAssumptions;
export function defaultAssumptions(year: PriceFloorYear, careType: PriceFloorCareType): PriceFloorAssumptions {
  return careType === "home_care" ? defaultHomeCareAssumptions(year) : defaultCareHomeAssumptions(year);
}

// ---------------------------------------------------------------------------------------------
// What each assumption is, and its limits (used for validation, the form and the docs)

type Field = {
  label: string;
  hint: string;
  kind: "pounds" | "share" | "number";
  min: number;
  max: number;
  minExclusive?: boolean;
};

const SHARED_FIELDS = {
  wage: {
    label: "Wage floor (£ per hour)",
    hint: "The National Living Wage for the year by default; use the Real Living Wage for a fairer floor.",
    kind: "pounds",
    min: 0,
    max: 100,
    minExclusive: true,
  },
  holidayShare: {
    label: "Holiday pay (share of working time)",
    hint: "5.6 weeks' statutory leave over 46.4 weeks worked is 12.07%.",
    kind: "share",
    min: 0,
    max: 0.5,
  },
  trainingShare: {
    label: "Training time (share of working time)",
    hint: "Paid hours in training for each hour worked.",
    kind: "share",
    min: 0,
    max: 0.5,
  },
  sicknessShare: {
    label: "Sick pay (share of working time)",
    hint: "Pay for time off sick for each hour worked.",
    kind: "share",
    min: 0,
    max: 0.5,
  },
  employerNiRate: {
    label: "Employer National Insurance rate",
    hint: "13.8% in 2024-25; 15% from April 2025.",
    kind: "share",
    min: 0,
    max: 0.5,
  },
  niThresholdWeekly: {
    label: "National Insurance secondary threshold (£ per week)",
    hint: "£175 in 2024-25; £96 from April 2025.",
    kind: "pounds",
    min: 0,
    max: 2000,
  },
  employerPensionRate: {
    label: "Employer pension rate",
    hint: "The automatic-enrolment minimum is 3% of qualifying earnings.",
    kind: "share",
    min: 0,
    max: 0.5,
  },
  pensionThresholdWeekly: {
    label: "Pension lower limit (£ per week)",
    hint: "Qualifying earnings start at £120 a week.",
    kind: "pounds",
    min: 0,
    max: 2000,
  },
  weeklyPaidHours: {
    label: "Average weekly paid hours of a care worker",
    hint: "Spreads the weekly National Insurance and pension thresholds over each paid hour.",
    kind: "number",
    min: 1,
    max: 100,
  },
} satisfies Record<string, Field>;

export const HOME_CARE_FIELDS: Record<keyof HomeCareAssumptions, Field> = {
  wage: SHARED_FIELDS.wage,
  visitMinutes: {
    label: "Visit length (minutes)",
    hint: "Shorter visits cost more per hour: the same travel is spread over less contact time.",
    kind: "number",
    min: 0,
    max: 720,
    minExclusive: true,
  },
  travelMinutesPerVisit: {
    label: "Travel time per visit (minutes)",
    hint: "Paid at the wage floor like contact time.",
    kind: "number",
    min: 0,
    max: 240,
  },
  milesPerVisit: {
    label: "Miles per visit",
    hint: "Distance driven between visits.",
    kind: "number",
    min: 0,
    max: 200,
  },
  pencePerMile: {
    label: "Mileage rate (pence per mile)",
    hint: "45p is HMRC's approved rate and the one commonly paid.",
    kind: "number",
    min: 0,
    max: 200,
  },
  holidayShare: SHARED_FIELDS.holidayShare,
  trainingShare: SHARED_FIELDS.trainingShare,
  sicknessShare: SHARED_FIELDS.sicknessShare,
  employerNiRate: SHARED_FIELDS.employerNiRate,
  niThresholdWeekly: SHARED_FIELDS.niThresholdWeekly,
  employerPensionRate: SHARED_FIELDS.employerPensionRate,
  pensionThresholdWeekly: SHARED_FIELDS.pensionThresholdWeekly,
  weeklyPaidHours: SHARED_FIELDS.weeklyPaidHours,
  runningCostsPerHour: {
    label: "Running the business (£ per contact hour)",
    hint: "Registered manager and office staff, recruitment, training, systems, insurance, regulatory fees, PPE, premises.",
    kind: "pounds",
    min: 0,
    max: 500,
  },
  surplusPerHour: {
    label: "Surplus (£ per contact hour)",
    hint: "A small surplus for investment.",
    kind: "pounds",
    min: 0,
    max: 500,
  },
};

export const CARE_HOME_FIELDS: Record<keyof CareHomeAssumptions, Field> = {
  wage: SHARED_FIELDS.wage,
  careHoursPerResidentWeek: {
    label: "Care staff hours per resident per week",
    hint: "Hours of care worker time on the rota for each resident.",
    kind: "number",
    min: 0,
    max: 168,
    minExclusive: true,
  },
  holidayShare: SHARED_FIELDS.holidayShare,
  trainingShare: SHARED_FIELDS.trainingShare,
  sicknessShare: SHARED_FIELDS.sicknessShare,
  employerNiRate: SHARED_FIELDS.employerNiRate,
  niThresholdWeekly: SHARED_FIELDS.niThresholdWeekly,
  employerPensionRate: SHARED_FIELDS.employerPensionRate,
  pensionThresholdWeekly: SHARED_FIELDS.pensionThresholdWeekly,
  weeklyPaidHours: SHARED_FIELDS.weeklyPaidHours,
  otherStaffPerWeek: {
    label: "Other staff (£ per bed per week)",
    hint: "Management, activities, admin, cooks, domestic and maintenance staff.",
    kind: "pounds",
    min: 0,
    max: 5000,
  },
  premisesPerWeek: {
    label: "Premises (£ per bed per week)",
    hint: "Repairs, maintenance, fixtures and furnishings.",
    kind: "pounds",
    min: 0,
    max: 5000,
  },
  suppliesPerWeek: {
    label: "Supplies and services (£ per bed per week)",
    hint: "Food, utilities, insurance, registration fees, medical supplies and the rest.",
    kind: "pounds",
    min: 0,
    max: 5000,
  },
  headOfficePerWeek: {
    label: "Head office (£ per bed per week)",
    hint: "Central and regional management.",
    kind: "pounds",
    min: 0,
    max: 5000,
  },
  returnOnOperationsShare: {
    label: "Return on operations (share of operating costs)",
    hint: "The operator's margin on running the home.",
    kind: "share",
    min: 0,
    max: 0.5,
  },
  returnOnCapitalPerWeek: {
    label: "Return on capital (£ per bed per week)",
    hint: "The cost of the building and land the home uses.",
    kind: "pounds",
    min: 0,
    max: 5000,
  },
};

export function fieldsFor(careType: PriceFloorCareType): Record<string, Field> {
  return careType === "home_care" ? HOME_CARE_FIELDS : CARE_HOME_FIELDS;
}

export interface AssumptionIssue {
  field: string;
  message: string;
}

export class PriceFloorInputError extends Error {
  constructor(readonly issues: AssumptionIssue[]) {
    super(issues.map((i) => i.message).join(" "));
    this.name = "PriceFloorInputError";
  }
}

function describeLimit(f: Field): string {
  const show = (n: number) => (f.kind === "share" ? `${round2(n * 100)}%` : f.kind === "pounds" ? `£${n}` : `${n}`);
  const unitWord = f.kind === "share" ? " (write a share as a fraction, for example 0.12 for 12%)" : "";
  const low = f.minExclusive ? `more than ${show(f.min)}` : `at least ${show(f.min)}`;
  return `${low} and at most ${show(f.max)}${unitWord}`;
}

/** Every problem with a set of assumptions, each naming its field. Empty when they are usable. */
export function validateAssumptions(careType: PriceFloorCareType, a: Record<string, unknown>): AssumptionIssue[] {
  const issues: AssumptionIssue[] = [];
  for (const [key, f] of Object.entries(fieldsFor(careType))) {
    const v = a[key];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      issues.push({ field: key, message: `${f.label} must be a number.` });
      continue;
    }
    const tooLow = f.minExclusive ? v <= f.min : v < f.min;
    if (tooLow || v > f.max) {
      issues.push({ field: key, message: `${f.label} must be ${describeLimit(f)}; it is ${v}.` });
    }
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// The calculators

type RawLine = { key: string; name: string; exact: number; basis: string };

const money = (n: number) => `£${n.toFixed(2)}`;
const pct = (n: number) => `${round2(n * 100)}%`;
const num = (n: number) => `${Math.round(n * 1000) / 1000}`;

/** Rounds the total to pence, then gives each line its pence by largest remainder so the lines add
 * up exactly to the rounded total. */
export function roundLines(raw: RawLine[]): { total: number; exactTotal: number; lines: PriceFloorLine[] } {
  const exactTotal = raw.reduce((s, l) => s + l.exact, 0);
  const totalPence = Math.round(exactTotal * 100);
  const floors = raw.map((l) => Math.floor(l.exact * 100 + 1e-9));
  let left = totalPence - floors.reduce((s, p) => s + p, 0);
  const order = raw.map((l, i) => ({ i, rem: l.exact * 100 - floors[i] })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  const pence = [...floors];
  for (let k = 0; left > 0 && k < order.length; k++, left--) pence[order[k].i] += 1;
  // A negative remainder cannot occur with non-negative lines; guard by taking pence back.
  for (let k = order.length - 1; left < 0 && k >= 0; k--, left++) pence[order[k].i] -= 1;
  return {
    total: totalPence / 100,
    exactTotal,
    lines: raw.map((l, i) => ({ key: l.key, name: l.name, amount: pence[i] / 100, exact: l.exact, basis: l.basis })),
  };
}

/** On-costs per paid hour: rate × (wage − weekly threshold ÷ weekly paid hours), never below 0. */
function perPaidHour(rate: number, wage: number, thresholdWeekly: number, weeklyHours: number) {
  return rate * Math.max(0, wage - thresholdWeekly / weeklyHours);
}

export function homeCarePrice(year: string, a: HomeCareAssumptions): HomeCareResult {
  const issues = validateAssumptions("home_care", a as unknown as Record<string, unknown>);
  if (issues.length) throw new PriceFloorInputError(issues);
  const visitsPerHour = 60 / a.visitMinutes;
  const travelHours = (visitsPerHour * a.travelMinutesPerVisit) / 60;
  const working = 1 + travelHours;
  const paid = working * (1 + a.holidayShare + a.trainingShare + a.sicknessShare);
  const niPerHour = perPaidHour(a.employerNiRate, a.wage, a.niThresholdWeekly, a.weeklyPaidHours);
  const pensionPerHour = perPaidHour(a.employerPensionRate, a.wage, a.pensionThresholdWeekly, a.weeklyPaidHours);
  const raw: RawLine[] = [
    { key: "contact_pay", name: "Pay for contact time", exact: a.wage, basis: `1 hour at ${money(a.wage)}` },
    {
      key: "travel_pay",
      name: "Pay for travel time",
      exact: travelHours * a.wage,
      basis: `${num(visitsPerHour)} visits of ${a.visitMinutes} minutes an hour × ${a.travelMinutesPerVisit} minutes' travel = ${num(travelHours * 60)} minutes at ${money(a.wage)}`,
    },
    {
      key: "holiday_pay",
      name: "Holiday pay",
      exact: working * a.holidayShare * a.wage,
      basis: `${pct(a.holidayShare)} of ${num(working)} working hours at ${money(a.wage)}`,
    },
    {
      key: "training_time",
      name: "Training time",
      exact: working * a.trainingShare * a.wage,
      basis: `${pct(a.trainingShare)} of ${num(working)} working hours at ${money(a.wage)}`,
    },
    {
      key: "sick_pay",
      name: "Sick pay",
      exact: working * a.sicknessShare * a.wage,
      basis: `${pct(a.sicknessShare)} of ${num(working)} working hours at ${money(a.wage)}`,
    },
    {
      key: "employer_ni",
      name: "Employer National Insurance",
      exact: paid * niPerHour,
      basis: `${pct(a.employerNiRate)} of pay above ${money(a.niThresholdWeekly)} a week (${a.weeklyPaidHours} paid hours a week), on ${num(paid)} paid hours`,
    },
    {
      key: "employer_pension",
      name: "Employer pension",
      exact: paid * pensionPerHour,
      basis: `${pct(a.employerPensionRate)} of pay above ${money(a.pensionThresholdWeekly)} a week (${a.weeklyPaidHours} paid hours a week), on ${num(paid)} paid hours`,
    },
    {
      key: "mileage",
      name: "Mileage",
      exact: (visitsPerHour * a.milesPerVisit * a.pencePerMile) / 100,
      basis: `${num(visitsPerHour)} visits × ${a.milesPerVisit} miles × ${a.pencePerMile}p a mile`,
    },
    {
      key: "running_costs",
      name: "Running the business",
      exact: a.runningCostsPerHour,
      basis: `${money(a.runningCostsPerHour)} per contact hour, set by the council`,
    },
    { key: "surplus", name: "Surplus", exact: a.surplusPerHour, basis: `${money(a.surplusPerHour)} per contact hour` },
  ];
  const loaded = paid * (1 + a.employerNiRate + a.employerPensionRate);
  return {
    year,
    careType: "home_care",
    unit: "hour",
    ...roundLines(raw),
    loadedPaidHours: loaded,
    loadedPaidHoursPerContactHour: loaded,
    wageSensitivity: loaded,
    assumptions: { ...a },
  };
}

export function careHomePrice(year: string, a: CareHomeAssumptions): CareHomeResult {
  const issues = validateAssumptions("care_home", a as unknown as Record<string, unknown>);
  if (issues.length) throw new PriceFloorInputError(issues);
  const working = a.careHoursPerResidentWeek;
  const paid = working * (1 + a.holidayShare + a.trainingShare + a.sicknessShare);
  const niPerHour = perPaidHour(a.employerNiRate, a.wage, a.niThresholdWeekly, a.weeklyPaidHours);
  const pensionPerHour = perPaidHour(a.employerPensionRate, a.wage, a.pensionThresholdWeekly, a.weeklyPaidHours);
  const carePay = paid * a.wage;
  const careOnCosts = paid * (niPerHour + pensionPerHour);
  const operating =
    carePay + careOnCosts + a.otherStaffPerWeek + a.premisesPerWeek + a.suppliesPerWeek + a.headOfficePerWeek;
  const raw: RawLine[] = [
    {
      key: "care_staff_pay",
      name: "Care staff pay",
      exact: carePay,
      basis: `${num(working)} care hours per resident a week, plus holiday, training and sickness (${num(paid)} paid hours) at ${money(a.wage)}`,
    },
    {
      key: "care_staff_on_costs",
      name: "Care staff National Insurance and pension",
      exact: careOnCosts,
      basis: `${pct(a.employerNiRate)} over ${money(a.niThresholdWeekly)} and ${pct(a.employerPensionRate)} over ${money(a.pensionThresholdWeekly)} a week, on ${num(paid)} paid hours`,
    },
    {
      key: "other_staff",
      name: "Other staff",
      exact: a.otherStaffPerWeek,
      basis: "Per bed per week, set by the council",
    },
    { key: "premises", name: "Premises", exact: a.premisesPerWeek, basis: "Per bed per week, set by the council" },
    {
      key: "supplies",
      name: "Supplies and services",
      exact: a.suppliesPerWeek,
      basis: "Per bed per week, set by the council",
    },
    {
      key: "head_office",
      name: "Head office",
      exact: a.headOfficePerWeek,
      basis: "Per bed per week, set by the council",
    },
    {
      key: "return_on_operations",
      name: "Return on operations",
      exact: operating * a.returnOnOperationsShare,
      basis: `${pct(a.returnOnOperationsShare)} of operating costs of ${money(operating)}`,
    },
    {
      key: "return_on_capital",
      name: "Return on capital",
      exact: a.returnOnCapitalPerWeek,
      basis: "Per bed per week, set by the council",
    },
  ];
  const loaded = paid * (1 + a.employerNiRate + a.employerPensionRate);
  return {
    year,
    careType: "care_home",
    unit: "week",
    ...roundLines(raw),
    loadedPaidHours: loaded,
    wageSensitivity: loaded * (1 + a.returnOnOperationsShare),
    assumptions: { ...a },
  };
}

export function isPriceFloorYear(y: string): y is PriceFloorYear {
  return (PRICE_FLOOR_YEARS as readonly string[]).includes(y);
}

/** The floor for a year and care type: the defaults, then any saved assumptions, then overrides. */
export function priceFloor(
  year: PriceFloorYear,
  careType: "home_care",
  overrides?: Partial<Record<string, number>>,
): HomeCareResult;
export function priceFloor(
  year: PriceFloorYear,
  careType: "care_home",
  overrides?: Partial<Record<string, number>>,
): CareHomeResult;
export function priceFloor(
  year: PriceFloorYear,
  careType: PriceFloorCareType,
  overrides?: Partial<Record<string, number>>,
): PriceFloorResult;
export function priceFloor(
  year: PriceFloorYear,
  careType: PriceFloorCareType,
  overrides: Partial<Record<string, number>> = {},
): PriceFloorResult {
  const base = defaultAssumptions(year, careType) as unknown as Record<string, number>;
  const merged: Record<string, number> = { ...base };
  for (const key of Object.keys(base)) {
    const v = overrides[key];
    if (v !== undefined) merged[key] = v;
  }
  return careType === "home_care"
    ? homeCarePrice(year, merged as unknown as HomeCareAssumptions)
    : careHomePrice(year, merged as unknown as CareHomeAssumptions);
}

// ---------------------------------------------------------------------------------------------
// A price against the floor

export interface FloorCoverage {
  belowFloor: boolean;
  /** Floor minus price, rounded to pence; 0 when the price covers the floor. */
  gap: number;
  /** The lines the price runs out before, taking lines in cost order, with how much of each is
   * not covered. */
  notCovered: { key: string; name: string; amount: number; uncovered: number }[];
}

/** Which lines a price cannot cover: lines are paid in cost order (pay first, surplus last). */
export function coverage(
  floor: { total: number; lines: { key: string; name: string; amount: number }[] },
  price: number,
): FloorCoverage {
  const pricePence = Math.round(price * 100);
  const totalPence = Math.round(floor.total * 100);
  let cumulative = 0;
  const notCovered: FloorCoverage["notCovered"] = [];
  for (const line of floor.lines) {
    const start = cumulative;
    const pence = Math.round(line.amount * 100);
    cumulative += pence;
    if (cumulative > pricePence && pence > 0) {
      const uncovered = cumulative - Math.max(start, pricePence);
      notCovered.push({ key: line.key, name: line.name, amount: line.amount, uncovered: uncovered / 100 });
    }
  }
  return {
    belowFloor: pricePence < totalPence,
    gap: Math.max(0, totalPence - pricePence) / 100,
    notCovered,
  };
}
