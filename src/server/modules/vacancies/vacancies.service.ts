import { JOB_ROLES } from "../../../shared/ascwds/codes";
import { inTransaction, type OrgCtx } from "../../context";
import { badRequest, conflict, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit, recordAuditBatch } from "../audit/audit.service";
import * as repo from "./vacancies.repo";

/** A workplace, only if it belongs to the acting organisation. */
export async function ownWorkplace(ctx: OrgCtx, workplaceId: string) {
  const w = await repo.findOwnWorkplace(ctx.db, ctx.org.id, workplaceId);
  if (!w)
    throw badRequest("validation", "Choose one of your organisation's workplaces.", [
      { path: "workplaceId", message: "Choose one of your workplaces" },
    ]);
  return w;
}

export async function listVacancies(ctx: OrgCtx, status: "open" | "closed" | "all") {
  return repo.listVacancies(ctx.db, ctx.org.id, status);
}

export async function openVacancies(
  ctx: OrgCtx,
  input: { workplaceId: string; jobRole: number; openedOn: string; posts: number },
) {
  if (!(input.jobRole in JOB_ROLES))
    throw badRequest("validation", "Choose a job role from the list.", [
      { path: "jobRole", message: "Choose a job role" },
    ]);
  if (input.openedOn > isoDate(ctx.deps.now()))
    throw badRequest("validation", "A vacancy cannot open in the future.", [
      { path: "openedOn", message: "Enter today or an earlier date" },
    ]);
  return inTransaction(ctx, async (tx) => {
    await ownWorkplace(tx, input.workplaceId);
    const rows = await repo.insertVacancies(
      tx.db,
      Array.from({ length: input.posts }, () => ({
        orgId: tx.org.id,
        workplaceId: input.workplaceId,
        jobRole: input.jobRole,
        openedOn: input.openedOn,
      })),
    );
    await recordAuditBatch(
      tx,
      rows.map((r) => ({ orgId: tx.org.id, action: "create", entityType: "vacancy", entityId: r.id, after: r })),
    );
    return rows;
  });
}

export async function closeVacancy(ctx: OrgCtx, id: string, closedOn: string) {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findVacancy(tx.db, tx.org.id, id);
    if (!before) throw notFound("vacancy");
    if (before.closedOn) throw conflict("already_closed", `This vacancy was closed on ${before.closedOn}.`);
    if (closedOn < before.openedOn)
      throw badRequest("validation", `The closing date must be on or after the day it opened (${before.openedOn}).`, [
        { path: "closedOn", message: "Enter a later date" },
      ]);
    const after = await repo.closeVacancy(tx.db, tx.org.id, id, closedOn);
    await recordAudit(tx, { orgId: tx.org.id, action: "update", entityType: "vacancy", entityId: id, before, after });
    return after;
  });
}
