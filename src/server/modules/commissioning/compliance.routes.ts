import {
  challengeInput,
  challengeResponse,
  challengesQuery,
  challengesResponse,
  compliancePeriodQuery,
  complianceResponse,
  contractComplianceResponse,
  decisionInput,
  recomputeInput,
  recomputeResponse,
} from "../../../shared/schemas/commissioning-compliance";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import * as challenges from "./challenges.service";
import { presentChallenge, presentContractHead, presentResult } from "./compliance.presenter";
import * as compliance from "./compliance.service";

// Compliance computed from the data, and challenges (issue 19 item 2).

const tag = "Commissioning: compliance";
const council = { tag, scope: "org", orgKinds: ["council"] } as const;
const provider = { tag, scope: "org", orgKinds: ["provider"] } as const;

type Compliance = Awaited<ReturnType<typeof compliance.councilCompliance>>;
const presentCompliance = (x: Compliance) => ({
  period: x.period,
  periodLabel: x.periodLabel,
  asAt: x.asAt,
  periods: x.periods,
  contracts: x.contracts.map((c) => ({ ...presentContractHead(c), results: c.results.map(presentResult) })),
});
type History = Awaited<ReturnType<typeof compliance.contractHistory>>;
const presentHistory = (x: History) => ({
  contract: presentContractHead(x.contract),
  periods: x.periods.map((p) => ({ period: p.period, label: p.label, results: p.results.map(presentResult) })),
});

export function complianceRoutes(r: Router) {
  // The council.
  r.define(
    {
      ...council,
      permission: "commissioning.view",
      method: "get",
      path: "/api/orgs/:orgId/commissioning/compliance",
      query: compliancePeriodQuery,
      response: complianceResponse,
      summary:
        "Compliance for an ended quarter (the last one by default) across the council's contracts: each standard's result met, not met or not enough data with its evidence, the status after any accepted challenge and the latest challenge. Missing results are computed and stored",
    },
    async (c, { query }) => c.json(presentCompliance(await compliance.councilCompliance(orgCtxOf(c), query.period))),
  );
  r.define(
    {
      ...council,
      permission: "commissioning.manage",
      method: "post",
      path: "/api/orgs/:orgId/commissioning/compliance/recompute",
      body: recomputeInput,
      response: recomputeResponse,
      summary:
        "Recompute an ended quarter's results from today's data (every contract, or one): overrides from accepted challenges are kept",
    },
    async (c, { body }) => c.json(await compliance.recompute(orgCtxOf(c), body)),
  );
  r.define(
    {
      ...council,
      permission: "commissioning.view",
      method: "get",
      path: "/api/orgs/:orgId/commissioning/contracts/:contractId/compliance",
      response: contractComplianceResponse,
      summary: "A contract's compliance history: every ended quarter since its first standard applies, newest first",
    },
    async (c) =>
      c.json(presentHistory(await compliance.contractHistory(orgCtxOf(c), idParam(c, "contractId", "contract")))),
  );
  r.define(
    {
      ...council,
      permission: "commissioning.view",
      method: "get",
      path: "/api/orgs/:orgId/commissioning/challenges",
      query: challengesQuery,
      response: challengesResponse,
      summary:
        "Challenges of the council's results (open first), each with the result and the provider's reason and evidence",
    },
    async (c, { query }) => {
      const rows = await challenges.listChallenges(orgCtxOf(c), query);
      return c.json({
        challenges: rows.map((x) => ({
          ...presentChallenge(x.challenge),
          contract: presentContractHead(x.contract),
          result: presentResult(x.full),
        })),
      });
    },
  );
  r.define(
    {
      ...council,
      permission: "commissioning.manage",
      method: "post",
      path: "/api/orgs/:orgId/commissioning/challenges/:challengeId/decision",
      body: decisionInput,
      response: challengeResponse,
      summary:
        "Accept a challenge (the result takes the status given, met by default, with the note) or reject it (the result stays); a challenge is decided once (409)",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const x = await challenges.decideChallenge(ctx, idParam(c, "challengeId", "challenge"), body);
      return c.json({
        challenge: presentChallenge(x.challenge),
        result: presentResult(await challenges.fullResultOf(ctx, x.result)),
      });
    },
  );

  // The provider.
  r.define(
    {
      ...provider,
      permission: "commissioning.view",
      method: "get",
      path: "/api/orgs/:orgId/compliance",
      query: compliancePeriodQuery,
      response: complianceResponse,
      summary:
        "The provider's own results for an ended quarter over all its contracts, with what to fix for each standard not met or without enough data",
    },
    async (c, { query }) => c.json(presentCompliance(await compliance.providerCompliance(orgCtxOf(c), query.period))),
  );
  r.define(
    {
      ...provider,
      permission: "commissioning.view",
      method: "get",
      path: "/api/orgs/:orgId/contracts/:contractId/compliance",
      response: contractComplianceResponse,
      summary: "The compliance history of one of the provider's own contracts, newest quarter first",
    },
    async (c) =>
      c.json(presentHistory(await compliance.contractHistory(orgCtxOf(c), idParam(c, "contractId", "contract")))),
  );
  r.define(
    {
      ...provider,
      permission: "commissioning.respond",
      method: "post",
      path: "/api/orgs/:orgId/compliance/results/:resultId/challenges",
      body: challengeInput,
      response: challengeResponse,
      summary:
        "Challenge one of the provider's own results with a reason and evidence; one open challenge per result (409)",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const row = await challenges.raiseChallenge(ctx, idParam(c, "resultId", "result"), body);
      const result = await challenges.resultForProvider(ctx, row.resultId);
      return c.json({ challenge: presentChallenge(row), result: presentResult(result) }, 201);
    },
  );
}
