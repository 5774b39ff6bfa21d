import { todayIso } from "../../../shared/dates";
import { can, type Role } from "../../../shared/permissions";
import { type Ctx, type Deps, inTransaction, systemCtx } from "../../context";
import { queueEmail } from "../mail/mail.service";
import { emailsOf, leadUserIds } from "./asye-reminders.repo";
import { type SupervisionStatus, statusesOfTeams } from "./supervision.service";
import { type DigestLine, managerDigestEmail, workerReminderEmail } from "./supervision-reminders.emails";
import * as repo from "./supervision-reminders.repo";

// The supervision reminder emails (issue 20 item 4, "overdue alerts to the worker and manager"):
// a worker in post whose supervision is due within 7 days or overdue is emailed once for that due
// date, when their staff record has a personal account; each team manager gets one digest of the
// workers in the teams they manage who are newly overdue (the council's service leads for a team
// without a manager, or whose manager no longer has social work access there). Due and overdue are
// statusesOfTeams's (shared/sw-supervision.ts), the same as the supervision page and the home
// page's alerts. Holding a supervision moves the due date, so the next one is reminded afresh.
// Run hourly by the periodic job lane: a reminder goes out within the hour its day begins and
// later runs that day find it already sent (sw_supervision_reminders). The hub has no email
// preferences for its members (only job seekers' alerts are opt-in), so there is none to respect.

export async function sendSupervisionReminders(deps: Deps) {
  const ctx = systemCtx(deps);
  const day = todayIso(deps.now());
  const councils = new Map<string, { orgName: string; teams: { id: string; managerUserId: string | null }[] }>();
  for (const t of await repo.currentTeams(ctx.db)) {
    const c = councils.get(t.orgId) ?? { orgName: t.orgName, teams: [] };
    c.teams.push({ id: t.id, managerUserId: t.managerUserId });
    councils.set(t.orgId, c);
  }
  let emailed = 0;
  let reminded = 0;
  // One transaction per council: a council whose run fails does not hold back the others' emails.
  for (const [orgId, c] of councils) {
    const r = await inTransaction(ctx, (tx) => remindCouncil(tx, { orgId, ...c }, day));
    emailed += r.emailed;
    reminded += r.reminded;
  }
  return { councils: councils.size, emailed, reminded };
}

type Council = { orgId: string; orgName: string; teams: { id: string; managerUserId: string | null }[] };
type Due = SupervisionStatus & { state: "overdue" | "due_soon" };

async function remindCouncil(ctx: Ctx, council: Council, day: string) {
  const { workers, statuses } = await statusesOfTeams(
    ctx,
    council.orgId,
    council.teams.map((t) => t.id),
    day,
  );
  const due = statuses.filter((s): s is Due => s.state !== "ok");
  if (!due.length) return { emailed: 0, reminded: 0 };
  const userOf = new Map(workers.map((w) => [w.staffRecordId, w.userId]));
  const toWorkers = await remindWorkers(ctx, council, due, userOf);
  const toManagers = await remindManagers(
    ctx,
    council,
    due.filter((s) => s.state === "overdue"),
  );
  return { emailed: toWorkers.emailed + toManagers.emailed, reminded: toWorkers.reminded + toManagers.reminded };
}

/** Each worker with a personal account, once per due date. */
async function remindWorkers(ctx: Ctx, council: Council, due: Due[], userOf: Map<string, string | null>) {
  const emails = await emailsOf(ctx.db, [...new Set(due.flatMap((s) => userOf.get(s.staffRecordId) ?? []))]);
  const reachable = due.filter((s) => emails.has(userOf.get(s.staffRecordId) ?? ""));
  const claimed = await repo.claimReminders(
    ctx.db,
    reachable.map((s) => ({
      orgId: council.orgId,
      staffRecordId: s.staffRecordId,
      dueOn: s.dueOn,
      audience: "worker",
    })),
  );
  let emailed = 0;
  for (const s of reachable) {
    if (!claimed.has(`${s.staffRecordId}|${s.dueOn}|worker`)) continue;
    const to = emails.get(userOf.get(s.staffRecordId) ?? "");
    if (!to) continue;
    const mail = workerReminderEmail(
      { orgId: council.orgId, orgName: council.orgName, dueOn: s.dueOn, lastHeld: s.lastHeld, state: s.state },
      ctx.deps.env.PUBLIC_URL,
    );
    await queueEmail(ctx, { to, ...mail });
    emailed++;
  }
  return { emailed, reminded: claimed.size };
}

/** One digest per manager (or lead) of the workers newly overdue in the teams they hear of. */
async function remindManagers(ctx: Ctx, council: Council, overdue: Due[]) {
  if (!overdue.length) return { emailed: 0, reminded: 0 };
  const recipientsOf = await teamRecipients(ctx, council);
  const emails = await emailsOf(ctx.db, [...new Set([...recipientsOf.values()].flat())]);
  const heard = overdue.filter((s) => (recipientsOf.get(s.teamId) ?? []).some((u) => emails.has(u)));
  const claimed = await repo.claimReminders(
    ctx.db,
    heard.map((s) => ({
      orgId: council.orgId,
      staffRecordId: s.staffRecordId,
      dueOn: s.dueOn,
      audience: "manager",
    })),
  );
  const linesOf = new Map<string, DigestLine[]>();
  for (const s of heard) {
    if (!claimed.has(`${s.staffRecordId}|${s.dueOn}|manager`)) continue;
    for (const userId of recipientsOf.get(s.teamId) ?? []) {
      const lines = linesOf.get(userId) ?? [];
      lines.push({ name: s.name, teamName: s.teamName, dueOn: s.dueOn, daysOverdue: s.daysOverdue });
      linesOf.set(userId, lines);
    }
  }
  let emailed = 0;
  for (const [userId, lines] of [...linesOf].sort(([a], [b]) => a.localeCompare(b))) {
    const to = emails.get(userId);
    if (!to) continue;
    lines.sort((a, b) => b.daysOverdue - a.daysOverdue || a.name.localeCompare(b.name));
    const mail = managerDigestEmail({ orgId: council.orgId, orgName: council.orgName, lines }, ctx.deps.env.PUBLIC_URL);
    await queueEmail(ctx, { to, ...mail });
    emailed++;
  }
  return { emailed, reminded: claimed.size };
}

/**
 * Who hears of each team's overdue supervisions: its manager while they still have social work
 * access in the council (the same permission that shows them the team's page), else the leads.
 */
async function teamRecipients(ctx: Ctx, council: Council) {
  const managers = [...new Set(council.teams.flatMap((t) => t.managerUserId ?? []))];
  const roles = await repo.rolesIn(ctx.db, council.orgId, managers);
  const mayView = (userId: string) => can(roles.get(userId) as Role | undefined, "socialwork.view");
  let leads: string[] | null = null;
  const out = new Map<string, string[]>();
  for (const t of council.teams) {
    if (t.managerUserId && mayView(t.managerUserId)) out.set(t.id, [t.managerUserId]);
    else {
      leads ??= await leadUserIds(ctx.db, council.orgId);
      out.set(t.id, leads);
    }
  }
  return out;
}
