import { eq } from "drizzle-orm";
import { JOB_ROLES, TRAINING_CATEGORIES } from "../../../shared/ascwds/codes";
import type { WorkforceSettingsInput } from "../../../shared/schemas";
import { inTransaction, type OrgCtx } from "../../context";
import { workforceSettings } from "../../db/schema";
import { badRequest } from "../../lib/errors";
import { recordAudit } from "../audit/audit.service";
import { STANDARD_WEEKLY_HOURS } from "../metrics/engine";

// An employer's own settings that its figures depend on (metrics.md): the hours of its full-time
// week, for FTE, and the training each job role must hold valid, for training_compliance. Saving
// them moves the employer's data version on (a trigger), so its summaries are recomputed.

export async function getWorkforceSettings(ctx: OrgCtx) {
  const [row] = await ctx.db.select().from(workforceSettings).where(eq(workforceSettings.orgId, ctx.org.id));
  return {
    standardWeeklyHours: row?.standardWeeklyHours ?? null,
    defaultWeeklyHours: STANDARD_WEEKLY_HOURS,
    requiredTraining: row?.requiredTraining ?? [],
    updatedAt: row?.updatedAt ?? null,
  };
}

export async function saveWorkforceSettings(ctx: OrgCtx, input: WorkforceSettingsInput) {
  const problems = input.requiredTraining.flatMap((r, i) => [
    ...(TRAINING_CATEGORIES.has(r.category) ? [] : [{ path: `requiredTraining.${i}.category`, message: `${r.category} is not an ASC-WDS training category` }]),
    ...(r.roles ?? []).filter((code) => !(code in JOB_ROLES)).map((code) => ({ path: `requiredTraining.${i}.roles`, message: `${code} is not an ASC-WDS main job role` })),
  ]);
  const seen = input.requiredTraining.map((r) => r.category);
  seen.forEach((c, i) => {
    if (seen.indexOf(c) !== i)
      problems.push({ path: `requiredTraining.${i}.category`, message: "This training is listed twice: give it once, with all the job roles that need it" });
  });
  if (problems.length) throw badRequest("validation", "Some of the mandatory training could not be saved.", problems);
  return inTransaction(ctx, async (tx) => {
    const before = await getWorkforceSettings(tx);
    const values = { standardWeeklyHours: input.standardWeeklyHours, requiredTraining: input.requiredTraining, updatedAt: tx.deps.now() };
    await tx.db
      .insert(workforceSettings)
      .values({ orgId: tx.org.id, ...values })
      .onConflictDoUpdate({ target: workforceSettings.orgId, set: values });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "workforce_settings",
      entityId: tx.org.id,
      before: { standardWeeklyHours: before.standardWeeklyHours, requiredTraining: before.requiredTraining },
      after: { standardWeeklyHours: input.standardWeeklyHours, requiredTraining: input.requiredTraining },
    });
    return getWorkforceSettings(tx);
  });
}
