import { CWP_CATEGORIES, ETHNICITY_CODES, JOB_ROLES, RECRUITMENT_CODES } from "../../../shared/ascwds/codes";
import type { CsvRow } from "./csv";
import type { ProblemList } from "./problems";
import { RowReader, STATUSES, yearsBetween } from "./row-reader";

/** The staff record's fields as the file gives them (column names of staff_records in the model). */
export interface StaffValues {
  displayId: string;
  homePostcode: string | null;
  gender: number | null;
  ethnicity: number | null;
  nationality: number | null;
  britishCitizenship: number | null;
  countryOfBirth: number | null;
  yearOfEntry: number | null;
  disabled: number | null;
  careCertificate: number | null;
  level2CareCertificate: number | null;
  level2CareCertificateYear: number | null;
  recruitmentSource: number | null;
  healthCareVisa: number | null;
  recruitedOutsideUk: number | null;
  mainJobStartDate: string | null;
  sectorStartYear: number | null;
  delegatedHealthcare: number | null;
  apprentice: number | null;
  contractType: number;
  zeroHours: number | null;
  daysSick: number | null;
  payInterval: number | null;
  payRate: number | null;
  mainJobRole: number;
  mainJobDesc: string | null;
  contractedHours: number | null;
  averageHours: number | null;
  nmcRegistration: number | null;
  amhp: number | null;
  socialCareQual: number | null;
  socialCareQualLevel: number | null;
  otherQual: number | null;
  otherQualLevel: number | null;
  cwpCategory: number | null;
}

export interface QualificationIn {
  position: number;
  qualificationCode: number;
  year: number | null;
  notes: string | null;
}

export interface StaffIn {
  line: number;
  workplaceRef: string;
  localRef: string;
  status: string;
  /** "keep" = the file says Admin (the value is not in the file): keep what is stored. */
  ni: string | "keep" | null;
  dateOfBirth: string | "keep" | null;
  values: StaffValues;
  qualifications: QualificationIn[];
  newLocalRef: string | null;
  /** TRANSFERSTAFFRECORD: the workplace (LOCALESTID) the record moves to, if it moves. */
  transferTo: string | null;
  /**
   * Special category fields the file gives as "Admin": the sender may not see them (the hub's
   * own downloads write that for users without permission), so what is stored is kept.
   */
  kept: SpecialField[];
}

/** Special category data: shown, downloaded and changed only by users allowed to see it. */
export const SPECIAL_FIELDS = ["ethnicity", "disabled"] as const;
export type SpecialField = (typeof SPECIAL_FIELDS)[number];

const NI = /^(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/;
/** The reserved example prefix, accepted only in demo organisations (the demo's NI numbers use it). */
const EXAMPLE_NI = /^QQ\d{6}[A-D]$/;
const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;
const YES_NO_DK = new Set([1, 2, 999]);
const JOB_ROLE_CODES = new Set(Object.keys(JOB_ROLES).map(Number));
const COUNTRY = (n: number) => n === 826 || n === 998 || n === 999 || (n >= 4 && n <= 894);
const QUAL_LEVEL = /^(1;([0-8]|999)|2|999)$/;

export interface StaffContext {
  asAt: string;
  allowExampleNi: boolean;
}

export function readStaffRow(file: string, row: CsvRow, index: Map<string, number>, problems: ProblemList, ctx: StaffContext): StaffIn | null {
  const r = new RowReader(file, "staff", row, index, problems);
  const errorsBefore = problems.errors;
  const asAtYear = Number(ctx.asAt.slice(0, 4));
  const workplaceRef = r.text("LOCALESTID", 50, { required: true, what: "the workplace's reference (as in the workplace file)" });
  if (workplaceRef) r.workplaceRef = workplaceRef;
  const localRef = r.text("UNIQUEWORKERID", 50, { required: true, what: "your reference for this staff record" });
  if (localRef) r.staffRef = localRef;
  const newLocalRef = index.has("CHGUNIQUEWRKID") ? r.text("CHGUNIQUEWRKID", 50) : null;
  // Moving to the workplace it is at already is not a move.
  const moveTo = index.has("TRANSFERSTAFFRECORD") ? r.text("TRANSFERSTAFFRECORD", 50) : null;
  const transferTo = moveTo && moveTo !== workplaceRef ? moveTo : null;
  const status = r.raw("STATUS").toUpperCase();
  if (!STATUSES.has(status)) r.error("STATUS", "invalid", `STATUS "${r.raw("STATUS")}" is not recognised: use NEW, UPDATE, UNCHECKED, NOCHANGE or DELETE.`);
  if (transferTo && (status === "NEW" || status === "DELETE"))
    r.error(
      "TRANSFERSTAFFRECORD",
      "status",
      `TRANSFERSTAFFRECORD moves a staff record that exists already, but STATUS is ${status}: use UPDATE (or UNCHECKED) to move it, or leave TRANSFERSTAFFRECORD blank.`,
    );
  const displayId = r.text("DISPLAYID", 50, { required: true, what: "the person's name or an ID you know them by" });

  // Identifiers: never quoted back in a message.
  let ni: string | "keep" | null = null;
  const rawNi = r.raw("NINUMBER").replace(/\s+/g, "").toUpperCase();
  if (rawNi === "ADMIN") ni = "keep";
  else if (rawNi) {
    if (NI.test(rawNi) || (ctx.allowExampleNi && EXAMPLE_NI.test(rawNi))) ni = rawNi;
    else
      r.error(
        "NINUMBER",
        "format",
        "NINUMBER is not a valid National Insurance number: two letters, six digits and a letter A to D, like QQ 12 34 56 C. Leave it blank if you do not have it.",
      );
  }
  let dateOfBirth: string | "keep" | null = null;
  if (r.raw("DOB").toUpperCase() === "ADMIN") dateOfBirth = "keep";
  else {
    dateOfBirth = r.date("DOB", { sensitive: true, severity: "warning" });
    if (dateOfBirth) {
      const age = yearsBetween(dateOfBirth, ctx.asAt);
      if (age < 14 || age > 100) {
        r.warn("DOB", "age", "DOB gives an age outside 14 to 100: check the date of birth. It will not be saved.");
        dateOfBirth = null;
      }
    }
  }
  let homePostcode = r.raw("POSTCODE") || null;
  if (homePostcode && !POSTCODE.test(homePostcode)) {
    r.warn("POSTCODE", "format", "POSTCODE is not a UK postcode (like WA7 1AB); it will not be saved.");
    homePostcode = null;
  }

  const gender = r.code("GENDER", new Set([1, 2, 3, 4]), { what: "1 (Male), 2 (Female), 3 (Don't know) or 4 (Other)" });
  const kept: SpecialField[] = [];
  const admin = (column: string, field: SpecialField) => {
    if (r.raw(column).toUpperCase() !== "ADMIN") return false;
    kept.push(field);
    return true;
  };
  const ethnicity = admin("ETHNICITY", "ethnicity")
    ? null
    : r.code("ETHNICITY", ETHNICITY_CODES, { what: "an ONS ethnicity code from 31 to 47, 98 (other) or 99 (don't know), or Admin to keep what is stored" });
  const nationality = r.code("NATIONALITY", COUNTRY, { what: "826 (British), 998 (don't know), 999 (other) or a country's ISO number" });
  const britishCitizenship = r.code("BRITISHCITIZENSHIP", YES_NO_DK, { what: "1 (Yes), 2 (No) or 999 (Don't know)" });
  if (britishCitizenship !== null && nationality === 826)
    r.warn("BRITISHCITIZENSHIP", "british", "BRITISHCITIZENSHIP is only asked of people who are not British (NATIONALITY is 826): it will be kept but is not needed.");
  const countryOfBirth = r.code("COUNTRYOFBIRTH", COUNTRY, { what: "826 (United Kingdom), 998 (don't know), 999 (other) or a country's ISO number" });
  const yearOfEntry = r.year("YEAROFENTRY", { min: 1920, max: asAtYear, what: "the year the person came to the UK" });
  const disabled = admin("DISABLED", "disabled")
    ? null
    : r.code("DISABLED", new Set([0, 1, 2, 3]), { what: "0 (No), 1 (Yes), 2 (Undisclosed) or 3 (Don't know), or Admin to keep what is stored" });
  const careCertificate = r.code("CARECERT", new Set([1, 2, 3]), { what: "1 (Yes, completed), 2 (No) or 3 (Yes, in progress)" });

  let level2CareCertificate: number | null = null;
  let level2CareCertificateYear: number | null = null;
  const l2 = r.raw("L2CARECERT");
  if (l2) {
    const m = /^([123])(?:;(\d{4}))?$/.exec(l2);
    if (!m || (m[2] && m[1] !== "1") || (m[2] && (Number(m[2]) < 2024 || Number(m[2]) > asAtYear))) {
      r.warn(
        "L2CARECERT",
        "value",
        `L2CARECERT "${l2}" is not recognised: use 1 (completed), 1;YYYY (completed in a year from 2024), 2 (started) or 3 (no). It will not be saved.`,
      );
    } else {
      level2CareCertificate = Number(m[1]);
      level2CareCertificateYear = m[2] ? Number(m[2]) : null;
    }
  }
  const recruitmentSource = r.code("RECSOURCE", RECRUITMENT_CODES, { what: "an ASC-WDS source of recruitment code" });
  const healthCareVisa = r.code("HANDCVISA", YES_NO_DK, { what: "1 (Yes), 2 (No) or 999 (Don't know)" });
  const recruitedOutsideUk = r.code("INOUTUK", YES_NO_DK, { what: "1 (Yes), 2 (No) or 999 (Don't know)" });
  if (recruitedOutsideUk !== null && healthCareVisa !== 1) r.warn("INOUTUK", "without_visa", "INOUTUK is only asked when HANDCVISA is 1 (on a Health and Care Worker visa).");

  const mainJobStartDate = r.date("STARTDATE");
  if (!r.raw("STARTDATE"))
    r.warn(
      "STARTDATE",
      "missing",
      "STARTDATE is blank: without it the hub counts this person as starting on the upload's as-at date. Enter the date they started in their main job.",
    );
  if (mainJobStartDate && mainJobStartDate > ctx.asAt)
    r.error("STARTDATE", "future", "STARTDATE is after the upload's as-at date: enter the date they started, or leave them out until they start.");
  const dobForChecks = dateOfBirth && dateOfBirth !== "keep" ? dateOfBirth : null;
  if (mainJobStartDate && dobForChecks && yearsBetween(dobForChecks, mainJobStartDate) < 14)
    r.warn("STARTDATE", "before_14", "STARTDATE is before the person's 14th birthday: check STARTDATE and DOB.");
  const sectorStartYear = r.year("STARTINSECT", { min: 1940, max: asAtYear, what: "the year they started in social care", dontKnow: true });
  if (sectorStartYear && mainJobStartDate && sectorStartYear > Number(mainJobStartDate.slice(0, 4))) {
    r.warn("STARTINSECT", "after_start", "STARTINSECT is after the year in STARTDATE: someone cannot start this job before starting in social care. Check both.");
  }
  const delegatedHealthcare = r.code("DHA", YES_NO_DK, { what: "1 (Yes), 2 (No) or 999 (Don't know)" });
  const apprentice = r.code("APPRENTICE", YES_NO_DK, { what: "1 (Yes), 2 (No) or 999 (Don't know)" });
  const contractType = r.code("EMPLSTATUS", new Set([1, 2, 3, 4, 7]), { required: true, what: "1 (Permanent), 2 (Temporary), 3 (Pool/Bank), 4 (Agency) or 7 (Other)" });
  const zeroHours = r.code("ZEROHRCONT", YES_NO_DK, { what: "1 (Yes), 2 (No) or 999 (Don't know)" });
  const daysSick = r.number("DAYSSICK", 0, 366, { step: 0.5, dontKnow: true, what: "days sick in the last 12 months" });

  const payInterval = r.code("SALARYINT", new Set([1, 3, 999]), { what: "1 (Annual salary), 3 (Hourly rate) or 999 (Don't know)" });
  const mainJobRole = r.code("MAINJOBROLE", JOB_ROLE_CODES, { required: true, what: "an ASC-WDS main job role code" });
  const salaryMax = mainJobRole === 1 ? 250000 : 200000;
  const salary = r.number("SALARY", 500, salaryMax, { what: "the annual salary in pounds", unit: "£" });
  const hourly = r.number("HOURLYRATE", 2.5, 200, { what: "the hourly rate in pounds", unit: "£" });
  let payRate: number | null = null;
  if (payInterval === 1) {
    if (r.raw("HOURLYRATE"))
      r.error("HOURLYRATE", "with_salary", "SALARYINT is 1 (annual salary) but HOURLYRATE is filled in: give the salary in SALARY and leave HOURLYRATE blank.");
    if (!r.raw("SALARY")) r.error("SALARY", "missing", "SALARYINT is 1 (annual salary) but SALARY is blank: enter the annual salary, or set SALARYINT to 999.");
    payRate = salary;
  } else if (payInterval === 3) {
    if (r.raw("SALARY")) r.error("SALARY", "with_hourly", "SALARYINT is 3 (hourly rate) but SALARY is filled in: give the rate in HOURLYRATE and leave SALARY blank.");
    if (!r.raw("HOURLYRATE")) r.error("HOURLYRATE", "missing", "SALARYINT is 3 (hourly rate) but HOURLYRATE is blank: enter the hourly rate, or set SALARYINT to 999.");
    payRate = hourly;
  } else if (r.raw("SALARY") || r.raw("HOURLYRATE")) {
    r.error("SALARYINT", "missing", "SALARY or HOURLYRATE is filled in but SALARYINT does not say which: set SALARYINT to 1 (annual) or 3 (hourly).");
  }
  if (hourly !== null && !/^\d+(\.\d{1,2})?$/.test(r.raw("HOURLYRATE"))) r.error("HOURLYRATE", "decimals", "HOURLYRATE has more than 2 decimal places: round it to the penny.");

  let mainJobDesc = r.text("MAINJRDESC", 120);
  if ((mainJobRole === 23 || mainJobRole === 27) && !mainJobDesc)
    r.error("MAINJRDESC", "missing", `MAINJOBROLE ${mainJobRole} is an "other" role: describe the job in MAINJRDESC.`);
  if (mainJobDesc && mainJobRole !== 23 && mainJobRole !== 27) {
    r.warn("MAINJRDESC", "not_needed", "MAINJRDESC is only used for job roles 23 and 27; it will not be saved.");
    mainJobDesc = null;
  }
  const contractedHours = r.number("CONTHOURS", 0, 75, { step: 0.5, dontKnow: true, what: "contracted weekly hours" });
  const averageHours = r.number("AVGHOURS", 0, 75, { step: 0.5, dontKnow: true, what: "average weekly hours" });
  if (zeroHours === 1 && contractedHours !== null && contractedHours > 0) {
    r.error(
      "CONTHOURS",
      "zero_hours",
      "ZEROHRCONT says a zero-hours contract but CONTHOURS gives contracted hours: put the usual hours in AVGHOURS and leave CONTHOURS blank, or correct ZEROHRCONT.",
    );
  }
  if (zeroHours === 2 && contractedHours === null && (contractType === 1 || contractType === 2) && r.raw("CONTHOURS") === "") {
    r.warn("CONTHOURS", "missing", "This person is permanent or temporary and not on a zero-hours contract: enter their contracted weekly hours in CONTHOURS.");
  }
  const nmcRegistration = r.code("NMCREG", new Set([1, 2, 3, 4, 5]), { what: "an NMC register code from 1 to 5" });
  if (nmcRegistration !== null && mainJobRole !== 16) r.warn("NMCREG", "not_nurse", "NMCREG is only for registered nurses (MAINJOBROLE 16).");
  const amhp = r.code("AMHP", YES_NO_DK, { what: "1 (Yes), 2 (No) or 999 (Don't know)" });
  if (amhp !== null && mainJobRole !== 6) r.warn("AMHP", "not_social_worker", "AMHP is only for social workers (MAINJOBROLE 6).");

  const [socialCareQual, socialCareQualLevel] = qualification(r, "SCQUAL", true);
  const [otherQual, otherQualLevel] = qualification(r, "NONSCQUAL", false);
  const cwpCategory = r.code("CWPCATEGORY", CWP_CATEGORIES, { what: "a care workforce pathway category 1 to 7, 998 (none of these) or 999 (don't know)", severity: "warning" });

  const qualifications: QualificationIn[] = [];
  for (let n = 1; index.has(`QUALACH${String(n).padStart(2, "0")}`); n++) {
    const col = `QUALACH${String(n).padStart(2, "0")}`;
    const v = r.raw(col);
    const notes = r.text(`${col}NOTES`, 120);
    if (!v) continue;
    const m = /^(\d{1,4})(?:;(\d{4}))?$/.exec(v);
    if (!m) {
      r.error(col, "format", `${col} "${v}" should be a qualification code and the year achieved, like 123;2021.`);
      continue;
    }
    const year = m[2] ? Number(m[2]) : null;
    if (year !== null && (year < 1950 || year > asAtYear)) {
      r.error(col, "year", `${col}: the year ${year} is not plausible: give the year the qualification was achieved.`);
      continue;
    }
    qualifications.push({ position: n, qualificationCode: Number(m[1]), year, notes });
  }

  if (problems.errors > errorsBefore || !workplaceRef || !localRef || !displayId || contractType === null || mainJobRole === null) return null;
  return {
    line: row.line,
    workplaceRef,
    localRef,
    status,
    ni,
    dateOfBirth,
    newLocalRef,
    transferTo,
    qualifications,
    kept,
    values: {
      displayId,
      homePostcode: homePostcode?.toUpperCase() ?? null,
      gender,
      ethnicity,
      nationality,
      britishCitizenship,
      countryOfBirth,
      yearOfEntry,
      disabled,
      careCertificate,
      level2CareCertificate,
      level2CareCertificateYear,
      recruitmentSource,
      healthCareVisa,
      recruitedOutsideUk,
      mainJobStartDate,
      sectorStartYear,
      delegatedHealthcare,
      apprentice,
      contractType,
      zeroHours,
      daysSick,
      payInterval,
      payRate,
      mainJobRole,
      mainJobDesc,
      contractedHours,
      averageHours,
      nmcRegistration,
      amhp,
      socialCareQual,
      socialCareQualLevel,
      otherQual,
      otherQualLevel,
      cwpCategory,
    },
  };
}

/** SCQUAL / NONSCQUAL: `1;level` (Yes), 2 (No) or 999 (Don't know). */
function qualification(r: RowReader, column: string, levelRequired: boolean): [number | null, number | null] {
  const v = r.raw(column);
  if (!v) {
    if (column === "SCQUAL") r.warn(column, "missing", "SCQUAL is blank: say whether the person has a social care qualification (1;level, 2 for no, 999 if you do not know).");
    return [null, null];
  }
  if (v === "1" && levelRequired) {
    r.error(column, "level_missing", `${column} is 1 (Yes) without a level: write 1;level, for example 1;3 for Level 3 (999 if the level is not known).`);
    return [null, null];
  }
  if (!QUAL_LEVEL.test(v) && v !== "1") {
    r.error(column, "value", `${column} "${v}" is not recognised: use 1;level (for example 1;2), 2 (No) or 999 (Don't know).`);
    return [null, null];
  }
  if (v.startsWith("1")) return [1, v.includes(";") ? Number(v.split(";")[1]) : 999];
  return [Number(v), null];
}
