import { TRAINING_CATEGORIES } from "../../../shared/ascwds/codes";
import type { CsvRow } from "./csv";
import { TRAINING_COLUMNS } from "./headers";
import type { ProblemList } from "./problems";
import { type Column, columnsOf, RowReader } from "./row-reader";

export interface TrainingValues {
  category: number;
  name: string | null;
  accredited: number | null;
  whoDelivered: number | null;
  providerCode: number | null;
  howDelivered: number | null;
  validityMonths: number | null;
  completedOn: string | null;
  expiresOn: string | null;
  notes: string | null;
}

export interface TrainingIn {
  line: number;
  workplaceRef: string;
  staffRef: string;
  values: TrainingValues;
}

/** Expiry implied by a validity in months: completed + months − 1 day (as ASC-WDS derives it). */
export function expiryFrom(completed: string, months: number): string {
  const d = new Date(`${completed}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()));
  // A month without that day (31 March + 1 month) ends at the month's last day.
  if (target.getUTCDate() !== d.getUTCDate()) target.setUTCDate(0);
  return new Date(target.getTime() - 86_400_000).toISOString().slice(0, 10);
}

const REQUIRED = { required: true } as const;
const ACCREDITED = new Set([0, 1, 999]);
const WHO_DELIVERED = new Set([1, 2]);
const HOW_DELIVERED = new Set([1, 2]);
const TRAINING_PROVIDER = (n: number) => (n >= 1 && n <= 88) || n === 999;

/** The training file's rows, one at a time, with its columns resolved and its reader made once. */
export function trainingRowReader(
  file: string,
  index: Map<string, number>,
  problems: ProblemList,
  asAt: string,
): (row: CsvRow) => TrainingIn | null {
  const r = new RowReader(file, "training", index, problems);
  const col = columnsOf(index, TRAINING_COLUMNS);
  return (row) => readTrainingRow(r.start(row), col, row, asAt);
}

function readTrainingRow(
  r: RowReader,
  col: Record<(typeof TRAINING_COLUMNS)[number], Column>,
  row: CsvRow,
  asAt: string,
): TrainingIn | null {
  const workplaceRef = r.text(col.LOCALESTID, 50, "the workplace's reference");
  if (workplaceRef) r.workplaceRef = workplaceRef;
  const staffRef = r.text(col.UNIQUEWORKERID, 50, "the staff record's reference (as in the staff file)");
  if (staffRef) r.staffRef = staffRef;
  const category = r.code(col.CATEGORY, TRAINING_CATEGORIES, "an ASC-WDS training category code", REQUIRED);
  const name = r.text(col.TRAININGNAME, 120);
  const accredited = r.code(col.ACCREDITED, ACCREDITED, "0 (No), 1 (Yes) or 999 (Don't know)");
  const whoDelivered = r.code(col.WHODELIVERED, WHO_DELIVERED, "1 (In-house staff) or 2 (External provider)");
  const providerCode = r.code(
    col.PROVIDERNAME,
    TRAINING_PROVIDER,
    "a training provider code from 1 to 88, or 999 (other)",
  );
  if (providerCode !== null && whoDelivered !== 2)
    r.warn(col.PROVIDERNAME, "not_external", "PROVIDERNAME is only used when WHODELIVERED is 2 (External provider).");
  const howDelivered = r.code(col.HOWDELIVERED, HOW_DELIVERED, "1 (Face to face) or 2 (E-learning)");
  let validityMonths: number | null = null;
  const validity = r.raw(col.VALIDITY).toLowerCase();
  if (validity && validity !== "none") {
    if (/^\d{1,3}$/.test(validity) && Number(validity) >= 1) validityMonths = Number(validity);
    else
      r.error(
        col.VALIDITY,
        "value",
        `VALIDITY "${r.raw(col.VALIDITY)}" is not recognised: give how many months the training lasts (1 to 999), or none if it does not expire.`,
      );
  }
  const completedOn = r.date(col.DATECOMPLETED);
  if (completedOn && completedOn > asAt)
    r.error(
      col.DATECOMPLETED,
      "future",
      "DATECOMPLETED is after the upload's as-at date: training can only be recorded once it is done.",
    );
  let expiresOn = r.date(col.EXPIRYDATE);
  if (expiresOn && completedOn && expiresOn <= completedOn)
    r.error(col.EXPIRYDATE, "before_completed", "EXPIRYDATE must be after DATECOMPLETED.");
  if (completedOn && validityMonths !== null) {
    const implied = expiryFrom(completedOn, validityMonths);
    if (!expiresOn) expiresOn = implied;
    else if (expiresOn !== implied)
      r.warn(
        col.EXPIRYDATE,
        "validity_mismatch",
        `EXPIRYDATE does not match VALIDITY of ${validityMonths} months after DATECOMPLETED. The hub keeps EXPIRYDATE as given.`,
      );
  }
  const notes = r.text(col.NOTES, 1000);
  if (r.hasErrors || !workplaceRef || !staffRef || category === null) return null;
  return {
    line: row.line,
    workplaceRef,
    staffRef,
    values: {
      category,
      name,
      accredited,
      whoDelivered,
      providerCode,
      howDelivered,
      validityMonths,
      completedOn,
      expiresOn,
      notes,
    },
  };
}
