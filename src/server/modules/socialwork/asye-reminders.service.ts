import { longDate, todayIso } from "../../../shared/dates";
import { ASYE_STAGE_LABELS, type AsyeStage } from "../../../shared/social-work";
import { asyeReminders } from "../../../shared/sw-asye";
import { type Deps, inTransaction, systemCtx } from "../../context";
import { oneLine, queueEmail } from "../mail/mail.service";
import * as repo from "./asye-reminders.repo";

// The daily ASYE reminder (issue 20 item 3): each review due within 14 days or overdue is emailed
// once to the team manager (the council's service leads when the team has none), grouped into one
// email per person per run. A review is reminded once per due date (an extension's new final is
// reminded again); recording it takes it off the list. Run hourly by the periodic job lane, so a
// review that falls due is reminded within the hour its day begins.

export async function sendAsyeReminders(deps: Deps) {
  const ctx = systemCtx(deps);
  const today = todayIso(deps.now());
  return inTransaction(ctx, async (tx) => {
    const asyes = await repo.openAsyes(tx.db);
    const ids = asyes.map((a) => a.id);
    const reviews = await repo.reviewsOf(tx.db, ids);
    const sent = await repo.sentReminders(tx.db, ids);
    const due = asyes.flatMap((a) =>
      asyeReminders({ ...a, reviews: reviews.filter((r) => r.asyeId === a.id) }, today)
        .filter((s) => !sent.has(`${a.id}|${s.stage}|${s.due}`))
        .map((s) => ({ a, stage: s.stage as AsyeStage, due: s.due, state: s.state })),
    );
    if (!due.length) return { emailed: 0, reminded: 0 };
    // Who hears of each: the team's manager, else the council's leads.
    const leads = new Map<string, string[]>();
    const byUser = new Map<string, { orgId: string; orgName: string; items: typeof due }>();
    for (const d of due) {
      let to = d.a.managerUserId ? [d.a.managerUserId] : leads.get(d.a.orgId);
      if (!to) {
        to = await repo.leadUserIds(tx.db, d.a.orgId);
        leads.set(d.a.orgId, to);
      }
      for (const userId of to) {
        const key = `${userId}|${d.a.orgId}`;
        const entry = byUser.get(key) ?? { orgId: d.a.orgId, orgName: d.a.orgName, items: [] };
        entry.items.push(d);
        byUser.set(key, entry);
      }
    }
    const emails = await repo.emailsOf(tx.db, [...new Set([...byUser.keys()].map((k) => k.split("|")[0]))]);
    let emailed = 0;
    for (const [key, entry] of [...byUser].sort(([x], [y]) => x.localeCompare(y))) {
      const to = emails.get(key.split("|")[0]);
      if (!to) continue;
      await queueEmail(tx, {
        to,
        template: "asye_review_reminder",
        subject: "ASYE reviews due or overdue",
        body: [
          `These ASYE reviews at ${oneLine(entry.orgName)} are due in the next 14 days or overdue:`,
          "",
          ...entry.items.map(
            (d) =>
              `- ${oneLine(d.a.workerName)} (${oneLine(d.a.teamName)}): ${ASYE_STAGE_LABELS[d.stage]} ${d.state === "overdue" ? "was due" : "is due"} on ${longDate(d.due)}`,
          ),
          "",
          `Record each review once it is held: ${deps.env.PUBLIC_URL}/orgs/${entry.orgId}/social-work/asye`,
        ].join("\n"),
      });
      emailed++;
    }
    await repo.insertReminders(
      tx.db,
      due.map((d) => ({ orgId: d.a.orgId, asyeId: d.a.id, stage: d.stage, dueOn: d.due })),
    );
    return { emailed, reminded: due.length };
  });
}
