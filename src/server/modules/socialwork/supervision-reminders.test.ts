import { and, asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Hub, makeUser, testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";
import { memberships, outbox, swSupervisionReminders, swSupervisions, swTeams } from "../../db/schema";
import { sendSupervisionReminders } from "./supervision-reminders.service";

// The supervision reminder emails (issue 20 item 4): a worker due within 7 days or overdue hears
// once per due date; each team manager gets a digest of their own teams' overdue workers only (the
// lead hears of a team without a manager). Clock: 2026-06-15. Monthly standard by default, so a
// supervision held on 20 May is due on 20 June (due soon) and one held on 1 May was due on 1 June.

const hub = await testHub();

const mailsTo = async (h: Hub, address: string) =>
  h.deps.db.select().from(outbox).where(eq(outbox.toAddress, address)).orderBy(asc(outbox.createdAt));

async function held(orgId: string, staffRecordId: string, heldOn: string) {
  await hub.deps.db.insert(swSupervisions).values({ orgId, staffRecordId, heldOn, type: "reflective", minutes: 90 });
}

describe("supervision reminders", () => {
  it("emails a due-soon and an overdue worker once, and nobody again on a rerun", async () => {
    const a = await socialWorkArea(hub);
    const soonUser = await makeUser(hub, a.council, "staff_member");
    const lateUser = await makeUser(hub, a.council, "staff_member");
    const leftUser = await makeUser(hub, a.council, "staff_member");
    const fineUser = await makeUser(hub, a.council, "staff_member");
    const soon = await a.addWorker({ team: a.teams.childrenA, name: "Sam Soon", userId: soonUser.id });
    const late = await a.addWorker({ team: a.teams.childrenA, name: "Lee Late", userId: lateUser.id });
    // Left last month, never supervised since: overdue by the rule if still counted.
    const left = await a.addWorker({
      team: a.teams.childrenA,
      name: "Lena Left",
      userId: leftUser.id,
      endDate: "2026-05-31",
      leavingReason: 1,
    });
    const fine = await a.addWorker({ team: a.teams.childrenA, name: "Fay Fine", userId: fineUser.id });
    await held(a.council.id, soon.id, "2026-05-20");
    await held(a.council.id, late.id, "2026-05-01");
    await held(a.council.id, left.id, "2026-01-05");
    await held(a.council.id, fine.id, "2026-06-10");

    await sendSupervisionReminders(hub.deps);

    const [toSoon] = await mailsTo(hub, soonUser.email);
    expect(toSoon.subject).toBe("Your supervision is due soon");
    expect(toSoon.body).toContain("is due on 20 June 2026");
    expect(toSoon.body).toContain("Your last supervision was on 20 May 2026.");
    expect(toSoon.body).toContain(`/orgs/${a.council.id}/my-social-work`);
    const [toLate] = await mailsTo(hub, lateUser.email);
    expect(toLate.subject).toBe("Your supervision is overdue");
    expect(toLate.body).toContain("was due on 1 June 2026 and is now overdue");
    expect(await mailsTo(hub, leftUser.email)).toHaveLength(0);
    expect(await mailsTo(hub, fineUser.email)).toHaveLength(0);

    // The rerun (the next hour, or the next day for the overdue) sends nothing new.
    await sendSupervisionReminders(hub.deps);
    hub.clock.now = new Date("2026-06-16T09:00:00Z");
    try {
      await sendSupervisionReminders(hub.deps);
    } finally {
      hub.clock.now = new Date("2026-06-15T09:00:00Z");
    }
    for (const u of [soonUser, lateUser]) expect(await mailsTo(hub, u.email)).toHaveLength(1);
    expect(await mailsTo(hub, a.manager.email)).toHaveLength(1);
    const rows = await hub.deps.db
      .select()
      .from(swSupervisionReminders)
      .where(eq(swSupervisionReminders.orgId, a.council.id));
    expect(rows.map((r) => [r.staffRecordId, r.dueOn, r.audience]).sort()).toEqual(
      [
        [soon.id, "2026-06-20", "worker"],
        [late.id, "2026-06-01", "worker"],
        [late.id, "2026-06-01", "manager"],
      ].sort(),
    );
  });

  it("reminds afresh when a supervision is held and the next falls due", async () => {
    const a = await socialWorkArea(hub);
    const user = await makeUser(hub, a.council, "staff_member");
    const w = await a.addWorker({ team: a.teams.childrenA, name: "Ray Repeat", userId: user.id });
    await held(a.council.id, w.id, "2026-05-20");
    await sendSupervisionReminders(hub.deps);
    await held(a.council.id, w.id, "2026-06-18");
    hub.clock.now = new Date("2026-07-12T09:00:00Z");
    try {
      await sendSupervisionReminders(hub.deps);
    } finally {
      hub.clock.now = new Date("2026-06-15T09:00:00Z");
    }
    const mails = await mailsTo(hub, user.email);
    expect(mails.map((m) => m.body.split("\n")[0])).toEqual([
      expect.stringContaining("is due on 20 June 2026"),
      expect.stringContaining("is due on 18 July 2026"),
    ]);
  });

  it("skips a worker without a personal account, and still tells their manager", async () => {
    const a = await socialWorkArea(hub);
    const w = await a.addWorker({ team: a.teams.childrenA, name: "Nia No-Account" });
    await held(a.council.id, w.id, "2026-05-01");
    const result = await sendSupervisionReminders(hub.deps);
    expect(result.emailed).toBeGreaterThanOrEqual(1);
    const [digest] = await mailsTo(hub, a.manager.email);
    expect(digest.body).toContain("Nia No-Account (Assessment): was due on 1 June 2026, 14 days ago");
    const rows = await hub.deps.db
      .select()
      .from(swSupervisionReminders)
      .where(eq(swSupervisionReminders.staffRecordId, w.id));
    expect(rows.map((r) => r.audience)).toEqual(["manager"]);
  });

  it("gives each manager a digest of their own teams only; the lead hears of a team without one", async () => {
    const a = await socialWorkArea(hub);
    const second = await makeUser(hub, a.council, "sw_manager");
    await hub.deps.db.update(swTeams).set({ managerUserId: second.id }).where(eq(swTeams.id, a.teams.adults.id));
    const mine = await a.addWorker({ team: a.teams.childrenA, name: "Mia Mine" });
    const theirs = await a.addWorker({ team: a.teams.adults, name: "Tom Theirs" });
    const nobodys = await a.addWorker({ team: a.teams.childrenB, name: "Una Unmanaged" });
    const soon = await a.addWorker({ team: a.teams.childrenA, name: "Dee Due-Soon" });
    const elsewhere = await a.addWorker({ team: a.other.team, name: "Olu Other-Council" }, a.other.council.id);
    for (const w of [mine, theirs, nobodys]) await held(a.council.id, w.id, "2026-05-01");
    await held(a.council.id, soon.id, "2026-05-20");
    await held(a.other.council.id, elsewhere.id, "2026-05-01");

    await sendSupervisionReminders(hub.deps);

    const [toManager] = await mailsTo(hub, a.manager.email);
    expect(toManager.subject).toBe("Supervision overdue in your teams");
    expect(toManager.body).toContain("Mia Mine (Assessment)");
    expect(toManager.body).not.toMatch(/Tom Theirs|Una Unmanaged|Dee Due-Soon|Olu Other-Council/);
    expect(toManager.body).toContain(`/orgs/${a.council.id}/social-work/supervision`);
    const [toSecond] = await mailsTo(hub, second.email);
    expect(toSecond.body).toContain("Tom Theirs (Community)");
    expect(toSecond.body).not.toMatch(/Mia Mine|Una Unmanaged|Olu Other-Council/);
    const [toLead] = await mailsTo(hub, a.lead.email);
    expect(toLead.body).toContain("Una Unmanaged (Children in care)");
    expect(toLead.body).not.toMatch(/Mia Mine|Tom Theirs|Olu Other-Council/);
    const [toOtherLead] = await mailsTo(hub, a.other.lead.email);
    expect(toOtherLead.body).toContain("Olu Other-Council (Front door)");
    expect(toOtherLead.body).not.toMatch(/Mia Mine|Tom Theirs|Una Unmanaged/);
  });

  it("sends a manager who lost social work access nothing: the lead hears instead", async () => {
    const a = await socialWorkArea(hub);
    await hub.deps.db
      .update(memberships)
      .set({ role: "council_analyst" })
      .where(and(eq(memberships.userId, a.manager.id), eq(memberships.orgId, a.council.id)));
    const w = await a.addWorker({ team: a.teams.childrenA, name: "Gia Gone-Manager" });
    await held(a.council.id, w.id, "2026-05-01");
    await sendSupervisionReminders(hub.deps);
    expect(await mailsTo(hub, a.manager.email)).toHaveLength(0);
    const [toLead] = await mailsTo(hub, a.lead.email);
    expect(toLead.body).toContain("Gia Gone-Manager (Assessment)");
  });

  it("keeps special category data and identifiers out of the email and the log", async () => {
    const a = await socialWorkArea(hub);
    const user = await makeUser(hub, a.council, "staff_member");
    const w = await a.addWorker({ team: a.teams.childrenA, name: "Pat Private", userId: user.id, ethnicity: 31 });
    await held(a.council.id, w.id, "2026-05-01");
    const before = hub.logLines.length;
    await sendSupervisionReminders(hub.deps);
    const mails = await hub.deps.db
      .select()
      .from(outbox)
      .where(inArray(outbox.toAddress, [user.email, a.manager.email]));
    expect(mails).toHaveLength(2);
    for (const m of mails) expect(m.body).not.toMatch(/SW1\d{5}|1990|ethnic|gender|disab/i);
    const logged = hub.logLines.slice(before).join("\n");
    expect(logged).not.toContain(user.email);
    expect(logged).not.toContain(w.id);
    expect(logged).not.toContain("Pat Private");
  });
});
