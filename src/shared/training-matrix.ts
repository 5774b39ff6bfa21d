import { EXPIRING_DAYS, type MatrixState } from "./training";

// The training matrix's one rule (issue 18 item 5): for one person and one category their
// employer requires, which state the cell is in on a day. The server's matrix, its exports, the
// council's summary and the expiry reminders all read cells through it, so they never disagree.
//
// A record holds its category until its expiry day, which it does not cover (as the figures
// engine's training_compliance counts it: valid on [completed, expiry)). Of several records the
// best is the one that lasts longest; a record with no expiry lasts for ever.

export type HeldRecord = { completedOn: string | null; expiresOn: string | null };
export type MatrixCell = { state: MatrixState; expiresOn: string | null; completedOn: string | null };

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** The record that lasts longest: no expiry beats any expiry; a record completed after the day does not count. */
export function bestRecord<R extends HeldRecord>(records: readonly R[], day: string): R | null {
  let best: R | null = null;
  for (const r of records) {
    if (r.completedOn && r.completedOn > day) continue;
    if (!best) best = r;
    else if (best.expiresOn !== null && (r.expiresOn === null || r.expiresOn > best.expiresOn)) best = r;
  }
  return best;
}

/** The state of one cell on `day` (YYYY-MM-DD): valid, expiring (within EXPIRING_DAYS), expired or missing. */
export function matrixCell(records: readonly HeldRecord[], day: string): MatrixCell {
  const best = bestRecord(records, day);
  if (!best) return { state: "missing", expiresOn: null, completedOn: null };
  const { expiresOn, completedOn } = best;
  if (expiresOn === null) return { state: "valid", expiresOn, completedOn };
  if (expiresOn <= day) return { state: "expired", expiresOn, completedOn };
  if (daysBetween(day, expiresOn) <= EXPIRING_DAYS) return { state: "expiring", expiresOn, completedOn };
  return { state: "valid", expiresOn, completedOn };
}

/** Whether a requirement applies to a job role: `roles` null means every role. */
export const requiredFor = (req: { roles: number[] | null }, role: number) =>
  req.roles === null || req.roles.includes(role);

/** The categories one person must hold, in the order the employer lists them. */
export function requiredCategories(required: readonly { category: number; roles: number[] | null }[], role: number) {
  return [...new Set(required.filter((r) => requiredFor(r, role)).map((r) => r.category))];
}

export const MATRIX_STATE_LABELS: Record<MatrixState, string> = {
  valid: "Valid",
  expiring: "Expiring",
  expired: "Expired",
  missing: "Missing",
};
