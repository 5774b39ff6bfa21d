import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { inTransaction, type OrgCtx } from "../../context";
import { careerGoals, careerPlans, staffRecords } from "../../db/schema";
import { notFound } from "../../lib/errors";
import { recordAudit } from "../audit/audit.service";

// Development plans: a staff member's goals towards their next roles, private until they share
// them. Shared plans are seen by their employer's users who may see staff records (the hub does
// not yet record who manages whom, so "their manager" is anyone there with staff.view).

/** The signed-in person's current staff record here. */
async function myRecord(ctx: OrgCtx) {
  if (!ctx.actor.userId) throw notFound("staff record");
  const [record] = await ctx.db
    .select({ id: staffRecords.id, displayId: staffRecords.displayId, mainJobRole: staffRecords.mainJobRole })
    .from(staffRecords)
    .where(and(eq(staffRecords.orgId, ctx.org.id), eq(staffRecords.userId, ctx.actor.userId), isNull(staffRecords.endDate)))
    .limit(1);
  if (!record) throw notFound("staff record");
  return record;
}

const goalsOf = (ctx: OrgCtx, staffIds: string[]) =>
  staffIds.length
    ? ctx.db
        .select()
        .from(careerGoals)
        .where(and(eq(careerGoals.orgId, ctx.org.id), inArray(careerGoals.staffRecordId, staffIds)))
        .orderBy(asc(careerGoals.dueOn), asc(careerGoals.createdAt))
    : Promise.resolve([]);

export async function myPlan(ctx: OrgCtx) {
  const record = await myRecord(ctx);
  const [plan] = await ctx.db.select().from(careerPlans).where(eq(careerPlans.staffRecordId, record.id));
  return { shared: plan?.shared ?? false, goals: await goalsOf(ctx, [record.id]) };
}

export async function shareMyPlan(ctx: OrgCtx, shared: boolean) {
  const record = await myRecord(ctx);
  return inTransaction(ctx, async (tx) => {
    await tx.db
      .insert(careerPlans)
      .values({ staffRecordId: record.id, orgId: ctx.org.id, shared })
      .onConflictDoUpdate({ target: careerPlans.staffRecordId, set: { shared, updatedAt: tx.deps.now() } });
    await recordAudit(tx, { orgId: ctx.org.id, action: "update", entityType: "career_plan", entityId: record.id, after: { shared } });
    return myPlan(tx);
  });
}

export async function addGoal(ctx: OrgCtx, goal: { title: string; roleKey?: string | null; dueOn?: string | null }) {
  const record = await myRecord(ctx);
  const [row] = await ctx.db
    .insert(careerGoals)
    .values({ orgId: ctx.org.id, staffRecordId: record.id, title: goal.title, roleKey: goal.roleKey ?? null, dueOn: goal.dueOn ?? null })
    .returning();
  return row;
}

export async function updateGoal(ctx: OrgCtx, id: string, change: { doneOn?: string | null; dueOn?: string | null }) {
  const record = await myRecord(ctx);
  const [row] = await ctx.db
    .update(careerGoals)
    .set(change)
    .where(and(eq(careerGoals.id, id), eq(careerGoals.staffRecordId, record.id), eq(careerGoals.orgId, ctx.org.id)))
    .returning();
  if (!row) throw notFound("goal");
  return row;
}

export async function removeGoal(ctx: OrgCtx, id: string) {
  const record = await myRecord(ctx);
  const [row] = await ctx.db
    .delete(careerGoals)
    .where(and(eq(careerGoals.id, id), eq(careerGoals.staffRecordId, record.id), eq(careerGoals.orgId, ctx.org.id)))
    .returning();
  if (!row) throw notFound("goal");
  return row;
}

/** The plans staff here have shared, for the employer's managers. */
export async function sharedPlans(ctx: OrgCtx) {
  const people = await ctx.db
    .select({ id: staffRecords.id, displayId: staffRecords.displayId, mainJobRole: staffRecords.mainJobRole, updatedAt: careerPlans.updatedAt })
    .from(careerPlans)
    .innerJoin(staffRecords, eq(staffRecords.id, careerPlans.staffRecordId))
    .where(and(eq(careerPlans.orgId, ctx.org.id), eq(careerPlans.shared, true), eq(staffRecords.orgId, ctx.org.id), isNull(staffRecords.endDate)))
    .orderBy(staffRecords.displayId);
  const goals = await goalsOf(
    ctx,
    people.map((p) => p.id),
  );
  return people.map((p) => ({ ...p, goals: goals.filter((g) => g.staffRecordId === p.id) }));
}
