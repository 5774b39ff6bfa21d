import { longDate } from "../../../shared/dates";
import { outwardCode } from "../../../shared/postcode";
import type { PayAgeBand } from "../../../shared/recruitment";
import type { CreateAdvertInput, UpdateAdvertInput } from "../../../shared/schemas/recruitment";
import { type Ctx, type Deps, inTransaction, type OrgCtx, systemCtx } from "../../context";
import { AppError, badRequest, conflict, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { frameworkInForce } from "../frameworks/frameworks.service";
import { councilsOf } from "../orgs/commissioning";
import { listPayFloors } from "../reference/reference.repo";
import { closingDateProblems, type Issue, payGuide, payProblems } from "./advert-rules";
import * as repo from "./adverts.repo";

// An employer's job adverts (issue 17 item 1). An advert is made from one open vacancy record
// of the employer (the workplace and ASC-WDS job role come from it) and shown on the board of
// the council that commissions the employer, or of the council itself for its own services.
// Pay under the legal minimum and closing dates in the past are refused on every save and on
// publishing, so such an advert can never be published. Closing:
// - filled: a candidate started (tracking.service.ts) — the advert closes and the vacancy record
//   closes on the start date;
// - closing_date: the periodic job below — the vacancy record stays open, because the post is
//   still vacant until someone fills it; the employer can advertise it again;
// - withdrawn: the employer closed it — the vacancy record stays open for the same reason.

const today = (ctx: Ctx) => isoDate(ctx.deps.now());

function refuse(issues: Issue[]) {
  if (issues.length) throw badRequest("validation", issues[0].message, issues);
}

/** The council whose board shows the employer's adverts (the council itself for its own services). */
async function boardOf(ctx: OrgCtx): Promise<string> {
  if (ctx.org.kind === "council") return ctx.org.id;
  const [council] = await councilsOf(ctx.db, ctx.org.id, today(ctx));
  if (!council)
    throw new AppError(
      422,
      "no_board",
      `${ctx.org.name} is not commissioned by a council in the hub, so there is no job board for its adverts. Ask the council to add you as one of its providers.`,
    );
  return council;
}

/** The roles and values of the council's framework in force (the shipped one until it publishes its own). */
async function frameworkChoices(ctx: Ctx, councilId: string) {
  const { framework } = await frameworkInForce(ctx, councilId);
  const title = new Map(framework.roles.map((r) => [r.key, r.title]));
  const roles = framework.roles.map((r) => ({
    key: r.key,
    title: r.title,
    values: r.values,
    // Where the role leads in the framework: what an advert can offer as progression.
    onward: framework.routes.filter((x) => x.from === r.key).map((x) => title.get(x.to) ?? x.to),
  }));
  const values = [...new Set(framework.roles.flatMap((r) => r.values))];
  return { roles, values };
}

type Fields = Required<UpdateAdvertInput>;

/** Every rule an advert's fields must meet, each refusal naming its field. */
async function check(ctx: Ctx, councilId: string, f: Fields) {
  const floors = await listPayFloors(ctx.db);
  const { roles, values } = await frameworkChoices(ctx, councilId);
  const issues: Issue[] = [
    ...closingDateProblems(f.closingDate, today(ctx)),
    ...payProblems(
      floors,
      {
        payUnit: f.payUnit,
        payMinPence: Math.round(f.payMin * 100),
        payMaxPence: f.payMax === null ? null : Math.round(f.payMax * 100),
        payAgeBand: f.payAgeBand,
        hoursPerWeek: f.hoursPerWeek,
        zeroHours: f.zeroHours,
      },
      today(ctx),
    ),
  ];
  if (f.frameworkRoleKey && !roles.some((r) => r.key === f.frameworkRoleKey))
    issues.push({ path: "frameworkRoleKey", message: "Choose a role from the council's career framework" });
  const known = new Set(values);
  f.values.forEach((v, i) => {
    if (!known.has(v))
      issues.push({ path: `values.${i}`, message: `Choose values from the framework: "${v}" is not one` });
  });
  f.questions.forEach((q, i) => {
    if (!f.values.includes(q.value))
      issues.push({ path: `questions.${i}.value`, message: "Each question tests one of the values the role needs" });
  });
  refuse(issues);
}

const columnsOf = (f: Fields) => ({
  frameworkRoleKey: f.frameworkRoleKey,
  title: f.title,
  reference: f.reference,
  summary: f.summary,
  description: f.description,
  payUnit: f.payUnit,
  payMinPence: Math.round(f.payMin * 100),
  payMaxPence: f.payMax === null ? null : Math.round(f.payMax * 100),
  payAgeBand: f.payAgeBand,
  hoursPerWeek: f.zeroHours ? null : f.hoursPerWeek,
  zeroHours: f.zeroHours,
  contractType: f.contractType,
  shiftPattern: f.shiftPattern,
  drivingRequired: f.drivingRequired,
  visaSponsorship: f.visaSponsorship,
  noExperienceNeeded: f.noExperienceNeeded,
  offers: f.offers,
  values: f.values,
  closingDate: f.closingDate,
});

/** An advert row's fields as the form and the employer's views give them: pay in pounds, not pence. */
export const advertFields = (a: repo.AdvertRow): Omit<Fields, "questions"> => ({
  frameworkRoleKey: a.frameworkRoleKey,
  title: a.title,
  reference: a.reference,
  summary: a.summary,
  description: a.description,
  payUnit: a.payUnit as Fields["payUnit"],
  payMin: a.payMinPence / 100,
  payMax: a.payMaxPence === null ? null : a.payMaxPence / 100,
  payAgeBand: a.payAgeBand as PayAgeBand,
  hoursPerWeek: a.hoursPerWeek,
  zeroHours: a.zeroHours,
  contractType: a.contractType as Fields["contractType"],
  shiftPattern: a.shiftPattern,
  drivingRequired: a.drivingRequired,
  visaSponsorship: a.visaSponsorship,
  noExperienceNeeded: a.noExperienceNeeded,
  offers: a.offers,
  values: a.values,
  closingDate: a.closingDate,
});

const fieldsOf = (a: repo.AdvertRow, questions: { value: string; question: string; guidance: string }[]): Fields => ({
  ...advertFields(a),
  questions: questions.map((q) => ({ value: q.value, question: q.question, guidance: q.guidance })),
});

/** What the audit keeps of an advert: its terms, never a person. */
const auditOf = (a: repo.AdvertRow) => ({
  status: a.status,
  title: a.title,
  vacancyId: a.vacancyId,
  payUnit: a.payUnit,
  payMinPence: a.payMinPence,
  payMaxPence: a.payMaxPence,
  payAgeBand: a.payAgeBand,
  closingDate: a.closingDate,
  closedReason: a.closedReason,
});

async function saveQuestions(ctx: OrgCtx, advert: repo.AdvertRow, questions: Fields["questions"]) {
  await repo.retireQuestions(ctx.db, ctx.org.id, advert.id, ctx.deps.now());
  await repo.insertQuestions(
    ctx.db,
    questions.map((q, i) => ({
      councilId: advert.councilId,
      orgId: ctx.org.id,
      advertId: advert.id,
      value: q.value,
      question: q.question,
      guidance: q.guidance,
      position: i,
    })),
  );
}

export async function createAdvert(ctx: OrgCtx, input: CreateAdvertInput) {
  return inTransaction(ctx, async (tx) => {
    const found = await repo.findVacancyWithWorkplace(tx.db, tx.org.id, input.vacancyId);
    if (!found) throw notFound("vacancy");
    if (found.vacancy.closedOn)
      throw badRequest("validation", "This vacancy is closed: open a vacancy for the post to advertise it.", [
        { path: "vacancyId", message: "Choose an open vacancy" },
      ]);
    if (await repo.findAdvertOfVacancy(tx.db, input.vacancyId))
      throw badRequest("already_advertised", "This vacancy already has an advert: edit that advert instead.", [
        { path: "vacancyId", message: "This vacancy already has an advert" },
      ]);
    const councilId = await boardOf(tx);
    const { vacancyId, ...fields } = input;
    await check(tx, councilId, fields);
    const outward = found.workplace.postcode ? outwardCode(found.workplace.postcode) : null;
    const district = outward ? await repo.findDistrict(tx.db, outward) : undefined;
    const advert = await repo.insertAdvert(tx.db, {
      ...columnsOf(fields),
      orgId: tx.org.id,
      councilId,
      workplaceId: found.workplace.id,
      vacancyId,
      jobRole: found.vacancy.jobRole,
      status: "draft",
      postcode: found.workplace.postcode,
      outward,
      lat: district?.lat ?? null,
      lng: district?.lng ?? null,
      createdBy: tx.actor.userId,
    });
    await saveQuestions(tx, advert, fields.questions);
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "job_advert",
      entityId: advert.id,
      after: auditOf(advert),
    });
    return advert;
  });
}

async function ownOrThrow(ctx: OrgCtx, id: string) {
  const a = await repo.findAdvert(ctx.db, ctx.org.id, id, true);
  if (!a) throw notFound("advert");
  return a;
}

export async function updateAdvert(ctx: OrgCtx, id: string, patch: UpdateAdvertInput) {
  return inTransaction(ctx, async (tx) => {
    const before = await ownOrThrow(tx, id);
    // A filled post is done with; an advert closed at its closing date or withdrawn can be
    // changed (a new closing date) and published again, as the vacancy is still open.
    if (before.closedReason === "filled") throw conflict("filled", "This post has been filled: the advert is closed.");
    const questions = await repo.advertQuestions(tx.db, [id]);
    const fields = { ...fieldsOf(before, questions), ...patch };
    await check(tx, before.councilId, fields);
    // A refused advert that is changed goes back to draft: publishing it again is then the
    // employer's answer to the hub's reason (a refused advert cannot be republished unchanged).
    const after = await repo.updateAdvert(tx.db, tx.org.id, id, {
      ...columnsOf(fields),
      ...(before.status === "refused" ? { status: "draft" } : {}),
      updatedAt: tx.deps.now(),
    });
    if (patch.questions) await saveQuestions(tx, after, patch.questions);
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "job_advert",
      entityId: id,
      before: auditOf(before),
      after: auditOf(after),
    });
    return after;
  });
}

/** Publishes a draft, a refused advert after it was fixed, or republishes one withdrawn while still open. */
export async function publishAdvert(ctx: OrgCtx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const before = await ownOrThrow(tx, id);
    if (before.status === "published") throw conflict("published", "This advert is already on the job board.");
    if (before.status === "refused")
      throw conflict(
        "refused",
        `The job board took this advert down: ${before.moderationNote ?? "see the hub's reason"} Change the advert to deal with it, then publish it again.`,
      );
    if (before.status === "closed" && before.closedReason === "filled")
      throw conflict("filled", "This post has been filled.");
    const vacancy = await repo.findVacancyWithWorkplace(tx.db, tx.org.id, before.vacancyId);
    if (vacancy?.vacancy.closedOn)
      throw conflict(
        "vacancy_closed",
        `The vacancy was closed on ${longDate(vacancy.vacancy.closedOn)}: there is no post to fill.`,
      );
    // The rules again, on the publishing day: the legal minimum may have risen since the draft.
    await check(tx, before.councilId, fieldsOf(before, await repo.advertQuestions(tx.db, [id])));
    const now = tx.deps.now();
    const after = await repo.updateAdvert(tx.db, tx.org.id, id, {
      status: "published",
      publishedAt: now,
      closedAt: null,
      closedReason: null,
      moderationNote: null,
      updatedAt: now,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "publish",
      entityType: "job_advert",
      entityId: id,
      before: auditOf(before),
      after: auditOf(after),
    });
    return after;
  });
}

/** The employer takes the advert down (withdrawn); the vacancy record stays open. */
export async function closeAdvert(ctx: OrgCtx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const before = await ownOrThrow(tx, id);
    if (before.status === "closed") throw conflict("closed", "This advert is already closed.");
    const now = tx.deps.now();
    const after = await repo.updateAdvert(tx.db, tx.org.id, id, {
      status: "closed",
      closedReason: "withdrawn",
      closedAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "close",
      entityType: "job_advert",
      entityId: id,
      before: auditOf(before),
      after: auditOf(after),
    });
    return after;
  });
}

/**
 * A candidate started: the advert closes as filled and its vacancy record closes on the start
 * date. Called inside the move's transaction (tracking.service.ts).
 */
export async function fillAdvert(ctx: OrgCtx, advertId: string, startedOn: string) {
  const before = await ownOrThrow(ctx, advertId);
  const now = ctx.deps.now();
  const after = await repo.updateAdvert(ctx.db, ctx.org.id, advertId, {
    status: "closed",
    closedReason: "filled",
    closedAt: before.status === "closed" ? before.closedAt : now,
    updatedAt: now,
  });
  const [vacancy] = await repo.closeVacancyOn(ctx.db, ctx.org.id, before.vacancyId, startedOn);
  await recordAudit(ctx, {
    orgId: ctx.org.id,
    action: "fill",
    entityType: "job_advert",
    entityId: advertId,
    before: auditOf(before),
    after: auditOf(after),
  });
  if (vacancy)
    await recordAudit(ctx, {
      orgId: ctx.org.id,
      action: "update",
      entityType: "vacancy",
      entityId: vacancy.id,
      before: { closedOn: null },
      after: { closedOn: startedOn },
    });
}

async function withExtras(ctx: Ctx, rows: repo.AdvertListRow[]) {
  const ids = rows.map((r) => r.advert.id);
  const [counts, questions] = await Promise.all([repo.stageCounts(ctx.db, ids), repo.advertQuestions(ctx.db, ids)]);
  return rows.map((r) => ({
    ...r,
    counts: counts.get(r.advert.id) ?? {},
    questions: questions.filter((q) => q.advertId === r.advert.id),
  }));
}
export type AdvertWithExtras = Awaited<ReturnType<typeof withExtras>>[number];

export const listAdverts = async (ctx: OrgCtx, status: string) =>
  withExtras(ctx, await repo.ownAdverts(ctx.db, ctx.org.id, status));

export async function getAdvert(ctx: OrgCtx, id: string) {
  const row = await repo.ownAdvert(ctx.db, ctx.org.id, id);
  if (!row) throw notFound("advert");
  return (await withExtras(ctx, [row]))[0];
}

/** The National Living Wage and Real Living Wage the form shows against the pay, and the framework's choices. */
export async function getPayGuide(ctx: OrgCtx, band: PayAgeBand, on?: string) {
  const day = on ?? today(ctx);
  const floors = await listPayFloors(ctx.db);
  let choices: Awaited<ReturnType<typeof frameworkChoices>> = { roles: [], values: [] };
  try {
    choices = await frameworkChoices(ctx, await boardOf(ctx));
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
  }
  return { on: day, ...payGuide(floors, band, day), ...choices };
}

// The council's hub: moderation of its board.

export const listBoardForModeration = async (ctx: OrgCtx) =>
  withExtras(ctx, await repo.boardAdverts(ctx.db, ctx.org.id));

/** The hub refuses a published advert on its board, with a reason the employer sees. */
export async function refuseAdvert(ctx: OrgCtx, id: string, reason: string) {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findBoardAdvert(tx.db, tx.org.id, id);
    if (!before) throw notFound("advert");
    if (before.status !== "published") throw conflict("not_published", "Only adverts on the job board can be refused.");
    const now = tx.deps.now();
    const after = await repo.updateAdvert(tx.db, before.orgId, id, {
      status: "refused",
      moderationNote: reason,
      updatedAt: now,
    });
    for (const orgId of [tx.org.id, before.orgId])
      await recordAudit(tx, {
        orgId,
        action: "refuse",
        entityType: "job_advert",
        entityId: id,
        before: auditOf(before),
        after: auditOf(after),
      });
    return (await withExtras(tx, [await repo.boardAdvert(tx.db, tx.org.id, id)]))[0];
  });
}

/**
 * The periodic close: published adverts past their closing date close (closing_date). Their
 * vacancy records stay open: the post is still vacant until someone is appointed.
 */
export async function closeAdvertsPastClosingDate(deps: Deps) {
  const ctx = systemCtx(deps);
  return inTransaction(ctx, async (tx) => {
    const closed = await repo.closeExpiredAdverts(tx.db, isoDate(deps.now()), deps.now());
    for (const a of closed)
      await recordAudit(tx, {
        orgId: a.orgId,
        action: "close",
        entityType: "job_advert",
        entityId: a.id,
        after: { status: "closed", closedReason: "closing_date" },
      });
    return closed.length;
  });
}
