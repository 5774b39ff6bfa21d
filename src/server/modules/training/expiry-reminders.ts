import { TRAINING_CATEGORY_LABELS } from "../../../shared/ascwds/codes";
import { longDate, longDateTime, todayIso } from "../../../shared/dates";
import type { OrgKind } from "../../../shared/permissions";
import { EXPIRY_REMINDER_DAYS } from "../../../shared/training";
import { type Deps, inTransaction, type OrgCtx, systemCtx } from "../../context";
import { oneLine, queueEmail } from "../mail/mail.service";
import { listAdminEmails } from "./attendance.repo";
import * as repo from "./matrix.repo";
import { buildRows, suggestSessions } from "./matrix.service";

// Reminders before required training expires (issue 18 item 5): 60 and 30 days before a
// person's best record in a category their employer requires runs out, the person (when they
// have a personal account) and the employer's admins are emailed once for each threshold, with
// a suggested session that has places. A record first seen within 30 days gets the 30-day
// reminder only (the 60-day one is marked as passed), so nobody gets two in a row. Cells come
// from the matrix's own rule, so a record already replaced by a newer one reminds no one.

const DAY = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const daysUntil = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

export async function sendExpiryReminders(deps: Deps) {
  const ctx = systemCtx(deps);
  const day = todayIso(deps.now());
  const thresholds = [...EXPIRY_REMINDER_DAYS].sort((a, b) => b - a); // 60, 30
  const last = thresholds[thresholds.length - 1];
  const orgIds = await repo.listOrgsWithExpiringRecords(ctx.db, day, addDays(day, thresholds[0]), last);
  let emailed = 0;
  for (const orgId of orgIds) {
    const org = await repo.findOrgRef(ctx.db, orgId);
    if (!org) continue;
    const orgCtx: OrgCtx = { ...ctx, org: { ...org, kind: org.kind as OrgKind }, role: null };
    emailed += await inTransaction(orgCtx, (tx) => remindOrg(tx, day, thresholds));
  }
  return { employers: orgIds.length, emailed };
}

async function remindOrg(ctx: OrgCtx, day: string, thresholds: number[]) {
  const required = await repo.findRequiredTraining(ctx.db, [ctx.org.id]);
  const staff = await repo.listStaffInPost(ctx.db, [ctx.org.id], day);
  const categories = [...new Set([...required.values()].flat().map((r) => r.category))];
  const records = await repo.listHeldRecords(ctx.db, [ctx.org.id], day, categories);
  const { rows } = buildRows(staff, required, records, day);
  const due = rows.flatMap((r) =>
    r.cells.flatMap((c) => {
      if (c.state !== "expiring" || !c.recordId || !c.expiresOn) return [];
      const left = daysUntil(day, c.expiresOn);
      const threshold = thresholds.filter((t) => left <= t).at(-1);
      return threshold === undefined ? [] : [{ row: r, cell: c, recordId: c.recordId, left, threshold }];
    }),
  );
  const sent = await repo.listSentReminders(
    ctx.db,
    due.map((d) => d.recordId),
  );
  const now = due.filter((d) => !sent.has(`${d.recordId}:${d.threshold}`));
  if (!now.length) return 0;
  const suggestions = new Map(
    (await suggestSessions(ctx, [...new Set(now.map((d) => d.cell.category))], day)).map((s) => [s.category, s]),
  );
  const line = (d: (typeof now)[number]) => {
    const s = suggestions.get(d.cell.category);
    return `- ${TRAINING_CATEGORY_LABELS[d.cell.category] ?? `Category ${d.cell.category}`} expires on ${longDate(d.cell.expiresOn)}${
      s
        ? `. Next session with places: ${oneLine(s.courseTitle)}, ${longDateTime(s.startsAt)}${s.venue ? `, ${oneLine(s.venue)}` : ""}`
        : ""
    }`;
  };
  let emailed = 0;
  for (const to of await listAdminEmails(ctx.db, ctx.org.id)) {
    await queueEmail(ctx, {
      to,
      template: "training_expiry_managers",
      subject: "Required training is expiring soon",
      body: [
        "Training your organisation requires is expiring soon for these people:",
        "",
        ...now.map((d) => `${oneLine(d.row.name)} (${oneLine(d.row.workplace)}) ${line(d).slice(2)}`),
        "",
        `See everyone's training in the training matrix: ${ctx.deps.env.PUBLIC_URL}/orgs/${ctx.org.id}/training/matrix`,
      ].join("\n"),
    });
    emailed++;
  }
  const emails = await repo.listUserEmails(ctx.db, [
    ...new Set(now.flatMap((d) => (d.row.userId ? [d.row.userId] : []))),
  ]);
  for (const [userId, to] of [...emails].sort(([a], [b]) => a.localeCompare(b))) {
    const mine = now.filter((d) => d.row.userId === userId);
    await queueEmail(ctx, {
      to,
      template: "training_expiry_staff",
      subject: "Your training is expiring soon",
      body: [
        `Training ${oneLine(ctx.org.name)} requires for your role is expiring soon:`,
        "",
        ...mine.map(line),
        "",
        "Ask your manager to book you on a session.",
      ].join("\n"),
    });
    emailed++;
  }
  // The reminder due now, and any earlier one it stands in for.
  await repo.insertExpiryReminders(
    ctx.db,
    now.flatMap((d) =>
      thresholds
        .filter((t) => t >= d.threshold)
        .map((t) => ({ trainingRecordId: d.recordId, orgId: ctx.org.id, daysBefore: t })),
    ),
  );
  return emailed;
}
