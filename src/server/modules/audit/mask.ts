// Identifiers, special category data and secrets never enter the audit trail in clear.
// The entry still says that such a field was set or changed, so the trail stays useful.
const MASKED_KEYS = new Set([
  "niNumber",
  "niEncrypted",
  "personKey",
  "dateOfBirth",
  "ethnicity",
  "disabled",
  "passwordHash",
  "password",
  "tokenHash",
  "token",
  "csrfToken",
]);

export const MASK = "[masked]";
export const MASK_CHANGED = "[masked: changed]";

type Row = Record<string, unknown> | null | undefined;

function maskOne(row: Row, other: Row, markChanges: boolean): Record<string, unknown> | null {
  if (!row) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (!MASKED_KEYS.has(key)) out[key] = value;
    else if (value === null || value === undefined) out[key] = null;
    else out[key] = markChanges && other && other[key] !== value ? MASK_CHANGED : MASK;
  }
  return out;
}

export function maskBeforeAfter(before: Row, after: Row) {
  return { before: maskOne(before, after, false), after: maskOne(after, before, Boolean(before)) };
}
