import { z } from "zod";
import { HEADLINES } from "../metrics";
import {
  FORUM_STATUSES,
  GROUP_KINDS,
  GROUP_ROLES,
  MEASURE_DIRECTIONS,
  PHASES,
  PILLAR_KINDS,
  QUARTER_PATTERN,
  RISK_KINDS,
  RISK_STATUSES,
  STRATEGY_STATUSES,
  UPDATE_STATUSES,
} from "../strategy";
import { day, orgKindValue, timestamp } from "./common";
import { freeText } from "./text";

// A council's workforce strategy (issue 16): its plan, quarterly updates, the register of risks,
// issues and assumptions, its governance, and the data of a quarterly board report.

const text = (what: string, max: number, opts: { required?: boolean; multiLine?: boolean } = {}) =>
  freeText(
    z
      .string()
      .trim()
      .min(opts.required === false ? 0 : 1, `Enter the ${what.toLowerCase()}`)
      .max(max, `${what} must be ${max} characters or fewer`),
    what,
    { multiLine: opts.multiLine },
  );
const optionalText = (what: string, max: number, multiLine = true) =>
  text(what, max, { required: false, multiLine }).default("");
const dateOf = (what: string) => z.iso.date(`Enter ${what} as a real date`);
const lines = (what: string, max: number, count: number) =>
  z.array(text(what, max)).max(count, `Give at most ${count}`).default([]);
const id = z.uuid("Choose one from the list");

export const quarterValue = z
  .string()
  .regex(QUARTER_PATTERN, "Enter the quarter as a year and quarter, for example 2026-Q3");
export const strategyStatus = z.enum(STRATEGY_STATUSES);
export const pillarKind = z.enum(PILLAR_KINDS);
export const phaseValue = z.enum(PHASES, "Choose the year of the plan");
export const updateStatus = z.enum(UPDATE_STATUSES, "Choose a status");
export const measureDirection = z.enum(MEASURE_DIRECTIONS, "Choose whether higher or lower is better");
export const riskKind = z.enum(RISK_KINDS, "Choose risk, issue or assumption");
export const riskStatus = z.enum(RISK_STATUSES, "Choose a status");
export const groupKind = z.enum(GROUP_KINDS, "Choose the kind of group");
export const groupRole = z.enum(GROUP_ROLES, "Choose their role in the group");
export const forumStatus = z.enum(FORUM_STATUSES, "Choose a status");

/** Why an approved plan is changed: required then, kept with the change (ADR 0018). */
const reason = text("Reason for the change", 500).optional();

// Inputs.

export const createStrategyInput = z.object({
  title: text("Title", 200),
  periodStart: dateOf("the start of the period"),
  periodEnd: dateOf("the end of the period"),
  vision: optionalText("Vision", 4000),
});
export type CreateStrategyInput = z.infer<typeof createStrategyInput>;

export const updateStrategyInput = z.object({
  title: text("Title", 200).optional(),
  periodStart: dateOf("the start of the period").optional(),
  periodEnd: dateOf("the end of the period").optional(),
  vision: text("Vision", 4000, { required: false, multiLine: true }).optional(),
  reason,
});
export type UpdateStrategyInput = z.infer<typeof updateStrategyInput>;

export const approveStrategyInput = z.object({
  board: text("Board", 200),
  approvedOn: dateOf("the date it was approved"),
  minuteRef: text("Minute reference", 100),
  approvedBy: text("Approved by", 200),
});
export type ApproveStrategyInput = z.infer<typeof approveStrategyInput>;

export const pillarInput = z.object({
  kind: pillarKind,
  number: z.number("Enter its number").int().min(1).max(99),
  title: text("Title", 200),
  aims: lines("Aim", 500, 20),
  reason,
});
export type PillarInput = z.infer<typeof pillarInput>;
// A change names only what changes: no defaults, so a field left out is left alone.
export const updatePillarInput = z.object({
  kind: pillarKind.optional(),
  number: z.number("Enter its number").int().min(1).max(99).optional(),
  title: text("Title", 200).optional(),
  aims: z.array(text("Aim", 500)).max(20, "Give at most 20").optional(),
  reason,
});
export type UpdatePillarInput = z.infer<typeof updatePillarInput>;

export const measureInput = z.object({
  metric: z.string().min(1, "Choose the figure"),
  target: z.number("Enter the target as a number (a rate as a fraction: 0.09 for 9%)"),
  direction: measureDirection,
  byDate: dateOf("the date the target is for"),
});
export type MeasureInput = z.infer<typeof measureInput>;

/** Who owns an action: a person (a user) or a group; null for nobody yet. */
export const ownerInput = z
  .union([z.object({ userId: id }), z.object({ groupId: id })])
  .nullable()
  .default(null);

export const actionInput = z.object({
  pillarId: id,
  number: z.number("Enter its number").int().min(1).max(99),
  title: text("Title", 300),
  phase: phaseValue,
  owner: ownerInput,
  partners: lines("Partner", 200, 20),
  partnerOrgIds: z.array(id).max(50).default([]),
  startOn: dateOf("the start date").nullable().default(null),
  dueOn: dateOf("the due date").nullable().default(null),
  inputs: optionalText("Inputs", 2000),
  outputs: optionalText("Outputs", 2000),
  outcomes: optionalText("Expected outcomes", 2000),
  measures: z.array(measureInput).max(10).default([]),
  reason,
});
export type ActionInput = z.input<typeof actionInput>;
export const updateActionInput = z.object({
  pillarId: id.optional(),
  number: z.number().int().min(1).max(99).optional(),
  title: text("Title", 300).optional(),
  phase: phaseValue.optional(),
  owner: z
    .union([z.object({ userId: id }), z.object({ groupId: id })])
    .nullable()
    .optional(),
  partners: z.array(text("Partner", 200)).max(20).optional(),
  partnerOrgIds: z.array(id).max(50).optional(),
  startOn: dateOf("the start date").nullable().optional(),
  dueOn: dateOf("the due date").nullable().optional(),
  inputs: text("Inputs", 2000, { required: false, multiLine: true }).optional(),
  outputs: text("Outputs", 2000, { required: false, multiLine: true }).optional(),
  outcomes: text("Expected outcomes", 2000, { required: false, multiLine: true }).optional(),
  measures: z.array(measureInput).max(10).optional(),
  reason,
});
export type UpdateActionInput = z.infer<typeof updateActionInput>;

export const progressUpdateInput = z.object({
  status: updateStatus,
  narrative: text("Narrative", 1000, { required: false, multiLine: true }).default(""),
  evidence: z
    .array(z.url({ protocol: /^https?$/, error: "Enter each evidence link as a web address starting https://" }))
    .max(10, "Give at most 10 evidence links")
    .default([]),
  reportedOn: dateOf("the date of the update"),
});
export type ProgressUpdateInput = z.input<typeof progressUpdateInput>;

export const riskInput = z.object({
  kind: riskKind,
  ref: text("Reference", 20).optional(),
  title: text("Title", 200),
  description: optionalText("Description", 2000),
  likelihood: z.number("Choose the likelihood from 1 to 5").int().min(1).max(5),
  impact: z.number("Choose the impact from 1 to 5").int().min(1).max(5),
  ownerUserId: id.nullable().default(null),
  ownerName: optionalText("Owner", 200, false),
  mitigations: optionalText("Mitigations", 4000),
  reviewOn: dateOf("the review date").nullable().default(null),
  status: riskStatus.optional(),
});
export type RiskInput = z.input<typeof riskInput>;
export const updateRiskInput = z.object({
  title: text("Title", 200).optional(),
  description: text("Description", 2000, { required: false, multiLine: true }).optional(),
  likelihood: z.number("Choose the likelihood from 1 to 5").int().min(1).max(5).optional(),
  impact: z.number("Choose the impact from 1 to 5").int().min(1).max(5).optional(),
  ownerUserId: id.nullable().optional(),
  ownerName: text("Owner", 200, { required: false }).optional(),
  mitigations: text("Mitigations", 4000, { required: false, multiLine: true }).optional(),
  reviewOn: dateOf("the review date").nullable().optional(),
  status: riskStatus.optional(),
});
export type UpdateRiskInput = z.infer<typeof updateRiskInput>;

export const groupInput = z.object({
  kind: groupKind,
  name: text("Name", 200),
  purpose: optionalText("Purpose", 2000),
});
export type GroupInput = z.input<typeof groupInput>;

/** A member is found by email: a person of the council or of an organisation it commissions. */
export const groupMemberInput = z.object({
  email: z.email("Enter their email address"),
  role: groupRole.default("member"),
  /** The organisation they represent, when they belong to more than one. */
  orgId: id.optional(),
});
export type GroupMemberInput = z.input<typeof groupMemberInput>;

export const meetingInput = z.object({
  heldOn: dateOf("the date of the meeting"),
  agenda: lines("Agenda item", 500, 30),
  decisions: lines("Decision", 1000, 30),
  actionsArising: z
    .array(
      z.object({
        description: text("Action", 500),
        planActionId: id.nullable().default(null),
        owner: optionalText("Owner", 200, false),
        dueOn: dateOf("the due date").nullable().default(null),
        status: z.enum(["open", "done"]).default("open"),
      }),
    )
    .max(30)
    .default([]),
});
export type MeetingInput = z.input<typeof meetingInput>;

export const forumEntryInput = z.object({
  groupId: id.nullable().default(null),
  raisedOn: dateOf("the date it was raised"),
  youSaid: text("You said", 1000, { multiLine: true }),
  weDid: optionalText("We did", 2000),
  status: forumStatus.default("open"),
});
export type ForumEntryInput = z.input<typeof forumEntryInput>;
export const updateForumEntryInput = z.object({
  groupId: id.nullable().optional(),
  raisedOn: dateOf("the date it was raised").optional(),
  youSaid: text("You said", 1000, { multiLine: true }).optional(),
  weDid: text("We did", 2000, { required: false, multiLine: true }).optional(),
  status: forumStatus.optional(),
});
export type UpdateForumEntryInput = z.infer<typeof updateForumEntryInput>;

export const quarterQuery = z.object({ quarter: quarterValue.optional() });

// Answers.

const person = z.object({ id: z.string(), name: z.string() });
export const ownerView = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("user"), id: z.string(), name: z.string() }),
  z.object({ kind: z.literal("group"), id: z.string(), name: z.string() }),
]);
export type OwnerView = z.infer<typeof ownerView>;

export const strategyView = z.object({
  id: z.string(),
  title: z.string(),
  periodStart: day,
  periodEnd: day,
  vision: z.string(),
  status: strategyStatus,
  approval: z
    .object({
      board: z.string(),
      approvedOn: day,
      minuteRef: z.string(),
      approvedBy: z.string(),
    })
    .nullable(),
  /** Changes recorded since approval. */
  changes: z.number(),
});
export type StrategyView = z.infer<typeof strategyView>;
export const strategiesResponse = z.object({
  strategies: z.array(strategyView),
  /** The strategy pages and the board report open: the latest approved, else the latest. */
  currentId: z.string().nullable(),
});
export type StrategiesResponse = z.infer<typeof strategiesResponse>;
export const strategyResponse = z.object({ strategy: strategyView });
export type StrategyResponse = z.infer<typeof strategyResponse>;

export const measureView = z.object({
  id: z.string(),
  metric: z.string(),
  label: z.string(),
  target: z.number(),
  direction: measureDirection,
  byDate: day,
});
export type MeasureView = z.infer<typeof measureView>;

export const progressUpdateView = z.object({
  id: z.string(),
  actionId: z.string(),
  quarter: z.string(),
  status: updateStatus,
  narrative: z.string(),
  evidence: z.array(z.string()),
  reportedOn: day,
  reportedBy: person.nullable(),
});
export type ProgressUpdateView = z.infer<typeof progressUpdateView>;

export const actionView = z.object({
  id: z.string(),
  /** R1.3: its recommendation or enabler and its number there. */
  ref: z.string(),
  pillarId: z.string(),
  number: z.number(),
  title: z.string(),
  phase: phaseValue,
  owner: ownerView.nullable(),
  partners: z.array(z.string()),
  partnerOrgs: z.array(z.object({ id: z.string(), name: z.string() })),
  startOn: day.nullable(),
  dueOn: day.nullable(),
  inputs: z.string(),
  outputs: z.string(),
  outcomes: z.string(),
  measures: z.array(measureView),
  /** The latest progress update, of any quarter. */
  latest: progressUpdateView.nullable(),
  /** Whether the person asking may record its updates. */
  canUpdate: z.boolean(),
});
export type ActionView = z.infer<typeof actionView>;

export const pillarView = z.object({
  id: z.string(),
  kind: pillarKind,
  number: z.number(),
  /** R1 or E1. */
  ref: z.string(),
  title: z.string(),
  aims: z.array(z.string()),
  actions: z.array(actionView),
});
export type PillarView = z.infer<typeof pillarView>;

export const strategyPlanResponse = z.object({
  strategy: strategyView,
  pillars: z.array(pillarView),
  /** What the person asking may do here. */
  can: z.object({ manage: z.boolean(), update: z.boolean() }),
});
export type StrategyPlanResponse = z.infer<typeof strategyPlanResponse>;
export const pillarResponse = z.object({ pillar: pillarView.omit({ actions: true }) });
export type PillarResponse = z.infer<typeof pillarResponse>;
export const actionResponse = z.object({ action: actionView });
export type ActionResponse = z.infer<typeof actionResponse>;

export const changeView = z.object({
  id: z.string(),
  at: timestamp,
  by: person.nullable(),
  reason: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type ChangeView = z.infer<typeof changeView>;
export const changesResponse = z.object({ changes: z.array(changeView) });
export type ChangesResponse = z.infer<typeof changesResponse>;

/** A linked measure's figure at a date, against its target. */
export const measureReading = z.object({
  metric: z.string(),
  label: z.string(),
  at: day,
  value: z.number().nullable(),
  target: z.number(),
  direction: measureDirection,
  byDate: day,
  offTarget: z.boolean(),
});
export type MeasureReading = z.infer<typeof measureReading>;
/** The status the hub suggests when linked measures are off target at the quarter end. */
export const statusSuggestion = z.object({
  status: z.enum(["at_risk", "off_track"]),
  because: z.array(measureReading),
});
export type StatusSuggestion = z.infer<typeof statusSuggestion>;

export const quarterUpdatesResponse = z.object({
  quarter: z.string(),
  quarterEnd: day,
  actions: z.array(
    z.object({
      actionId: z.string(),
      ref: z.string(),
      title: z.string(),
      owner: ownerView.nullable(),
      canUpdate: z.boolean(),
      update: progressUpdateView.nullable(),
      readings: z.array(measureReading),
      suggestion: statusSuggestion.nullable(),
    }),
  ),
});
export type QuarterUpdatesResponse = z.infer<typeof quarterUpdatesResponse>;
export const progressUpdateResponse = z.object({ update: progressUpdateView });
export type ProgressUpdateResponse = z.infer<typeof progressUpdateResponse>;
export const actionUpdatesResponse = z.object({ updates: z.array(progressUpdateView) });
export type ActionUpdatesResponse = z.infer<typeof actionUpdatesResponse>;

export const riskView = z.object({
  id: z.string(),
  ref: z.string(),
  kind: riskKind,
  title: z.string(),
  description: z.string(),
  likelihood: z.number(),
  impact: z.number(),
  /** likelihood × impact, 1 to 25. */
  score: z.number(),
  owner: z.object({ userId: z.string().nullable(), name: z.string() }),
  mitigations: z.string(),
  reviewOn: day.nullable(),
  status: riskStatus,
  updatedAt: timestamp,
});
export type RiskView = z.infer<typeof riskView>;
/** Open risks and issues per likelihood × impact cell (every cell, 0 included). */
export const heatMapView = z.array(z.object({ likelihood: z.number(), impact: z.number(), count: z.number() }));
export type HeatMapView = z.infer<typeof heatMapView>;
export const risksResponse = z.object({ risks: z.array(riskView), heatMap: heatMapView });
export type RisksResponse = z.infer<typeof risksResponse>;
export const riskResponse = z.object({ risk: riskView });
export type RiskResponse = z.infer<typeof riskResponse>;
export const riskHistoryResponse = z.object({
  history: z.array(
    z.object({
      at: timestamp,
      by: person.nullable(),
      before: z.unknown(),
      after: z.unknown(),
      /** The fields that changed (all of them for the first entry). */
      changed: z.array(z.string()),
    }),
  ),
});
export type RiskHistoryResponse = z.infer<typeof riskHistoryResponse>;

export const groupMemberView = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  org: z.object({ id: z.string(), name: z.string(), kind: orgKindValue }),
  role: groupRole,
});
export type GroupMemberView = z.infer<typeof groupMemberView>;
export const groupView = z.object({
  id: z.string(),
  kind: groupKind,
  name: z.string(),
  purpose: z.string(),
  members: z.array(groupMemberView),
  meetings: z.number(),
});
export type GroupView = z.infer<typeof groupView>;
export const groupsResponse = z.object({ groups: z.array(groupView) });
export type GroupsResponse = z.infer<typeof groupsResponse>;
export const groupResponse = z.object({ group: groupView });
export type GroupResponse = z.infer<typeof groupResponse>;

export const meetingView = z.object({
  id: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  heldOn: day,
  agenda: z.array(z.string()),
  decisions: z.array(z.string()),
  actionsArising: z.array(
    z.object({
      id: z.string(),
      description: z.string(),
      planAction: z.object({ id: z.string(), ref: z.string(), title: z.string() }).nullable(),
      owner: z.string(),
      dueOn: day.nullable(),
      status: z.enum(["open", "done"]),
    }),
  ),
});
export type MeetingView = z.infer<typeof meetingView>;
export const meetingsResponse = z.object({ meetings: z.array(meetingView) });
export type MeetingsResponse = z.infer<typeof meetingsResponse>;
export const meetingResponse = z.object({ meeting: meetingView });
export type MeetingResponse = z.infer<typeof meetingResponse>;

export const forumEntryView = z.object({
  id: z.string(),
  groupId: z.string().nullable(),
  raisedOn: day,
  youSaid: z.string(),
  weDid: z.string(),
  status: forumStatus,
});
export type ForumEntryView = z.infer<typeof forumEntryView>;
export const forumResponse = z.object({ entries: z.array(forumEntryView) });
export type ForumResponse = z.infer<typeof forumResponse>;
export const forumEntryResponse = z.object({ entry: forumEntryView });
export type ForumEntryResponse = z.infer<typeof forumEntryResponse>;

/** A register entry as it stood at a quarter end, with its score at the quarter before's end. */
export const reportRiskView = riskView.extend({ previousScore: z.number().nullable() });
export type ReportRiskView = z.infer<typeof reportRiskView>;

// The data of a quarterly board report (boardReportData in modules/strategy/board.service.ts).

const statusCounts = z.object(
  Object.fromEntries(UPDATE_STATUSES.map((s) => [s, z.number()])) as {
    [K in (typeof UPDATE_STATUSES)[number]]: z.ZodNumber;
  },
);
export type StatusCounts = z.infer<typeof statusCounts>;

/** One action as a report lists it, with its update for the quarter (null: none recorded). */
export const reportActionView = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  phase: phaseValue,
  owner: z.string(),
  dueOn: day.nullable(),
  /** Its update for the quarter (null: none recorded). */
  status: updateStatus.nullable(),
  /** Its update for the quarter before (null: none recorded). */
  previousStatus: updateStatus.nullable(),
  narrative: z.string(),
  evidence: z.array(z.string()),
  updatedOn: day.nullable(),
  /** Its linked measures at the quarter end, against their targets. */
  measures: z.array(measureReading),
  suggestion: statusSuggestion.nullable(),
});
export type ReportActionView = z.infer<typeof reportActionView>;

/** A headline figure at the quarter end and the previous quarter end, with its target and England. */
export const reportFigureView = z.object({
  metric: z.string(),
  label: z.string(),
  kind: z.enum(["rate", "money", "count"]),
  better: z.enum(["higher", "lower"]).nullable(),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  target: z.number().nullable(),
  /** Green, amber or red against the target (shared/metrics.ts ragOf). */
  rag: z.enum(["green", "amber", "red"]).nullable(),
  /** Where the figure comes from, in words. */
  source: z.string(),
});
export type ReportFigureView = z.infer<typeof reportFigureView>;

export const boardReportData = z.object({
  council: z.object({ id: z.string(), name: z.string() }),
  strategy: strategyView,
  quarter: z.string(),
  /** "July to September 2026". */
  quarterLabel: z.string(),
  quarterStart: day,
  quarterEnd: day,
  previousQuarter: z.string(),
  previousQuarterEnd: day,
  /** Progress by recommendation and enabler: status counts of this quarter's updates. */
  pillars: z.array(
    z.object({
      id: z.string(),
      ref: z.string(),
      kind: pillarKind,
      title: z.string(),
      aims: z.array(z.string()),
      counts: statusCounts,
      /** Actions with no update for the quarter. */
      noUpdate: z.number(),
      actions: z.array(reportActionView),
    }),
  ),
  totals: statusCounts.extend({ noUpdate: z.number(), actions: z.number() }),
  /** At risk or off track this quarter. */
  exceptions: z.array(reportActionView),
  /** Completed this quarter (complete now, and not complete last quarter). */
  completed: z.array(reportActionView),
  /**
   * The headline figures of the engine for the council's scope (its services and the providers it
   * commissions at the quarter end, throughout) at the quarter end and the previous quarter end.
   */
  figures: z.array(reportFigureView),
  /** Each quarter end's headline figures for the trend charts (8 quarters to the quarter end). */
  trend: z.array(z.object({ at: day, values: z.record(z.string(), z.number().nullable()) })),
  risks: z.object({
    /** Open risks and issues as they stood at the quarter end, by score, highest first (at most 10). */
    top: z.array(reportRiskView),
    /** Assumptions as at the quarter end and whether they still hold. */
    assumptions: z.array(reportRiskView),
    /** Register entries changed during the quarter: what changed. */
    changed: z.array(
      z.object({
        risk: riskView,
        isNew: z.boolean(),
        before: z
          .object({ likelihood: z.number(), impact: z.number(), score: z.number(), status: riskStatus })
          .nullable(),
        fields: z.array(z.string()),
      }),
    ),
    heatMap: heatMapView,
  }),
  /** Meetings of the groups held in the quarter. */
  meetings: z.array(meetingView),
  /** "You said, we did" entries raised in the quarter, and those raised before still not done. */
  forum: z.array(forumEntryView),
  /** Changes to the approved plan recorded in the quarter. */
  planChanges: z.array(changeView),
});
export type BoardReportData = z.infer<typeof boardReportData>;
export const boardReportDataResponse = boardReportData;
export type BoardReportDataResponse = BoardReportData;

/** For the screens: each headline's label, the metric names a measure can link to. */
export const MEASURE_METRICS = HEADLINES.filter((h) => h.better).map((h) => h.name);
