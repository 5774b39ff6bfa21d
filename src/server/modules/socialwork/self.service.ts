import type { MyRecord } from "../../../shared/schemas/social-work-service";
import { type SwRole, type SwService, swRoleLabel } from "../../../shared/social-work";
import type { Ctx } from "../../context";
import { isoDate } from "../../lib/time";
import { alertsOf } from "./registration.service";
import * as repo from "./self.repo";
import { presentProfile } from "./workers.presenter";

// A worker's own social work records (issue 20): every staff record their personal account holds
// that has a social work profile, at any employer, with the registration and warrants and alerts.

export async function mySocialWork(ctx: Ctx): Promise<MyRecord[]> {
  if (!ctx.actor.userId) return [];
  const day = isoDate(ctx.deps.now());
  return (await repo.myRecords(ctx.db, ctx.actor.userId)).map((r) => ({
    staffRecordId: r.id,
    employer: { id: r.employerId, name: r.employerName },
    teamName: r.teamName,
    service: r.service as SwService,
    role: r.profile.role as SwRole,
    roleLabel: swRoleLabel(r.profile.role),
    startDate: r.startDate,
    endDate: r.endDate,
    profile: presentProfile(r.profile),
    alerts: alertsOf(r.profile, r, day),
  }));
}
