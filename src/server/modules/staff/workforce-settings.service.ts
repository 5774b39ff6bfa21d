import type { WorkforceSettingsInput } from "../../../shared/schemas";
import { inTransaction, type OrgCtx } from "../../context";
import { recordAudit } from "../audit/audit.service";
import { STANDARD_WEEKLY_HOURS } from "../metrics/engine";
import * as repo from "./workforce-settings.repo";

// An employer's own settings that its figures depend on (metrics.md): the hours of its full-time
// week, for FTE, and the training each job role must hold valid, for training_compliance. Saving
// them moves the employer's data version on (a trigger), so its summaries are recomputed.

export async function getWorkforceSettings(ctx: OrgCtx) {
  const row = await repo.findWorkforceSettings(ctx.db, ctx.org.id);
  return {
    standardWeeklyHours: row?.standardWeeklyHours ?? null,
    defaultWeeklyHours: STANDARD_WEEKLY_HOURS,
    requiredTraining: row?.requiredTraining ?? [],
    updatedAt: row?.updatedAt ?? null,
  };
}

/** Saves them (the input is checked by `workforceSettingsInput`: known categories and job roles, each category once). */
export async function saveWorkforceSettings(ctx: OrgCtx, input: WorkforceSettingsInput) {
  return inTransaction(ctx, async (tx) => {
    const before = await getWorkforceSettings(tx);
    const values = {
      standardWeeklyHours: input.standardWeeklyHours,
      requiredTraining: input.requiredTraining,
      updatedAt: tx.deps.now(),
    };
    await repo.upsertWorkforceSettings(tx.db, tx.org.id, values);
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "workforce_settings",
      entityId: tx.org.id,
      before: { standardWeeklyHours: before.standardWeeklyHours, requiredTraining: before.requiredTraining },
      after: { standardWeeklyHours: input.standardWeeklyHours, requiredTraining: input.requiredTraining },
    });
    return { ...values, defaultWeeklyHours: STANDARD_WEEKLY_HOURS };
  });
}
