import { applicationEvents, applications, staffRecords } from "../src/server/db/schema";
import { commissionProvider } from "../src/server/modules/orgs/orgs.service";
import { insertAdvert } from "./board-helpers";
import { type Hub, makeOrg, uniq } from "./harness";

// Applications written straight to the tables for the recruitment funnel's tests (the funnel
// reads what the applicant tracking writes: applications, their stage events, the staff record
// a start became, advert views).

type Stage = "applied" | "screened" | "interview" | "offer" | "checks" | "started" | "withdrawn" | "rejected";

export function funnelFixtures(hub: Hub) {
  const db = hub.deps.db;
  async function employer(councilId: string, name: string) {
    const org = await makeOrg(hub, "provider", `${name} ${uniq()}`);
    await commissionProvider(hub.ctx, { councilId, providerId: org.id, fromDate: "2020-01-01" });
    return org;
  }

  /** A published advert closing at the end of 2026, on a vacancy open since January 2024. */
  const advert = (org: { id: string }, councilId: string, jobRole = 8) =>
    insertAdvert(
      hub,
      { councilId, orgId: org.id },
      { jobRole, openedOn: "2024-01-01", payMinPence: 1300, closingDate: "2026-12-31" },
    );

  /** An application made on `on`, moved through `path` a day apart; a start makes a staff record from `start` to `end`. */
  async function apply(
    ad: Awaited<ReturnType<typeof advert>>,
    on: string,
    path: Stage[],
    opts: { source?: string; campaignId?: string; start?: string; end?: string } = {},
  ) {
    const stage = path[path.length - 1] ?? "applied";
    let staffRecordId: string | null = null;
    if (opts.start) {
      const [s] = await db
        .insert(staffRecords)
        .values({
          orgId: ad.orgId,
          workplaceId: ad.workplaceId,
          localRef: `S${uniq()}`,
          displayId: "Hire",
          contractType: 1,
          mainJobRole: ad.jobRole,
          startDate: opts.start,
          endDate: opts.end ?? null,
        })
        .returning();
      staffRecordId = s.id;
    }
    const [app] = await db
      .insert(applications)
      .values({
        advertId: ad.id,
        orgId: ad.orgId,
        councilId: ad.councilId,
        name: "Candidate",
        email: `c-${uniq()}@example.test`,
        stage,
        source: opts.source ?? "board",
        campaignId: opts.campaignId ?? null,
        submittedAt: new Date(`${on}T10:00:00Z`),
        staffRecordId,
        startedOn: opts.start ?? null,
      })
      .returning();
    const at = (i: number) => new Date(Date.parse(`${on}T10:00:00Z`) + i * 86_400_000);
    await db.insert(applicationEvents).values([
      { applicationId: app.id, orgId: ad.orgId, fromStage: null, toStage: "applied", at: at(0) },
      ...path.map((s, i) => ({
        applicationId: app.id,
        orgId: ad.orgId,
        fromStage: i ? path[i - 1] : "applied",
        toStage: s,
        at: at(i + 1),
      })),
    ]);
    return app;
  }

  const FULL: Stage[] = ["screened", "interview", "offer", "checks", "started"];
  return { employer, advert, apply, FULL };
}
