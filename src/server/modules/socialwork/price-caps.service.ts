import type { PriceCapInput, PriceCapView } from "../../../shared/schemas/social-work-agency";
import { AGENCY_ROLE_TYPE_LABELS, type AgencyRoleType } from "../../../shared/social-work";
import { inTransaction, type OrgCtx } from "../../context";
import { notFound } from "../../lib/errors";
import { recordAudit } from "../audit/audit.service";
import * as repo from "./agency-assignments.repo";

// The regional price caps per DfE job type, each from a day (issue 20 item 8). Agreed in the
// region through its RIIA; the £ values are the council's to enter (the real ones are
// UNCONFIRMED in social-work.md §1.2). A new cap from a later day supersedes the earlier one.

const present = (c: Awaited<ReturnType<typeof repo.listCaps>>[number]): PriceCapView => ({
  id: c.id,
  roleType: c.roleType as AgencyRoleType,
  roleTypeLabel: AGENCY_ROLE_TYPE_LABELS[c.roleType as AgencyRoleType] ?? c.roleType,
  hourlyCap: c.hourlyCap,
  fromDate: c.fromDate,
});

export const listPriceCaps = async (ctx: OrgCtx) => ({ caps: (await repo.listCaps(ctx.db, ctx.org.id)).map(present) });

export async function setPriceCap(ctx: OrgCtx, input: PriceCapInput) {
  await inTransaction(ctx, async (tx) => {
    const row = await repo.upsertCap(tx.db, { ...input, orgId: ctx.org.id });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "set",
      entityType: "sw_agency_price_cap",
      entityId: row.id,
      after: input,
    });
  });
  return listPriceCaps(ctx);
}

export async function removePriceCap(ctx: OrgCtx, id: string) {
  const cap = await repo.findCap(ctx.db, ctx.org.id, id);
  if (!cap) throw notFound("price cap");
  await inTransaction(ctx, async (tx) => {
    await repo.deleteCap(tx.db, ctx.org.id, id);
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "delete",
      entityType: "sw_agency_price_cap",
      entityId: id,
      before: { roleType: cap.roleType, hourlyCap: cap.hourlyCap, fromDate: cap.fromDate },
    });
  });
  return listPriceCaps(ctx);
}
