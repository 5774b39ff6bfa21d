// What an upload is read from and into, shared by the modules that read its files.

import type { CsvRow } from "./csv";
import type { FileKind } from "./headers";
import type { Problem } from "./problems";
import type { StaffIn } from "./staff-record";
import type { TrainingIn } from "./training-file";
import type { WorkplaceIn } from "./workplace-file";

export const LIMITS = {
  fileBytes: 50 * 1024 * 1024,
  rows: 250_000,
  files: 3,
};

export interface UploadFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Rows split into cells, header first, from CSV text (read as they are needed) or from a sheet
 * of an XLSX workbook.
 */
export interface SheetInput {
  name: string;
  rows: Iterable<CsvRow>;
  encoding: string;
  /** True when the whole text is known to hold no NUL character (checked once), so no cell need be. */
  noNul?: boolean;
}

export interface UploadContext {
  asAt: string;
  allowExampleNi: boolean;
  /** The organisation's existing workplace and staff references, for files that refer to them. */
  existingWorkplaces: Set<string>;
  existingStaff: Set<string>; // `${workplaceRef}\u0000${staffRef}`
  /** CQC location IDs held by other organisations' workplaces: a location belongs to one provider. */
  locationsElsewhere?: Set<string>;
}

export interface ParsedUpload {
  files: { name: string; kind: FileKind | null; rows: number; encoding: string }[];
  workplaces: WorkplaceIn[];
  staff: StaffIn[];
  training: TrainingIn[];
  hasWorkplaceFile: boolean;
  hasStaffFile: boolean;
  hasTrainingFile: boolean;
  problems: Problem[];
  errors: number;
  warnings: number;
}

export const staffKey = (workplaceRef: string, staffRef: string) => `${workplaceRef}\u0000${staffRef}`;

/** The line of the staff file that gives the record `staffRef` at `workplaceRef`, if it does. */
export const staffLine = (refs: UploadRefs, workplaceRef: string, staffRef: string) =>
  refs.staff.get(workplaceRef)?.get(staffRef);

export function addStaffLine(refs: UploadRefs, workplaceRef: string, staffRef: string, line: number) {
  let atWorkplace = refs.staff.get(workplaceRef);
  if (!atWorkplace) {
    atWorkplace = new Map();
    refs.staff.set(workplaceRef, atWorkplace);
  }
  atWorkplace.set(staffRef, line);
}

/** The references the upload's files give, for the files read after them to refer to. */
export interface UploadRefs {
  /** LOCALESTID → the line of the workplace file that gives it. */
  workplaces: Map<string, number>;
  /**
   * LOCALESTID → UNIQUEWORKERID → the line of the staff file that gives it (valid or not: it is
   * present either way). By workplace, so that no key string is made for each of the rows.
   */
  staff: Map<string, Map<string, number>>;
  /** Where records moved by an earlier upload of the same staff file are now. */
  moved: Set<string>;
}
