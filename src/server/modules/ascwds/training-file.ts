import { TRAINING_CATEGORIES } from "../../../shared/ascwds/codes";
import type { CsvRow } from "./csv";
import type { ProblemList } from "./problems";
import { RowReader } from "./row-reader";

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

export function readTrainingRow(file: string, row: CsvRow, index: Map<string, number>, problems: ProblemList, asAt: string): TrainingIn | null {
  const r = new RowReader(file, "training", row, index, problems);
  const errorsBefore = problems.errors;
  const workplaceRef = r.text("LOCALESTID", 50, { required: true, what: "the workplace's reference" });
  if (workplaceRef) r.workplaceRef = workplaceRef;
  const staffRef = r.text("UNIQUEWORKERID", 50, { required: true, what: "the staff record's reference (as in the staff file)" });
  if (staffRef) r.staffRef = staffRef;
  const category = r.code("CATEGORY", TRAINING_CATEGORIES, { required: true, what: "an ASC-WDS training category code" });
  const name = r.text("TRAININGNAME", 120);
  const accredited = r.code("ACCREDITED", new Set([0, 1, 999]), { what: "0 (No), 1 (Yes) or 999 (Don't know)" });
  const whoDelivered = r.code("WHODELIVERED", new Set([1, 2]), { what: "1 (In-house staff) or 2 (External provider)" });
  const providerCode = r.code("PROVIDERNAME", (n) => (n >= 1 && n <= 88) || n === 999, { what: "a training provider code from 1 to 88, or 999 (other)" });
  if (providerCode !== null && whoDelivered !== 2) r.warn("PROVIDERNAME", "not_external", "PROVIDERNAME is only used when WHODELIVERED is 2 (External provider).");
  const howDelivered = r.code("HOWDELIVERED", new Set([1, 2]), { what: "1 (Face to face) or 2 (E-learning)" });
  let validityMonths: number | null = null;
  const validity = r.raw("VALIDITY").toLowerCase();
  if (validity && validity !== "none") {
    if (/^\d{1,3}$/.test(validity) && Number(validity) >= 1) validityMonths = Number(validity);
    else r.error("VALIDITY", "value", `VALIDITY "${r.raw("VALIDITY")}" is not recognised: give how many months the training lasts (1 to 999), or none if it does not expire.`);
  }
  const completedOn = r.date("DATECOMPLETED");
  if (completedOn && completedOn > asAt) r.error("DATECOMPLETED", "future", "DATECOMPLETED is after the upload's as-at date: training can only be recorded once it is done.");
  let expiresOn = r.date("EXPIRYDATE");
  if (expiresOn && completedOn && expiresOn <= completedOn) r.error("EXPIRYDATE", "before_completed", "EXPIRYDATE must be after DATECOMPLETED.");
  if (completedOn && validityMonths !== null) {
    const implied = expiryFrom(completedOn, validityMonths);
    if (!expiresOn) expiresOn = implied;
    else if (expiresOn !== implied)
      r.warn("EXPIRYDATE", "validity_mismatch", `EXPIRYDATE does not match VALIDITY of ${validityMonths} months after DATECOMPLETED. The hub keeps EXPIRYDATE as given.`);
  }
  const notes = r.text("NOTES", 1000);
  if (problems.errors > errorsBefore || !workplaceRef || !staffRef || category === null) return null;
  return {
    line: row.line,
    workplaceRef,
    staffRef,
    values: { category, name, accredited, whoDelivered, providerCode, howDelivered, validityMonths, completedOn, expiresOn, notes },
  };
}
