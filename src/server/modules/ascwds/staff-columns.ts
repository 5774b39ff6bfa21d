import { STAFF_COLUMNS } from "./headers";
import { type Column, columnsOf } from "./row-reader";

const NAMES = [...STAFF_COLUMNS, "CHGUNIQUEWRKID", "TRANSFERSTAFFRECORD"] as const;

/** A qualification pair, QUALACHnn and QUALACHnnNOTES. */
export interface QualificationColumns {
  position: number;
  code: Column;
  notes: Column;
}

/** The staff file's columns, resolved once per file; the optional ones are at -1 when absent. */
export type StaffColumns = Record<(typeof NAMES)[number], Column> & { qualifications: QualificationColumns[] };

export function staffColumns(index: Map<string, number>): StaffColumns {
  const qualifications: QualificationColumns[] = [];
  for (let n = 1; index.has(`QUALACH${String(n).padStart(2, "0")}`); n++) {
    const code = `QUALACH${String(n).padStart(2, "0")}`;
    qualifications.push({
      position: n,
      code: { name: code, at: index.get(code) ?? -1 },
      notes: { name: `${code}NOTES`, at: index.get(`${code}NOTES`) ?? -1 },
    });
  }
  return { ...columnsOf(index, NAMES), qualifications };
}
