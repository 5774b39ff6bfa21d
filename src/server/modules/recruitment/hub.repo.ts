import { and, asc, desc, eq, gte, isNull, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { campaigns, recruitmentEvents, valuesQuestions } from "../../db/schema";

// The council's hub tables: its values questions (org_id null: the hub's own set), campaigns
// and events. Every query is scoped by the council.

const hubQuestion = (councilId: string) => and(eq(valuesQuestions.councilId, councilId), isNull(valuesQuestions.orgId));

export const listHubQuestions = (db: Exec, councilId: string) =>
  db
    .select()
    .from(valuesQuestions)
    .where(hubQuestion(councilId))
    .orderBy(asc(valuesQuestions.position), asc(valuesQuestions.createdAt));

export const findHubQuestion = async (db: Exec, councilId: string, id: string) =>
  (
    await db
      .select()
      .from(valuesQuestions)
      .where(and(hubQuestion(councilId), eq(valuesQuestions.id, id)))
  )[0];

export const insertHubQuestions = (db: Exec, values: (typeof valuesQuestions.$inferInsert)[]) =>
  db.insert(valuesQuestions).values(values).returning();

export const updateHubQuestion = async (
  db: Exec,
  councilId: string,
  id: string,
  set: Partial<Pick<typeof valuesQuestions.$inferInsert, "value" | "question" | "guidance" | "retiredAt">>,
) =>
  (
    await db
      .update(valuesQuestions)
      .set(set)
      .where(and(hubQuestion(councilId), eq(valuesQuestions.id, id)))
      .returning()
  )[0];

/** The next position at the end of the hub's list. */
export const nextQuestionPosition = async (db: Exec, councilId: string) =>
  Number(
    (
      await db
        .select({ n: sql<number>`coalesce(max(${valuesQuestions.position}), -1) + 1` })
        .from(valuesQuestions)
        .where(hubQuestion(councilId))
    )[0]?.n ?? 0,
  );

export const listCampaigns = (db: Exec, councilId: string) =>
  db
    .select()
    .from(campaigns)
    .where(eq(campaigns.councilId, councilId))
    .orderBy(desc(campaigns.startsOn), asc(campaigns.name));

export const findCampaign = async (db: Exec, councilId: string, id: string) =>
  (
    await db
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.councilId, councilId), eq(campaigns.id, id)))
  )[0];

/** A campaign of the council by its tracked code, whatever its case. */
export const findCampaignByCode = async (db: Exec, councilId: string, code: string) =>
  (
    await db
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.councilId, councilId), sql`lower(${campaigns.code}) = lower(${code})`))
  )[0];

export const insertCampaign = async (db: Exec, values: typeof campaigns.$inferInsert) =>
  (await db.insert(campaigns).values(values).returning())[0];

export const updateCampaign = async (
  db: Exec,
  councilId: string,
  id: string,
  set: Partial<typeof campaigns.$inferInsert>,
) =>
  (
    await db
      .update(campaigns)
      .set(set)
      .where(and(eq(campaigns.councilId, councilId), eq(campaigns.id, id)))
      .returning()
  )[0];

const eventColumns = {
  event: recruitmentEvents,
  campaign: { id: campaigns.id, name: campaigns.name, code: campaigns.code },
};

/** The council's events, soonest first; with `from`, only those ending (or starting, without an end) from then on. */
export function listEvents(db: Exec, councilId: string, from?: Date) {
  const where = [eq(recruitmentEvents.councilId, councilId)];
  if (from) where.push(gte(sql`coalesce(${recruitmentEvents.endsAt}, ${recruitmentEvents.startsAt})`, from));
  return db
    .select(eventColumns)
    .from(recruitmentEvents)
    .leftJoin(campaigns, eq(campaigns.id, recruitmentEvents.campaignId))
    .where(and(...where))
    .orderBy(asc(recruitmentEvents.startsAt))
    .limit(500);
}

export const findEvent = async (db: Exec, councilId: string, id: string) =>
  (
    await db
      .select(eventColumns)
      .from(recruitmentEvents)
      .leftJoin(campaigns, eq(campaigns.id, recruitmentEvents.campaignId))
      .where(and(eq(recruitmentEvents.councilId, councilId), eq(recruitmentEvents.id, id)))
  )[0];

export const insertEvent = async (db: Exec, values: typeof recruitmentEvents.$inferInsert) =>
  (await db.insert(recruitmentEvents).values(values).returning())[0];

export const updateEvent = async (
  db: Exec,
  councilId: string,
  id: string,
  set: Partial<typeof recruitmentEvents.$inferInsert>,
) =>
  (
    await db
      .update(recruitmentEvents)
      .set(set)
      .where(and(eq(recruitmentEvents.councilId, councilId), eq(recruitmentEvents.id, id)))
      .returning()
  )[0];

export const deleteEvent = async (db: Exec, councilId: string, id: string) =>
  (
    await db
      .delete(recruitmentEvents)
      .where(and(eq(recruitmentEvents.councilId, councilId), eq(recruitmentEvents.id, id)))
      .returning()
  )[0];

/** Holds the council's hub questions for the rest of the transaction (two first visits seed the defaults once). */
export const lockHubQuestions = (db: Exec, councilId: string) =>
  db.execute(sql`select pg_advisory_xact_lock(hashtext(${`values_questions:${councilId}`}))`);

/** Whether the council has ever had hub questions (retired ones included). */
export const hasAnyHubQuestion = async (db: Exec, councilId: string) =>
  (await db.select({ id: valuesQuestions.id }).from(valuesQuestions).where(hubQuestion(councilId)).limit(1)).length > 0;
