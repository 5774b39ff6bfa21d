// Realistic ASC-WDS files of any size, for the import and busy benchmarks.
import { STAFF_COLUMNS, WORKPLACE_COLUMNS } from "../src/server/modules/ascwds/headers";
import { Random } from "../src/server/modules/demo/random";

/** A workplace file and a staff file: `staff` records spread over `workplaces`, an error every `errorEvery` rows (0: none). */
export function generateFiles({
  staff: STAFF,
  workplaces: WORKPLACES,
  errorEvery,
  payRise = 0,
  prefix = "",
}: {
  staff: number;
  workplaces: number;
  errorEvery: number;
  payRise?: number;
  prefix?: string;
}) {
  const rnd = new Random(7);
  const w = [WORKPLACE_COLUMNS.join(",")];
  for (let i = 0; i < WORKPLACES; i++) {
    const home = i % 3 === 0;
    const cells: Record<string, string> = {
      LOCALESTID: `${prefix}W${i}`,
      STATUS: "NEW",
      ESTNAME: `Workplace ${i}`,
      ADDRESS1: `${i} High Street`,
      POSTTOWN: "Runcorn",
      POSTCODE: "WA7 1AB",
      ESTTYPE: "6",
      REGTYPE: "2",
      PROVNUM: "1-101010101",
      LOCATIONID: `1-${String(300000000 + i)}`,
      MAINSERVICE: home ? "8" : "2",
      ALLSERVICES: home ? "8;0" : "2;0",
      CAPACITY: home ? "" : "40;",
      UTILISATION: home ? "" : "35;",
      TOTALPERMTEMP: String(Math.round((STAFF / WORKPLACES) * 0.78)),
      ALLJOBROLES: "8;7",
      STARTERS: "3;1",
      LEAVERS: "2;0",
      VACANCIES: "4;1",
      REASONS: "5;6",
      REASONNOS: "1;1",
    };
    w.push(WORKPLACE_COLUMNS.map((c) => cells[c] ?? "").join(","));
  }
  const s = [STAFF_COLUMNS.join(",")];
  for (let i = 0; i < STAFF; i++) {
    const perm = rnd.chance(0.7);
    const zh = !perm && rnd.chance(0.5);
    const cells: Record<string, string> = {
      LOCALESTID: `${prefix}W${i % WORKPLACES}`,
      UNIQUEWORKERID: `S${i}`,
      STATUS: "NEW",
      DISPLAYID: `Person ${i}`,
      NINUMBER: `AB${String(100000 + (i % 899999)).padStart(6, "0")}C`,
      DOB: `${rnd.int(1, 28)}/${rnd.int(1, 12)}/${rnd.int(1955, 2005)}`,
      GENDER: rnd.chance(0.78) ? "2" : "1",
      ETHNICITY: rnd.chance(0.4) ? "99" : "31",
      NATIONALITY: "826",
      DISABLED: "0",
      CARECERT: "1",
      RECSOURCE: "2",
      STARTDATE: `${rnd.int(1, 28)}/${rnd.int(1, 12)}/${rnd.int(2005, 2025)}`,
      STARTINSECT: "999",
      APPRENTICE: "2",
      EMPLSTATUS: perm ? "1" : "3",
      ZEROHRCONT: zh ? "1" : "2",
      DAYSSICK: String(rnd.int(0, 20)),
      SALARYINT: "3",
      HOURLYRATE: (12.71 + payRise + rnd.next() * 2).toFixed(2),
      MAINJOBROLE: rnd.chance(0.8) ? "8" : "7",
      CONTHOURS: zh ? "" : "37.5",
      AVGHOURS: zh ? String(rnd.int(5, 30)) : "",
      SCQUAL: rnd.chance(0.43) ? "2" : "1;2",
      NONSCQUAL: "2",
      CWPCATEGORY: "2",
    };
    if (errorEvery && i % errorEvery === errorEvery - 1) cells.GENDER = "7"; // a sprinkling of errors
    if (i % 97 === 0) cells.STARTINSECT = "2026"; // and of warnings (started in the sector after starting this job)
    s.push(STAFF_COLUMNS.map((c) => cells[c] ?? "").join(","));
  }
  const enc = new TextEncoder();
  return [
    { name: "workplace.csv", bytes: enc.encode(`${w.join("\r\n")}\r\n`) },
    { name: "staff.csv", bytes: enc.encode(`${s.join("\r\n")}\r\n`) },
  ];
}
