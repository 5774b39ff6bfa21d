import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { councilRef, created, organisationRef, orgRef, updated, userRef } from "./columns";

// A council's workforce strategy as data (issue 16): the plan (strategy, its recommendations and
// enablers, their actions and each action's linked measures), kept as approved by a trigger once
// the board approves it (ADR 0018: a change after approval is a row of strategy_changes written in
// the same transaction); quarterly progress updates; the register of risks, issues and
// assumptions with its history; and the governance: groups, members, meetings and the forum's
// "you said, we did" log. Every table carries the owning council's id.

export const strategies = pgTable(
  "strategies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: councilRef(),
    title: text("title").notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    vision: text("vision").notNull().default(""),
    /** draft, or approved (then changed only through strategy_changes). */
    status: text("status").notNull().default("draft"),
    approvalBoard: text("approval_board"),
    approvedOn: date("approved_on"),
    minuteRef: text("minute_ref"),
    /** Who approved it, as the minutes say (a board, its chair). */
    approvedBy: text("approved_by"),
    /** The user who recorded the approval in the hub. */
    approvalRecordedBy: userRef("approval_recorded_by"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index("strategies_council_idx").on(t.councilId),
    check("strategies_status", sql`${t.status} in ('draft', 'approved')`),
    check("strategies_period", sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/** A recommendation or a cross-cutting enabler, numbered within its kind. */
export const strategyPillars = pgTable(
  "strategy_pillars",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    strategyId: uuid("strategy_id")
      .notNull()
      .references(() => strategies.id),
    councilId: councilRef(),
    kind: text("kind").notNull(),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    aims: text("aims").array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    uniqueIndex("strategy_pillars_number_key").on(t.strategyId, t.kind, t.number),
    check("strategy_pillars_kind", sql`${t.kind} in ('recommendation', 'enabler')`),
  ],
);

/** The steering group, task-and-finish groups and the provider workforce forum. */
export const strategyGroups = pgTable(
  "strategy_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: councilRef(),
    strategyId: uuid("strategy_id")
      .notNull()
      .references(() => strategies.id),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    purpose: text("purpose").notNull().default(""),
    createdAt: created(),
  },
  (t) => [
    index("strategy_groups_strategy_idx").on(t.strategyId),
    check("strategy_groups_kind", sql`${t.kind} in ('steering', 'task_and_finish', 'forum')`),
  ],
);

export const strategyGroupMembers = pgTable(
  "strategy_group_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => strategyGroups.id),
    councilId: councilRef(),
    userId: userRef("user_id").notNull(),
    /** The organisation the member comes from (the council, a provider, a partner). */
    orgId: orgRef(),
    /** Their role in the group: chair, vice_chair, member, secretary. */
    role: text("role").notNull().default("member"),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex("strategy_group_members_key").on(t.groupId, t.userId),
    index("strategy_group_members_user_idx").on(t.userId),
  ],
);

export const strategyActions = pgTable(
  "strategy_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    strategyId: uuid("strategy_id")
      .notNull()
      .references(() => strategies.id),
    pillarId: uuid("pillar_id")
      .notNull()
      .references(() => strategyPillars.id),
    councilId: councilRef(),
    /** Its number within the recommendation or enabler (R1.3 is the third action of recommendation 1). */
    number: integer("number").notNull(),
    title: text("title").notNull(),
    /** foundations (year 1), activation (year 2), embedding (year 3). */
    phase: text("phase").notNull(),
    ownerUserId: userRef("owner_user_id"),
    ownerGroupId: uuid("owner_group_id").references(() => strategyGroups.id),
    partners: text("partners").array().notNull().default(sql`'{}'::text[]`),
    partnerOrgIds: uuid("partner_org_ids").array().notNull().default(sql`'{}'::uuid[]`),
    startOn: date("start_on"),
    dueOn: date("due_on"),
    inputs: text("inputs").notNull().default(""),
    outputs: text("outputs").notNull().default(""),
    outcomes: text("outcomes").notNull().default(""),
  },
  (t) => [
    uniqueIndex("strategy_actions_number_key").on(t.pillarId, t.number),
    index("strategy_actions_strategy_idx").on(t.strategyId),
    check("strategy_actions_phase", sql`${t.phase} in ('foundations', 'activation', 'embedding')`),
    check("strategy_actions_one_owner", sql`num_nonnulls(${t.ownerUserId}, ${t.ownerGroupId}) <= 1`),
  ],
);

/** A figure of the engine an action is meant to move, with its target, direction and date. */
export const strategyMeasures = pgTable(
  "strategy_measures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => strategyActions.id),
    strategyId: uuid("strategy_id")
      .notNull()
      .references(() => strategies.id),
    councilId: councilRef(),
    metric: text("metric").notNull(),
    target: doublePrecision("target").notNull(),
    /** higher or lower is better. */
    direction: text("direction").notNull(),
    byDate: date("by_date").notNull(),
  },
  (t) => [
    index("strategy_measures_action_idx").on(t.actionId),
    check("strategy_measures_direction", sql`${t.direction} in ('higher', 'lower')`),
  ],
);

/**
 * A change to an approved plan: who, why, and the row before and after. Append-only. The plan's
 * trigger lets a write to an approved strategy's rows through only when the transaction has
 * recorded one of these (tx_id) and named it in the setting hub.strategy_change (ADR 0018).
 */
export const strategyChanges = pgTable(
  "strategy_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    strategyId: uuid("strategy_id")
      .notNull()
      .references(() => strategies.id),
    councilId: councilRef(),
    changedBy: userRef("changed_by"),
    reason: text("reason").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    txId: bigint("tx_id", { mode: "number" }).notNull().default(sql`txid_current()`),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("strategy_changes_strategy_idx").on(t.strategyId)],
);

/** An owner's update on an action for one calendar quarter ("2026-Q3"). */
export const strategyUpdates = pgTable(
  "strategy_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => strategyActions.id),
    strategyId: uuid("strategy_id")
      .notNull()
      .references(() => strategies.id),
    councilId: councilRef(),
    quarter: text("quarter").notNull(),
    status: text("status").notNull(),
    narrative: text("narrative").notNull().default(""),
    evidence: text("evidence").array().notNull().default(sql`'{}'::text[]`),
    reportedOn: date("reported_on").notNull(),
    reportedBy: userRef("reported_by"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex("strategy_updates_action_quarter_key").on(t.actionId, t.quarter),
    index("strategy_updates_strategy_quarter_idx").on(t.strategyId, t.quarter),
    check(
      "strategy_updates_status",
      sql`${t.status} in ('not_started', 'on_track', 'at_risk', 'off_track', 'complete')`,
    ),
  ],
);

/** Who has been chased for an action's missing update for a quarter (so they are emailed once). */
export const strategyUpdateChases = pgTable(
  "strategy_update_chases",
  {
    actionId: uuid("action_id")
      .notNull()
      .references(() => strategyActions.id),
    quarter: text("quarter").notNull(),
    userId: userRef("user_id").notNull(),
    councilId: councilRef(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.quarter, t.userId] })],
);

/** The register of risks, issues and assumptions. */
export const strategyRisks = pgTable(
  "strategy_risks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    strategyId: uuid("strategy_id")
      .notNull()
      .references(() => strategies.id),
    councilId: councilRef(),
    /** risk, issue or assumption. */
    kind: text("kind").notNull(),
    /** R1, I2, A3: its reference in the register. */
    ref: text("ref").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    likelihood: integer("likelihood").notNull(),
    impact: integer("impact").notNull(),
    ownerUserId: userRef("owner_user_id"),
    /** The owner in words when not a user of the hub (a post, a board). */
    ownerName: text("owner_name").notNull().default(""),
    mitigations: text("mitigations").notNull().default(""),
    reviewOn: date("review_on"),
    /** open or closed; an assumption is holding or failed. */
    status: text("status").notNull(),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex("strategy_risks_ref_key").on(t.strategyId, t.ref),
    check("strategy_risks_kind", sql`${t.kind} in ('risk', 'issue', 'assumption')`),
    check("strategy_risks_likelihood", sql`${t.likelihood} between 1 and 5`),
    check("strategy_risks_impact", sql`${t.impact} between 1 and 5`),
    check(
      "strategy_risks_status",
      sql`(${t.kind} = 'assumption' and ${t.status} in ('holding', 'failed')) or (${t.kind} <> 'assumption' and ${t.status} in ('open', 'closed'))`,
    ),
  ],
);

/** Every change to a register entry: who, when, before and after (append-only). */
export const strategyRiskHistory = pgTable(
  "strategy_risk_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    riskId: uuid("risk_id")
      .notNull()
      .references(() => strategyRisks.id),
    councilId: councilRef(),
    changedBy: userRef("changed_by"),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
    before: jsonb("before"),
    after: jsonb("after").notNull(),
  },
  (t) => [index("strategy_risk_history_risk_idx").on(t.riskId, t.changedAt)],
);

export const strategyMeetings = pgTable(
  "strategy_meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => strategyGroups.id),
    councilId: councilRef(),
    heldOn: date("held_on").notNull(),
    agenda: text("agenda").array().notNull().default(sql`'{}'::text[]`),
    decisions: text("decisions").array().notNull().default(sql`'{}'::text[]`),
    createdAt: created(),
  },
  (t) => [index("strategy_meetings_group_idx").on(t.groupId, t.heldOn)],
);

/** An action arising from a meeting, linked to a plan action where it serves one. */
export const strategyMeetingActions = pgTable(
  "strategy_meeting_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => strategyMeetings.id),
    councilId: councilRef(),
    description: text("description").notNull(),
    planActionId: uuid("plan_action_id").references(() => strategyActions.id),
    owner: text("owner").notNull().default(""),
    dueOn: date("due_on"),
    /** open or done. */
    status: text("status").notNull().default("open"),
  },
  (t) => [
    index("strategy_meeting_actions_meeting_idx").on(t.meetingId),
    check("strategy_meeting_actions_status", sql`${t.status} in ('open', 'done')`),
  ],
);

/** The provider workforce forum's "you said, we did" log. */
export const strategyForumEntries = pgTable(
  "strategy_forum_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    strategyId: uuid("strategy_id")
      .notNull()
      .references(() => strategies.id),
    councilId: councilRef(),
    groupId: uuid("group_id").references(() => strategyGroups.id),
    raisedOn: date("raised_on").notNull(),
    youSaid: text("you_said").notNull(),
    weDid: text("we_did").notNull().default(""),
    /** open, in_progress or done. */
    status: text("status").notNull().default("open"),
    createdAt: created(),
  },
  (t) => [
    index("strategy_forum_entries_strategy_idx").on(t.strategyId, t.raisedOn),
    check("strategy_forum_entries_status", sql`${t.status} in ('open', 'in_progress', 'done')`),
  ],
);

/**
 * Whether a council publishes its strategy's progress (the public and easy-read pages, issue 16):
 * off until it switches it on. Kept apart from the plan, so switching it is no change to an approved plan.
 */
export const strategyPublicPages = pgTable("strategy_public_pages", {
  councilId: organisationRef("council_id").primaryKey(),
  enabled: boolean("enabled").notNull().default(false),
  updatedBy: userRef("updated_by"),
  updatedAt: updated(),
});
