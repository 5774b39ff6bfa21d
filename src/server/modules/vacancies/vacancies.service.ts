import { and, asc, desc, eq, isNotNull, isNull, type SQL } from "drizzle-orm";
import { JOB_ROLES } from "../../../shared/ascwds/codes";
import { inTransaction, type OrgCtx } from "../../context";
import { vacancies, workplaces } from "../../db/schema";
import { badRequest, conflict, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit, recordAuditBatch } from "../audit/audit.service";

/** A workplace, only if it belongs to the acting organisation. */
export async function ownWorkplace(ctx: OrgCtx, workplaceId: string) {
  const [w] = await ctx.db
    .select()
    .from(workplaces)
    .where(and(eq(workplaces.id, workplaceId), eq(workplaces.orgId, ctx.org.id)));
  if (!w) throw badRequest("validation", "Choose one of your organisation's workplaces.", [{ path: "workplaceId", message: "Choose one of your workplaces" }]);
  return w;
}

export async function listVacancies(ctx: OrgCtx, status: "open" | "closed" | "all") {
  const where: SQL[] = [eq(vacancies.orgId, ctx.org.id)];
  if (status === "open") where.push(isNull(vacancies.closedOn));
  if (status === "closed") where.push(isNotNull(vacancies.closedOn));
  return ctx.db
    .select({ vacancy: vacancies, workplaceName: workplaces.name })
    .from(vacancies)
    .innerJoin(workplaces, eq(workplaces.id, vacancies.workplaceId))
    .where(and(...where))
    .orderBy(asc(workplaces.name), desc(vacancies.openedOn))
    .limit(1000);
}

export async function openVacancies(ctx: OrgCtx, input: { workplaceId: string; jobRole: number; openedOn: string; posts: number }) {
  if (!(input.jobRole in JOB_ROLES)) throw badRequest("validation", "Choose a job role from the list.", [{ path: "jobRole", message: "Choose a job role" }]);
  if (input.openedOn > isoDate(ctx.deps.now()))
    throw badRequest("validation", "A vacancy cannot open in the future.", [{ path: "openedOn", message: "Enter today or an earlier date" }]);
  return inTransaction(ctx, async (tx) => {
    await ownWorkplace(tx, input.workplaceId);
    const rows = await tx.db
      .insert(vacancies)
      .values(Array.from({ length: input.posts }, () => ({ orgId: tx.org.id, workplaceId: input.workplaceId, jobRole: input.jobRole, openedOn: input.openedOn })))
      .returning();
    await recordAuditBatch(
      tx,
      rows.map((r) => ({ orgId: tx.org.id, action: "create", entityType: "vacancy", entityId: r.id, after: r })),
    );
    return rows;
  });
}

export async function closeVacancy(ctx: OrgCtx, id: string, closedOn: string) {
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select()
      .from(vacancies)
      .where(and(eq(vacancies.id, id), eq(vacancies.orgId, tx.org.id)));
    if (!before) throw notFound("vacancy");
    if (before.closedOn) throw conflict("already_closed", `This vacancy was closed on ${before.closedOn}.`);
    if (closedOn < before.openedOn)
      throw badRequest("validation", `The closing date must be on or after the day it opened (${before.openedOn}).`, [{ path: "closedOn", message: "Enter a later date" }]);
    const [after] = await tx.db
      .update(vacancies)
      .set({ closedOn })
      .where(and(eq(vacancies.id, id), eq(vacancies.orgId, tx.org.id)))
      .returning();
    await recordAudit(tx, { orgId: tx.org.id, action: "update", entityType: "vacancy", entityId: id, before, after });
    return after;
  });
}
