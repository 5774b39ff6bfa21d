import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, staffRecords, vacancies, workplaces } from "../src/server/db/schema";
import { createImport } from "../src/server/modules/imports/imports.service";
import { createInvitation } from "../src/server/modules/users/users.service";
import { ADMIN_ROLE_BY_KIND, ORG_KINDS, type OrgKind } from "../src/shared/permissions";
import { Client, makeOrg, makeSystem, makeUser, signedIn, testHub, uniq } from "./harness";
import { CASES as boardCases } from "./tenancy-cases/board";
import { CASES as candidateCases } from "./tenancy-cases/candidate";
import { CASES as commissioningComplianceCases } from "./tenancy-cases/commissioning-compliance";
import { CASES as commissioningContractCases } from "./tenancy-cases/commissioning-contracts";
import { CASES as commissioningMonitoringCases } from "./tenancy-cases/commissioning-monitoring";
import { CASES as commissioningOverviewCases } from "./tenancy-cases/commissioning-overview";
import { CASES as commissioningPriceFloorCases } from "./tenancy-cases/commissioning-price-floor";
import { CASES as commissioningQppCases } from "./tenancy-cases/commissioning-qpp";
import { CASES as employerCases } from "./tenancy-cases/employer";
import { CASES as hubCases } from "./tenancy-cases/hub";
import { CASES as swAgencyCases } from "./tenancy-cases/sw-agency";
import { CASES as swAlertsCases } from "./tenancy-cases/sw-alerts";
import { CASES as swAsyeCases } from "./tenancy-cases/sw-asye";
import { CASES as swCensusCases } from "./tenancy-cases/sw-census";
import { CASES as swExitInterviewsCases } from "./tenancy-cases/sw-exit-interviews";
import { CASES as swFiguresCases } from "./tenancy-cases/sw-figures";
import { CASES as swProgressionCases } from "./tenancy-cases/sw-progression";
import { CASES as swRoutesInCases } from "./tenancy-cases/sw-routes-in";
import { CASES as swServiceCases } from "./tenancy-cases/sw-service";
import { CASES as swSupervisionCases } from "./tenancy-cases/sw-supervision";
import { CASES as trainingApprenticeshipCases } from "./tenancy-cases/training-apprenticeships";
import { CASES as trainingBookingCases } from "./tenancy-cases/training-bookings";
import { CASES as trainingCatalogueCases } from "./tenancy-cases/training-catalogue";
import { CASES as trainingDeliveryCases } from "./tenancy-cases/training-delivery";
import { CASES as trainingHubCases } from "./tenancy-cases/training-hub";
import type { Ids, TenancyCases } from "./tenancy-cases/types";

// Every organisation-scoped route needs a case here. A new route without one fails the
// "covers every route" test, so nobody can add a route that skips the isolation check.
// Joint recruitment's and shared training's cases are in test/tenancy-cases/, one file per part.
const CASES: TenancyCases = {
  ...boardCases,
  ...employerCases,
  ...candidateCases,
  ...hubCases,
  ...trainingCatalogueCases,
  ...trainingBookingCases,
  ...trainingDeliveryCases,
  ...trainingApprenticeshipCases,
  ...trainingHubCases,
  ...commissioningContractCases,
  ...commissioningComplianceCases,
  ...commissioningMonitoringCases,
  ...commissioningOverviewCases,
  ...commissioningPriceFloorCases,
  ...commissioningQppCases,
  ...swServiceCases,
  ...swRoutesInCases,
  ...swAsyeCases,
  ...swSupervisionCases,
  ...swProgressionCases,
  ...swExitInterviewsCases,
  ...swAgencyCases,
  ...swCensusCases,
  ...swAlertsCases,
  ...swFiguresCases,
  "get /api/orgs/:orgId": {},
  "get /api/orgs/:orgId/providers": {},
  "post /api/orgs/:orgId/providers": {
    body: () => ({ name: `Intruder Care ${uniq()}`, adminEmail: `intruder-${uniq()}@example.test` }),
  },
  "get /api/orgs/:orgId/audit": {},
  "get /api/orgs/:orgId/users": {},
  "post /api/orgs/:orgId/invitations": {
    body: () => ({ email: `intruder-${uniq()}@example.test`, role: "provider_viewer" }),
  },
  "delete /api/orgs/:orgId/invitations/:invitationId": { params: (ids) => ({ invitationId: ids.invitationId }) },
  "patch /api/orgs/:orgId/members/:membershipId": {
    params: (ids) => ({ membershipId: ids.membershipId }),
    body: () => ({ role: "provider_viewer" }),
  },
  "delete /api/orgs/:orgId/members/:membershipId": { params: (ids) => ({ membershipId: ids.membershipId }) },
  "post /api/orgs/:orgId/imports": {},
  "get /api/orgs/:orgId/imports": {},
  "get /api/orgs/:orgId/imports/:importId": { params: (ids) => ({ importId: ids.importId }) },
  "delete /api/orgs/:orgId/imports/:importId": { params: (ids) => ({ importId: ids.importId }) },
  "post /api/orgs/:orgId/imports/:importId/commit": {
    params: (ids) => ({ importId: ids.importId }),
    body: () => ({ missing: { default: { action: "keep" } } }),
  },
  "get /api/orgs/:orgId/imports/:importId/report": { params: (ids) => ({ importId: ids.importId }) },
  "get /api/orgs/:orgId/ascwds/:file": { params: () => ({ file: "staff.csv" }) },
  "get /api/orgs/:orgId/staff": {},
  "get /api/orgs/:orgId/workforce-settings": {},
  "put /api/orgs/:orgId/workforce-settings": { body: () => ({ standardWeeklyHours: 35, requiredTraining: [] }) },
  "get /api/orgs/:orgId/workplaces": {},
  "get /api/orgs/:orgId/staff/:staffId": { params: (ids) => ({ staffId: ids.staffId }) },
  "post /api/orgs/:orgId/staff/:staffId/leave": {
    params: (ids) => ({ staffId: ids.staffId }),
    body: () => ({ leavingDate: "2026-06-01", reason: 9 }),
  },
  "get /api/orgs/:orgId/vacancies": {},
  "post /api/orgs/:orgId/vacancies": {
    body: () => ({ workplaceId: "00000000-0000-4000-8000-000000000000", jobRole: 8, openedOn: "2026-06-01" }),
  },
  "post /api/orgs/:orgId/vacancies/:vacancyId/close": {
    params: (ids) => ({ vacancyId: ids.vacancyId }),
    body: () => ({ closedOn: "2026-06-10" }),
  },
  "get /api/orgs/:orgId/agency-use": {},
  "get /api/orgs/:orgId/api-tokens": {},
  "get /api/orgs/:orgId/return-periods": {},
  "post /api/orgs/:orgId/return-periods": {
    body: () => ({ name: "Q", periodEnd: "2026-03-31", dueDate: "2026-04-30" }),
  },
  "get /api/orgs/:orgId/return-periods/:periodId": {},
  "get /api/orgs/:orgId/returns": {},
  "post /api/orgs/:orgId/returns/:periodId/submit": {},
  "post /api/orgs/:orgId/api-tokens": { body: () => ({ name: "Intruder", scope: "write" }) },
  "get /api/orgs/:orgId/metrics": {},
  "get /api/orgs/:orgId/dashboard": {},
  "get /api/orgs/:orgId/targets": {},
  "get /api/orgs/:orgId/public-page": {},
  "get /api/orgs/:orgId/my-career": {},
  "get /api/orgs/:orgId/frameworks": {},
  "get /api/orgs/:orgId/my-career/plan": {},
  "put /api/orgs/:orgId/my-career/plan": { body: () => ({ shared: true }) },
  "post /api/orgs/:orgId/my-career/goals": { body: () => ({ title: "Intrude" }) },
  "patch /api/orgs/:orgId/my-career/goals/:goalId": { body: () => ({ doneOn: "2026-06-01" }) },
  "delete /api/orgs/:orgId/my-career/goals/:goalId": {},
  "get /api/orgs/:orgId/career-plans": {},
  "get /api/orgs/:orgId/frameworks/draft": {},
  "put /api/orgs/:orgId/frameworks/draft": { body: () => ({ document: {} }) },
  "post /api/orgs/:orgId/frameworks/draft/publish": {},
  "post /api/orgs/:orgId/frameworks/:frameworkId/endorse": {},
  "get /api/orgs/:orgId/job-titles": {},
  "post /api/orgs/:orgId/job-titles": { body: () => ({ title: "Intruder", roleKey: "new_to_care" }) },
  "delete /api/orgs/:orgId/job-titles/:jobTitleId": {},
  "put /api/orgs/:orgId/public-page": { body: () => ({ enabled: true }) },
  "put /api/orgs/:orgId/targets": { body: () => ({ targets: { vacancy_rate: 0.05 } }) },
  "delete /api/orgs/:orgId/api-tokens/:tokenId": {},
  "post /api/orgs/:orgId/records/workplaces": { body: () => ({ records: [{ LOCALESTID: "X" }] }) },
  "post /api/orgs/:orgId/records/staff": { body: () => ({ records: [{ LOCALESTID: "X", UNIQUEWORKERID: "Y" }] }) },
  "get /api/orgs/:orgId/strategies": {},
  "post /api/orgs/:orgId/strategies": {
    body: () => ({ title: "Intruder strategy", periodStart: "2026-04-01", periodEnd: "2029-03-31" }),
  },
  "get /api/orgs/:orgId/strategies/:strategyId": {},
  "patch /api/orgs/:orgId/strategies/:strategyId": { body: () => ({ title: "Taken over" }) },
  "post /api/orgs/:orgId/strategies/:strategyId/approve": {
    body: () => ({ board: "Board", approvedOn: "2026-06-01", minuteRef: "X1", approvedBy: "Intruder" }),
  },
  "get /api/orgs/:orgId/strategies/:strategyId/changes": {},
  "post /api/orgs/:orgId/strategies/:strategyId/pillars": {
    body: () => ({ kind: "recommendation", number: 9, title: "Intrude" }),
  },
  "patch /api/orgs/:orgId/strategies/:strategyId/pillars/:pillarId": { body: () => ({ title: "Intrude" }) },
  "post /api/orgs/:orgId/strategies/:strategyId/actions": {
    body: () => ({
      pillarId: "00000000-0000-4000-8000-000000000000",
      number: 1,
      title: "Intrude",
      phase: "foundations",
    }),
  },
  "patch /api/orgs/:orgId/strategies/:strategyId/actions/:actionId": { body: () => ({ title: "Intrude" }) },
  "get /api/orgs/:orgId/strategies/:strategyId/updates": {},
  "get /api/orgs/:orgId/strategies/:strategyId/actions/:actionId/updates": {},
  "put /api/orgs/:orgId/strategies/:strategyId/actions/:actionId/updates/:quarter": {
    params: () => ({ quarter: "2026-Q1" }),
    body: () => ({ status: "complete", reportedOn: "2026-03-31" }),
  },
  "get /api/orgs/:orgId/strategies/:strategyId/risks": {},
  "post /api/orgs/:orgId/strategies/:strategyId/risks": {
    body: () => ({ kind: "risk", title: "Intrude", likelihood: 1, impact: 1 }),
  },
  "patch /api/orgs/:orgId/strategies/:strategyId/risks/:riskId": { body: () => ({ status: "closed" }) },
  "get /api/orgs/:orgId/strategies/:strategyId/risks/:riskId/history": {},
  "get /api/orgs/:orgId/strategies/:strategyId/groups": {},
  "post /api/orgs/:orgId/strategies/:strategyId/groups": { body: () => ({ kind: "steering", name: "Intruders" }) },
  "post /api/orgs/:orgId/strategies/:strategyId/groups/:groupId/members": {
    body: () => ({ email: `intruder-${uniq()}@example.test` }),
  },
  "delete /api/orgs/:orgId/strategies/:strategyId/groups/:groupId/members/:memberId": {},
  "get /api/orgs/:orgId/strategies/:strategyId/meetings": {},
  "post /api/orgs/:orgId/strategies/:strategyId/groups/:groupId/meetings": { body: () => ({ heldOn: "2026-06-01" }) },
  "get /api/orgs/:orgId/strategies/:strategyId/forum": {},
  "post /api/orgs/:orgId/strategies/:strategyId/forum": {
    body: () => ({ raisedOn: "2026-06-01", youSaid: "Intrude" }),
  },
  "patch /api/orgs/:orgId/strategies/:strategyId/forum/:entryId": { body: () => ({ status: "done" }) },
  "get /api/orgs/:orgId/strategy-board-data/:quarter": { params: () => ({ quarter: "2026-Q2" }) },
  "get /api/orgs/:orgId/strategy-public-page": {},
  "put /api/orgs/:orgId/strategy-public-page": { body: () => ({ enabled: true }) },
  "get /api/orgs/:orgId/strategy/reports": {},
  "get /api/orgs/:orgId/strategy/reports/:file": { params: () => ({ file: "2026-Q1.pdf" }) },
  "get /api/orgs/:orgId/strategy/reports/kept/:reportId": {},
  "get /api/orgs/:orgId/strategy/narratives/:quarter": { params: () => ({ quarter: "2026-Q1" }) },
  "put /api/orgs/:orgId/strategy/narratives/:quarter": {
    params: () => ({ quarter: "2026-Q1" }),
    body: () => ({
      title: "Intruder's report",
      reportTo: "Board",
      meetingDate: null,
      reportingOfficer: "Intruder",
      purpose: "To intrude.",
      recommendations: ["Intrude."],
    }),
  },
  "put /api/orgs/:orgId/agency-use": {
    body: () => ({ workplaceId: "00000000-0000-4000-8000-000000000000", month: "2026-05", hours: 10, spend: 250 }),
  },
};

const hub = await testHub();
const orgSpecs = hub.router.specs.filter((s) => s.scope === "org");

function pathFor(path: string, orgId: string, params: Record<string, string>) {
  return path
    .replace(":orgId", orgId)
    .replace(/:(\w+)/g, (_, name: string) => params[name] ?? "00000000-0000-4000-8000-000000000000");
}

describe("tenant isolation harness", () => {
  it("covers every organisation-scoped route", () => {
    const routes = orgSpecs.map((s) => `${s.method} ${s.path}`).sort();
    expect(routes.length).toBeGreaterThan(5);
    const missing = routes.filter((r) => !(r in CASES));
    expect(missing, `routes without a tenant-isolation case: add them to CASES in test/tenancy.test.ts`).toEqual([]);
    const stale = Object.keys(CASES).filter((k) => !routes.includes(k));
    expect(stale, "cases for routes that no longer exist").toEqual([]);
  });

  for (const targetKind of ["provider", "council"] as const) {
    it(`refuses users of other organisations on every route of a ${targetKind}`, async () => {
      const a = await makeSystem(hub);
      const b = await makeSystem(hub);
      const target = targetKind === "provider" ? a.provider : a.council;
      const insiderAdmin = targetKind === "provider" ? a.providerAdmin : a.councilAdmin;
      const member = await makeUser(hub, target, targetKind === "provider" ? "provider_viewer" : "council_analyst");
      const { invitation } = await createInvitation(
        {
          ...hub.ctx,
          org: { id: target.id, kind: target.kind as "provider", name: target.name, slug: target.slug, isDemo: false },
          role: null,
        },
        {
          email: `pending-${uniq()}@example.test`,
          role: targetKind === "provider" ? "provider_viewer" : "council_analyst",
        },
      );
      const targetCtx = {
        ...hub.ctx,
        org: { id: target.id, kind: target.kind as "provider", name: target.name, slug: target.slug, isDemo: false },
        role: null,
      };
      const upload = await createImport(
        targetCtx,
        [{ name: "staff.csv", bytes: new TextEncoder().encode("x") }],
        "2026-06-30",
      );
      const place = (
        await hub.deps.db
          .insert(workplaces)
          .values({ orgId: target.id, localRef: `W-${uniq()}`, name: "Target home", mainService: 2 })
          .returning()
      )[0];
      const person = (
        await hub.deps.db
          .insert(staffRecords)
          .values({
            orgId: target.id,
            workplaceId: place.id,
            localRef: "P1",
            displayId: "Target Person",
            contractType: 1,
            mainJobRole: 8,
            startDate: "2020-01-01",
          })
          .returning()
      )[0];
      const post = (
        await hub.deps.db
          .insert(vacancies)
          .values({ orgId: target.id, workplaceId: place.id, jobRole: 8, openedOn: "2026-05-01" })
          .returning()
      )[0];
      const ids: Ids = {
        invitationId: invitation.id,
        membershipId: member.membershipId as string,
        importId: upload.id,
        staffId: person.id,
        vacancyId: post.id,
        workplaceId: place.id,
      };

      const outsiders = [
        { who: "another provider's admin", client: await signedIn(hub, b.providerAdmin.email) },
        { who: "another council's admin", client: await signedIn(hub, b.councilAdmin.email) },
        // A council reads down only through its own URL (visibleOrgIds), never a provider's routes.
        ...(targetKind === "provider"
          ? [{ who: "the commissioning council's admin", client: await signedIn(hub, a.councilAdmin.email) }]
          : []),
      ];
      const countAudit = async () =>
        (
          (await hub.deps.db.execute(sql`select count(*)::int as n from audit_log where org_id = ${target.id}`))
            .rows[0] as { n: number }
        ).n;
      const before = await countAudit();

      for (const spec of orgSpecs) {
        const c = CASES[`${spec.method} ${spec.path}`];
        const path = pathFor(spec.path, target.id, c.params?.(ids) ?? {});
        for (const { who, client } of outsiders) {
          const res = await client.request(spec.method.toUpperCase(), path, c.body?.());
          expect({
            route: `${spec.method} ${spec.path}`,
            who,
            status: res.status,
            code: res.json?.error?.code,
          }).toEqual({
            route: `${spec.method} ${spec.path}`,
            who,
            status: 404,
            code: "not_found",
          });
        }
        const anonymous = await new Client(hub).request(spec.method.toUpperCase(), path, c.body?.());
        expect(anonymous.status, `${spec.method} ${spec.path} without sign-in`).toBe(401);
      }
      expect(await countAudit()).toBe(before);
      // The invitation and membership the outsiders aimed at are untouched.
      const [untouched] = await hub.deps.db.select().from(staffRecords).where(eq(staffRecords.id, ids.staffId));
      expect(untouched.endDate).toBeNull();
      expect(
        (await hub.deps.db.select().from(vacancies).where(eq(vacancies.id, ids.vacancyId)))[0].closedOn,
      ).toBeNull();
      const membership = await hub.deps.db.select().from(auditLog).where(eq(auditLog.entityId, ids.membershipId));
      expect(membership.map((e) => e.action)).toEqual(["create"]);

      // The same routes answer the organisation's own admin (so the cases really reach the routes).
      const insider = await signedIn(hub, insiderAdmin.email);
      const home = await insider.get(`/api/orgs/${target.id}`);
      expect(home.status).toBe(200);
    }, 180_000); // every org route, asked by three outsiders each
  }

  it("refuses every route to organisations of a kind it does not serve, with 403 wrong_org_kind", async () => {
    const kindRoutes = orgSpecs.filter((s) => s.orgKinds);
    expect(kindRoutes.length).toBeGreaterThan(10);
    // An admin of each kind, asking of their own organisation: only the kind stands in the way.
    const admins = new Map<OrgKind, { org: { id: string; name: string }; client: Client }>();
    for (const kind of ORG_KINDS) {
      const org = await makeOrg(hub, kind);
      const admin = await makeUser(hub, org, ADMIN_ROLE_BY_KIND[kind]);
      admins.set(kind, { org, client: await signedIn(hub, admin.email) });
    }
    const countAudit = async () =>
      ((await hub.deps.db.execute(sql`select count(*)::int as n from audit_log`)).rows[0] as { n: number }).n;
    const before = await countAudit();
    for (const spec of kindRoutes) {
      const served = spec.orgKinds ?? [];
      for (const kind of ORG_KINDS.filter((k) => !served.includes(k))) {
        const { org, client } = admins.get(kind) as { org: { id: string; name: string }; client: Client };
        const c = CASES[`${spec.method} ${spec.path}`];
        const res = await client.request(spec.method.toUpperCase(), pathFor(spec.path, org.id, {}), c.body?.());
        expect({ route: `${spec.method} ${spec.path}`, kind, status: res.status, code: res.json?.error?.code }).toEqual(
          {
            route: `${spec.method} ${spec.path}`,
            kind,
            status: 403,
            code: "wrong_org_kind",
          },
        );
        expect(res.json.error.message).toContain(`${org.name} is`);
      }
    }
    expect(await countAudit()).toBe(before);
    // The message names the kind the route is for.
    const provider = admins.get("provider") as { org: { id: string }; client: Client };
    const periods = await provider.client.get(`/api/orgs/${provider.org.id}/return-periods`);
    expect(periods.json.error.message).toMatch(/^This is for councils only: .* is a care provider\.$/);
  }, 180_000);

  it("refuses the installation's admin routes to everyone but the hub admin", async () => {
    const { councilAdmin } = await makeSystem(hub);
    const client = await signedIn(hub, councilAdmin.email);
    for (const spec of hub.router.specs.filter((s) => s.scope === "hub_admin")) {
      const body = spec.method === "post" ? { kind: "provider", name: `Sneaky ${uniq()}` } : undefined;
      expect((await client.request(spec.method.toUpperCase(), spec.path, body)).status, spec.path).toBe(403);
      expect((await new Client(hub).request(spec.method.toUpperCase(), spec.path, body)).status, spec.path).toBe(401);
    }
  });
});
