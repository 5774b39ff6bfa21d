import { looksBinary } from "./csv";
import type { UploadFile } from "./read-upload";
import { isWorkbook, workbookDirectoryProblem } from "./xlsx";

/** The longest line an ASC-WDS file can sensibly have (a staff row is well under 2 KB). */
export const MAX_LINE_BYTES = 1024 * 1024;
/** More columns than any ASC-WDS file has (the staff file has under 100). */
export const MAX_COLUMNS = 1000;

export interface DoorProblem {
  status: 400 | 413;
  code: string;
  message: string;
}

/**
 * What is wrong with a file that nobody could read as an ASC-WDS file, found from its first
 * megabyte or its ZIP directory without reading the rest: refused at the door (4xx), before
 * anything is stored. A file that can be read but holds mistakes becomes an upload with a
 * problem report instead.
 */
export function doorProblem(file: UploadFile): DoorProblem | null {
  if (isWorkbook(file)) {
    const problem = workbookDirectoryProblem(file);
    return problem ? { status: problem.code === "too_large_unpacked" ? 413 : 400, ...problem } : null;
  }
  if (looksBinary(file.bytes))
    return {
      status: 400,
      code: "not_csv",
      message: `${file.name} is not a CSV text file (it may be another kind of file, or saved as UTF-16). In Excel choose File › Save As › "CSV UTF-8", or upload an Excel workbook (.xlsx).`,
    };
  const head = file.bytes.subarray(0, MAX_LINE_BYTES + 1);
  const end = head.indexOf(0x0a);
  if (end < 0 && file.bytes.length > MAX_LINE_BYTES)
    return {
      status: 400,
      code: "line_too_long",
      message: `${file.name} has a line longer than 1 MB, so it is not an ASC-WDS CSV file. Check you chose the right file.`,
    };
  const first = head.subarray(0, end < 0 ? head.length : end);
  let columns = 1;
  for (const b of first) if (b === 0x2c) columns++;
  if (columns > MAX_COLUMNS)
    return {
      status: 400,
      code: "too_many_columns",
      message: `${file.name}'s first line has ${columns.toLocaleString("en-GB")} columns; ASC-WDS files have fewer than ${MAX_COLUMNS.toLocaleString("en-GB")}. Check you chose the right file.`,
    };
  return null;
}
