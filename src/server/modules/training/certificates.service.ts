import { londonWallTime, longDate } from "../../../shared/dates";
import { normaliseCertificateCode } from "../../../shared/schemas/training-delivery";
import type { Ctx, OrgCtx } from "../../context";
import { notFound } from "../../lib/errors";
import * as repo from "./attendance.repo";
import { CODE_SHAPE } from "./certificate-code";
import { certificatePdf } from "./certificate-pdf";

// Certificates (issue 18 item 4): a completed booking's PDF, for the booking employer and for the
// person themself through their personal account, and the public check of a code. Only a
// completed booking has one: changing its outcome takes the code away, so it stops verifying.

export const checkPageUrl = (ctx: Ctx, code?: string) =>
  `${ctx.deps.env.PUBLIC_URL}/certificates/${code ? encodeURIComponent(code) : "check"}`;

function pdfOf(ctx: Ctx, row: repo.CertificateRow | null) {
  if (row?.booking.outcome !== "completed" || !row.booking.certificateCode) throw notFound("certificate");
  const code = row.booking.certificateCode;
  return certificatePdf({
    learner: row.learner,
    course: row.courseTitle,
    completedOn: longDate(londonWallTime(row.startsAt).day),
    hours: row.hours,
    deliveredBy: row.deliveredBy,
    code,
    checkUrl: checkPageUrl(ctx, code),
  });
}

/** The certificate of a completed booking the organisation made. */
export async function employerCertificate(ctx: OrgCtx, bookingId: string) {
  return pdfOf(ctx, await repo.findEmployerCertificate(ctx.db, ctx.org.id, bookingId));
}

/** The certificate of one of the signed-in person's own completed bookings (their staff record is linked to their account). */
export async function myCertificate(ctx: OrgCtx, bookingId: string) {
  const row = await repo.findEmployerCertificate(ctx.db, ctx.org.id, bookingId);
  return pdfOf(ctx, row && ctx.actor.userId && row.staffUserId === ctx.actor.userId ? row : null);
}

/**
 * The public check: the certificate's own words, or null. A malformed code is looked up too (as
 * one that cannot match), so it costs the same read as an unknown one; the caller answers every
 * null the same way, so an unknown, a withdrawn and a malformed code cannot be told apart.
 */
export async function checkCertificate(ctx: Ctx, raw: string) {
  const code = normaliseCertificateCode(raw);
  const row = await repo.findCertificateByCode(ctx.db, CODE_SHAPE.test(code) ? code : "-");
  if (!row) return null;
  return {
    valid: true as const,
    code,
    learner: row.learner,
    course: row.courseTitle,
    completedOn: londonWallTime(row.startsAt).day,
    hours: row.hours,
    deliveredBy: row.deliveredBy,
  };
}
