import { isOpenAsye } from "../../../shared/sw-asye";
import { inPostOn, leftBy } from "../../../shared/sw-in-post";
import type { Ctx, OrgCtx } from "../../context";
import { visibleTeamIds } from "./access";
import { listAsyes, myAsyes } from "./asye.service";
import { alertsOf } from "./registration.service";
import { mySocialWork } from "./self.service";
import { workersOfUser } from "./supervision.repo";
import { statusesOfTeams, today } from "./supervision.service";
import { listWorkerRows } from "./workers.service";

// Social work alerts on people's home pages (issue 20 items 3 and 4). Nothing is worked out here:
// each part's own service says what is overdue or due (supervision: sw-supervision.ts through
// statusesOfTeams; ASYE reviews: sw-asye.ts's asyeReminders through listAsyes; registration:
// sw-registration.ts through alertsOf), so the home page says what those parts' pages say.
// Whose records count is access.ts's to say (visibleTeamIds).

/** What needs attention in the teams the acting user sees, today. */
export async function teamAlerts(ctx: OrgCtx) {
  const day = today(ctx);
  const teamIds = await visibleTeamIds(ctx);
  const { statuses } = await statusesOfTeams(ctx, ctx.org.id, teamIds, day);
  const asye = await listAsyes(ctx, { show: "current" });
  const registration = (await listWorkerRows(ctx, teamIds, {}))
    .map((w) => ({ staffRecordId: w.id, name: w.name, teamName: w.teamName, alerts: alertsOf(w.profile, w, day) }))
    .filter((w) => w.alerts.length > 0);
  return { day, supervision: statuses, asyeDue: asye.due, registration };
}
export type TeamAlerts = Awaited<ReturnType<typeof teamAlerts>>;

/** What needs attention in the signed-in worker's own social work records (current ones), today. */
export async function myAlerts(ctx: Ctx) {
  const day = today(ctx);
  const records = (await mySocialWork(ctx)).filter((r) => inPostOn(r, day));
  const current = new Set(records.map((r) => r.staffRecordId));
  const employerOf = new Map(records.map((r) => [r.staffRecordId, r.employer]));
  const supervision = [];
  for (const w of ctx.actor.userId ? await workersOfUser(ctx.db, ctx.actor.userId) : []) {
    if (!current.has(w.staffRecordId)) continue;
    const { statuses } = await statusesOfTeams(ctx, w.orgId, [w.teamId], day);
    const mine = statuses.find((s) => s.staffRecordId === w.staffRecordId);
    if (mine) supervision.push({ ...mine, employer: employerOf.get(w.staffRecordId) ?? { id: w.orgId, name: "" } });
  }
  const asye = (await myAsyes(ctx)).asyes
    .filter((a) => isOpenAsye(a.status) && current.has(a.worker.staffRecordId) && !leftBy({ endDate: a.leftOn }, day))
    .flatMap((a) =>
      a.stages
        .filter((s) => s.state === "due" || s.state === "overdue")
        .map((s) => ({ ...s, employer: a.organisation })),
    );
  const registration = records.flatMap((r) => r.alerts.map((alert) => ({ ...alert, employer: r.employer })));
  return { day, supervision, asye, registration };
}
export type MyAlerts = Awaited<ReturnType<typeof myAlerts>>;
