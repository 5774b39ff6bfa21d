import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Exec } from "../../db/client";
import { staffRecords, swDevelopmentReviews, swStaff, swTeams } from "../../db/schema";
import { inPostOnSql } from "./in-post.repo";

// Annual development reviews' queries (issue 20 item 6).

const reviewer = alias(staffRecords, "reviewer");
const reviewColumns = { review: swDevelopmentReviews, reviewerName: reviewer.displayId };

export async function insertReview(db: Exec, values: typeof swDevelopmentReviews.$inferInsert) {
  const [row] = await db.insert(swDevelopmentReviews).values(values).returning();
  return row;
}

/** A worker's reviews, newest first, with the reviewer's name. */
export const listReviews = (db: Exec, orgId: string, staffRecordId: string) =>
  db
    .select(reviewColumns)
    .from(swDevelopmentReviews)
    .leftJoin(reviewer, eq(reviewer.id, swDevelopmentReviews.reviewerStaffId))
    .where(and(eq(swDevelopmentReviews.orgId, orgId), eq(swDevelopmentReviews.staffRecordId, staffRecordId)))
    .orderBy(desc(swDevelopmentReviews.heldOn), desc(swDevelopmentReviews.createdAt));
export type ReviewRow = Awaited<ReturnType<typeof listReviews>>[number];

/** Workers in `teams` in post on `on`, with their latest review on or before it. */
export async function inPostWithLastReview(db: Exec, orgId: string, teams: string[], on: string) {
  if (!teams.length) return [];
  const last = db
    .select({
      staffRecordId: swDevelopmentReviews.staffRecordId,
      heldOn: sql<string>`max(${swDevelopmentReviews.heldOn})::text`.as("held_on"),
    })
    .from(swDevelopmentReviews)
    .where(and(eq(swDevelopmentReviews.orgId, orgId), sql`${swDevelopmentReviews.heldOn} <= ${on}`))
    .groupBy(swDevelopmentReviews.staffRecordId)
    .as("last");
  return db
    .select({
      staffRecordId: swStaff.staffRecordId,
      name: staffRecords.displayId,
      teamName: swTeams.name,
      lastHeldOn: last.heldOn,
    })
    .from(swStaff)
    .innerJoin(staffRecords, eq(staffRecords.id, swStaff.staffRecordId))
    .innerJoin(swTeams, eq(swTeams.id, swStaff.teamId))
    .leftJoin(last, eq(last.staffRecordId, swStaff.staffRecordId))
    .where(and(eq(swStaff.orgId, orgId), inArray(swStaff.teamId, teams), inPostOnSql(staffRecords, on)))
    .orderBy(swTeams.name, staffRecords.displayId);
}
