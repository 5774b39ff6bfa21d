import { inTransaction, type OrgCtx } from "../../context";
import { recordAudit } from "../audit/audit.service";
import { ownWorkplace } from "../vacancies/vacancies.service";
import * as repo from "./agency.repo";

export async function listAgencyUse(ctx: OrgCtx, year?: number) {
  return repo.listAgencyUse(ctx.db, ctx.org.id, year);
}

/** Records one workplace's agency hours and spend for a month, replacing what was recorded for it. */
export async function recordAgencyUse(
  ctx: OrgCtx,
  input: { workplaceId: string; month: string; hours: number; spend: number; roles: number[] },
) {
  return inTransaction(ctx, async (tx) => {
    await ownWorkplace(tx, input.workplaceId);
    const month = `${input.month}-01`;
    const before = await repo.findAgencyMonth(tx.db, tx.org.id, input.workplaceId, month);
    const values = { hours: input.hours, spend: input.spend, roles: [...new Set(input.roles)].sort((a, b) => a - b) };
    const after = before
      ? await repo.updateAgencyUse(tx.db, before.id, { ...values, updatedAt: tx.deps.now() })
      : await repo.insertAgencyUse(tx.db, { orgId: tx.org.id, workplaceId: input.workplaceId, month, ...values });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: before ? "update" : "create",
      entityType: "agency_use",
      entityId: after.id,
      before: before ?? null,
      after,
    });
    return after;
  });
}
