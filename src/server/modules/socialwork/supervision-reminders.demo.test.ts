import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemoOnce, testHub } from "../../../../test/harness";
import { outbox } from "../../db/schema";
import { sendSupervisionReminders } from "./supervision-reminders.service";

// The demo's supervision reminders (issue 20 item 4): the demo is seeded with today as its anchor
// and the periodic jobs start with it, so on its first run the outbox holds the Assessment Team
// manager's digest of their overdue workers and the service lead's for the teams without a manager.

const hub = await testHub();
await seedDemoOnce(hub);
hub.clock.now = new Date("2026-11-22T09:00:00Z");

describe("the demo's supervision reminders", () => {
  it("emails the team manager and the lead a digest of the overdue, once", async () => {
    const first = await sendSupervisionReminders(hub.deps);
    expect(first.emailed).toBeGreaterThanOrEqual(2);
    const digests = (to: string) =>
      hub.deps.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.toAddress, to), like(outbox.subject, "Supervision overdue%")));
    const [manager] = await digests("sw.manager@halton.demo.test");
    const managerLines = manager.body.split("\n").filter((l) => l.startsWith("- "));
    expect(managerLines.length).toBeGreaterThanOrEqual(2);
    expect(managerLines.length).toBeLessThanOrEqual(4);
    for (const l of managerLines) expect(l).toContain("(Assessment Team)");
    const [lead] = await digests("sw.lead@halton.demo.test");
    expect(lead.body).not.toContain("(Assessment Team)");
    expect(lead.body.split("\n").filter((l) => l.startsWith("- ")).length).toBeGreaterThanOrEqual(3);

    const again = await sendSupervisionReminders(hub.deps);
    expect(again.emailed).toBe(0);
  });
});
