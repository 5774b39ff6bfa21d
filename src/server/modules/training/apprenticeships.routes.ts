import type { Context } from "hono";
import { LEVY_EXPIRY_NOTE } from "../../../shared/apprenticeship-rules";
import { csvText } from "../../../shared/csv";
import {
  apprenticeshipInput,
  apprenticeshipResponse,
  apprenticeshipsResponse,
  apprenticeshipUpdate,
  fundingClaimsQuery,
  fundingClaimsResponse,
  levyDecisionInput,
  levyRequestInput,
  levyRequestResponse,
  markClaimsInput,
  markClaimsResponse,
  openPledgesResponse,
  pledgeInput,
  pledgeResponse,
  pledgesResponse,
} from "../../../shared/schemas/training-apprenticeships";
import type { OrgCtx } from "../../context";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import type { AppEnv } from "../../http/types";
import { workbookOf } from "../ascwds/xlsx";
import { presentApprenticeship } from "./apprenticeships.presenter";
import * as apprenticeships from "./apprenticeships.service";
import { presentFundingClaims } from "./funding-claims.presenter";
import * as claims from "./funding-claims.service";
import { presentMyRequest, presentOpenPledge, presentPledge } from "./levy.presenter";
import * as levy from "./levy.service";

// Shared training (issue 18 items 6 and 7): apprenticeships, levy transfer brokerage, funding claims.

const tag = "Apprenticeships and funding";
const EMPLOYERS = ["provider", "council"] as const;
const PLEDGERS = ["council", "nhs_partner"] as const;
const view = { tag, scope: "org", permission: "training.view" } as const;
const book = { tag, scope: "org", permission: "training.book" } as const;
const pledging = { tag, scope: "org", permission: "levy.pledge", orgKinds: PLEDGERS } as const;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function pledgesOf(ctx: OrgCtx) {
  const x = await levy.listPledges(ctx);
  return { pledges: x.pledges.map(presentPledge), tracker: x.tracker, expiryNote: LEVY_EXPIRY_NOTE };
}

function attachment(c: Context<AppEnv>, name: string, type: string, body: string | Uint8Array) {
  c.header("content-type", type);
  c.header("content-disposition", `attachment; filename="${name}"`);
  return c.body(body as never);
}

export function apprenticeshipRoutes(r: Router) {
  // Apprenticeships.
  r.define(
    {
      ...view,
      orgKinds: EMPLOYERS,
      method: "get",
      path: "/api/orgs/:orgId/apprenticeships",
      response: apprenticeshipsResponse,
      summary:
        "The employer's apprenticeship starts, newest first, with the standards its council's framework lists, its staff in post and its approved levy requests (for the form)",
    },
    async (c) => {
      const x = await apprenticeships.listApprenticeships(orgCtxOf(c));
      return c.json({
        apprenticeships: x.rows.map(presentApprenticeship),
        standards: x.standards,
        staff: x.staff.map((s) => ({ id: s.id, name: s.displayId })),
        levyRequests: x.levyRequests,
      });
    },
  );
  r.define(
    {
      ...book,
      orgKinds: EMPLOYERS,
      method: "post",
      path: "/api/orgs/:orgId/apprenticeships",
      body: apprenticeshipInput,
      response: apprenticeshipResponse,
      summary:
        "Record an apprenticeship start: a member of staff in post, a standard the framework lists, at least 8 months (12 before August 2025), a price within the funding band, a transfer from an approved levy request",
    },
    async (c, { body }) =>
      c.json(
        { apprenticeship: presentApprenticeship(await apprenticeships.recordApprenticeship(orgCtxOf(c), body)) },
        201,
      ),
  );
  r.define(
    {
      ...book,
      orgKinds: EMPLOYERS,
      method: "patch",
      path: "/api/orgs/:orgId/apprenticeships/:apprenticeshipId",
      body: apprenticeshipUpdate,
      response: apprenticeshipResponse,
      summary: "Update an apprenticeship's progress, last review, status, end date and result",
    },
    async (c, { body }) => {
      const id = idParam(c, "apprenticeshipId", "apprenticeship");
      return c.json({
        apprenticeship: presentApprenticeship(await apprenticeships.updateApprenticeship(orgCtxOf(c), id, body)),
      });
    },
  );

  // Levy transfer brokerage: the pledger.
  r.define(
    {
      ...pledging,
      method: "get",
      path: "/api/orgs/:orgId/levy/pledges",
      response: pledgesResponse,
      summary:
        "The levy payer's pledges with the requests for each, and the transfer allowance tracker (allowance, pledged, approved, remaining)",
    },
    async (c) => c.json(await pledgesOf(orgCtxOf(c))),
  );
  r.define(
    {
      ...pledging,
      method: "post",
      path: "/api/orgs/:orgId/levy/pledges",
      body: pledgeInput,
      response: pledgeResponse,
      summary:
        "Pledge levy to the area's providers: refused when it and the other open pledges pass 50% of last year's levy",
    },
    async (c, { body }) => {
      const row = await levy.createPledge(orgCtxOf(c), body);
      return c.json({ pledge: presentPledge({ pledge: row, approved: 0, requests: [] }) }, 201);
    },
  );
  r.define(
    {
      ...pledging,
      method: "post",
      path: "/api/orgs/:orgId/levy/pledges/:pledgeId/requests/:requestId/decision",
      body: levyDecisionInput,
      response: pledgesResponse,
      summary:
        "Approve or reject a request for a pledge (approving more than the pledge has left is refused); the requester is emailed",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      await levy.decideRequest(ctx, idParam(c, "pledgeId", "pledge"), idParam(c, "requestId", "levy request"), body);
      return c.json(await pledgesOf(ctx));
    },
  );

  // Levy transfer brokerage: providers.
  r.define(
    {
      ...view,
      orgKinds: ["provider"],
      method: "get",
      path: "/api/orgs/:orgId/levy/open-pledges",
      response: openPledgesResponse,
      summary:
        "Levy pledges open in the provider's area (pledger, amount left, standards, closing date), and its own requests",
    },
    async (c) => {
      const x = await levy.listOpenPledges(orgCtxOf(c));
      return c.json({
        pledges: x.pledges.map(presentOpenPledge),
        requests: x.requests.map(presentMyRequest),
        staff: x.staff.map((s) => ({ id: s.id, name: s.displayId })),
      });
    },
  );
  r.define(
    {
      ...book,
      orgKinds: ["provider"],
      method: "post",
      path: "/api/orgs/:orgId/levy/requests",
      body: levyRequestInput,
      response: levyRequestResponse,
      summary:
        "Ask for part of an open pledge for named starts (own staff in post; at most what is left); the pledger is emailed",
    },
    async (c, { body }) => c.json({ request: presentMyRequest(await levy.requestLevy(orgCtxOf(c), body)) }, 201),
  );
  r.define(
    {
      ...book,
      orgKinds: ["provider"],
      method: "post",
      path: "/api/orgs/:orgId/levy/requests/:requestId/withdraw",
      response: levyRequestResponse,
      summary: "Withdraw a levy request still waiting for a decision",
    },
    async (c) =>
      c.json({
        request: presentMyRequest(await levy.withdrawRequest(orgCtxOf(c), idParam(c, "requestId", "levy request"))),
      }),
  );

  // LDSS funding claims.
  r.define(
    {
      ...view,
      orgKinds: ["provider"],
      method: "get",
      path: "/api/orgs/:orgId/training/funding-claims",
      query: fundingClaimsQuery,
      response: fundingClaimsResponse,
      summary:
        "Learning and Development Support Scheme claims: the provider's places on funded courses started between from and to (default the last 12 months), by course then learner, each part's amount, deadline and state",
    },
    async (c, { query }) => c.json(presentFundingClaims(await claims.listFundingClaims(orgCtxOf(c), query))),
  );
  r.define(
    {
      ...book,
      orgKinds: ["provider"],
      method: "post",
      path: "/api/orgs/:orgId/training/funding-claims/mark",
      body: markClaimsInput,
      response: markClaimsResponse,
      summary: "Mark claim parts as claimed (only parts claimable now)",
    },
    async (c, { body }) => c.json({ marked: await claims.markClaims(orgCtxOf(c), body) }),
  );
  for (const format of ["csv", "xlsx"] as const)
    r.define(
      {
        ...view,
        orgKinds: ["provider"],
        method: "get",
        path: `/api/orgs/:orgId/training/funding-claims.${format}`,
        query: fundingClaimsQuery,
        produces: format === "csv" ? "text/csv" : XLSX,
        summary: `The parts to claim and claimed, as ${format.toUpperCase()} for the NHSBSA claim: learner as recorded, course, part, days, amount, deadline (no NI numbers)`,
      },
      async (c, { query }) => {
        const ctx = orgCtxOf(c);
        const x = await claims.fundingClaimRows(ctx, query);
        const name = `${ctx.org.slug}-ldss-claims-${x.from}-to-${x.to}`;
        if (format === "xlsx")
          return attachment(
            c,
            `${name}.xlsx`,
            XLSX,
            await workbookOf([{ name: "LDSS claims", header: x.header, rows: x.rows }]),
          );
        return attachment(c, `${name}.csv`, "text/csv; charset=utf-8", `\ufeff${csvText(x.header, x.rows)}`);
      },
    );
}
