import { longDate, todayIso } from "../../../shared/dates";
import type {
  AsyeQuery,
  RecordReviewInput,
  RegisterAsyeInput,
  UpdateAsyeInput,
  UpdateReviewInput,
  WithdrawAsyeInput,
} from "../../../shared/schemas/social-work-asye";
import { reviewIssues } from "../../../shared/schemas/social-work-asye";
import {
  ASYE_STAGE_LABELS,
  ASYE_STAGES,
  type AsyeStage,
  SW_ROLES,
  type SwRoleInfo,
  type SwService,
} from "../../../shared/social-work";
import { asyeDueDates, isOpenAsye, reviewTimingIssues, reviewWindowOpens } from "../../../shared/sw-asye";
import { type CaseloadSettings, DEFAULT_CASELOAD_SETTINGS, protectedCaseloadTarget } from "../../../shared/sw-caseload";
import { leftBy } from "../../../shared/sw-in-post";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import type { Exec } from "../../db/client";
import { badRequest, conflict, type Issue, notFound } from "../../lib/errors";
import { recordAudit } from "../audit/audit.service";
import { assertTeamVisible, seesWholeService, visibleTeamIds, visibleWorker } from "./access";
import { ownStaffRecordIds } from "./access.repo";
import { type AsyeContext, presentAsyeDetail, presentAsyeSummary, presentDue, presentReview } from "./asye.presenter";
import * as repo from "./asye.repo";

// The ASYE programme (issue 20 item 3): the service lead registers a newly qualified social
// worker's year (worker, service, start, assessor, learning plan, protected caseload), changes or
// withdraws it; a team manager records the 3, 6 and 9-month reviews and the final assessment for
// their teams' workers (each stage once; a final that extends the year is replaced by the real one
// at the new date). Whose ASYEs someone sees is access.ts's to say. Rules: shared/sw-asye.ts.

const today = (ctx: Ctx) => todayIso(ctx.deps.now());
const roleInfo = (role: string) => (SW_ROLES as Record<string, SwRoleInfo>)[role];
const invalid = (issues: Issue[]) => badRequest("validation", issues[0].message, issues);

export async function caseloadSettings(db: Exec, orgId: string): Promise<CaseloadSettings> {
  return (await repo.findSettings(db, orgId)) ?? DEFAULT_CASELOAD_SETTINGS;
}

/** The protected caseload when an ASYE sets none: the share of the service's threshold, rounded down. */
export function defaultTargets(s: CaseloadSettings): Record<SwService, number> {
  const target = (threshold: number) =>
    protectedCaseloadTarget({ asyeTarget: null, threshold, share: s.asyeProtectionShare });
  return { adults: target(s.caseloadThresholdAdults), children: target(s.caseloadThresholdChildren) };
}

async function presentContext(ctx: OrgCtx, rows: repo.AsyeRow[]): Promise<AsyeContext> {
  return {
    today: today(ctx),
    defaultTarget: defaultTargets(await caseloadSettings(ctx.db, ctx.org.id)),
    latest: await repo.latestCaseloads(
      ctx.db,
      ctx.org.id,
      rows.map((r) => r.a.staffRecordId),
    ),
  };
}

async function reviewsByAsye(db: Exec, orgId: string | null, ids: string[]) {
  const byAsye = new Map<string, repo.ReviewRow[]>();
  for (const r of await repo.listReviews(db, orgId, ids)) byAsye.set(r.asyeId, [...(byAsye.get(r.asyeId) ?? []), r]);
  return byAsye;
}

/** The cohort (or every ASYE) in the teams the user sees, with the reviews due and overdue at the top. */
export async function listAsyes(ctx: OrgCtx, query: AsyeQuery) {
  if (query.teamId) await assertTeamVisible(ctx, query.teamId);
  const teams = query.teamId ? [query.teamId] : await visibleTeamIds(ctx);
  const rows = await repo.listAsyes(ctx.db, ctx.org.id, teams, query.show === "current");
  const reviews = await reviewsByAsye(
    ctx.db,
    ctx.org.id,
    rows.map((r) => r.a.id),
  );
  const c = await presentContext(ctx, rows);
  return {
    at: c.today,
    due: presentDue(rows, reviews, c.today),
    asyes: rows.map((r) => presentAsyeSummary(r, reviews.get(r.a.id) ?? [], c)),
  };
}

/** An ASYE the user may see (its worker in a team they see), or 404. */
async function visibleAsye(ctx: OrgCtx, id: string) {
  const row = await repo.findAsye(ctx.db, ctx.org.id, id);
  if (!row) throw notFound("ASYE");
  if (!seesWholeService(ctx) && !(await visibleTeamIds(ctx)).includes(row.teamId)) throw notFound("ASYE");
  return row;
}

async function detail(ctx: OrgCtx, row: repo.AsyeRow) {
  const reviews = await repo.listReviews(ctx.db, ctx.org.id, [row.a.id]);
  return presentAsyeDetail(row, reviews, await presentContext(ctx, [row]));
}

export async function getAsye(ctx: OrgCtx, id: string) {
  return detail(ctx, await visibleAsye(ctx, id));
}

/** A worker's ASYE (null when they have none), for their page's section. */
export async function workerAsye(ctx: OrgCtx, staffRecordId: string) {
  await visibleWorker(ctx, staffRecordId);
  const row = await repo.findAsyeOfWorker(ctx.db, ctx.org.id, staffRecordId);
  return row ? detail(ctx, row) : null;
}

/** One's own ASYEs, through one's personal account (the staff records it holds, at any council). */
export async function myAsyes(ctx: Ctx) {
  const userId = ctx.actor.userId;
  const ids = userId ? await ownStaffRecordIds(ctx.db, userId) : [];
  const rows = await repo.listAsyesOfRecords(ctx.db, ids);
  const day = today(ctx);
  const reviews = await reviewsByAsye(
    ctx.db,
    null,
    rows.map((r) => r.a.id),
  );
  const asyes = [];
  for (const row of rows) {
    const c: AsyeContext = {
      today: day,
      defaultTarget: defaultTargets(await caseloadSettings(ctx.db, row.a.orgId)),
      latest: await repo.latestCaseloads(ctx.db, row.a.orgId, [row.a.staffRecordId]),
    };
    asyes.push({
      ...presentAsyeDetail(row, reviews.get(row.a.id) ?? [], c),
      organisation: { id: row.a.orgId, name: row.orgName },
    });
  }
  return { at: day, asyes };
}

/** What the register form offers: registered social workers without an ASYE, assessors, and the default targets. */
export async function asyeOptions(ctx: OrgCtx) {
  const day = today(ctx);
  const people = (await repo.listWorkersInPost(ctx.db, ctx.org.id, day)).filter((p) => roleInfo(p.role)?.socialWorker);
  const nq = (p: { role: string; pcfLevel: string | null }) => p.role === "asye_social_worker" || p.pcfLevel === "asye";
  const rank = (p: { role: string; peStage: number | null }) =>
    p.peStage ? -p.peStage : Object.keys(SW_ROLES).length - Object.keys(SW_ROLES).indexOf(p.role);
  return {
    workers: people
      .filter((p) => !p.hasAsye)
      .sort((x, y) => Number(nq(y)) - Number(nq(x)) || x.name.localeCompare(y.name))
      .map((p) => ({
        staffRecordId: p.staffRecordId,
        name: p.name,
        team: p.team,
        service: p.service as SwService,
        role: roleInfo(p.role).label,
        startDate: p.startDate,
        newlyQualified: nq(p),
      })),
    assessors: people
      .filter((p) => !nq(p) && p.startDate <= day)
      .sort((x, y) => rank(x) - rank(y) || x.name.localeCompare(y.name))
      .map((p) => ({
        staffRecordId: p.staffRecordId,
        name: p.name,
        team: p.team,
        service: p.service as SwService,
        detail: p.peStage ? `${roleInfo(p.role).label}, practice educator stage ${p.peStage}` : roleInfo(p.role).label,
      })),
    defaultTarget: defaultTargets(await caseloadSettings(ctx.db, ctx.org.id)),
  };
}

/** What is wrong with an ASYE's dates and assessor for this worker. */
async function asyeIssues(
  ctx: OrgCtx,
  worker: NonNullable<Awaited<ReturnType<typeof repo.findWorker>>>,
  input: UpdateAsyeInput,
): Promise<Issue[]> {
  const issues: Issue[] = [];
  const day = today(ctx);
  if (input.startDate < worker.startDate)
    issues.push({
      path: "startDate",
      message: `The ASYE cannot start before ${worker.name} joined the council on ${longDate(worker.startDate)}`,
    });
  // An end date is the first day out of post (sw-in-post.ts): nothing starts on or after it.
  if (worker.endDate && leftBy(worker, input.startDate))
    issues.push({
      path: "startDate",
      message: `The ASYE cannot start after ${worker.name} left the council on ${longDate(worker.endDate)}`,
    });
  if (input.assessorStaffId) {
    const assessor = await repo.findWorker(ctx.db, ctx.org.id, input.assessorStaffId);
    if (!assessor || !roleInfo(assessor.role)?.socialWorker)
      issues.push({
        path: "assessorStaffId",
        message: "Choose an assessor who is a registered social worker of the council's service",
      });
    else if (assessor.staffRecordId === worker.staffRecordId)
      issues.push({
        path: "assessorStaffId",
        message: "Choose someone other than the newly qualified worker to assess",
      });
    else if (assessor.endDate && leftBy(assessor, input.startDate))
      issues.push({
        path: "assessorStaffId",
        message: `${assessor.name} left the council on ${longDate(assessor.endDate)}: choose an assessor in post`,
      });
  }
  if (input.learningPlanAgreedOn && input.learningPlanAgreedOn > day)
    issues.push({ path: "learningPlanAgreedOn", message: "The learning plan's date cannot be in the future" });
  if (input.grantClaimedOn && input.grantClaimedOn > day)
    issues.push({ path: "grantClaimedOn", message: "The date the grant was claimed cannot be in the future" });
  return issues;
}

const auditView = (a: {
  service: string;
  startDate: string;
  assessorStaffId: string | null;
  learningPlanAgreedOn: string | null;
  protectedCaseloadTarget: number | null;
  status: string;
  extendedTo: string | null;
  outcomeOn: string | null;
  grantClaimedOn: string | null;
}) => ({
  service: a.service,
  startDate: a.startDate,
  assessorStaffId: a.assessorStaffId,
  learningPlanAgreedOn: a.learningPlanAgreedOn,
  protectedCaseloadTarget: a.protectedCaseloadTarget,
  status: a.status,
  extendedTo: a.extendedTo,
  outcomeOn: a.outcomeOn,
  grantClaimedOn: a.grantClaimedOn,
});

export async function registerAsye(ctx: OrgCtx, input: RegisterAsyeInput) {
  const worker = await repo.findWorker(ctx.db, ctx.org.id, input.staffRecordId);
  if (!worker)
    throw invalid([
      { path: "staffRecordId", message: "Choose a social worker of the council's service from the list" },
    ]);
  const issues: Issue[] = [];
  if (!roleInfo(worker.role)?.socialWorker)
    issues.push({
      path: "staffRecordId",
      message: `${worker.name} is a ${roleInfo(worker.role)?.label.toLowerCase() ?? worker.role}, not a registered social worker: an ASYE is for newly qualified social workers`,
    });
  if (input.service && input.service !== worker.service)
    issues.push({
      path: "service",
      message: `${worker.name} works in ${worker.service === "adults" ? "adults'" : "children's"} services: choose that service, or move them to a team of the other first`,
    });
  issues.push(...(await asyeIssues(ctx, worker, input)));
  if (issues.length) throw invalid(issues);
  return inTransaction(ctx, async (tx) => {
    const existing = await repo.findAsyeOfWorker(tx.db, tx.org.id, worker.staffRecordId);
    if (existing)
      throw conflict(
        "asye_exists",
        `${worker.name} already has an ASYE (started ${longDate(existing.a.startDate)}): change that one instead of registering another.`,
      );
    const a = await repo.insertAsye(tx.db, {
      orgId: tx.org.id,
      staffRecordId: worker.staffRecordId,
      service: worker.service,
      startDate: input.startDate,
      assessorStaffId: input.assessorStaffId,
      learningPlanAgreedOn: input.learningPlanAgreedOn,
      protectedCaseloadTarget: input.protectedCaseloadTarget,
      grantClaimedOn: input.grantClaimedOn,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "sw_asye",
      entityId: a.id,
      after: auditView(a),
    });
    return getAsye(tx, a.id);
  });
}

export async function updateAsye(ctx: OrgCtx, id: string, input: UpdateAsyeInput) {
  return inTransaction(ctx, async (tx) => {
    await repo.lockAsye(tx.db, tx.org.id, id);
    const row = await visibleAsye(tx, id);
    const worker = await repo.findWorker(tx.db, tx.org.id, row.a.staffRecordId);
    if (!worker) throw notFound("ASYE");
    const issues = await asyeIssues(tx, worker, input);
    const reviews = await repo.listReviews(tx.db, tx.org.id, [id]);
    const early = reviews.find((r) => r.heldOn < input.startDate);
    if (early)
      issues.push({
        path: "startDate",
        message: `The ${ASYE_STAGE_LABELS[early.stage as AsyeStage].toLowerCase()} was held on ${longDate(early.heldOn)}, before this start date: check the date`,
      });
    else if (input.startDate !== row.a.startDate) {
      // The reviews held must still fall in their windows from the new start (sw-asye.ts).
      const tooEarly = reviews.find((r) => r.heldOn < reviewWindowOpens(input.startDate, r.stage as AsyeStage));
      if (tooEarly)
        issues.push({
          path: "startDate",
          message: `The ${ASYE_STAGE_LABELS[tooEarly.stage as AsyeStage].toLowerCase()} was held on ${longDate(tooEarly.heldOn)}, too early for this start date (it could be held from ${longDate(reviewWindowOpens(input.startDate, tooEarly.stage as AsyeStage))}): check the date`,
        });
    }
    if (issues.length) throw invalid(issues);
    const a = await repo.updateAsye(tx.db, tx.org.id, id, {
      startDate: input.startDate,
      assessorStaffId: input.assessorStaffId,
      learningPlanAgreedOn: input.learningPlanAgreedOn,
      protectedCaseloadTarget: input.protectedCaseloadTarget,
      grantClaimedOn: input.grantClaimedOn,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "sw_asye",
      entityId: id,
      before: auditView(row.a),
      after: auditView(a),
    });
    return getAsye(tx, id);
  });
}

export async function withdrawAsye(ctx: OrgCtx, id: string, input: WithdrawAsyeInput) {
  return inTransaction(ctx, async (tx) => {
    await repo.lockAsye(tx.db, tx.org.id, id);
    const row = await visibleAsye(tx, id);
    if (!isOpenAsye(row.a.status))
      throw conflict(
        "asye_ended",
        `${row.workerName}'s ASYE has already ended (${row.a.status}${row.a.outcomeOn ? ` on ${longDate(row.a.outcomeOn)}` : ""}).`,
      );
    if (input.withdrawnOn < row.a.startDate)
      throw invalid([
        {
          path: "withdrawnOn",
          message: `The ASYE cannot end before it started on ${longDate(row.a.startDate)}`,
        },
      ]);
    if (input.withdrawnOn > today(tx))
      throw invalid([{ path: "withdrawnOn", message: "The date the ASYE ended cannot be in the future" }]);
    const a = await repo.updateAsye(tx.db, tx.org.id, id, { status: "withdrawn", outcomeOn: input.withdrawnOn });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "withdraw",
      entityType: "sw_asye",
      entityId: id,
      before: auditView(row.a),
      after: auditView(a),
    });
    return getAsye(tx, id);
  });
}

/** The held date and new end checked against the ASYE: not before its start, not in the future, an extension after its end. */
function reviewDateIssues(ctx: OrgCtx, row: repo.AsyeRow, r: { heldOn: string; extendedTo: string | null }) {
  const issues: Issue[] = [];
  if (r.heldOn < row.a.startDate)
    issues.push({
      path: "heldOn",
      message: `The review cannot be held before the ASYE started on ${longDate(row.a.startDate)}`,
    });
  if (r.heldOn > today(ctx))
    issues.push({ path: "heldOn", message: "Record a review once it has been held: the date cannot be in the future" });
  const end = asyeDueDates(row.a.startDate).final;
  if (r.extendedTo && r.extendedTo <= end)
    issues.push({
      path: "extendedTo",
      message: `The new end must be after the year's end on ${longDate(end)}`,
    });
  return issues;
}

/** The ASYE's status, outcome date and new end after its final assessment. */
function afterFinal(r: { heldOn: string; progress: string; extendedTo: string | null }) {
  if (r.progress === "pass") return { status: "passed", outcomeOn: r.heldOn };
  if (r.progress === "fail") return { status: "failed", outcomeOn: r.heldOn };
  return { status: "extended", outcomeOn: null, extendedTo: r.extendedTo };
}

const reviewAudit = (r: { stage: string; heldOn: string; progress: string }) => ({
  stage: r.stage,
  heldOn: r.heldOn,
  progress: r.progress,
});

/**
 * Records a review or the final assessment. A stage is recorded once (409: change it instead),
 * except a final that extended the year, which the final at the new date replaces. Passing or
 * failing ends the ASYE (status and outcome date); extending moves its final to the new end.
 */
export async function recordReview(ctx: OrgCtx, id: string, input: RecordReviewInput) {
  return inTransaction(ctx, async (tx) => {
    await repo.lockAsye(tx.db, tx.org.id, id);
    const row = await visibleAsye(tx, id);
    const label = ASYE_STAGE_LABELS[input.stage];
    if (!isOpenAsye(row.a.status))
      throw conflict(
        "asye_ended",
        `${row.workerName}'s ASYE has ended (${row.a.status}${row.a.outcomeOn ? ` on ${longDate(row.a.outcomeOn)}` : ""}): no more reviews can be added, but one already recorded can be changed.`,
      );
    const others = await repo.listReviews(tx.db, tx.org.id, [id]);
    const issues = [
      ...reviewDateIssues(tx, row, input),
      ...reviewTimingIssues({ startDate: row.a.startDate, extendedTo: row.a.extendedTo, others }, input),
    ];
    if (issues.length) throw invalid(issues);
    const existing = await repo.findReviewOfStage(tx.db, tx.org.id, id, input.stage);
    const replacesExtension = existing?.stage === "final" && existing.progress === "extend";
    if (existing && !replacesExtension)
      throw conflict(
        "review_recorded",
        `The ${label.toLowerCase()} for ${row.workerName} is already recorded (held on ${longDate(existing.heldOn)}): change that one instead of adding it again.`,
      );
    const values = {
      heldOn: input.heldOn,
      progress: input.progress,
      evidence: input.evidence,
      recordedBy: tx.actor.userId,
    };
    const review =
      existing && replacesExtension
        ? await repo.updateReview(tx.db, tx.org.id, existing.id, { ...values, createdAt: tx.deps.now() })
        : await repo.insertReview(tx.db, { orgId: tx.org.id, asyeId: id, stage: input.stage, ...values });
    if (input.stage === "final") await repo.updateAsye(tx.db, tx.org.id, id, afterFinal(input));
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: existing ? "record_final_after_extension" : "record_review",
      entityType: "sw_asye_review",
      entityId: review.id,
      before: existing ? reviewAudit(existing) : undefined,
      after: reviewAudit(review),
    });
    return { review: presentReview(review), asye: await getAsye(tx, id) };
  });
}

/** Changes a recorded review (its stage stays); a changed final changes the ASYE's outcome, unless it was withdrawn. */
export async function updateReview(ctx: OrgCtx, id: string, reviewId: string, input: UpdateReviewInput) {
  return inTransaction(ctx, async (tx) => {
    await repo.lockAsye(tx.db, tx.org.id, id);
    const row = await visibleAsye(tx, id);
    const before = await repo.findReview(tx.db, tx.org.id, id, reviewId);
    if (!before) throw notFound("review");
    const others = (await repo.listReviews(tx.db, tx.org.id, [id])).filter((r) => r.id !== reviewId);
    // An extension being changed is the final's first decision: its window is the year's, not the extension's.
    const extendedTo = before.progress === "extend" ? null : row.a.extendedTo;
    const issues = [
      ...reviewIssues(before.stage, input),
      ...reviewDateIssues(tx, row, input),
      ...reviewTimingIssues(
        { startDate: row.a.startDate, extendedTo, others },
        { stage: before.stage as AsyeStage, heldOn: input.heldOn },
      ),
    ];
    if (issues.length) throw invalid(issues);
    const review = await repo.updateReview(tx.db, tx.org.id, reviewId, {
      heldOn: input.heldOn,
      progress: input.progress,
      evidence: input.evidence,
    });
    // An extension corrected to a pass or fail was never an extension: the year ends at 12 months.
    const undoExtension = before.progress === "extend" && input.progress !== "extend" ? { extendedTo: null } : {};
    if (before.stage === "final" && row.a.status !== "withdrawn")
      await repo.updateAsye(tx.db, tx.org.id, id, { ...afterFinal(input), ...undoExtension });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update_review",
      entityType: "sw_asye_review",
      entityId: reviewId,
      before: reviewAudit(before),
      after: reviewAudit(review),
    });
    return { review: presentReview(review), asye: await getAsye(tx, id) };
  });
}

/**
 * Withdraws a review recorded wrongly. Only the latest stage recorded, so the reviews left stay in
 * order. Withdrawing the final reopens the ASYE: a pass or fail goes back to in progress (extended,
 * when an extension had moved the final: the extension's own record was replaced by the final), an
 * extension back to in progress at the year's end. A withdrawn ASYE stays withdrawn.
 */
export async function withdrawReview(ctx: OrgCtx, id: string, reviewId: string) {
  return inTransaction(ctx, async (tx) => {
    await repo.lockAsye(tx.db, tx.org.id, id);
    const row = await visibleAsye(tx, id);
    const reviews = await repo.listReviews(tx.db, tx.org.id, [id]);
    const review = reviews.find((r) => r.id === reviewId);
    if (!review) throw notFound("review");
    const order = (r: { stage: string }) => ASYE_STAGES.indexOf(r.stage as AsyeStage);
    const latest = reviews.reduce((x, y) => (order(y) > order(x) ? y : x));
    if (latest.id !== review.id)
      throw conflict(
        "not_latest_review",
        `Only the latest review can be withdrawn, so the reviews stay in order: withdraw the ${ASYE_STAGE_LABELS[latest.stage as AsyeStage].toLowerCase()} first.`,
      );
    await repo.deleteReview(tx.db, tx.org.id, reviewId);
    if (review.stage === "final") {
      const reopened =
        review.progress === "extend"
          ? { status: row.a.status === "withdrawn" ? "withdrawn" : "in_progress", extendedTo: null }
          : { status: row.a.extendedTo ? "extended" : "in_progress", outcomeOn: null };
      await repo.updateAsye(tx.db, tx.org.id, id, reopened);
    }
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "withdraw_review",
      entityType: "sw_asye_review",
      entityId: reviewId,
      before: reviewAudit(review),
    });
    return getAsye(tx, id);
  });
}
