import type { SettingsInput, SettingsView } from "../../../shared/schemas/social-work-service";
import type { OrgCtx } from "../../context";
import { inTransaction } from "../../context";
import { recordAudit } from "../audit/audit.service";
import * as repo from "./settings.repo";

// The council's social work settings (issue 20): caseload thresholds per service, the ASYE
// protected caseload share, the practice educator payment and the ESG rates. No row: the defaults
// (the same as the table's, so other parts read one answer whether or not it was ever saved).

export const SW_SETTINGS_DEFAULTS: SettingsInput = {
  caseloadThresholdAdults: 20,
  caseloadThresholdChildren: 18,
  asyeProtectionShare: 0.8,
  pePaymentPerStudent: 500,
  esgDailyRate: 20,
  esgSkillsDayRate: 10,
};

const pick = (s: SettingsInput): SettingsInput => ({
  caseloadThresholdAdults: Number(s.caseloadThresholdAdults),
  caseloadThresholdChildren: Number(s.caseloadThresholdChildren),
  asyeProtectionShare: Number(s.asyeProtectionShare),
  pePaymentPerStudent: Number(s.pePaymentPerStudent),
  esgDailyRate: Number(s.esgDailyRate),
  esgSkillsDayRate: Number(s.esgSkillsDayRate),
});

export async function getSettings(ctx: OrgCtx): Promise<SettingsView> {
  const row = await repo.findSettings(ctx.db, ctx.org.id);
  if (!row) return { ...SW_SETTINGS_DEFAULTS, isDefault: true, updatedAt: null };
  return { ...pick(row), isDefault: false, updatedAt: row.updatedAt.toISOString() };
}

export async function saveSettings(ctx: OrgCtx, input: SettingsInput): Promise<SettingsView> {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findSettings(tx.db, tx.org.id);
    await repo.upsertSettings(tx.db, { orgId: tx.org.id, ...input, updatedAt: tx.deps.now() });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: before ? "update" : "create",
      entityType: "sw_settings",
      entityId: tx.org.id,
      before: before ? pick(before) : undefined,
      after: input,
    });
    return getSettings(tx);
  });
}
