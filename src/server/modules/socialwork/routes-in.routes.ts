import {
  myPracticeEducationResponse,
  paymentPaidInput,
  pePaymentResponse,
  practiceEducatorsResponse,
  routesInQuery,
  routesInResponse,
  traineeInput,
  traineeOptionsResponse,
  traineeOutcomeInput,
  traineeResponse,
  traineesQuery,
  traineesResponse,
} from "../../../shared/schemas/social-work-routes-in";
import { ctxOf, orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import { routesInSummary } from "./grow-your-own.service";
import * as pes from "./practice-educators.service";
import * as trainees from "./trainees.service";

// The social work service (issue 20): students on placement, apprentices, sponsored master's and
// fast-track trainees, their outcomes, and practice educators' payments (items 2, 7). Reading
// takes socialwork.view (a team manager sees their teams' trainees and practice educators),
// writing socialwork.manage (the service lead).

const tag = "Social work: routes in";
const COUNCIL = ["council"] as const;
const view = { tag, scope: "org", permission: "socialwork.view", orgKinds: COUNCIL } as const;
const manage = { tag, scope: "org", permission: "socialwork.manage", orgKinds: COUNCIL } as const;
const base = "/api/orgs/:orgId/social-work";

export function socialWorkRoutesInRoutes(r: Router) {
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/routes-in`,
      query: routesInQuery,
      response: routesInResponse,
      summary:
        "Routes in at a glance: trainees by route and status with cost, ESG and repayments owed; per route and cohort who started, qualified, withdrew, joined and stayed 1, 2 and 3 years; and the grow-your-own share of registered social workers in post on a day (default today)",
    },
    async (c, { query }) => c.json(await routesInSummary(orgCtxOf(c), query)),
  );
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/trainees`,
      query: traineesQuery,
      response: traineesResponse,
      summary:
        "The council's trainees (students on placement, apprentices, sponsored master's, fast-track), by route and status",
    },
    async (c, { query }) => c.json({ trainees: await trainees.listTrainees(orgCtxOf(c), query) }),
  );
  r.define(
    {
      ...manage,
      method: "get",
      path: `${base}/trainee-options`,
      response: traineeOptionsResponse,
      summary:
        "What the trainee forms need: the service's teams, its practice educators in post, its registered social workers (to link a trainee who joined) and the ESG and PE payment rates",
    },
    async (c) => c.json(await trainees.traineeOptions(orgCtxOf(c))),
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${base}/trainees`,
      body: traineeInput,
      response: traineeResponse,
      summary:
        "Record a trainee: route, name, team, university, programme, cohort, dates, placement and skills days, practice educator (their payment is made due on the end date), ESG claimed, cost and commitment to stay",
    },
    async (c, { body }) => c.json({ trainee: await trainees.createTrainee(orgCtxOf(c), body) }, 201),
  );
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/trainees/:traineeId`,
      response: traineeResponse,
      summary:
        "A trainee: their record, the ESG their placement earns, the worker they became, their commitment and any repayment owed, and the practice educators they had with the payments",
    },
    async (c) => c.json({ trainee: await trainees.getTrainee(orgCtxOf(c), idParam(c, "traineeId", "trainee")) }),
  );
  r.define(
    {
      ...manage,
      method: "put",
      path: `${base}/trainees/:traineeId`,
      body: traineeInput,
      response: traineeResponse,
      summary: "Change a trainee's record (a changed practice educator takes over an unpaid payment)",
    },
    async (c, { body }) =>
      c.json({ trainee: await trainees.updateTrainee(orgCtxOf(c), idParam(c, "traineeId", "trainee"), body) }),
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${base}/trainees/:traineeId/outcome`,
      body: traineeOutcomeInput,
      response: traineeResponse,
      summary:
        "Record how training ended: qualified on a day (with the staff record of the social work job they took with the council, once they joined), withdrawn on a day, or back in training",
    },
    async (c, { body }) =>
      c.json({ trainee: await trainees.recordOutcome(orgCtxOf(c), idParam(c, "traineeId", "trainee"), body) }),
  );
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/practice-educators`,
      response: practiceEducatorsResponse,
      summary:
        "Practice educators: each worker with a PE stage (or a payment), students supported this academic year and ever, payments not yet due, due, overdue (unpaid 30 days after the placement ended) and paid; and every payment, overdue first",
    },
    async (c) => c.json(await pes.listPracticeEducators(orgCtxOf(c))),
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${base}/pe-payments/:paymentId/paid`,
      body: paymentPaidInput,
      response: pePaymentResponse,
      summary: "Mark a practice educator's payment paid on a day (null: unpaid again, to correct a mistake)",
    },
    async (c, { body }) =>
      c.json({ payment: await pes.markPaymentPaid(orgCtxOf(c), idParam(c, "paymentId", "payment"), body) }),
  );
  r.define(
    {
      tag,
      scope: "user",
      method: "get",
      path: "/api/me/social-work/practice-education",
      response: myPracticeEducationResponse,
      summary: "A practice educator's own students and payments, through their personal account",
    },
    async (c) => c.json(await pes.myPracticeEducation(ctxOf(c))),
  );
}
