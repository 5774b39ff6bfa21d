import { HEADLINES } from "../../../shared/metrics";
import type {
  ActionInput,
  ApproveStrategyInput,
  CreateStrategyInput,
  PillarInput,
  StrategiesResponse,
  StrategyPlanResponse,
  UpdateActionInput,
  UpdatePillarInput,
  UpdateStrategyInput,
} from "../../../shared/schemas/strategy";
import { actionInput } from "../../../shared/schemas/strategy";
import { inTransaction, type OrgCtx } from "../../context";
import { badRequest, conflict, notFound } from "../../lib/errors";
import { recordAudit } from "../audit/audit.service";
import { FIGURE_NAMES } from "../metrics/engine";
import { type Viewer, viewerOf } from "./access";
import { recordPlanChange } from "./plan-changes";
import { actionRef, ownerOf, presentAction, presentChange, presentStrategy, presentUpdate } from "./strategy.presenter";
import type { ActionRow, MeasureRow, PillarRow, StrategyRow, UpdateRow } from "./strategy.repo";
import * as repo from "./strategy.repo";

// The strategy as data: the plan, its approval and the changes recorded after it.

/** A strategy of the council acting, or 404. */
export async function strategyOf(ctx: OrgCtx, strategyId: string): Promise<StrategyRow> {
  const s = await repo.findStrategy(ctx.db, ctx.org.id, strategyId);
  if (!s) throw notFound("strategy");
  return s;
}

/** The strategy the pages and the board report open: the latest approved, else the latest made. */
export function currentOf(rows: StrategyRow[]): StrategyRow | null {
  const approved = rows
    .filter((s) => s.status === "approved")
    .sort(
      (a, b) => (b.approvedOn ?? "").localeCompare(a.approvedOn ?? "") || b.createdAt.getTime() - a.createdAt.getTime(),
    );
  return approved[0] ?? rows[0] ?? null;
}

export async function currentStrategy(ctx: OrgCtx): Promise<StrategyRow | null> {
  return currentOf(await repo.listStrategies(ctx.db, ctx.org.id));
}

export async function listStrategies(ctx: OrgCtx): Promise<StrategiesResponse> {
  const rows = await repo.listStrategies(ctx.db, ctx.org.id);
  const changes = await repo.countChanges(
    ctx.db,
    ctx.org.id,
    rows.map((r) => r.id),
  );
  return {
    strategies: rows.map((s) => presentStrategy(s, changes.get(s.id) ?? 0)),
    currentId: currentOf(rows)?.id ?? null,
  };
}

export interface LoadedPlan {
  strategy: StrategyRow;
  changes: number;
  pillars: { pillar: PillarRow; actions: { action: ActionRow; measures: MeasureRow[] }[] }[];
  actions: ActionRow[];
  pillarOf: Map<string, PillarRow>;
  measuresOf: Map<string, MeasureRow[]>;
  userNames: Map<string, string>;
  groupNames: Map<string, string>;
  orgs: Map<string, { id: string; name: string; kind: string }>;
  /** R1.3 by action id. */
  refOf: Map<string, string>;
}

/** Every part of a strategy's plan, read once, in order: recommendations, then enablers. */
export async function loadPlan(ctx: OrgCtx, strategy: StrategyRow): Promise<LoadedPlan> {
  const [pillars, actions, measures, groups, changes] = await Promise.all([
    repo.listPillars(ctx.db, ctx.org.id, strategy.id),
    repo.listActions(ctx.db, ctx.org.id, strategy.id),
    repo.listMeasures(ctx.db, ctx.org.id, strategy.id),
    repo.listGroups(ctx.db, ctx.org.id, strategy.id),
    repo.countChanges(ctx.db, ctx.org.id, [strategy.id]),
  ]);
  const ordered = [...pillars].sort((a, b) =>
    a.kind === b.kind ? a.number - b.number : a.kind === "recommendation" ? -1 : 1,
  );
  const measuresOf = new Map<string, MeasureRow[]>();
  for (const m of measures) measuresOf.set(m.actionId, [...(measuresOf.get(m.actionId) ?? []), m]);
  const pillarOf = new Map(pillars.map((p) => [p.id, p]));
  const userNames = await repo.userNames(
    ctx.db,
    actions.flatMap((a) => (a.ownerUserId ? [a.ownerUserId] : [])),
  );
  const orgs = await repo.orgNamesOf(
    ctx.db,
    actions.flatMap((a) => a.partnerOrgIds),
  );
  const refOf = new Map(actions.map((a) => [a.id, actionRef(pillarOf.get(a.pillarId) as PillarRow, a)]));
  return {
    strategy,
    changes: changes.get(strategy.id) ?? 0,
    pillars: ordered.map((pillar) => ({
      pillar,
      actions: actions
        .filter((a) => a.pillarId === pillar.id)
        .map((action) => ({ action, measures: measuresOf.get(action.id) ?? [] })),
    })),
    actions,
    pillarOf,
    measuresOf,
    userNames,
    groupNames: new Map(groups.map((g) => [g.id, g.name])),
    orgs,
    refOf,
  };
}

/** The latest update of each action, of any quarter. */
export function latestUpdates(updates: UpdateRow[]) {
  const latest = new Map<string, UpdateRow>();
  for (const u of updates) {
    const seen = latest.get(u.actionId);
    if (!seen || seen.quarter < u.quarter) latest.set(u.actionId, u);
  }
  return latest;
}

export function presentPlanAction(
  plan: LoadedPlan,
  action: ActionRow,
  viewer: Pick<Viewer, "mayUpdate">,
  latest: UpdateRow | undefined,
  names: Map<string, string>,
) {
  return presentAction(action, {
    pillar: plan.pillarOf.get(action.pillarId) as PillarRow,
    measures: plan.measuresOf.get(action.id) ?? [],
    owner: ownerOf(action, plan.userNames, plan.groupNames),
    orgs: plan.orgs,
    latest: latest ? presentUpdate(latest, names) : null,
    canUpdate: viewer.mayUpdate(action),
  });
}

export async function getPlan(ctx: OrgCtx, strategyId: string): Promise<StrategyPlanResponse> {
  const strategy = await strategyOf(ctx, strategyId);
  const plan = await loadPlan(ctx, strategy);
  const viewer = await viewerOf(ctx);
  const latest = latestUpdates(await repo.listUpdates(ctx.db, ctx.org.id, strategy.id));
  const names = await repo.userNames(
    ctx.db,
    [...latest.values()].flatMap((u) => (u.reportedBy ? [u.reportedBy] : [])),
  );
  return {
    strategy: presentStrategy(strategy, plan.changes),
    pillars: plan.pillars.map(({ pillar, actions }) => ({
      id: pillar.id,
      kind: pillar.kind as "recommendation" | "enabler",
      number: pillar.number,
      ref: actionRef(pillar, { number: 0 }).replace(/\.0$/, ""),
      title: pillar.title,
      aims: pillar.aims,
      actions: actions.map(({ action }) => presentPlanAction(plan, action, viewer, latest.get(action.id), names)),
    })),
    can: { manage: viewer.manage, update: viewer.update },
  };
}

export async function listChanges(ctx: OrgCtx, strategyId: string) {
  const strategy = await strategyOf(ctx, strategyId);
  const rows = await repo.listChanges(ctx.db, ctx.org.id, strategy.id);
  return { changes: rows.map((r) => presentChange(r.change, r.byName)) };
}

const periodProblem = (start: string, end: string) =>
  end < start
    ? badRequest("validation", "The end of the period must be after its start.", [
        { path: "periodEnd", message: "Enter an end date after the start date" },
      ])
    : null;

export async function createStrategy(ctx: OrgCtx, input: CreateStrategyInput) {
  const problem = periodProblem(input.periodStart, input.periodEnd);
  if (problem) throw problem;
  return inTransaction(ctx, async (tx) => {
    const row = await repo.insertStrategy(tx.db, { councilId: ctx.org.id, ...input, status: "draft" });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "create",
      entityType: "strategy",
      entityId: row.id,
      after: input,
    });
    return presentStrategy(row, 0);
  });
}

const strategyFields = (s: StrategyRow) => ({
  title: s.title,
  periodStart: s.periodStart,
  periodEnd: s.periodEnd,
  vision: s.vision,
});

export async function updateStrategy(ctx: OrgCtx, strategyId: string, input: UpdateStrategyInput) {
  return inTransaction(ctx, async (tx) => {
    const s = await strategyOf(tx, strategyId);
    const { reason, ...fields } = input;
    const after = { ...strategyFields(s), ...fields };
    const problem = periodProblem(after.periodStart, after.periodEnd);
    if (problem) throw problem;
    await recordPlanChange(tx, s, { reason, entityType: "strategy", entityId: s.id, before: strategyFields(s), after });
    const row = await repo.updateStrategyRow(tx.db, ctx.org.id, s.id, { ...fields, updatedAt: tx.deps.now() });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "update",
      entityType: "strategy",
      entityId: s.id,
      before: strategyFields(s),
      after,
    });
    const changes = await repo.countChanges(tx.db, ctx.org.id, [s.id]);
    return presentStrategy(row, changes.get(s.id) ?? 0);
  });
}

/** The board approved the plan: from now on it is changed only as recorded changes. */
export async function approveStrategy(ctx: OrgCtx, strategyId: string, input: ApproveStrategyInput) {
  return inTransaction(ctx, async (tx) => {
    const s = await strategyOf(tx, strategyId);
    if (s.status === "approved")
      throw conflict("already_approved", `This strategy was approved on ${s.approvedOn} (${s.minuteRef}).`);
    const row = await repo.updateStrategyRow(tx.db, ctx.org.id, s.id, {
      status: "approved",
      approvalBoard: input.board,
      approvedOn: input.approvedOn,
      minuteRef: input.minuteRef,
      approvedBy: input.approvedBy,
      approvalRecordedBy: tx.actor.userId,
      updatedAt: tx.deps.now(),
    });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "approve",
      entityType: "strategy",
      entityId: s.id,
      before: { status: s.status },
      after: { status: "approved", ...input },
    });
    return presentStrategy(row, 0);
  });
}

/** Postgres' unique violation, through the driver's wrapping. */
function isUniqueClash(err: unknown) {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

const pillarFields = (p: PillarRow) => ({ kind: p.kind, number: p.number, title: p.title, aims: p.aims });

export async function addPillar(ctx: OrgCtx, strategyId: string, input: PillarInput) {
  const { reason, ...fields } = input;
  try {
    return await inTransaction(ctx, async (tx) => {
      const s = await strategyOf(tx, strategyId);
      await recordPlanChange(tx, s, { reason, entityType: "pillar", entityId: null, before: null, after: fields });
      const row = await repo.insertPillar(tx.db, { strategyId: s.id, councilId: ctx.org.id, ...fields });
      await recordAudit(tx, {
        orgId: ctx.org.id,
        action: "create",
        entityType: "strategy_pillar",
        entityId: row.id,
        after: fields,
      });
      return presentPillar(row);
    });
  } catch (err) {
    if (isUniqueClash(err))
      throw conflict("number_taken", `There is already a ${input.kind} numbered ${input.number} in this strategy.`);
    throw err;
  }
}

export const presentPillar = (p: PillarRow) => ({
  id: p.id,
  kind: p.kind as "recommendation" | "enabler",
  number: p.number,
  ref: actionRef(p, { number: 0 }).replace(/\.0$/, ""),
  title: p.title,
  aims: p.aims,
});

export async function changePillar(ctx: OrgCtx, strategyId: string, pillarId: string, input: UpdatePillarInput) {
  const { reason, ...fields } = input;
  try {
    return await inTransaction(ctx, async (tx) => {
      const s = await strategyOf(tx, strategyId);
      const p = await repo.findPillar(tx.db, ctx.org.id, s.id, pillarId);
      if (!p) throw notFound("recommendation or enabler");
      const after = { ...pillarFields(p), ...fields };
      await recordPlanChange(tx, s, { reason, entityType: "pillar", entityId: p.id, before: pillarFields(p), after });
      const row = await repo.updatePillarRow(tx.db, p.id, fields);
      await recordAudit(tx, {
        orgId: ctx.org.id,
        action: "update",
        entityType: "strategy_pillar",
        entityId: p.id,
        before: pillarFields(p),
        after,
      });
      return presentPillar(row);
    });
  } catch (err) {
    if (isUniqueClash(err))
      throw conflict("number_taken", "Another recommendation or enabler already has that number.");
    throw err;
  }
}

type ActionFields = Omit<ActionRow, "id" | "strategyId" | "councilId">;
const actionFields = (a: ActionRow, measures: MeasureRow[]) => ({
  pillarId: a.pillarId,
  number: a.number,
  title: a.title,
  phase: a.phase,
  ownerUserId: a.ownerUserId,
  ownerGroupId: a.ownerGroupId,
  partners: a.partners,
  partnerOrgIds: a.partnerOrgIds,
  startOn: a.startOn,
  dueOn: a.dueOn,
  inputs: a.inputs,
  outputs: a.outputs,
  outcomes: a.outcomes,
  measures: measures.map((m) => ({ metric: m.metric, target: m.target, direction: m.direction, byDate: m.byDate })),
});

/** The action's references checked against this council's strategy: 400 with the field at fault. */
async function checkAction(
  tx: OrgCtx,
  s: StrategyRow,
  a: Pick<ActionFields, "pillarId" | "ownerUserId" | "ownerGroupId" | "partnerOrgIds" | "startOn" | "dueOn">,
  measures: { metric: string }[],
) {
  const issue = (path: string, message: string) => badRequest("validation", message, [{ path, message }]);
  if (!(await repo.findPillar(tx.db, tx.org.id, s.id, a.pillarId)))
    throw issue("pillarId", "Choose a recommendation or enabler of this strategy");
  if (a.ownerGroupId && !(await repo.findGroup(tx.db, tx.org.id, s.id, a.ownerGroupId)))
    throw issue("owner", "Choose a group of this strategy as the owner");
  if (a.ownerUserId) {
    const member = (await repo.orgsOfUser(tx.db, a.ownerUserId)).some((m) => m.orgId === tx.org.id);
    if (!member) throw issue("owner", "Choose someone in the council or in one of the strategy's groups as the owner");
  }
  if (a.partnerOrgIds.length) {
    const found = await repo.orgNamesOf(tx.db, a.partnerOrgIds);
    if (found.size !== new Set(a.partnerOrgIds).size)
      throw issue("partnerOrgIds", "Choose partner organisations from the list");
  }
  if (a.startOn && a.dueOn && a.dueOn < a.startOn) throw issue("dueOn", "Enter a due date after the start date");
  measures.forEach((m, i) => {
    if (!FIGURE_NAMES.includes(m.metric))
      throw issue(
        `measures.${i}.metric`,
        `Choose a figure the hub computes (for example ${HEADLINES.filter((h) => h.better)
          .slice(0, 3)
          .map((h) => h.name)
          .join(", ")})`,
      );
  });
}

const ownerColumns = (owner: ActionInput["owner"] | UpdateActionInput["owner"]) =>
  owner === undefined
    ? {}
    : {
        ownerUserId: owner && "userId" in owner ? owner.userId : null,
        ownerGroupId: owner && "groupId" in owner ? owner.groupId : null,
      };

export async function addAction(ctx: OrgCtx, strategyId: string, raw: ActionInput) {
  const input = actionInput.parse(raw);
  const { reason, owner, measures, ...rest } = input;
  const fields = { ...rest, ...ownerColumns(owner) } as ActionFields;
  try {
    return await inTransaction(ctx, async (tx) => {
      const s = await strategyOf(tx, strategyId);
      await checkAction(tx, s, fields, measures);
      await recordPlanChange(tx, s, {
        reason,
        entityType: "action",
        entityId: null,
        before: null,
        after: { ...fields, measures },
      });
      const row = await repo.insertAction(tx.db, { ...fields, strategyId: s.id, councilId: ctx.org.id });
      await repo.insertMeasures(
        tx.db,
        measures.map((m) => ({ ...m, actionId: row.id, strategyId: s.id, councilId: ctx.org.id })),
      );
      await recordAudit(tx, {
        orgId: ctx.org.id,
        action: "create",
        entityType: "strategy_action",
        entityId: row.id,
        after: { ...fields, measures },
      });
      return actionAnswer(tx, s, row.id);
    });
  } catch (err) {
    if (isUniqueClash(err))
      throw conflict("number_taken", `That recommendation or enabler already has an action ${input.number}.`);
    throw err;
  }
}

export async function changeAction(ctx: OrgCtx, strategyId: string, actionId: string, input: UpdateActionInput) {
  const { reason, owner, measures, ...rest } = input;
  try {
    return await inTransaction(ctx, async (tx) => {
      const s = await strategyOf(tx, strategyId);
      const a = await repo.findAction(tx.db, ctx.org.id, s.id, actionId);
      if (!a) throw notFound("action");
      const oldMeasures = await repo.listMeasures(tx.db, ctx.org.id, s.id, a.id);
      const before = actionFields(a, oldMeasures);
      const changed = { ...rest, ...ownerColumns(owner) } as Partial<ActionFields>;
      const merged = { ...a, ...changed };
      const newMeasures = measures ?? before.measures;
      await checkAction(tx, s, merged, newMeasures);
      const after = { ...actionFields(merged, []), measures: newMeasures };
      await recordPlanChange(tx, s, { reason, entityType: "action", entityId: a.id, before, after });
      if (Object.keys(changed).length) await repo.updateActionRow(tx.db, a.id, changed);
      if (measures) {
        await repo.deleteMeasuresOf(tx.db, a.id);
        await repo.insertMeasures(
          tx.db,
          measures.map((m) => ({ ...m, actionId: a.id, strategyId: s.id, councilId: ctx.org.id })),
        );
      }
      await recordAudit(tx, {
        orgId: ctx.org.id,
        action: "update",
        entityType: "strategy_action",
        entityId: a.id,
        before,
        after,
      });
      return actionAnswer(tx, s, a.id);
    });
  } catch (err) {
    if (isUniqueClash(err))
      throw conflict("number_taken", "That recommendation or enabler already has an action with that number.");
    throw err;
  }
}

/** One action as the plan shows it, for the person asking. */
export async function actionAnswer(ctx: OrgCtx, s: StrategyRow, actionId: string) {
  const plan = await loadPlan(ctx, s);
  const action = plan.actions.find((a) => a.id === actionId);
  if (!action) throw notFound("action");
  const viewer = await viewerOf(ctx);
  const latest = latestUpdates(await repo.listActionUpdates(ctx.db, ctx.org.id, action.id)).get(action.id);
  const names = await repo.userNames(ctx.db, latest?.reportedBy ? [latest.reportedBy] : []);
  return presentPlanAction(plan, action, viewer, latest, names);
}
