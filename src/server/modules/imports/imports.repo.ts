import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { declaredCounts, importFiles, imports, staffQualifications, staffRecords, trainingRecords, workplaces } from "../../db/schema";
import { staffKey } from "../ascwds/read-upload";
import type { StaffValues } from "../ascwds/staff-file";
import type { TrainingValues } from "../ascwds/training-file";
import type { DeclaredCount, WorkplaceIn } from "../ascwds/workplace-file";
import type { OrgState, StaffState, WorkplaceState } from "./plan";

export const STAFF_VALUE_COLUMNS = {
  displayId: staffRecords.displayId,
  homePostcode: staffRecords.homePostcode,
  gender: staffRecords.gender,
  ethnicity: staffRecords.ethnicity,
  nationality: staffRecords.nationality,
  britishCitizenship: staffRecords.britishCitizenship,
  countryOfBirth: staffRecords.countryOfBirth,
  yearOfEntry: staffRecords.yearOfEntry,
  disabled: staffRecords.disabled,
  careCertificate: staffRecords.careCertificate,
  level2CareCertificate: staffRecords.level2CareCertificate,
  level2CareCertificateYear: staffRecords.level2CareCertificateYear,
  recruitmentSource: staffRecords.recruitmentSource,
  healthCareVisa: staffRecords.healthCareVisa,
  recruitedOutsideUk: staffRecords.recruitedOutsideUk,
  mainJobStartDate: staffRecords.mainJobStartDate,
  sectorStartYear: staffRecords.sectorStartYear,
  delegatedHealthcare: staffRecords.delegatedHealthcare,
  apprentice: staffRecords.apprentice,
  contractType: staffRecords.contractType,
  zeroHours: staffRecords.zeroHours,
  daysSick: staffRecords.daysSick,
  payInterval: staffRecords.payInterval,
  payRate: staffRecords.payRate,
  mainJobRole: staffRecords.mainJobRole,
  mainJobDesc: staffRecords.mainJobDesc,
  contractedHours: staffRecords.contractedHours,
  averageHours: staffRecords.averageHours,
  nmcRegistration: staffRecords.nmcRegistration,
  amhp: staffRecords.amhp,
  socialCareQual: staffRecords.socialCareQual,
  socialCareQualLevel: staffRecords.socialCareQualLevel,
  otherQual: staffRecords.otherQual,
  otherQualLevel: staffRecords.otherQualLevel,
  cwpCategory: staffRecords.cwpCategory,
} as const;

const workplaceValues = (w: typeof workplaces.$inferSelect): WorkplaceIn["values"] => ({
  name: w.name,
  address1: w.address1 ?? "",
  town: w.town,
  postcode: w.postcode ?? "",
  employerType: w.employerType,
  mainService: w.mainService,
  otherServices: w.otherServices,
  capacity: w.capacity,
  utilisation: w.utilisation,
  cqcProviderId: w.cqcProviderId,
  cqcLocationId: w.cqcLocationId,
  declaredStaffTotal: w.declaredStaffTotal,
  ascwds: w.ascwds,
});

/** Everything an upload is compared with: the organisation's workplaces and current staff. */
export async function loadOrgState(db: Exec, orgId: string): Promise<OrgState> {
  const places = await db.select().from(workplaces).where(eq(workplaces.orgId, orgId));
  const placeRef = new Map(places.map((p) => [p.id, p.localRef]));
  const declared = await db
    .select()
    .from(declaredCounts)
    .where(
      and(eq(declaredCounts.orgId, orgId), sql`${declaredCounts.asAt} = (select max(d2.as_at) from declared_counts d2 where d2.workplace_id = ${declaredCounts.workplaceId})`),
    );
  const latest = new Map<string, { asAt: string; counts: DeclaredCount[] }>();
  for (const d of declared) {
    const entry = latest.get(d.workplaceId) ?? { asAt: d.asAt, counts: [] };
    entry.counts.push({ kind: d.kind as DeclaredCount["kind"], code: d.code, count: d.count });
    latest.set(d.workplaceId, entry);
  }
  const stateWorkplaces = new Map<string, WorkplaceState>(
    places.map((p) => [p.localRef, { id: p.id, localRef: p.localRef, values: workplaceValues(p), latestDeclared: latest.get(p.id) ?? null }]),
  );

  const rows = await db
    .select({
      id: staffRecords.id,
      workplaceId: staffRecords.workplaceId,
      localRef: staffRecords.localRef,
      personKey: staffRecords.personKey,
      dateOfBirth: staffRecords.dateOfBirth,
      ...STAFF_VALUE_COLUMNS,
    })
    .from(staffRecords)
    .where(and(eq(staffRecords.orgId, orgId), isNull(staffRecords.endDate)));
  const quals = await db.select().from(staffQualifications).where(eq(staffQualifications.orgId, orgId));
  const training = await db.select().from(trainingRecords).where(eq(trainingRecords.orgId, orgId));
  const qualsBy = new Map<string, StaffState["qualifications"]>();
  for (const q of quals.sort((a, b) => a.position - b.position)) {
    qualsBy.set(q.staffRecordId, [...(qualsBy.get(q.staffRecordId) ?? []), { position: q.position, qualificationCode: q.qualificationCode, year: q.year, notes: q.notes }]);
  }
  const trainingBy = new Map<string, TrainingValues[]>();
  for (const t of training) {
    const { id: _id, orgId: _o, staffRecordId, createdAt: _c, ...values } = t;
    trainingBy.set(staffRecordId, [...(trainingBy.get(staffRecordId) ?? []), values]);
  }
  const staff = new Map<string, StaffState>();
  for (const r of rows) {
    const { id, workplaceId, localRef, personKey, dateOfBirth, ...values } = r;
    const workplaceRef = placeRef.get(workplaceId) as string;
    staff.set(staffKey(workplaceRef, localRef), {
      id,
      workplaceRef,
      localRef,
      personKey,
      dateOfBirth,
      values: values as StaffValues,
      qualifications: qualsBy.get(id) ?? [],
      training: trainingBy.get(id) ?? [],
    });
  }
  return { workplaces: stateWorkplaces, staff };
}

export const insertImport = async (db: Exec, values: typeof imports.$inferInsert) => (await db.insert(imports).values(values).returning())[0];
export const updateImport = (db: Exec, orgId: string, id: string, values: Partial<typeof imports.$inferInsert>) =>
  db
    .update(imports)
    .set(values)
    .where(and(eq(imports.id, id), eq(imports.orgId, orgId)));
export const findImport = async (db: Exec, orgId: string, id: string) =>
  (
    await db
      .select()
      .from(imports)
      .where(and(eq(imports.id, id), eq(imports.orgId, orgId)))
  )[0];
export const insertImportFiles = (db: Exec, rows: (typeof importFiles.$inferInsert)[]) => db.insert(importFiles).values(rows);
export const findImportFiles = (db: Exec, orgId: string, importId: string) =>
  db
    .select()
    .from(importFiles)
    .where(and(eq(importFiles.importId, importId), eq(importFiles.orgId, orgId)))
    .orderBy(importFiles.name);
export const deleteImportFiles = (db: Exec, orgId: string, importId: string) => db.delete(importFiles).where(and(eq(importFiles.importId, importId), eq(importFiles.orgId, orgId)));

export const deleteQualifications = (db: Exec, orgId: string, staffIds: string[]) =>
  staffIds.length ? db.delete(staffQualifications).where(and(eq(staffQualifications.orgId, orgId), inArray(staffQualifications.staffRecordId, staffIds))) : Promise.resolve();
export const deleteTraining = (db: Exec, orgId: string, staffIds: string[]) =>
  staffIds.length ? db.delete(trainingRecords).where(and(eq(trainingRecords.orgId, orgId), inArray(trainingRecords.staffRecordId, staffIds))) : Promise.resolve();
