import { NI_NUMBER_MESSAGE } from "../../../shared/ascwds/ni-number";
import { STAFF_COLUMN_LABELS } from "../../../shared/ascwds/staff-form-fields";
import { formulaMessage } from "../../../shared/text";
import type { Problem } from "./problems";

// A problem in a staff record worded for the person filling in the form: the field as the form
// labels it and what to do, never a column code or a code value ("set SALARYINT to 999"). The
// problem's own message, with its column and codes, stays in file reports and the records API's
// problem list, where the columns are what people work with.

const label = (column: string) => STAFF_COLUMN_LABELS[column] ?? column;

const HOURS = "as a number from 0 to 75, in half hours (for example 37.5), or leave it blank";

/** Messages by the problem's check code (`staff.<COLUMN>.<check>`). */
const BY_CODE: Record<string, string> = {
  "staff.LOCALESTID.missing": "Choose the workplace",
  "staff.LOCALESTID.unknown_workplace": "Choose a workplace from the list",
  "staff.UNIQUEWORKERID.missing": "Enter your reference for this person, for example their payroll number",
  "staff.UNIQUEWORKERID.too_long": "Your reference for this person must be 50 characters or fewer",
  "staff.UNIQUEWORKERID.duplicate":
    "Another staff record at this workplace already has this reference: enter a different one",
  "staff.DISPLAYID.missing": "Enter their name or an ID your team knows them by",
  "staff.DISPLAYID.too_long": "Name or ID must be 50 characters or fewer",
  "staff.MAINJOBROLE.missing": "Choose their main job role",
  "staff.MAINJOBROLE.code": "Choose their main job role from the list",
  "staff.MAINJRDESC.missing": "Enter their job title: their main job role is one of the “Other” roles",
  "staff.MAINJRDESC.too_long": "Job title must be 120 characters or fewer",
  "staff.EMPLSTATUS.missing": "Choose their contract",
  "staff.EMPLSTATUS.code": "Choose their contract from the list",
  "staff.STARTDATE.date_format": "Enter the start date in main job as a real date, for example 01/04/2024",
  "staff.STARTDATE.future": "Start date in main job must be today or in the past",
  "staff.ZEROHRCONT.code": "Choose whether they are on a zero-hours contract",
  "staff.CONTHOURS.format": `Enter contracted weekly hours ${HOURS}`,
  "staff.CONTHOURS.range": `Enter contracted weekly hours ${HOURS}`,
  "staff.CONTHOURS.zero_hours":
    "Leave contracted weekly hours blank for someone on a zero-hours contract and put their usual hours in average weekly hours, or answer No to zero-hours contract",
  "staff.AVGHOURS.format": `Enter average weekly hours ${HOURS}`,
  "staff.AVGHOURS.range": `Enter average weekly hours ${HOURS}`,
  "staff.SALARYINT.code": "Choose how they are paid",
  "staff.SALARYINT.missing": "Choose how they are paid: Hourly rate or Annual salary",
  "staff.HOURLYRATE.format": "Enter the hourly rate in pounds, from £2.50 to £200, for example 12.90",
  "staff.HOURLYRATE.range": "Enter the hourly rate in pounds, from £2.50 to £200, for example 12.90",
  "staff.HOURLYRATE.decimals": "Enter the hourly rate to the penny, for example 12.90",
  "staff.HOURLYRATE.with_salary":
    "Leave the hourly rate blank for someone paid an annual salary, or change how they are paid to Hourly rate",
  "staff.HOURLYRATE.missing": "Enter their hourly rate, or choose Don't know for how they are paid",
  "staff.SALARY.format": "Enter the annual salary in pounds, for example 24000",
  "staff.SALARY.range":
    "Enter an annual salary from £500 to £200,000 (up to £250,000 for senior management), for example 24000",
  "staff.SALARY.with_hourly":
    "Leave the annual salary blank for someone paid an hourly rate, or change how they are paid to Annual salary",
  "staff.SALARY.missing": "Enter their annual salary, or choose Don't know for how they are paid",
  "staff.GENDER.code": "Choose their gender from the list",
  "staff.NINUMBER.format": NI_NUMBER_MESSAGE,
  "staff.DOB.date_format": "Enter the date of birth as a real date, for example 27/03/1985",
  "staff.STATUS.invalid": "The form could not be saved as it was sent: reload the page and try again",
};

/** Column codes as words, for problems no message above covers. */
const COLUMN_CODE = new RegExp(`\\b(${Object.keys(STAFF_COLUMN_LABELS).join("|")}|QUALACH\\d\\d(?:NOTES)?)\\b`, "g");

/** A problem in a staff record sent from the form, in the form's words. */
export function formMessage(p: Problem): string {
  const known = BY_CODE[p.code];
  if (known) return known;
  if (p.column && p.code.endsWith(".formula")) return formulaMessage(label(p.column));
  if (p.column && p.code.endsWith(".too_long")) {
    const max = /at most (\d+)/.exec(p.message)?.[1];
    if (max) return `${label(p.column)} must be ${max} characters or fewer`;
  }
  // Anything else keeps its advice, with each column named as the form names it.
  return p.message.replace(COLUMN_CODE, (code) => (code.startsWith("QUALACH") ? "Qualification" : label(code)));
}
