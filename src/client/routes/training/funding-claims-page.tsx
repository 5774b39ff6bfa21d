import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { longDate } from "../../../shared/dates";
import { CLAIM_PART_LABELS, type ClaimPart } from "../../../shared/ldss";
import { formatPence } from "../../../shared/training";
import { Button, ErrorSummary } from "../../components/forms";
import { Page } from "../../components/Page";
import { Section } from "../../components/Section";
import { Table } from "../../components/Table";
import { useOrg, useOrgId } from "../../lib/org";
import {
  apprenticeshipApi,
  apprenticeshipKeys,
  apprenticeshipQueries,
  type FundingClaimsResponse,
  fundingClaimsExport,
} from "../../queries/training-apprenticeships";

// LDSS funding claims (issue 18 item 7): the provider's places on courses the Learning and
// Development Support Scheme funds, by course then learner, each part's amount and deadline,
// parts to mark as claimed, and the exports for the NHSBSA claim.

const STATE_TAGS: Record<string, { text: string; colour: string }> = {
  claimable: { text: "To claim", colour: "govuk-tag--green" },
  not_yet: { text: "Not yet", colour: "govuk-tag--grey" },
  claimed: { text: "Claimed", colour: "govuk-tag--blue" },
  expired: { text: "Window passed", colour: "govuk-tag--red" },
  lost: { text: "Lost", colour: "govuk-tag--red" },
};

type Learner = FundingClaimsResponse["courses"][number]["learners"][number];

export function FundingClaimsPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const queryClient = useQueryClient();
  const claims = useQuery(apprenticeshipQueries.claims(orgId));
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const mark = useMutation({
    mutationFn: () =>
      apprenticeshipApi.markClaimed(orgId, {
        claims: [...chosen].map((k) => {
          const [bookingId, part] = k.split("|");
          return { bookingId, part: part as ClaimPart };
        }),
      }),
    onSuccess: () => {
      setChosen(new Set());
      queryClient.invalidateQueries({ queryKey: apprenticeshipKeys.claims(orgId) });
    },
  });
  const toggle = (key: string) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const d = claims.data;
  return (
    <Page title="Funding claims (LDSS)" caption={org.data?.name}>
      <p className="govuk-body">
        What you can claim back from the Learning and Development Support Scheme for your staff's places. Courses and
        Oliver McGowan training are paid at 100% within 3 months of completion; qualifications at 60% within 3 months of
        the start and 40% within 3 months of completion (lost if the learner leaves you or does not complete).
        Registered nurses and other regulated professions, apprenticeships and repeat courses are not funded.
      </p>
      {claims.error && <ErrorSummary error={claims.error} />}
      {mark.error && <ErrorSummary error={mark.error} />}
      {d && (
        <>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Period</dt>
              <dd className="govuk-summary-list__value">
                Sessions starting {longDate(d.from)} to {longDate(d.to)}
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">To claim now</dt>
              <dd className="govuk-summary-list__value">{formatPence(d.totals.claimablePence)}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Claimed already</dt>
              <dd className="govuk-summary-list__value">{formatPence(d.totals.claimedPence)}</dd>
            </div>
          </dl>
          <p className="govuk-body">
            Download for your claim:{" "}
            <a className="govuk-link" href={fundingClaimsExport(orgId, "csv")}>
              CSV
            </a>{" "}
            or{" "}
            <a className="govuk-link" href={fundingClaimsExport(orgId, "xlsx")}>
              Excel (XLSX)
            </a>
            . The files hold each learner's name as recorded, the course, part, dates, amount and deadline; no National
            Insurance numbers.
          </p>
          {d.courses.length === 0 && <p className="govuk-body">No places on funded courses in this period.</p>}
          {d.courses.map((c) => (
            <Section key={c.courseId} id={`course-${c.courseId}`} title={c.title}>
              <p className="govuk-body">
                {c.ldssPence !== null ? `${formatPence(c.ldssPence)} per learner. ` : ""}To claim now{" "}
                {formatPence(c.claimablePence)}; claimed {formatPence(c.claimedPence)}.
              </p>
              <Table<Learner>
                caption={`Learners on ${c.title}`}
                rowKey={(l) => l.bookingId}
                rows={c.learners}
                columns={[
                  { header: "Learner", cell: (l) => l.name, sortValue: (l) => l.name },
                  { header: "Started", cell: (l) => longDate(l.startedOn) },
                  { header: "Completed", cell: (l) => (l.completedOn ? longDate(l.completedOn) : "Not yet") },
                  {
                    header: "Parts",
                    cell: (l) =>
                      l.eligible ? (
                        <ul className="govuk-list">
                          {l.parts.map((p) => {
                            const key = `${l.bookingId}|${p.part}`;
                            const tag = STATE_TAGS[p.state];
                            return (
                              <li key={p.part}>
                                {p.state === "claimable" ? (
                                  <div className="govuk-checkboxes govuk-checkboxes--small">
                                    <div className="govuk-checkboxes__item">
                                      <input
                                        className="govuk-checkboxes__input"
                                        id={key}
                                        type="checkbox"
                                        checked={chosen.has(key)}
                                        onChange={() => toggle(key)}
                                      />
                                      <label className="govuk-label govuk-checkboxes__label" htmlFor={key}>
                                        {CLAIM_PART_LABELS[p.part]}: {formatPence(p.amountPence)}, claim by{" "}
                                        {longDate(p.deadline)}
                                      </label>
                                    </div>
                                  </div>
                                ) : (
                                  <>
                                    {CLAIM_PART_LABELS[p.part]}: {formatPence(p.amountPence)}{" "}
                                    <strong className={`govuk-tag ${tag.colour}`}>{tag.text}</strong>
                                    {p.note && <span className="govuk-body-s"> {p.note}</span>}
                                  </>
                                )}
                              </li>
                            );
                          })}
                        </ul>
                      ) : (
                        <span>
                          <strong className="govuk-tag govuk-tag--grey">Not claimable</strong> {l.note}
                        </span>
                      ),
                  },
                ]}
              />
            </Section>
          ))}
          {d.courses.length > 0 && (
            <Button type="button" onClick={() => mark.mutate()} disabled={chosen.size === 0 || mark.isPending}>
              Mark {chosen.size || ""} chosen part{chosen.size === 1 ? "" : "s"} as claimed
            </Button>
          )}
        </>
      )}
    </Page>
  );
}
