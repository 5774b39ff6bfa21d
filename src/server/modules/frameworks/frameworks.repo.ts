import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { careerFrameworks, frameworkEndorsements, organisations, providerJobTitles } from "../../db/schema";

export type FrameworkRow = typeof careerFrameworks.$inferSelect;

/** The latest published framework of a council. */
export const findLatestPublished = async (db: Exec, councilId: string): Promise<FrameworkRow | undefined> =>
  (
    await db
      .select()
      .from(careerFrameworks)
      .where(and(eq(careerFrameworks.councilId, councilId), eq(careerFrameworks.status, "published")))
      .orderBy(desc(careerFrameworks.version))
      .limit(1)
  )[0];

/** A council's draft; `forUpdate` locks it for the rest of the transaction. */
export async function findDraft(db: Exec, councilId: string, forUpdate = false): Promise<FrameworkRow | undefined> {
  const query = db
    .select()
    .from(careerFrameworks)
    .where(and(eq(careerFrameworks.councilId, councilId), eq(careerFrameworks.status, "draft")));
  return (forUpdate ? await query.for("update") : await query)[0];
}

export const insertDraft = async (db: Exec, values: typeof careerFrameworks.$inferInsert) =>
  (await db.insert(careerFrameworks).values(values).returning())[0];

export const updateFramework = async (db: Exec, id: string, change: Partial<typeof careerFrameworks.$inferInsert>) =>
  (await db.update(careerFrameworks).set(change).where(eq(careerFrameworks.id, id)).returning())[0];

/** A council's frameworks, draft and versions, newest first. */
export const listCouncilFrameworks = (db: Exec, councilId: string) =>
  db
    .select()
    .from(careerFrameworks)
    .where(eq(careerFrameworks.councilId, councilId))
    .orderBy(desc(careerFrameworks.version));

/** A published version (drafts have no version). */
export const findPublished = async (db: Exec, frameworkId: string) =>
  (
    await db
      .select()
      .from(careerFrameworks)
      .where(and(eq(careerFrameworks.id, frameworkId), isNotNull(careerFrameworks.version)))
  )[0];

export const listOrgNames = (db: Exec, ids: string[]) =>
  ids.length
    ? db
        .select({ id: organisations.id, name: organisations.name, slug: organisations.slug })
        .from(organisations)
        .where(inArray(organisations.id, ids))
        .orderBy(organisations.name)
    : Promise.resolve([]);

export const listEndorsements = (db: Exec, frameworkIds: string[]) =>
  frameworkIds.length
    ? db.select().from(frameworkEndorsements).where(inArray(frameworkEndorsements.frameworkId, frameworkIds))
    : Promise.resolve([]);

export const findEndorsement = async (db: Exec, frameworkId: string, providerId: string) =>
  (
    await db
      .select()
      .from(frameworkEndorsements)
      .where(and(eq(frameworkEndorsements.frameworkId, frameworkId), eq(frameworkEndorsements.providerId, providerId)))
  )[0];

/** Records an endorsement; endorsing again changes nothing. */
export const insertEndorsement = (db: Exec, values: typeof frameworkEndorsements.$inferInsert) =>
  db.insert(frameworkEndorsements).values(values).onConflictDoNothing();

export const listJobTitles = (db: Exec, providerId: string) =>
  db
    .select()
    .from(providerJobTitles)
    .where(eq(providerJobTitles.providerId, providerId))
    .orderBy(providerJobTitles.title);

/** Inserts a job title, or returns undefined when the provider already has that title. */
export const insertJobTitle = async (db: Exec, values: typeof providerJobTitles.$inferInsert) =>
  (await db.insert(providerJobTitles).values(values).onConflictDoNothing().returning())[0];

export const deleteJobTitle = async (db: Exec, providerId: string, id: string) =>
  (
    await db
      .delete(providerJobTitles)
      .where(and(eq(providerJobTitles.id, id), eq(providerJobTitles.providerId, providerId)))
      .returning()
  )[0];
