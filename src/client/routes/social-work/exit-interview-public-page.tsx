import { useMutation, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { longDate } from "../../../shared/dates";
import { ANSWER_SCALE, EXIT_COMMENTS_MAX } from "../../../shared/schemas/exit-interviews";
import { Button, ErrorSummary, fieldErrors, TextArea } from "../../components/forms";
import { Page } from "../../components/Page";
import { answerExitInterview, declineExitInterview, exitInterviewQueries } from "../../queries/exit-interviews";

// The leaver's exit interview (issue 20 item 9): a short public form reached by the link their
// employer passed on. No sign-in; it says who sees what before asking anything.

const route = getRouteApi("/exit-interview/$token");
const SCALE_LABELS: Record<(typeof ANSWER_SCALE)[number], string> = { yes: "Yes", maybe: "Maybe", no: "No" };

function Radios(props: { name: string; legend: string; value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <div className={`govuk-form-group${props.error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{props.legend}</legend>
        {props.error && <p className="govuk-error-message">{props.error}</p>}
        <div className="govuk-radios govuk-radios--inline">
          {ANSWER_SCALE.map((v) => (
            <div className="govuk-radios__item" key={v}>
              <input
                className="govuk-radios__input"
                id={`${props.name}-${v}`}
                name={props.name}
                type="radio"
                checked={props.value === v}
                onChange={() => props.onChange(v)}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={`${props.name}-${v}`}>
                {SCALE_LABELS[v]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function ExitInterviewPublicPage() {
  const { token } = route.useParams();
  const q = useQuery(exitInterviewQueries.questions(token));
  const [reasons, setReasons] = useState<string[]>([]);
  const [mainReason, setMainReason] = useState("");
  const [wouldReturn, setWouldReturn] = useState("");
  const [wouldRecommend, setWouldRecommend] = useState("");
  const [comments, setComments] = useState("");
  const [share, setShare] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      answerExitInterview(token, {
        reasons: reasons as never,
        mainReason: mainReason as never,
        wouldReturn: wouldReturn as never,
        wouldRecommend: wouldRecommend as never,
        comments,
        shareWithEmployer: share,
      }),
  });
  const decline = useMutation({ mutationFn: () => declineExitInterview(token) });
  if (send.isSuccess || decline.isSuccess)
    return (
      <Page title="Thank you">
        <p className="govuk-body">
          {send.isSuccess ? "Your answers have been sent." : "You have said no to the exit interview."} You can close
          this page. The link will not work again.
        </p>
      </Page>
    );
  if (q.isLoading) return <Page title="Exit interview">{null}</Page>;
  if (!q.data)
    return (
      <Page title="Exit interview">
        <p className="govuk-body">
          We could not find that exit interview. The link may be mistyped, used already or out of date. Ask your former
          employer for a new one if you still want to answer.
        </p>
      </Page>
    );
  const errs = fieldErrors(send.error);
  const chosen = q.data.reasons.filter((r) => reasons.includes(r.key));
  return (
    <Page title="Why did you leave?" caption={`Exit interview for ${q.data.employerName}`}>
      <ErrorSummary error={send.error ?? decline.error} fields={errs} />
      <p className="govuk-body">
        This takes about 3 minutes. You do not need to sign in. You can answer once, until {longDate(q.data.expiresOn)}.
      </p>
      <div className="govuk-inset-text">
        <strong>Who sees what.</strong> Your reasons are only counted together with other leavers' answers, and a count
        of fewer than 5 people is never shown, so your employer cannot tell which reasons are yours. Your comments are
        seen only by the people who manage exit interviews at {q.data.employerName}, and only if you tick the box to
        share them. They are never put in reports.
      </div>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate();
        }}
      >
        <div className={`govuk-form-group${errs.reasons ? " govuk-form-group--error" : ""}`}>
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
              Why did you leave? Choose all that apply
            </legend>
            {errs.reasons && <p className="govuk-error-message">{errs.reasons}</p>}
            <div className="govuk-checkboxes govuk-checkboxes--small">
              {q.data.reasons.map((r) => (
                <div className="govuk-checkboxes__item" key={r.key}>
                  <input
                    className="govuk-checkboxes__input"
                    id={`reasons-${r.key}`}
                    type="checkbox"
                    checked={reasons.includes(r.key)}
                    onChange={(e) =>
                      setReasons(e.target.checked ? [...reasons, r.key] : reasons.filter((x) => x !== r.key))
                    }
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={`reasons-${r.key}`}>
                    {r.label}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className={`govuk-form-group${errs.mainReason ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="mainReason">
            Which was the main reason?
          </label>
          {errs.mainReason && <p className="govuk-error-message">{errs.mainReason}</p>}
          <select
            className="govuk-select"
            id="mainReason"
            value={mainReason}
            onChange={(e) => setMainReason(e.target.value)}
          >
            <option value="">Choose from the reasons you ticked</option>
            {chosen.map((r) => (
              <option key={r.key} value={r.key}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <Radios
          name="wouldReturn"
          legend="Would you come back to work here?"
          value={wouldReturn}
          onChange={setWouldReturn}
          error={errs.wouldReturn}
        />
        <Radios
          name="wouldRecommend"
          legend="Would you recommend working here to a friend?"
          value={wouldRecommend}
          onChange={setWouldRecommend}
          error={errs.wouldRecommend}
        />
        <TextArea
          id="comments"
          label="Anything else you want to tell us (optional)"
          hint={`Up to ${EXIT_COMMENTS_MAX.toLocaleString("en-GB")} characters. Do not include other people's names.`}
          value={comments}
          onChange={setComments}
          error={errs.comments}
        />
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <div className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id="share"
                type="checkbox"
                checked={share}
                onChange={(e) => setShare(e.target.checked)}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor="share">
                Share my comments with {q.data.employerName} (they will see them with my name)
              </label>
            </div>
          </div>
        </div>
        <Button disabled={send.isPending}>Send my answers</Button>
        <Button type="button" secondary disabled={decline.isPending} onClick={() => decline.mutate()}>
          I do not want to answer
        </Button>
      </form>
    </Page>
  );
}
