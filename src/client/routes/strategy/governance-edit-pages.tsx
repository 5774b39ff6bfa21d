// Running the strategy's groups (issue 16), for those who manage the strategy: set up a group, add
// and remove its members, record a meeting (agenda, decisions, actions arising linked to the plan's
// actions), and keep the forum's "you said, we did" log.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useFieldArray, useFormContext } from "react-hook-form";
import { z } from "zod";
import { dateFromParts, datePartsOf } from "../../../shared/date-input";
import { longDate, todayIso } from "../../../shared/dates";
import { ORG_KIND_LABELS } from "../../../shared/permissions";
import {
  forumEntryInput,
  groupInput,
  groupMemberInput,
  meetingInput,
  updateForumEntryInput,
} from "../../../shared/schemas/strategy";
import { GROUP_KIND_LABELS, GROUP_KINDS, GROUP_ROLE_LABELS, GROUP_ROLES } from "../../../shared/strategy";
import {
  Button,
  DateField,
  ErrorSummary,
  Form,
  RadiosField,
  SelectField,
  SuccessBanner,
  TextAreaField,
  TextField,
  useSchemaForm,
} from "../../components/forms";
import { Page } from "../../components/Page";
import { Section } from "../../components/Section";
import { useFlash } from "../../lib/flash";
import { useOrgId } from "../../lib/org";
import {
  type ForumEntryView,
  type GroupView,
  type StrategyPlanResponse,
  strategyApi,
  strategyKeys,
  strategyQueries,
} from "../../queries/strategy";
import { Problem, useCurrentStrategy, useSaved } from "./common";
import { splitLines } from "./plan-edit-forms";

const groupRoute = getRouteApi("/orgs/$orgId/strategy/governance/groups/$groupId");
const meetingRoute = getRouteApi("/orgs/$orgId/strategy/governance/groups/$groupId/meetings/new");
const forumEditRoute = getRouteApi("/orgs/$orgId/strategy/governance/forum/$entryId/edit");

const governancePath = (orgId: string) => `/orgs/${orgId}/strategy/governance`;
const groupPath = (orgId: string, groupId: string) => `${governancePath(orgId)}/groups/${groupId}`;

/** The current strategy's plan and groups, for a page that changes its governance. */
function WithGroups({
  orgId,
  children,
}: {
  orgId: string;
  children: (args: { strategyId: string; plan: StrategyPlanResponse; groups: GroupView[] }) => React.ReactNode;
}): React.ReactNode {
  const { list, strategyId } = useCurrentStrategy(orgId);
  const enabled = !!strategyId;
  const plan = useQuery({ ...strategyQueries.plan(orgId, strategyId ?? ""), enabled });
  const groups = useQuery({ ...strategyQueries.groups(orgId, strategyId ?? ""), enabled });
  const error = list.error ?? plan.error ?? groups.error;
  if (error) return <Problem error={error} />;
  if (list.data && !strategyId)
    return <p className="govuk-body">The council has not set up a workforce strategy in the hub yet.</p>;
  if (!plan.data || !groups.data || !strategyId) return <p className="govuk-body">Loading…</p>;
  return children({ strategyId, plan: plan.data, groups: groups.data.groups });
}

const OnlyManagers = () => (
  <div className="govuk-inset-text" role="alert">
    Only the council's strategy team (a council admin or the workforce lead) can change the strategy's groups.
  </div>
);

function FormColumn({ orgId, children }: { orgId: string; children: React.ReactNode }): React.ReactNode {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to="/orgs/$orgId/strategy/governance" params={{ orgId }}>
          Back to governance
        </Link>
        {children}
      </div>
    </div>
  );
}

// ---- A group ------------------------------------------------------------------------------------

export function NewGroupPage(): React.ReactNode {
  const orgId = useOrgId();
  return (
    <FormColumn orgId={orgId}>
      <WithGroups orgId={orgId}>
        {({ strategyId, plan }) =>
          plan.can.manage ? <NewGroupForm orgId={orgId} strategyId={strategyId} /> : <OnlyManagers />
        }
      </WithGroups>
    </FormColumn>
  );
}

function NewGroupForm({ orgId, strategyId }: { orgId: string; strategyId: string }): React.ReactNode {
  const saved = useSaved(orgId);
  const form = useSchemaForm(groupInput, { kind: undefined, name: "", purpose: "" });
  const add = useMutation({
    mutationFn: (body: z.output<typeof groupInput>) => strategyApi.addGroup(orgId, strategyId, body),
    onSuccess: ({ group }) =>
      saved(groupPath(orgId, group.id), `${group.name} has been set up. Add its members below.`),
  });
  return (
    <Form form={form} onSubmit={(v) => add.mutate(v)} error={add.error}>
      <Page title="Set up a group" caption="Workforce strategy">
        <RadiosField
          name="kind"
          legend="Kind of group"
          choices={GROUP_KINDS.map((k) => ({ value: k, label: GROUP_KIND_LABELS[k] }))}
        />
        <TextField name="name" label="Name" hint="For example, Training task and finish group" />
        <TextAreaField name="purpose" label="Purpose (optional)" rows={3} />
        <Button disabled={add.isPending}>Set up the group</Button>
      </Page>
    </Form>
  );
}

export function GroupPage(): React.ReactNode {
  const { orgId, groupId } = groupRoute.useParams();
  const flash = useFlash(groupPath(orgId, groupId));
  return (
    <WithGroups orgId={orgId}>
      {({ strategyId, plan, groups }) => {
        const group = groups.find((g) => g.id === groupId);
        if (!group) return <p className="govuk-body">We could not find that group.</p>;
        return <Group orgId={orgId} strategyId={strategyId} group={group} canManage={plan.can.manage} flash={flash} />;
      }}
    </WithGroups>
  );
}

function Group({
  orgId,
  strategyId,
  group,
  canManage,
  flash,
}: {
  orgId: string;
  strategyId: string;
  group: GroupView;
  canManage: boolean;
  flash: string | null;
}): React.ReactNode {
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(flash);
  const remove = useMutation({
    mutationFn: (m: GroupView["members"][number]) => strategyApi.removeMember(orgId, strategyId, group.id, m.id),
    onSuccess: (_res, m) => {
      setDone(`${m.name} has been taken out of the ${group.name}.`);
      queryClient.invalidateQueries({ queryKey: strategyKeys.all(orgId) });
    },
  });
  return (
    <>
      <Link className="govuk-back-link" to="/orgs/$orgId/strategy/governance" params={{ orgId }}>
        Back to governance
      </Link>
      <Page title={group.name} caption={GROUP_KIND_LABELS[group.kind]}>
        {done && <SuccessBanner title={done} />}
        <ErrorSummary error={remove.error} />
        {group.purpose && <p className="govuk-body">{group.purpose}</p>}
        <p className="govuk-body">
          {group.meetings} meeting{group.meetings === 1 ? "" : "s"} recorded.{" "}
          {canManage && (
            <Link
              className="govuk-link"
              to="/orgs/$orgId/strategy/governance/groups/$groupId/meetings/new"
              params={{ orgId, groupId: group.id }}
            >
              Record a meeting
            </Link>
          )}
        </p>
        <Section id="members" title="Members">
          {group.members.length === 0 ? (
            <p className="govuk-body">No members yet.</p>
          ) : (
            // A summary list, as GOV.UK lists what someone can remove one by one: it stacks on a
            // phone, where a table's Remove buttons sat off the side of the screen.
            <dl className="govuk-summary-list">
              {group.members.map((m) => (
                <div className="govuk-summary-list__row" key={m.id}>
                  <dt className="govuk-summary-list__key">{m.name}</dt>
                  <dd className="govuk-summary-list__value">
                    {m.org.name} ({ORG_KIND_LABELS[m.org.kind].toLowerCase()}),{" "}
                    {GROUP_ROLE_LABELS[m.role].toLowerCase()}
                  </dd>
                  {canManage && (
                    <dd className="govuk-summary-list__actions">
                      <button
                        type="button"
                        className="app-link-button"
                        disabled={remove.isPending}
                        onClick={() => {
                          setDone(null);
                          remove.mutate(m);
                        }}
                      >
                        Remove<span className="govuk-visually-hidden"> {m.name}</span>
                      </button>
                    </dd>
                  )}
                </div>
              ))}
            </dl>
          )}
        </Section>
        {canManage && (
          <AddMember orgId={orgId} strategyId={strategyId} group={group} onAdded={(name) => setDone(name)} />
        )}
      </Page>
    </>
  );
}

function AddMember({
  orgId,
  strategyId,
  group,
  onAdded,
}: {
  orgId: string;
  strategyId: string;
  group: GroupView;
  onAdded: (message: string) => void;
}): React.ReactNode {
  const queryClient = useQueryClient();
  const form = useSchemaForm(groupMemberInput, { email: "", role: "member" });
  const add = useMutation({
    mutationFn: (body: z.output<typeof groupMemberInput>) => strategyApi.addMember(orgId, strategyId, group.id, body),
    onSuccess: ({ group: g }, body) => {
      const m = g.members.find((x) => x.role === body.role && !group.members.some((old) => old.id === x.id));
      onAdded(`${m?.name ?? body.email} has been added to the ${g.name}.`);
      form.reset({ email: "", role: "member" });
      queryClient.invalidateQueries({ queryKey: strategyKeys.all(orgId) });
    },
  });
  return (
    <Section id="add-member" title="Add a member">
      <Form form={form} onSubmit={(v) => add.mutate(v)} error={add.error}>
        <TextField
          name="email"
          label="Email address"
          hint="Someone with an account in the council, or in a provider it commissions"
          type="email"
          autoComplete="off"
          spellCheck={false}
        />
        <SelectField
          name="role"
          label="Role in the group"
          choices={GROUP_ROLES.map((r) => ({ value: r, label: GROUP_ROLE_LABELS[r] }))}
        />
        <Button disabled={add.isPending}>Add member</Button>
      </Form>
    </Section>
  );
}

// ---- A meeting ----------------------------------------------------------------------------------

const arising = meetingInput.shape.actionsArising.unwrap().element.shape;
const meetingForm = meetingInput.extend({
  heldOn: dateFromParts("Date of the meeting"),
  agenda: z.string().transform(splitLines).pipe(meetingInput.shape.agenda.unwrap()),
  decisions: z.string().transform(splitLines).pipe(meetingInput.shape.decisions.unwrap()),
  actionsArising: z
    .array(
      z.object({
        description: arising.description,
        planActionId: z.string().transform((v) => v || null),
        owner: arising.owner,
        dueOn: dateFromParts("Due date", { optional: true }),
        status: arising.status,
      }),
    )
    .max(30),
});
type MeetingFormValues = z.input<typeof meetingForm>;

export function NewMeetingPage(): React.ReactNode {
  const { orgId, groupId } = meetingRoute.useParams();
  return (
    <FormColumn orgId={orgId}>
      <WithGroups orgId={orgId}>
        {({ strategyId, plan, groups }) => {
          const group = groups.find((g) => g.id === groupId);
          if (!plan.can.manage) return <OnlyManagers />;
          if (!group) return <p className="govuk-body">We could not find that group.</p>;
          return <MeetingForm orgId={orgId} strategyId={strategyId} plan={plan} group={group} />;
        }}
      </WithGroups>
    </FormColumn>
  );
}

function MeetingForm({
  orgId,
  strategyId,
  plan,
  group,
}: {
  orgId: string;
  strategyId: string;
  plan: StrategyPlanResponse;
  group: GroupView;
}): React.ReactNode {
  const saved = useSaved(orgId);
  const form = useSchemaForm(meetingForm, {
    heldOn: datePartsOf(todayIso()),
    agenda: "",
    decisions: "",
    actionsArising: [],
  });
  const add = useMutation({
    mutationFn: (body: z.output<typeof meetingForm>) => strategyApi.addMeeting(orgId, strategyId, group.id, body),
    onSuccess: ({ meeting }) =>
      saved(governancePath(orgId), `The ${group.name} meeting on ${longDate(meeting.heldOn)} has been recorded.`),
  });
  const planActions = [
    { value: "", label: "Not linked to the plan" },
    ...plan.pillars.flatMap((p) => p.actions).map((a) => ({ value: a.id, label: `${a.ref} ${a.title}` })),
  ];
  return (
    <Form form={form} onSubmit={(v) => add.mutate(v)} error={add.error}>
      <Page title={`Record a meeting of the ${group.name}`} caption="Workforce strategy">
        <DateField name="heldOn" id="held-on" legend="Date of the meeting" hint="For example, 14 10 2026" />
        <TextAreaField name="agenda" label="Agenda (optional)" hint="One item on each line" rows={4} />
        <TextAreaField name="decisions" label="Decisions (optional)" hint="One decision on each line" rows={4} />
        <ActionsArising planActions={planActions} />
        <Button disabled={add.isPending}>Record the meeting</Button>
      </Page>
    </Form>
  );
}

function ActionsArising({ planActions }: { planActions: { value: string; label: string }[] }): React.ReactNode {
  const { control } = useFormContext<MeetingFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "actionsArising" });
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Actions arising</legend>
      {fields.map((f, i) => (
        <div key={f.id} className="govuk-!-margin-bottom-6">
          <h3 className="govuk-heading-s">Action arising {i + 1}</h3>
          <TextField
            name={`actionsArising.${i}.description`}
            id={`arising-${i}-description`}
            label="What is to be done"
          />
          <SelectField
            name={`actionsArising.${i}.planActionId`}
            id={`arising-${i}-plan`}
            label="Action in the plan it is for (optional)"
            choices={planActions}
          />
          <TextField name={`actionsArising.${i}.owner`} id={`arising-${i}-owner`} label="Who will do it (optional)" />
          <DateField name={`actionsArising.${i}.dueOn`} id={`arising-${i}-due`} legend="Due date (optional)" />
          <SelectField
            name={`actionsArising.${i}.status`}
            id={`arising-${i}-status`}
            label="Status"
            choices={[
              { value: "open", label: "Open" },
              { value: "done", label: "Done" },
            ]}
          />
          <Button secondary type="button" onClick={() => remove(i)}>
            Remove action arising {i + 1}
          </Button>
        </div>
      ))}
      <Button
        secondary
        type="button"
        onClick={() =>
          append({
            description: "",
            planActionId: "",
            owner: "",
            dueOn: { day: "", month: "", year: "" },
            status: "open",
          })
        }
      >
        {fields.length ? "Add another action arising" : "Add an action arising"}
      </Button>
    </fieldset>
  );
}

// ---- The forum's "you said, we did" log ---------------------------------------------------------

const forumForm = forumEntryInput.extend({
  raisedOn: dateFromParts("Date it was raised"),
  groupId: z.string().transform((v) => v || null),
});
const changeForumForm = updateForumEntryInput.extend({
  raisedOn: dateFromParts("Date it was raised"),
  groupId: z.string().transform((v) => v || null),
});
const FORUM_STATUS_CHOICES = [
  { value: "open", label: "Open" },
  { value: "in_progress", label: "In progress" },
  { value: "done", label: "Done" },
];

function ForumFields({ groups }: { groups: GroupView[] }): React.ReactNode {
  return (
    <>
      <DateField name="raisedOn" id="raised-on" legend="Date it was raised" hint="For example, 14 10 2026" />
      <TextAreaField name="youSaid" label="You said" hint="What providers raised, in their words where you can" />
      <TextAreaField name="weDid" label="We did (optional)" hint="What the council has done about it" />
      <RadiosField name="status" legend="Status" choices={FORUM_STATUS_CHOICES} small />
      <SelectField
        name="groupId"
        label="Raised at (optional)"
        choices={[{ value: "", label: "Not at a group" }, ...groups.map((g) => ({ value: g.id, label: g.name }))]}
      />
    </>
  );
}

export function NewForumEntryPage(): React.ReactNode {
  const orgId = useOrgId();
  return (
    <FormColumn orgId={orgId}>
      <WithGroups orgId={orgId}>
        {({ strategyId, plan, groups }) =>
          plan.can.manage ? <NewForumForm orgId={orgId} strategyId={strategyId} groups={groups} /> : <OnlyManagers />
        }
      </WithGroups>
    </FormColumn>
  );
}

function NewForumForm({
  orgId,
  strategyId,
  groups,
}: {
  orgId: string;
  strategyId: string;
  groups: GroupView[];
}): React.ReactNode {
  const saved = useSaved(orgId);
  const forum = groups.find((g) => g.kind === "forum");
  const form = useSchemaForm(forumForm, {
    raisedOn: datePartsOf(todayIso()),
    youSaid: "",
    weDid: "",
    status: "open",
    groupId: forum?.id ?? "",
  });
  const add = useMutation({
    mutationFn: (body: z.output<typeof forumForm>) => strategyApi.addForumEntry(orgId, strategyId, body),
    onSuccess: () => saved(governancePath(orgId), "The entry has been added to the forum's log."),
  });
  return (
    <Form form={form} onSubmit={(v) => add.mutate(v)} error={add.error}>
      <Page title="Add to “you said, we did”" caption="Workforce strategy">
        <ForumFields groups={groups} />
        <Button disabled={add.isPending}>Add to the log</Button>
      </Page>
    </Form>
  );
}

export function EditForumEntryPage(): React.ReactNode {
  const { orgId, entryId } = forumEditRoute.useParams();
  const { strategyId } = useCurrentStrategy(orgId);
  const forum = useQuery({ ...strategyQueries.forum(orgId, strategyId ?? ""), enabled: !!strategyId });
  return (
    <FormColumn orgId={orgId}>
      <WithGroups orgId={orgId}>
        {({ plan, groups }) => {
          if (!plan.can.manage) return <OnlyManagers />;
          if (forum.error) return <Problem error={forum.error} />;
          if (!forum.data) return <p className="govuk-body">Loading…</p>;
          const entry = forum.data.entries.find((e) => e.id === entryId);
          if (!entry || !strategyId) return <p className="govuk-body">We could not find that entry.</p>;
          return <EditForumForm orgId={orgId} strategyId={strategyId} groups={groups} entry={entry} />;
        }}
      </WithGroups>
    </FormColumn>
  );
}

function EditForumForm({
  orgId,
  strategyId,
  groups,
  entry,
}: {
  orgId: string;
  strategyId: string;
  groups: GroupView[];
  entry: ForumEntryView;
}): React.ReactNode {
  const saved = useSaved(orgId);
  const form = useSchemaForm(changeForumForm, {
    raisedOn: datePartsOf(entry.raisedOn),
    youSaid: entry.youSaid,
    weDid: entry.weDid,
    status: entry.status,
    groupId: entry.groupId ?? "",
  });
  const change = useMutation({
    mutationFn: (body: z.output<typeof changeForumForm>) =>
      strategyApi.changeForumEntry(orgId, strategyId, entry.id, body),
    onSuccess: () => saved(governancePath(orgId), "The forum's log has been updated."),
  });
  return (
    <Form form={form} onSubmit={(v) => change.mutate(v)} error={change.error}>
      <Page title="Update “you said, we did”" caption="Workforce strategy">
        <ForumFields groups={groups} />
        <Button disabled={change.isPending}>Save changes</Button>
      </Page>
    </Form>
  );
}
