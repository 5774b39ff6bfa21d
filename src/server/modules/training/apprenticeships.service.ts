import { checkApprenticeshipStart, FUNDING_BANDS_PENCE } from "../../../shared/apprenticeship-rules";
import type { ApprenticeshipInput, ApprenticeshipUpdate } from "../../../shared/schemas/training-apprenticeships";
import { inTransaction, type OrgCtx } from "../../context";
import { badRequest, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { frameworkForOrg } from "../frameworks/frameworks.service";
import { councilsOf } from "../orgs/commissioning";
import * as repo from "./apprenticeships.repo";

// An employer's apprenticeship starts (issue 18 item 6): a provider's, or the council's for its
// own staff. A start is checked by the one rule (shared/apprenticeship-rules.ts), and its
// progress and end feed the figures (apprenticeship_starts_12m, completions, achievement rate).

const today = (ctx: OrgCtx) => isoDate(ctx.deps.now());

/** The standards the council's career framework lists, the choices a start is recorded against. */
export async function listStandards(ctx: OrgCtx) {
  const framework = await frameworkForOrg(ctx);
  return framework.catalogue
    .filter((i) => i.kind === "apprenticeship" && i.standard)
    .map((i) => ({
      standard: i.standard as string,
      title: i.title,
      level: i.level ?? 0,
      fundingBandPence: FUNDING_BANDS_PENCE[i.standard as string] ?? null,
    }))
    .sort((a, b) => a.level - b.level || a.standard.localeCompare(b.standard));
}

export async function listApprenticeships(ctx: OrgCtx) {
  const [rows, standards, staff, requests] = [
    await repo.listApprenticeships(ctx.db, ctx.org.id),
    await listStandards(ctx),
    await repo.listStaffInPost(ctx.db, ctx.org.id, today(ctx)),
    await repo.listLevyRequestsWithUse(ctx.db, ctx.org.id, "approved"),
  ];
  return {
    rows,
    standards,
    staff,
    levyRequests: requests.map((r) => ({
      id: r.r.id,
      standard: r.r.standard,
      leftPence: Math.max(0, r.r.amountPence - Number(r.used)),
      pledger: r.pledger,
    })),
  };
}

/** The council whose area the employer's row belongs to: the council itself, or one commissioning the provider. */
async function areaOf(ctx: OrgCtx, day: string) {
  if (ctx.org.kind === "council") return ctx.org.id;
  const [councilId] = await councilsOf(ctx.db, ctx.org.id, day);
  if (!councilId)
    throw badRequest(
      "no_area",
      "No council commissions your organisation today, so the hub has no area to record this in.",
    );
  return councilId;
}

export async function recordApprenticeship(ctx: OrgCtx, input: ApprenticeshipInput) {
  const standards = await listStandards(ctx);
  return inTransaction(ctx, async (tx) => {
    const staff = await repo.findStaffRecord(tx.db, tx.org.id, input.staffRecordId);
    const request = input.levyRequestId
      ? await repo.findLevyRequestWithUse(tx.db, tx.org.id, input.levyRequestId)
      : null;
    const issues = checkApprenticeshipStart({
      staff: staff ?? null,
      standard: input.standard,
      knownStandards: standards.map((s) => s.standard),
      startOn: input.startOn,
      plannedEndOn: input.plannedEndOn,
      pricePence: input.pricePence,
      funding: input.funding,
      levyRequest: request
        ? {
            status: request.r.status,
            standard: request.r.standard,
            staffRecordIds: request.r.staffRecordIds,
            leftPence: Math.max(0, request.r.amountPence - Number(request.used)),
          }
        : input.levyRequestId
          ? { status: "unknown", standard: "", staffRecordIds: [], leftPence: 0 }
          : null,
      staffRecordId: input.staffRecordId,
    });
    const partner = input.trainingProviderId ? await repo.findTrainingPartner(tx.db, input.trainingProviderId) : null;
    if (input.trainingProviderId && !partner)
      issues.push({
        path: "trainingProviderId",
        message: "Choose a training partner from the list, or type the provider's name",
      });
    if (issues.length) throw badRequest("validation", issues.map((i) => i.message).join(". "), issues);
    const std = standards.find((s) => s.standard === input.standard);
    const row = await repo.insertApprenticeship(tx.db, {
      orgId: tx.org.id,
      councilId: await areaOf(tx, input.startOn),
      staffRecordId: input.staffRecordId,
      standard: input.standard,
      standardTitle: std?.title ?? input.standard,
      level: std?.level ?? 0,
      startOn: input.startOn,
      plannedEndOn: input.plannedEndOn,
      trainingProviderId: input.trainingProviderId,
      trainingProviderName: partner?.name ?? input.trainingProviderName,
      funding: input.funding,
      levyRequestId: input.levyRequestId,
      pricePence: input.pricePence,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "apprenticeship",
      entityId: row.id,
      after: row,
    });
    return { a: row, name: staff?.displayId ?? "" };
  });
}

/** Progress, a review, a break, the end: the status and its end date and result must agree. */
export async function updateApprenticeship(ctx: OrgCtx, id: string, input: ApprenticeshipUpdate) {
  return inTransaction(ctx, async (tx) => {
    const found = await repo.findApprenticeship(tx.db, tx.org.id, id);
    if (!found) throw notFound("apprenticeship");
    const before = found.a;
    const next = {
      progressPercent: input.progressPercent ?? before.progressPercent,
      lastReviewOn: input.lastReviewOn === undefined ? before.lastReviewOn : input.lastReviewOn,
      status: input.status ?? before.status,
      endOn: input.endOn === undefined ? before.endOn : input.endOn,
      result: input.result === undefined ? before.result : input.result,
    };
    const ended = next.status === "completed" || next.status === "withdrawn";
    if (!ended) {
      // Back in learning or on a break: no end, no result.
      if (input.endOn || input.result)
        throw badRequest("validation", "Only a completed or withdrawn apprenticeship has an end date or a result.", [
          { path: input.endOn ? "endOn" : "result", message: "Set the status to completed or withdrawn first" },
        ]);
      next.endOn = null;
      next.result = null;
    } else {
      if (!next.endOn)
        throw badRequest("validation", "Enter the day the apprenticeship ended.", [
          { path: "endOn", message: "Enter the end date" },
        ]);
      if (next.endOn < before.startOn)
        throw badRequest("validation", "The end date cannot be before the start.", [
          { path: "endOn", message: "Enter an end date on or after the start" },
        ]);
      if (next.endOn > today(tx))
        throw badRequest("validation", "The end date cannot be in the future.", [
          { path: "endOn", message: "Enter the day it ended, today or earlier" },
        ]);
      if (next.status === "completed" && !next.result)
        throw badRequest(
          "validation",
          "Say whether the apprentice achieved the standard at the end-point assessment.",
          [{ path: "result", message: "Choose achieved or not achieved" }],
        );
      if (next.status === "withdrawn") next.result = null;
      if (next.status === "completed" && next.result === "achieved") next.progressPercent = 100;
    }
    if (next.lastReviewOn && next.lastReviewOn < before.startOn)
      throw badRequest("validation", "The last review cannot be before the start.", [
        { path: "lastReviewOn", message: "Enter a review date on or after the start" },
      ]);
    const after = await repo.updateApprenticeship(tx.db, tx.org.id, id, next);
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "apprenticeship",
      entityId: id,
      before,
      after,
    });
    return { a: after, name: found.name };
  });
}
