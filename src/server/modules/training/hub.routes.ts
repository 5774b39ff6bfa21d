import {
  cohortInput,
  cohortReportQuery,
  cohortReportResponse,
  cohortResponse,
  cohortsResponse,
  completeInput,
  consentInput,
  guaranteedInterviewResponse,
  guaranteedInterviewsResponse,
  interviewUpdate,
  learnerInput,
  learnerResponse,
  myCohortsResponse,
  uptakeQuery,
  uptakeResponse,
} from "../../../shared/schemas/training-hub";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import { cohortReport } from "./cohort-report";
import { presentCohort, presentInterview, presentLearner, presentMyCohort } from "./cohorts.presenter";
import * as cohorts from "./cohorts.service";
import * as interviews from "./guaranteed-interviews.service";
import { trainingUptake } from "./uptake.service";

// Shared training (issue 18 items 8 and 9): the pre-employment course with a guaranteed interview, training uptake.

const TAG = "Training hub";
const HUB = { tag: TAG, scope: "org", permission: "training.hub", orgKinds: ["council"] } as const;
const CANDIDATE = { tag: TAG, scope: "org", permission: "candidate.self", orgKinds: ["council"] } as const;
const EMPLOYER = { tag: TAG, scope: "org", orgKinds: ["provider"] } as const;

const cohortId = (c: Parameters<typeof idParam>[0]) => idParam(c, "cohortId", "cohort");
const learnerId = (c: Parameters<typeof idParam>[0]) => idParam(c, "learnerId", "learner");

export function trainingHubRoutes(r: Router) {
  r.define(
    {
      ...HUB,
      method: "get",
      path: "/api/orgs/:orgId/training/cohorts",
      response: cohortsResponse,
      summary: "The pre-employment course's cohorts, newest first, with their employers and learners' numbers",
    },
    async (c) => {
      const list = await cohorts.listCohorts(orgCtxOf(c));
      return c.json({ cohorts: list.cohorts.map(presentCohort), courses: list.courses });
    },
  );
  r.define(
    {
      ...HUB,
      method: "post",
      path: "/api/orgs/:orgId/training/cohorts",
      body: cohortInput,
      response: cohortResponse,
      summary:
        "Start a cohort of the pre-employment course with a college or jobcentre and the employers that guarantee interviews (longer than 6 weeks is warned of, not refused)",
    },
    async (c, { body }) => {
      const s = await cohorts.createCohort(orgCtxOf(c), body);
      return c.json({ cohort: presentCohort(s), learners: s.learners.map(presentLearner) }, 201);
    },
  );
  r.define(
    {
      ...HUB,
      method: "get",
      path: "/api/orgs/:orgId/training/cohorts/report",
      query: cohortReportQuery,
      response: cohortReportResponse,
      summary:
        "The course's report per cohort and in total: enrolled, completed, interviewed, offered, started, still employed at 6 months (small counts withheld)",
    },
    async (c, { query }) => c.json(await cohortReport(orgCtxOf(c), query)),
  );
  r.define(
    {
      ...HUB,
      method: "get",
      path: "/api/orgs/:orgId/training/cohorts/:cohortId",
      response: cohortResponse,
      summary: "A cohort and its learners",
    },
    async (c) => {
      const s = await cohorts.getCohort(orgCtxOf(c), cohortId(c));
      return c.json({ cohort: presentCohort(s), learners: s.learners.map(presentLearner) });
    },
  );
  r.define(
    {
      ...HUB,
      method: "put",
      path: "/api/orgs/:orgId/training/cohorts/:cohortId",
      body: cohortInput,
      response: cohortResponse,
      summary: "Change a cohort",
    },
    async (c, { body }) => {
      const s = await cohorts.editCohort(orgCtxOf(c), cohortId(c), body);
      return c.json({ cohort: presentCohort(s), learners: s.learners.map(presentLearner) });
    },
  );
  r.define(
    {
      ...HUB,
      method: "post",
      path: "/api/orgs/:orgId/training/cohorts/:cohortId/learners",
      body: learnerInput,
      response: learnerResponse,
      summary:
        "Enrol a candidate of the council's joint recruitment by email (others are refused); they are emailed to choose whether to share their details",
    },
    async (c, { body }) =>
      c.json({ learner: presentLearner(await cohorts.enrolLearner(orgCtxOf(c), cohortId(c), body)) }, 201),
  );
  r.define(
    {
      ...HUB,
      method: "post",
      path: "/api/orgs/:orgId/training/cohorts/:cohortId/learners/:learnerId/complete",
      body: completeInput,
      response: learnerResponse,
      summary:
        "Record that a learner completed the course: opens a guaranteed interview with each participating employer",
    },
    async (c, { body }) =>
      c.json({
        learner: presentLearner(await cohorts.completeLearner(orgCtxOf(c), cohortId(c), learnerId(c), body)),
      }),
  );
  r.define(
    {
      ...HUB,
      method: "post",
      path: "/api/orgs/:orgId/training/cohorts/:cohortId/learners/:learnerId/withdraw",
      response: learnerResponse,
      summary: "Record that a learner left the cohort before completing it",
    },
    async (c) =>
      c.json({ learner: presentLearner(await cohorts.withdrawLearner(orgCtxOf(c), cohortId(c), learnerId(c))) }),
  );

  r.define(
    {
      ...CANDIDATE,
      method: "get",
      path: "/api/orgs/:orgId/my-cohorts",
      response: myCohortsResponse,
      summary: "The candidate's pre-employment course places: status, and what is shared with which employers",
    },
    async (c) => c.json({ cohorts: (await cohorts.myCohorts(orgCtxOf(c))).map(presentMyCohort) }),
  );
  r.define(
    {
      ...CANDIDATE,
      method: "post",
      path: "/api/orgs/:orgId/my-cohorts/:learnerId/consent",
      body: consentInput,
      response: myCohortsResponse,
      summary:
        "Share (or stop sharing) the candidate's details with the cohort's participating employers; stopping hides them from then on",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      await cohorts.setShareConsent(ctx, learnerId(c), body);
      return c.json({ cohorts: (await cohorts.myCohorts(ctx)).map(presentMyCohort) });
    },
  );

  r.define(
    {
      ...EMPLOYER,
      permission: "recruitment.view",
      method: "get",
      path: "/api/orgs/:orgId/guaranteed-interviews",
      response: guaranteedInterviewsResponse,
      summary:
        "Learners of the pre-employment course the employer guarantees an interview: only those sharing their details, with what they shared",
    },
    async (c) => c.json({ interviews: (await interviews.listGuaranteedInterviews(orgCtxOf(c))).map(presentInterview) }),
  );
  r.define(
    {
      ...EMPLOYER,
      permission: "recruitment.manage",
      method: "patch",
      path: "/api/orgs/:orgId/guaranteed-interviews/:interviewId",
      body: interviewUpdate,
      response: guaranteedInterviewResponse,
      summary:
        "Record a guaranteed interview, its outcome, the offer and the start (linking the employer's staff record)",
    },
    async (c, { body }) => {
      const id = idParam(c, "interviewId", "interview");
      return c.json({
        interview: presentInterview(await interviews.recordGuaranteedInterview(orgCtxOf(c), id, body)),
      });
    },
  );

  r.define(
    {
      tag: TAG,
      scope: "org",
      permission: "training.view",
      orgKinds: ["council", "provider", "training_partner"],
      method: "get",
      path: "/api/orgs/:orgId/training/uptake",
      query: uptakeQuery,
      response: uptakeResponse,
      summary:
        "Training uptake: bookings, attendance, completions, did not attend, late cancellations and places unused by provider, course and month (a council's across its area with small counts withheld; a provider's or training partner's own)",
    },
    async (c, { query }) => c.json(await trainingUptake(orgCtxOf(c), query)),
  );
}
