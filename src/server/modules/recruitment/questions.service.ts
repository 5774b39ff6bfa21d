import type { ValuesQuestionInput } from "../../../shared/schemas/recruitment-hub";
import { inTransaction, type OrgCtx } from "../../context";
import { conflict, notFound } from "../../lib/errors";
import { recordAudit, recordAuditBatch } from "../audit/audit.service";
import * as repo from "./hub.repo";
import { DEFAULT_VALUES_QUESTIONS } from "./questions";

// The hub's values-based questions (org_id null): every application to an advert on the council's
// board answers the ones in use, with the employer's own added.

/**
 * The hub's questions, retired ones last. The first time a council opens them it gets the
 * starting set (DEFAULT_VALUES_QUESTIONS), once: a council that retired them all keeps none.
 */
export async function listHubQuestions(ctx: OrgCtx) {
  const rows = await repo.listHubQuestions(ctx.db, ctx.org.id);
  if (rows.length) return sortRetiredLast(rows);
  return inTransaction(ctx, async (tx) => {
    await repo.lockHubQuestions(tx.db, tx.org.id);
    if (!(await repo.hasAnyHubQuestion(tx.db, tx.org.id))) await seedHubQuestions(tx);
    return sortRetiredLast(await repo.listHubQuestions(tx.db, tx.org.id));
  });
}

/** Adds the starting set (the demo calls this too). */
export async function seedHubQuestions(ctx: OrgCtx) {
  const rows = await repo.insertHubQuestions(
    ctx.db,
    DEFAULT_VALUES_QUESTIONS.map((q, position) => ({ ...q, councilId: ctx.org.id, orgId: null, position })),
  );
  await recordAuditBatch(
    ctx,
    rows.map((r) => ({ orgId: ctx.org.id, action: "create", entityType: "values_question", entityId: r.id, after: r })),
  );
  return rows;
}

const sortRetiredLast = <T extends { retiredAt: Date | null }>(rows: T[]) =>
  [...rows].sort((a, b) => Number(a.retiredAt !== null) - Number(b.retiredAt !== null));

export async function addHubQuestion(ctx: OrgCtx, input: ValuesQuestionInput) {
  return inTransaction(ctx, async (tx) => {
    const position = await repo.nextQuestionPosition(tx.db, tx.org.id);
    const [row] = await repo.insertHubQuestions(tx.db, [{ ...input, councilId: tx.org.id, orgId: null, position }]);
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "values_question",
      entityId: row.id,
      after: row,
    });
    return row;
  });
}

export async function editHubQuestion(ctx: OrgCtx, id: string, input: ValuesQuestionInput) {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findHubQuestion(tx.db, tx.org.id, id);
    if (!before) throw notFound("question");
    if (before.retiredAt) throw conflict("retired", "This question is retired: add a new one instead.");
    const after = await repo.updateHubQuestion(tx.db, tx.org.id, id, input);
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "values_question",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Retires a question: applications already made keep it (their answers hold its words). */
export async function retireHubQuestion(ctx: OrgCtx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findHubQuestion(tx.db, tx.org.id, id);
    if (!before) throw notFound("question");
    if (before.retiredAt) return before;
    const after = await repo.updateHubQuestion(tx.db, tx.org.id, id, { retiredAt: tx.deps.now() });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "values_question",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
