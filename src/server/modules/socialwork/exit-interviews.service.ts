import {
  EXIT_LINK_DAYS,
  type ExitInterviewAnswer,
  type ExitInterviewQuestions,
  exitInterviewAnswer,
  type LeaversResponse,
  type OfferResponse,
  RECENT_LEAVER_DAYS,
} from "../../../shared/schemas/exit-interviews";
import { EXIT_REASON_LABELS, EXIT_REASONS } from "../../../shared/social-work";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import { newToken, sha256 } from "../../lib/crypto";
import { AppError, badRequest, conflict, notFound } from "../../lib/errors";
import { addDays, addMinutes, isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import * as authRepo from "../auth/auth.repo";
import { presentLeaver } from "./exit-interviews.presenter";
import * as repo from "./exit-interviews.repo";

// Exit interviews (issue 20 item 9; voice-wellbeing.md §2): any employer with exits.manage offers
// a leaver a single-use link (/exit-interview/<token>: 32 random bytes, only the SHA-256 kept,
// 60 days to answer), shown once for the employer to pass on. The leaver answers or declines on
// a public page, once. Comments reach the employer only where the leaver agreed, and never the
// audit trail, logs, reports or CSVs; the reasons are collated in exit-reasons.service.ts.

/** Public requests (reading a link or answering) from one address in an hour, as the hub's other public forms. */
export const PUBLIC_REQUESTS_PER_HOUR = 30;
const GONE = "We could not find that exit interview. The link may be mistyped, used already or out of date.";

const linkOf = (ctx: Ctx, token: string) => `${ctx.deps.env.PUBLIC_URL.replace(/\/$/, "")}/exit-interview/${token}`;

export async function listLeavers(ctx: OrgCtx, since?: string): Promise<LeaversResponse> {
  const today = isoDate(ctx.deps.now());
  const from = since ?? isoDate(addDays(ctx.deps.now(), -365 * 2));
  const rows = await repo.leavers(ctx.db, ctx.org.id, from, today);
  return { since: from, leavers: rows.map((r) => presentLeaver(r, today)) };
}

async function offer(tx: OrgCtx, staffRecordId: string, name: string): Promise<OfferResponse | null> {
  const token = newToken(32);
  const offeredOn = isoDate(tx.deps.now());
  const expiresOn = isoDate(addDays(tx.deps.now(), EXIT_LINK_DAYS));
  const row = await repo.insertInterview(tx.db, {
    orgId: tx.org.id,
    staffRecordId,
    tokenHash: sha256(token),
    offeredOn,
    expiresOn,
  });
  if (!row) return null;
  await recordAudit(tx, {
    orgId: tx.org.id,
    action: "offer",
    entityType: "exit_interview",
    entityId: row.id,
    after: { staffRecordId, expiresOn },
  });
  return { staffRecordId, name, link: linkOf(tx, token), expiresOn };
}

/** Offers one leaver an interview: a staff record of this employer with an end date, not offered before. */
export async function offerOne(ctx: OrgCtx, staffRecordId: string): Promise<OfferResponse> {
  const leaver = await repo.leaver(ctx.db, ctx.org.id, staffRecordId);
  if (!leaver) throw notFound("leaver");
  if (!leaver.leftOn)
    throw badRequest(
      "not_a_leaver",
      "This person has no leaving date: record the date they left on their staff record first",
      [{ path: "staffRecordId", message: "Choose someone who has left (their staff record has an end date)" }],
    );
  if (leaver.interviewId) throw conflict("already_offered", "This leaver has already been offered an exit interview.");
  const made = await inTransaction(ctx, (tx) => offer(tx, leaver.id, leaver.name));
  if (!made) throw conflict("already_offered", "This leaver has already been offered an exit interview.");
  return made;
}

/** Offers every leaver of the last 90 days not yet offered; each link shown once. */
export async function offerRecent(ctx: OrgCtx): Promise<OfferResponse[]> {
  const today = isoDate(ctx.deps.now());
  const since = isoDate(addDays(ctx.deps.now(), -RECENT_LEAVER_DAYS));
  const rows = (await repo.leavers(ctx.db, ctx.org.id, since, today)).filter((r) => !r.interview);
  return inTransaction(ctx, async (tx) => {
    const made: OfferResponse[] = [];
    for (const r of rows) {
      const o = await offer(tx, r.staffRecordId, r.name);
      if (o) made.push(o);
    }
    return made;
  });
}

/** Public requests from one address are counted (hashed with the hour's throttle table) and capped. */
async function throttle(ctx: Ctx, clientAddress: string) {
  const key = sha256(`exit-interview:${clientAddress}`);
  const now = ctx.deps.now();
  if ((await authRepo.countAttemptsSince(ctx.db, key, addMinutes(now, -60))) >= PUBLIC_REQUESTS_PER_HOUR)
    throw new AppError(429, "too_many_attempts", "Too many requests from your network. Wait an hour and try again.");
  await authRepo.insertAttempt(ctx.db, key, now);
}

const looksLikeToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

/** An interview whose link still works: the same 404 for unknown, used, declined and expired links. */
async function liveInterview(ctx: Ctx, token: string, lock = false) {
  const row = looksLikeToken(token) ? await repo.byTokenHash(ctx.db, sha256(token), lock) : undefined;
  const today = isoDate(ctx.deps.now());
  if (!row || row.interview.expiresOn < today) throw new AppError(404, "not_found", GONE);
  return row;
}

export async function questions(ctx: Ctx, token: string, clientAddress: string): Promise<ExitInterviewQuestions> {
  await throttle(ctx, clientAddress);
  const row = await liveInterview(ctx, token);
  if (row.interview.completedOn || row.interview.declinedOn) throw new AppError(404, "not_found", GONE);
  return {
    employerName: row.employerName,
    reasons: EXIT_REASONS.map((key) => ({ key, label: EXIT_REASON_LABELS[key] })),
    expiresOn: row.interview.expiresOn,
  };
}

const answeredAlready = () =>
  conflict("already_answered", "This exit interview has already been answered or declined.");

/** The leaver's answer, once. */
export async function answer(ctx: Ctx, token: string, raw: ExitInterviewAnswer, clientAddress: string) {
  await throttle(ctx, clientAddress);
  const input = exitInterviewAnswer.parse(raw);
  await inTransaction(ctx, async (tx) => {
    const row = await liveInterview(tx, token, true);
    if (row.interview.completedOn || row.interview.declinedOn) throw answeredAlready();
    const closed = await repo.closeInterview(tx.db, row.interview.id, {
      completedOn: isoDate(ctx.deps.now()),
      reasons: input.reasons,
      mainReason: input.mainReason,
      wouldReturn: input.wouldReturn,
      wouldRecommend: input.wouldRecommend,
      comments: input.comments,
      shareWithEmployer: input.shareWithEmployer,
    });
    if (!closed) throw answeredAlready();
    // The answer itself stays out of the audit trail: only that it was given.
    await recordAudit(tx, {
      orgId: row.interview.orgId,
      action: "answer",
      entityType: "exit_interview",
      entityId: row.interview.id,
    });
  });
}

export async function decline(ctx: Ctx, token: string, clientAddress: string) {
  await throttle(ctx, clientAddress);
  await inTransaction(ctx, async (tx) => {
    const row = await liveInterview(tx, token, true);
    if (row.interview.completedOn || row.interview.declinedOn) throw answeredAlready();
    if (!(await repo.closeInterview(tx.db, row.interview.id, { declinedOn: isoDate(ctx.deps.now()) })))
      throw answeredAlready();
    await recordAudit(tx, {
      orgId: row.interview.orgId,
      action: "decline",
      entityType: "exit_interview",
      entityId: row.interview.id,
    });
  });
}
