import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemoOnce, signedIn, testHub } from "../../../../test/harness";
import { commissioning, exitInterviews, organisations, staffRecords, swStaff } from "../../db/schema";

// The demo's progression, development reviews and exit interviews (issue 20 items 6, 9) at the
// anchor (22 November 2026): the scheme's six steps, cases in every state (approved ones for
// workers now at the step's grade, submitted ones before a panel 2–5 weeks ahead), reviews for
// most in-post workers in the last year, and exit interviews answered at the council and at three
// of its providers, so the collated reasons show counts.

const hub = await testHub();
await seedDemoOnce(hub);
hub.clock.now = new Date("2026-11-22T09:00:00Z");
const anchor = "2026-11-22";

describe("the demo's progression and exit interviews", async () => {
  const [council] = await hub.deps.db.select().from(organisations).where(eq(organisations.slug, "halton"));
  const base = `/api/orgs/${council.id}/social-work`;
  const lead = await signedIn(hub, "sw.lead@halton.demo.test", "demo-password-2026");

  it("has a scheme of six steps and cases in each state", async () => {
    const { steps } = (await lead.get(`${base}/progression/steps`)).json;
    expect(steps).toHaveLength(6);
    expect(steps.filter((s: { automatic: boolean }) => s.automatic)).toHaveLength(2);
    for (const s of steps.filter((x: { automatic: boolean }) => !x.automatic)) expect(s.minMonthsInGrade).toBe(24);

    const cases = (await lead.get(`${base}/progression/cases`)).json.cases as {
      staffRecordId: string;
      status: string;
      toGrade: string;
      fromGrade: string;
      panelDate: string | null;
      decidedOn: string | null;
    }[];
    const panel = cases.filter((c) => c.fromGrade !== "Grade 6");
    const count = (s: string) => panel.filter((c) => c.status === s).length;
    expect(count("approved")).toBeGreaterThanOrEqual(3);
    expect(count("deferred")).toBe(1);
    expect(count("declined")).toBe(1);
    expect(count("preparing")).toBe(3);
    expect(count("submitted")).toBe(2);
    // The automatic step approved for those who passed the ASYE.
    expect(cases.filter((c) => c.fromGrade === "Grade 6" && c.status === "approved").length).toBeGreaterThan(2);
    // Decided in the last two years; submitted ones before a panel 2–5 weeks after the anchor.
    for (const c of panel.filter((x) => x.decidedOn)) {
      expect(Date.parse(c.decidedOn as string)).toBeLessThan(Date.parse(anchor));
      expect(Date.parse(c.decidedOn as string)).toBeGreaterThan(Date.parse("2024-11-22"));
    }
    for (const c of panel.filter((x) => x.status === "submitted")) {
      expect(Date.parse(c.panelDate as string)).toBeGreaterThanOrEqual(Date.parse("2026-12-06"));
      expect(Date.parse(c.panelDate as string)).toBeLessThanOrEqual(Date.parse("2026-12-27"));
    }
    // Approved workers hold the step's "to" grade now; submitted ones are eligible today.
    for (const c of panel.filter((x) => x.status === "approved")) {
      const [p] = await hub.deps.db.select().from(swStaff).where(eq(swStaff.staffRecordId, c.staffRecordId));
      expect(p.grade).toBe(c.toGrade);
    }
    for (const c of panel.filter((x) => x.status === "submitted")) {
      const w = (await lead.get(`${base}/workers/${c.staffRecordId}/progression`)).json;
      expect(w.eligibility).toMatchObject({ eligible: true, reasons: [] });
    }
  });

  it("has development reviews for about 85% of in-post workers in the last year, the rest overdue", async () => {
    const due = (await lead.get(`${base}/development-reviews/due`)).json.workers as { status: string }[];
    const inPost = await hub.deps.db
      .select({ id: swStaff.staffRecordId, endDate: staffRecords.endDate, startDate: staffRecords.startDate })
      .from(swStaff)
      .innerJoin(staffRecords, eq(staffRecords.id, swStaff.staffRecordId))
      .where(eq(swStaff.orgId, council.id));
    const n = inPost.filter((r) => r.startDate <= anchor && (r.endDate === null || r.endDate > anchor)).length;
    const overdue = due.filter((d) => d.status === "overdue").length;
    const never = due.filter((d) => d.status === "never").length;
    expect(overdue).toBeGreaterThan(n * 0.08);
    expect(overdue).toBeLessThan(n * 0.22);
    // Only those in post under three months have never had one.
    expect(never).toBeLessThan(n * 0.06);
  });

  it("has exit interviews answered at the council and three providers, and the collated reasons show counts", async () => {
    // The council's social work leavers (its other workplaces' leavers are not part of the demo's offers).
    const sw = new Set(
      (await hub.deps.db.select({ id: swStaff.staffRecordId }).from(swStaff).where(eq(swStaff.orgId, council.id))).map(
        (r) => r.id,
      ),
    );
    const all = (await lead.get(`/api/orgs/${council.id}/exit-interviews/leavers`)).json.leavers as {
      staffRecordId: string;
      status: string;
      sharedComments: string | null;
    }[];
    const leavers = all.filter((l) => sw.has(l.staffRecordId));
    const count = (s: string) => leavers.filter((l) => l.status === s).length;
    expect(count("answered")).toBeGreaterThan(leavers.length * 0.35);
    expect(count("answered")).toBeLessThan(leavers.length * 0.65);
    expect(count("declined")).toBeGreaterThan(0);
    expect(count("expired")).toBeGreaterThan(0);
    expect(count("not_offered")).toBeGreaterThan(0);
    expect(leavers.some((l) => l.sharedComments)).toBe(true);

    const providers = (
      await hub.deps.db
        .selectDistinct({ id: commissioning.providerId })
        .from(commissioning)
        .where(eq(commissioning.councilId, council.id))
    ).map((p) => p.id);
    const answered = await hub.deps.db
      .select({ orgId: exitInterviews.orgId })
      .from(exitInterviews)
      .where(and(inArray(exitInterviews.orgId, providers), isNotNull(exitInterviews.completedOn)));
    expect(new Set(answered.map((a) => a.orgId)).size).toBeGreaterThanOrEqual(3);

    const reasons = (await lead.get(`/api/orgs/${council.id}/exit-interviews/reasons`)).json;
    const group = (key: string) => reasons.groups.find((g: { key: string }) => g.key === key);
    for (const key of ["service:children", "service:adults", "providers"]) {
      expect(group(key).answered, key).toBeGreaterThanOrEqual(5);
    }
    const caseload = group("service:children").reasons.find((r: { key: string }) => r.key === "caseload");
    expect(caseload).toMatchObject({ withheld: false });
    expect(caseload.count).toBeGreaterThanOrEqual(5);
  });
});
