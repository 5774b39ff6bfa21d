import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { z } from "zod";
import { longDate, longDateTime, longDateTimeRange } from "../../../shared/dates";
import { POOL_VISIBILITY, type PoolVisibility, RIGHT_TO_WORK } from "../../../shared/recruitment";
import { candidateProfileInput, deleteAccountInput } from "../../../shared/schemas/candidate";
import { Fieldset } from "../../components/Fieldset";
import {
  Button,
  ErrorSummary,
  Form,
  fieldErrors,
  RadiosField,
  SuccessBanner,
  TextAreaField,
  TextField,
  useSchemaForm,
} from "../../components/forms";
import { Page } from "../../components/Page";
import { jobToApply } from "../../lib/apply-next";
import { setFlash, useFlash } from "../../lib/flash";
import { useOrgId } from "../../lib/org";
import { authKeys } from "../../queries/auth";
import { type CandidateProfileResponse, candidateApi, candidateKeys, candidateQueries } from "../../queries/candidate";
import { CheckboxesField, CheckboxField } from "../recruitment/common";
import { CandidateNav, Checkboxes, RIGHT_TO_WORK_LABELS } from "./parts";

// A candidate's own pages (issue 17 items 3 and 4), under the council whose job board they use:
// applications (status, withdraw, book an interview), the profile, the talent pool, invitations
// and deleting the account.

function Loading({ error }: { error: unknown }) {
  return <p className="govuk-body">{error instanceof Error ? error.message : "Loading…"}</p>;
}

export function CandidateApplicationsPage(): React.ReactNode {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  const flash = useFlash(`/orgs/${orgId}/candidate/applications`);
  const list = useQuery(candidateQueries.applications(orgId));
  const [done, setDone] = useState<string | null>(flash);
  const withdraw = useMutation({
    mutationFn: (id: string) => candidateApi.withdraw(orgId, id),
    onSuccess: (res) => {
      setDone(`You withdrew your application for ${res.application.advert.title}.`);
      queryClient.invalidateQueries({ queryKey: candidateKeys.applications(orgId) });
    },
  });
  return (
    <Page title="My applications">
      <CandidateNav orgId={orgId} current="/orgs/$orgId/candidate/applications" />
      {done && <SuccessBanner title={done} />}
      <ErrorSummary error={withdraw.error} />
      {!list.data ? (
        <Loading error={list.error} />
      ) : list.data.applications.length === 0 ? (
        <p className="govuk-body">
          You have not applied for any jobs yet.{" "}
          <Link className="govuk-link" to="/jobs">
            Search for care jobs
          </Link>
          .
        </p>
      ) : (
        list.data.applications.map((a) => (
          <div key={a.id} className="govuk-summary-card">
            <div className="govuk-summary-card__title-wrapper">
              <h2 className="govuk-summary-card__title">
                {a.advert.title}, {a.advert.employer}
              </h2>
            </div>
            <div className="govuk-summary-card__content">
              <dl className="govuk-summary-list">
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Status</dt>
                  <dd className="govuk-summary-list__value">
                    <strong className="govuk-tag govuk-tag--grey">{a.status}</strong>
                    {a.reason && <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">{a.reason}</p>}
                  </dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Sent</dt>
                  <dd className="govuk-summary-list__value">{longDate(a.submittedAt)}</dd>
                </div>
                {a.interview && (
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Interview</dt>
                    <dd className="govuk-summary-list__value">
                      {longDateTimeRange(a.interview.startsAt, a.interview.endsAt)}
                      {a.interview.place && `, ${a.interview.place}`}
                    </dd>
                  </div>
                )}
              </dl>
              <div className="govuk-button-group">
                {a.canBook && (
                  <Link
                    className="govuk-link"
                    to="/orgs/$orgId/candidate/applications/$applicationId/interview"
                    params={{ orgId, applicationId: a.id }}
                  >
                    {a.interview ? "Change or cancel your interview" : "Book an interview"}
                  </Link>
                )}
                {a.canWithdraw && (
                  <Button secondary type="button" disabled={withdraw.isPending} onClick={() => withdraw.mutate(a.id)}>
                    Withdraw<span className="govuk-visually-hidden"> your application for {a.advert.title}</span>
                  </Button>
                )}
              </div>
            </div>
          </div>
        ))
      )}
    </Page>
  );
}

const bookingRoute = getRouteApi("/orgs/$orgId/candidate/applications/$applicationId/interview");

export function CandidateBookingPage(): React.ReactNode {
  const orgId = useOrgId();
  const { applicationId } = bookingRoute.useParams();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const slots = useQuery(candidateQueries.slots(orgId, applicationId));
  const [slotId, setSlotId] = useState("");
  const back = `/orgs/${orgId}/candidate/applications`;
  const refresh = () => queryClient.invalidateQueries({ queryKey: candidateKeys.applications(orgId) });
  const book = useMutation({
    mutationFn: () => candidateApi.book(orgId, applicationId, slotId),
    onSuccess: async () => {
      await refresh();
      const slot = slots.data?.slots.find((s) => s.id === slotId);
      setFlash(
        back,
        slot
          ? `Your interview is booked for ${longDateTimeRange(slot.startsAt, slot.endsAt)}. We have emailed you a calendar file for it.`
          : "Your interview is booked. We have emailed you a calendar file for it.",
      );
      navigate({ to: back });
    },
    onError: () => refresh(),
  });
  const cancel = useMutation({
    mutationFn: () => candidateApi.cancelBooking(orgId, applicationId),
    onSuccess: async () => {
      await refresh();
      setFlash(back, "Your interview is cancelled. Book another time when you are ready.");
      navigate({ to: back });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    book.mutate();
  };
  return (
    <Page title="Book an interview">
      <Link className="govuk-back-link" to={back}>
        Back to your applications
      </Link>
      <ErrorSummary error={book.error ?? cancel.error} fields={{ slotId: "slot" }} />
      {!slots.data ? (
        <Loading error={slots.error} />
      ) : (
        <>
          {slots.data.booked && (
            <div className="govuk-inset-text">
              Your interview is booked for {longDateTimeRange(slots.data.booked.startsAt, slots.data.booked.endsAt)}
              {slots.data.booked.place && ` at ${slots.data.booked.place}`}.{" "}
              <Button secondary type="button" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
                Cancel this interview
              </Button>
            </div>
          )}
          {slots.data.slots.length === 0 ? (
            <p className="govuk-body">There are no free times at the moment. The employer will offer more.</p>
          ) : (
            <form noValidate onSubmit={submit}>
              <Fieldset
                id="slot"
                legend={slots.data.booked ? "Choose a different time" : "Choose a time"}
                hint="We will email you a calendar file for it."
                error={fieldErrors(book.error).slotId}
              >
                <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
                  {slots.data.slots.map((s, i) => (
                    <div className="govuk-radios__item" key={s.id}>
                      <input
                        className="govuk-radios__input"
                        id={i === 0 ? "slot" : `slot-${i}`}
                        type="radio"
                        name="slot"
                        value={s.id}
                        checked={slotId === s.id}
                        onChange={() => setSlotId(s.id)}
                      />
                      <label className="govuk-label govuk-radios__label" htmlFor={i === 0 ? "slot" : `slot-${i}`}>
                        {longDateTimeRange(s.startsAt, s.endsAt)}
                        {s.place && `, ${s.place}`}
                      </label>
                    </div>
                  ))}
                </div>
              </Fieldset>
              <Button disabled={book.isPending || !slotId}>Book this time</Button>
            </form>
          )}
        </>
      )}
    </Page>
  );
}

export function CandidateProfilePage(): React.ReactNode {
  const orgId = useOrgId();
  const flash = useFlash(`/orgs/${orgId}/candidate/profile`);
  const q = useQuery(candidateQueries.profile(orgId));
  if (!q.data)
    return (
      <Page title="My profile">
        <Loading error={q.error} />
      </Page>
    );
  return <ProfileEditor orgId={orgId} data={q.data} flash={flash} />;
}

/** The profile form: areas are typed as one line ("WA7, WA8") and read as the list the API takes. */
const profileForm = candidateProfileInput.extend({
  preferredAreas: z
    .string()
    .transform((v) =>
      v
        .split(/[,;]/)
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .pipe(candidateProfileInput.shape.preferredAreas.unwrap()),
});

function ProfileEditor({
  orgId,
  data,
  flash,
}: {
  orgId: string;
  data: CandidateProfileResponse;
  flash: string | null;
}) {
  const queryClient = useQueryClient();
  const { name, email, emailVerified, ...initial } = data.profile;
  const form = useSchemaForm(profileForm, { ...initial, preferredAreas: initial.preferredAreas.join(", ") });
  const [done, setDone] = useState<string | null>(flash);
  const [applyNext] = useState(jobToApply);
  const save = useMutation({
    mutationFn: (values: z.output<typeof profileForm>) => candidateApi.saveProfile(orgId, values),
    onSuccess: (res) => {
      queryClient.setQueryData(candidateQueries.profile(orgId).queryKey, res);
      form.reset({ ...res.profile, preferredAreas: res.profile.preferredAreas.join(", ") });
      setDone("Your profile is saved. Employers see it when you apply.");
    },
  });
  return (
    <Page title="My profile" caption={name}>
      <CandidateNav orgId={orgId} current="/orgs/$orgId/candidate/profile" />
      {done && (
        <SuccessBanner title={done}>
          {applyNext && (
            <p className="govuk-body">
              <a className="govuk-notification-banner__link" href={applyNext}>
                Go back to the job you were applying for
              </a>
            </p>
          )}
        </SuccessBanner>
      )}
      {!emailVerified && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            Confirm {email} with the link we emailed you before you apply.
          </strong>
        </div>
      )}
      <p className="govuk-body">
        You fill this in once. Each employer you apply to gets a copy with your application; employers in the talent
        pool see it only if you choose to be found.
      </p>
      <Form form={form} onSubmit={(values) => save.mutate(values)} error={save.error}>
        <TextField name="phone" label="Phone number" type="tel" autoComplete="tel" width="govuk-input--width-20" />
        <TextField
          name="postcode"
          label="Postcode"
          hint="Employers in the pool see only the first part, like WA7."
          autoComplete="postal-code"
          width="govuk-input--width-10"
        />
        <TextAreaField
          name="experience"
          label="Your experience"
          hint="Paid or unpaid work, caring for family, volunteering."
          rows={5}
        />
        <CheckboxesField
          name="qualifications"
          legend="Qualifications and training you have"
          choices={data.options.qualifications.map((o) => ({ value: o.key, label: o.title }))}
        />
        <RadiosField
          name="rightToWork"
          legend="Do you have the right to work in the UK?"
          small
          choices={RIGHT_TO_WORK.map((v) => ({ value: v, label: RIGHT_TO_WORK_LABELS[v] }))}
        />
        <CheckboxField name="drivingLicence" label="I have a full UK driving licence" />
        <TextAreaField
          name="availability"
          label="When you can work"
          hint="For example: weekdays, school hours, nights, weekends."
          rows={2}
        />
        <CheckboxesField
          name="preferredRoles"
          legend="Roles you are interested in"
          choices={data.options.roles.map((o) => ({ value: o.key, label: o.title }))}
        />
        <TextField
          name="preferredAreas"
          label="Areas you would like to work in"
          hint="The first part of postcodes, separated by commas, like WA7, WA8."
          width="govuk-input--width-20"
        />
        <Button disabled={save.isPending}>Save profile</Button>
      </Form>
      <p className="govuk-body govuk-!-margin-top-8">
        <Link className="govuk-link" to="/orgs/$orgId/candidate/delete" params={{ orgId }}>
          Delete your account
        </Link>
      </p>
    </Page>
  );
}

const VISIBILITY_LABELS: Record<PoolVisibility, { label: string; hint: string }> = {
  none: { label: "Nobody", hint: "Employers see you only when you apply to them." },
  all: { label: "All local employers", hint: "The council and every care provider it works with." },
  chosen: { label: "Only employers I choose", hint: "Choose them below." },
};

export function CandidatePoolPage(): React.ReactNode {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  const q = useQuery(candidateQueries.pool(orgId));
  const [choice, setChoice] = useState<{ visibility: PoolVisibility; employerIds: string[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: { visibility: PoolVisibility; employerIds: string[] }) => candidateApi.setPool(orgId, body),
    onSuccess: (res) => {
      queryClient.setQueryData(candidateKeys.pool(orgId), res);
      setChoice(null);
      setDone(
        res.visibility === "none"
          ? "Employers can no longer find you in the pool."
          : "Your choice is saved. It counts from now.",
      );
    },
  });
  if (!q.data)
    return (
      <Page title="Talent pool">
        <Loading error={q.error} />
      </Page>
    );
  const current = choice ?? { visibility: q.data.visibility, employerIds: q.data.employerIds };
  const errors = fieldErrors(save.error);
  return (
    <Page title="Talent pool">
      <CandidateNav orgId={orgId} current="/orgs/$orgId/candidate/pool" />
      {done && <SuccessBanner title={done} />}
      <ErrorSummary error={save.error} fields={{ employerIds: "employers", "employerIds.0": "employers" }} />
      <p className="govuk-body">
        Employers looking for staff can find people in the pool and invite them to apply. They see your first name and
        the first letter of your last name, your areas, the roles you want, your experience, qualifications,
        availability, driving and right to work. They do not see your email, phone or full postcode unless you apply to
        them.
      </p>
      {!q.data.emailVerified && (
        <p className="govuk-body">Confirm your email address first: until then nobody can find you in the pool.</p>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(current);
        }}
      >
        <Fieldset
          id="visibility"
          legend="Who can find you?"
          hint="You can change this or withdraw at any time; it counts at once."
        >
          <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
            {POOL_VISIBILITY.map((v) => (
              <div className="govuk-radios__item" key={v}>
                <input
                  className="govuk-radios__input"
                  id={`visibility-${v}`}
                  type="radio"
                  name="visibility"
                  value={v}
                  checked={current.visibility === v}
                  aria-describedby={`visibility-${v}-hint`}
                  onChange={() => setChoice({ ...current, visibility: v })}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={`visibility-${v}`}>
                  {VISIBILITY_LABELS[v].label}
                </label>
                <div id={`visibility-${v}-hint`} className="govuk-hint govuk-radios__hint">
                  {VISIBILITY_LABELS[v].hint}
                </div>
              </div>
            ))}
          </div>
        </Fieldset>
        {current.visibility === "chosen" && (
          <Checkboxes
            id="employers"
            legend="Employers who can find you"
            options={q.data.employers.map((e) => ({ value: e.id, label: e.name }))}
            chosen={current.employerIds}
            onChange={(employerIds) => setChoice({ ...current, employerIds })}
            error={errors.employerIds ?? Object.entries(errors).find(([k]) => k.startsWith("employerIds"))?.[1]}
          />
        )}
        <Button disabled={save.isPending}>Save</Button>
      </form>
      {q.data.history.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Your choices so far</h2>
          <ul className="govuk-list">
            {q.data.history.map((h) => (
              <li key={h.recordedAt}>
                {longDateTime(h.recordedAt)}: {VISIBILITY_LABELS[h.choice as PoolVisibility]?.label ?? h.choice}
                {h.choice === "chosen" && ` (${h.employers} employer${h.employers === 1 ? "" : "s"})`}
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}

export function CandidateInvitationsPage(): React.ReactNode {
  const orgId = useOrgId();
  const q = useQuery(candidateQueries.invitations(orgId));
  return (
    <Page title="Invitations to apply">
      <CandidateNav orgId={orgId} current="/orgs/$orgId/candidate/invitations" />
      {!q.data ? (
        <Loading error={q.error} />
      ) : q.data.invitations.length === 0 ? (
        <p className="govuk-body">
          No invitations yet. Employers can invite you if you{" "}
          <Link className="govuk-link" to="/orgs/$orgId/candidate/pool" params={{ orgId }}>
            choose to be in the talent pool
          </Link>
          .
        </p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {q.data.invitations.map((i) => (
            <li key={i.id}>
              <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
                {i.advert.title}, {i.employer}
              </h2>
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                Sent {longDate(i.sentAt)}.{" "}
                {i.advert.open ? `Closes ${longDate(i.advert.closingDate)}.` : "This job has closed."}
              </p>
              {i.message && (
                <p className="govuk-body" style={{ whiteSpace: "pre-line" }}>
                  {i.message}
                </p>
              )}
              {i.applied ? (
                <p className="govuk-body">You have applied.</p>
              ) : (
                i.advert.open && (
                  <Link className="govuk-link" to="/jobs/$advertId/apply" params={{ advertId: i.advert.id }}>
                    Apply for {i.advert.title}
                  </Link>
                )
              )}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

export function CandidateDeletePage(): React.ReactNode {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  const form = useSchemaForm(deleteAccountInput, { password: "" });
  const remove = useMutation({
    mutationFn: (values: z.output<typeof deleteAccountInput>) => candidateApi.deleteAccount(orgId, values),
    onSuccess: () => queryClient.resetQueries({ queryKey: authKeys.me }),
  });
  if (remove.isSuccess)
    return (
      <Page title="Your account has been deleted">
        <p className="govuk-body">You have been signed out on every device, and employers can no longer find you.</p>
      </Page>
    );
  return (
    <Page title="Delete your account">
      <CandidateNav orgId={orgId} />
      <h2 className="govuk-heading-m">What goes at once</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>your profile and your place in the talent pool: no employer can find you or invite you again</li>
        <li>your sign-in: you are signed out on every device</li>
        <li>applications still in progress are withdrawn, and booked interviews cancelled</li>
      </ul>
      <h2 className="govuk-heading-m">What employers keep</h2>
      <p className="govuk-body">
        Each employer you applied to keeps its copy of your application (your name, contact details, the profile and
        answers you sent, and what happened to it), as its own record of the decision:
      </p>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          for 6 months after its last decision if you were not taken on, withdrew, or the application was still in
          progress
        </li>
        <li>for 6 years after you started, if you were taken on (it is part of your employment record)</li>
      </ul>
      <p className="govuk-body">After that your name and details are erased from it.</p>
      <Form form={form} onSubmit={(values) => remove.mutate(values)} error={remove.error}>
        <TextField
          name="password"
          type="password"
          label="Your password"
          hint="To confirm it is you."
          autoComplete="current-password"
        />
        <Button warning disabled={remove.isPending}>
          Delete my account
        </Button>
      </Form>
    </Page>
  );
}
