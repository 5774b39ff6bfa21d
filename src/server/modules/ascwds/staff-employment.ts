import { JOB_ROLES } from "../../../shared/ascwds/codes";
import { type NumberRule, type RowReader, yearsBetween } from "./row-reader";
import type { StaffColumns } from "./staff-columns";
import { YES_NO_DK, YES_NO_DK_WHAT } from "./staff-person";
import type { StaffDraft } from "./staff-record";

const JOB_ROLE_CODES = new Set(Object.keys(JOB_ROLES).map(Number));
const CONTRACT_TYPES = new Set([1, 2, 3, 4, 7]);
const PAY_INTERVALS = new Set([1, 3, 999]);
const NMC_REGISTERS = new Set([1, 2, 3, 4, 5]);
const REQUIRED = { required: true } as const;
const DAYS_SICK: NumberRule = { step: 0.5, dontKnow: true, what: "days sick in the last 12 months" };
const SALARY: NumberRule = { what: "the annual salary in pounds", unit: "£" };
const HOURLY_RATE: NumberRule = { what: "the hourly rate in pounds", unit: "£" };
const CONTRACTED_HOURS: NumberRule = { step: 0.5, dontKnow: true, what: "contracted weekly hours" };
const AVERAGE_HOURS: NumberRule = { step: 0.5, dontKnow: true, what: "average weekly hours" };
const PENCE = /^\d+(\.\d{1,2})?$/;

/** The job: when it started, the contract, the pay, the role and the hours. */
export function readStaffEmployment(r: RowReader, c: StaffColumns, s: StaffDraft, asAt: string, asAtYear: number) {
  readStartDates(r, c, s, asAt, asAtYear);
  const v = s.values;
  v.delegatedHealthcare = r.code(c.DHA, YES_NO_DK, YES_NO_DK_WHAT);
  v.apprentice = r.code(c.APPRENTICE, YES_NO_DK, YES_NO_DK_WHAT);
  v.contractType = r.code(
    c.EMPLSTATUS,
    CONTRACT_TYPES,
    "1 (Permanent), 2 (Temporary), 3 (Pool/Bank), 4 (Agency) or 7 (Other)",
    REQUIRED,
  );
  v.zeroHours = r.code(c.ZEROHRCONT, YES_NO_DK, YES_NO_DK_WHAT);
  v.daysSick = r.number(c.DAYSSICK, 0, 366, DAYS_SICK);
  readPay(r, c, s);
  readRoleAndHours(r, c, s);
}

/** STARTDATE (in the main job) and STARTINSECT (in social care), against each other, DOB and the as-at date. */
function readStartDates(r: RowReader, c: StaffColumns, s: StaffDraft, asAt: string, asAtYear: number) {
  const start = r.date(c.STARTDATE);
  s.values.mainJobStartDate = start;
  if (!r.raw(c.STARTDATE))
    r.warn(
      c.STARTDATE,
      "missing",
      "STARTDATE is blank: without it the hub counts this person as starting on the upload's as-at date. Enter the date they started in their main job.",
    );
  if (start && start > asAt)
    r.error(
      c.STARTDATE,
      "future",
      "STARTDATE is after the upload's as-at date: enter the date they started, or leave them out until they start.",
    );
  const dob = s.dateOfBirth !== "keep" ? s.dateOfBirth : null;
  if (start && dob && yearsBetween(dob, start) < 14)
    r.warn(c.STARTDATE, "before_14", "STARTDATE is before the person's 14th birthday: check STARTDATE and DOB.");
  const sectorStartYear = r.year(c.STARTINSECT, 1940, asAtYear, "the year they started in social care", true);
  s.values.sectorStartYear = sectorStartYear;
  if (sectorStartYear && start && sectorStartYear > Number(start.slice(0, 4))) {
    r.warn(
      c.STARTINSECT,
      "after_start",
      "STARTINSECT is after the year in STARTDATE: someone cannot start this job before starting in social care. Check both.",
    );
  }
}

/** SALARYINT says which of SALARY and HOURLYRATE is the pay; the salary's ceiling depends on MAINJOBROLE. */
function readPay(r: RowReader, c: StaffColumns, s: StaffDraft) {
  const v = s.values;
  const payInterval = r.code(c.SALARYINT, PAY_INTERVALS, "1 (Annual salary), 3 (Hourly rate) or 999 (Don't know)");
  v.payInterval = payInterval;
  v.mainJobRole = r.code(c.MAINJOBROLE, JOB_ROLE_CODES, "an ASC-WDS main job role code", REQUIRED);
  const salary = r.number(c.SALARY, 500, v.mainJobRole === 1 ? 250000 : 200000, SALARY);
  const hourly = r.number(c.HOURLYRATE, 2.5, 200, HOURLY_RATE);
  const salaryCell = r.raw(c.SALARY);
  const hourlyCell = r.raw(c.HOURLYRATE);
  if (payInterval === 1) {
    if (hourlyCell)
      r.error(
        c.HOURLYRATE,
        "with_salary",
        "SALARYINT is 1 (annual salary) but HOURLYRATE is filled in: give the salary in SALARY and leave HOURLYRATE blank.",
      );
    if (!salaryCell)
      r.error(
        c.SALARY,
        "missing",
        "SALARYINT is 1 (annual salary) but SALARY is blank: enter the annual salary, or set SALARYINT to 999.",
      );
    v.payRate = salary;
  } else if (payInterval === 3) {
    if (salaryCell)
      r.error(
        c.SALARY,
        "with_hourly",
        "SALARYINT is 3 (hourly rate) but SALARY is filled in: give the rate in HOURLYRATE and leave SALARY blank.",
      );
    if (!hourlyCell)
      r.error(
        c.HOURLYRATE,
        "missing",
        "SALARYINT is 3 (hourly rate) but HOURLYRATE is blank: enter the hourly rate, or set SALARYINT to 999.",
      );
    v.payRate = hourly;
  } else if (salaryCell || hourlyCell) {
    r.error(
      c.SALARYINT,
      "missing",
      "SALARY or HOURLYRATE is filled in but SALARYINT does not say which: set SALARYINT to 1 (annual) or 3 (hourly).",
    );
  }
  if (hourly !== null && !PENCE.test(hourlyCell))
    r.error(c.HOURLYRATE, "decimals", "HOURLYRATE has more than 2 decimal places: round it to the penny.");
}

/** MAINJRDESC for the "other" roles, the weekly hours, and the registrations some roles have. */
function readRoleAndHours(r: RowReader, c: StaffColumns, s: StaffDraft) {
  const v = s.values;
  const role = v.mainJobRole;
  let mainJobDesc = r.text(c.MAINJRDESC, 120);
  if ((role === 23 || role === 27) && !mainJobDesc)
    r.error(c.MAINJRDESC, "missing", `MAINJOBROLE ${role} is an "other" role: describe the job in MAINJRDESC.`);
  if (mainJobDesc && role !== 23 && role !== 27) {
    r.warn(c.MAINJRDESC, "not_needed", "MAINJRDESC is only used for job roles 23 and 27; it will not be saved.");
    mainJobDesc = null;
  }
  v.mainJobDesc = mainJobDesc;
  const contractedHours = r.number(c.CONTHOURS, 0, 75, CONTRACTED_HOURS);
  v.contractedHours = contractedHours;
  v.averageHours = r.number(c.AVGHOURS, 0, 75, AVERAGE_HOURS);
  if (v.zeroHours === 1 && contractedHours !== null && contractedHours > 0) {
    r.error(
      c.CONTHOURS,
      "zero_hours",
      "ZEROHRCONT says a zero-hours contract but CONTHOURS gives contracted hours: put the usual hours in AVGHOURS and leave CONTHOURS blank, or correct ZEROHRCONT.",
    );
  }
  if (
    v.zeroHours === 2 &&
    contractedHours === null &&
    (v.contractType === 1 || v.contractType === 2) &&
    r.raw(c.CONTHOURS) === ""
  ) {
    r.warn(
      c.CONTHOURS,
      "missing",
      "This person is permanent or temporary and not on a zero-hours contract: enter their contracted weekly hours in CONTHOURS.",
    );
  }
  v.nmcRegistration = r.code(c.NMCREG, NMC_REGISTERS, "an NMC register code from 1 to 5");
  if (v.nmcRegistration !== null && role !== 16)
    r.warn(c.NMCREG, "not_nurse", "NMCREG is only for registered nurses (MAINJOBROLE 16).");
  v.amhp = r.code(c.AMHP, YES_NO_DK, YES_NO_DK_WHAT);
  if (v.amhp !== null && role !== 6)
    r.warn(c.AMHP, "not_social_worker", "AMHP is only for social workers (MAINJOBROLE 6).");
}
