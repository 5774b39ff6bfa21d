import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { NI_NUMBER_EXAMPLE } from "../../../shared/ascwds/ni-number";
import { dateFromParts, datePartsOf } from "../../../shared/date-input";
import { longDate, longDateTime, todayIso } from "../../../shared/dates";
import {
  APPLICATION_STAGES,
  type ApplicationStage,
  CLOSED_STAGES,
  REJECTION_REASONS,
  SOURCE_LABELS,
  STAGE_LABELS,
  sectorValueLabel,
} from "../../../shared/recruitment";
import { CHECK_LABELS, type CheckItem, moveInput, noteInput, startInput } from "../../../shared/schemas/recruitment";
import {
  asNumber,
  Button,
  DateField,
  ErrorSummary,
  Form,
  RadiosField,
  Select,
  SelectField,
  SuccessBanner,
  TextAreaField,
  TextField,
  useSchemaForm,
} from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { useOrg, useWorkplaceOptions } from "../../lib/org";
import { type ApplicationDetail, recruitmentApi, recruitmentKeys, recruitmentQueries } from "../../queries/recruitment";
import { ADVERT_STATUS, CheckboxField, RecruitmentLinks, SummaryList } from "./common";

// An employer's applications (issue 17 item 5): the board by stage with bulk moves, and one
// application with what the candidate shared, the move form (starting someone makes their staff
// record), values scores against the rubric, notes and history.

const reasonChoices = [
  { value: "", label: "Choose a reason" },
  ...Object.entries(REJECTION_REASONS).map(([value, label]) => ({ value, label })),
];
const label = (s: string) => STAGE_LABELS[s as ApplicationStage] ?? s;

const boardRoute = getRouteApi("/orgs/$orgId/recruitment/applications");

export function ApplicationsPage(): React.ReactNode {
  const { orgId } = boardRoute.useParams();
  const search = boardRoute.useSearch();
  const navigate = useNavigate();
  const org = useOrg(orgId);
  const queryClient = useQueryClient();
  const adverts = useQuery(recruitmentQueries.adverts(orgId));
  const list = useQuery(recruitmentQueries.applications(orgId, search));
  const [chosen, setChosen] = useState<string[]>([]);
  const [move, setMove] = useState({ stage: "screened", reason: "" });
  const [done, setDone] = useState<string | null>(null);
  const bulk = useMutation({
    mutationFn: () =>
      recruitmentApi.bulkMove(orgId, {
        ids: chosen,
        stage: move.stage as ApplicationStage,
        reason: (move.reason || undefined) as keyof typeof REJECTION_REASONS | undefined,
      }),
    onSuccess: (res) => {
      setDone(`${res.moved} application${res.moved === 1 ? "" : "s"} moved to ${label(move.stage)}.`);
      setChosen([]);
      queryClient.invalidateQueries({ queryKey: recruitmentKeys.all(orgId) });
    },
  });
  if (!org.data || list.isPending) return <p className="govuk-body">Loading…</p>;
  if (list.isError) return <Page title="Applications">{list.error.message}</Page>;
  const canManage = org.data.permissions.includes("recruitment.manage");
  const rows = list.data.applications;
  const stages = APPLICATION_STAGES.filter((s) => rows.some((r) => r.stage === s));
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  return (
    <Page title="Applications" caption={org.data.name}>
      <RecruitmentLinks orgId={orgId} />
      {done && <SuccessBanner title={done} />}
      <ErrorSummary error={bulk.error} fields={{ stage: "bulk-stage", reason: "bulk-reason" }} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <Select
            id="filter-advert"
            name="advertId"
            label="Job"
            value={search.advertId ?? ""}
            onChange={(v) => navigate({ to: ".", search: { ...search, advertId: v || undefined }, replace: true })}
            options={[
              { value: "", label: "All jobs" },
              // The same post is often advertised more than once: the status and closing date tell them apart.
              ...(adverts.data?.adverts ?? []).map((a) => ({
                value: a.id,
                label: `${a.title}, ${a.workplace.name} (${
                  a.status === "published"
                    ? `closes ${longDate(a.closingDate)}`
                    : a.closedAt
                      ? `closed ${longDate(a.closedAt)}`
                      : (ADVERT_STATUS[a.status]?.label ?? a.status).toLowerCase()
                })`,
              })),
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <Select
            id="filter-stage"
            name="stage"
            label="Stage"
            value={search.stage ?? ""}
            onChange={(v) =>
              navigate({
                to: ".",
                search: { ...search, stage: (v || undefined) as ApplicationStage | undefined },
                replace: true,
              })
            }
            options={[
              { value: "", label: "Every stage" },
              ...APPLICATION_STAGES.map((s) => ({ value: s, label: `${label(s)} (${list.data.counts[s] ?? 0})` })),
            ]}
          />
        </div>
      </div>
      {rows.length === 0 && <p className="govuk-body">No applications here yet.</p>}
      {stages.map((stage) => (
        <Table
          key={stage}
          caption={`${label(stage)} (${rows.filter((r) => r.stage === stage).length})`}
          rows={rows.filter((r) => r.stage === stage)}
          rowKey={(r) => r.id}
          columns={[
            canManage &&
              !CLOSED_STAGES.includes(stage) && {
                header: "Choose",
                hiddenHeader: true,
                cell: (r) => (
                  <div className="govuk-checkboxes govuk-checkboxes--small">
                    <div className="govuk-checkboxes__item">
                      <input
                        className="govuk-checkboxes__input"
                        id={`choose-${r.id}`}
                        type="checkbox"
                        checked={chosen.includes(r.id)}
                        onChange={(e) => toggle(r.id, e.target.checked)}
                      />
                      <label className="govuk-label govuk-checkboxes__label" htmlFor={`choose-${r.id}`}>
                        <span className="govuk-visually-hidden">
                          Choose {r.name}, {r.advert.title}
                        </span>
                      </label>
                    </div>
                  </div>
                ),
              },
            {
              header: "Name",
              cell: (r) => (
                <Link
                  className="govuk-link"
                  to="/orgs/$orgId/recruitment/applications/$applicationId"
                  params={{ orgId, applicationId: r.id }}
                >
                  {r.name}
                </Link>
              ),
            },
            { header: "Job", cell: (r) => r.advert.title },
            { header: "Applied", cell: (r) => longDate(r.submittedAt), sortValue: (r) => r.submittedAt },
            {
              header: "Interview",
              cell: (r) =>
                r.interview ? longDateTime(r.interview.startsAt) : stage === "interview" ? "Not booked" : "",
            },
          ]}
        />
      ))}
      {canManage && rows.length > 0 && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setDone(null);
            bulk.mutate();
          }}
        >
          <h2 className="govuk-heading-m">Move the chosen applications ({chosen.length})</h2>
          <Select
            id="bulk-stage"
            name="stage"
            label="To"
            value={move.stage}
            onChange={(v) => setMove({ ...move, stage: v })}
            options={APPLICATION_STAGES.filter((s) => s !== "applied" && s !== "started").map((s) => ({
              value: s,
              label: label(s),
            }))}
          />
          {move.stage === "rejected" && (
            <Select
              id="bulk-reason"
              name="reason"
              label="Why they are not taken forward"
              value={move.reason}
              onChange={(v) => setMove({ ...move, reason: v })}
              options={reasonChoices}
            />
          )}
          {move.stage === "interview" && (
            <p className="govuk-body">
              Candidates are emailed to book one of their job's interview times; where a job has none free yet, they are
              told times will follow.
            </p>
          )}
          <Button disabled={bulk.isPending || chosen.length === 0}>Move</Button>
        </form>
      )}
    </Page>
  );
}

const appRoute = getRouteApi("/orgs/$orgId/recruitment/applications/$applicationId");

/** The move form: the staff record's details when starting, the start date in date boxes. */
const moveForm = moveInput.extend({
  reason: z
    .string()
    .optional()
    .transform((v) => (v || undefined) as keyof typeof REJECTION_REASONS | undefined),
  start: startInput.extend({ startDate: dateFromParts("Start date"), workplaceId: z.string() }).optional(),
});

function MoveForm({ orgId, a }: { orgId: string; a: ApplicationDetail }) {
  const queryClient = useQueryClient();
  const workplaces = useWorkplaceOptions(orgId, "id", "The job's workplace");
  const offered = APPLICATION_STAGES.filter((s) => s !== "applied" && s !== a.stage);
  const form = useSchemaForm(moveForm, {
    stage: offered.find((s) => APPLICATION_STAGES.indexOf(s) > APPLICATION_STAGES.indexOf(a.stage)) ?? offered[0],
    reason: "",
    overrideChecks: false,
    start: { startDate: datePartsOf(todayIso()), workplaceId: "", contract: 1, hoursPerWeek: null, niNumber: "" },
  });
  const stage = useWatch({ control: form.control, name: "stage" });
  // Times the candidate could still book: with none, the interview email says times will follow.
  const slots = useQuery(recruitmentQueries.slots(orgId, a.advert.id));
  const freeTimes = slots.data?.slots.filter((t) => !t.booked && new Date(t.startsAt) > new Date()).length;
  const move = useMutation({
    mutationFn: (v: z.output<typeof moveForm>) =>
      recruitmentApi.move(orgId, a.id, {
        stage: v.stage,
        reason: v.stage === "rejected" ? v.reason : undefined,
        overrideChecks: v.overrideChecks,
        start:
          v.stage === "started" && v.start ? { ...v.start, workplaceId: v.start.workplaceId || undefined } : undefined,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recruitmentKeys.all(orgId) }),
  });
  if (CLOSED_STAGES.includes(a.stage)) return null;
  return (
    <Form form={form} onSubmit={(v) => move.mutate(v)} error={move.error}>
      <h2 className="govuk-heading-m">Move this application</h2>
      <SelectField name="stage" label="To" choices={offered.map((s) => ({ value: s, label: label(s) }))} />
      {stage === "rejected" && (
        <SelectField name="reason" label="Why they are not taken forward" choices={reasonChoices} />
      )}
      {stage === "interview" &&
        (freeTimes === 0 ? (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              This job has no interview times yet: add times first, or the candidate will be told to wait.{" "}
              <Link
                to="/orgs/$orgId/recruitment/adverts/$advertId"
                params={{ orgId, advertId: a.advert.id }}
                hash="interview-times"
                className="govuk-link"
              >
                Add interview times
              </Link>
            </strong>
          </div>
        ) : (
          <p className="govuk-body">We email {a.name} to book one of the job's interview times.</p>
        ))}
      {stage === "started" && (
        <>
          <p className="govuk-body">
            Starting them adds a staff record for them, closes the advert as filled and closes the vacancy.
          </p>
          <DateField name="start.startDate" legend="Start date" hint="Their first day: today or earlier" />
          <SelectField name="start.workplaceId" label="Workplace" choices={workplaces} />
          <SelectField
            name="start.contract"
            label="Contract"
            options={asNumber()}
            choices={[
              { value: "1", label: "Permanent" },
              { value: "2", label: "Temporary" },
              { value: "3", label: "Bank or pool" },
              { value: "6", label: "Other" },
            ]}
          />
          <TextField
            name="start.hoursPerWeek"
            label="Contracted hours a week (optional)"
            inputMode="decimal"
            width="govuk-input--width-10"
            options={asNumber(null)}
          />
          <TextField
            name="start.niNumber"
            label="National Insurance number (optional)"
            hint={`It links their records across employers, as every staff record does. For example, ${NI_NUMBER_EXAMPLE}`}
            width="govuk-input--width-10"
            spellCheck={false}
          />
          {a.checklist && !a.checklist.complete && (
            <CheckboxField
              name="overrideChecks"
              label="They start before every pre-employment check is complete"
              hint="For example on a DBS Adult First result, supervised. This is recorded."
            />
          )}
        </>
      )}
      <Button disabled={move.isPending}>Move</Button>
    </Form>
  );
}

/** One assessor's scores: a 1 to 5 against the rubric for each of the job's values, with evidence. */
function ScoresForm({ orgId, a }: { orgId: string; a: ApplicationDetail }) {
  const queryClient = useQueryClient();
  const schema = z.object({
    scores: z.array(
      z.object({
        value: z.string(),
        score: z
          .string()
          .optional()
          .transform((v) => (v ? Number(v) : null)),
        evidence: z.string().trim().max(2000, "The evidence must be 2,000 characters or fewer"),
      }),
    ),
  });
  const form = useSchemaForm(schema, { scores: a.values.map((value) => ({ value, score: "", evidence: "" })) });
  const save = useMutation({
    mutationFn: (v: z.output<typeof schema>) =>
      recruitmentApi.addScores(orgId, a.id, {
        scores: v.scores
          .filter((s) => s.score !== null)
          .map((s) => ({ value: s.value, score: s.score as number, evidence: s.evidence })),
      }),
    onSuccess: () => {
      form.reset();
      queryClient.invalidateQueries({ queryKey: recruitmentKeys.application(orgId, a.id) });
    },
  });
  if (!a.values.length) return null;
  const rubric = Object.entries(a.rubric).map(([value, text]) => ({ value, label: `${value}: ${text}` }));
  return (
    <Form form={form} onSubmit={(v) => save.mutate(v)} error={save.error}>
      <h2 className="govuk-heading-m">Score the values</h2>
      <p className="govuk-body">Score what you saw against each value. Leave a value blank if you did not assess it.</p>
      {a.values.map((value, i) => (
        <div key={value}>
          <RadiosField
            name={`scores.${i}.score`}
            id={`score-${i}`}
            legend={sectorValueLabel(value)}
            small
            choices={rubric}
          />
          <TextAreaField
            name={`scores.${i}.evidence`}
            id={`evidence-${i}`}
            label={`Evidence for ${sectorValueLabel(value)}`}
            rows={2}
          />
        </div>
      ))}
      <Button disabled={save.isPending}>Save scores</Button>
    </Form>
  );
}

function NoteForm({ orgId, id }: { orgId: string; id: string }) {
  const queryClient = useQueryClient();
  const form = useSchemaForm(noteInput, { body: "" });
  const save = useMutation({
    mutationFn: (v: z.output<typeof noteInput>) => recruitmentApi.addNote(orgId, id, v),
    onSuccess: () => {
      form.reset();
      queryClient.invalidateQueries({ queryKey: recruitmentKeys.application(orgId, id) });
    },
  });
  return (
    <Form form={form} onSubmit={(v) => save.mutate(v)} error={save.error}>
      <TextAreaField name="body" id="note" label="Add a note" rows={3} />
      <Button secondary disabled={save.isPending}>
        Add note
      </Button>
    </Form>
  );
}

const profileLabels: Record<string, string> = {
  experience: "Experience",
  qualifications: "Qualifications",
  rightToWork: "Right to work",
  drivingLicence: "Driving licence",
  availability: "Availability",
  postcode: "Postcode",
  preferredRoles: "Roles they are looking for",
};
const RIGHT_TO_WORK_WORDS: Record<string, string> = {
  yes: "Yes",
  needs_sponsorship: "Needs visa sponsorship",
  not_sure: "Not sure",
};
const shown = (v: unknown) =>
  Array.isArray(v) ? v.join(", ") || "—" : typeof v === "boolean" ? (v ? "Yes" : "No") : String(v ?? "—") || "—";

export function ApplicationPage(): React.ReactNode {
  const { orgId, applicationId } = appRoute.useParams();
  const org = useOrg(orgId);
  const res = useQuery(recruitmentQueries.application(orgId, applicationId));
  if (!org.data || res.isPending) return <p className="govuk-body">Loading…</p>;
  if (res.isError) return <Page title="Application not found">{res.error.message}</Page>;
  const a = res.data.application;
  const perms = org.data.permissions;
  const canManage = perms.includes("recruitment.manage");
  return (
    <Page title={a.name} caption={`${a.advert.title}: ${label(a.stage)}`}>
      <RecruitmentLinks orgId={orgId} />
      {a.candidateDeleted && (
        <p className="govuk-inset-text">
          The candidate deleted their account. You keep this record under your own retention.
        </p>
      )}
      <SummaryList
        rows={[
          [
            "Stage",
            `${label(a.stage)}${a.rejectionReason ? `: ${REJECTION_REASONS[a.rejectionReason as keyof typeof REJECTION_REASONS] ?? a.rejectionReason}` : ""}`,
          ],
          ["Email", a.email],
          ["Phone", a.phone || "—"],
          ["Applied", longDate(a.submittedAt)],
          ["Came through", SOURCE_LABELS[a.source as keyof typeof SOURCE_LABELS] ?? a.source],
          ...(a.interview
            ? [
                [
                  "Interview",
                  `${longDateTime(a.interview.startsAt)}, ${a.interview.place || "place to be confirmed"}`,
                ] as [string, string],
              ]
            : []),
          ...(a.startedOn ? [["Started", longDate(a.startedOn)] as [string, string]] : []),
          ...Object.entries(a.profile)
            .filter(([k]) => k in profileLabels)
            .map(
              ([k, v]) =>
                [profileLabels[k], k === "rightToWork" ? (RIGHT_TO_WORK_WORDS[String(v)] ?? shown(v)) : shown(v)] as [
                  string,
                  string,
                ],
            ),
        ]}
      />
      <h2 className="govuk-heading-m">Answers</h2>
      {a.answers.length === 0 && <p className="govuk-body">No questions were asked.</p>}
      {a.answers.map((x) => (
        <div key={`${x.questionId}-${x.question}`}>
          <h3 className="govuk-heading-s">
            {x.question} <span className="govuk-caption-m">{sectorValueLabel(x.value)}</span>
          </h3>
          <p className="govuk-body app-pre-line">{x.answer}</p>
        </div>
      ))}
      {/* Keyed by the stage, so after a move the form starts again from the next stage. */}
      {canManage && <MoveForm key={a.stage} orgId={orgId} a={a} />}
      {a.checklist && (
        <>
          <h2 className="govuk-heading-m">Pre-employment checks</h2>
          <ul className="govuk-list">
            {a.checklist.items.map((i) => (
              <li key={i.item}>
                <strong className={`govuk-tag ${i.done ? "govuk-tag--green" : "govuk-tag--grey"}`}>
                  {i.done ? "Done" : "Missing"}
                </strong>{" "}
                {i.done ? CHECK_LABELS[i.item as CheckItem] : i.missing}
                {i.reliedOn && ` (relied on ${i.reliedOn}'s check)`}
              </li>
            ))}
          </ul>
          {perms.includes("recruitment.checks") && (
            <Link
              className="govuk-link"
              to="/orgs/$orgId/recruitment/applications/$applicationId/checks"
              params={{ orgId, applicationId }}
            >
              Record checks
            </Link>
          )}
        </>
      )}
      <h2 className="govuk-heading-m govuk-!-margin-top-6">Values scores</h2>
      {a.totals.length ? (
        <Table
          caption="Scores so far"
          rows={a.totals}
          rowKey={(t) => t.value}
          columns={[
            { header: "Value", cell: (t) => sectorValueLabel(t.value) },
            { header: "Total", numeric: true, cell: (t) => t.total },
            { header: "Average", numeric: true, cell: (t) => t.average },
            { header: "Assessors", numeric: true, cell: (t) => t.assessors },
          ]}
        />
      ) : (
        <p className="govuk-body">No scores yet.</p>
      )}
      {a.scores.length > 0 && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Each score with its evidence</span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list">
              {a.scores.map((s) => (
                <li key={s.id}>
                  {sectorValueLabel(s.value)}: {s.score} ({a.rubric[String(s.score)]}), by{" "}
                  {s.assessor ?? "a former user"}
                  {s.evidence && `. ${s.evidence}`}
                </li>
              ))}
            </ul>
          </div>
        </details>
      )}
      {canManage && <ScoresForm orgId={orgId} a={a} />}
      <h2 className="govuk-heading-m">Notes</h2>
      {a.notes.map((n) => (
        <div key={n.id} className="govuk-inset-text">
          <p className="govuk-body app-pre-line">{n.body}</p>
          <p className="govuk-body-s govuk-!-margin-bottom-0">
            {n.author ?? "A former user"}, {longDateTime(n.createdAt)}
          </p>
        </div>
      ))}
      {canManage && <NoteForm orgId={orgId} id={a.id} />}
      <h2 className="govuk-heading-m">History</h2>
      <ol className="govuk-list govuk-list--number">
        {a.history.map((h) => (
          <li key={`${h.at}-${h.toStage}`}>
            {longDateTime(h.at)}: {h.fromStage ? `${label(h.fromStage)} to ` : ""}
            {label(h.toStage)}
            {h.by && `, by ${h.by}`}
            {h.reason && ` (${REJECTION_REASONS[h.reason as keyof typeof REJECTION_REASONS] ?? h.reason})`}
          </li>
        ))}
      </ol>
    </Page>
  );
}
