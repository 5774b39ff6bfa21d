import { TRAINING_CATEGORIES } from "../../../shared/ascwds/codes";
import type { CourseListQuery, CreateCourseInput, UpdateCourseInput } from "../../../shared/schemas/training-catalogue";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import { AppError, badRequest, forbidden, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { frameworkInForce } from "../frameworks/frameworks.service";
import { commissions, councilsOf } from "../orgs/commissioning";
import * as repo from "./catalogue.repo";

// The area's catalogue of courses (issue 18 item 1). A council sees its own area's; a provider,
// training partner or NHS partner the catalogue of every council commissioning it. The council's
// hub team and training partners offer courses and change only their own.

const today = (ctx: Ctx) => isoDate(ctx.deps.now());

/** The councils whose catalogue the organisation sees. */
export async function catalogueCouncils(ctx: OrgCtx): Promise<string[]> {
  return ctx.org.kind === "council" ? [ctx.org.id] : councilsOf(ctx.db, ctx.org.id, today(ctx));
}

/** Framework items (key → title) of each council's framework in force. */
export async function frameworkItems(ctx: Ctx, councilIds: string[]) {
  const out = new Map<string, Map<string, string>>();
  for (const id of councilIds) {
    const { framework } = await frameworkInForce(ctx, id);
    out.set(id, new Map(framework.catalogue.map((i) => [i.key, i.title])));
  }
  return out;
}

export async function listCourses(ctx: OrgCtx, filter: CourseListQuery) {
  const councils = await catalogueCouncils(ctx);
  return repo.listCourses(ctx.db, councils, ctx.org.id, filter as repo.CourseFilter);
}

/** A course the organisation may see, or 404. */
export async function getCourse(ctx: OrgCtx, courseId: string) {
  const course = await repo.findCourse(ctx.db, await catalogueCouncils(ctx), ctx.org.id, courseId);
  if (!course) throw notFound("course");
  return course;
}

/** A course the organisation offers: another offerer's course is 403, one it cannot see 404. */
export async function ownCourse(ctx: OrgCtx, courseId: string) {
  const course = await getCourse(ctx, courseId);
  if (course.offeredBy !== ctx.org.id)
    throw forbidden("Only the organisation that offers this course can change it or add sessions to it.");
  return course;
}

type CourseFields = Omit<CreateCourseInput, "councilId">;

/** The checks the schema cannot make: the ASC-WDS category, the council's framework, LDSS fields. */
async function checkCourse(
  ctx: Ctx,
  councilId: string,
  c: Required<Pick<CourseFields, "category" | "funding">> & CourseFields,
) {
  const field = (path: string, message: string) => badRequest("validation", message, [{ path, message }]);
  if (!TRAINING_CATEGORIES.has(c.category))
    throw field(
      "category",
      `Training category ${c.category} is not an ASC-WDS training category: choose one from the list (for example 20 for safeguarding adults).`,
    );
  if (c.frameworkItem) {
    const items = (await frameworkItems(ctx, [councilId])).get(councilId);
    if (!items?.has(c.frameworkItem))
      throw field(
        "frameworkItem",
        `"${c.frameworkItem}" is not an item of the council's career framework: choose one from the list, or leave it empty.`,
      );
  }
  if (c.funding === "ldss") {
    if (!c.ldssKind)
      throw field(
        "ldssKind",
        "Say how the Learning and Development Support Scheme pays: course, qualification or ommt.",
      );
    if (c.ldssPence == null)
      throw field("ldssPence", "Enter the amount the Learning and Development Support Scheme pays per learner.");
  } else if (c.ldssKind != null || c.ldssPence != null) {
    throw field(
      c.ldssKind != null ? "ldssKind" : "ldssPence",
      "The Learning and Development Support Scheme fields are only for courses it funds: choose funding ldss, or leave them empty.",
    );
  }
}

/** Which council's catalogue a new course joins: the council itself, or one commissioning the partner. */
async function courseCouncil(ctx: OrgCtx, councilId: string | undefined) {
  if (ctx.org.kind === "council") {
    if (councilId && councilId !== ctx.org.id)
      throw badRequest("validation", "A council adds courses to its own catalogue only: leave councilId out.", [
        { path: "councilId", message: "Leave this out" },
      ]);
    return ctx.org.id;
  }
  const councils = await councilsOf(ctx.db, ctx.org.id, today(ctx));
  if (councilId) {
    if (!(await commissions(ctx.db, councilId, ctx.org.id, today(ctx))))
      throw badRequest("validation", "That council does not commission your organisation: choose one that does.", [
        { path: "councilId", message: "Choose a council that commissions you" },
      ]);
    return councilId;
  }
  if (councils.length === 1) return councils[0];
  if (!councils.length)
    throw new AppError(
      409,
      "not_commissioned",
      "No council commissions your organisation, so there is no catalogue to add a course to. Ask the council's hub team.",
    );
  throw badRequest(
    "validation",
    "Several councils commission your organisation: say which catalogue the course joins (councilId).",
    [{ path: "councilId", message: "Choose the council" }],
  );
}

export async function createCourse(ctx: OrgCtx, input: CreateCourseInput) {
  const { councilId: askedCouncil, ...fields } = input;
  const councilId = await courseCouncil(ctx, askedCouncil);
  await checkCourse(ctx, councilId, fields);
  return inTransaction(ctx, async (tx) => {
    const course = await repo.insertCourse(tx.db, {
      ...fields,
      councilId,
      offeredBy: ctx.org.id,
      summary: fields.summary ?? "",
      prerequisites: fields.prerequisites ?? "",
    });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "create",
      entityType: "training_course",
      entityId: course.id,
      after: {
        title: course.title,
        councilId,
        category: course.category,
        funding: course.funding,
        status: course.status,
      },
    });
    return course;
  });
}

export async function updateCourse(ctx: OrgCtx, courseId: string, change: UpdateCourseInput) {
  const before = await ownCourse(ctx, courseId);
  if (before.status === "withdrawn")
    throw new AppError(409, "withdrawn", "This course has been withdrawn and can no longer be changed.");
  const merged = { ...before, ...change };
  await checkCourse(ctx, before.councilId, {
    ...merged,
    delivery: merged.delivery as CourseFields["delivery"],
    funding: merged.funding as CourseFields["funding"],
    ldssKind: merged.ldssKind as CourseFields["ldssKind"],
    audience: merged.audience as CourseFields["audience"],
    status: merged.status as CourseFields["status"],
  });
  return inTransaction(ctx, async (tx) => {
    const after = await repo.updateCourse(tx.db, ctx.org.id, courseId, { ...change, updatedAt: tx.deps.now() });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "update",
      entityType: "training_course",
      entityId: courseId,
      before: Object.fromEntries(Object.keys(change).map((k) => [k, before[k as keyof typeof before]])),
      after: change,
    });
    return after;
  });
}

/** Takes a course out of the catalogue; its sessions already booked still run unless cancelled. */
export async function withdrawCourse(ctx: OrgCtx, courseId: string) {
  const before = await ownCourse(ctx, courseId);
  if (before.status === "withdrawn") return before;
  return inTransaction(ctx, async (tx) => {
    const after = await repo.updateCourse(tx.db, ctx.org.id, courseId, {
      status: "withdrawn",
      updatedAt: tx.deps.now(),
    });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "withdraw",
      entityType: "training_course",
      entityId: courseId,
      before: { status: before.status },
      after: { status: "withdrawn" },
    });
    return after;
  });
}
