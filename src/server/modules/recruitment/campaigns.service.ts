import type { CampaignInput, RecruitmentEventInput } from "../../../shared/schemas/recruitment-hub";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import { badRequest, notFound } from "../../lib/errors";
import { recordAudit } from "../audit/audit.service";
import { findOrgBySlug } from "../orgs/orgs.repo";
import * as repo from "./hub.repo";

// The council's campaigns (each with a tracked code: applications through its link carry it)
// and its calendar of recruitment events.

const codeTaken = (code: string) =>
  badRequest("validation", `The tracked code ${code} is already used by another of the council's campaigns.`, [
    { path: "code", message: "Choose a tracked code no other campaign uses" },
  ]);

export const listCampaigns = (ctx: OrgCtx) => repo.listCampaigns(ctx.db, ctx.org.id);

export async function createCampaign(ctx: OrgCtx, input: CampaignInput) {
  return inTransaction(ctx, async (tx) => {
    if (await repo.findCampaignByCode(tx.db, tx.org.id, input.code)) throw codeTaken(input.code);
    const row = await repo.insertCampaign(tx.db, { ...input, councilId: tx.org.id });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "recruitment_campaign",
      entityId: row.id,
      after: row,
    });
    return row;
  });
}

export async function editCampaign(ctx: OrgCtx, id: string, input: CampaignInput) {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findCampaign(tx.db, tx.org.id, id);
    if (!before) throw notFound("campaign");
    const same = await repo.findCampaignByCode(tx.db, tx.org.id, input.code);
    if (same && same.id !== id) throw codeTaken(input.code);
    const after = await repo.updateCampaign(tx.db, tx.org.id, id, input);
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "recruitment_campaign",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export const listEvents = (ctx: OrgCtx) => repo.listEvents(ctx.db, ctx.org.id);

async function checkCampaign(ctx: OrgCtx, campaignId: string | null) {
  if (campaignId && !(await repo.findCampaign(ctx.db, ctx.org.id, campaignId)))
    throw badRequest("validation", "Choose one of the council's campaigns, or none.", [
      { path: "campaignId", message: "Choose one of the council's campaigns" },
    ]);
}

export async function createEvent(ctx: OrgCtx, input: RecruitmentEventInput) {
  return inTransaction(ctx, async (tx) => {
    await checkCampaign(tx, input.campaignId);
    const row = await repo.insertEvent(tx.db, {
      ...input,
      startsAt: new Date(input.startsAt),
      endsAt: input.endsAt ? new Date(input.endsAt) : null,
      councilId: tx.org.id,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "recruitment_event",
      entityId: row.id,
      after: row,
    });
    return (await repo.findEvent(tx.db, tx.org.id, row.id)) as NonNullable<Awaited<ReturnType<typeof repo.findEvent>>>;
  });
}

export async function editEvent(ctx: OrgCtx, id: string, input: RecruitmentEventInput) {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findEvent(tx.db, tx.org.id, id);
    if (!before) throw notFound("event");
    await checkCampaign(tx, input.campaignId);
    const after = await repo.updateEvent(tx.db, tx.org.id, id, {
      ...input,
      startsAt: new Date(input.startsAt),
      endsAt: input.endsAt ? new Date(input.endsAt) : null,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "recruitment_event",
      entityId: id,
      before: before.event,
      after,
    });
    return (await repo.findEvent(tx.db, tx.org.id, id)) as NonNullable<Awaited<ReturnType<typeof repo.findEvent>>>;
  });
}

export async function deleteEvent(ctx: OrgCtx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.deleteEvent(tx.db, tx.org.id, id);
    if (!before) throw notFound("event");
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "delete",
      entityType: "recruitment_event",
      entityId: id,
      before,
    });
    return id;
  });
}

/** A council's events from now on, for anyone: "not found" for anything but a council's short name. */
export async function publicEvents(ctx: Ctx, slug: string) {
  const council = await findOrgBySlug(ctx.db, slug);
  if (council?.kind !== "council") throw notFound("council");
  return {
    council: { name: council.name, slug: council.slug },
    events: await repo.listEvents(ctx.db, council.id, ctx.deps.now()),
  };
}
