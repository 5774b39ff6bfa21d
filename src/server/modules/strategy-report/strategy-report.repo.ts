import { and, desc, eq } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { boardReportNarratives, boardReports, users } from "../../db/schema";

// The board report's narratives and its kept versions, every query scoped by the council.

export const findNarrative = async (db: Exec, councilId: string, quarter: string) =>
  (
    await db
      .select()
      .from(boardReportNarratives)
      .where(and(eq(boardReportNarratives.councilId, councilId), eq(boardReportNarratives.quarter, quarter)))
  )[0];

export async function upsertNarrative(db: Exec, values: Omit<typeof boardReportNarratives.$inferInsert, "updatedAt">) {
  const { councilId: _c, quarter: _q, ...set } = values;
  return (
    await db
      .insert(boardReportNarratives)
      .values(values)
      .onConflictDoUpdate({
        target: [boardReportNarratives.councilId, boardReportNarratives.quarter],
        set: { ...set, updatedAt: new Date() },
      })
      .returning()
  )[0];
}

export const insertReport = async (db: Exec, values: typeof boardReports.$inferInsert) =>
  (
    await db
      .insert(boardReports)
      .values(values)
      .returning({ id: boardReports.id, generatedAt: boardReports.generatedAt })
  )[0];

/** The council's generated reports, newest first, without their bytes. */
export const listReports = (db: Exec, councilId: string, quarter?: string) =>
  db
    .select({
      id: boardReports.id,
      quarter: boardReports.quarter,
      format: boardReports.format,
      size: boardReports.size,
      sha256: boardReports.sha256,
      generatedAt: boardReports.generatedAt,
      generatedBy: users.name,
    })
    .from(boardReports)
    .leftJoin(users, eq(users.id, boardReports.generatedBy))
    .where(
      quarter
        ? and(eq(boardReports.councilId, councilId), eq(boardReports.quarter, quarter))
        : eq(boardReports.councilId, councilId),
    )
    .orderBy(desc(boardReports.generatedAt));

export const findReport = async (db: Exec, councilId: string, id: string) =>
  (
    await db
      .select()
      .from(boardReports)
      .where(and(eq(boardReports.councilId, councilId), eq(boardReports.id, id)))
  )[0];

/** The council's latest kept report of a quarter in a format, with its bytes and inputs. */
export const findLatestReport = async (db: Exec, councilId: string, quarter: string, format: string) =>
  (
    await db
      .select()
      .from(boardReports)
      .where(
        and(eq(boardReports.councilId, councilId), eq(boardReports.quarter, quarter), eq(boardReports.format, format)),
      )
      .orderBy(desc(boardReports.generatedAt))
      .limit(1)
  )[0];
