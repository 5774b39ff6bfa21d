import { CQC_SERVICES } from "../../../shared/ascwds/codes";
import { csvLineDefused } from "./csv";
import { STAFF_COLUMNS, TRAINING_COLUMNS, WORKPLACE_COLUMNS } from "./headers";
import { toAscwdsDate } from "./row-reader";
import type { StaffValues } from "./staff-file";
import type { TrainingValues } from "./training-file";
import type { DeclaredCount, WorkplaceIn } from "./workplace-file";

// Writing the organisation's data back out in the ASC-WDS format. Every value is written so that
// reading it back gives the same value: download, then upload, changes nothing (text that starts
// like a formula included: see toCsv).

export interface WorkplaceOut {
  localRef: string;
  values: WorkplaceIn["values"];
  declared: DeclaredCount[];
  employedCount: number;
}
export interface StaffOut {
  workplaceRef: string;
  localRef: string;
  /** The NI number and date of birth, or "Admin" when the reader may not see them (upload keeps the stored ones). */
  ni: string;
  dateOfBirth: string;
  /** Whether ethnicity and disability are written; otherwise "Admin" (an upload keeps what is stored). */
  special: boolean;
  values: StaffValues;
  qualifications: { position: number; qualificationCode: number; year: number | null; notes: string | null }[];
}
export interface TrainingOut {
  workplaceRef: string;
  staffRef: string;
  values: TrainingValues;
}

const s = (v: number | string | null | undefined) => (v === null || v === undefined ? "" : String(v));

export function workplaceRows(places: WorkplaceOut[]): string[][] {
  return places.map((w) => {
    const v = w.values;
    const a = v.ascwds;
    const services = [v.mainService, ...v.otherServices];
    const otherCap = a.OTHERCAPACITY?.split(";") ?? [];
    const otherUse = a.OTHERUTILISATION?.split(";") ?? [];
    const allServices = v.otherServices.length ? services.join(";") : `${v.mainService};0`;
    const capacity = v.otherServices.length
      ? [s(v.capacity), ...v.otherServices.map((_, i) => otherCap[i] ?? "")]
      : [s(v.capacity), ""];
    const utilisation = v.otherServices.length
      ? [s(v.utilisation), ...v.otherServices.map((_, i) => otherUse[i] ?? "")]
      : [s(v.utilisation), ""];
    const byKind = (kind: DeclaredCount["kind"]) => w.declared.filter((d) => d.kind === kind);
    const roles = [
      ...new Set(w.declared.filter((d) => d.kind !== "leaving_reason" && d.code !== null).map((d) => d.code as number)),
    ];
    const countsFor = (kind: DeclaredCount["kind"]) => {
      const rows = byKind(kind);
      if (!rows.length) return "";
      if (rows.length === 1 && rows[0].code === null) return rows[0].count === null ? "999" : s(rows[0].count);
      return roles.map((r) => s(rows.find((d) => d.code === r)?.count ?? 0)).join(";");
    };
    const reasons = byKind("leaving_reason");
    const cells: Record<string, string> = {
      ...a,
      LOCALESTID: w.localRef,
      STATUS: "UNCHECKED",
      ESTNAME: v.name,
      ADDRESS1: v.address1,
      POSTTOWN: s(v.town),
      POSTCODE: v.postcode,
      ESTTYPE: s(v.employerType),
      REGTYPE: CQC_SERVICES.has(v.mainService) ? "2" : "0",
      PROVNUM: s(v.cqcProviderId),
      LOCATIONID: s(v.cqcLocationId),
      MAINSERVICE: s(v.mainService),
      ALLSERVICES: allServices,
      CAPACITY: capacity.some(Boolean) ? capacity.join(";") : "",
      UTILISATION: utilisation.some(Boolean) ? utilisation.join(";") : "",
      TOTALPERMTEMP: s(v.declaredStaffTotal ?? w.employedCount),
      ALLJOBROLES: roles.join(";"),
      STARTERS: countsFor("starters"),
      LEAVERS: countsFor("leavers"),
      VACANCIES: countsFor("vacancies"),
      REASONS: reasons.map((r) => s(r.code)).join(";"),
      REASONNOS: reasons.map((r) => s(r.count)).join(";"),
    };
    return WORKPLACE_COLUMNS.map((c) => cells[c] ?? "");
  });
}

const qual = (yes: number | null, level: number | null) => (yes === 1 ? `1;${level ?? 999}` : s(yes));

export function staffHeader(maxQualifications: number): string[] {
  const header: string[] = [...STAFF_COLUMNS];
  for (let n = 4; n <= maxQualifications; n++)
    header.push(`QUALACH${String(n).padStart(2, "0")}`, `QUALACH${String(n).padStart(2, "0")}NOTES`);
  return header;
}

export function staffRows(staff: StaffOut[], header: string[]): string[][] {
  return staff.map((p) => {
    const v = p.values;
    const cells: Record<string, string> = {
      LOCALESTID: p.workplaceRef,
      UNIQUEWORKERID: p.localRef,
      STATUS: "UNCHECKED",
      DISPLAYID: v.displayId,
      NINUMBER: p.ni,
      POSTCODE: s(v.homePostcode),
      DOB: p.dateOfBirth,
      GENDER: s(v.gender),
      ETHNICITY: p.special ? s(v.ethnicity) : "Admin",
      NATIONALITY: s(v.nationality),
      BRITISHCITIZENSHIP: s(v.britishCitizenship),
      COUNTRYOFBIRTH: s(v.countryOfBirth),
      YEAROFENTRY: s(v.yearOfEntry),
      DISABLED: p.special ? s(v.disabled) : "Admin",
      CARECERT: s(v.careCertificate),
      L2CARECERT:
        v.level2CareCertificate === 1 && v.level2CareCertificateYear
          ? `1;${v.level2CareCertificateYear}`
          : s(v.level2CareCertificate),
      RECSOURCE: s(v.recruitmentSource),
      HANDCVISA: s(v.healthCareVisa),
      INOUTUK: s(v.recruitedOutsideUk),
      STARTDATE: toAscwdsDate(v.mainJobStartDate),
      STARTINSECT: s(v.sectorStartYear),
      DHA: s(v.delegatedHealthcare),
      APPRENTICE: s(v.apprentice),
      EMPLSTATUS: s(v.contractType),
      ZEROHRCONT: s(v.zeroHours),
      DAYSSICK: s(v.daysSick),
      SALARYINT: s(v.payInterval),
      SALARY: v.payInterval === 1 ? s(v.payRate) : "",
      HOURLYRATE: v.payInterval === 3 && v.payRate !== null ? v.payRate.toFixed(2) : "",
      MAINJOBROLE: s(v.mainJobRole),
      MAINJRDESC: s(v.mainJobDesc),
      CONTHOURS: s(v.contractedHours),
      AVGHOURS: s(v.averageHours),
      NMCREG: s(v.nmcRegistration),
      AMHP: s(v.amhp),
      SCQUAL: qual(v.socialCareQual, v.socialCareQualLevel),
      NONSCQUAL: qual(v.otherQual, v.otherQualLevel),
      CWPCATEGORY: s(v.cwpCategory),
    };
    for (const q of p.qualifications) {
      const n = String(q.position).padStart(2, "0");
      cells[`QUALACH${n}`] = q.year ? `${q.qualificationCode};${q.year}` : String(q.qualificationCode);
      cells[`QUALACH${n}NOTES`] = s(q.notes);
    }
    return header.map((c) => cells[c] ?? "");
  });
}

export function trainingRows(training: TrainingOut[]): string[][] {
  return training.map((t) => {
    const v = t.values;
    const cells: Record<string, string> = {
      LOCALESTID: t.workplaceRef,
      UNIQUEWORKERID: t.staffRef,
      CATEGORY: s(v.category),
      TRAININGNAME: s(v.name),
      ACCREDITED: s(v.accredited),
      WHODELIVERED: s(v.whoDelivered),
      PROVIDERNAME: s(v.providerCode),
      HOWDELIVERED: s(v.howDelivered),
      VALIDITY: v.validityMonths === null ? "none" : s(v.validityMonths),
      DATECOMPLETED: toAscwdsDate(v.completedOn),
      EXPIRYDATE: toAscwdsDate(v.expiresOn),
      NOTES: s(v.notes),
    };
    return TRAINING_COLUMNS.map((c) => cells[c] ?? "");
  });
}

/**
 * A whole ASC-WDS file. Text that starts like a formula is defused (an apostrophe first), as in
 * every file the hub writes; the reader takes the apostrophe off, so reading gives back the value.
 */
export const toCsv = (header: readonly string[], rows: string[][]) =>
  `${[header.join(","), ...rows.map(csvLineDefused)].join("\r\n")}\r\n`;
