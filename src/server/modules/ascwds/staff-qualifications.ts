import { CWP_CATEGORIES } from "../../../shared/ascwds/codes";
import type { Column, RowReader } from "./row-reader";
import type { StaffColumns } from "./staff-columns";
import { NO_QUALIFICATIONS, type StaffDraft } from "./staff-record";

const QUAL_LEVEL = /^(1;([0-8]|999)|2|999)$/;
const QUALIFICATION = /^(\d{1,4})(?:;(\d{4}))?$/;
const WARNING = { severity: "warning" } as const;

/** Whether the person holds social care and other qualifications, their pathway category, and each QUALACHnn. */
export function readStaffQualifications(r: RowReader, c: StaffColumns, s: StaffDraft, asAtYear: number) {
  const v = s.values;
  [v.socialCareQual, v.socialCareQualLevel] = qualificationHeld(r, c.SCQUAL, true);
  [v.otherQual, v.otherQualLevel] = qualificationHeld(r, c.NONSCQUAL, false);
  v.cwpCategory = r.code(
    c.CWPCATEGORY,
    CWP_CATEGORIES,
    "a care workforce pathway category 1 to 7, 998 (none of these) or 999 (don't know)",
    WARNING,
  );
  for (const { position, code, notes: notesColumn } of c.qualifications) {
    const value = r.raw(code);
    const notes = r.text(notesColumn, 120);
    if (!value) continue;
    const m = QUALIFICATION.exec(value);
    if (!m) {
      r.error(
        code,
        "format",
        `${code.name} "${value}" should be a qualification code and the year achieved, like 123;2021.`,
      );
      continue;
    }
    const year = m[2] ? Number(m[2]) : null;
    if (year !== null && (year < 1950 || year > asAtYear)) {
      r.error(
        code,
        "year",
        `${code.name}: the year ${year} is not plausible: give the year the qualification was achieved.`,
      );
      continue;
    }
    if (s.qualifications === NO_QUALIFICATIONS) s.qualifications = [];
    s.qualifications.push({ position, qualificationCode: Number(m[1]), year, notes });
  }
}

const NONE: [null, null] = [null, null];

/** SCQUAL / NONSCQUAL: `1;level` (Yes), 2 (No) or 999 (Don't know). */
function qualificationHeld(r: RowReader, column: Column, levelRequired: boolean): [number | null, number | null] {
  const v = r.raw(column);
  if (!v) {
    if (column.name === "SCQUAL")
      r.warn(
        column,
        "missing",
        "SCQUAL is blank: say whether the person has a social care qualification (1;level, 2 for no, 999 if you do not know).",
      );
    return NONE;
  }
  if (v === "1" && levelRequired) {
    r.error(
      column,
      "level_missing",
      `${column.name} is 1 (Yes) without a level: write 1;level, for example 1;3 for Level 3 (999 if the level is not known).`,
    );
    return NONE;
  }
  if (!QUAL_LEVEL.test(v) && v !== "1") {
    r.error(
      column,
      "value",
      `${column.name} "${v}" is not recognised: use 1;level (for example 1;2), 2 (No) or 999 (Don't know).`,
    );
    return NONE;
  }
  if (v.charCodeAt(0) === 49 /* 1 */) return [1, v.includes(";") ? Number(v.slice(v.indexOf(";") + 1)) : 999];
  return [Number(v), null];
}
