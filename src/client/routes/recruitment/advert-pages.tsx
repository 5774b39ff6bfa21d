import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { z } from "zod";
import { advertHoursText } from "../../../shared/advert-text";
import { dateFromParts, datePartsOf } from "../../../shared/date-input";
import { londonInstant, longDate, longDateTime } from "../../../shared/dates";
import {
  CONTRACT_LABELS,
  CONTRACT_TYPES,
  PAY_AGE_BAND_LABELS,
  PAY_AGE_BANDS,
  STAGE_LABELS,
} from "../../../shared/recruitment";
import { createAdvertInput, slotInput } from "../../../shared/schemas/recruitment";
import {
  asNumber,
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
import { Table } from "../../components/Table";
import { useOrg, useOrgId } from "../../lib/org";
import { type AdvertView, recruitmentApi, recruitmentKeys, recruitmentQueries } from "../../queries/recruitment";
import { vacancyQueries } from "../../queries/vacancies";
import {
  CheckboxesField,
  CheckboxField,
  CLOSED_REASONS,
  payText,
  pounds,
  RecruitmentLinks,
  StatusTag,
  SummaryList,
} from "./common";

// An employer's job adverts (issue 17 item 1): the list with applications by stage, a new advert
// from an open vacancy, editing, publishing, closing, and the interview times it offers.

const total = (counts: Record<string, number>) => Object.values(counts).reduce((s, n) => s + n, 0);

export function AdvertsPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const adverts = useQuery(recruitmentQueries.adverts(orgId));
  if (!org.data || adverts.isPending) return <p className="govuk-body">Loading…</p>;
  if (adverts.isError) return <Page title="Job adverts">{adverts.error.message}</Page>;
  const canManage = org.data.permissions.includes("recruitment.manage");
  return (
    <Page title="Job adverts" caption={org.data.name}>
      <RecruitmentLinks orgId={orgId} />
      <p className="govuk-body">
        Adverts go on the job board of the council that commissions you. Each is made from an open vacancy, and closes
        when someone starts or at its closing date.
      </p>
      {canManage && (
        <Link className="govuk-button" to="/orgs/$orgId/recruitment/adverts/new" params={{ orgId }}>
          Advertise a vacancy
        </Link>
      )}
      {adverts.data.adverts.length === 0 ? (
        <p className="govuk-body">You have no job adverts yet.</p>
      ) : (
        <Table
          caption={`Your adverts (${adverts.data.adverts.length})`}
          rows={adverts.data.adverts}
          rowKey={(a) => a.id}
          columns={[
            {
              header: "Job",
              cell: (a) => (
                <Link
                  className="govuk-link"
                  to="/orgs/$orgId/recruitment/adverts/$advertId"
                  params={{ orgId, advertId: a.id }}
                >
                  {a.title}
                </Link>
              ),
            },
            { header: "Workplace", cell: (a) => a.workplace.name },
            {
              header: "Status",
              cell: (a) => (
                <>
                  <StatusTag status={a.status} />
                  {a.closedReason && <span className="govuk-body-s"> ({CLOSED_REASONS[a.closedReason]})</span>}
                </>
              ),
            },
            { header: "Closes", cell: (a) => longDate(a.closingDate), sortValue: (a) => a.closingDate },
            {
              header: "Applications",
              numeric: true,
              sortValue: (a) => total(a.counts),
              cell: (a) => (
                <Link
                  className="govuk-link"
                  to="/orgs/$orgId/recruitment/applications"
                  params={{ orgId }}
                  search={{ advertId: a.id }}
                >
                  {total(a.counts)}
                  <span className="govuk-visually-hidden"> applications for {a.title}</span>
                </Link>
              ),
            },
          ]}
        />
      )}
    </Page>
  );
}

/** The advert's fields as the form holds them: the closing date in GOV.UK date boxes. */
const advertForm = createAdvertInput.extend({
  vacancyId: z.string(),
  closingDate: dateFromParts("Closing date"),
  frameworkRoleKey: z
    .string()
    .nullable()
    .transform((v) => v || null),
});
type AdvertFormValues = z.input<typeof advertForm>;

const defaults = (a?: AdvertView, vacancyId = ""): AdvertFormValues => ({
  vacancyId,
  frameworkRoleKey: a?.frameworkRoleKey ?? "",
  title: a?.title ?? "",
  reference: a?.reference ?? "",
  summary: a?.summary ?? "",
  description: a?.description ?? "",
  payUnit: a?.payUnit ?? "hour",
  payMin: a?.payMin as number,
  payMax: a?.payMax ?? null,
  payAgeBand: a?.payAgeBand ?? "21_plus",
  hoursPerWeek: a?.hoursPerWeek ?? null,
  zeroHours: a?.zeroHours ?? false,
  contractType: a?.contractType ?? "permanent",
  shiftPattern: a?.shiftPattern ?? "",
  drivingRequired: a?.drivingRequired ?? false,
  visaSponsorship: a?.visaSponsorship ?? false,
  noExperienceNeeded: a?.noExperienceNeeded ?? false,
  offers: a?.offers ?? "",
  values: a?.values ?? [],
  closingDate: datePartsOf(a?.closingDate ?? ""),
  questions: a?.questions.map((q) => ({ value: q.value, question: q.question, guidance: q.guidance })) ?? [],
});

/** The legal minimum and the Real Living Wage against the pay typed, as the server will check it. */
function PayGuide({ orgId }: { orgId: string }) {
  const { control } = useFormContext<AdvertFormValues>();
  const [band, unit, min, hours, zero] = useWatch({
    control,
    name: ["payAgeBand", "payUnit", "payMin", "hoursPerWeek", "zeroHours"],
  });
  const guide = useQuery(recruitmentQueries.payGuide(orgId, band ?? "21_plus"));
  if (!guide.data?.legalMinimum) return null;
  const { legalMinimum: nlw, realLivingWage: rlw } = guide.data;
  const hourly =
    typeof min === "number" ? (unit === "hour" ? min : !zero && hours ? min / (hours * (365 / 7)) : null) : null;
  return (
    <div className="govuk-inset-text" aria-live="polite">
      <p className="govuk-body">
        The legal minimum for {nlw.who} is <strong>{pounds(nlw.hourly)} an hour</strong> (from {longDate(nlw.from)}).
        {rlw && (
          <>
            {" "}
            The Real Living Wage is <strong>{pounds(rlw.hourly)} an hour</strong>.
          </>
        )}
      </p>
      {hourly !== null && (
        <p className="govuk-body govuk-!-margin-bottom-0">
          Your pay is about {pounds(Math.floor(hourly * 100) / 100)} an hour:{" "}
          {hourly < nlw.hourly
            ? "below the legal minimum, so the advert cannot be published."
            : rlw && hourly < rlw.hourly
              ? "above the legal minimum, below the Real Living Wage."
              : "at or above the Real Living Wage."}
        </p>
      )}
    </div>
  );
}

function QuestionsFields({ values }: { values: string[] }) {
  const { control } = useFormContext<AdvertFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "questions" });
  return (
    <>
      <h2 className="govuk-heading-m">Your own values questions</h2>
      <p className="govuk-body">Candidates answer these as well as the council's questions.</p>
      {fields.map((f, i) => (
        <div key={f.id} className="govuk-!-margin-bottom-6">
          <SelectField
            name={`questions.${i}.value`}
            label={`Question ${i + 1}: the value it tests`}
            choices={[{ value: "", label: "Choose a value" }, ...values.map((v) => ({ value: v, label: v }))]}
          />
          <TextAreaField name={`questions.${i}.question`} label={`Question ${i + 1}`} rows={2} />
          <TextAreaField name={`questions.${i}.guidance`} label="What a good answer shows" rows={2} />
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => remove(i)}>
            Remove question {i + 1}
          </button>
        </div>
      ))}
      {fields.length < 10 && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => append({ value: values[0] ?? "", question: "", guidance: "" })}
        >
          Add a question
        </button>
      )}
    </>
  );
}

function AdvertForm({
  orgId,
  advert,
  vacancyId,
  onSaved,
}: {
  orgId: string;
  advert?: AdvertView;
  vacancyId?: string;
  onSaved: (a: AdvertView) => void;
}) {
  const form = useSchemaForm(advertForm, defaults(advert, vacancyId));
  const guide = useQuery(recruitmentQueries.payGuide(orgId, "21_plus"));
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: ({ vacancyId: v, ...body }: z.output<typeof advertForm>) =>
      advert
        ? recruitmentApi.updateAdvert(orgId, advert.id, body)
        : recruitmentApi.createAdvert(orgId, { ...body, vacancyId: v }),
    onSuccess: (res) => {
      queryClient.invalidateQueries({ queryKey: recruitmentKeys.all(orgId) });
      onSaved(res.advert);
    },
  });
  const chosen = useWatch({ control: form.control, name: "values" }) ?? [];
  const roleKey = useWatch({ control: form.control, name: "frameworkRoleKey" });
  // The chosen framework role's values (and any already ticked), or every value of the framework.
  const role = guide.data?.roles.find((r) => r.key === roleKey);
  const values = role ? [...new Set([...role.values, ...chosen])] : (guide.data?.values ?? []);
  return (
    <Form form={form} onSubmit={(v) => save.mutate(v)} error={save.error}>
      <TextField name="title" label="Job title" hint="For example, Care worker (days)" />
      <SelectField
        name="frameworkRoleKey"
        label="Role in the council's career framework (optional)"
        choices={[
          { value: "", label: "Not mapped" },
          ...(guide.data?.roles ?? []).map((r) => ({ value: r.key, label: r.title })),
        ]}
      />
      <TextField name="reference" label="Your reference (optional)" width="govuk-input--width-20" />
      <TextAreaField name="summary" label="Summary" hint="One or two sentences for the list of jobs" rows={2} />
      <TextAreaField
        name="description"
        label="Description"
        hint="Blank lines separate paragraphs; start a line with - for a list"
        rows={8}
      />
      <h2 className="govuk-heading-m">Pay and hours</h2>
      <RadiosField
        name="payUnit"
        legend="Pay is"
        small
        choices={[
          { value: "hour", label: "An hourly rate" },
          { value: "year", label: "A yearly salary" },
        ]}
      />
      <TextField
        name="payMin"
        label="Pay, in pounds"
        inputMode="decimal"
        width="govuk-input--width-10"
        options={asNumber()}
      />
      <TextField
        name="payMax"
        label="Highest pay, if it is a range (optional)"
        inputMode="decimal"
        width="govuk-input--width-10"
        options={asNumber(null)}
      />
      <SelectField
        name="payAgeBand"
        label="Who the pay is for"
        hint="The pay is checked against the legal minimum for this group"
        choices={PAY_AGE_BANDS.map((b) => ({ value: b, label: PAY_AGE_BAND_LABELS[b] }))}
      />
      <PayGuide orgId={orgId} />
      <CheckboxField name="zeroHours" label="Zero hours" hint="No guaranteed hours: we say so plainly on the advert" />
      <TextField
        name="hoursPerWeek"
        label="Hours a week"
        hint="Leave empty for zero hours"
        inputMode="decimal"
        width="govuk-input--width-10"
        options={asNumber(null)}
      />
      <SelectField
        name="contractType"
        label="Contract"
        choices={CONTRACT_TYPES.map((c) => ({ value: c, label: CONTRACT_LABELS[c] }))}
      />
      <TextField name="shiftPattern" label="Shift pattern" hint="For example, days, alternate weekends" />
      <CheckboxField name="drivingRequired" label="A driving licence and car are needed" />
      <CheckboxField name="visaSponsorship" label="We can sponsor a Health and Care Worker visa" />
      <CheckboxField name="noExperienceNeeded" label="No experience needed: we train you" />
      <TextAreaField
        name="offers"
        label="What you offer"
        hint={
          role?.onward.length
            ? `Training, progression, benefits. In the framework, ${role.title} leads to ${role.onward.join(", ")}.`
            : "Training, progression, benefits"
        }
        rows={4}
      />
      <CheckboxesField
        name="values"
        legend="The values the role needs"
        hint={role ? `The values the framework gives ${role.title}` : undefined}
        choices={values.map((v) => ({ value: v, label: v }))}
      />
      <QuestionsFields values={chosen} />
      <DateField name="closingDate" legend="Closing date" hint="For example, 31 7 2026" />
      <Button disabled={save.isPending}>{advert ? "Save changes" : "Save as draft"}</Button>
    </Form>
  );
}

const newRoute = getRouteApi("/orgs/$orgId/recruitment/adverts/new");

export function NewAdvertPage(): React.ReactNode {
  const orgId = useOrgId();
  const { vacancyId } = newRoute.useSearch();
  const navigate = useNavigate();
  const vacancies = useQuery(vacancyQueries.vacancies(orgId));
  const adverts = useQuery(recruitmentQueries.adverts(orgId));
  if (vacancies.isPending || adverts.isPending) return <p className="govuk-body">Loading…</p>;
  const advertised = new Set(adverts.data?.adverts.map((a) => a.vacancyId));
  const open = (vacancies.data?.vacancies ?? []).filter((v) => !advertised.has(v.id));
  const vacancy = open.find((v) => v.id === vacancyId);
  if (!vacancy)
    return (
      <Page title="Advertise a vacancy">
        {open.length === 0 ? (
          <p className="govuk-body">
            Every open vacancy has an advert.{" "}
            <Link className="govuk-link" to="/orgs/$orgId/vacancies" params={{ orgId }}>
              Open a vacancy
            </Link>{" "}
            first.
          </p>
        ) : (
          <>
            <p className="govuk-body">Choose the vacancy to advertise.</p>
            <ul className="govuk-list">
              {open.map((v) => (
                <li key={v.id}>
                  <Link
                    className="govuk-link"
                    to="/orgs/$orgId/recruitment/adverts/new"
                    params={{ orgId }}
                    search={{ vacancyId: v.id }}
                  >
                    {v.role.label} at {v.workplace.name}, open since {longDate(v.openedOn)}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </Page>
    );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Page title="New job advert" caption={`${vacancy.role.label} at ${vacancy.workplace.name}`}>
          <AdvertForm
            orgId={orgId}
            vacancyId={vacancy.id}
            onSaved={(a) =>
              navigate({ to: "/orgs/$orgId/recruitment/adverts/$advertId", params: { orgId, advertId: a.id } })
            }
          />
        </Page>
      </div>
    </div>
  );
}

const editRoute = getRouteApi("/orgs/$orgId/recruitment/adverts/$advertId/edit");

export function EditAdvertPage(): React.ReactNode {
  const { orgId, advertId } = editRoute.useParams();
  const navigate = useNavigate();
  const advert = useQuery(recruitmentQueries.advert(orgId, advertId));
  if (advert.isPending) return <p className="govuk-body">Loading…</p>;
  if (advert.isError) return <Page title="Advert not found">{advert.error.message}</Page>;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Page title={`Edit ${advert.data.advert.title}`} caption={advert.data.advert.workplace.name}>
          <AdvertForm
            orgId={orgId}
            advert={advert.data.advert}
            onSaved={() => navigate({ to: "/orgs/$orgId/recruitment/adverts/$advertId", params: { orgId, advertId } })}
          />
        </Page>
      </div>
    </div>
  );
}

const advertRoute = getRouteApi("/orgs/$orgId/recruitment/adverts/$advertId");

export function AdvertPage(): React.ReactNode {
  const { orgId, advertId } = advertRoute.useParams();
  const org = useOrg(orgId);
  const queryClient = useQueryClient();
  const advert = useQuery(recruitmentQueries.advert(orgId, advertId));
  const [done, setDone] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: (action: "publish" | "close") =>
      action === "publish" ? recruitmentApi.publish(orgId, advertId) : recruitmentApi.close(orgId, advertId),
    onSuccess: (res) => {
      setDone(res.advert.status === "published" ? "The advert is on the job board." : "The advert is closed.");
      queryClient.invalidateQueries({ queryKey: recruitmentKeys.all(orgId) });
    },
  });
  if (!org.data || advert.isPending) return <p className="govuk-body">Loading…</p>;
  if (advert.isError) return <Page title="Advert not found">{advert.error.message}</Page>;
  const a = advert.data.advert;
  const canManage = org.data.permissions.includes("recruitment.manage");
  return (
    <Page title={a.title} caption={`${a.workplace.name}, ${a.jobRole.label}`}>
      <RecruitmentLinks orgId={orgId} />
      {done && <SuccessBanner title={done} />}
      <ErrorSummary error={act.error} />
      {(a.status === "refused" || a.status === "draft") && a.moderationNote && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {a.board.name} took this advert off the job board: {a.moderationNote}{" "}
            {a.status === "refused"
              ? "Change the advert to deal with it, then publish it again."
              : "You have changed the advert since: publish it again when it deals with this."}
          </strong>
        </div>
      )}
      <SummaryList
        rows={[
          ["Status", <StatusTag key="s" status={a.status} />],
          ["Job board", a.board.name],
          ["Pay", payText(a)],
          ["Hours", advertHoursText(a)],
          ["Closing date", longDate(a.closingDate)],
          [
            "Applications",
            Object.entries(a.counts)
              .map(([s, n]) => `${STAGE_LABELS[s as keyof typeof STAGE_LABELS] ?? s}: ${n}`)
              .join(", ") || "None yet",
          ],
        ]}
      />
      {canManage && (
        <div className="govuk-button-group">
          {a.closedReason !== "filled" && (
            <Link
              className="govuk-button govuk-button--secondary"
              to="/orgs/$orgId/recruitment/adverts/$advertId/edit"
              params={{ orgId, advertId }}
            >
              Edit
            </Link>
          )}
          {a.status !== "published" && a.status !== "refused" && a.closedReason !== "filled" && (
            <Button type="button" onClick={() => act.mutate("publish")} disabled={act.isPending}>
              Publish on the job board
            </Button>
          )}
          {a.status !== "closed" && (
            <Button type="button" warning onClick={() => act.mutate("close")} disabled={act.isPending}>
              Close the advert
            </Button>
          )}
        </div>
      )}
      <Link className="govuk-link" to="/orgs/$orgId/recruitment/applications" params={{ orgId }} search={{ advertId }}>
        See the applications
      </Link>
      <Slots orgId={orgId} advertId={advertId} canManage={canManage} />
    </Page>
  );
}

/** An interview time typed as a day and two times of day (UK time), sent as the API's instants. */
const slotForm = z
  .object({
    day: dateFromParts("Date of the interview"),
    from: z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, "Enter the start time like 14:30"),
    to: z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, "Enter the end time like 15:00"),
    place: slotInput.shape.place,
  })
  // UK wall-clock times, whatever the time zone of the computer the employer types on (an
  // interview at 10:00 in Runcorn is 10:00 there, in summer time or not).
  .transform((v) => ({
    startsAt: londonInstant(v.day, v.from.padStart(5, "0")),
    endsAt: londonInstant(v.day, v.to.padStart(5, "0")),
    place: v.place,
  }));

function Slots({ orgId, advertId, canManage }: { orgId: string; advertId: string; canManage: boolean }) {
  const queryClient = useQueryClient();
  const slots = useQuery(recruitmentQueries.slots(orgId, advertId));
  const form = useSchemaForm(slotForm, { day: datePartsOf(""), from: "", to: "", place: "" });
  const refresh = () => queryClient.invalidateQueries({ queryKey: recruitmentQueries.slots(orgId, advertId).queryKey });
  const add = useMutation({
    mutationFn: (body: z.output<typeof slotForm>) => recruitmentApi.addSlot(orgId, advertId, body),
    onSuccess: () => {
      form.reset();
      refresh();
    },
  });
  const remove = useMutation({ mutationFn: (id: string) => recruitmentApi.removeSlot(orgId, id), onSuccess: refresh });
  useEffect(() => {
    if (add.isSuccess) form.setFocus("from");
  }, [add.isSuccess, form]);
  return (
    <>
      <h2 className="govuk-heading-l govuk-!-margin-top-8" id="interview-times">
        Interview times
      </h2>
      <p className="govuk-body">
        When you move an application to Interview, the candidate is asked to book one of these times.
      </p>
      <ErrorSummary error={remove.error} />
      {slots.data && slots.data.slots.length > 0 ? (
        <Table
          caption="Times offered"
          rows={slots.data.slots}
          rowKey={(s) => s.id}
          columns={[
            { header: "When", cell: (s) => longDateTime(s.startsAt) },
            { header: "Where", cell: (s) => s.place || "—" },
            { header: "Booked by", cell: (s) => s.booked?.name ?? "Free" },
            canManage && {
              header: "Actions",
              hiddenHeader: true,
              cell: (s) =>
                s.booked ? null : (
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    onClick={() => remove.mutate(s.id)}
                  >
                    Remove<span className="govuk-visually-hidden"> the time {longDateTime(s.startsAt)}</span>
                  </button>
                ),
            },
          ]}
        />
      ) : (
        <p className="govuk-body">No interview times yet.</p>
      )}
      {canManage && (
        <Form form={form} onSubmit={(v) => add.mutate(v)} error={add.error}>
          <h3 className="govuk-heading-m">Add a time</h3>
          <DateField name="day" legend="Date" hint="For example, 20 6 2026" />
          <TextField name="from" label="Starts at" hint="For example, 14:30" width="govuk-input--width-10" />
          <TextField name="to" label="Ends at" width="govuk-input--width-10" />
          <TextField name="place" label="Where (optional)" hint="An address, or 'By phone'" />
          <Button secondary disabled={add.isPending}>
            Add the time
          </Button>
        </Form>
      )}
    </>
  );
}
