// The three ASC-WDS bulk upload files, by their exact header rows
// (../shared/reference/asc-wds-bulk-columns.txt). The file type comes from the header, not the name.

export const WORKPLACE_COLUMNS = [
  "LOCALESTID",
  "STATUS",
  "ESTNAME",
  "ADDRESS1",
  "ADDRESS2",
  "ADDRESS3",
  "POSTTOWN",
  "POSTCODE",
  "ESTTYPE",
  "OTHERTYPE",
  "PERMCQC",
  "PERMLA",
  "REGTYPE",
  "PROVNUM",
  "LOCATIONID",
  "MAINSERVICE",
  "ALLSERVICES",
  "CAPACITY",
  "UTILISATION",
  "SERVICEDESC",
  "SERVICEUSERS",
  "OTHERUSERDESC",
  "DHA",
  "DHAACTIVITIES",
  "TOTALPERMTEMP",
  "ALLJOBROLES",
  "STARTERS",
  "LEAVERS",
  "VACANCIES",
  "REASONS",
  "REASONNOS",
  "REPEATTRAINING",
  "CWPAWARE",
  "CWPUSE",
  "CWPUSEDESC",
  "SICKPAY",
  "PENSION",
  "ACTUALCONT",
  "OPTOUTPEN",
  "HOLIDAY",
  "SLEEPINS",
  "SLEEPINPAY",
  "TRAVELTIME",
  "TTDIFFRATE",
] as const;

export const STAFF_COLUMNS = [
  "LOCALESTID",
  "UNIQUEWORKERID",
  "STATUS",
  "DISPLAYID",
  "NINUMBER",
  "POSTCODE",
  "DOB",
  "GENDER",
  "ETHNICITY",
  "NATIONALITY",
  "BRITISHCITIZENSHIP",
  "COUNTRYOFBIRTH",
  "YEAROFENTRY",
  "DISABLED",
  "CARECERT",
  "L2CARECERT",
  "RECSOURCE",
  "HANDCVISA",
  "INOUTUK",
  "STARTDATE",
  "STARTINSECT",
  "DHA",
  "APPRENTICE",
  "EMPLSTATUS",
  "ZEROHRCONT",
  "DAYSSICK",
  "SALARYINT",
  "SALARY",
  "HOURLYRATE",
  "MAINJOBROLE",
  "MAINJRDESC",
  "CONTHOURS",
  "AVGHOURS",
  "NMCREG",
  "AMHP",
  "SCQUAL",
  "NONSCQUAL",
  "CWPCATEGORY",
  "QUALACH01",
  "QUALACH01NOTES",
  "QUALACH02",
  "QUALACH02NOTES",
  "QUALACH03",
  "QUALACH03NOTES",
] as const;

export const TRAINING_COLUMNS = [
  "LOCALESTID",
  "UNIQUEWORKERID",
  "CATEGORY",
  "TRAININGNAME",
  "ACCREDITED",
  "WHODELIVERED",
  "PROVIDERNAME",
  "HOWDELIVERED",
  "VALIDITY",
  "DATECOMPLETED",
  "EXPIRYDATE",
  "NOTES",
] as const;

export type FileKind = "workplace" | "staff" | "training";

export const FILE_LABELS: Record<FileKind, string> = {
  workplace: "workplace file",
  staff: "staff file",
  training: "training file",
};

export interface Detected {
  kind: FileKind;
  /** Column name → index in the file. */
  index: Map<string, number>;
  /** How many QUALACHnn pairs the staff file has (3 or more). */
  qualificationPairs: number;
}

const norm = (h: string) => h.trim().toUpperCase();

/**
 * Works out which file this is from its header row, and checks the header exactly (as ASC-WDS
 * does, so a file it accepts is one we accept). Returns null with a reason when it is none of the three.
 */
export function detectFile(header: string[]): { detected: Detected } | { reason: string } {
  const cols = header.map(norm);
  while (cols.length && cols[cols.length - 1] === "") cols.pop(); // a trailing comma
  const joined = cols.join(",");
  const index = new Map(cols.map((c, i) => [c, i]));

  if (cols[0] === "LOCALESTID" && cols[1] === "STATUS") {
    if (joined === WORKPLACE_COLUMNS.join(","))
      return { detected: { kind: "workplace", index, qualificationPairs: 0 } };
    return { reason: mismatch("workplace", cols, [...WORKPLACE_COLUMNS]) };
  }
  if (cols[0] === "LOCALESTID" && cols[1] === "UNIQUEWORKERID" && cols[2] === "CATEGORY") {
    if (joined === TRAINING_COLUMNS.join(",")) return { detected: { kind: "training", index, qualificationPairs: 0 } };
    return { reason: mismatch("training", cols, [...TRAINING_COLUMNS]) };
  }
  if (cols[0] === "LOCALESTID" && cols[1] === "UNIQUEWORKERID") {
    // Optional columns after UNIQUEWORKERID, and extra QUALACHnn pairs in sequence at the end.
    const optional = cols.slice(2, 4).filter((c) => c === "CHGUNIQUEWRKID" || c === "TRANSFERSTAFFRECORD");
    const base: string[] = [...STAFF_COLUMNS.slice(0, 2), ...optional, ...STAFF_COLUMNS.slice(2)];
    let expected = [...base];
    let pairs = 3;
    while (cols.length > expected.length && pairs < 99) {
      pairs++;
      const n = String(pairs).padStart(2, "0");
      expected = [...expected, `QUALACH${n}`, `QUALACH${n}NOTES`];
    }
    if (joined === expected.join(",")) return { detected: { kind: "staff", index, qualificationPairs: pairs } };
    return { reason: mismatch("staff", cols, expected) };
  }
  return {
    reason:
      "its first row is not the header of an ASC-WDS workplace, staff or training file. The first row must be the column names, starting LOCALESTID,STATUS (workplace), LOCALESTID,UNIQUEWORKERID,STATUS (staff) or LOCALESTID,UNIQUEWORKERID,CATEGORY (training).",
  };
}

function mismatch(kind: FileKind, got: string[], expected: string[]): string {
  for (let i = 0; i < Math.max(got.length, expected.length); i++) {
    if (got[i] !== expected[i]) {
      if (got[i] === undefined)
        return `it looks like a ${FILE_LABELS[kind]} but its header stops after ${got[i - 1]}: column ${i + 1} should be ${expected[i]}. Download a fresh template or your current data to get the current columns.`;
      if (expected[i] === undefined)
        return `it looks like a ${FILE_LABELS[kind]} but has an extra column ${got[i]} (column ${i + 1}). Remove it, or download a fresh template.`;
      return `it looks like a ${FILE_LABELS[kind]} but column ${i + 1} is ${got[i] || "(blank)"} where ${expected[i]} is expected. The columns must be exactly those of the current ASC-WDS format, in order.`;
    }
  }
  return `its header does not match the ${FILE_LABELS[kind]}.`;
}
