// The staff record form's fields, by the ASC-WDS staff file column each one edits: the form shows
// these labels, and the server words a problem found in a record sent from the form with the same
// labels (src/server/modules/ascwds/form-messages.ts). File reports keep the column codes.
import { CONTRACT_LABELS, JOB_ROLES } from "./codes";

export interface StaffFormField {
  column: string;
  label: string;
  hint?: string;
  options?: Record<string, string>;
  sensitive?: boolean;
  newOnly?: boolean;
}

export const YES_NO_DONT_KNOW: Record<string, string> = { 1: "Yes", 2: "No", 999: "Don't know" };
export const PAY_INTERVAL_OPTIONS: Record<string, string> = { 3: "Hourly rate", 1: "Annual salary", 999: "Don't know" };

/** The workplace the record belongs to (LOCALESTID), chosen from a list. */
export const WORKPLACE_FIELD: StaffFormField = { column: "LOCALESTID", label: "Workplace" };

/** The fields of the staff record form after the workplace, in order. */
export const STAFF_FORM_FIELDS: StaffFormField[] = [
  {
    column: "UNIQUEWORKERID",
    label: "Your reference for this person",
    hint: "For example a payroll number",
    newOnly: true,
  },
  { column: "DISPLAYID", label: "Name or ID", hint: "How your team knows them" },
  { column: "MAINJOBROLE", label: "Main job role", options: JOB_ROLES },
  {
    column: "MAINJRDESC",
    label: "Job title",
    hint: "Only for the two “Other” main job roles: what the job is",
  },
  { column: "EMPLSTATUS", label: "Contract", options: CONTRACT_LABELS },
  { column: "STARTDATE", label: "Start date in main job", hint: "For example, 1 9 2026" },
  { column: "ZEROHRCONT", label: "Zero-hours contract", options: YES_NO_DONT_KNOW },
  { column: "CONTHOURS", label: "Contracted weekly hours", hint: "Leave blank for zero-hours contracts" },
  { column: "AVGHOURS", label: "Average weekly hours", hint: "For zero-hours, bank and agency staff" },
  { column: "SALARYINT", label: "How they are paid", options: PAY_INTERVAL_OPTIONS },
  { column: "HOURLYRATE", label: "Hourly rate (£)", hint: "If paid hourly, for example 12.90" },
  { column: "SALARY", label: "Annual salary (£)", hint: "If paid a salary" },
  { column: "GENDER", label: "Gender", options: { 2: "Female", 1: "Male", 4: "Other", 3: "Don't know" } },
  {
    column: "NINUMBER",
    label: "National Insurance number",
    hint: "Links the person across employers without showing who they are",
    sensitive: true,
  },
  { column: "DOB", label: "Date of birth", hint: "For example, 27 3 1990", sensitive: true },
];

/**
 * Every staff file column by what a person would call it: the form's labels, and words for the
 * columns the form sends back unchanged (a problem in one of those is still worded for people).
 */
export const STAFF_COLUMN_LABELS: Record<string, string> = {
  ...Object.fromEntries([WORKPLACE_FIELD, ...STAFF_FORM_FIELDS].map((f) => [f.column, f.label])),
  STATUS: "Whether the record is new or changed",
  POSTCODE: "Home postcode",
  ETHNICITY: "Ethnicity",
  NATIONALITY: "Nationality",
  BRITISHCITIZENSHIP: "British citizenship",
  COUNTRYOFBIRTH: "Country of birth",
  YEAROFENTRY: "Year they came to the UK",
  DISABLED: "Disability",
  CARECERT: "Care Certificate",
  L2CARECERT: "Level 2 Adult Social Care Certificate",
  RECSOURCE: "Where they were recruited from",
  HANDCVISA: "Health and Care Worker visa",
  INOUTUK: "Recruited from inside or outside the UK",
  STARTINSECT: "Year they started in social care",
  DHA: "Delegated healthcare activities",
  APPRENTICE: "Apprenticeship",
  DAYSSICK: "Days sick in the last 12 months",
  NMCREG: "NMC registration",
  AMHP: "Approved mental health professional",
  SCQUAL: "Social care qualification",
  NONSCQUAL: "Other qualification",
  CWPCATEGORY: "Care workforce pathway role",
  CHGUNIQUEWRKID: "New reference for this person",
  TRANSFERSTAFFRECORD: "Workplace they move to",
};
