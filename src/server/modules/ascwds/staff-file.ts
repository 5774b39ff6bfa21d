// Reading the staff file's rows into staff records: each part of the record is read by its own
// module (who the record is, the person, the job, the qualifications), in the order of the columns.
import type { CsvRow } from "./csv";
import type { ProblemList } from "./problems";
import { RowReader } from "./row-reader";
import { staffColumns } from "./staff-columns";
import { readStaffEmployment } from "./staff-employment";
import { readStaffIdentity } from "./staff-identity";
import { readStaffPerson } from "./staff-person";
import { readStaffQualifications } from "./staff-qualifications";
import { emptyStaffDraft, type StaffIn } from "./staff-record";

export {
  type QualificationIn,
  SPECIAL_FIELDS,
  type SpecialField,
  type StaffIn,
  type StaffValues,
} from "./staff-record";

export interface StaffContext {
  asAt: string;
  allowExampleNi: boolean;
}

/**
 * The staff file's rows, one at a time: its columns are resolved and its reader made once, and
 * each row gives a staff record, or null when it has errors (each one a problem in the report).
 */
export function staffRowReader(
  file: string,
  index: Map<string, number>,
  problems: ProblemList,
  ctx: StaffContext,
): (row: CsvRow) => StaffIn | null {
  const r = new RowReader(file, "staff", index, problems);
  const c = staffColumns(index);
  const asAtYear = Number(ctx.asAt.slice(0, 4));
  return (row) => {
    r.start(row);
    const s = emptyStaffDraft(row.line);
    readStaffIdentity(r, c, s);
    readStaffPerson(r, c, s, ctx, asAtYear);
    readStaffEmployment(r, c, s, ctx.asAt, asAtYear);
    readStaffQualifications(r, c, s, asAtYear);
    const v = s.values;
    if (
      r.hasErrors ||
      !s.workplaceRef ||
      !s.localRef ||
      !v.displayId ||
      v.contractType === null ||
      v.mainJobRole === null
    )
      return null;
    return s as StaffIn;
  };
}
