import { STANDARD_KINDS } from "../../../shared/commissioning";
import type { StandardInput } from "../../../shared/schemas/commissioning-contracts";
import { inTransaction, type OrgCtx } from "../../context";
import { conflict, notFound } from "../../lib/errors";
import { recordAudit } from "../audit/audit.service";
import * as repo from "./contracts.repo";

// The council's library of workforce standards (issue 19 item 1): each a kind of rule
// (STANDARD_KINDS) with the council's name, description and threshold. Contracts carry standards
// from the library; an archived standard stays on the contracts that carry it but cannot be added
// anew. The threshold's range is checked by the request schema (thresholdProblem).

const auditView = (s: { kind: string; name: string; description: string; threshold: number | null }) => ({
  kind: s.kind,
  name: s.name,
  description: s.description,
  threshold: s.threshold,
});

export const listStandards = (ctx: OrgCtx) => repo.listStandards(ctx.db, ctx.org.id);

export async function findStandard(ctx: OrgCtx, id: string) {
  const row = await repo.findStandard(ctx.db, ctx.org.id, id);
  if (!row) throw notFound("standard");
  return row;
}

export async function createStandard(ctx: OrgCtx, input: StandardInput) {
  const k = STANDARD_KINDS[input.kind];
  return inTransaction(ctx, async (tx) => {
    const s = await repo.insertStandard(tx.db, {
      councilId: tx.org.id,
      kind: input.kind,
      name: input.name,
      description: input.description,
      threshold: k.unit === "none" ? null : (input.threshold ?? k.defaultThreshold),
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "commissioning_standard",
      entityId: s.id,
      after: auditView(s),
    });
    return { s, contractCount: 0 };
  });
}

export async function updateStandard(ctx: OrgCtx, id: string, input: StandardInput) {
  const k = STANDARD_KINDS[input.kind];
  return inTransaction(ctx, async (tx) => {
    const before = await findStandard(tx, id);
    if (before.s.kind !== input.kind && (await repo.countStandardUses(tx.db, tx.org.id, id)) > 0)
      throw conflict(
        "standard_in_use",
        `"${before.s.name}" is carried by contracts, so its kind cannot change: add a new standard of the kind you want instead, and archive this one.`,
      );
    const s = await repo.updateStandard(tx.db, tx.org.id, id, {
      kind: input.kind,
      name: input.name,
      description: input.description,
      threshold: k.unit === "none" ? null : (input.threshold ?? k.defaultThreshold),
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "commissioning_standard",
      entityId: id,
      before: auditView(before.s),
      after: auditView(s),
    });
    return { s, contractCount: before.contractCount };
  });
}

export async function archiveStandard(ctx: OrgCtx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const before = await findStandard(tx, id);
    if (before.s.archivedAt) throw conflict("already_archived", `"${before.s.name}" is already archived.`);
    const s = await repo.updateStandard(tx.db, tx.org.id, id, { archivedAt: tx.deps.now() });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "archive",
      entityType: "commissioning_standard",
      entityId: id,
      before: { archivedAt: null },
      after: { archivedAt: s.archivedAt?.toISOString() },
    });
    return { s, contractCount: before.contractCount };
  });
}
