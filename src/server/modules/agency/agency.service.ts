import { and, asc, eq, gte, lt, type SQL } from "drizzle-orm";
import { inTransaction, type OrgCtx } from "../../context";
import { agencyUse, workplaces } from "../../db/schema";
import { recordAudit } from "../audit/audit.service";
import { ownWorkplace } from "../vacancies/vacancies.service";

export async function listAgencyUse(ctx: OrgCtx, year?: number) {
  const where: SQL[] = [eq(agencyUse.orgId, ctx.org.id)];
  if (year) where.push(gte(agencyUse.month, `${year}-01-01`), lt(agencyUse.month, `${year + 1}-01-01`));
  return ctx.db
    .select({ use: agencyUse, workplaceName: workplaces.name })
    .from(agencyUse)
    .innerJoin(workplaces, eq(workplaces.id, agencyUse.workplaceId))
    .where(and(...where))
    .orderBy(asc(agencyUse.month), asc(workplaces.name));
}

/** Records one workplace's agency hours and spend for a month, replacing what was recorded for it. */
export async function recordAgencyUse(ctx: OrgCtx, input: { workplaceId: string; month: string; hours: number; spend: number; roles: number[] }) {
  return inTransaction(ctx, async (tx) => {
    await ownWorkplace(tx, input.workplaceId);
    const month = `${input.month}-01`;
    const [before] = await tx.db
      .select()
      .from(agencyUse)
      .where(and(eq(agencyUse.workplaceId, input.workplaceId), eq(agencyUse.month, month), eq(agencyUse.orgId, tx.org.id)));
    const values = { hours: input.hours, spend: input.spend, roles: [...new Set(input.roles)].sort((a, b) => a - b) };
    const [after] = before
      ? await tx.db
          .update(agencyUse)
          .set({ ...values, updatedAt: tx.deps.now() })
          .where(eq(agencyUse.id, before.id))
          .returning()
      : await tx.db
          .insert(agencyUse)
          .values({ orgId: tx.org.id, workplaceId: input.workplaceId, month, ...values })
          .returning();
    await recordAudit(tx, { orgId: tx.org.id, action: before ? "update" : "create", entityType: "agency_use", entityId: after.id, before: before ?? null, after });
    return after;
  });
}
