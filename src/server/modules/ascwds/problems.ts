import type { FileKind } from "./headers";

export type Severity = "error" | "warning";

/**
 * One problem in an upload. `code` is stable and unique to one check: `<file>.<COLUMN>.<check>`
 * (for example `staff.GENDER.code`), or `<file>.file.<check>` for the whole file. Messages never
 * quote an NI number or a date of birth.
 */
export interface Problem {
  file: string;
  line: number | null;
  column: string | null;
  code: string;
  severity: Severity;
  message: string;
  /** The row's LOCALESTID and UNIQUEWORKERID, to find it (never personal data). */
  workplace?: string;
  staff?: string;
}

const MAX_MESSAGE = 600;

export class ProblemList {
  readonly items: Problem[] = [];
  errors = 0;
  warnings = 0;
  add(p: Problem) {
    // Messages quote cells; a cell can be megabytes long, and the report needs only its start.
    if (p.message.length > MAX_MESSAGE) p.message = `${p.message.slice(0, MAX_MESSAGE - 1)}…`;
    this.items.push(p);
    if (p.severity === "error") this.errors++;
    else this.warnings++;
  }
  fileError(file: string, kind: FileKind | "upload", check: string, message: string) {
    this.add({ file, line: null, column: null, code: `${kind}.file.${check}`, severity: "error", message });
  }
}
