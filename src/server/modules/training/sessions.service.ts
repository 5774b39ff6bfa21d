import { longDateTimeRange } from "../../../shared/dates";
import type { CreateSessionInput, UpdateSessionInput } from "../../../shared/schemas/training-catalogue";
import type { PlaceAllocation } from "../../../shared/training";
import { quotasBySize } from "../../../shared/training-places";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import { AppError, badRequest, forbidden, notFound } from "../../lib/errors";
import { addDays, isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { queueEmail } from "../mail/mail.service";
import { providersOf } from "../orgs/commissioning";
import * as repo from "./catalogue.repo";
import { catalogueCouncils, ownCourse } from "./catalogue.service";
import { loadSessionsPlaces } from "./places.repo";

// Dated sessions of a course and how their places are shared (issue 18 item 2). Places held for
// providers (a quota each, set by name or in proportion to staff) are released to everyone at the
// session's release time, 7 days before the start unless the offerer says otherwise.

export const DEFAULT_RELEASE_DAYS = 7;

const field = (path: string, message: string) => badRequest("validation", message, [{ path, message }]);

/** The sessions to come across the catalogue the organisation sees (the offerer also sees its cancelled ones). */
export async function listUpcomingSessions(ctx: OrgCtx, courseIds?: string[]) {
  return repo.listSessions(ctx.db, {
    councilIds: await catalogueCouncils(ctx),
    courseIds,
    from: ctx.deps.now(),
    withCancelledOf: ctx.org.id,
  });
}

/** A session in the organisation's catalogue, or 404. */
export async function getSession(ctx: OrgCtx, sessionId: string) {
  const found = await repo.findSession(ctx.db, await catalogueCouncils(ctx), sessionId);
  const visible = found && (found.session.offeredBy === ctx.org.id || found.course.status === "published");
  if (!visible) throw notFound("session");
  return found;
}

async function ownSession(ctx: OrgCtx, sessionId: string) {
  const found = await getSession(ctx, sessionId);
  if (found.session.offeredBy !== ctx.org.id)
    throw forbidden("Only the organisation that runs this session can change it.");
  return found;
}

type SessionFields = {
  startsAt: Date;
  endsAt: Date;
  venue: string;
  link: string;
  trainerName: string;
  trainerUserId: string | null;
  capacity: number;
  allocation: PlaceAllocation;
  quotas: { orgId: string; places: number }[];
  releaseAt: Date | null;
  cancelHours: number;
};

/**
 * Checks a session against its course and the area, and works out the places held per provider:
 * named quotas (commissioned providers, summing to no more than the capacity) or quotas in
 * proportion to each commissioned provider's staff in post.
 */
async function planSession(
  ctx: OrgCtx,
  course: repo.CourseRow,
  s: SessionFields,
  opts: { releaseGiven: boolean },
): Promise<{ releaseAt: Date | null; quotas: Map<string, number> }> {
  const now = ctx.deps.now();
  if (s.startsAt.getTime() <= now.getTime())
    throw field("startsAt", "The session must start in the future: enter a later start.");
  if (s.endsAt.getTime() <= s.startsAt.getTime()) throw field("endsAt", "The session must end after it starts.");
  if (course.delivery === "classroom" && !s.venue)
    throw field("venue", "A classroom course needs a venue: enter where the session is held.");
  if (course.delivery === "online" && !s.link)
    throw field("link", "An online course needs a joining link: enter the web address learners join at.");
  if (course.delivery === "blended" && !s.venue && !s.link)
    throw field("venue", "A blended course needs a venue or a joining link: enter at least one.");
  if (s.trainerUserId && !(await repo.findMember(ctx.db, ctx.org.id, s.trainerUserId)))
    throw field("trainerUserId", "The trainer's account must belong to your organisation: choose one from the list.");

  const releaseAt =
    s.allocation === "open"
      ? s.releaseAt
      : ((opts.releaseGiven ? s.releaseAt : null) ?? addDays(s.startsAt, -DEFAULT_RELEASE_DAYS));
  if (releaseAt && releaseAt.getTime() > s.startsAt.getTime())
    throw field(
      "releaseAt",
      "Places held for providers must be released before the session starts: enter an earlier time.",
    );

  const commissioned = new Set(
    (await repo.listProviders(ctx.db, await providersOf(ctx.db, course.councilId, isoDate(now)))).map((p) => p.id),
  );
  const quotas = new Map<string, number>();
  if (s.allocation === "quota") {
    if (!s.quotas.length)
      throw field("quotas", "Name at least one provider and its places, or choose open or by_size allocation.");
    for (const [i, q] of s.quotas.entries()) {
      if (!commissioned.has(q.orgId))
        throw field(
          `quotas.${i}.orgId`,
          "Places can be held only for care providers the council commissions: choose one from the list.",
        );
      if (quotas.has(q.orgId))
        throw field(`quotas.${i}.orgId`, "Each provider is named once: add its places together.");
      quotas.set(q.orgId, q.places);
    }
    const held = [...quotas.values()].reduce((a, b) => a + b, 0);
    if (held > s.capacity)
      throw field(
        "quotas",
        `The quotas hold ${held} places but the session has ${s.capacity}: make the quotas add up to ${s.capacity} or fewer, or raise the capacity.`,
      );
  } else if (s.quotas.length) {
    throw field("quotas", "Quotas are named only with quota allocation: remove them or choose quota.");
  } else if (s.allocation === "by_size") {
    const staff = await repo.staffInPost(ctx.db, [...commissioned], isoDate(now));
    for (const [org, n] of quotasBySize(s.capacity, staff)) quotas.set(org, n);
    if (!quotas.size)
      throw field(
        "allocation",
        "No commissioned provider has staff in post to share places by size: choose open or quota.",
      );
  }
  return { releaseAt, quotas };
}

const auditOf = (s: repo.SessionRow, quotas: ReadonlyMap<string, number>) => ({
  courseId: s.courseId,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  capacity: s.capacity,
  allocation: s.allocation,
  releaseAt: s.releaseAt?.toISOString() ?? null,
  quotas: Object.fromEntries(quotas),
});

export async function createSession(ctx: OrgCtx, courseId: string, input: CreateSessionInput) {
  const course = await ownCourse(ctx, courseId);
  if (course.status === "withdrawn")
    throw new AppError(409, "withdrawn", "This course has been withdrawn: no sessions can be added to it.");
  const fields: SessionFields = {
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    venue: input.venue ?? "",
    link: input.link ?? "",
    trainerName: input.trainerName ?? "",
    trainerUserId: input.trainerUserId ?? null,
    capacity: input.capacity,
    allocation: input.allocation ?? "open",
    quotas: input.quotas ?? [],
    releaseAt: input.releaseAt ? new Date(input.releaseAt) : null,
    cancelHours: input.cancelHours ?? 48,
  };
  const { releaseAt, quotas } = await planSession(ctx, course, fields, { releaseGiven: !!input.releaseAt });
  return inTransaction(ctx, async (tx) => {
    const { quotas: _q, ...values } = fields;
    const session = await repo.insertSession(tx.db, {
      ...values,
      releaseAt,
      courseId,
      councilId: course.councilId,
      offeredBy: ctx.org.id,
    });
    await repo.replaceQuotas(tx.db, session.id, quotas);
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "create",
      entityType: "training_session",
      entityId: session.id,
      after: auditOf(session, quotas),
    });
    return session;
  });
}

export async function updateSession(ctx: OrgCtx, sessionId: string, change: UpdateSessionInput) {
  const { session: before, course } = await ownSession(ctx, sessionId);
  if (before.status === "cancelled")
    throw new AppError(409, "cancelled", "This session has been cancelled and can no longer be changed.");
  if (before.startsAt.getTime() <= ctx.deps.now().getTime())
    throw new AppError(409, "started", "This session has already started, so it can no longer be changed.");
  const places = (await loadSessionsPlaces(ctx.db, [sessionId])).get(sessionId);
  const oldQuotas = [...(places?.quotas ?? new Map())].map(([orgId, n]) => ({ orgId, places: n }));
  const allocation = (change.allocation ?? before.allocation) as PlaceAllocation;
  const fields: SessionFields = {
    startsAt: change.startsAt ? new Date(change.startsAt) : before.startsAt,
    endsAt: change.endsAt ? new Date(change.endsAt) : before.endsAt,
    venue: change.venue ?? before.venue,
    link: change.link ?? before.link,
    trainerName: change.trainerName ?? before.trainerName,
    trainerUserId: change.trainerUserId === undefined ? before.trainerUserId : change.trainerUserId,
    capacity: change.capacity ?? before.capacity,
    allocation,
    // by_size quotas are worked out afresh; named quotas kept unless replaced.
    quotas: change.quotas ?? (allocation === "quota" && before.allocation === "quota" ? oldQuotas : []),
    releaseAt:
      change.releaseAt !== undefined ? (change.releaseAt ? new Date(change.releaseAt) : null) : before.releaseAt,
    cancelHours: change.cancelHours ?? before.cancelHours,
  };
  const taken = [...(places?.taken.values() ?? [])].reduce((a, b) => a + b, 0);
  if (fields.capacity < taken)
    throw field("capacity", `${taken} places are already booked: the capacity cannot be less than ${taken}.`);
  const releaseGiven =
    change.releaseAt !== undefined ? !!change.releaseAt : before.allocation !== "open" && !!before.releaseAt;
  const { releaseAt, quotas } = await planSession(ctx, course, fields, { releaseGiven });
  return inTransaction(ctx, async (tx) => {
    const { quotas: _q, ...values } = fields;
    const after = await repo.updateSession(tx.db, ctx.org.id, sessionId, {
      ...values,
      releaseAt,
      updatedAt: tx.deps.now(),
    });
    await repo.replaceQuotas(tx.db, sessionId, quotas);
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "update",
      entityType: "training_session",
      entityId: sessionId,
      before: auditOf(before, places?.quotas ?? new Map()),
      after: auditOf(after, quotas),
    });
    return after;
  });
}

/**
 * Cancels a session: every booking on it (and its waiting list) is cancelled in the same
 * transaction, and each booking employer's admins are told by email.
 */
export async function cancelSession(ctx: OrgCtx, sessionId: string, reason: string) {
  const { session: before, course } = await ownSession(ctx, sessionId);
  if (before.status === "cancelled") throw new AppError(409, "cancelled", "This session has already been cancelled.");
  if (before.startsAt.getTime() <= ctx.deps.now().getTime())
    throw new AppError(409, "started", "This session has already started, so it cannot be cancelled.");
  return inTransaction(ctx, async (tx) => {
    const now = tx.deps.now();
    const after = await repo.updateSession(tx.db, ctx.org.id, sessionId, {
      status: "cancelled",
      cancelledReason: reason,
      updatedAt: now,
    });
    const cancelled = await repo.cancelBookingsOfSession(tx.db, sessionId, now, tx.actor.userId);
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "cancel",
      entityType: "training_session",
      entityId: sessionId,
      before: { status: before.status },
      after: { status: "cancelled", reason, bookingsCancelled: cancelled.length },
    });
    await tellEmployers(tx, course, after, reason, cancelled, ctx.org.name);
    return { session: after, bookingsCancelled: cancelled.length };
  });
}

async function tellEmployers(
  ctx: Ctx,
  course: repo.CourseRow,
  s: repo.SessionRow,
  reason: string,
  cancelled: { orgId: string; status: string }[],
  offerer: string,
) {
  const perOrg = new Map<string, { booked: number; waiting: number }>();
  for (const b of cancelled) {
    const n = perOrg.get(b.orgId) ?? { booked: 0, waiting: 0 };
    if (b.status === "waiting") n.waiting += 1;
    else n.booked += 1;
    perOrg.set(b.orgId, n);
  }
  const when = longDateTimeRange(s.startsAt, s.endsAt);
  for (const { orgId, email } of await repo.providerAdminEmails(ctx.db, [...perOrg.keys()])) {
    const n = perOrg.get(orgId) ?? { booked: 0, waiting: 0 };
    const people = [
      n.booked ? `${n.booked} ${n.booked === 1 ? "person" : "people"} booked` : "",
      n.waiting ? `${n.waiting} on the waiting list` : "",
    ]
      .filter(Boolean)
      .join(" and ");
    await queueEmail(ctx, {
      to: email,
      template: "training_session_cancelled",
      subject: `Training session cancelled: ${course.title}, ${when}`,
      body: [
        `${offerer} has cancelled the session of "${course.title}" on ${when}.`,
        "",
        `Reason: ${reason}`,
        "",
        `Your organisation had ${people} on it. Their bookings have been cancelled: you can book them on another session of the course in the hub.`,
      ].join("\n"),
    });
  }
}
