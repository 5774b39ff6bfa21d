import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { type DateParts, datePartsOf, isBlankDate, parseDateParts } from "../../../shared/date-input";
import { longDate, todayIso } from "../../../shared/dates";
import { ASYE_STAGE_LABELS, ASYE_STAGES, type AsyeStage } from "../../../shared/social-work";
import { ASYE_OUTCOMES, ASYE_PROGRESS, ASYE_PROGRESS_LABELS, isOpenAsye } from "../../../shared/sw-asye";
import { DateInput } from "../../components/DateInput";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextArea } from "../../components/forms";
import { Page } from "../../components/Page";
import { useOrg } from "../../lib/org";
import { type AsyeDetailView, asyeApi, asyeKeys, asyeQueries } from "../../queries/social-work-asye";
import { AsyeFacts, AsyeReviews, AsyeStages } from "./worker-sections/asye-section";

// One ASYE (issue 20 item 3): its facts, each stage's due date and state, the reviews with their
// evidence, the form a team manager records a review or the final assessment with, correcting a
// review or withdrawing the latest one (recorded wrongly), and for the service lead withdrawing it.

const route = getRouteApi("/orgs/$orgId/social-work/asye/$asyeId");

export function SwAsyeDetailPage() {
  const { orgId, asyeId } = route.useParams();
  const org = useOrg(orgId);
  const q = useQuery(asyeQueries.one(orgId, asyeId));
  const asye = q.data?.asye;
  const perms = org.data?.permissions ?? [];
  return (
    <Page title={asye ? `ASYE: ${asye.worker.name}` : "ASYE"} caption="Social work service">
      <p className="govuk-body">
        <Link className="govuk-link" to="/orgs/$orgId/social-work/asye" params={{ orgId }}>
          Back to the ASYE cohort
        </Link>
      </p>
      {q.isError && <ErrorSummary error={q.error} />}
      {asye && (
        <>
          <AsyeFacts asye={asye} />
          <AsyeStages asye={asye} />
          {perms.includes("socialwork.supervise") && isOpenAsye(asye.status) && (
            <RecordReview orgId={orgId} asye={asye} />
          )}
          <h2 className="govuk-heading-m">Reviews recorded</h2>
          <AsyeReviews asye={asye} />
          {perms.includes("socialwork.supervise") && <CorrectReviews orgId={orgId} asye={asye} />}
          {perms.includes("socialwork.manage") && isOpenAsye(asye.status) && <Withdraw orgId={orgId} asye={asye} />}
        </>
      )}
    </Page>
  );
}

function RecordReview({ orgId, asye }: { orgId: string; asye: AsyeDetailView }) {
  const queryClient = useQueryClient();
  const open = asye.stages.filter((s) => s.heldOn === null).map((s) => s.stage);
  const [stage, setStage] = useState<AsyeStage | "">(open[0] ?? "");
  const [heldOn, setHeldOn] = useState<DateParts>(datePartsOf(todayIso()));
  const [progress, setProgress] = useState("");
  const [extendedTo, setExtendedTo] = useState<DateParts>(datePartsOf(null));
  const [evidence, setEvidence] = useState("");
  const [dateError, setDateError] = useState<{ heldOn?: string; extendedTo?: string }>({});
  const [done, setDone] = useState<string | null>(null);
  const record = useMutation({
    mutationFn: (dates: { heldOn: string; extendedTo: string | null }) =>
      asyeApi.recordReview(orgId, asye.id, {
        stage: stage || undefined,
        heldOn: dates.heldOn,
        progress: progress as "on_track",
        extendedTo: dates.extendedTo,
        evidence,
      }),
    onSuccess: (res) => {
      setDone(`The ${ASYE_STAGE_LABELS[res.review.stage].toLowerCase()} is recorded.`);
      setProgress("");
      setEvidence("");
      setStage(res.asye.stages.find((s) => s.heldOn === null)?.stage ?? "");
      queryClient.invalidateQueries({ queryKey: asyeKeys.all(orgId) });
      queryClient.invalidateQueries({ queryKey: asyeKeys.mine });
    },
  });
  const errors = fieldErrors(record.error);
  const final = stage === "final";
  const choices = choicesFor(stage);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setDone(null);
    const held = parseDateParts(heldOn, "Date held");
    const ext = parseDateParts(extendedTo, "New end of the ASYE");
    const problems = {
      heldOn: !held.ok && !isBlankDate(heldOn) ? held.message : undefined,
      extendedTo: !ext.ok && !isBlankDate(extendedTo) ? ext.message : undefined,
    };
    setDateError(problems);
    if (problems.heldOn || problems.extendedTo) return;
    record.mutate({
      heldOn: held.ok ? held.iso : "",
      extendedTo: final && progress === "extend" && ext.ok ? ext.iso : null,
    });
  };
  return (
    <>
      <h2 className="govuk-heading-m">Record a review</h2>
      {done && <SuccessBanner title={done} />}
      <ErrorSummary
        error={record.error}
        fields={{
          stage: "review-stage",
          heldOn: "review-held-day",
          progress: "review-progress",
          extendedTo: "review-extended-day",
          evidence: "review-evidence",
        }}
      />
      <form onSubmit={submit} noValidate>
        <Select
          id="review-stage"
          name="stage"
          label="Review"
          value={stage}
          onChange={(v) => {
            setStage(v as AsyeStage);
            setProgress("");
          }}
          error={errors.stage}
          options={open.map((s) => ({ value: s, label: ASYE_STAGE_LABELS[s] }))}
        />
        <DateInput
          id="review-held"
          legend="Date held"
          hint="For example 20 11 2026"
          value={heldOn}
          onChange={setHeldOn}
          error={dateError.heldOn ?? errors.heldOn}
        />
        <Select
          id="review-progress"
          name="progress"
          label={final ? "Outcome" : "Progress"}
          value={progress}
          onChange={setProgress}
          error={errors.progress}
          options={[{ value: "", label: final ? "Choose the outcome" : "Choose the progress" }, ...choices]}
        />
        {final && progress === "extend" && (
          <DateInput
            id="review-extended"
            legend="New end of the ASYE"
            value={extendedTo}
            onChange={setExtendedTo}
            error={dateError.extendedTo ?? errors.extendedTo}
          />
        )}
        <TextArea
          id="review-evidence"
          label="Evidence notes (optional)"
          hint="What the review looked at: observations, feedback, the critical reflection log"
          value={evidence}
          onChange={setEvidence}
          error={errors.evidence}
          rows={4}
        />
        <Button disabled={record.isPending || !stage}>Record the review</Button>
      </form>
    </>
  );
}

/** The outcome or progress choices for a stage. */
const choicesFor = (stage: AsyeStage | "") =>
  stage === "final"
    ? ASYE_OUTCOMES.map((o) => ({
        value: o,
        label: o === "fail" ? "Not passed" : o === "pass" ? "Pass" : "Extend the ASYE",
      }))
    : ASYE_PROGRESS.map((p) => ({ value: p, label: ASYE_PROGRESS_LABELS[p] }));

const latestReview = (asye: AsyeDetailView) =>
  asye.reviews.reduce<AsyeDetailView["reviews"][number] | null>(
    (x, y) => (x && ASYE_STAGES.indexOf(x.stage) > ASYE_STAGES.indexOf(y.stage) ? x : y),
    null,
  );

/** Changing a review recorded wrongly, and withdrawing the latest (only it, so the rest stay in order). */
function CorrectReviews({ orgId, asye }: { orgId: string; asye: AsyeDetailView }) {
  const latest = latestReview(asye);
  if (!latest) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Correct a review</h2>
      <p className="govuk-body">
        Change a review recorded with the wrong date, progress or notes. Only the latest review can be withdrawn, so the
        reviews stay in order; withdrawing the final assessment reopens the ASYE.
      </p>
      {asye.reviews.map((r) => (
        <ChangeReview key={r.id} orgId={orgId} asye={asye} review={r} latest={r.id === latest.id} />
      ))}
    </>
  );
}

function ChangeReview({
  orgId,
  asye,
  review,
  latest,
}: {
  orgId: string;
  asye: AsyeDetailView;
  review: AsyeDetailView["reviews"][number];
  latest: boolean;
}) {
  const queryClient = useQueryClient();
  const key = `fix-${review.stage}`;
  const label = ASYE_STAGE_LABELS[review.stage];
  const [heldOn, setHeldOn] = useState<DateParts>(datePartsOf(review.heldOn));
  const [progress, setProgress] = useState<string>(review.progress);
  const [extendedTo, setExtendedTo] = useState<DateParts>(datePartsOf(asye.extendedTo));
  const [evidence, setEvidence] = useState(review.evidence);
  const [dateError, setDateError] = useState<{ heldOn?: string; extendedTo?: string }>({});
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: asyeKeys.all(orgId) });
    queryClient.invalidateQueries({ queryKey: asyeKeys.mine });
  };
  const change = useMutation({
    mutationFn: (dates: { heldOn: string; extendedTo: string | null }) =>
      asyeApi.updateReview(orgId, asye.id, review.id, {
        heldOn: dates.heldOn,
        progress: progress as "on_track",
        extendedTo: dates.extendedTo,
        evidence,
      }),
    onSuccess: () => {
      setDone(`The ${label.toLowerCase()} is changed.`);
      refresh();
    },
  });
  const withdraw = useMutation({
    mutationFn: () => asyeApi.withdrawReview(orgId, asye.id, review.id),
    onSuccess: refresh,
  });
  const errors = fieldErrors(change.error);
  const final = review.stage === "final";
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setDone(null);
    const held = parseDateParts(heldOn, "Date held");
    const ext = parseDateParts(extendedTo, "New end of the ASYE");
    const problems = {
      heldOn: held.ok ? undefined : held.message,
      extendedTo: progress === "extend" && !ext.ok ? ext.message : undefined,
    };
    setDateError(problems);
    if (problems.heldOn || problems.extendedTo) return;
    change.mutate({
      heldOn: held.ok ? held.iso : "",
      extendedTo: progress === "extend" && ext.ok ? ext.iso : null,
    });
  };
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          Change the {label.toLowerCase()} held on {longDate(review.heldOn)}
        </span>
      </summary>
      <div className="govuk-details__text">
        {done && <SuccessBanner title={done} />}
        <ErrorSummary
          error={change.error ?? withdraw.error}
          fields={{
            heldOn: `${key}-held-day`,
            progress: `${key}-progress`,
            extendedTo: `${key}-extended-day`,
            evidence: `${key}-evidence`,
          }}
        />
        <form onSubmit={submit} noValidate>
          <DateInput
            id={`${key}-held`}
            legend="Date held"
            value={heldOn}
            onChange={setHeldOn}
            error={dateError.heldOn ?? errors.heldOn}
          />
          <Select
            id={`${key}-progress`}
            name="progress"
            label={final ? "Outcome" : "Progress"}
            value={progress}
            onChange={setProgress}
            error={errors.progress}
            options={choicesFor(review.stage)}
          />
          {final && progress === "extend" && (
            <DateInput
              id={`${key}-extended`}
              legend="New end of the ASYE"
              value={extendedTo}
              onChange={setExtendedTo}
              error={dateError.extendedTo ?? errors.extendedTo}
            />
          )}
          <TextArea
            id={`${key}-evidence`}
            label="Evidence notes (optional)"
            value={evidence}
            onChange={setEvidence}
            error={errors.evidence}
            rows={4}
          />
          <Button disabled={change.isPending}>Save the change</Button>
        </form>
        {latest &&
          (confirming ? (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                Withdraw the {label.toLowerCase()} held on {longDate(review.heldOn)}? It is removed from the record
                {final ? " and the ASYE is reopened" : ""}.
              </strong>
              <div className="govuk-button-group govuk-!-margin-top-2">
                <Button warning type="button" disabled={withdraw.isPending} onClick={() => withdraw.mutate()}>
                  Yes, withdraw it
                </Button>
                <Button secondary type="button" onClick={() => setConfirming(false)}>
                  Cancel
                </Button>
              </div>
            </div>
          ) : (
            <Button warning type="button" onClick={() => setConfirming(true)}>
              Withdraw this review
            </Button>
          ))}
      </div>
    </details>
  );
}

function Withdraw({ orgId, asye }: { orgId: string; asye: AsyeDetailView }) {
  const queryClient = useQueryClient();
  const [on, setOn] = useState<DateParts>(datePartsOf(todayIso()));
  const [dateError, setDateError] = useState<string | undefined>();
  const withdraw = useMutation({
    mutationFn: (withdrawnOn: string) => asyeApi.withdraw(orgId, asye.id, { withdrawnOn }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: asyeKeys.all(orgId) }),
  });
  const errors = fieldErrors(withdraw.error);
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Withdraw this ASYE</span>
      </summary>
      <div className="govuk-details__text">
        <ErrorSummary error={withdraw.error} fields={{ withdrawnOn: "withdraw-on-day" }} />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = parseDateParts(on, "Date the ASYE ended");
            if (!parsed.ok) return setDateError(parsed.message);
            setDateError(undefined);
            withdraw.mutate(parsed.iso);
          }}
          noValidate
        >
          <DateInput
            id="withdraw-on"
            legend="Date the ASYE ended"
            hint="When the worker left or stopped the ASYE: no more reviews are due after it"
            value={on}
            onChange={setOn}
            error={dateError ?? errors.withdrawnOn}
          />
          <Button warning disabled={withdraw.isPending}>
            Withdraw the ASYE
          </Button>
        </form>
      </div>
    </details>
  );
}
