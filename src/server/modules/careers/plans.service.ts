import { inTransaction, type OrgCtx } from "../../context";
import { badRequest, notFound } from "../../lib/errors";
import { recordAudit } from "../audit/audit.service";
import { frameworkForOrg } from "../frameworks/frameworks.service";
import * as repo from "./careers.repo";
import { ownStaffRecord as myRecord } from "./careers.service";

// Development plans: a staff member's goals towards their next roles, private until they share
// them. Shared plans are seen by their employer's users who may see staff records (the hub does
// not yet record who manages whom, so "their manager" is anyone there with staff.view).

const goalsOf = (ctx: OrgCtx, staffIds: string[]) => repo.listGoals(ctx.db, ctx.org.id, staffIds);

export async function myPlan(ctx: OrgCtx) {
  const record = await myRecord(ctx);
  const plan = await repo.findPlan(ctx.db, record.id);
  return { shared: plan?.shared ?? false, goals: await goalsOf(ctx, [record.id]) };
}

export async function shareMyPlan(ctx: OrgCtx, shared: boolean) {
  const record = await myRecord(ctx);
  return inTransaction(ctx, async (tx) => {
    await repo.upsertPlanShared(tx.db, ctx.org.id, record.id, shared, tx.deps.now());
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "update",
      entityType: "career_plan",
      entityId: record.id,
      after: { shared },
    });
    return myPlan(tx);
  });
}

// Goals are the person's own words, so the audit trail records what happened to a goal, not its text.

export async function addGoal(ctx: OrgCtx, goal: { title: string; roleKey?: string | null; dueOn?: string | null }) {
  const record = await myRecord(ctx);
  if (goal.roleKey && !(await frameworkForOrg(ctx)).roles.some((r) => r.key === goal.roleKey))
    throw badRequest("validation", `${goal.roleKey} is not a role in the career framework.`, [
      { path: "roleKey", message: "Choose a role from the career framework, or none" },
    ]);
  return inTransaction(ctx, async (tx) => {
    const row = await repo.insertGoal(tx.db, {
      orgId: ctx.org.id,
      staffRecordId: record.id,
      title: goal.title,
      roleKey: goal.roleKey ?? null,
      dueOn: goal.dueOn ?? null,
    });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "create",
      entityType: "career_goal",
      entityId: row.id,
      after: { roleKey: row.roleKey, dueOn: row.dueOn },
    });
    return row;
  });
}

export async function updateGoal(ctx: OrgCtx, id: string, change: { doneOn?: string | null; dueOn?: string | null }) {
  const record = await myRecord(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await repo.updateGoal(tx.db, ctx.org.id, record.id, id, change);
    if (!row) throw notFound("goal");
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "update",
      entityType: "career_goal",
      entityId: id,
      after: change,
    });
    return row;
  });
}

export async function removeGoal(ctx: OrgCtx, id: string) {
  const record = await myRecord(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await repo.deleteGoal(tx.db, ctx.org.id, record.id, id);
    if (!row) throw notFound("goal");
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "delete",
      entityType: "career_goal",
      entityId: id,
      before: { roleKey: row.roleKey, dueOn: row.dueOn, doneOn: row.doneOn },
    });
    return row;
  });
}

/** The plans staff here have shared, for the employer's managers. */
export async function sharedPlans(ctx: OrgCtx) {
  const people = await repo.listSharedPlanPeople(ctx.db, ctx.org.id);
  const goals = await goalsOf(
    ctx,
    people.map((p) => p.id),
  );
  return people.map((p) => ({ ...p, goals: goals.filter((g) => g.staffRecordId === p.id) }));
}
