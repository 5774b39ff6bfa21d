import { and, desc, eq, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import {
  declaredCounts,
  importFiles,
  imports,
  staffQualifications,
  staffRecords,
  trainingBookings,
  trainingRecords,
  workplaces,
} from "../../db/schema";
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

const VALUE_KEYS = Object.keys(STAFF_VALUE_COLUMNS);
const VALUE_COLUMN_NAMES = Object.values(STAFF_VALUE_COLUMNS).map((c) => c.name);

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

/**
 * Everything an upload is compared with: the organisation's workplaces and current staff. A
 * council's social work workplaces (workplaces.social_work_service) and their staff are left out:
 * they are not in its ASC-WDS file, and an upload must not close them or end their records.
 */
export async function loadOrgState(db: Exec, orgId: string): Promise<OrgState> {
  const places = await db
    .select()
    .from(workplaces)
    .where(and(eq(workplaces.orgId, orgId), isNull(workplaces.socialWorkService)));
  const placeRef = new Map(places.map((p) => [p.id, p.localRef]));
  const declared = await db
    .select()
    .from(declaredCounts)
    .where(
      and(
        eq(declaredCounts.orgId, orgId),
        sql`${declaredCounts.asAt} = (select max(d2.as_at) from declared_counts d2 where d2.workplace_id = ${declaredCounts.workplaceId})`,
      ),
    );
  const latest = new Map<string, { asAt: string; counts: DeclaredCount[] }>();
  for (const d of declared) {
    const entry = latest.get(d.workplaceId) ?? { asAt: d.asAt, counts: [] };
    entry.counts.push({ kind: d.kind as DeclaredCount["kind"], code: d.code, count: d.count });
    latest.set(d.workplaceId, entry);
  }
  const stateWorkplaces = new Map<string, WorkplaceState>(
    places.map((p) => [
      p.localRef,
      { id: p.id, localRef: p.localRef, values: workplaceValues(p), latestDeclared: latest.get(p.id) ?? null },
    ]),
  );

  // Current staff as one JSON array of arrays: reading 100,000 rows of 40 columns field by field
  // through the driver took seconds on PGlite; one text value and JSON.parse take a fraction.
  const [{ rows: staffJson }] = (
    await db.execute(sql`
      select coalesce(json_agg(json_build_array(id, workplace_id, local_ref, person_key, date_of_birth, ${sql.raw(VALUE_COLUMN_NAMES.join(", "))}))::text, '[]') as rows
      from staff_records where org_id = ${orgId} and end_date is null
        and workplace_id not in (select id from workplaces where org_id = ${orgId} and social_work_service is not null)`)
  ).rows as { rows: string }[];
  const rows = (JSON.parse(staffJson) as unknown[][]).map((r) => {
    const values = {} as Record<string, unknown>;
    for (let i = 0; i < VALUE_KEYS.length; i++) values[VALUE_KEYS[i]] = r[i + 5];
    return {
      id: r[0] as string,
      workplaceId: r[1] as string,
      localRef: r[2] as string,
      personKey: r[3] as string | null,
      dateOfBirth: r[4] as string | null,
      values,
    };
  });
  const quals = await db.select().from(staffQualifications).where(eq(staffQualifications.orgId, orgId));
  const training = await db.select().from(trainingRecords).where(eq(trainingRecords.orgId, orgId));
  // Records the hub wrote when a trainer marked a booking completed (shared training, issue 18):
  // an upload keeps them (replaceStagedTraining), so the plan compares the file without them.
  const fromHub = new Set(
    (
      await db
        .select({ id: trainingBookings.trainingRecordId })
        .from(trainingBookings)
        .where(and(eq(trainingBookings.orgId, orgId), isNotNull(trainingBookings.trainingRecordId)))
    ).map((r) => r.id),
  );
  const qualsBy = new Map<string, StaffState["qualifications"]>();
  for (const q of quals.sort((a, b) => a.position - b.position)) {
    qualsBy.set(q.staffRecordId, [
      ...(qualsBy.get(q.staffRecordId) ?? []),
      { position: q.position, qualificationCode: q.qualificationCode, year: q.year, notes: q.notes },
    ]);
  }
  const trainingBy = new Map<string, TrainingValues[]>();
  const hubTrainingBy = new Map<string, TrainingValues[]>();
  for (const t of training) {
    const { id, orgId: _o, staffRecordId, createdAt: _c, ...values } = t;
    const into = fromHub.has(id) ? hubTrainingBy : trainingBy;
    into.set(staffRecordId, [...(into.get(staffRecordId) ?? []), values]);
  }
  const staff = new Map<string, StaffState>();
  for (const { id, workplaceId, localRef, personKey, dateOfBirth, values } of rows) {
    const workplaceRef = placeRef.get(workplaceId) as string;
    staff.set(staffKey(workplaceRef, localRef), {
      id,
      workplaceRef,
      localRef,
      personKey,
      dateOfBirth,
      values: values as unknown as StaffValues,
      qualifications: qualsBy.get(id) ?? [],
      training: trainingBy.get(id) ?? [],
      hubTraining: hubTrainingBy.get(id) ?? [],
    });
  }
  return { workplaces: stateWorkplaces, staff };
}

/** The workplace and staff references (staffKey) of the organisation's leavers who hold no current record. */
export async function leaverKeys(db: Exec, orgId: string) {
  const rows = (
    await db.execute(sql`
      select w.local_ref as workplace, s.local_ref as staff
      from staff_records s join workplaces w on w.id = s.workplace_id and w.org_id = ${orgId} and w.social_work_service is null
      where s.org_id = ${orgId} and s.end_date is not null
        and not exists (select 1 from staff_records c where c.workplace_id = s.workplace_id and c.local_ref = s.local_ref and c.end_date is null)`)
  ).rows as { workplace: string; staff: string }[];
  return new Set(rows.map((r) => staffKey(r.workplace, r.staff)));
}

/**
 * The CQC location IDs of other organisations' workplaces. Every provider's upload is checked
 * against them, so one query (about 40,000 short strings at national scale) beats one per file.
 */
export async function locationsHeldElsewhere(db: Exec, orgId: string) {
  const rows = await db
    .select({ id: workplaces.cqcLocationId })
    .from(workplaces)
    .where(and(sql`${workplaces.orgId} <> ${orgId}`, sql`${workplaces.cqcLocationId} is not null`));
  return new Set(rows.map((r) => r.id as string));
}

export const insertImport = async (db: Exec, values: typeof imports.$inferInsert) =>
  (await db.insert(imports).values(values).returning())[0];
export const updateImport = (db: Exec, orgId: string, id: string, values: Partial<typeof imports.$inferInsert>) =>
  db
    .update(imports)
    .set(values)
    .where(and(eq(imports.id, id), eq(imports.orgId, orgId)));
/** Moves an upload on only from the status expected (and, if given, while it is this job's): false if it had moved already. */
export async function updateImportIf(
  db: Exec,
  orgId: string,
  id: string,
  status: string,
  values: Partial<typeof imports.$inferInsert>,
  jobId?: string,
) {
  const rows = await db
    .update(imports)
    .set(values)
    .where(
      and(
        eq(imports.id, id),
        eq(imports.orgId, orgId),
        eq(imports.status, status),
        jobId ? eq(imports.jobId, jobId) : undefined,
      ),
    )
    .returning({ id: imports.id });
  return rows.length > 0;
}
export const findImport = async (db: Exec, orgId: string, id: string) =>
  (
    await db
      .select()
      .from(imports)
      .where(and(eq(imports.id, id), eq(imports.orgId, orgId)))
  )[0];
/** Uploads in any organisation with one of these statuses created before a moment (for the retention job). */
export const findImportsCreatedBefore = (db: Exec, statuses: string[], before: Date) =>
  db
    .select({ id: imports.id, orgId: imports.orgId, status: imports.status, jobId: imports.jobId })
    .from(imports)
    .where(and(inArray(imports.status, statuses), lt(imports.createdAt, before)))
    .limit(100);
export const insertImportFiles = (db: Exec, rows: (typeof importFiles.$inferInsert)[]) =>
  db.insert(importFiles).values(rows);
export const findImportFiles = (db: Exec, orgId: string, importId: string) =>
  db
    .select()
    .from(importFiles)
    .where(and(eq(importFiles.importId, importId), eq(importFiles.orgId, orgId)))
    .orderBy(importFiles.name);
export const deleteImportFiles = (db: Exec, orgId: string, importId: string) =>
  db.delete(importFiles).where(and(eq(importFiles.importId, importId), eq(importFiles.orgId, orgId)));

/** Many ids as one array parameter: a list of parameters stops at 65,535. */
const uuids = (ids: string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

export const deleteQualifications = (db: Exec, orgId: string, staffIds: string[]) =>
  staffIds.length
    ? db
        .delete(staffQualifications)
        .where(
          and(
            eq(staffQualifications.orgId, orgId),
            sql`${staffQualifications.staffRecordId} = any(${uuids(staffIds)})`,
          ),
        )
    : Promise.resolve();
export const deleteTraining = (db: Exec, orgId: string, staffIds: string[]) =>
  staffIds.length
    ? db
        .delete(trainingRecords)
        .where(and(eq(trainingRecords.orgId, orgId), sql`${trainingRecords.staffRecordId} = any(${uuids(staffIds)})`))
    : Promise.resolve();

/** Ends many staff records at once; the org_id condition keeps an upload inside its organisation. */
export async function markLeavers(
  db: Exec,
  orgId: string,
  leavers: { id: string; date: string; reason: number; destination: string | null }[],
  now: Date,
) {
  if (!leavers.length) return;
  const arr = (values: (string | number | null)[]) =>
    `{${values.map((v) => (v === null ? "NULL" : `"${String(v).replace(/["\\]/g, "\\$&")}"`)).join(",")}}`;
  await db.execute(sql`
    update staff_records s
    set end_date = l.end_date, leaving_reason = l.reason, leaving_destination = l.destination, updated_at = ${now}
    from unnest(${arr(leavers.map((l) => l.id))}::uuid[], ${arr(leavers.map((l) => l.date))}::date[], ${arr(leavers.map((l) => l.reason))}::int[], ${arr(leavers.map((l) => l.destination))}::text[])
      as l(id, end_date, reason, destination)
    where s.id = l.id and s.org_id = ${orgId}`);
}

/** The organisation's data version: it moves on with every write to its workforce records (migration 0008). */
export async function dataVersion(db: Exec, orgId: string): Promise<number> {
  const [row] = (await db.execute(sql`select version from org_data_versions where org_id = ${orgId}`)).rows as {
    version: string | number;
  }[];
  return Number(row?.version ?? 0);
}

export const updateWorkplace = (db: Exec, orgId: string, id: string, values: Partial<typeof workplaces.$inferInsert>) =>
  db
    .update(workplaces)
    .set(values)
    .where(and(eq(workplaces.id, id), eq(workplaces.orgId, orgId)));

// ---- Staged uploads (stage.ts): each statement moves one staged table into the records. Every
// one is scoped by the organisation twice: the staged rows', and the records' it touches.

export async function deleteStaged(db: Exec, orgId: string, stageId: string) {
  for (const table of ["import_staff", "import_qualifications", "import_training"])
    await db.execute(sql`delete from ${sql.identifier(table)} where stage_id = ${stageId} and org_id = ${orgId}`);
}

const rowCount = (result: unknown) =>
  Number(
    (result as { affectedRows?: number; rowCount?: number }).affectedRows ??
      (result as { rowCount?: number }).rowCount ??
      0,
  );
const VALUES = VALUE_COLUMN_NAMES.join(", ");

export async function insertStagedStaff(db: Exec, orgId: string, stageId: string) {
  return rowCount(
    await db.execute(sql`
      insert into staff_records (id, org_id, workplace_id, local_ref, person_key, ni_encrypted, date_of_birth, start_date, ${sql.raw(VALUES)})
      select staff_id, org_id, workplace_id, local_ref, person_key, ni_encrypted, date_of_birth, start_date, ${sql.raw(VALUES)}
      from import_staff where stage_id = ${stageId} and org_id = ${orgId} and action = 'new'`),
  );
}

/** Changed records take all the file's values; identifiers, reference and workplace (a move) only when they changed. */
export async function updateFromStagedStaff(db: Exec, orgId: string, stageId: string, now: Date) {
  const ifChanged = (field: string, column: string) =>
    `${column} = case when '${field}' = any(u.changed) then u.${column} else s.${column} end`;
  return rowCount(
    await db.execute(sql`
      update staff_records s
      set ${sql.raw(VALUE_COLUMN_NAMES.map((c) => `${c} = u.${c}`).join(", "))},
        ${sql.raw([ifChanged("niNumber", "person_key"), ifChanged("niNumber", "ni_encrypted"), ifChanged("dateOfBirth", "date_of_birth"), ifChanged("localRef", "local_ref"), ifChanged("workplace", "workplace_id")].join(", "))},
        updated_at = ${now}
      from import_staff u
      where u.stage_id = ${stageId} and u.org_id = ${orgId} and u.action = 'update' and s.id = u.staff_id and s.org_id = ${orgId}`),
  );
}

/**
 * Audit entries written by the database from the staged rows (their before/after were masked
 * when staged). The created records are grouped before the join: joined first, the planner
 * (which knows nothing of a just-filled staging table) chose a nested loop that took 7 s.
 */
export async function auditStagedStaff(
  db: Exec,
  orgId: string,
  stageId: string,
  actor: { userId: string | null; requestId?: string },
) {
  const user = actor.userId;
  const request = actor.requestId ?? null;
  await db.execute(sql`
    with created as materialized (
      select workplace_id, jsonb_agg(staff_id order by staff_id) as ids
      from import_staff where stage_id = ${stageId} and org_id = ${orgId} and action = 'new'
      group by workplace_id)
    insert into audit_log (user_id, org_id, action, entity_type, entity_id, after, request_id)
    select ${user}::uuid, ${orgId}::uuid, 'create', 'staff_record', null,
      jsonb_build_object('workplace', w.local_ref, 'workplaceId', c.workplace_id, 'source', 'upload', 'staffRecordIds', c.ids),
      ${request}
    from created c join workplaces w on w.id = c.workplace_id and w.org_id = ${orgId}`);
  await db.execute(sql`
    insert into audit_log (user_id, org_id, action, entity_type, entity_id, before, after, request_id)
    select ${user}::uuid, ${orgId}::uuid, 'update', 'staff_record', s.staff_id::text, s.audit->'before', s.audit->'after', ${request}
    from import_staff s
    where s.stage_id = ${stageId} and s.org_id = ${orgId} and s.action = 'update'`);
}

/** Qualifications of new records, and of changed records whose qualifications changed (replaced). */
export async function replaceStagedQualifications(db: Exec, orgId: string, stageId: string) {
  await db.execute(sql`
    delete from staff_qualifications q using import_staff u
    where u.stage_id = ${stageId} and u.org_id = ${orgId} and u.action = 'update' and 'qualifications' = any(u.changed)
      and q.staff_record_id = u.staff_id and q.org_id = ${orgId}`);
  await db.execute(sql`
    insert into staff_qualifications (id, org_id, staff_record_id, position, qualification_code, year, notes)
    select id, org_id, staff_record_id, position, qualification_code, year, notes
    from import_qualifications where stage_id = ${stageId} and org_id = ${orgId}`);
}

/** Training of the staff records whose training the files replace. */
export async function replaceStagedTraining(db: Exec, orgId: string, stageId: string) {
  const [{ n }] = (
    await db.execute(
      sql`select count(distinct staff_record_id)::int as n from import_training where stage_id = ${stageId} and org_id = ${orgId}`,
    )
  ).rows as {
    n: number;
  }[];
  if (!n) return { staffRecords: 0, rows: 0 };
  // Completions the hub recorded from a training session stay (nothing the hub recorded is lost to
  // a file from the provider's own system that has not caught up); a file row for the same
  // course on the same day is that completion, not a second one.
  await db.execute(sql`
    delete from training_records t
    where t.org_id = ${orgId} and t.staff_record_id in (select staff_record_id from import_training where stage_id = ${stageId} and org_id = ${orgId})
      and not exists (select 1 from training_bookings b where b.org_id = ${orgId} and b.training_record_id = t.id)`);
  const columns =
    "id, org_id, staff_record_id, category, name, accredited, who_delivered, provider_code, how_delivered, validity_months, completed_on, expires_on, notes";
  const rows = rowCount(
    await db.execute(sql`
      insert into training_records (${sql.raw(columns)})
      select ${sql.raw(columns)} from import_training i where i.stage_id = ${stageId} and i.org_id = ${orgId}
        and not exists (
          select 1 from training_records k
          where k.org_id = ${orgId} and k.staff_record_id = i.staff_record_id and k.category = i.category
            and k.completed_on is not distinct from i.completed_on)`),
  );
  return { staffRecords: n, rows };
}

/** The encrypted NI numbers of the organisation's current staff (of one record when `onlyId` is given). */
export const findCurrentNiNumbers = (db: Exec, orgId: string, onlyId?: string) =>
  db
    .select({ id: staffRecords.id, niEncrypted: staffRecords.niEncrypted })
    .from(staffRecords)
    .where(
      and(
        eq(staffRecords.orgId, orgId),
        isNull(staffRecords.endDate),
        ...(onlyId ? [eq(staffRecords.id, onlyId)] : []),
      ),
    );

/** The organisation's latest uploads, newest first. */
export const listRecentImports = (db: Exec, orgId: string, limit: number) =>
  db.select().from(imports).where(eq(imports.orgId, orgId)).orderBy(desc(imports.createdAt)).limit(limit);

/** Takes the organisation's upload lock for the rest of the transaction, if no one holds it; false if someone does. */
export async function tryImportLock(db: Exec, orgId: string) {
  const [lock] = (await db.execute(sql`select pg_try_advisory_xact_lock(hashtext(${`import:${orgId}`})) as ok`))
    .rows as { ok: boolean }[];
  return lock?.ok === true;
}
