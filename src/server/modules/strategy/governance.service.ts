import type {
  ForumEntryInput,
  GroupInput,
  GroupMemberInput,
  GroupView,
  MeetingInput,
  MeetingView,
  UpdateForumEntryInput,
} from "../../../shared/schemas/strategy";
import { forumEntryInput, groupInput, groupMemberInput, meetingInput } from "../../../shared/schemas/strategy";
import type { GroupRole } from "../../../shared/strategy";
import { inTransaction, type OrgCtx } from "../../context";
import { badRequest, conflict, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { providersOf } from "../orgs/commissioning";
import { deleteMembership, findMembershipOf, insertMembership } from "../orgs/orgs.repo";
import { strategyOf } from "./plan.service";
import { actionRef, presentForumEntry } from "./strategy.presenter";
import type { GroupRow, MeetingRow, PillarRow } from "./strategy.repo";
import * as repo from "./strategy.repo";

// The strategy's governance: the steering group, task-and-finish groups and the provider forum,
// their members (from the council, the providers and partners it commissions), meetings with
// their decisions and actions arising, and the forum's "you said, we did" log.
//
// A member from outside the council reaches the council's strategy through a membership of the
// council with the role steering_member (read the plan, update the actions they own), given when
// they join a group and taken away when they leave the last one. So every strategy route is an
// ordinary council route, guarded once like any other (ADR 0018).

export const STEERING_ROLE = "steering_member";

async function groupsWithMembers(ctx: OrgCtx, groups: GroupRow[]): Promise<GroupView[]> {
  const ids = groups.map((g) => g.id);
  const [members, meetings] = await Promise.all([
    repo.listMembers(ctx.db, ctx.org.id, ids),
    repo.countMeetings(ctx.db, ids),
  ]);
  const orgs = await repo.orgNamesOf(
    ctx.db,
    members.map((m) => m.member.orgId),
  );
  return groups.map((g) => ({
    id: g.id,
    kind: g.kind as GroupView["kind"],
    name: g.name,
    purpose: g.purpose,
    members: members
      .filter((m) => m.member.groupId === g.id)
      .map((m) => {
        const org = orgs.get(m.member.orgId);
        return {
          id: m.member.id,
          userId: m.member.userId,
          name: m.name || m.email,
          org: {
            id: m.member.orgId,
            name: org?.name ?? "",
            kind: (org?.kind ?? "council") as GroupView["members"][0]["org"]["kind"],
          },
          role: m.member.role as GroupRole,
        };
      }),
    meetings: meetings.get(g.id) ?? 0,
  }));
}

export async function listGroups(ctx: OrgCtx, strategyId: string) {
  const strategy = await strategyOf(ctx, strategyId);
  return { groups: await groupsWithMembers(ctx, await repo.listGroups(ctx.db, ctx.org.id, strategy.id)) };
}

export async function addGroup(ctx: OrgCtx, strategyId: string, raw: GroupInput) {
  const input = groupInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const strategy = await strategyOf(tx, strategyId);
    const row = await repo.insertGroup(tx.db, { ...input, strategyId: strategy.id, councilId: ctx.org.id });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "create",
      entityType: "strategy_group",
      entityId: row.id,
      after: input,
    });
    return (await groupsWithMembers(tx, [row]))[0];
  });
}

async function groupOf(ctx: OrgCtx, strategyId: string, groupId: string) {
  const strategy = await strategyOf(ctx, strategyId);
  const group = await repo.findGroup(ctx.db, ctx.org.id, strategy.id, groupId);
  if (!group) throw notFound("group");
  return { strategy, group };
}

/**
 * Adds a person, found by email, who belongs to the council or to an organisation it commissions
 * today. Someone from outside the council is given the council role steering_member.
 */
export async function addMember(ctx: OrgCtx, strategyId: string, groupId: string, raw: GroupMemberInput) {
  const input = groupMemberInput.parse(raw);
  const notEligible = (message: string) => badRequest("validation", message, [{ path: "email", message }]);
  return inTransaction(ctx, async (tx) => {
    const { group } = await groupOf(tx, strategyId, groupId);
    const user = await repo.findUserByEmailAddress(tx.db, input.email);
    if (!user)
      throw notEligible("No one with that email address uses the hub: invite them to their organisation first");
    const theirs = await repo.orgsOfUser(tx.db, user.id);
    const commissioned = new Set(await providersOf(tx.db, ctx.org.id, isoDate(tx.deps.now())));
    const eligible = theirs.filter(
      (m) => (m.orgId === ctx.org.id && m.role !== STEERING_ROLE) || commissioned.has(m.orgId),
    );
    const chosen = input.orgId ? eligible.find((m) => m.orgId === input.orgId) : eligible[0];
    if (!chosen)
      throw notEligible("They must belong to the council or to a provider or partner the council commissions");
    if (await repo.findMemberByUser(tx.db, group.id, user.id))
      throw conflict("already_member", `${user.name || user.email} is already in ${group.name}.`);
    const row = await repo.insertMember(tx.db, {
      groupId: group.id,
      councilId: ctx.org.id,
      userId: user.id,
      orgId: chosen.orgId,
      role: input.role,
    });
    if (!theirs.some((m) => m.orgId === ctx.org.id)) {
      const membership = await insertMembership(tx.db, { userId: user.id, orgId: ctx.org.id, role: STEERING_ROLE });
      await recordAudit(tx, {
        orgId: ctx.org.id,
        action: "create",
        entityType: "membership",
        entityId: membership.id,
        after: { userId: user.id, role: STEERING_ROLE, because: `member of ${group.name}` },
      });
    }
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "create",
      entityType: "strategy_group_member",
      entityId: row.id,
      after: { groupId: group.id, userId: user.id, orgId: chosen.orgId, role: input.role },
    });
    return (await groupsWithMembers(tx, [group]))[0];
  });
}

export async function removeMember(ctx: OrgCtx, strategyId: string, groupId: string, memberId: string) {
  return inTransaction(ctx, async (tx) => {
    const { group } = await groupOf(tx, strategyId, groupId);
    const member = await repo.findMember(tx.db, ctx.org.id, group.id, memberId);
    if (!member) throw notFound("group member");
    await repo.deleteMember(tx.db, member.id);
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "delete",
      entityType: "strategy_group_member",
      entityId: member.id,
      before: { groupId: group.id, userId: member.userId, orgId: member.orgId, role: member.role },
    });
    // Their way into the council's strategy goes with their last group.
    const membership = await findMembershipOf(tx.db, member.userId, ctx.org.id);
    if (membership?.role === STEERING_ROLE && !(await repo.groupIdsOfUser(tx.db, ctx.org.id, member.userId)).length) {
      await deleteMembership(tx.db, ctx.org.id, membership.id);
      await recordAudit(tx, {
        orgId: ctx.org.id,
        action: "delete",
        entityType: "membership",
        entityId: membership.id,
        before: { userId: member.userId, role: STEERING_ROLE },
      });
    }
    return (await groupsWithMembers(tx, [group]))[0];
  });
}

/** Meetings with their actions arising, each linked plan action named by its reference. */
export async function meetingsOf(
  ctx: OrgCtx,
  strategyId: string,
  groups: GroupRow[],
  meetings: MeetingRow[],
): Promise<MeetingView[]> {
  const arising = await repo.listMeetingActions(
    ctx.db,
    ctx.org.id,
    meetings.map((m) => m.id),
  );
  const linked = [...new Set(arising.flatMap((a) => (a.planActionId ? [a.planActionId] : [])))];
  const actions = new Map<string, { id: string; ref: string; title: string }>();
  if (linked.length) {
    const [pillars, all] = await Promise.all([
      repo.listPillars(ctx.db, ctx.org.id, strategyId),
      repo.listActions(ctx.db, ctx.org.id, strategyId),
    ]);
    const pillarOf = new Map(pillars.map((p) => [p.id, p]));
    for (const a of all)
      if (linked.includes(a.id))
        actions.set(a.id, { id: a.id, ref: actionRef(pillarOf.get(a.pillarId) as PillarRow, a), title: a.title });
  }
  const names = new Map(groups.map((g) => [g.id, g.name]));
  return meetings.map((m) => ({
    id: m.id,
    groupId: m.groupId,
    groupName: names.get(m.groupId) ?? "",
    heldOn: m.heldOn,
    agenda: m.agenda,
    decisions: m.decisions,
    actionsArising: arising
      .filter((a) => a.meetingId === m.id)
      .map((a) => ({
        id: a.id,
        description: a.description,
        planAction: a.planActionId ? (actions.get(a.planActionId) ?? null) : null,
        owner: a.owner,
        dueOn: a.dueOn,
        status: a.status as "open" | "done",
      })),
  }));
}

export async function listMeetings(ctx: OrgCtx, strategyId: string, range: { from?: string; to?: string } = {}) {
  const strategy = await strategyOf(ctx, strategyId);
  const groups = await repo.listGroups(ctx.db, ctx.org.id, strategy.id);
  const meetings = await repo.listMeetings(
    ctx.db,
    ctx.org.id,
    groups.map((g) => g.id),
    range.from,
    range.to,
  );
  return { meetings: await meetingsOf(ctx, strategy.id, groups, meetings) };
}

export async function addMeeting(ctx: OrgCtx, strategyId: string, groupId: string, raw: MeetingInput) {
  const input = meetingInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const { strategy, group } = await groupOf(tx, strategyId, groupId);
    for (const [i, a] of input.actionsArising.entries())
      if (a.planActionId && !(await repo.findAction(tx.db, ctx.org.id, strategy.id, a.planActionId)))
        throw badRequest("validation", "Choose an action of this strategy's plan", [
          { path: `actionsArising.${i}.planActionId`, message: "Choose an action of this strategy's plan" },
        ]);
    const meeting = await repo.insertMeeting(tx.db, {
      groupId: group.id,
      councilId: ctx.org.id,
      heldOn: input.heldOn,
      agenda: input.agenda,
      decisions: input.decisions,
    });
    await repo.insertMeetingActions(
      tx.db,
      input.actionsArising.map((a) => ({ ...a, meetingId: meeting.id, councilId: ctx.org.id })),
    );
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "create",
      entityType: "strategy_meeting",
      entityId: meeting.id,
      after: input,
    });
    return (await meetingsOf(tx, strategy.id, [group], [meeting]))[0];
  });
}

export async function listForum(ctx: OrgCtx, strategyId: string) {
  const strategy = await strategyOf(ctx, strategyId);
  return { entries: (await repo.listForumEntries(ctx.db, ctx.org.id, strategy.id)).map(presentForumEntry) };
}

export async function addForumEntry(ctx: OrgCtx, strategyId: string, raw: ForumEntryInput) {
  const input = forumEntryInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const strategy = await strategyOf(tx, strategyId);
    if (input.groupId && !(await repo.findGroup(tx.db, ctx.org.id, strategy.id, input.groupId)))
      throw notFound("group");
    const row = await repo.insertForumEntry(tx.db, { ...input, strategyId: strategy.id, councilId: ctx.org.id });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "create",
      entityType: "strategy_forum_entry",
      entityId: row.id,
      after: input,
    });
    return presentForumEntry(row);
  });
}

export async function changeForumEntry(ctx: OrgCtx, strategyId: string, entryId: string, input: UpdateForumEntryInput) {
  return inTransaction(ctx, async (tx) => {
    const strategy = await strategyOf(tx, strategyId);
    const entry = await repo.findForumEntry(tx.db, ctx.org.id, strategy.id, entryId);
    if (!entry) throw notFound("forum entry");
    if (input.groupId && !(await repo.findGroup(tx.db, ctx.org.id, strategy.id, input.groupId)))
      throw notFound("group");
    const row = await repo.updateForumEntryRow(tx.db, entry.id, input);
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "update",
      entityType: "strategy_forum_entry",
      entityId: entry.id,
      before: presentForumEntry(entry),
      after: presentForumEntry(row),
    });
    return presentForumEntry(row);
  });
}
