import type {
  DecideCaseInput,
  OpenCaseInput,
  ProgressionStepInput,
  UpdateCaseInput,
  WorkerProgressionResponse,
} from "../../../shared/schemas/social-work-progression";
import {
  decideCaseInput,
  openCaseInput,
  progressionStepInput,
  updateCaseInput,
} from "../../../shared/schemas/social-work-progression";
import { SW_ROLES, type SwRoleInfo, type SwService } from "../../../shared/social-work";
import { eligibility, nextStep, profileAfterStep, reviewDue } from "../../../shared/sw-progression";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import { badRequest, conflict, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { SHIPPED_FRAMEWORK } from "../frameworks/shipped-framework";
import { seesWholeService, visibleTeamIds, visibleWorker } from "./access";
import { ownStaffRecordIds } from "./access.repo";
import { presentReview } from "./development-reviews.presenter";
import * as reviews from "./development-reviews.repo";
import { presentCase, presentStep } from "./progression.presenter";
import * as repo from "./progression.repo";

// Progression (issue 20 item 6; social-work.md §4): the council's scheme of steps (grade to grade,
// the career framework roles moved between, criteria, evidence, automatic or by panel, minimum
// months in grade), workers' cases through to a panel's decision, and each worker's progression
// at a glance. Approving a case moves the worker's grade (and role and PCF level where the step
// names a framework role) in the same transaction. The rules: shared/sw-progression.ts.

const SOCIAL_WORK_PATHWAYS = new Set(["adult_social_work", "childrens_social_work"]);

/** The career framework's social work roles a step may name (the shipped framework's keys). */
export const frameworkRoles = () =>
  SHIPPED_FRAMEWORK.roles
    .filter((r) => SOCIAL_WORK_PATHWAYS.has(r.pathway))
    .map((r) => ({ key: r.key, title: r.title }));

function checkFrameworkRoles(input: { fromFrameworkRole: string | null; toFrameworkRole: string | null }) {
  const keys = new Set(frameworkRoles().map((r) => r.key));
  const issues = (["fromFrameworkRole", "toFrameworkRole"] as const)
    .filter((f) => input[f] !== null && !keys.has(input[f] as string))
    .map((f) => ({
      path: f,
      message: `${input[f]} is not a social work role of the career framework: choose one from the list, or leave it empty`,
    }));
  if (issues.length) throw badRequest("invalid_framework_role", issues[0].message, issues);
}

export async function listSteps(ctx: OrgCtx) {
  return { steps: (await repo.listSteps(ctx.db, ctx.org.id)).map(presentStep), frameworkRoles: frameworkRoles() };
}

export async function createStep(ctx: OrgCtx, raw: ProgressionStepInput) {
  const input = progressionStepInput.parse(raw);
  checkFrameworkRoles(input);
  return inTransaction(ctx, async (tx) => {
    const step = await repo.insertStep(tx.db, { orgId: ctx.org.id, ...input });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "create",
      entityType: "sw_progression_step",
      entityId: step.id,
      after: input,
    });
    return presentStep(step);
  });
}

export async function updateStep(ctx: OrgCtx, id: string, raw: ProgressionStepInput) {
  const input = progressionStepInput.parse(raw);
  checkFrameworkRoles(input);
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findStep(tx.db, ctx.org.id, id);
    if (!before) throw notFound("progression step");
    const step = await repo.updateStep(tx.db, ctx.org.id, id, input);
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "update",
      entityType: "sw_progression_step",
      entityId: id,
      before: presentStep(before),
      after: input,
    });
    return presentStep(step);
  });
}

/** Archives a step (or brings it back): its cases stay; no new case may be opened on it. */
export async function archiveStep(ctx: OrgCtx, id: string, archived: boolean) {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findStep(tx.db, ctx.org.id, id);
    if (!before) throw notFound("progression step");
    const step = await repo.updateStep(tx.db, ctx.org.id, id, { archivedAt: archived ? ctx.deps.now() : null });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: archived ? "archive" : "restore",
      entityType: "sw_progression_step",
      entityId: id,
    });
    return presentStep(step);
  });
}

/** Cases of the workers the user may see (socialwork/access.ts). */
export async function listCases(ctx: OrgCtx, status?: string) {
  const teams = seesWholeService(ctx) ? undefined : await visibleTeamIds(ctx);
  return (await repo.listCases(ctx.db, ctx.org.id, { teams, status })).map(presentCase);
}

async function visibleCase(ctx: OrgCtx, id: string) {
  const [row] = await repo.listCases(ctx.db, ctx.org.id, { id });
  if (!row) throw notFound("progression case");
  try {
    await visibleWorker(ctx, row.case.staffRecordId);
  } catch {
    throw notFound("progression case");
  }
  return row;
}

/** The worker's grade, since when, and eligibility for a step today. */
async function eligibilityFor(ctx: Ctx, orgId: string, facts: repo.WorkerFacts, step: repo.StepRow) {
  const on = isoDate(ctx.deps.now());
  const [last] = await reviews.listReviews(ctx.db, orgId, facts.staffRecordId);
  const gradeSince = (await repo.lastApprovedOn(ctx.db, facts.staffRecordId)) ?? facts.startDate;
  return {
    gradeSince,
    eligibility: eligibility({
      step,
      on,
      grade: facts.grade,
      gradeSince,
      asyeStatus: facts.asyeStatus,
      lastReview: last?.review ?? null,
    }),
  };
}

export async function getCase(ctx: OrgCtx, id: string) {
  const row = await visibleCase(ctx, id);
  const facts = await repo.workerFacts(ctx.db, ctx.org.id, row.case.staffRecordId);
  if (!facts) throw notFound("progression case");
  const { eligibility } = await eligibilityFor(ctx, ctx.org.id, facts, row.step);
  return { case: presentCase(row), step: presentStep(row.step), eligibility, grade: facts.grade };
}

export async function openCase(ctx: OrgCtx, raw: OpenCaseInput) {
  const input = openCaseInput.parse(raw);
  await visibleWorker(ctx, input.staffRecordId);
  return inTransaction(ctx, async (tx) => {
    const step = await repo.findStep(tx.db, ctx.org.id, input.stepId);
    if (!step || step.archivedAt)
      throw badRequest("invalid_step", "Choose a step of the scheme that is not archived", [
        { path: "stepId", message: "Choose a step of the scheme that is not archived" },
      ]);
    const facts = await repo.workerFacts(tx.db, ctx.org.id, input.staffRecordId);
    if (!facts) throw notFound("social worker");
    if (step.service && step.service !== facts.service)
      throw badRequest("invalid_step", `This step is for the ${step.service}' service, not the worker's`, [
        { path: "stepId", message: "Choose a step of the worker's service" },
      ]);
    if (await repo.openCaseOn(tx.db, input.staffRecordId, input.stepId))
      throw conflict("case_open", "This worker already has an open case on this step: add to that one.");
    const created = await repo.insertCase(tx.db, {
      orgId: ctx.org.id,
      staffRecordId: input.staffRecordId,
      stepId: input.stepId,
      evidenceNotes: input.evidenceNotes,
    });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "create",
      entityType: "sw_progression_case",
      entityId: created.id,
      after: { staffRecordId: input.staffRecordId, stepId: input.stepId, status: "preparing" },
    });
    return created.id;
  });
}

const OPEN = new Set(["preparing", "submitted"]);

async function lockedOpenCase(tx: OrgCtx, id: string) {
  await visibleCase(tx, id);
  const row = await repo.lockCase(tx.db, tx.org.id, id);
  if (!row) throw notFound("progression case");
  if (!OPEN.has(row.status))
    throw conflict("case_decided", "This case has been decided: open a new case to try again.");
  return row;
}

/** Adds evidence notes or sets the panel date while the case is open. */
export async function updateCase(ctx: OrgCtx, id: string, raw: UpdateCaseInput) {
  const input = updateCaseInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const before = await lockedOpenCase(tx, id);
    await repo.updateCase(tx.db, id, input);
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "update",
      entityType: "sw_progression_case",
      entityId: id,
      // Evidence notes are free text: only whether they changed is recorded.
      before: { panelDate: before.panelDate },
      after: { panelDate: input.panelDate ?? before.panelDate, evidenceChanged: input.evidenceNotes !== undefined },
    });
    return id;
  });
}

/** Submits a prepared case to the panel; a step that asks for evidence needs evidence notes. */
export async function submitCase(ctx: OrgCtx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const row = await lockedOpenCase(tx, id);
    if (row.status !== "preparing") throw conflict("case_submitted", "This case has already been submitted.");
    const step = await repo.findStep(tx.db, ctx.org.id, row.stepId);
    if (step?.evidence.length && !row.evidenceNotes.trim())
      throw badRequest("evidence_needed", "Add evidence notes before submitting: this step asks for evidence", [
        { path: "evidenceNotes", message: `Add evidence notes: the step asks for ${step.evidence.join("; ")}` },
      ]);
    await repo.updateCase(tx.db, id, { status: "submitted" });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "submit",
      entityType: "sw_progression_case",
      entityId: id,
      before: { status: "preparing" },
      after: { status: "submitted" },
    });
    return id;
  });
}

/**
 * The panel's decision, made once. A panel step is decided once submitted; an automatic step may
 * be decided while preparing. Approving moves the worker's grade (and role and PCF level where the
 * step says) in the same transaction, and needs the worker still to hold the step's starting grade.
 */
export async function decideCase(ctx: OrgCtx, id: string, raw: DecideCaseInput) {
  const input = decideCaseInput.parse(raw);
  const today = isoDate(ctx.deps.now());
  if (input.decidedOn > today)
    throw badRequest("invalid_date", "The date of the decision cannot be in the future", [
      { path: "decidedOn", message: "Enter the date the panel decided, today or earlier" },
    ]);
  return inTransaction(ctx, async (tx) => {
    const row = await lockedOpenCase(tx, id);
    const step = await repo.findStep(tx.db, ctx.org.id, row.stepId);
    if (!step) throw notFound("progression step");
    if (row.status !== "submitted" && !step.automatic)
      throw conflict("case_not_submitted", "Submit the case to the panel before recording its decision.");
    if (input.decision === "approved") {
      const facts = await repo.workerFacts(tx.db, ctx.org.id, row.staffRecordId);
      if (!facts) throw notFound("social worker");
      const norm = (g: string | null) => (g ?? "").trim().toLowerCase();
      if (norm(facts.grade) !== norm(step.fromGrade))
        throw conflict(
          "grade_changed",
          `The worker's grade is ${facts.grade ?? "not recorded"}, not ${step.fromGrade}: correct their profile or decline the case.`,
        );
      const after = profileAfterStep(step, facts.service as SwService, facts);
      await repo.updateProfile(tx.db, row.staffRecordId, after);
      await recordAudit(tx, {
        orgId: ctx.org.id,
        action: "progress",
        entityType: "sw_staff",
        entityId: row.staffRecordId,
        before: { grade: facts.grade, role: facts.role, pcfLevel: facts.pcfLevel },
        after,
      });
    }
    await repo.updateCase(tx.db, id, {
      status: input.decision,
      decidedOn: input.decidedOn,
      decisionNotes: input.notes,
    });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "decide",
      entityType: "sw_progression_case",
      entityId: id,
      before: { status: row.status },
      after: { status: input.decision, decidedOn: input.decidedOn },
    });
    return id;
  });
}

/** A worker's progression at a glance (grade, next step, eligibility, cases, last review). */
async function progressionOf(ctx: Ctx, orgId: string, staffRecordId: string): Promise<WorkerProgressionResponse> {
  const facts = await repo.workerFacts(ctx.db, orgId, staffRecordId);
  if (!facts) throw notFound("social worker");
  const steps = (await repo.listSteps(ctx.db, orgId)).map((s) => ({ ...s, archived: s.archivedAt !== null }));
  const step = nextStep(steps, facts.service, facts.grade);
  const gradeSince = (await repo.lastApprovedOn(ctx.db, staffRecordId)) ?? facts.startDate;
  const elig = step ? (await eligibilityFor(ctx, orgId, facts, step)).eligibility : null;
  const [last] = await reviews.listReviews(ctx.db, orgId, staffRecordId);
  const cases = await repo.listCases(ctx.db, orgId, { staffRecordId });
  const service = facts.service as SwService;
  const roleKey = (SW_ROLES as Record<string, SwRoleInfo>)[facts.role]?.frameworkRole[service];
  const role = roleKey ? (frameworkRoles().find((r) => r.key === roleKey) ?? null) : null;
  return {
    staffRecordId,
    service,
    role: facts.role,
    grade: facts.grade,
    gradeSince,
    frameworkRole: role,
    nextStep: step ? presentStep(step) : null,
    eligibility: elig,
    cases: cases.map(presentCase),
    lastReview: last ? presentReview(last) : null,
    review: reviewDue(last?.review.heldOn ?? null, isoDate(ctx.deps.now())),
  };
}

export async function workerProgression(ctx: OrgCtx, staffRecordId: string) {
  await visibleWorker(ctx, staffRecordId);
  return progressionOf(ctx, ctx.org.id, staffRecordId);
}

/** One's own progression, for each social work staff record one's personal account holds. */
export async function myProgression(ctx: Ctx) {
  if (!ctx.actor.userId) return { records: [] };
  const mine = await repo.socialWorkRecords(ctx.db, await ownStaffRecordIds(ctx.db, ctx.actor.userId));
  return { records: await Promise.all(mine.map((r) => progressionOf(ctx, r.orgId, r.staffRecordId))) };
}
