import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { z } from "zod";
import { dateFromParts, datePartsOf } from "../../../shared/date-input";
import { londonInstant, londonWallTime, longDate, longDateTime } from "../../../shared/dates";
import {
  CAMPAIGN_AUDIENCE_LABELS,
  CAMPAIGN_AUDIENCES,
  CAMPAIGN_KIND_LABELS,
  CAMPAIGN_KINDS,
  SECTOR_VALUE_LABELS,
  SECTOR_VALUES,
} from "../../../shared/recruitment";
import {
  campaignInput,
  recruitmentEventInput,
  type ValuesQuestionInput,
  valuesQuestionInput,
} from "../../../shared/schemas/recruitment-hub";
import {
  Button,
  DateField,
  Form,
  SelectField,
  SuccessBanner,
  TextAreaField,
  TextField,
  useSchemaForm,
} from "../../components/forms";
import { Page } from "../../components/Page";
import { Section } from "../../components/Section";
import { type Column, Table } from "../../components/Table";
import { useOrg, useOrgId } from "../../lib/org";
import {
  type CampaignView,
  hubApi,
  hubKeys,
  hubQueries,
  type RecruitmentEventView,
  type ValuesQuestionView,
} from "../../queries/recruitment-hub";
import { splitEvents } from "./event-calendar";

// The council's recruitment hub: the values questions every application on its board answers,
// and its campaigns and events (issue 17 item 7).

const VALUE_CHOICES = [
  { value: "", label: "Choose a value" },
  ...SECTOR_VALUES.map((v) => ({ value: v, label: SECTOR_VALUE_LABELS[v] })),
];

/** The hub's pages, linked from each other. */
function HubNav({ orgId }: { orgId: string }): React.ReactNode {
  return (
    <nav aria-label="Recruitment hub" className="govuk-!-margin-bottom-6">
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to="/orgs/$orgId/recruitment/campaigns" params={{ orgId }}>
            Campaigns and events
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/orgs/$orgId/recruitment/questions" params={{ orgId }}>
            Values-based questions
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/orgs/$orgId/recruitment/funnel" params={{ orgId }}>
            Recruitment funnel and retention of hires
          </Link>
        </li>
      </ul>
    </nav>
  );
}

function Problem({ error }: { error: unknown }): React.ReactNode {
  return (
    <div className="govuk-inset-text" role="alert">
      {(error as Error).message}
    </div>
  );
}

function QuestionForm({
  orgId,
  question,
  onDone,
}: {
  orgId: string;
  question?: ValuesQuestionView;
  onDone: (message: string) => void;
}): React.ReactNode {
  const queryClient = useQueryClient();
  const form = useSchemaForm(valuesQuestionInput, {
    value: question?.value ?? ("" as ValuesQuestionInput["value"]),
    question: question?.question ?? "",
    guidance: question?.guidance ?? "",
  });
  const save = useMutation({
    mutationFn: (body: ValuesQuestionInput) =>
      question ? hubApi.editQuestion(orgId, question.id, body) : hubApi.addQuestion(orgId, body),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: hubKeys.questions(orgId) });
      if (!question) form.reset();
      onDone(question ? "Question changed." : "Question added.");
    },
  });
  const prefix = question ? "edit" : "new";
  return (
    <Form form={form} onSubmit={(v) => save.mutate(v)} error={save.error}>
      <SelectField name="value" id={`${prefix}-value`} label="The value it tests" choices={VALUE_CHOICES} />
      <TextAreaField
        name="question"
        id={`${prefix}-question`}
        label="Question"
        hint="Ask about something they did: 'Tell us about a time when…'"
        rows={2}
      />
      <TextAreaField
        name="guidance"
        id={`${prefix}-guidance`}
        label="Guidance for whoever scores the answer"
        hint="What an adequate answer (3) and an excellent one (5) show"
        rows={4}
      />
      <Button disabled={save.isPending}>{question ? "Save the question" : "Add the question"}</Button>
    </Form>
  );
}

export function HubQuestionsPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const queryClient = useQueryClient();
  const questions = useQuery(hubQueries.questions(orgId));
  const [editing, setEditing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const retire = useMutation({
    mutationFn: (id: string) => hubApi.retireQuestion(orgId, id),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: hubKeys.questions(orgId) });
      setDone("Question retired.");
    },
  });
  const list = questions.data?.questions ?? [];
  const inUse = list.filter((q) => !q.retiredAt);
  const retired = list.filter((q) => q.retiredAt);
  const current = inUse.find((q) => q.id === editing);
  return (
    <Page title="Values-based questions" caption={org.data?.name}>
      {done && <SuccessBanner title={done} />}
      <HubNav orgId={orgId} />
      <p className="govuk-body">
        Everyone who applies for a job on your board answers these questions, and each employer may add its own. Each
        tests one of the care sector's values; the guidance tells whoever scores the answers (1 to 5) what a good answer
        shows.
      </p>
      {questions.error && <Problem error={questions.error} />}
      {retire.error && <Problem error={retire.error} />}
      {!questions.data && !questions.error && <p className="govuk-body">Loading…</p>}
      {questions.data && (
        <Table
          caption={`In use (${inUse.length})`}
          rows={inUse}
          rowKey={(q) => q.id}
          columns={[
            { header: "Question", cell: (q) => q.question },
            { header: "Value", cell: (q) => SECTOR_VALUE_LABELS[q.value] },
            {
              header: "Guidance",
              cell: (q) => (
                <span className="app-pre" style={{ whiteSpace: "pre-line" }}>
                  {q.guidance}
                </span>
              ),
            },
            {
              header: "Actions",
              hiddenHeader: true,
              cell: (q) => (
                <>
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1"
                    onClick={() => {
                      setDone(null);
                      setEditing(q.id);
                    }}
                  >
                    Change<span className="govuk-visually-hidden"> the question: {q.question}</span>
                  </button>{" "}
                  <button
                    type="button"
                    className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                    onClick={() => {
                      setDone(null);
                      retire.mutate(q.id);
                    }}
                  >
                    Retire<span className="govuk-visually-hidden"> the question: {q.question}</span>
                  </button>
                </>
              ),
            },
          ]}
        />
      )}
      {current && (
        <Section id="change-question" title="Change the question">
          <QuestionForm
            key={current.id}
            orgId={orgId}
            question={current}
            onDone={(m) => {
              setEditing(null);
              setDone(m);
            }}
          />
        </Section>
      )}
      <Section id="add-question" title="Add a question">
        <QuestionForm orgId={orgId} onDone={setDone} />
      </Section>
      {retired.length > 0 && (
        <Section id="retired" title={`Retired (${retired.length})`}>
          <ul className="govuk-list govuk-list--bullet">
            {retired.map((q) => (
              <li key={q.id}>
                {q.question} ({SECTOR_VALUE_LABELS[q.value]}), retired on {longDate(q.retiredAt)}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </Page>
  );
}

// ---- Campaigns and events ---------------------------------------------------------------------

const campaignForm = z.object({
  ...campaignInput.shape,
  startsOn: dateFromParts("Start date"),
  endsOn: dateFromParts("End date", { optional: true }),
});

const time = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, `Enter the ${what} as a 24-hour time, for example 09:30`);

const eventForm = z
  .object({
    title: recruitmentEventInput.shape.title,
    day: dateFromParts("Date of the event"),
    startTime: time("start time"),
    endTime: z.union([z.literal(""), time("end time")]),
    place: recruitmentEventInput.shape.place,
    description: recruitmentEventInput.shape.description,
    campaignId: z.string(),
  })
  .transform((v) => ({
    title: v.title,
    startsAt: londonInstant(v.day, v.startTime),
    endsAt: v.endTime ? londonInstant(v.day, v.endTime) : null,
    place: v.place,
    description: v.description,
    campaignId: v.campaignId || null,
  }));

function CampaignForm({
  orgId,
  campaign,
  onDone,
}: {
  orgId: string;
  campaign?: CampaignView;
  onDone: (m: string) => void;
}): React.ReactNode {
  const queryClient = useQueryClient();
  const form = useSchemaForm(campaignForm, {
    name: campaign?.name ?? "",
    kind: campaign?.kind ?? "social_media",
    audience: campaign?.audience ?? "young_people",
    code: campaign?.code ?? "",
    startsOn: datePartsOf(campaign?.startsOn ?? null),
    endsOn: datePartsOf(campaign?.endsOn ?? null),
    description: campaign?.description ?? "",
  });
  const add = useMutation({
    mutationFn: (body: z.output<typeof campaignForm>) =>
      campaign ? hubApi.editCampaign(orgId, campaign.id, body) : hubApi.addCampaign(orgId, body),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: hubKeys.all(orgId) });
      if (!campaign) form.reset();
      onDone(campaign ? "Campaign changed." : "Campaign started.");
    },
  });
  const p = campaign ? "edit-campaign" : "campaign";
  return (
    <Form form={form} onSubmit={(v) => add.mutate(v)} error={add.error}>
      <TextField name="name" id={`${p}-name`} label="Name" />
      <SelectField
        name="kind"
        id={`${p}-kind`}
        label="Kind of campaign"
        choices={CAMPAIGN_KINDS.map((k) => ({ value: k, label: CAMPAIGN_KIND_LABELS[k] }))}
      />
      <SelectField
        name="audience"
        id={`${p}-audience`}
        label="Who it is for"
        choices={CAMPAIGN_AUDIENCES.map((a) => ({ value: a, label: CAMPAIGN_AUDIENCE_LABELS[a] }))}
      />
      <TextField
        name="code"
        id={`${p}-code`}
        label="Tracked code"
        hint="Letters, numbers and hyphens, for example CARE-YOUNG-26. Applications through the campaign's link carry it."
        width="govuk-input--width-20"
        spellCheck={false}
      />
      <DateFieldPair prefix={p} />
      <TextAreaField name="description" id={`${p}-description`} label="Description (optional)" />
      <Button disabled={add.isPending}>{campaign ? "Save the campaign" : "Start the campaign"}</Button>
    </Form>
  );
}

function DateFieldPair({ prefix }: { prefix: string }): React.ReactNode {
  return (
    <>
      <DateField name="startsOn" id={`${prefix}-startsOn`} legend="Start date" hint="For example 1 9 2026" />
      <DateField
        name="endsOn"
        id={`${prefix}-endsOn`}
        legend="End date (optional)"
        hint="Leave empty if it has no end date"
      />
    </>
  );
}

function EventForm({
  orgId,
  campaigns,
  event,
  onDone,
}: {
  orgId: string;
  campaigns: { id: string; name: string }[];
  event?: RecruitmentEventView;
  onDone: (m: string) => void;
}): React.ReactNode {
  const queryClient = useQueryClient();
  const starts = event ? londonWallTime(event.startsAt) : null;
  const form = useSchemaForm(eventForm, {
    title: event?.title ?? "",
    day: datePartsOf(starts?.day ?? null),
    startTime: starts?.time ?? "",
    endTime: event?.endsAt ? londonWallTime(event.endsAt).time : "",
    place: event?.place ?? "",
    description: event?.description ?? "",
    campaignId: event?.campaign?.id ?? "",
  });
  const add = useMutation({
    mutationFn: (body: z.output<typeof eventForm>) =>
      event ? hubApi.editEvent(orgId, event.id, body) : hubApi.addEvent(orgId, body),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: hubKeys.events(orgId) });
      if (!event) form.reset();
      onDone(event ? "Event changed." : "Event added to the calendar.");
    },
  });
  const p = event ? "edit-event" : "event";
  return (
    <Form form={form} onSubmit={(v) => add.mutate(v)} error={add.error}>
      <TextField
        name="title"
        id={`${p}-title`}
        label="Title"
        hint="For example: Jobs fair, or Care pre-employment course"
      />
      <DateField name="day" id={`${p}-day`} legend="Date" hint="For example 12 9 2026" />
      <TextField
        name="startTime"
        id={`${p}-start`}
        label="Start time"
        hint="For example 09:30"
        width="govuk-input--width-10"
      />
      <TextField name="endTime" id={`${p}-end`} label="End time (optional)" width="govuk-input--width-10" />
      <TextField name="place" id={`${p}-place`} label="Place" />
      <SelectField
        name="campaignId"
        id={`${p}-campaign`}
        label="Campaign (optional)"
        choices={[{ value: "", label: "None" }, ...campaigns.map((c) => ({ value: c.id, label: c.name }))]}
      />
      <TextAreaField
        name="description"
        id={`${p}-description`}
        label="Description (optional)"
        hint="For a pre-employment course, say that it ends with a guaranteed interview"
      />
      <Button disabled={add.isPending}>{event ? "Save the event" : "Add the event"}</Button>
    </Form>
  );
}

export function HubCampaignsPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const queryClient = useQueryClient();
  const campaigns = useQuery(hubQueries.campaigns(orgId));
  const events = useQuery(hubQueries.events(orgId));
  const [done, setDone] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ campaign?: string; event?: string }>({});
  const changing = campaigns.data?.campaigns.find((c) => c.id === editing.campaign);
  const changingEvent = events.data?.events.find((e) => e.id === editing.event);
  const change = (what: { campaign?: string; event?: string }) => {
    setDone(null);
    setEditing(what);
  };
  const changed = (message: string) => {
    setEditing({});
    setDone(message);
  };
  const remove = useMutation({
    mutationFn: (id: string) => hubApi.deleteEvent(orgId, id),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: hubKeys.events(orgId) });
      setDone("Event taken off the calendar.");
    },
  });
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const calendar = events.data && splitEvents(events.data.events, new Date());
  const eventColumns: Column<RecruitmentEventView>[] = [
    { header: "When", cell: (e) => longDateTime(e.startsAt) },
    { header: "Event", cell: (e) => e.title },
    { header: "Place", cell: (e) => e.place },
    { header: "Campaign", cell: (e) => e.campaign?.name ?? "–" },
    {
      header: "Actions",
      hiddenHeader: true,
      cell: (e) => (
        <>
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1"
            onClick={() => change({ event: e.id })}
          >
            Change
            <span className="govuk-visually-hidden">
              {" "}
              {e.title} on {longDateTime(e.startsAt)}
            </span>
          </button>{" "}
          <button
            type="button"
            className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
            onClick={() => {
              setDone(null);
              remove.mutate(e.id);
            }}
          >
            Remove
            <span className="govuk-visually-hidden">
              {" "}
              {e.title} on {longDateTime(e.startsAt)}
            </span>
          </button>
        </>
      ),
    },
  ];
  return (
    <Page title="Campaigns and events" caption={org.data?.name}>
      {done && <SuccessBanner title={done} />}
      <HubNav orgId={orgId} />
      {(campaigns.error ?? events.error ?? remove.error) && (
        <Problem error={campaigns.error ?? events.error ?? remove.error} />
      )}
      <p className="govuk-body">
        Share a campaign's link (or ask people to type its code): the applications it brings carry it, and the{" "}
        <Link className="govuk-link" to="/orgs/$orgId/recruitment/funnel" params={{ orgId }}>
          recruitment funnel
        </Link>{" "}
        follows them to their first year in post.
      </p>
      {campaigns.data && (
        <Table
          caption={`Campaigns (${campaigns.data.campaigns.length})`}
          rows={campaigns.data.campaigns}
          rowKey={(c) => c.id}
          columns={[
            { header: "Campaign", cell: (c) => c.name },
            { header: "For", cell: (c) => CAMPAIGN_AUDIENCE_LABELS[c.audience] },
            { header: "Kind", cell: (c) => CAMPAIGN_KIND_LABELS[c.kind] },
            {
              header: "Dates",
              cell: (c) =>
                c.endsOn ? `${longDate(c.startsOn)} to ${longDate(c.endsOn)}` : `From ${longDate(c.startsOn)}`,
            },
            {
              header: "Link",
              cell: (c) => (
                <span style={{ overflowWrap: "anywhere" }}>
                  <code>{c.code}</code>: {origin}
                  {c.link}
                </span>
              ),
            },
            {
              header: "Actions",
              hiddenHeader: true,
              cell: (c) => (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  onClick={() => change({ campaign: c.id })}
                >
                  Change<span className="govuk-visually-hidden"> the campaign {c.name}</span>
                </button>
              ),
            },
          ]}
        />
      )}
      {changing && (
        <Section id="change-campaign" title={`Change ${changing.name}`}>
          <CampaignForm key={changing.id} orgId={orgId} campaign={changing} onDone={changed} />
        </Section>
      )}
      <Section id="add-campaign" title="Start a campaign">
        <CampaignForm orgId={orgId} onDone={setDone} />
      </Section>
      <Section id="events" title="Events calendar">
        <p className="govuk-body">
          Upcoming events are shown to job seekers on your job board
          {org.data && (
            <>
              {" "}
              (
              <Link className="govuk-link" to="/jobs/events" search={{ council: org.data.slug }}>
                recruitment events
              </Link>
              )
            </>
          )}
          .
        </p>
        {calendar && (
          <>
            <Table
              caption={`Upcoming events, soonest first (${calendar.upcoming.length})`}
              rows={calendar.upcoming}
              rowKey={(e) => e.id}
              columns={eventColumns}
            />
            {calendar.past.length > 0 && (
              <>
                <h3 className="govuk-heading-s">Past events</h3>
                <Table
                  caption={`Past events, newest first (${calendar.past.length})`}
                  rows={calendar.past}
                  rowKey={(e) => e.id}
                  columns={eventColumns}
                />
              </>
            )}
          </>
        )}
        {changingEvent && (
          <>
            <h3 className="govuk-heading-s">Change {changingEvent.title}</h3>
            <EventForm
              key={changingEvent.id}
              orgId={orgId}
              campaigns={campaigns.data?.campaigns ?? []}
              event={changingEvent}
              onDone={changed}
            />
          </>
        )}
        <h3 className="govuk-heading-s">Add an event</h3>
        <EventForm orgId={orgId} campaigns={campaigns.data?.campaigns ?? []} onDone={setDone} />
      </Section>
    </Page>
  );
}
