import { PRICE_UNIT_LABELS } from "../../../shared/commissioning";
import { todayIso } from "../../../shared/dates";
import { isPriceFloorYear } from "../../../shared/price-floor";
import type { BidInput, TenderInput } from "../../../shared/schemas/commissioning-price";
import type { OrgCtx } from "../../context";
import { inTransaction } from "../../context";
import { notFound } from "../../lib/errors";
import { recordAudit } from "../audit/audit.service";
import { assertCommissions, providersOf } from "../orgs/commissioning";
import * as repo from "./price-floor.repo";
import { checkPrice, councilFloors, floorCareTypeFor, noCheckReason } from "./price-floor.service";

// Tenders (issue 19 item 4): the council records the bids it received; each is checked against the
// price floor (home care at the bid's own visit length when it gives one), with the lines its price
// runs out before.

/** The unit a tender's prices are in: per contact hour for home care, per bed per week for homes. */
export const tenderUnit = (serviceType: string) =>
  serviceType === "home_care"
    ? "hour"
    : serviceType === "care_home" || serviceType === "nursing_home"
      ? "week"
      : "session";

export async function listTenders(ctx: OrgCtx) {
  const rows = await repo.listTenders(ctx.db, ctx.org.id);
  const [bids, floors] = await Promise.all([
    repo.listBids(
      ctx.db,
      ctx.org.id,
      rows.map((t) => t.id),
    ),
    councilFloors(ctx.db, ctx.org.id),
  ]);
  return rows.map((t) => {
    const mine = bids.filter((b) => b.bid.tenderId === t.id);
    const below = mine.filter(
      (b) =>
        checkPrice(floors, {
          serviceType: t.serviceType,
          unit: tenderUnit(t.serviceType),
          year: t.year,
          price: b.bid.price,
          visitMinutes: b.bid.visitMinutes,
        }).check?.belowFloor,
    ).length;
    return { tender: t, bids: mine.length, belowFloor: below };
  });
}

export async function getTender(ctx: OrgCtx, id: string) {
  const tender = await repo.findTender(ctx.db, ctx.org.id, id);
  if (!tender) throw notFound("tender");
  const [bids, floors, providerIds] = await Promise.all([
    repo.listBids(ctx.db, ctx.org.id, [id]),
    councilFloors(ctx.db, ctx.org.id),
    providersOf(ctx.db, ctx.org.id, todayIso(ctx.deps.now())),
  ]);
  const unit = tenderUnit(tender.serviceType);
  const careType = floorCareTypeFor(tender.serviceType, unit);
  const noCheck = noCheckReason(tender.serviceType, unit, tender.year);
  const floor =
    careType && isPriceFloorYear(tender.year) && !noCheck ? floors(tender.year, careType, null).total : null;
  const checked = bids.map((b) => ({
    ...b,
    ...checkPrice(floors, {
      serviceType: tender.serviceType,
      unit,
      year: tender.year,
      price: b.bid.price,
      visitMinutes: b.bid.visitMinutes,
    }),
  }));
  return {
    tender,
    bidCount: bids.length,
    belowFloor: checked.filter((b) => b.check?.belowFloor).length,
    unitLabel: PRICE_UNIT_LABELS[unit],
    floor,
    noCheck,
    bids: checked,
    providers: await repo.orgNames(ctx.db, providerIds),
  };
}

export async function createTender(ctx: OrgCtx, input: TenderInput) {
  return inTransaction(ctx, async (tx) => {
    const row = await repo.insertTender(tx.db, { councilId: ctx.org.id, ...input });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "create",
      entityType: "tender",
      entityId: row.id,
      after: input,
    });
    return row;
  });
}

export async function deleteTender(ctx: OrgCtx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const row = await repo.deleteTender(tx.db, ctx.org.id, id);
    if (!row) throw notFound("tender");
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "delete",
      entityType: "tender",
      entityId: id,
      before: { name: row.name, serviceType: row.serviceType, year: row.year },
    });
    return row;
  });
}

export async function addBid(ctx: OrgCtx, tenderId: string, input: BidInput) {
  return inTransaction(ctx, async (tx) => {
    const tender = await repo.findTender(tx.db, ctx.org.id, tenderId);
    if (!tender) throw notFound("tender");
    // A bid can name a provider only among those the council commissions: others are not there to it.
    if (input.providerId)
      await assertCommissions(tx.db, ctx.org.id, input.providerId, todayIso(ctx.deps.now()), "provider");
    const visitMinutes = tender.serviceType === "home_care" ? input.visitMinutes : null;
    const row = await repo.insertBid(tx.db, { tenderId, councilId: ctx.org.id, ...input, visitMinutes });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "create",
      entityType: "tender_bid",
      entityId: row.id,
      after: { tenderId, bidder: input.bidder, providerId: input.providerId, price: input.price, visitMinutes },
    });
    return row;
  });
}

export async function deleteBid(ctx: OrgCtx, tenderId: string, bidId: string) {
  return inTransaction(ctx, async (tx) => {
    const row = await repo.deleteBid(tx.db, ctx.org.id, tenderId, bidId);
    if (!row) throw notFound("bid");
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "delete",
      entityType: "tender_bid",
      entityId: bidId,
      before: { tenderId, bidder: row.bidder, price: row.price, visitMinutes: row.visitMinutes },
    });
    return row;
  });
}
