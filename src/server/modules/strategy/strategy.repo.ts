import { and, asc, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import {
  memberships,
  organisations,
  strategies,
  strategyActions,
  strategyChanges,
  strategyForumEntries,
  strategyGroupMembers,
  strategyGroups,
  strategyMeasures,
  strategyMeetingActions,
  strategyMeetings,
  strategyPillars,
  strategyRiskHistory,
  strategyRisks,
  strategyUpdateChases,
  strategyUpdates,
  users,
} from "../../db/schema";

// Every query of the strategy module, each scoped by the owning council.

export type StrategyRow = typeof strategies.$inferSelect;
export type PillarRow = typeof strategyPillars.$inferSelect;
export type ActionRow = typeof strategyActions.$inferSelect;
export type MeasureRow = typeof strategyMeasures.$inferSelect;
export type UpdateRow = typeof strategyUpdates.$inferSelect;
export type RiskRow = typeof strategyRisks.$inferSelect;
export type GroupRow = typeof strategyGroups.$inferSelect;
export type MemberRow = typeof strategyGroupMembers.$inferSelect;
export type MeetingRow = typeof strategyMeetings.$inferSelect;
export type MeetingActionRow = typeof strategyMeetingActions.$inferSelect;
export type ForumRow = typeof strategyForumEntries.$inferSelect;
export type ChangeRow = typeof strategyChanges.$inferSelect;

// The strategy.

export const insertStrategy = async (db: Exec, values: typeof strategies.$inferInsert) =>
  (await db.insert(strategies).values(values).returning())[0];

export const findStrategy = async (db: Exec, councilId: string, id: string) =>
  (
    await db
      .select()
      .from(strategies)
      .where(and(eq(strategies.id, id), eq(strategies.councilId, councilId)))
  )[0];

export const listStrategies = (db: Exec, councilId: string) =>
  db.select().from(strategies).where(eq(strategies.councilId, councilId)).orderBy(desc(strategies.createdAt));

export const updateStrategyRow = async (
  db: Exec,
  councilId: string,
  id: string,
  values: Partial<typeof strategies.$inferInsert>,
) =>
  (
    await db
      .update(strategies)
      .set(values)
      .where(and(eq(strategies.id, id), eq(strategies.councilId, councilId)))
      .returning()
  )[0];

// Recorded changes (ADR 0018).

export const insertChange = async (db: Exec, values: typeof strategyChanges.$inferInsert) =>
  (await db.insert(strategyChanges).values(values).returning())[0];

/** Names the recorded change the plan's trigger looks for, for the rest of the transaction. */
export const openPlanFor = (db: Exec, changeId: string) =>
  db.execute(sql`select set_config('hub.strategy_change', ${changeId}, true)`);

export async function countChanges(db: Exec, councilId: string, strategyIds: string[]) {
  if (!strategyIds.length) return new Map<string, number>();
  const rows = await db
    .select({ id: strategyChanges.strategyId, n: sql<number>`count(*)::int` })
    .from(strategyChanges)
    .where(and(eq(strategyChanges.councilId, councilId), inArray(strategyChanges.strategyId, strategyIds)))
    .groupBy(strategyChanges.strategyId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export function listChanges(db: Exec, councilId: string, strategyId: string, from?: Date, to?: Date) {
  return db
    .select({ change: strategyChanges, byName: users.name })
    .from(strategyChanges)
    .leftJoin(users, eq(users.id, strategyChanges.changedBy))
    .where(
      and(
        eq(strategyChanges.councilId, councilId),
        eq(strategyChanges.strategyId, strategyId),
        from ? gte(strategyChanges.changedAt, from) : undefined,
        to ? sql`${strategyChanges.changedAt} < ${to}` : undefined,
      ),
    )
    .orderBy(desc(strategyChanges.changedAt));
}

// Recommendations and enablers.

export const insertPillar = async (db: Exec, values: typeof strategyPillars.$inferInsert) =>
  (await db.insert(strategyPillars).values(values).returning())[0];

export const findPillar = async (db: Exec, councilId: string, strategyId: string, id: string) =>
  (
    await db
      .select()
      .from(strategyPillars)
      .where(
        and(
          eq(strategyPillars.id, id),
          eq(strategyPillars.strategyId, strategyId),
          eq(strategyPillars.councilId, councilId),
        ),
      )
  )[0];

export const updatePillarRow = async (db: Exec, id: string, values: Partial<typeof strategyPillars.$inferInsert>) =>
  (await db.update(strategyPillars).set(values).where(eq(strategyPillars.id, id)).returning())[0];

export const listPillars = (db: Exec, councilId: string, strategyId: string) =>
  db
    .select()
    .from(strategyPillars)
    .where(and(eq(strategyPillars.strategyId, strategyId), eq(strategyPillars.councilId, councilId)))
    .orderBy(desc(strategyPillars.kind), asc(strategyPillars.number));

// Actions and their measures.

export const insertAction = async (db: Exec, values: typeof strategyActions.$inferInsert) =>
  (await db.insert(strategyActions).values(values).returning())[0];

export const findAction = async (db: Exec, councilId: string, strategyId: string, id: string) =>
  (
    await db
      .select()
      .from(strategyActions)
      .where(
        and(
          eq(strategyActions.id, id),
          eq(strategyActions.strategyId, strategyId),
          eq(strategyActions.councilId, councilId),
        ),
      )
  )[0];

export const updateActionRow = async (db: Exec, id: string, values: Partial<typeof strategyActions.$inferInsert>) =>
  (await db.update(strategyActions).set(values).where(eq(strategyActions.id, id)).returning())[0];

export const listActions = (db: Exec, councilId: string, strategyId: string) =>
  db
    .select()
    .from(strategyActions)
    .where(and(eq(strategyActions.strategyId, strategyId), eq(strategyActions.councilId, councilId)))
    .orderBy(asc(strategyActions.number));

export const listMeasures = (db: Exec, councilId: string, strategyId: string, actionId?: string) =>
  db
    .select()
    .from(strategyMeasures)
    .where(
      and(
        eq(strategyMeasures.strategyId, strategyId),
        eq(strategyMeasures.councilId, councilId),
        actionId ? eq(strategyMeasures.actionId, actionId) : undefined,
      ),
    )
    .orderBy(asc(strategyMeasures.metric));

export const deleteMeasuresOf = (db: Exec, actionId: string) =>
  db.delete(strategyMeasures).where(eq(strategyMeasures.actionId, actionId));

export async function insertMeasures(db: Exec, values: (typeof strategyMeasures.$inferInsert)[]) {
  if (values.length) await db.insert(strategyMeasures).values(values);
}

// People and organisations named in the plan.

export async function userNames(db: Exec, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name || r.email]));
}

export async function orgNamesOf(db: Exec, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map<string, { id: string; name: string; kind: string }>();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(inArray(organisations.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The organisations a user belongs to, with their kind. */
export const orgsOfUser = (db: Exec, userId: string) =>
  db
    .select({ orgId: memberships.orgId, role: memberships.role, kind: organisations.kind })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.userId, userId));

export const findUserByEmailAddress = async (db: Exec, email: string) =>
  (
    await db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${email})`)
  )[0];

// Progress updates.

export async function upsertUpdate(db: Exec, values: typeof strategyUpdates.$inferInsert) {
  const { id: _id, createdAt: _c, ...change } = values;
  return (
    await db
      .insert(strategyUpdates)
      .values(values)
      .onConflictDoUpdate({ target: [strategyUpdates.actionId, strategyUpdates.quarter], set: change })
      .returning()
  )[0];
}

export const findUpdate = async (db: Exec, councilId: string, actionId: string, quarter: string) =>
  (
    await db
      .select()
      .from(strategyUpdates)
      .where(
        and(
          eq(strategyUpdates.councilId, councilId),
          eq(strategyUpdates.actionId, actionId),
          eq(strategyUpdates.quarter, quarter),
        ),
      )
  )[0];

/** A strategy's updates for some quarters (every quarter when none are named). */
export const listUpdates = (db: Exec, councilId: string, strategyId: string, quarters?: string[]) =>
  db
    .select()
    .from(strategyUpdates)
    .where(
      and(
        eq(strategyUpdates.councilId, councilId),
        eq(strategyUpdates.strategyId, strategyId),
        quarters ? inArray(strategyUpdates.quarter, quarters) : undefined,
      ),
    )
    .orderBy(asc(strategyUpdates.quarter));

export const listActionUpdates = (db: Exec, councilId: string, actionId: string) =>
  db
    .select()
    .from(strategyUpdates)
    .where(and(eq(strategyUpdates.councilId, councilId), eq(strategyUpdates.actionId, actionId)))
    .orderBy(desc(strategyUpdates.quarter));

// Groups and their members.

export const insertGroup = async (db: Exec, values: typeof strategyGroups.$inferInsert) =>
  (await db.insert(strategyGroups).values(values).returning())[0];

export const findGroup = async (db: Exec, councilId: string, strategyId: string, id: string) =>
  (
    await db
      .select()
      .from(strategyGroups)
      .where(
        and(
          eq(strategyGroups.id, id),
          eq(strategyGroups.strategyId, strategyId),
          eq(strategyGroups.councilId, councilId),
        ),
      )
  )[0];

export const listGroups = (db: Exec, councilId: string, strategyId: string) =>
  db
    .select()
    .from(strategyGroups)
    .where(and(eq(strategyGroups.strategyId, strategyId), eq(strategyGroups.councilId, councilId)))
    .orderBy(asc(strategyGroups.createdAt), asc(strategyGroups.name));

export const insertMember = async (db: Exec, values: typeof strategyGroupMembers.$inferInsert) =>
  (await db.insert(strategyGroupMembers).values(values).returning())[0];

export const findMember = async (db: Exec, councilId: string, groupId: string, id: string) =>
  (
    await db
      .select()
      .from(strategyGroupMembers)
      .where(
        and(
          eq(strategyGroupMembers.id, id),
          eq(strategyGroupMembers.groupId, groupId),
          eq(strategyGroupMembers.councilId, councilId),
        ),
      )
  )[0];

export const findMemberByUser = async (db: Exec, groupId: string, userId: string) =>
  (
    await db
      .select()
      .from(strategyGroupMembers)
      .where(and(eq(strategyGroupMembers.groupId, groupId), eq(strategyGroupMembers.userId, userId)))
  )[0];

export const deleteMember = (db: Exec, id: string) =>
  db.delete(strategyGroupMembers).where(eq(strategyGroupMembers.id, id));

export const listMembers = (db: Exec, councilId: string, groupIds: string[]) =>
  groupIds.length
    ? db
        .select({ member: strategyGroupMembers, name: users.name, email: users.email })
        .from(strategyGroupMembers)
        .innerJoin(users, eq(users.id, strategyGroupMembers.userId))
        .where(and(eq(strategyGroupMembers.councilId, councilId), inArray(strategyGroupMembers.groupId, groupIds)))
        .orderBy(asc(users.name))
    : Promise.resolve([]);

/** The council's groups a user is a member of. */
export async function groupIdsOfUser(db: Exec, councilId: string, userId: string) {
  const rows = await db
    .select({ id: strategyGroupMembers.groupId })
    .from(strategyGroupMembers)
    .where(and(eq(strategyGroupMembers.councilId, councilId), eq(strategyGroupMembers.userId, userId)));
  return rows.map((r) => r.id);
}

export async function countMeetings(db: Exec, groupIds: string[]) {
  if (!groupIds.length) return new Map<string, number>();
  const rows = await db
    .select({ id: strategyMeetings.groupId, n: sql<number>`count(*)::int` })
    .from(strategyMeetings)
    .where(inArray(strategyMeetings.groupId, groupIds))
    .groupBy(strategyMeetings.groupId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

// Meetings.

export const insertMeeting = async (db: Exec, values: typeof strategyMeetings.$inferInsert) =>
  (await db.insert(strategyMeetings).values(values).returning())[0];

export async function insertMeetingActions(db: Exec, values: (typeof strategyMeetingActions.$inferInsert)[]) {
  if (values.length) await db.insert(strategyMeetingActions).values(values);
}

export const listMeetings = (db: Exec, councilId: string, groupIds: string[], from?: string, to?: string) =>
  groupIds.length
    ? db
        .select()
        .from(strategyMeetings)
        .where(
          and(
            eq(strategyMeetings.councilId, councilId),
            inArray(strategyMeetings.groupId, groupIds),
            from ? gte(strategyMeetings.heldOn, from) : undefined,
            to ? lte(strategyMeetings.heldOn, to) : undefined,
          ),
        )
        .orderBy(desc(strategyMeetings.heldOn))
    : Promise.resolve([]);

export const listMeetingActions = (db: Exec, councilId: string, meetingIds: string[]) =>
  meetingIds.length
    ? db
        .select()
        .from(strategyMeetingActions)
        .where(
          and(eq(strategyMeetingActions.councilId, councilId), inArray(strategyMeetingActions.meetingId, meetingIds)),
        )
    : Promise.resolve([]);

// The forum's "you said, we did" log.

export const insertForumEntry = async (db: Exec, values: typeof strategyForumEntries.$inferInsert) =>
  (await db.insert(strategyForumEntries).values(values).returning())[0];

export const findForumEntry = async (db: Exec, councilId: string, strategyId: string, id: string) =>
  (
    await db
      .select()
      .from(strategyForumEntries)
      .where(
        and(
          eq(strategyForumEntries.id, id),
          eq(strategyForumEntries.strategyId, strategyId),
          eq(strategyForumEntries.councilId, councilId),
        ),
      )
  )[0];

export const updateForumEntryRow = async (
  db: Exec,
  id: string,
  values: Partial<typeof strategyForumEntries.$inferInsert>,
) => (await db.update(strategyForumEntries).set(values).where(eq(strategyForumEntries.id, id)).returning())[0];

export const listForumEntries = (db: Exec, councilId: string, strategyId: string) =>
  db
    .select()
    .from(strategyForumEntries)
    .where(and(eq(strategyForumEntries.strategyId, strategyId), eq(strategyForumEntries.councilId, councilId)))
    .orderBy(desc(strategyForumEntries.raisedOn));

// The register of risks, issues and assumptions.

export const insertRisk = async (db: Exec, values: typeof strategyRisks.$inferInsert) =>
  (await db.insert(strategyRisks).values(values).returning())[0];

export const findRisk = async (db: Exec, councilId: string, strategyId: string, id: string) =>
  (
    await db
      .select()
      .from(strategyRisks)
      .where(
        and(eq(strategyRisks.id, id), eq(strategyRisks.strategyId, strategyId), eq(strategyRisks.councilId, councilId)),
      )
  )[0];

export const updateRiskRow = async (db: Exec, id: string, values: Partial<typeof strategyRisks.$inferInsert>) =>
  (await db.update(strategyRisks).set(values).where(eq(strategyRisks.id, id)).returning())[0];

export const listRisks = (db: Exec, councilId: string, strategyId: string) =>
  db
    .select()
    .from(strategyRisks)
    .where(and(eq(strategyRisks.strategyId, strategyId), eq(strategyRisks.councilId, councilId)))
    .orderBy(asc(strategyRisks.ref));

/** The next number for a reference of a kind (R, I, A). */
export async function countRisksOfKind(db: Exec, strategyId: string, kind: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(strategyRisks)
    .where(and(eq(strategyRisks.strategyId, strategyId), eq(strategyRisks.kind, kind)));
  return row?.n ?? 0;
}

export const insertRiskHistory = (db: Exec, values: typeof strategyRiskHistory.$inferInsert) =>
  db.insert(strategyRiskHistory).values(values);

export const listRiskHistory = (db: Exec, councilId: string, riskIds: string[], from?: Date, to?: Date) =>
  riskIds.length
    ? db
        .select({ entry: strategyRiskHistory, byName: users.name })
        .from(strategyRiskHistory)
        .leftJoin(users, eq(users.id, strategyRiskHistory.changedBy))
        .where(
          and(
            eq(strategyRiskHistory.councilId, councilId),
            inArray(strategyRiskHistory.riskId, riskIds),
            from ? gte(strategyRiskHistory.changedAt, from) : undefined,
            to ? sql`${strategyRiskHistory.changedAt} < ${to}` : undefined,
          ),
        )
        // An entry's creation first when two changes share a moment.
        .orderBy(asc(strategyRiskHistory.changedAt), sql`${strategyRiskHistory.before} is null desc`)
    : Promise.resolve([]);

// Chasing overdue updates.

/**
 * For approved strategies whose period covers the quarter: each action begun by its end, not
 * reported complete before and with no update for it,
 * and each person who owns it (the owner, or every member of the owning group) not yet chased
 * for it, with the council's name and the action's reference parts.
 */
export async function findUnchasedOwners(db: Exec, quarter: string, quarterStart: string, quarterEnd: string) {
  const result = await db.execute(sql`
    with owed as (
      select a.id as action_id, a.council_id, a.title, a.number, p.kind, p.number as pillar_number,
        s.title as strategy_title, o.name as council_name, a.owner_user_id, a.owner_group_id
      from strategy_actions a
        join strategies s on s.id = a.strategy_id and s.status = 'approved'
          and s.period_start <= ${quarterEnd}::date and s.period_end >= ${quarterStart}::date
        join strategy_pillars p on p.id = a.pillar_id
        join organisations o on o.id = a.council_id
      where (a.start_on is null or a.start_on <= ${quarterEnd}::date)
        and not exists (select 1 from strategy_updates u where u.action_id = a.id and u.quarter = ${quarter})
        -- an action reported complete before needs no more updates
        and not exists (select 1 from strategy_updates u where u.action_id = a.id and u.quarter < ${quarter} and u.status = 'complete')
    ),
    owners as (
      select w.*, w.owner_user_id as user_id from owed w where w.owner_user_id is not null
      union
      select w.*, m.user_id from owed w join strategy_group_members m on m.group_id = w.owner_group_id
    )
    select w.action_id as "actionId", w.council_id as "councilId", w.title, w.number, w.kind,
      w.pillar_number as "pillarNumber", w.strategy_title as "strategyTitle", w.council_name as "councilName",
      u.id as "userId", u.email, u.name
    from owners w join users u on u.id = w.user_id
    where not exists (
      select 1 from strategy_update_chases c where c.action_id = w.action_id and c.quarter = ${quarter} and c.user_id = u.id)
    order by u.id, w.kind desc, w.pillar_number, w.number`);
  return result.rows as {
    actionId: string;
    councilId: string;
    title: string;
    number: number;
    kind: "recommendation" | "enabler";
    pillarNumber: number;
    strategyTitle: string;
    councilName: string;
    userId: string;
    email: string;
    name: string;
  }[];
}

export const insertChases = async (db: Exec, values: (typeof strategyUpdateChases.$inferInsert)[]) => {
  if (values.length) await db.insert(strategyUpdateChases).values(values).onConflictDoNothing();
};
