// A calendar quarter as the board report names it: "2026-Q3" is July to September 2026, and its
// figures are as at its last day (30 September 2026).

export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

const MONTHS = ["January", "April", "July", "October"];
const LAST = ["March", "June", "September", "December"];
const END_DAY = ["03-31", "06-30", "09-30", "12-31"];

/** The quarter's first and last days, or null when the text is not a quarter like 2026-Q3. */
export function parseQuarter(text: string): { quarter: string; start: string; end: string } | null {
  const m = QUARTER_PATTERN.exec(text);
  if (!m) return null;
  const q = Number(m[2]) - 1;
  const start = `${m[1]}-${String(q * 3 + 1).padStart(2, "0")}-01`;
  return { quarter: text, start, end: `${m[1]}-${END_DAY[q]}` };
}

/** "2026-Q3" → { months: "July to September 2026" }. */
export function quarterLabel(quarter: string) {
  const m = QUARTER_PATTERN.exec(quarter);
  if (!m) return { months: quarter };
  const q = Number(m[2]) - 1;
  return { months: `${MONTHS[q]} to ${LAST[q]} ${m[1]}` };
}

/** The quarter a day is in: 2026-08-14 → 2026-Q3. */
export const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/** The quarter before: 2026-Q1 → 2025-Q4. */
export function previousQuarter(quarter: string) {
  const m = QUARTER_PATTERN.exec(quarter);
  if (!m) return quarter;
  const q = Number(m[2]);
  return q === 1 ? `${Number(m[1]) - 1}-Q4` : `${m[1]}-Q${q - 1}`;
}
