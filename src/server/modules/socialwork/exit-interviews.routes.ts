import type { Context } from "hono";
import {
  exitInterviewAnswer,
  exitInterviewDone,
  exitInterviewQuestions,
  leaversQuery,
  leaversResponse,
  offerExitInterviewInput,
  offerManyResponse,
  offerResponse,
  reasonsQuery,
  reasonsResponse,
} from "../../../shared/schemas/exit-interviews";
import { systemCtx } from "../../context";
import { clientAddress } from "../../http/client-address";
import { orgCtxOf } from "../../http/guards";
import type { Router } from "../../http/route";
import type { AppEnv } from "../../http/types";
import * as exits from "./exit-interviews.service";
import { collatedReasons } from "./exit-reasons.service";

// The social work service (issue 20): exit interviews offered to leavers, the leaver's own link, and
// reasons collated with disclosure control (item 9). Any employer (council or provider) with
// exits.manage; the leaver's routes are public, throttled per address, and need no sign-in.

const tag = "Exit interviews";
const employer = { tag, scope: "org", permission: "exits.manage", orgKinds: ["council", "provider"] } as const;
const BASE = "/api/orgs/:orgId/exit-interviews";
/** An answer is a few reasons and 2,000 characters of comments: 16 KB is ample. */
const ANSWER_BYTES = 16 * 1024;

const token = (c: Context<AppEnv>) => c.req.param("token") ?? "";

export function exitInterviewRoutes(r: Router) {
  r.define(
    {
      ...employer,
      method: "get",
      path: `${BASE}/leavers`,
      query: leaversQuery,
      response: leaversResponse,
      summary:
        "The employer's leavers (since ?since=, default two years) with their exit interview: not offered, offered, answered, declined or expired; comments only where the leaver agreed to share them",
    },
    async (c, { query }) => c.json(await exits.listLeavers(orgCtxOf(c), query.since)),
  );
  r.define(
    {
      ...employer,
      method: "post",
      path: BASE,
      body: offerExitInterviewInput,
      response: offerResponse,
      summary: "Offer a leaver an exit interview: a single-use link lasting 60 days, shown only in this answer",
    },
    async (c, { body }) => c.json(await exits.offerOne(orgCtxOf(c), body.staffRecordId), 201),
  );
  r.define(
    {
      ...employer,
      method: "post",
      path: `${BASE}/recent`,
      response: offerManyResponse,
      summary:
        "Offer every leaver of the last 90 days not yet offered an exit interview; each link shown only in this answer",
    },
    async (c) => c.json({ offers: await exits.offerRecent(orgCtxOf(c)) }, 201),
  );
  r.define(
    {
      ...employer,
      method: "get",
      path: `${BASE}/reasons`,
      query: reasonsQuery,
      response: reasonsResponse,
      summary:
        "Reasons from answered exit interviews (?from=&to=, default two years) beside the leaving reasons recorded, by service and team; for a council also its providers together; small counts withheld",
    },
    async (c, { query }) => c.json(await collatedReasons(orgCtxOf(c), query)),
  );
  r.define(
    {
      tag,
      scope: "public",
      method: "get",
      path: "/api/exit-interviews/:token",
      response: exitInterviewQuestions,
      summary:
        "A leaver's exit interview: the employer's name and the questions (the same 404 for unknown, used and expired links)",
    },
    async (c) => c.json(await exits.questions(systemCtx(c.var.deps), token(c), clientAddress(c))),
  );
  r.define(
    {
      tag,
      scope: "public",
      method: "post",
      path: "/api/exit-interviews/:token",
      body: exitInterviewAnswer,
      response: exitInterviewDone,
      maxBody: ANSWER_BYTES,
      summary:
        "Answer an exit interview, once: reasons (at least one), the main one among them, would return, would recommend, comments and whether to share them with the employer",
    },
    async (c, { body }) => {
      await exits.answer(systemCtx(c.var.deps), token(c), body, clientAddress(c));
      return c.json({ ok: true as const });
    },
  );
  r.define(
    {
      tag,
      scope: "public",
      method: "post",
      path: "/api/exit-interviews/:token/decline",
      response: exitInterviewDone,
      maxBody: 1024,
      summary: "Decline an exit interview, once",
    },
    async (c) => {
      await exits.decline(systemCtx(c.var.deps), token(c), clientAddress(c));
      return c.json({ ok: true as const });
    },
  );
}
