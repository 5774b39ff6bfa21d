import type { z } from "zod";
import { type ApplicationStage, CLOSED_STAGES, STAGE_LABELS } from "../../../shared/recruitment";
import type {
  bulkMoveInput,
  EmailTemplateKind,
  emailTemplateInput,
  moveInput,
  scoresInput,
  slotInput,
  startInput,
} from "../../../shared/schemas/recruitment";
import { EMAIL_TEMPLATE_KINDS } from "../../../shared/schemas/recruitment";
import { inTransaction, type OrgCtx } from "../../context";
import { AppError, badRequest, conflict, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { csvLine } from "../ascwds/csv";
import { formMessage } from "../ascwds/form-messages";
import { STAFF_COLUMNS } from "../ascwds/headers";
import { recordAudit } from "../audit/audit.service";
import { applyUpload, validateUpload } from "../imports/imports.service";
import { queueEmail } from "../mail/mail.service";
import * as advertsRepo from "./adverts.repo";
import { fillAdvert } from "./adverts.service";
import { CHECK_LABELS, type Checks, checklist, EMPTY_CHECKS } from "./checks-rules";
import { DEFAULT_TEMPLATES, fill, INTERVIEW_TIMES_TO_FOLLOW, placeholderList, unknownPlaceholder } from "./templates";
import * as repo from "./tracking.repo";

// An employer's applicant tracking (issue 17 item 5): the applications to its own adverts, moves
// between stages (each an application_events row the funnel reads, audited without personal
// details, and an email to the candidate in the employer's wording), notes, values scores
// against the rubric, interview slots, and starting a candidate as a staff record (item 8).
// The candidate part writes the "applied" event when an application is made; every later move
// is written here.
//
// Starting someone while required pre-employment checks are missing is refused, unless the
// employer says so explicitly (overrideChecks): some starts are lawful before every check is in
// (for example on a DBS Adult First result under supervision, reference §2.2), but the decision
// and what was missing are then on the record (the event's reason and the audit).

type Move = z.infer<typeof moveInput>;
type Start = z.infer<typeof startInput>;
const today = (ctx: OrgCtx) => isoDate(ctx.deps.now());

export async function listApplications(ctx: OrgCtx, f: { advertId?: string; stage?: string }) {
  const [rows, counts] = await Promise.all([
    repo.listApplications(ctx.db, ctx.org.id, f),
    repo.countByStage(ctx.db, ctx.org.id, f.advertId),
  ]);
  return { rows, counts };
}

async function ownApplication(ctx: OrgCtx, id: string, forUpdate = false) {
  const found = await repo.findApplication(ctx.db, ctx.org.id, id, forUpdate);
  if (!found) throw notFound("application");
  return found;
}

export const checksOf = (row: repo.ChecksRow | undefined): Checks =>
  row
    ? {
        identitySeenOn: row.identitySeenOn,
        dbsLevel: row.dbsLevel,
        dbsCertificateNumber: row.dbsCertificateNumber,
        dbsIssuedOn: row.dbsIssuedOn,
        dbsUpdateService: row.dbsUpdateService,
        dbsUpdateCheckedOn: row.dbsUpdateCheckedOn,
        rightToWorkMethod: row.rightToWorkMethod,
        rightToWorkDocument: row.rightToWorkDocument,
        rightToWorkCheckedOn: row.rightToWorkCheckedOn,
        rightToWorkExpiresOn: row.rightToWorkExpiresOn,
        rightToWorkFollowUpOn: row.rightToWorkFollowUpOn,
        references: (row.references as Checks["references"]) ?? [],
        historyGapsExplained: row.historyGapsExplained,
        historyNotes: row.historyNotes,
        healthDeclarationOn: row.healthDeclarationOn,
        qualificationsVerifiedOn: row.qualificationsVerifiedOn,
      }
    : EMPTY_CHECKS;

/** The checks bundle of an application, the bundles shared with the employer, and the checklist. */
export async function checksFor(ctx: OrgCtx, application: repo.ApplicationRow) {
  const own = await repo.findChecks(ctx.db, ctx.org.id, application.id);
  const shared = application.candidateUserId
    ? await repo.sharedBundles(ctx.db, ctx.org.id, application.candidateUserId)
    : [];
  const relied = own?.reliedOn.length ? shared.find((s) => s.checks.id === own.sharedFromId) : undefined;
  const list = checklist(
    checksOf(own),
    today(ctx),
    relied ? { items: own?.reliedOn as never, from: checksOf(relied.checks), employer: relied.employer } : undefined,
  );
  return { own, shared, checklist: list };
}

export async function getApplication(ctx: OrgCtx, id: string) {
  const { application, advert } = await ownApplication(ctx, id);
  const [events, notes, scores, slots, checks] = await Promise.all([
    repo.listEvents(ctx.db, ctx.org.id, id),
    repo.listNotes(ctx.db, ctx.org.id, id),
    repo.listScores(ctx.db, ctx.org.id, id),
    repo.listSlots(ctx.db, ctx.org.id, advert.id),
    checksFor(ctx, application),
  ]);
  const booked = slots.find((s) => s.slot.applicationId === id)?.slot ?? null;
  return { application, advert, events, notes, scores, booked, checklist: checks.checklist };
}

function assertMove(app: repo.ApplicationRow, to: ApplicationStage, reason: string | undefined) {
  if (CLOSED_STAGES.includes(app.stage as ApplicationStage))
    throw conflict("closed", `This application is closed (${STAGE_LABELS[app.stage as ApplicationStage]}).`);
  if (app.stage === to) throw conflict("same_stage", `This application is already at ${STAGE_LABELS[to]}.`);
  if (to === "applied")
    throw badRequest("validation", "An application cannot go back to Applied.", [
      { path: "stage", message: "Choose a later stage" },
    ]);
  if (to === "rejected" && !reason)
    throw badRequest("validation", "Choose why the application is not taken forward.", [
      { path: "reason", message: "Choose why the application is not taken forward" },
    ]);
}

const templateKind = (to: ApplicationStage): EmailTemplateKind | null =>
  (EMAIL_TEMPLATE_KINDS as readonly string[]).includes(to) ? (to as EmailTemplateKind) : null;

/** Whether the advert has an interview time nobody has booked that is still to come. */
async function hasFreeTimes(ctx: OrgCtx, advertId: string) {
  const now = ctx.deps.now();
  return (await repo.listSlots(ctx.db, ctx.org.id, advertId)).some(
    ({ slot }) => !slot.applicationId && slot.startsAt > now,
  );
}

/** The candidate's email for a move, in the employer's wording (or the default). */
async function emailCandidate(ctx: OrgCtx, app: repo.ApplicationRow, jobTitle: string, to: ApplicationStage) {
  const kind = templateKind(to);
  if (!kind || app.candidateDeletedAt) return;
  const own = (await repo.listTemplates(ctx.db, ctx.org.id)).find((t) => t.kind === kind);
  const noTimes = kind === "interview" && !(await hasFreeTimes(ctx, app.advertId));
  const template = noTimes ? INTERVIEW_TIMES_TO_FOLLOW : (own ?? DEFAULT_TEMPLATES[kind]);
  const values = {
    name: app.name,
    jobTitle,
    employer: ctx.org.name,
    link: `${ctx.deps.env.PUBLIC_URL}/orgs/${app.councilId}/candidate/applications`,
  };
  await queueEmail(ctx, {
    to: app.email,
    subject: fill(template.subject, values),
    body: fill(template.body, values),
    template: `recruitment.${kind}`,
  });
}

/** Moves applications (already locked and checked) and writes their events, audit and emails. */
async function applyMoves(
  ctx: OrgCtx,
  rows: { application: repo.ApplicationRow; advert: advertsRepo.AdvertRow }[],
  to: ApplicationStage,
  reason: string | null,
  extra: Partial<repo.ApplicationRow> = {},
  eventNote: string | null = null,
) {
  const now = ctx.deps.now();
  for (const { application, advert } of rows) {
    await repo.updateApplication(ctx.db, ctx.org.id, application.id, {
      stage: to,
      rejectionReason: to === "rejected" ? reason : null,
      stageChangedAt: now,
      ...extra,
    });
    await emailCandidate(ctx, application, advert.title, to);
  }
  await repo.insertEvents(
    ctx.db,
    rows.map(({ application }) => ({
      applicationId: application.id,
      orgId: ctx.org.id,
      fromStage: application.stage,
      toStage: to,
      reason: eventNote ?? reason,
      at: now,
      by: ctx.actor.userId,
    })),
  );
  for (const { application } of rows)
    await recordAudit(ctx, {
      orgId: ctx.org.id,
      action: "move",
      entityType: "application",
      entityId: application.id,
      before: { stage: application.stage },
      after: {
        stage: to,
        reason: eventNote ?? reason,
        ...(extra.staffRecordId ? { staffRecordId: extra.staffRecordId } : {}),
      },
    });
}

export async function moveApplication(ctx: OrgCtx, id: string, input: Move) {
  return inTransaction(ctx, async (tx) => {
    const found = await ownApplication(tx, id, true);
    assertMove(found.application, input.stage, input.reason);
    if (input.stage === "started") return startCandidate(tx, found, input);
    await applyMoves(tx, [found], input.stage, input.reason ?? null);
  });
}

/** Many applications to one stage, all or nothing. */
export async function bulkMove(ctx: OrgCtx, input: z.infer<typeof bulkMoveInput>) {
  if (input.stage === "started")
    throw badRequest("validation", "Start people one at a time: each needs a start date and a staff record.", [
      { path: "stage", message: "Choose another stage, or start people one at a time" },
    ]);
  const ids = [...new Set(input.ids)];
  return inTransaction(ctx, async (tx) => {
    const rows = await repo.findApplications(tx.db, tx.org.id, ids);
    if (rows.length !== ids.length) throw notFound("application");
    for (const r of rows) assertMove(r.application, input.stage, input.reason);
    await applyMoves(tx, rows, input.stage, input.reason ?? null);
    return rows.length;
  });
}

/** The start form's field for each column of the staff row it sends. */
const START_FIELDS: Record<string, string> = {
  NINUMBER: "start.niNumber",
  STARTDATE: "start.startDate",
  CONTHOURS: "start.hoursPerWeek",
  EMPLSTATUS: "start.contract",
  LOCALESTID: "start.workplaceId",
};

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * Started: a staff record at the employer, made through the same path as the staff form (one
 * row of the ASC-WDS staff file through the records import), so the NI number keys the person
 * across employers as every staff record does. The candidate's account is not linked to it.
 */
async function startCandidate(
  ctx: OrgCtx,
  found: { application: repo.ApplicationRow; advert: advertsRepo.AdvertRow },
  input: Move,
) {
  const { application: app, advert } = found;
  const start: Start | undefined = input.start;
  if (!start)
    throw badRequest("validation", "Enter the start date and the details of the staff record.", [
      { path: "start.startDate", message: "Enter the start date" },
    ]);
  if (start.startDate > today(ctx))
    throw badRequest("validation", "Move the application to Started on or after their first day.", [
      { path: "start.startDate", message: "The start date must be today or earlier" },
    ]);
  if (start.startDate < isoDate(app.submittedAt))
    throw badRequest("validation", "The start date cannot be before they applied.", [
      { path: "start.startDate", message: "Enter a date after they applied" },
    ]);
  const { checklist: list } = await checksFor(ctx, app);
  const missing = list.items.filter((i) => !i.done).map((i) => CHECK_LABELS[i.item]);
  if (missing.length && !input.overrideChecks)
    throw new AppError(
      422,
      "checks_missing",
      `Required pre-employment checks are missing: ${missing.join(", ")}. Complete them, or confirm that they start before the checks are complete.`,
      [
        {
          path: "overrideChecks",
          message: `Complete the missing checks (${missing.join(", ")}), or confirm that they start before the checks are complete`,
        },
      ],
    );
  const workplace = await repo.findWorkplaceOf(ctx.db, ctx.org.id, start.workplaceId ?? advert.workplaceId);
  if (!workplace)
    throw badRequest("validation", "Choose one of your workplaces.", [
      { path: "start.workplaceId", message: "Choose one of your workplaces" },
    ]);
  const localRef = `REC-${app.id.slice(0, 8).toUpperCase()}`;
  const row: Record<string, string> = {
    LOCALESTID: workplace.localRef,
    UNIQUEWORKERID: localRef,
    STATUS: "NEW",
    DISPLAYID: app.name,
    NINUMBER: start.niNumber,
    STARTDATE: dmy(start.startDate),
    EMPLSTATUS: String(start.contract),
    ZEROHRCONT: advert.zeroHours ? "1" : "2",
    MAINJOBROLE: String(advert.jobRole),
    CONTHOURS: start.hoursPerWeek !== null && !advert.zeroHours ? String(start.hoursPerWeek) : "",
  };
  const file = {
    name: "staff.json",
    bytes: new TextEncoder().encode(
      `${[STAFF_COLUMNS.join(","), csvLine(STAFF_COLUMNS.map((c) => row[c] ?? ""))].join("\n")}\n`,
    ),
  };
  // The staff file's own rules first, so a refusal lands on the start form's field in its words.
  const checked = await validateUpload(ctx, [file], today(ctx));
  const errors = checked.parsed.problems.filter((p) => p.severity === "error");
  if (errors.length)
    throw new AppError(
      422,
      "validation",
      formMessage(errors[0]),
      errors.map((p) => ({ path: START_FIELDS[p.column ?? ""] ?? "", message: formMessage(p) })),
    );
  await applyUpload(ctx, [file], today(ctx), { missing: { default: { action: "keep" } } });
  const staff = await repo.findCurrentStaff(ctx.db, ctx.org.id, workplace.id, localRef);
  if (!staff) throw new Error("the staff record made for a start was not found");
  await applyMoves(
    ctx,
    [found],
    "started",
    null,
    { staffRecordId: staff.id, startedOn: start.startDate },
    missing.length ? `Started with checks missing: ${missing.join(", ")}` : null,
  );
  await fillAdvert(ctx, advert.id, start.startDate);
}

export async function addNote(ctx: OrgCtx, id: string, body: string) {
  return inTransaction(ctx, async (tx) => {
    await ownApplication(tx, id);
    const note = await repo.insertNote(tx.db, {
      applicationId: id,
      orgId: tx.org.id,
      body,
      authorId: tx.actor.userId,
    });
    // The note's words may hold personal details: the audit keeps that a note was added, not what it says.
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "note",
      entityType: "application",
      entityId: id,
      after: { noteId: note.id },
    });
  });
}

/** One assessor's scores of the advert's values, 1 to 5 against the rubric, with evidence. */
export async function addScores(ctx: OrgCtx, id: string, input: z.infer<typeof scoresInput>) {
  return inTransaction(ctx, async (tx) => {
    const { application, advert } = await ownApplication(tx, id);
    const answers = (application.answers as { questionId?: string | null; value: string }[]) ?? [];
    const known = new Set([...advert.values, ...answers.map((a) => a.value)]);
    input.scores.forEach((s, i) => {
      if (!known.has(s.value))
        throw badRequest("validation", `"${s.value}" is not one of the values this job needs.`, [
          { path: `scores.${i}.value`, message: "Choose one of the job's values" },
        ]);
    });
    await repo.insertScores(
      tx.db,
      input.scores.map((s) => ({
        applicationId: id,
        orgId: tx.org.id,
        questionId: s.questionId && answers.some((a) => a.questionId === s.questionId) ? s.questionId : null,
        value: s.value,
        score: s.score,
        evidence: s.evidence,
        assessorId: tx.actor.userId,
      })),
    );
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "score",
      entityType: "application",
      entityId: id,
      after: { scores: input.scores.map((s) => ({ value: s.value, score: s.score })) },
    });
  });
}

// Email templates.

export async function listTemplates(ctx: OrgCtx) {
  const own = await repo.listTemplates(ctx.db, ctx.org.id);
  return EMAIL_TEMPLATE_KINDS.map((kind) => {
    const t = own.find((o) => o.kind === kind);
    return {
      kind,
      subject: t?.subject ?? DEFAULT_TEMPLATES[kind].subject,
      body: t?.body ?? DEFAULT_TEMPLATES[kind].body,
      custom: Boolean(t),
    };
  });
}

export async function saveTemplate(ctx: OrgCtx, kind: EmailTemplateKind, input: z.infer<typeof emailTemplateInput>) {
  return inTransaction(ctx, async (tx) => {
    const unknown = unknownPlaceholder(input.subject + input.body);
    if (unknown !== undefined)
      throw badRequest("validation", `{${unknown}} is not a placeholder: use ${placeholderList()}.`, [
        { path: "body", message: `{${unknown}} is not a placeholder` },
      ]);
    await repo.upsertTemplate(tx.db, {
      orgId: tx.org.id,
      kind,
      subject: input.subject,
      body: input.body,
      updatedBy: tx.actor.userId,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "email_template",
      entityId: null,
      after: { kind },
    });
  });
}

// Interview slots.

async function ownAdvert(ctx: OrgCtx, advertId: string) {
  const a = await advertsRepo.findAdvert(ctx.db, ctx.org.id, advertId);
  if (!a) throw notFound("advert");
  return a;
}

export async function listSlots(ctx: OrgCtx, advertId: string) {
  await ownAdvert(ctx, advertId);
  return repo.listSlots(ctx.db, ctx.org.id, advertId);
}

export async function addSlot(ctx: OrgCtx, advertId: string, input: z.infer<typeof slotInput>) {
  return inTransaction(ctx, async (tx) => {
    await ownAdvert(tx, advertId);
    if (new Date(input.startsAt) < tx.deps.now())
      throw badRequest("validation", "An interview time must be in the future.", [
        { path: "startsAt", message: "Enter a time in the future" },
      ]);
    const slot = await repo.insertSlot(tx.db, {
      orgId: tx.org.id,
      advertId,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      place: input.place,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "interview_slot",
      entityId: slot.id,
      after: { advertId },
    });
    return slot;
  });
}

export async function removeSlot(ctx: OrgCtx, slotId: string) {
  return inTransaction(ctx, async (tx) => {
    const slot = await repo.findSlot(tx.db, tx.org.id, slotId);
    if (!slot) throw notFound("interview time");
    if (slot.applicationId) throw conflict("booked", "This interview time is booked: it cannot be removed.");
    await repo.deleteFreeSlot(tx.db, tx.org.id, slotId);
    await recordAudit(tx, { orgId: tx.org.id, action: "delete", entityType: "interview_slot", entityId: slotId });
    return slot.advertId;
  });
}
