// Rules for text people type, shared by the zod schemas, the ASC-WDS file reader and every file
// the hub writes. Isomorphic: no Node or browser APIs.
//
// Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return before one) as
// a formula: "CSV injection" (OWASP). Two defences (docs/adr/0011-hostile-input.md):
// 1. at the door, free text (names, titles, notes, addresses) may not start with = + @ tab or CR
//    (a leading - is allowed: "- see notes" is ordinary writing, and the files defuse it anyway);
// 2. every file the hub writes prefixes such text with an apostrophe (`defuseCell`), and the
//    ASC-WDS reader takes that apostrophe off again (`undefuseCell`), so a download uploads
//    unchanged, even for data stored before the door check.

/** True when free text starts as a spreadsheet formula would. */
export const startsLikeFormula = (value: string) => /^[=+@\t\r]/.test(value);

/** The problem with free text that starts like a formula, for `what` (a field or column name). */
export const formulaMessage = (what: string) =>
  `${what} cannot start with =, +, @, a tab or a line break, because spreadsheets would run it as a formula. Start it with a letter, a digit or a bracket.`;

/** True when text holds a line break or another control character, which single-line names may not. */
export function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (ch < 32 || ch === 127 || ch === 0x2028 || ch === 0x2029) return true;
  }
  return false;
}

/**
 * True when text holds a control character other than a tab or a line break, which no text may:
 * invisible on screen, they are refused by XML (Word files) and garble PDFs and terminals.
 */
export function hasHiddenCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if ((ch < 32 && ch !== 9 && ch !== 10 && ch !== 13) || (ch >= 127 && ch <= 159)) return true;
  }
  return false;
}

export const hiddenCharacterMessage = (what: string) =>
  `${what} holds a hidden control character: type it again, or paste it as plain text.`;

export const lineBreakMessage = (what: string) => `${what} must be on one line: remove line breaks and tabs.`;

/** Replaces line breaks and control characters with single spaces: for email subjects and bodies. */
export function oneLine(value: string): string {
  let out = "";
  let space = false;
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    const control = code < 32 || code === 127 || code === 0x2028 || code === 0x2029;
    if (control) {
      if (!space) out += " ";
      space = true;
    } else {
      out += ch;
      space = false;
    }
  }
  return out.trim();
}

const FORMULA_LEAD = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ESCAPED = /^'[=+\-@\t\r']/;

/**
 * A text cell as a file the hub writes holds it: text a spreadsheet would run as a formula gets a
 * leading apostrophe (a number such as -1.5 stays a number). Text that already starts with an
 * apostrophe before such a character gets one more, so `undefuseCell` always gives back exactly
 * the value written.
 */
export function defuseCell(value: string): string {
  if (FORMULA_LEAD.test(value) && !NUMBER.test(value)) return `'${value}`;
  if (ESCAPED.test(value)) return `'${value}`;
  return value;
}

/** Reverses `defuseCell`: a cell read from a file the hub (or anyone following its rule) wrote. */
export const undefuseCell = (cell: string) => (ESCAPED.test(cell) ? cell.slice(1) : cell);

/**
 * A count with its noun in the right number: `plural(1, "staff record")` is "1 staff record",
 * `plural(3, "staff record")` "3 staff records"; irregular nouns give their plural
 * (`plural(2, "person", "people")`). Numbers over 999 get thousands separators.
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? singular : pluralForm}`;
}
