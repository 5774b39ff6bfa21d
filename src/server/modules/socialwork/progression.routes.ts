import type { Context } from "hono";
import {
  decideCaseInput,
  developmentReviewInput,
  developmentReviewResponse,
  myProgressionResponse,
  openCaseInput,
  progressionCaseResponse,
  progressionCasesQuery,
  progressionCasesResponse,
  progressionStepInput,
  progressionStepResponse,
  progressionStepsResponse,
  reviewsDueResponse,
  updateCaseInput,
  workerProgressionResponse,
} from "../../../shared/schemas/social-work-progression";
import { ctxOf, orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import type { AppEnv } from "../../http/types";
import * as reviews from "./development-reviews.service";
import * as progression from "./progression.service";

// The social work service (issue 20): the progression scheme, cases and panel decisions, annual
// development reviews (item 6). Reading needs socialwork.view (whose records: socialwork/access.ts);
// cases and reviews of visible workers socialwork.supervise; the scheme and decisions socialwork.manage.

const tag = "Social work: progression";
const COUNCIL = ["council"] as const;
const view = { tag, scope: "org", permission: "socialwork.view", orgKinds: COUNCIL } as const;
const supervise = { tag, scope: "org", permission: "socialwork.supervise", orgKinds: COUNCIL } as const;
const manage = { tag, scope: "org", permission: "socialwork.manage", orgKinds: COUNCIL } as const;
const BASE = "/api/orgs/:orgId/social-work/progression";

const stepId = (c: Context<AppEnv>) => idParam(c, "stepId", "progression step");
const caseId = (c: Context<AppEnv>) => idParam(c, "caseId", "progression case");
const staffId = (c: Context<AppEnv>) => idParam(c, "staffId", "social worker");

export function progressionRoutes(r: Router) {
  r.define(
    {
      ...view,
      method: "get",
      path: `${BASE}/steps`,
      response: progressionStepsResponse,
      summary:
        "The council's progression scheme: steps in order (archived ones marked), and the career framework's social work roles",
    },
    async (c) => c.json(await progression.listSteps(orgCtxOf(c))),
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${BASE}/steps`,
      body: progressionStepInput,
      response: progressionStepResponse,
      summary:
        "Add a step: service (or both), from grade → to grade, career framework roles, criteria, evidence, automatic or by panel, minimum months in grade, place",
    },
    async (c, { body }) => c.json({ step: await progression.createStep(orgCtxOf(c), body) }, 201),
  );
  r.define(
    {
      ...manage,
      method: "put",
      path: `${BASE}/steps/:stepId`,
      body: progressionStepInput,
      response: progressionStepResponse,
      summary: "Change a step (its place in the scheme included)",
    },
    async (c, { body }) => c.json({ step: await progression.updateStep(orgCtxOf(c), stepId(c), body) }),
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${BASE}/steps/:stepId/archive`,
      response: progressionStepResponse,
      summary: "Archive a step: its cases stay, no new case may be opened on it",
    },
    async (c) => c.json({ step: await progression.archiveStep(orgCtxOf(c), stepId(c), true) }),
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${BASE}/steps/:stepId/restore`,
      response: progressionStepResponse,
      summary: "Bring an archived step back",
    },
    async (c) => c.json({ step: await progression.archiveStep(orgCtxOf(c), stepId(c), false) }),
  );
  r.define(
    {
      ...view,
      method: "get",
      path: `${BASE}/cases`,
      query: progressionCasesQuery,
      response: progressionCasesResponse,
      summary: "Progression cases of the workers one may see, newest first; ?status= to filter",
    },
    async (c, { query }) => c.json({ cases: await progression.listCases(orgCtxOf(c), query.status) }),
  );
  r.define(
    {
      ...supervise,
      method: "post",
      path: `${BASE}/cases`,
      body: openCaseInput,
      response: progressionCaseResponse,
      summary: "Open a case for a worker one may see on a step of their service (one open case per worker and step)",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      return c.json(await progression.getCase(ctx, await progression.openCase(ctx, body)), 201);
    },
  );
  r.define(
    {
      ...view,
      method: "get",
      path: `${BASE}/cases/:caseId`,
      response: progressionCaseResponse,
      summary: "A case, its step, and whether the worker meets the step today (with the reasons not)",
    },
    async (c) => c.json(await progression.getCase(orgCtxOf(c), caseId(c))),
  );
  r.define(
    {
      ...supervise,
      method: "patch",
      path: `${BASE}/cases/:caseId`,
      body: updateCaseInput,
      response: progressionCaseResponse,
      summary: "Add evidence notes or set the panel date while the case is open",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      return c.json(await progression.getCase(ctx, await progression.updateCase(ctx, caseId(c), body)));
    },
  );
  r.define(
    {
      ...supervise,
      method: "post",
      path: `${BASE}/cases/:caseId/submit`,
      response: progressionCaseResponse,
      summary: "Submit a prepared case to the panel (a step asking for evidence needs evidence notes)",
    },
    async (c) => {
      const ctx = orgCtxOf(c);
      return c.json(await progression.getCase(ctx, await progression.submitCase(ctx, caseId(c))));
    },
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${BASE}/cases/:caseId/decision`,
      body: decideCaseInput,
      response: progressionCaseResponse,
      summary:
        "The panel's decision (approved, deferred or declined, with notes), once; approving moves the worker's grade (and role and PCF level where the step says)",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      return c.json(await progression.getCase(ctx, await progression.decideCase(ctx, caseId(c), body)));
    },
  );
  r.define(
    {
      ...view,
      method: "get",
      path: "/api/orgs/:orgId/social-work/development-reviews/due",
      response: reviewsDueResponse,
      summary:
        "In-post workers of the teams one may see with no development review in the last 12 months, or one due within 30 days",
    },
    async (c) => c.json(await reviews.reviewsDue(orgCtxOf(c))),
  );
  r.define(
    {
      ...supervise,
      method: "post",
      path: "/api/orgs/:orgId/social-work/workers/:staffId/development-reviews",
      body: developmentReviewInput,
      response: developmentReviewResponse,
      summary:
        "Record a worker's annual development review: held on, reviewer, objectives, training needs, ready for progression",
    },
    async (c, { body }) => c.json({ review: await reviews.recordReview(orgCtxOf(c), staffId(c), body) }, 201),
  );
  r.define(
    {
      ...view,
      method: "get",
      path: "/api/orgs/:orgId/social-work/workers/:staffId/progression",
      response: workerProgressionResponse,
      summary:
        "A worker's progression: grade, next step and eligibility with reasons, cases, last development review and when the next is due",
    },
    async (c) => c.json(await progression.workerProgression(orgCtxOf(c), staffId(c))),
  );
  r.define(
    {
      tag,
      scope: "user",
      method: "get",
      path: "/api/me/social-work/progression",
      response: myProgressionResponse,
      summary: "One's own progression, for each social work staff record one's personal account holds",
    },
    async (c) => c.json(await progression.myProgression(ctxOf(c))),
  );
}
