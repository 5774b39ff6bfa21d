import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { lastEmailTo, testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";
import { outbox, swAsye, swAsyeReminders } from "../../db/schema";
import { sendAsyeReminders } from "./asye-reminders.service";

// The ASYE reminder email (issue 20 item 3): the team manager hears once of each review due within
// 14 days or overdue; a team without a manager's reviews go to the service lead. Clock: 2026-06-15.

const hub = await testHub();

describe("ASYE reminders", () => {
  it("emails the manager once per review, and the lead for a team without a manager", async () => {
    const a = await socialWorkArea(hub);
    const ours = await a.addWorker({
      team: a.teams.childrenA,
      role: "asye_social_worker",
      startDate: "2026-03-10",
      name: "Ava Overdue",
    });
    const later = await a.addWorker({
      team: a.teams.childrenA,
      role: "asye_social_worker",
      startDate: "2026-05-01",
      name: "Not Yet",
    });
    const unmanaged = await a.addWorker({
      team: a.teams.childrenB,
      role: "asye_social_worker",
      startDate: "2026-03-25",
      name: "Ben Due",
    });
    for (const w of [ours, later, unmanaged])
      await hub.deps.db
        .insert(swAsye)
        .values({ orgId: a.council.id, staffRecordId: w.id, service: "children", startDate: w.startDate });

    await sendAsyeReminders(hub.deps);
    const toManager = await lastEmailTo(hub, a.manager.email);
    expect(toManager?.body).toContain("Ava Overdue (Assessment): 3-month review was due on 10 June 2026");
    expect(toManager?.body).not.toMatch(/Not Yet|Ben Due/);
    const toLead = await lastEmailTo(hub, a.lead.email);
    expect(toLead?.body).toContain("Ben Due (Children in care): 3-month review is due on 25 June 2026");

    // Reminded once: a second run sends nothing more.
    await sendAsyeReminders(hub.deps);
    const mails = await hub.deps.db.select().from(outbox).where(eq(outbox.toAddress, a.manager.email));
    expect(mails).toHaveLength(1);
    const asyeIds = (await hub.deps.db.select().from(swAsye).where(eq(swAsye.orgId, a.council.id))).map((x) => x.id);
    const rows = await hub.deps.db
      .select()
      .from(swAsyeReminders)
      .where(and(eq(swAsyeReminders.orgId, a.council.id)));
    expect(rows.map((r) => [r.stage, r.dueOn]).sort()).toEqual([
      ["3_month", "2026-06-10"],
      ["3_month", "2026-06-25"],
    ]);
    expect(rows.every((r) => asyeIds.includes(r.asyeId))).toBe(true);
  });
});
