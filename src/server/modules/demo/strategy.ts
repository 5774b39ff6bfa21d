import { sql } from "drizzle-orm";
import {
  lastEndedQuarter,
  type Phase,
  previousQuarter,
  quarterBounds,
  type UpdateStatus,
} from "../../../shared/strategy";
import type { Ctx } from "../../context";
import {
  memberships,
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
  strategyUpdates,
  users,
} from "../../db/schema";
import { addDays, isoDate } from "../../lib/time";
import { saveStrategyPublicPage } from "../strategy/public.repo";
import { createUserWithMembership } from "../users/users.service";

// The demo council's workforce strategy (issue 16): seven recommendations and three enablers
// over three years (Foundations, Activation, Embedding), 40 actions with owners and measures, a
// register with market fragility and the plan's five assumptions, a steering group, three
// task-and-finish groups and the provider forum with their meetings, and four quarters of
// updates to the last ended quarter, so a board report can be generated the moment the demo
// starts. Dates follow the anchor, like the rest of the demo.

type Owner = "steering" | "training" | "recruitment" | "data" | "lead" | "admin" | "provider";
interface DemoAction {
  title: string;
  phase: Phase;
  owner: Owner;
  partners?: string[];
  inputs?: string;
  outputs?: string;
  outcomes?: string;
  measure?: [metric: string, target: number, direction: "higher" | "lower"];
}
interface DemoPillar {
  kind: "recommendation" | "enabler";
  title: string;
  aims: string[];
  actions: DemoAction[];
}

const F: Phase = "foundations";
const A: Phase = "activation";
const E: Phase = "embedding";

const PLAN: DemoPillar[] = [
  {
    kind: "recommendation",
    title: "Joint recruitment across local employers",
    aims: ["Fill care vacancies faster, together rather than in competition", "Reach people new to care"],
    actions: [
      {
        title: "One job board for every local care employer",
        phase: F,
        owner: "recruitment",
        partners: ["Jobcentre Plus"],
        outputs: "Job board live with most commissioned providers posting",
        measure: ["vacancy_rate", 0.09, "lower"],
      },
      {
        title: "A shared values-based recruitment campaign",
        phase: F,
        owner: "recruitment",
        inputs: "£40,000 campaign budget",
        outcomes: "More applications from people new to care",
      },
      {
        title: "Pre-employment course with a guaranteed interview",
        phase: A,
        owner: "recruitment",
        partners: ["Riverside College"],
        measure: ["starter_rate", 0.3, "higher"],
      },
      { title: "A shared talent pool of candidates, with their consent", phase: A, owner: "recruitment" },
      {
        title: "Recruitment events in schools and colleges",
        phase: E,
        owner: "provider",
        partners: ["Riverside College"],
        measure: ["age_under_30_share", 0.15, "higher"],
      },
    ],
  },
  {
    kind: "recommendation",
    title: "A shared training programme",
    aims: ["Every worker holds the training their role needs", "Training bought once for the whole system"],
    actions: [
      {
        title: "Common mandatory training offer for all providers",
        phase: F,
        owner: "training",
        measure: ["training_compliance", 0.9, "higher"],
      },
      { title: "Training matrix and expiry alerts for every employer", phase: F, owner: "data" },
      {
        title: "Apprenticeship levy transfer to small providers",
        phase: A,
        owner: "training",
        inputs: "Council levy transfer",
        measure: ["no_relevant_qual_share", 0.4, "lower"],
      },
      { title: "Shared trainers for moving and handling and medication", phase: A, owner: "training" },
      { title: "Care Certificate completed within 12 weeks of starting", phase: E, owner: "training" },
    ],
  },
  {
    kind: "recommendation",
    title: "A career framework with clear progression",
    aims: ["Everyone can see the next step in their career and what it needs"],
    actions: [
      {
        title: "Publish the local career framework and roadmap",
        phase: F,
        owner: "lead",
        outputs: "Framework published and endorsed by providers",
      },
      { title: "Providers endorse the framework and map their job titles", phase: F, owner: "steering" },
      {
        title: "Senior care worker and nursing associate routes",
        phase: A,
        owner: "training",
        partners: ["NHS trust"],
        measure: ["stability_index", 0.8, "higher"],
      },
      { title: "Personal development plans for every care worker", phase: E, owner: "provider" },
    ],
  },
  {
    kind: "recommendation",
    title: "Fair pay and terms",
    aims: ["Pay that keeps people in care", "Fewer zero-hours contracts where people want guaranteed hours"],
    actions: [
      {
        title: "Real Living Wage built into fee rates",
        phase: F,
        owner: "admin",
        inputs: "Fee uplift in the budget",
        measure: ["below_rlw_share", 0.2, "lower"],
      },
      {
        title: "Guaranteed hours offered to home care workers",
        phase: A,
        owner: "provider",
        measure: ["zero_hours_share", 0.25, "lower"],
      },
      { title: "Minimum price floor in tenders (wage, on-costs, overheads)", phase: A, owner: "admin" },
      { title: "Prepare for the Fair Pay Agreement", phase: E, owner: "steering" },
    ],
  },
  {
    kind: "recommendation",
    title: "Workforce intelligence shared with providers",
    aims: ["Decisions made on current figures, not last year's", "Every provider sees itself against its peers"],
    actions: [
      {
        title: "Every commissioned provider sends its ASC-WDS files to the hub",
        phase: F,
        owner: "data",
        measure: ["completeness_score", 0.95, "higher"],
      },
      { title: "Quarterly workforce dashboard for the board", phase: F, owner: "data" },
      {
        title: "Close the gap in recorded ethnicity",
        phase: A,
        owner: "data",
        measure: ["ethnicity_unknown_share", 0.1, "lower"],
      },
      { title: "Publish a state of the workforce page every year", phase: E, owner: "lead" },
    ],
  },
  {
    kind: "recommendation",
    title: "Wellbeing and keeping staff",
    aims: ["Fewer people leave care in their first year", "Staff who leave one employer stay in local care"],
    actions: [
      {
        title: "Exit interviews shared across providers",
        phase: F,
        owner: "steering",
        measure: ["turnover_rate", 0.25, "lower"],
      },
      {
        title: "Wellbeing offer: counselling and occupational health",
        phase: A,
        owner: "lead",
        partners: ["NHS trust"],
      },
      {
        title: "Mentoring and peer support for new starters",
        phase: A,
        owner: "provider",
        measure: ["system_retention", 0.6, "higher"],
      },
      { title: "Flexible shift patterns piloted with three providers", phase: A, owner: "provider" },
      { title: "Staff voice survey twice a year", phase: E, owner: "steering" },
    ],
  },
  {
    kind: "recommendation",
    title: "New roles and technology",
    aims: ["Roles that use people's skills fully", "Technology that gives time back to care"],
    actions: [
      { title: "Trusted assessor and enhanced care worker roles", phase: A, owner: "training" },
      { title: "Digital care records in every provider", phase: A, owner: "data" },
      { title: "Rotations between providers and the NHS", phase: E, owner: "steering", partners: ["NHS trust"] },
      {
        title: "Reduce agency use through a shared bank of staff",
        phase: E,
        owner: "recruitment",
        measure: ["agency_rate", 0.05, "lower"],
      },
    ],
  },
  {
    kind: "enabler",
    title: "Reformed commissioning",
    aims: ["Workforce standards written into every contract"],
    actions: [
      { title: "Workforce standards in new home care contracts", phase: F, owner: "admin" },
      {
        title: "Quality premium payment for providers meeting the standards",
        phase: A,
        owner: "admin",
        inputs: "Premium budget",
      },
      { title: "Workforce returns each quarter from every provider", phase: E, owner: "data" },
    ],
  },
  {
    kind: "enabler",
    title: "A workforce hub",
    aims: ["One place for recruitment, training and careers for the whole local workforce"],
    actions: [
      { title: "Launch the hub for council and providers", phase: F, owner: "lead" },
      { title: "Provider workforce forum each quarter", phase: F, owner: "lead" },
      { title: "Hub team funded beyond the first two years", phase: A, owner: "admin" },
    ],
  },
  {
    kind: "enabler",
    title: "System governance",
    aims: ["A steering group that reports to the board each quarter"],
    actions: [
      { title: "Steering group and task-and-finish groups set up", phase: F, owner: "steering" },
      { title: "Quarterly progress report to the executive board", phase: F, owner: "lead" },
      { title: "Review the strategy at the end of year two", phase: A, owner: "steering" },
    ],
  },
];

const RISKS: {
  kind: "risk" | "issue" | "assumption";
  title: string;
  description: string;
  l: number;
  i: number;
  owner: string;
  mitigations: string;
  /** The likelihood a quarter before the last (it moved since), when it did. */
  was?: number;
  status?: "failed";
}[] = [
  {
    kind: "risk",
    title: "Market fragility",
    description: "Providers leave the market or hand back contracts under cost pressure, losing staff and capacity.",
    l: 4,
    i: 5,
    was: 3,
    owner: "Director of Adult Social Care",
    mitigations: "Fee uplift; provider failure protocol; monthly market sustainability review",
  },
  {
    kind: "risk",
    title: "Funding for the hub ends after two years",
    description: "The hub team is funded from one-off grants.",
    l: 3,
    i: 4,
    owner: "Workforce lead",
    mitigations: "Business case to the budget round; shared funding from providers and the NHS",
  },
  {
    kind: "risk",
    title: "Competition for staff from the NHS and retail",
    description: "Higher pay elsewhere draws care workers away.",
    l: 4,
    i: 4,
    owner: "Recruitment task and finish group",
    mitigations: "Real Living Wage in fees; joint campaign; rotations with the NHS",
  },
  {
    kind: "risk",
    title: "Providers do not send their data",
    description: "Gaps in the data weaken the figures the board relies on.",
    l: 2,
    i: 4,
    was: 3,
    owner: "Data task and finish group",
    mitigations: "Returns written into contracts; help with uploads",
  },
  {
    kind: "issue",
    title: "Agency spend above budget",
    description: "Agency use in home care rose over the winter.",
    l: 5,
    i: 3,
    owner: "Commissioner",
    mitigations: "Shared bank of staff; guaranteed hours",
  },
  {
    kind: "assumption",
    title: "Providers willing to engage in co-production",
    description: "Providers take part in the groups and the forum.",
    l: 2,
    i: 5,
    owner: "Workforce lead",
    mitigations: "Forum each quarter; you said, we did",
  },
  {
    kind: "assumption",
    title: "Data infrastructure available",
    description: "Providers can produce ASC-WDS files and the hub can take them.",
    l: 2,
    i: 4,
    owner: "Data task and finish group",
    mitigations: "Hub accepts ASC-WDS files as they are",
  },
  {
    kind: "assumption",
    title: "Partners release staff time for the groups",
    description: "The NHS, college and providers give time to the task-and-finish groups.",
    l: 3,
    i: 3,
    owner: "Steering group chair",
    mitigations: "Meetings kept short and online",
  },
  {
    kind: "assumption",
    title: "Funding for fee uplifts continues",
    description: "The council's budget keeps the fee uplift that pays the Real Living Wage.",
    l: 3,
    i: 5,
    owner: "Director of Adult Social Care",
    mitigations: "Included in the medium-term financial plan",
  },
  {
    kind: "assumption",
    title: "The national Fair Pay Agreement proceeds as planned",
    description: "National pay bargaining sets a floor for care pay.",
    l: 4,
    i: 3,
    owner: "Workforce lead",
    mitigations: "Track national policy each quarter",
    status: "failed",
  },
];

/** Where the plan stands for an action at a quarter, varied so the board sees a real mix. */
function statusAt(index: number, phase: Phase, quarterIndex: number, last: boolean): UpdateStatus | null {
  if (last && index % 13 === 5) return null; // a few updates still missing for the latest quarter
  if (phase === "embedding") return quarterIndex >= 3 && index % 4 === 0 ? "on_track" : "not_started";
  if (phase === "activation" && quarterIndex < 1) return "not_started";
  if (phase === "foundations" && quarterIndex >= 2 && index % 3 === 0) return "complete";
  if (index % 7 === 3) return quarterIndex >= 2 ? "off_track" : "at_risk";
  if (index % 5 === 2) return "at_risk";
  return "on_track";
}

const NARRATIVE: Record<UpdateStatus, string> = {
  not_started: "Planned for later in the strategy.",
  on_track: "Progressing as planned; milestones for the quarter met.",
  at_risk: "Behind plan: provider capacity is stretched; the group agreed a recovery plan.",
  off_track: "Missed the quarter's milestone; escalated to the steering group.",
  complete: "Delivered and handed over to business as usual.",
};

export async function seedStrategy(
  tx: Ctx,
  opts: {
    councilId: string;
    orgIds: Map<string, string>;
    anchor: string;
    password: string;
    credentials: { email: string; password: string; role: string }[];
  },
) {
  const { councilId, anchor } = opts;
  const user = async (email: string) =>
    (await tx.db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`))[0].id;
  const lead = (
    await createUserWithMembership(tx, {
      email: "workforce.lead@halton.demo.test",
      name: "Wendy Workforce-Lead",
      password: opts.password,
      orgId: councilId,
      role: "workforce_lead",
    })
  ).user.id;
  await createUserWithMembership(tx, {
    email: "board.member@halton.demo.test",
    name: "Bola Board-Member",
    password: opts.password,
    orgId: councilId,
    role: "board_member",
  });
  opts.credentials.push(
    { email: "workforce.lead@halton.demo.test", password: opts.password, role: "Workforce lead" },
    { email: "board.member@halton.demo.test", password: opts.password, role: "Board member (reads the strategy)" },
  );
  const admin = await user("council.admin@halton.demo.test");
  const p0 = opts.orgIds.get("p0") as string;
  const p1 = opts.orgIds.get("p1") as string;
  // Registered managers of two providers who sit on the strategy's groups.
  const editor = (
    await createUserWithMembership(tx, {
      email: "manager@mersey-view.demo.test",
      name: "Rita Registered-Manager",
      password: opts.password,
      orgId: p0,
      role: "provider_editor",
    })
  ).user.id;
  const providerAdmin = (
    await createUserWithMembership(tx, {
      email: "marcus.manager@demo.test",
      name: "Marcus Manager",
      password: opts.password,
      orgId: p1,
      role: "provider_admin",
    })
  ).user.id;
  opts.credentials.push({
    email: "manager@mersey-view.demo.test",
    password: opts.password,
    role: "Provider manager in the strategy's steering group (records progress on the actions they own)",
  });

  // Four quarters of updates, to the last quarter ended before the anchor; the strategy began on
  // the 1 April before the first of them.
  const last = lastEndedQuarter(anchor);
  const quarters = [
    previousQuarter(previousQuarter(previousQuarter(last))),
    previousQuarter(previousQuarter(last)),
    previousQuarter(last),
    last,
  ];
  const firstStart = quarterBounds(quarters[0]).start;
  const year = Number(firstStart.slice(0, 4)) - (firstStart.slice(5, 7) < "04" ? 1 : 0);
  const [strategy] = await tx.db
    .insert(strategies)
    .values({
      councilId,
      title: "Halton adult social care workforce strategy",
      periodStart: `${year}-04-01`,
      periodEnd: `${year + 3}-03-31`,
      vision:
        "A local care workforce that is valued, well paid and skilled, where people choose to build a career and stay.",
    })
    .returning();

  // Groups: members from the council and from two providers (who reach the strategy through them).
  const groupRows = await tx.db
    .insert(strategyGroups)
    .values(
      [
        {
          key: "steering",
          kind: "steering",
          name: "Workforce strategy steering group",
          purpose: "Oversees delivery and reports to the executive board each quarter.",
        },
        {
          key: "training",
          kind: "task_and_finish",
          name: "Training task and finish group",
          purpose: "The shared training programme and career routes.",
        },
        {
          key: "recruitment",
          kind: "task_and_finish",
          name: "Recruitment task and finish group",
          purpose: "Joint recruitment and the talent pool.",
        },
        {
          key: "data",
          kind: "task_and_finish",
          name: "Data task and finish group",
          purpose: "Workforce data from every provider, and the figures.",
        },
        {
          key: "forum",
          kind: "forum",
          name: "Provider workforce forum",
          purpose: "Every commissioned provider, each quarter: you said, we did.",
        },
      ].map(({ key: _k, ...g }) => ({ ...g, councilId, strategyId: strategy.id })),
    )
    .returning();
  const group = (kind: string, name: string) =>
    groupRows.find((g) => g.kind === kind && g.name.startsWith(name))?.id as string;
  const G = {
    steering: group("steering", "Workforce"),
    training: group("task_and_finish", "Training"),
    recruitment: group("task_and_finish", "Recruitment"),
    data: group("task_and_finish", "Data"),
    forum: group("forum", "Provider"),
  };
  const member = (groupId: string, userId: string, orgId: string, role = "member") => ({
    groupId,
    userId,
    orgId,
    role,
    councilId,
  });
  await tx.db
    .insert(strategyGroupMembers)
    .values([
      member(G.steering, admin, councilId, "chair"),
      member(G.steering, lead, councilId, "secretary"),
      member(G.steering, editor, p0),
      member(G.steering, providerAdmin, p1),
      member(G.training, lead, councilId, "chair"),
      member(G.training, editor, p0),
      member(G.recruitment, lead, councilId, "chair"),
      member(G.recruitment, providerAdmin, p1),
      member(G.data, lead, councilId, "chair"),
      member(G.data, editor, p0),
      member(G.forum, lead, councilId, "chair"),
      member(G.forum, providerAdmin, p1),
    ]);
  // The provider members reach the council's strategy through the role their groups give them.
  await tx.db.insert(memberships).values([
    { userId: editor, orgId: councilId, role: "steering_member" },
    { userId: providerAdmin, orgId: councilId, role: "steering_member" },
  ]);

  // The plan, written as a draft and then approved by the board.
  const pillarRows = await tx.db
    .insert(strategyPillars)
    .values(
      PLAN.map((p) => ({
        strategyId: strategy.id,
        councilId,
        kind: p.kind,
        number: PLAN.filter((q) => q.kind === p.kind).indexOf(p) + 1,
        title: p.title,
        aims: p.aims,
      })),
    )
    .returning();
  const phaseDates: Record<Phase, { start: string; due: string }> = {
    foundations: { start: `${year}-04-01`, due: `${year + 1}-03-31` },
    activation: { start: `${year + 1}-04-01`, due: `${year + 2}-03-31` },
    embedding: { start: `${year + 2}-04-01`, due: `${year + 3}-03-31` },
  };
  const ownerOf = (o: Owner) =>
    o === "lead"
      ? { ownerUserId: lead }
      : o === "admin"
        ? { ownerUserId: admin }
        : o === "provider"
          ? { ownerUserId: editor }
          : { ownerGroupId: G[o] };
  const flat = PLAN.flatMap((p, pi) => p.actions.map((a, ai) => ({ a, pillarId: pillarRows[pi].id, number: ai + 1 })));
  const actionRows = await tx.db
    .insert(strategyActions)
    .values(
      flat.map(({ a, pillarId, number }) => ({
        strategyId: strategy.id,
        pillarId,
        councilId,
        number,
        title: a.title,
        phase: a.phase,
        ...ownerOf(a.owner),
        partners: a.partners ?? [],
        partnerOrgIds: a.partners?.includes("Riverside College") ? [opts.orgIds.get("college") as string] : [],
        startOn: phaseDates[a.phase].start,
        dueOn: phaseDates[a.phase].due,
        inputs: a.inputs ?? "",
        outputs: a.outputs ?? "",
        outcomes: a.outcomes ?? "",
      })),
    )
    .returning({ id: strategyActions.id });
  const measures = flat.flatMap(({ a }, i) =>
    a.measure
      ? [
          {
            actionId: actionRows[i].id,
            strategyId: strategy.id,
            councilId,
            metric: a.measure[0],
            target: a.measure[1],
            direction: a.measure[2],
            byDate: `${year + 3}-03-31`,
          },
        ]
      : [],
  );
  await tx.db.insert(strategyMeasures).values(measures);
  await tx.db
    .update(strategies)
    .set({
      status: "approved",
      approvalBoard: "Executive Board",
      approvedOn: `${year}-03-12`,
      minuteRef: `EXB 94/${String(year).slice(2)}`,
      approvedBy: "Executive Board (Leader of the Council, chair)",
      approvalRecordedBy: admin,
    })
    .where(sql`${strategies.id} = ${strategy.id}`);

  // Updates for each of the four quarters.
  const updates = quarters.flatMap((quarter, qi) =>
    flat.flatMap(({ a }, i) => {
      const status = statusAt(i, a.phase, qi, quarter === last);
      if (!status) return [];
      const reportedOn = isoDate(addDays(new Date(`${quarterBounds(quarter).end}T00:00:00Z`), 7 + (i % 10)));
      const reporter =
        a.owner === "lead" || a.owner === "admin"
          ? a.owner === "lead"
            ? lead
            : admin
          : a.owner === "provider"
            ? editor
            : lead;
      return [
        {
          actionId: actionRows[i].id,
          strategyId: strategy.id,
          councilId,
          quarter,
          status,
          narrative: NARRATIVE[status],
          evidence: status === "complete" ? [`https://halton.example/strategy/evidence/${i + 1}`] : [],
          reportedOn,
          reportedBy: reporter,
          createdAt: new Date(`${reportedOn}T10:00:00Z`),
          updatedAt: new Date(`${reportedOn}T10:00:00Z`),
        },
      ];
    }),
  );
  // An action completed stays complete.
  const done = new Set<string>();
  const kept = updates.filter((u) => {
    if (done.has(u.actionId)) return false;
    if (u.status === "complete") done.add(u.actionId);
    return true;
  });
  await tx.db.insert(strategyUpdates).values(kept);

  // One change to the approved plan, recorded as the database requires (ADR 0018).
  const changedAt = new Date(`${quarterBounds(previousQuarter(last)).start}T11:00:00Z`);
  const vacancyAction = actionRows[0].id;
  const [change] = await tx.db
    .insert(strategyChanges)
    .values({
      strategyId: strategy.id,
      councilId,
      changedBy: admin,
      reason: "Steering group agreed to add the shared campaign to the job board launch (minute SG 7)",
      entityType: "action",
      entityId: vacancyAction,
      before: { title: "One job board for every local care employer" },
      after: { title: "One job board and shared campaign for every local care employer" },
      changedAt,
    })
    .returning();
  await tx.db.execute(sql`select set_config('hub.strategy_change', ${change.id}, true)`);
  await tx.db
    .update(strategyActions)
    .set({ title: "One job board and shared campaign for every local care employer" })
    .where(sql`${strategyActions.id} = ${vacancyAction}`);
  await tx.db.execute(sql`select set_config('hub.strategy_change', '', true)`);

  // The register, with its history: entered at the start, and some scores moved last quarter.
  const entered = new Date(`${year}-04-15T09:00:00Z`);
  const moved = new Date(`${quarterBounds(last).start}T09:00:00Z`);
  const counts = { risk: 0, issue: 0, assumption: 0 };
  const prefix = { risk: "R", issue: "I", assumption: "A" };
  for (const r of RISKS) {
    counts[r.kind]++;
    const status = r.status ?? (r.kind === "assumption" ? "holding" : "open");
    const now = {
      kind: r.kind,
      ref: `${prefix[r.kind]}${counts[r.kind]}`,
      title: r.title,
      description: r.description,
      likelihood: r.l,
      impact: r.i,
      ownerUserId: null,
      ownerName: r.owner,
      mitigations: r.mitigations,
      reviewOn: quarterBounds(quarters[3]).end,
      status,
    };
    const first = { ...now, likelihood: r.was ?? r.l, status: r.kind === "assumption" ? "holding" : "open" };
    const [row] = await tx.db
      .insert(strategyRisks)
      .values({
        ...now,
        strategyId: strategy.id,
        councilId,
        createdAt: entered,
        updatedAt: r.was || r.status ? moved : entered,
      })
      .returning({ id: strategyRisks.id });
    const snapshot = (s: typeof now) => ({ ...s, score: s.likelihood * s.impact });
    const entry = { riskId: row.id, councilId, changedBy: lead };
    await tx.db
      .insert(strategyRiskHistory)
      .values([
        { ...entry, changedAt: entered, before: null, after: snapshot(first) },
        ...(r.was || r.status ? [{ ...entry, changedAt: moved, before: snapshot(first), after: snapshot(now) }] : []),
      ]);
  }

  // Meetings: the steering group each quarter, the task-and-finish groups every other quarter.
  let meetingCount = 0;
  for (const [qi, quarter] of quarters.entries()) {
    const heldOn = isoDate(addDays(new Date(`${quarterBounds(quarter).start}T00:00:00Z`), 40));
    const rows = [
      {
        groupId: G.steering,
        heldOn,
        agenda: ["Progress by recommendation", "Risk register", "Board report"],
        decisions: [`Report to the executive board for ${quarter}`],
      },
      ...(qi % 2 === 0
        ? [
            {
              groupId: G.training,
              heldOn,
              agenda: ["Mandatory training offer", "Levy transfer"],
              decisions: ["Agree the common training offer"],
            },
            {
              groupId: G.recruitment,
              heldOn,
              agenda: ["Job board take-up", "Campaign"],
              decisions: ["Launch the campaign with providers"],
            },
            {
              groupId: G.data,
              heldOn,
              agenda: ["Returns received", "Data completeness"],
              decisions: ["Chase providers without a return"],
            },
          ]
        : []),
      { groupId: G.forum, heldOn, agenda: ["What providers told us", "You said, we did"], decisions: [] as string[] },
    ];
    const inserted = await tx.db
      .insert(strategyMeetings)
      .values(rows.map((m) => ({ ...m, councilId })))
      .returning();
    meetingCount += inserted.length;
    await tx.db.insert(strategyMeetingActions).values([
      {
        meetingId: inserted[0].id,
        councilId,
        description: "Chase the owners of actions without an update",
        planActionId: actionRows[qi * 3].id,
        owner: "Workforce lead",
        dueOn: isoDate(addDays(new Date(`${heldOn}T00:00:00Z`), 21)),
        status: qi < 3 ? "done" : "open",
      },
    ]);
  }
  await tx.db.insert(strategyForumEntries).values(
    [
      [
        "Recruiting is hard when we all advertise against each other.",
        "We launched one job board for every local employer.",
      ],
      [
        "Small providers cannot release staff for training in the day.",
        "Shared trainers now run evening and weekend sessions.",
      ],
      ["Uploading our data takes too long.", "The hub takes the ASC-WDS files you already make."],
      ["Staff want to know how to progress.", ""],
    ].map(([youSaid, weDid], i) => ({
      strategyId: strategy.id,
      councilId,
      groupId: G.forum,
      raisedOn: isoDate(addDays(new Date(`${quarterBounds(quarters[i]).start}T00:00:00Z`), 40)),
      youSaid,
      weDid,
      status: weDid ? "done" : "in_progress",
    })),
  );
  // The council publishes its progress (the public and easy-read strategy pages).
  await saveStrategyPublicPage(tx.db, { councilId, enabled: true, updatedBy: lead, updatedAt: tx.deps.now() });
  return { actions: actionRows.length, updates: kept.length, risks: RISKS.length, meetings: meetingCount };
}
