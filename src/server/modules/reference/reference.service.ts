import type { z } from "zod";
import type { comparatorCreate, comparatorUpdate, payFloorCreate, payFloorUpdate } from "../../../shared/schemas";
import { type Ctx, inTransaction } from "../../context";
import { badRequest, conflict, notFound } from "../../lib/errors";
import { recordAudit } from "../audit/audit.service";
import * as repo from "./reference.repo";

export const listReference = async (ctx: Ctx, metric?: string) => ({
  payFloors: await repo.listPayFloors(ctx.db),
  comparators: await repo.listComparators(ctx.db, metric),
});

const changed = <T extends Record<string, unknown>>(before: T, set: Partial<T>) =>
  Object.fromEntries(Object.keys(set).map((k) => [k, before[k] ?? null]));

export async function updatePayFloor(ctx: Ctx, id: string, set: z.infer<typeof payFloorUpdate>) {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findPayFloor(tx.db, id);
    if (!before) throw notFound("pay floor");
    const after = await repo.updatePayFloor(tx.db, id, {
      ...set,
      updatedBy: tx.actor.userId,
      updatedAt: tx.deps.now(),
    });
    await recordAudit(tx, {
      orgId: null,
      action: "update",
      entityType: "pay_floor",
      entityId: id,
      before: changed(before, set),
      after: set,
    });
    return after;
  });
}

export async function updateComparator(ctx: Ctx, id: string, set: z.infer<typeof comparatorUpdate>) {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findComparator(tx.db, id);
    if (!before) throw notFound("comparator");
    const after = await repo.updateComparator(tx.db, id, {
      ...set,
      updatedBy: tx.actor.userId,
      updatedAt: tx.deps.now(),
    });
    await recordAudit(tx, {
      orgId: null,
      action: "update",
      entityType: "comparator",
      entityId: id,
      before: changed(before, set),
      after: set,
    });
    return after;
  });
}

export async function createPayFloor(ctx: Ctx, input: z.infer<typeof payFloorCreate>) {
  if (input.minAge !== null && input.maxAge !== null && input.minAge > input.maxAge)
    throw badRequest("validation", "minAge is above maxAge: give the youngest and oldest ages the band covers.");
  return inTransaction(ctx, async (tx) => {
    const row = await repo.insertPayFloor(tx.db, { ...input, updatedBy: tx.actor.userId });
    if (!row)
      throw conflict(
        "exists",
        `There is already a ${input.kind} ${input.band} rate from ${input.applicableFrom}: correct that one instead.`,
      );
    await recordAudit(tx, { orgId: null, action: "create", entityType: "pay_floor", entityId: row.id, after: input });
    return row;
  });
}

export async function createComparator(ctx: Ctx, input: z.infer<typeof comparatorCreate>) {
  return inTransaction(ctx, async (tx) => {
    const row = await repo.insertComparator(tx.db, { ...input, updatedBy: tx.actor.userId });
    if (!row)
      throw conflict(
        "exists",
        `There is already a ${input.metric} figure for ${input.coverage} ${input.period} in this edition: correct that one instead.`,
      );
    await recordAudit(tx, { orgId: null, action: "create", entityType: "comparator", entityId: row.id, after: input });
    return row;
  });
}
