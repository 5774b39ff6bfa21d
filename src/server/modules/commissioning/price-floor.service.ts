import { SERVICE_TYPE_LABELS, type ServiceType } from "../../../shared/commissioning";
import { todayIso } from "../../../shared/dates";
import { can } from "../../../shared/permissions";
import {
  coverage,
  defaultAssumptions,
  fieldsFor,
  HCA_HEADLINES,
  isPriceFloorYear,
  PRICE_FLOOR_YEARS,
  type PriceFloorCareType,
  PriceFloorInputError,
  type PriceFloorResult,
  type PriceFloorYear,
  priceFloor,
} from "../../../shared/price-floor";
import type {
  FeeRateInput,
  FloorCheck,
  PriceFloorQuery,
  SaveAssumptionsInput,
} from "../../../shared/schemas/commissioning-price";
import type { Ctx, OrgCtx } from "../../context";
import { inTransaction } from "../../context";
import type { Exec } from "../../db/client";
import { badRequest, conflict, notFound } from "../../lib/errors";
import { recordAudit } from "../audit/audit.service";
import * as repo from "./price-floor.repo";

// The minimum price floor (issue 19 item 4): the calculator with the council's saved assumptions,
// and the council's fee rates checked against the floor. Tenders are in tenders.service.ts.

/** The financial year (April to March) a day falls in, written 2026-27. */
export function financialYearOf(day: string): string {
  const y = Number(day.slice(0, 4));
  const start = Number(day.slice(5, 7)) >= 4 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

/** The edition of the calculator for a day: its financial year's, or the nearest one there is. */
export function floorYearFor(day: string): PriceFloorYear {
  const fy = financialYearOf(day);
  if (isPriceFloorYear(fy)) return fy;
  return fy < PRICE_FLOOR_YEARS[0] ? PRICE_FLOOR_YEARS[0] : PRICE_FLOOR_YEARS[PRICE_FLOOR_YEARS.length - 1];
}

const today = (ctx: Ctx) => todayIso(ctx.deps.now());

function invalid(e: unknown): never {
  if (e instanceof PriceFloorInputError)
    throw badRequest(
      "validation",
      e.issues[0]?.message ?? "The assumptions are not valid.",
      e.issues.map((i) => ({ path: i.field, message: i.message })),
    );
  throw e;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Numbers for known assumption keys; an unknown key or a value that is not a number is refused by name. */
function readOverrides(careType: PriceFloorCareType, given: Record<string, unknown>, where: string) {
  const fields = fieldsFor(careType);
  const out: Record<string, number> = {};
  for (const [key, raw] of Object.entries(given)) {
    // Own keys only: "constructor" or "toString" would otherwise find the object's prototype.
    const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (!field)
      throw badRequest(
        "validation",
        `“${key}” is not an assumption of the ${careType === "home_care" ? "home care" : "care home"} calculator. Use one of: ${Object.keys(fields).join(", ")}.`,
        [{ path: `${where}.${key}`, message: "Not an assumption of this calculator" }],
      );
    // A decimal number only: Number() would also read "0x10" as 16 and "0b1111" as 15.
    const value =
      typeof raw === "number" ? raw : typeof raw === "string" && DECIMAL.test(raw.trim()) ? Number(raw) : Number.NaN;
    if (!Number.isFinite(value))
      throw badRequest("validation", `${field.label} must be a number.`, [
        { path: `${where}.${key}`, message: `${field.label} must be a number.` },
      ]);
    out[key] = value;
  }
  return out;
}

const savedOf = (row: { assumptions: unknown } | undefined) =>
  row?.assumptions && typeof row.assumptions === "object" ? (row.assumptions as Record<string, number>) : null;

function compute(year: PriceFloorYear, careType: PriceFloorCareType, ...layers: (Record<string, number> | null)[]) {
  const merged: Record<string, number> = {};
  for (const layer of layers) Object.assign(merged, layer ?? {});
  try {
    return priceFloor(year, careType, merged);
  } catch (e) {
    invalid(e);
  }
}

/** The calculator: defaults, then (for the council's own people) its saved assumptions, then the
 * query's overrides. A provider starts from the defaults. */
export async function calculate(ctx: OrgCtx, query: PriceFloorQuery) {
  const { year: askedYear, careType, ...rest } = query;
  const year = askedYear ?? floorYearFor(today(ctx));
  const overrides = readOverrides(careType, rest, "query");
  const row = ctx.org.kind === "council" ? await repo.findSettings(ctx.db, ctx.org.id, year, careType) : undefined;
  const saved = savedOf(row);
  const result = compute(year, careType, saved, overrides);
  return {
    result,
    defaults: { ...defaultAssumptions(year, careType) } as Record<string, number>,
    source: saved ? ("council" as const) : ("defaults" as const),
    saved: row && saved ? { assumptions: saved, updatedAt: row.updatedAt } : null,
    headline: careType === "home_care" ? HCA_HEADLINES[year] : null,
    canSave: ctx.org.kind === "council" && can(ctx.role, "commissioning.manage", ctx.actor.isHubAdmin),
  };
}

function yearAndType(year: string, careType: string): { year: PriceFloorYear; careType: PriceFloorCareType } {
  if (!isPriceFloorYear(year)) throw notFound("year of the price floor (use 2024-25, 2025-26 or 2026-27)");
  if (careType !== "home_care" && careType !== "care_home")
    throw notFound("kind of care for the price floor (use home_care or care_home)");
  return { year, careType };
}

/** Saves the council's assumptions for a year and care type: only the ones that differ from the
 * edition's defaults are kept, so a later change of a default still reaches the others. */
export async function saveAssumptions(ctx: OrgCtx, yearParam: string, typeParam: string, input: SaveAssumptionsInput) {
  const { year, careType } = yearAndType(yearParam, typeParam);
  const given = readOverrides(careType, input.assumptions, "assumptions");
  compute(year, careType, given); // refuses assumptions the calculator cannot use, naming each field
  const defaults = defaultAssumptions(year, careType) as unknown as Record<string, number>;
  const kept = Object.fromEntries(Object.entries(given).filter(([k, v]) => defaults[k] !== v));
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findSettings(tx.db, ctx.org.id, year, careType);
    const row = await repo.upsertSettings(tx.db, {
      councilId: ctx.org.id,
      year,
      careType,
      assumptions: kept,
      updatedBy: ctx.actor.userId,
    });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: before ? "update" : "create",
      entityType: "price_floor_settings",
      entityId: row.id,
      before: before ? { year, careType, assumptions: before.assumptions } : null,
      after: { year, careType, assumptions: kept },
    });
    return row;
  });
}

/** Back to the edition's defaults. */
export async function resetAssumptions(ctx: OrgCtx, yearParam: string, typeParam: string) {
  const { year, careType } = yearAndType(yearParam, typeParam);
  return inTransaction(ctx, async (tx) => {
    const row = await repo.deleteSettings(tx.db, ctx.org.id, year, careType);
    if (!row) throw notFound("saved assumptions for that year and kind of care");
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "delete",
      entityType: "price_floor_settings",
      entityId: row.id,
      before: { year, careType, assumptions: row.assumptions },
      after: null,
    });
    return row;
  });
}

// A price against the floor.

/** Which floor a service's price is compared with: home care per hour, care homes per week. */
export function floorCareTypeFor(serviceType: string, unit: string): PriceFloorCareType | null {
  if (serviceType === "home_care" && unit === "hour") return "home_care";
  if ((serviceType === "care_home" || serviceType === "nursing_home") && unit === "week") return "care_home";
  return null;
}

export function noCheckReason(serviceType: string, unit: string, year: string): string | null {
  const type = floorCareTypeFor(serviceType, unit);
  if (!type) {
    const label = SERVICE_TYPE_LABELS[serviceType as ServiceType] ?? serviceType;
    return serviceType === "home_care" || serviceType === "care_home" || serviceType === "nursing_home"
      ? `The floor is per contact hour for home care and per bed per week for care homes, not per ${unit}.`
      : `There is no price floor for ${label.toLowerCase()}: the calculator covers home care and care homes.`;
  }
  if (!isPriceFloorYear(year))
    return `The calculator has no edition for ${year}: it covers ${PRICE_FLOOR_YEARS.join(", ")}.`;
  return null;
}

/** The council's floors, computed once per year, care type and visit length. */
export async function councilFloors(db: Exec, councilId: string) {
  const settings = await repo.listSettings(db, councilId);
  const cache = new Map<string, PriceFloorResult>();
  return (year: PriceFloorYear, careType: PriceFloorCareType, visitMinutes: number | null): PriceFloorResult => {
    const key = `${year}/${careType}/${visitMinutes ?? ""}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const saved = savedOf(settings.find((s) => s.year === year && s.careType === careType));
    const visit = careType === "home_care" && visitMinutes ? { visitMinutes } : null;
    const result = priceFloor(year, careType, { ...(saved ?? {}), ...(visit ?? {}) });
    cache.set(key, result);
    return result;
  };
}
export type FloorLookup = Awaited<ReturnType<typeof councilFloors>>;

/** A price checked against the council's floor, or why it cannot be. */
export function checkPrice(
  floors: FloorLookup,
  item: { serviceType: string; unit: string; year: string; price: number; visitMinutes?: number | null },
): { check: FloorCheck | null; noCheck: string | null } {
  const reason = noCheckReason(item.serviceType, item.unit, item.year);
  const careType = floorCareTypeFor(item.serviceType, item.unit);
  if (reason || !careType || !isPriceFloorYear(item.year)) return { check: null, noCheck: reason };
  const visitMinutes = careType === "home_care" ? (item.visitMinutes ?? null) : null;
  const floor = floors(item.year, careType, visitMinutes);
  const c = coverage(floor, item.price);
  return {
    check: {
      careType,
      floorYear: item.year,
      visitMinutes:
        careType === "home_care"
          ? (visitMinutes ?? (floor.assumptions as { visitMinutes: number }).visitMinutes)
          : null,
      floor: floor.total,
      belowFloor: c.belowFloor,
      gap: c.gap,
      notCovered: c.notCovered,
    },
    noCheck: null,
  };
}

// Fee rates.

export async function listFeeRates(ctx: OrgCtx, year?: string) {
  const [rows, floors] = await Promise.all([
    repo.listFeeRates(ctx.db, ctx.org.id, year),
    councilFloors(ctx.db, ctx.org.id),
  ]);
  return rows.map((r) => ({ row: r, ...checkPrice(floors, { ...r, price: r.rate }) }));
}

async function assertBandFree(ctx: OrgCtx, input: FeeRateInput, exceptId?: string) {
  const clash = await repo.findFeeRateByKey(ctx.db, ctx.org.id, input);
  if (clash && clash.id !== exceptId)
    throw conflict(
      "fee_rate_exists",
      `There is already a ${input.year} rate for the band “${clash.band}” of ${SERVICE_TYPE_LABELS[input.serviceType].toLowerCase()}: change that rate, or give this band another name.`,
    );
}

export async function createFeeRate(ctx: OrgCtx, input: FeeRateInput) {
  return inTransaction(ctx, async (tx) => {
    await assertBandFree(tx, input);
    const row = await repo.insertFeeRate(tx.db, { councilId: ctx.org.id, ...input });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "create",
      entityType: "fee_rate",
      entityId: row.id,
      after: input,
    });
    return row;
  });
}

export async function updateFeeRate(ctx: OrgCtx, id: string, input: FeeRateInput) {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findFeeRate(tx.db, ctx.org.id, id);
    if (!before) throw notFound("fee rate");
    await assertBandFree(tx, input, id);
    const row = await repo.updateFeeRate(tx.db, ctx.org.id, id, input);
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "update",
      entityType: "fee_rate",
      entityId: id,
      before: {
        year: before.year,
        serviceType: before.serviceType,
        band: before.band,
        unit: before.unit,
        rate: before.rate,
      },
      after: input,
    });
    return row;
  });
}

export async function deleteFeeRate(ctx: OrgCtx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const row = await repo.deleteFeeRate(tx.db, ctx.org.id, id);
    if (!row) throw notFound("fee rate");
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "delete",
      entityType: "fee_rate",
      entityId: id,
      before: { year: row.year, serviceType: row.serviceType, band: row.band, unit: row.unit, rate: row.rate },
    });
    return row;
  });
}

/** One fee rate with its check, after a write. */
export async function feeRateWithCheck(ctx: OrgCtx, row: Awaited<ReturnType<typeof repo.insertFeeRate>>) {
  const floors = await councilFloors(ctx.db, ctx.org.id);
  return { row, ...checkPrice(floors, { ...row, price: row.rate }) };
}
