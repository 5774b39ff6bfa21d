import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { longDate } from "../../../shared/dates";
import { RIGHT_TO_WORK, type RightToWork } from "../../../shared/recruitment";
import { Fieldset } from "../../components/Fieldset";
import { Button, ErrorSummary, fieldErrors, TextArea, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { forgetJobToApply } from "../../lib/apply-next";
import { JOBS_OFFERED, jobsToOffer } from "../../lib/more-jobs";
import { useMe } from "../../lib/session";
import { authKeys } from "../../queries/auth";
import { candidateApi, candidateKeys, candidateQueries, type QuestionsResponse } from "../../queries/candidate";
import { jobsQueries } from "../../queries/jobs";
import { Checkboxes, RIGHT_TO_WORK_LABELS } from "./parts";

// Applying (issue 17 item 3). Signed in as a candidate of this board: pick more jobs to apply for at
// the same time, answer each question once, send. Not signed in: sign in, create an account, or
// apply for this one job with a short form.

const route = getRouteApi("/jobs/$advertId/apply");

type Question = QuestionsResponse["questions"][number];

function Questions({
  questions,
  answers,
  setAnswer,
  errors,
}: {
  questions: Question[];
  answers: Record<string, string>;
  setAnswer: (id: string, value: string) => void;
  errors: Record<string, string>;
}) {
  if (!questions.length) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Questions about you</h2>
      <p className="govuk-body">
        There are no right or wrong answers: tell us, in your own words, what you did or would do. A few sentences for
        each is enough.
      </p>
      {questions.map((q) => (
        <TextArea
          key={q.id}
          id={`answer-${q.id}`}
          label={q.question}
          hint={q.employer ? `Asked by ${q.employer}` : undefined}
          rows={4}
          value={answers[q.id] ?? ""}
          onChange={(v) => setAnswer(q.id, v)}
          error={errors[`answers.${q.id}`]}
        />
      ))}
    </>
  );
}

const answersOf = (questions: Question[], answers: Record<string, string>) =>
  questions.map((q) => ({ questionId: q.id, answer: answers[q.id] ?? "" }));

export function ApplyPage(): React.ReactNode {
  const { advertId } = route.useParams();
  const { source } = route.useSearch();
  const me = useMe();
  const advert = useQuery(jobsQueries.advert(advertId));
  if (!advert.data || me.isPending)
    return (
      <Page title="Apply for a job">
        {advert.isError ? (
          <>
            <p className="govuk-body">We could not find that job. It may have closed or been filled.</p>
            <p className="govuk-body">
              <Link className="govuk-link" to="/jobs">
                Search for care jobs
              </Link>
            </p>
          </>
        ) : (
          <p className="govuk-body">Loading…</p>
        )}
      </Page>
    );
  const a = advert.data;
  const membership = me.data?.memberships?.find((m) => m.role === "candidate" && m.slug === a.council.slug);
  const title = `Apply for ${a.title}`;
  return (
    <Page title={title} caption={a.employer.name}>
      {membership ? (
        <SignedInApply orgId={membership.id} advertId={advertId} source={source} />
      ) : me.data?.user ? (
        <JoinBoard councilSlug={a.council.slug} councilName={a.council.name} />
      ) : (
        <SignedOut advertId={advertId} councilSlug={a.council.slug} source={source} employer={a.employer.name} />
      )}
    </Page>
  );
}

/** Signed in, but not yet a candidate on this board: one press adds it to the account. */
function JoinBoard({ councilSlug, councilName }: { councilSlug: string; councilName: string }) {
  const queryClient = useQueryClient();
  const join = useMutation({
    mutationFn: () => candidateApi.join(councilSlug),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me }),
  });
  return (
    <>
      <ErrorSummary error={join.error} />
      <p className="govuk-body">
        You are signed in. To apply, use your account on {councilName}'s job board: you fill in a profile once and apply
        for several jobs at the same time.
      </p>
      <Button type="button" disabled={join.isPending} onClick={() => join.mutate()}>
        Use my account to apply
      </Button>
    </>
  );
}

function SignedInApply({ orgId, advertId, source }: { orgId: string; advertId: string; source?: string }) {
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string[]>([advertId]);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [find, setFind] = useState("");
  const adverts = useQuery(candidateQueries.adverts(orgId));
  const profile = useQuery(candidateQueries.profile(orgId));
  const questions = useQuery(candidateQueries.questions(orgId, chosen));
  const apply = useMutation({
    mutationFn: () =>
      candidateApi.apply(orgId, {
        advertIds: chosen,
        answers: answersOf(questions.data?.questions ?? [], answers),
        source,
      }),
    onSuccess: () => {
      forgetJobToApply();
      return queryClient.invalidateQueries({ queryKey: candidateKeys.applications(orgId) });
    },
  });
  if (apply.data)
    return (
      <>
        <div className="govuk-panel govuk-panel--confirmation">
          <h2 className="govuk-panel__title">Application{apply.data.applications.length === 1 ? "" : "s"} sent</h2>
          <div className="govuk-panel__body">{apply.data.applications.map((x) => x.title).join(", ")}</div>
        </div>
        <p className="govuk-body">We have emailed you a confirmation. Each employer will tell you what happens next.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/orgs/$orgId/candidate/applications" params={{ orgId }}>
            See your applications
          </Link>
        </p>
      </>
    );
  const errors = fieldErrors(apply.error);
  const offer = jobsToOffer(adverts.data?.adverts ?? [], advertId, find, chosen);
  const others = offer.shown;
  const fields: Record<string, string> = Object.fromEntries(
    (questions.data?.questions ?? []).map((q) => [`answers.${q.id}`, `answer-${q.id}`]),
  );
  chosen.forEach((_, i) => {
    fields[`advertIds.${i}`] = "more-jobs";
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Enter in the search box finds jobs; it must not send the applications.
    if (document.activeElement?.id === "find-jobs") return;
    apply.mutate();
  };
  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary error={apply.error} fields={fields} />
      {profile.data && !profile.data.profile.emailVerified && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            Confirm your email address before you apply: open the link we emailed you.
          </strong>
        </div>
      )}
      <p className="govuk-body">
        Your application sends{" "}
        <Link className="govuk-link" to="/orgs/$orgId/candidate/profile" params={{ orgId }}>
          your profile
        </Link>{" "}
        and your answers below to each employer you choose.
      </p>
      {offer.others > 0 && (
        <details className="govuk-details" open={chosen.length > 1 || find !== ""}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Apply for more jobs at the same time</span>
          </summary>
          <div className="govuk-details__text">
            <TextInput
              id="find-jobs"
              name="find-jobs"
              label="Find other jobs on this board"
              hint="By job title, employer or postcode area, like WA7"
              spellCheck={false}
              value={find}
              onChange={setFind}
            />
            <p className="govuk-body" aria-live="polite">
              {offer.matching === 0
                ? "No other open job matches that: try fewer words."
                : offer.matching > JOBS_OFFERED
                  ? `Showing ${JOBS_OFFERED} of ${offer.matching.toLocaleString("en-GB")} jobs${find ? " that match" : ""}, the same job title first. Search to find others.`
                  : `${offer.matching.toLocaleString("en-GB")} ${offer.matching === 1 ? "job" : "jobs"}${find ? " that match" : ""}.`}
            </p>
            {others.length > 0 && (
              <Checkboxes
                id="more-jobs"
                legend="Other jobs open on this board"
                hint="Each employer gets its own application. Questions they share are asked once."
                options={others.map((x) => ({
                  value: x.id,
                  label: `${x.title}, ${x.employer}`,
                  hint: `${x.place ? `${x.place}. ` : ""}Closes ${longDate(x.closingDate)}`,
                }))}
                chosen={chosen.filter((id) => id !== advertId)}
                onChange={(more) => setChosen([advertId, ...more])}
              />
            )}
          </div>
        </details>
      )}
      <p className="govuk-body">
        Applying for {chosen.length} job{chosen.length === 1 ? "" : "s"}.
      </p>
      <Questions
        questions={questions.data?.questions ?? []}
        answers={answers}
        setAnswer={(id, v) => setAnswers({ ...answers, [id]: v })}
        errors={errors}
      />
      <Button disabled={apply.isPending || questions.isPending}>
        Send {chosen.length === 1 ? "application" : `${chosen.length} applications`}
      </Button>
    </form>
  );
}

function SignedOut({
  advertId,
  councilSlug,
  source,
  employer,
}: {
  advertId: string;
  councilSlug: string;
  source?: string;
  employer: string;
}) {
  const here = `/jobs/${advertId}/apply${source ? `?source=${encodeURIComponent(source)}` : ""}`;
  const [sent, setSent] = useState<string | null>(null);
  // Once sent, the page is the confirmation and where to go next, not the choice of ways to apply.
  if (sent)
    return (
      <>
        <div className="govuk-panel govuk-panel--confirmation">
          <h2 className="govuk-panel__title">Application sent</h2>
          <div className="govuk-panel__body">{sent}</div>
        </div>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">{employer} will contact you by email or phone about your application.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/jobs" search={{ council: councilSlug, ...(source ? { source } : {}) }}>
            Find more care jobs
          </Link>
        </p>
        <p className="govuk-body">
          To apply for several jobs at once and see where each application is,{" "}
          <Link className="govuk-link" to="/jobs/account/new" search={{ council: councilSlug }}>
            create an account
          </Link>
          .
        </p>
      </>
    );
  return (
    <>
      <h2 className="govuk-heading-m">Apply with an account</h2>
      <p className="govuk-body">
        Fill in your details once and apply for several jobs at the same time, see where each application is and book
        interviews.
      </p>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to="/sign-in" search={{ next: here }}>
            Sign in
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/jobs/account/new" search={{ council: councilSlug, next: here }}>
            Create an account
          </Link>
        </li>
      </ul>
      <h2 className="govuk-heading-m">Or apply without an account</h2>
      <GuestForm advertId={advertId} source={source} employer={employer} onSent={setSent} />
    </>
  );
}

function GuestForm({
  advertId,
  source,
  employer,
  onSent,
}: {
  advertId: string;
  source?: string;
  employer: string;
  onSent: (message: string) => void;
}) {
  const questions = useQuery(candidateQueries.publicQuestions(advertId));
  const [form, setForm] = useState({ name: "", email: "", phone: "", experience: "", rightToWork: "" });
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const send = useMutation({
    mutationFn: () =>
      candidateApi.applyAsGuest(advertId, {
        ...form,
        rightToWork: form.rightToWork as RightToWork,
        answers: answersOf(questions.data?.questions ?? [], answers),
        source,
      }),
    onSuccess: (res) => {
      onSent(res.message);
      window.scrollTo(0, 0);
    },
  });
  const errors = fieldErrors(send.error);
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  const fields: Record<string, string> = {
    name: "guest-name",
    email: "guest-email",
    phone: "guest-phone",
    rightToWork: "guest-rtw-yes",
    experience: "guest-experience",
    ...Object.fromEntries((questions.data?.questions ?? []).map((q) => [`answers.${q.id}`, `answer-${q.id}`])),
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate();
      }}
    >
      <ErrorSummary error={send.error} fields={fields} />
      <p className="govuk-body">We send what you write here to {employer} only, and email you a confirmation.</p>
      <TextInput
        id="guest-name"
        name="name"
        label="Full name"
        autoComplete="name"
        value={form.name}
        onChange={set("name")}
        error={errors.name}
      />
      <TextInput
        id="guest-email"
        name="email"
        type="email"
        label="Email address"
        autoComplete="email"
        spellCheck={false}
        value={form.email}
        onChange={set("email")}
        error={errors.email}
      />
      <TextInput
        id="guest-phone"
        name="phone"
        type="tel"
        label="Phone number"
        autoComplete="tel"
        value={form.phone}
        onChange={set("phone")}
        error={errors.phone}
        width="govuk-input--width-20"
      />
      <Fieldset id="guest-rtw" legend="Do you have the right to work in the UK?" error={errors.rightToWork}>
        <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
          {RIGHT_TO_WORK.map((v) => (
            <div className="govuk-radios__item" key={v}>
              <input
                className="govuk-radios__input"
                id={`guest-rtw-${v}`}
                type="radio"
                name="rightToWork"
                value={v}
                checked={form.rightToWork === v}
                onChange={() => set("rightToWork")(v)}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={`guest-rtw-${v}`}>
                {RIGHT_TO_WORK_LABELS[v]}
              </label>
            </div>
          ))}
        </div>
      </Fieldset>
      <TextArea
        id="guest-experience"
        label="Your experience (optional)"
        hint="Paid or unpaid: caring for family counts. Many jobs need no experience."
        value={form.experience}
        onChange={set("experience")}
        error={errors.experience}
        rows={4}
      />
      <Questions
        questions={questions.data?.questions ?? []}
        answers={answers}
        setAnswer={(id, v) => setAnswers({ ...answers, [id]: v })}
        errors={errors}
      />
      <Button disabled={send.isPending}>Send application</Button>
    </form>
  );
}
