import { HEADLINES } from "../../../shared/metrics";
import { inTransaction, type OrgCtx } from "../../context";
import { badRequest } from "../../lib/errors";
import { recordAudit } from "../audit/audit.service";
import * as repo from "./targets.repo";

/**
 * Sets a council's targets: a number sets one (in the figure's unit: rates as fractions, money
 * in pounds), null removes it. Only headline figures with a better direction take a target.
 */
export async function setTargets(ctx: OrgCtx, targets: Record<string, number | null>) {
  if (ctx.org.kind !== "council") throw badRequest("validation", "Targets are set by councils.");
  const issues = Object.entries(targets).flatMap(([name, value]) => {
    const h = HEADLINES.find((x) => x.name === name);
    if (!h?.better)
      return [
        {
          path: `targets.${name}`,
          message: `${name} does not take a target: targets are for ${HEADLINES.filter((x) => x.better)
            .map((x) => x.name)
            .join(", ")}.`,
        },
      ];
    if (value !== null && h.kind === "rate" && (value < 0 || value > 1))
      return [
        {
          path: `targets.${name}`,
          message: `A target for ${h.label.toLowerCase()} is a rate between 0 and 1 (for example 0.08 for 8%).`,
        },
      ];
    if (value !== null && value < 0)
      return [{ path: `targets.${name}`, message: `A target for ${h.label.toLowerCase()} cannot be negative.` }];
    return [];
  });
  if (issues.length) throw badRequest("validation", issues[0].message, issues);
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findTargets(tx.db, ctx.org.id);
    for (const [name, value] of Object.entries(targets))
      if (value !== null) await repo.upsertTarget(tx.db, ctx.org.id, name, value, ctx.actor.userId);
    await repo.deleteTargets(
      tx.db,
      ctx.org.id,
      Object.entries(targets)
        .filter(([, v]) => v === null)
        .map(([k]) => k),
    );
    const after = await repo.findTargets(tx.db, ctx.org.id);
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "update",
      entityType: "metric_targets",
      entityId: ctx.org.id,
      before,
      after,
    });
    return after;
  });
}
