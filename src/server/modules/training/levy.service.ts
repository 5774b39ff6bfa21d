import { allowanceTracker, pledgeFits, pledgeLeftPence } from "../../../shared/apprenticeship-rules";
import { longDate } from "../../../shared/dates";
import type {
  LevyDecisionInput,
  LevyRequestInput,
  PledgeInput,
} from "../../../shared/schemas/training-apprenticeships";
import { formatPence } from "../../../shared/training";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import { badRequest, conflict, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { oneLine, queueEmail } from "../mail/mail.service";
import { councilsOf } from "../orgs/commissioning";
import { listStaffInPost, listStaffInPostAmong } from "./apprenticeships.repo";
import * as repo from "./levy.repo";

// Levy transfer brokerage (issue 18 item 6). A levy payer (the council, an NHS partner) pledges
// part of its transfer allowance (50% of last year's levy); the area's small providers ask for it
// for named starts; the pledger approves or rejects. A provider sees the open pledges' amounts
// left, never other requesters; the pledger sees of a request what the requester chose to share
// (its name, the standard, the amount, the people's names as recorded), nothing else.

const today = (ctx: Ctx) => isoDate(ctx.deps.now());

async function areaOf(ctx: OrgCtx) {
  if (ctx.org.kind === "council") return ctx.org.id;
  const [councilId] = await councilsOf(ctx.db, ctx.org.id, today(ctx));
  if (!councilId)
    throw badRequest("no_area", "No council works with your organisation today, so there is no area to pledge to.");
  return councilId;
}

async function notify(ctx: Ctx, orgId: string, email: { subject: string; body: string; template: string }) {
  for (const to of await repo.listAdminEmails(ctx.db, orgId)) await queueEmail(ctx, { to, ...email });
}

export async function createPledge(ctx: OrgCtx, input: PledgeInput) {
  const councilId = await areaOf(ctx);
  return inTransaction(ctx, async (tx) => {
    await repo.lockPledger(tx.db, tx.org.id);
    const others = await repo.sumOpenPledged(tx.db, tx.org.id, today(tx));
    const fit = pledgeFits(input.levyPaidPence, others, input.amountPence);
    if (!fit.ok)
      throw badRequest(
        "over_allowance",
        `Your transfer allowance is ${formatPence(fit.allowance)} (half of the ${formatPence(input.levyPaidPence)} levy paid last year). Your other open pledges take ${formatPence(others)}, so ${formatPence(fit.left)} is left to pledge.`,
        [{ path: "amountPence", message: `Pledge at most ${formatPence(fit.left)}, what is left of your allowance` }],
      );
    const row = await repo.insertPledge(tx.db, {
      councilId,
      orgId: tx.org.id,
      levyPaidPence: input.levyPaidPence,
      amountPence: input.amountPence,
      standards: [...new Set(input.standards)],
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      notes: input.notes,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "levy_pledge",
      entityId: row.id,
      after: row,
    });
    return row;
  });
}

/** The pledger's pledges with their requests, and the allowance tracker over the open ones. */
export async function listPledges(ctx: OrgCtx) {
  const pledges = await repo.listPledges(ctx.db, ctx.org.id);
  const requests = await repo.listRequestsToPledges(
    ctx.db,
    pledges.map((p) => p.p.id),
  );
  const people = await repo.listNamedPeople(
    ctx.db,
    requests.map((r) => r.r),
  );
  // A name shows only when the record is the requester's own (ids were checked when asked, and
  // this keeps it so whatever happens to the record later).
  const nameOf = new Map(people.map((p) => [`${p.orgId}|${p.id}`, p.displayId]));
  const day = today(ctx);
  const open = pledges.filter((p) => p.p.status === "open" && p.p.closesOn >= day);
  const latest = pledges[0]?.p.levyPaidPence ?? 0;
  return {
    pledges: pledges.map((p) => ({
      pledge: p.p,
      approved: Number(p.approved),
      requests: requests
        .filter((r) => r.r.pledgeId === p.p.id)
        .map((r) => ({
          ...r,
          people: r.r.staffRecordIds.map((id) => nameOf.get(`${r.r.orgId}|${id}`)).filter((n): n is string => !!n),
        })),
    })),
    tracker: allowanceTracker(
      latest,
      open.map((p) => ({ amountPence: p.p.amountPence, approvedPence: Number(p.approved) })),
    ),
  };
}

/** What a provider sees: its area's open pledges (what each has left), its own requests, its staff for the form. */
export async function listOpenPledges(ctx: OrgCtx) {
  const day = today(ctx);
  const councils = await councilsOf(ctx.db, ctx.org.id, day);
  const pledges = await repo.listOpenPledges(ctx.db, councils, day);
  const mine = await repo.listMyRequests(ctx.db, ctx.org.id);
  const staff = await listStaffInPost(ctx.db, ctx.org.id, day);
  const people = await repo.listNamedPeople(
    ctx.db,
    mine.map((r) => r.r),
  );
  const nameOf = new Map(people.filter((p) => p.orgId === ctx.org.id).map((p) => [p.id, p.displayId]));
  return {
    pledges: pledges
      .map((p) => ({ ...p, left: pledgeLeftPence(p.p.amountPence, Number(p.approved)) }))
      .filter((p) => p.left > 0),
    requests: mine.map((r) => ({ ...r, people: r.r.staffRecordIds.map((id) => ({ id, name: nameOf.get(id) ?? "" })) })),
    staff,
  };
}

export async function requestLevy(ctx: OrgCtx, input: LevyRequestInput) {
  const day = today(ctx);
  const councils = await councilsOf(ctx.db, ctx.org.id, day);
  return inTransaction(ctx, async (tx) => {
    const pledge = await repo.findOpenPledgeForUpdate(tx.db, councils, input.pledgeId, day);
    if (!pledge)
      throw badRequest("validation", "That pledge is not open to your organisation: choose one of the open pledges.", [
        { path: "pledgeId", message: "Choose one of the open pledges" },
      ]);
    if (pledge.standards.length > 0 && !pledge.standards.includes(input.standard))
      throw badRequest("validation", `This pledge funds only ${pledge.standards.join(", ")}.`, [
        { path: "standard", message: `Choose one of the standards the pledge funds: ${pledge.standards.join(", ")}` },
      ]);
    const ids = [...new Set(input.staffRecordIds)];
    const people = await listStaffInPostAmong(tx.db, tx.org.id, ids, day);
    if (people.length !== ids.length)
      throw badRequest("validation", "Name only members of your own staff who are in post today.", [
        { path: "staffRecordIds", message: "Choose people from your own staff list" },
      ]);
    const left = pledgeLeftPence(pledge.amountPence, await repo.sumApproved(tx.db, pledge.id));
    if (input.amountPence > left)
      throw badRequest("validation", `The pledge has ${formatPence(left)} left: ask for that or less.`, [
        { path: "amountPence", message: `Ask for at most ${formatPence(left)}` },
      ]);
    const row = await repo.insertRequest(tx.db, {
      pledgeId: pledge.id,
      councilId: pledge.councilId,
      orgId: tx.org.id,
      standard: input.standard,
      amountPence: input.amountPence,
      staffRecordIds: people.map((p) => p.id),
      reason: input.reason,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "levy_request",
      entityId: row.id,
      after: row,
    });
    await notify(tx, pledge.orgId, {
      template: "levy-request",
      subject: `A request for ${formatPence(input.amountPence)} of your levy pledge`,
      body: [
        `${oneLine(tx.org.name)} asks for ${formatPence(input.amountPence)} of the levy you pledged, for ${people.length} ${input.standard} apprenticeship start${people.length === 1 ? "" : "s"}.`,
        "",
        "Approve or reject it here:",
        `${tx.deps.env.PUBLIC_URL}/orgs/${pledge.orgId}/levy`,
      ].join("\n"),
    });
    const found = await repo.findMyRequest(tx.db, tx.org.id, row.id);
    return { r: row, pledger: found?.pledger ?? "", people: people.map((p) => ({ id: p.id, name: p.displayId })) };
  });
}

export async function withdrawRequest(ctx: OrgCtx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const found = await repo.findMyRequest(tx.db, tx.org.id, id);
    if (!found) throw notFound("levy request");
    if (found.r.status !== "pending")
      throw conflict("not_pending", "Only a request still waiting for a decision can be withdrawn.");
    const after = await repo.updateRequest(tx.db, id, { status: "withdrawn" });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "levy_request",
      entityId: id,
      before: found.r,
      after,
    });
    const people = await repo.listNamedPeople(tx.db, [after]);
    return {
      r: after,
      pledger: found.pledger,
      people: after.staffRecordIds.map((sid) => ({
        id: sid,
        name: people.find((p) => p.id === sid && p.orgId === tx.org.id)?.displayId ?? "",
      })),
    };
  });
}

export async function decideRequest(ctx: OrgCtx, pledgeId: string, requestId: string, input: LevyDecisionInput) {
  return inTransaction(ctx, async (tx) => {
    const pledge = await repo.findPledgeForUpdate(tx.db, tx.org.id, pledgeId);
    if (!pledge) throw notFound("pledge");
    const found = await repo.findRequestOfPledge(tx.db, pledge.id, requestId);
    if (!found) throw notFound("levy request");
    if (found.r.status !== "pending") throw conflict("decided", `This request is already ${found.r.status}.`);
    if (input.decision === "approve") {
      const left = pledgeLeftPence(pledge.amountPence, await repo.sumApproved(tx.db, pledge.id));
      if (found.r.amountPence > left)
        throw badRequest(
          "over_pledge",
          `The request is for ${formatPence(found.r.amountPence)} but the pledge has ${formatPence(left)} left: reject it, or ask the provider to ask for less.`,
          [{ path: "decision", message: `Only ${formatPence(left)} of the pledge is left` }],
        );
    }
    const after = await repo.updateRequest(tx.db, found.r.id, {
      status: input.decision === "approve" ? "approved" : "rejected",
      decidedAt: tx.deps.now(),
      decidedBy: tx.actor.userId,
      decisionNote: input.note,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "levy_request",
      entityId: after.id,
      before: found.r,
      after,
    });
    await notify(tx, found.r.orgId, {
      template: "levy-decision",
      subject: `Your levy request was ${after.status}`,
      body: [
        `${oneLine(tx.org.name)} ${after.status} your request for ${formatPence(after.amountPence)} of its levy pledge for ${after.standard} (asked on ${longDate(after.createdAt)}).`,
        ...(input.note ? ["", `Their note: ${oneLine(input.note)}`] : []),
        "",
        `${tx.deps.env.PUBLIC_URL}/orgs/${found.r.orgId}/levy`,
      ].join("\n"),
    });
    return after;
  });
}
