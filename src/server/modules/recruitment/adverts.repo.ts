import { and, asc, desc, eq, gte, inArray, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import {
  applications,
  jobAdverts,
  organisations,
  postcodeDistricts,
  vacancies,
  valuesQuestions,
  workplaces,
} from "../../db/schema";

// The employer's adverts: every query is scoped by the employer's organisation, except the
// council's moderation list (scoped by the board's council) and the periodic close.

export type AdvertRow = typeof jobAdverts.$inferSelect;

// An open advert (on the board, taking applications) is published and its closing date has not
// passed: the periodic close only catches up later. Every query that means "open" uses one of these.

/** Open on `today`, as a Drizzle condition. */
export const openAdvert = (today: string): SQL =>
  and(eq(jobAdverts.status, "published"), gte(jobAdverts.closingDate, today)) as SQL;

/** Open on `today`, for raw SQL over job_adverts called `name` in the query (an alias, or job_adverts). */
export function openAdvertSql(name: string, today: string): SQL {
  const t = sql.raw(name);
  return sql`${t}.status = 'published' and ${t}.closing_date >= ${today}::date`;
}

/** A vacancy of the organisation, with its workplace. */
export const findVacancyWithWorkplace = async (db: Exec, orgId: string, vacancyId: string) =>
  (
    await db
      .select({ vacancy: vacancies, workplace: workplaces })
      .from(vacancies)
      .innerJoin(workplaces, eq(workplaces.id, vacancies.workplaceId))
      .where(and(eq(vacancies.id, vacancyId), eq(vacancies.orgId, orgId)))
  )[0];

export const findAdvertOfVacancy = async (db: Exec, vacancyId: string) =>
  (await db.select({ id: jobAdverts.id }).from(jobAdverts).where(eq(jobAdverts.vacancyId, vacancyId)))[0];

export const findDistrict = async (db: Exec, outward: string) =>
  (await db.select().from(postcodeDistricts).where(eq(postcodeDistricts.outward, outward)))[0];

export const insertAdvert = async (db: Exec, values: typeof jobAdverts.$inferInsert) =>
  (await db.insert(jobAdverts).values(values).returning())[0];

export const updateAdvert = async (db: Exec, orgId: string, id: string, set: Partial<typeof jobAdverts.$inferInsert>) =>
  (
    await db
      .update(jobAdverts)
      .set(set)
      .where(and(eq(jobAdverts.id, id), eq(jobAdverts.orgId, orgId)))
      .returning()
  )[0];

/** An advert of the organisation (locked for update inside a transaction when asked). */
export const findAdvert = async (db: Exec, orgId: string, id: string, forUpdate = false) => {
  const q = db
    .select()
    .from(jobAdverts)
    .where(and(eq(jobAdverts.id, id), eq(jobAdverts.orgId, orgId)));
  return (await (forUpdate ? q.for("update") : q))[0];
};

const advertColumns = {
  advert: jobAdverts,
  workplaceName: workplaces.name,
  employerName: sql<string>`(select name from organisations where id = ${jobAdverts.orgId})`,
  boardName: sql<string>`(select name from organisations where id = ${jobAdverts.councilId})`,
};

export type AdvertListRow = { advert: AdvertRow; workplaceName: string; employerName: string; boardName: string };

export function listAdverts(db: Exec, where: SQL[], order: "newest" | "closing" = "newest", limit = 500) {
  return db
    .select(advertColumns)
    .from(jobAdverts)
    .innerJoin(workplaces, eq(workplaces.id, jobAdverts.workplaceId))
    .where(and(...where))
    .orderBy(
      ...(order === "newest"
        ? [desc(sql`coalesce(${jobAdverts.publishedAt}, ${jobAdverts.createdAt})`), asc(jobAdverts.title)]
        : [asc(jobAdverts.closingDate), asc(jobAdverts.title)]),
    )
    .limit(limit);
}

export const ownAdverts = (db: Exec, orgId: string, status: string) =>
  listAdverts(db, [eq(jobAdverts.orgId, orgId), ...(status === "all" ? [] : [eq(jobAdverts.status, status)])]);

export const ownAdvert = async (db: Exec, orgId: string, id: string) =>
  (await listAdverts(db, [eq(jobAdverts.orgId, orgId), eq(jobAdverts.id, id)]))[0];

/** The council's board: its published adverts, newest first. */
export const boardAdverts = (db: Exec, councilId: string) =>
  listAdverts(db, [eq(jobAdverts.councilId, councilId), eq(jobAdverts.status, "published")]);

export const boardAdvert = async (db: Exec, councilId: string, id: string) =>
  (await listAdverts(db, [eq(jobAdverts.councilId, councilId), eq(jobAdverts.id, id)]))[0];

export const findBoardAdvert = async (db: Exec, councilId: string, id: string) =>
  (
    await db
      .select()
      .from(jobAdverts)
      .where(and(eq(jobAdverts.id, id), eq(jobAdverts.councilId, councilId)))
  )[0];

/** Applications by advert and stage, for the adverts list. */
export async function stageCounts(db: Exec, advertIds: string[]) {
  if (!advertIds.length) return new Map<string, Record<string, number>>();
  const rows = await db
    .select({ advertId: applications.advertId, stage: applications.stage, n: sql<number>`count(*)::int` })
    .from(applications)
    .where(inArray(applications.advertId, advertIds))
    .groupBy(applications.advertId, applications.stage);
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) out.set(r.advertId, { ...(out.get(r.advertId) ?? {}), [r.stage]: r.n });
  return out;
}

/** The employer's own questions for adverts (not retired). */
export const advertQuestions = (db: Exec, advertIds: string[]) =>
  advertIds.length
    ? db
        .select()
        .from(valuesQuestions)
        .where(and(inArray(valuesQuestions.advertId, advertIds), isNull(valuesQuestions.retiredAt)))
        .orderBy(asc(valuesQuestions.position))
    : Promise.resolve([]);

export const insertQuestions = (db: Exec, values: (typeof valuesQuestions.$inferInsert)[]) =>
  values.length ? db.insert(valuesQuestions).values(values).returning() : Promise.resolve([]);

/** Retires an advert's questions (kept, because scores and answers refer to them). */
export const retireQuestions = (db: Exec, orgId: string, advertId: string, at: Date) =>
  db
    .update(valuesQuestions)
    .set({ retiredAt: at })
    .where(
      and(eq(valuesQuestions.orgId, orgId), eq(valuesQuestions.advertId, advertId), isNull(valuesQuestions.retiredAt)),
    );

/** Published adverts whose closing date has passed (the periodic close). */
export const closeExpiredAdverts = (db: Exec, today: string, at: Date) =>
  db
    .update(jobAdverts)
    .set({ status: "closed", closedReason: "closing_date", closedAt: at, updatedAt: at })
    .where(and(eq(jobAdverts.status, "published"), lt(jobAdverts.closingDate, today)))
    .returning({ id: jobAdverts.id, orgId: jobAdverts.orgId });

export const closeVacancyOn = (db: Exec, orgId: string, id: string, closedOn: string) =>
  db
    .update(vacancies)
    .set({ closedOn })
    .where(and(eq(vacancies.id, id), eq(vacancies.orgId, orgId), isNull(vacancies.closedOn)))
    .returning();

export const orgName = async (db: Exec, id: string) =>
  (await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id)))[0]?.name ?? "";
