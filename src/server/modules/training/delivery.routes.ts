import type { Context } from "hono";
import { z } from "zod";
import {
  certificateCheckResponse,
  deliverySessionResponse,
  deliverySessionsResponse,
  matrixQuery,
  matrixResponse,
  matrixSummaryResponse,
  outcomesInput,
} from "../../../shared/schemas/training-delivery";
import { systemCtx } from "../../context";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import type { AppEnv } from "../../http/types";
import { notFound } from "../../lib/errors";
import * as attendance from "./attendance.service";
import * as certificates from "./certificates.service";
import { presentMatrix, presentPerson, presentSession } from "./delivery.presenter";
import { matrixSummary, trainingMatrix } from "./matrix.service";
import { matrixCsv, matrixXlsx } from "./matrix-export";

// Shared training (issue 18 items 4 and 5): session lists, attendance and outcomes, certificates, the training matrix.

const tag = "Training";
const deliver = {
  tag,
  scope: "org",
  permission: "training.deliver",
  orgKinds: ["training_partner", "council"],
} as const;
const matrix = { tag, scope: "org", permission: "staff.view", orgKinds: ["provider", "council"] } as const;
const sessions = "/api/orgs/:orgId/training/delivery/sessions";
const sessionId = (c: Context<AppEnv>) => idParam(c, "sessionId", "session");
const bookingId = (c: Context<AppEnv>) => idParam(c, "bookingId", "certificate");
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function file(c: Context<AppEnv>, name: string, type: string, body: string | Uint8Array, inline = false) {
  c.header("content-type", type);
  c.header("content-disposition", `${inline ? "inline" : "attachment"}; filename="${name}"`);
  return c.body(typeof body === "string" ? body : new Uint8Array(body));
}

export function trainingDeliveryRoutes(r: Router) {
  r.define(
    {
      ...deliver,
      method: "get",
      path: sessions,
      response: deliverySessionsResponse,
      summary:
        "The sessions the organisation runs, past and upcoming, with how many are booked, waiting, cancelled and marked",
    },
    async (c) => {
      const ctx = orgCtxOf(c);
      const now = ctx.deps.now();
      return c.json({ sessions: (await attendance.listDeliverySessions(ctx)).map((s) => presentSession(s, now)) });
    },
  );
  r.define(
    {
      ...deliver,
      method: "get",
      path: `${sessions}/:sessionId`,
      response: deliverySessionResponse,
      summary:
        "One session the organisation runs and the people booked on it: the employer's reference for each, the employer and the booking, nothing else",
    },
    async (c) => {
      const ctx = orgCtxOf(c);
      const found = await attendance.getDeliverySession(ctx, sessionId(c));
      return c.json({
        session: presentSession(found.session, ctx.deps.now()),
        people: found.people.map(presentPerson),
      });
    },
  );
  r.define(
    {
      ...deliver,
      method: "put",
      path: `${sessions}/:sessionId/outcomes`,
      response: deliverySessionResponse,
      body: outcomesInput,
      summary:
        "Mark attendance and outcomes once the session has started: a completion becomes a training record (and qualification) on the staff record at once, with a certificate; did not attend is emailed to the employer",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const found = await attendance.markOutcomes(ctx, sessionId(c), body);
      return c.json({
        session: presentSession(found.session, ctx.deps.now()),
        people: found.people.map(presentPerson),
      });
    },
  );

  r.define(
    {
      tag,
      scope: "org",
      permission: "training.view",
      orgKinds: ["provider", "council"],
      method: "get",
      path: "/api/orgs/:orgId/training/bookings/:bookingId/certificate.pdf",
      produces: "application/pdf",
      summary: "The certificate (PDF) of a completed booking the organisation made",
    },
    async (c) => {
      const pdf = await certificates.employerCertificate(orgCtxOf(c), bookingId(c));
      return file(c, "certificate.pdf", "application/pdf", pdf, true);
    },
  );
  r.define(
    {
      tag,
      scope: "org",
      permission: "self.view",
      orgKinds: ["provider", "council", "nhs_partner"],
      method: "get",
      path: "/api/orgs/:orgId/my-training/:bookingId/certificate.pdf",
      produces: "application/pdf",
      summary: "The signed-in person's own certificate (PDF) of a completed booking on their staff record",
    },
    async (c) => {
      const pdf = await certificates.myCertificate(orgCtxOf(c), bookingId(c));
      return file(c, "certificate.pdf", "application/pdf", pdf, true);
    },
  );
  r.define(
    {
      tag,
      scope: "public",
      method: "get",
      path: "/api/public/certificates/:code",
      response: certificateCheckResponse,
      summary:
        "Check a training certificate's code: the learner's name, course, date, hours and who ran it; 404 for any code that does not verify",
    },
    async (c) => {
      const code = c.req.param("code") ?? "";
      // Anything longer than a code with spaces is not one: the same 404 as an unknown code.
      const found = code.length <= 40 ? await certificates.checkCertificate(systemCtx(c.var.deps), code) : null;
      if (!found) throw notFound("certificate");
      return c.json(found);
    },
  );

  r.define(
    {
      ...matrix,
      method: "get",
      path: "/api/orgs/:orgId/training/matrix",
      response: matrixResponse,
      query: matrixQuery,
      summary:
        "The training matrix: staff in post × the training the organisation requires, each valid, expiring (60 days), expired or missing, with suggested sessions",
    },
    async (c, { query }) => c.json(presentMatrix(await trainingMatrix(orgCtxOf(c), query))),
  );
  r.define(
    {
      ...matrix,
      method: "get",
      path: "/api/orgs/:orgId/training/matrix.csv",
      query: matrixQuery,
      produces: "text/csv",
      summary: "The training matrix as a CSV file, with the same filters",
    },
    async (c, { query }) => {
      const m = await trainingMatrix(orgCtxOf(c), query);
      return file(c, `training-matrix-${m.day}.csv`, "text/csv; charset=utf-8", matrixCsv(m));
    },
  );
  r.define(
    {
      ...matrix,
      method: "get",
      path: "/api/orgs/:orgId/training/matrix.xlsx",
      query: matrixQuery,
      produces: XLSX,
      summary: "The training matrix as an XLSX workbook, with the same filters",
    },
    async (c, { query }) => {
      const m = await trainingMatrix(orgCtxOf(c), query);
      return file(c, `training-matrix-${m.day}.xlsx`, XLSX, await matrixXlsx(m));
    },
  );
  r.define(
    {
      tag,
      scope: "org",
      permission: "metrics.view",
      orgKinds: ["council"],
      method: "get",
      path: "/api/orgs/:orgId/training/matrix-summary",
      response: matrixSummaryResponse,
      query: z.object({}),
      summary:
        "Providers' training matrices as counts per category (valid, expiring, expired, missing), withheld where fewer than 3 employers or 10 people are behind them",
    },
    async (c) => c.json(await matrixSummary(orgCtxOf(c))),
  );
}
