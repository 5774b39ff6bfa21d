import {
  asyeListResponse,
  asyeOptionsResponse,
  asyeQualityResponse,
  asyeQuery,
  asyeResponse,
  asyeReviewResponse,
  myAsyeResponse,
  recordReviewInput,
  registerAsyeInput,
  updateAsyeInput,
  updateReviewInput,
  withdrawAsyeInput,
  workerAsyeResponse,
} from "../../../shared/schemas/social-work-asye";
import { ctxOf, orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import * as asye from "./asye.service";
import * as quality from "./asye-quality.service";

// The social work service (issue 20): ASYE registrations, reviews at 3, 6 and 9 months, final
// assessments and the programme's quality view (item 3). Reading needs socialwork.view (a team
// manager sees their teams' ASYEs), recording reviews socialwork.supervise, registering, changing,
// withdrawing and the quality view socialwork.manage. A worker reads their own through /api/me.

const tag = "Social work: ASYE";
const COUNCIL = ["council"] as const;
const view = { tag, scope: "org", permission: "socialwork.view", orgKinds: COUNCIL } as const;
const supervise = { tag, scope: "org", permission: "socialwork.supervise", orgKinds: COUNCIL } as const;
const manage = { tag, scope: "org", permission: "socialwork.manage", orgKinds: COUNCIL } as const;
const base = "/api/orgs/:orgId/social-work";

export function asyeRoutes(r: Router) {
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/asye`,
      query: asyeQuery,
      response: asyeListResponse,
      summary:
        "The ASYE cohort in the teams the user sees (show=all: ended ones too; teamId: one team), each with its next review and its state and the protected caseload, and the reviews due within 14 days or overdue, overdue first",
    },
    async (c, { query }) => c.json(await asye.listAsyes(orgCtxOf(c), query)),
  );
  r.define(
    {
      ...manage,
      method: "get",
      path: `${base}/asye-options`,
      response: asyeOptionsResponse,
      summary:
        "What the ASYE registration form offers: registered social workers without an ASYE (the newly qualified first), assessors (practice educators and senior roles first) and the default protected caseload per service",
    },
    async (c) => c.json(await asye.asyeOptions(orgCtxOf(c))),
  );
  r.define(
    {
      ...manage,
      method: "get",
      path: `${base}/asye-quality`,
      response: asyeQualityResponse,
      summary:
        "The ASYE programme's quality view: reviews held on time, caseload months within protection, pass rate, NQSW retention at 12 and 24 months (all and per service), and the grant's data per service and financial year. Not suppressed: the service lead may see the records",
    },
    async (c) => c.json(await quality.asyeQuality(orgCtxOf(c))),
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${base}/asye`,
      body: registerAsyeInput,
      response: asyeResponse,
      summary:
        "Register a newly qualified social worker's ASYE: the worker (a registered social worker of the service, one ASYE each), service (default: the worker's team's), start, assessor, learning plan date, protected caseload (null: the council's share of the service's threshold, rounded down) and when the grant was claimed",
    },
    async (c, { body }) => c.json({ asye: await asye.registerAsye(orgCtxOf(c), body) }, 201),
  );
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/asye/:asyeId`,
      response: asyeResponse,
      summary: "One ASYE with each stage's due date and state, and the reviews recorded with their evidence",
    },
    async (c) => c.json({ asye: await asye.getAsye(orgCtxOf(c), idParam(c, "asyeId", "ASYE")) }),
  );
  r.define(
    {
      ...manage,
      method: "put",
      path: `${base}/asye/:asyeId`,
      body: updateAsyeInput,
      response: asyeResponse,
      summary: "Change an ASYE's start, assessor, learning plan date, protected caseload and grant claim date",
    },
    async (c, { body }) => c.json({ asye: await asye.updateAsye(orgCtxOf(c), idParam(c, "asyeId", "ASYE"), body) }),
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${base}/asye/:asyeId/withdraw`,
      body: withdrawAsyeInput,
      response: asyeResponse,
      summary: "Withdraw a running ASYE (the worker left or stopped it) from a date: no more reviews are due",
    },
    async (c, { body }) => c.json({ asye: await asye.withdrawAsye(orgCtxOf(c), idParam(c, "asyeId", "ASYE"), body) }),
  );
  r.define(
    {
      ...supervise,
      method: "post",
      path: `${base}/asye/:asyeId/reviews`,
      body: recordReviewInput,
      response: asyeReviewResponse,
      summary:
        "Record a 3, 6 or 9-month review (progress on track, some concerns or not on track) or the final assessment (pass, fail, or extend with the new end), with evidence notes. Each stage once (409), in order (3, 6, 9 months, final), a review from 14 days before its due date and the final from the end of month 11; passing or failing ends the ASYE",
    },
    async (c, { body }) => c.json(await asye.recordReview(orgCtxOf(c), idParam(c, "asyeId", "ASYE"), body), 201),
  );
  r.define(
    {
      ...supervise,
      method: "put",
      path: `${base}/asye/:asyeId/reviews/:reviewId`,
      body: updateReviewInput,
      response: asyeReviewResponse,
      summary: "Change a recorded review's date, progress and evidence (a changed final changes the ASYE's outcome)",
    },
    async (c, { body }) =>
      c.json(
        await asye.updateReview(orgCtxOf(c), idParam(c, "asyeId", "ASYE"), idParam(c, "reviewId", "review"), body),
      ),
  );
  r.define(
    {
      ...supervise,
      method: "delete",
      path: `${base}/asye/:asyeId/reviews/:reviewId`,
      response: asyeResponse,
      summary:
        "Withdraw a review recorded wrongly: only the latest stage recorded (409 otherwise), so the rest stay in order. Withdrawing the final assessment reopens the ASYE",
    },
    async (c) =>
      c.json({
        asye: await asye.withdrawReview(orgCtxOf(c), idParam(c, "asyeId", "ASYE"), idParam(c, "reviewId", "review")),
      }),
  );
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/workers/:staffId/asye`,
      response: workerAsyeResponse,
      summary: "A social worker's ASYE (null when they have none), for their page",
    },
    async (c) => c.json({ asye: await asye.workerAsye(orgCtxOf(c), idParam(c, "staffId", "social worker")) }),
  );
  r.define(
    {
      tag,
      scope: "user",
      method: "get",
      path: "/api/me/social-work/asye",
      response: myAsyeResponse,
      summary: "My own ASYE (through my personal account): due dates, each stage's state and the reviews recorded",
    },
    async (c) => c.json(await asye.myAsyes(ctxOf(c))),
  );
}
