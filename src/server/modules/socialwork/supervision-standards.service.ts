import type { SaveStandardsInput } from "../../../shared/schemas/social-work-supervision";
import { effectiveStandards, type StandardRow } from "../../../shared/sw-supervision";
import { inTransaction, type OrgCtx } from "../../context";
import { recordAudit } from "../audit/audit.service";
import { replaceStandardRows, standardRows } from "./supervision-standards.repo";

// The council's supervision frequency standard (issue 20 item 4): each target with the interval in
// force, and saving the council's own rows. Defaults and precedence: shared/sw-supervision.ts.

export async function getStandards(ctx: OrgCtx) {
  return effectiveStandards(await standardRows(ctx.db, ctx.org.id));
}

export async function saveStandards(ctx: OrgCtx, input: SaveStandardsInput) {
  const rows: StandardRow[] = input.standards.map((s) => ({ ...s }));
  await inTransaction(ctx, async (tx) => {
    const before = await standardRows(tx.db, ctx.org.id);
    await replaceStandardRows(tx.db, ctx.org.id, rows);
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "update",
      entityType: "sw_supervision_standards",
      entityId: ctx.org.id,
      before: { standards: before },
      after: { standards: rows },
    });
  });
  return getStandards(ctx);
}
