import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { longDate } from "../../../shared/dates";
import type { OfferResponse } from "../../../shared/schemas/exit-interviews";
import { Button, ErrorSummary, SuccessBanner } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { exitInterviewQueries, offerExitInterview, offerRecentLeavers } from "../../queries/exit-interviews";

// Exit interviews for an employer (issue 20 item 9): offer leavers a link (shown once), see who
// answered, and the reasons collated with small counts withheld.

const route = getRouteApi("/orgs/$orgId/exit-interviews");
const STATUS: Record<string, string> = {
  not_offered: "Not offered",
  offered: "Offered",
  answered: "Answered",
  declined: "Declined",
  expired: "Expired",
};
const shown = (c: { count: number | null; withheld: boolean }) => (c.withheld ? "Fewer than 5" : String(c.count ?? 0));

export function ExitInterviewsPage() {
  const { orgId } = route.useParams();
  const qc = useQueryClient();
  const leavers = useQuery(exitInterviewQueries.leavers(orgId));
  const reasons = useQuery(exitInterviewQueries.reasons(orgId));
  const [links, setLinks] = useState<OfferResponse[]>([]);
  const done = (made: OfferResponse[]) => {
    setLinks((l) => [...made, ...l]);
    qc.invalidateQueries({ queryKey: ["orgs", orgId, "exit-interviews"] });
  };
  const one = useMutation({ mutationFn: (id: string) => offerExitInterview(orgId, id), onSuccess: (o) => done([o]) });
  const recent = useMutation({ mutationFn: () => offerRecentLeavers(orgId), onSuccess: (r) => done(r.offers) });
  // Someone without the exit interview permission (a team manager typing the address) is shown the
  // server's refusal alone, not an empty list with an offer button that then fails.
  if (leavers.isError)
    return (
      <Page title="Exit interviews">
        <ErrorSummary error={leavers.error} />
      </Page>
    );
  return (
    <Page title="Exit interviews">
      <ErrorSummary error={one.error ?? recent.error} />
      <p className="govuk-body">
        Offer each leaver a private link to a short exit interview. Pass the link on yourself (print it or email it): it
        is shown only once, works once, and lasts 60 days. Leavers' reasons are only shown counted together; comments
        only where the leaver agreed to share them.
      </p>
      {links.length > 0 && (
        <SuccessBanner title="Links to pass on (shown only now)">
          <ul className="govuk-list">
            {links.map((l) => (
              <li key={l.staffRecordId} style={{ overflowWrap: "anywhere" }}>
                {l.name}: {l.link} (until {longDate(l.expiresOn)})
              </li>
            ))}
          </ul>
        </SuccessBanner>
      )}
      <Button type="button" disabled={recent.isPending} onClick={() => recent.mutate()}>
        Offer everyone who left in the last 90 days
      </Button>
      {leavers.data && (
        <Table
          caption="Leavers"
          rows={leavers.data.leavers}
          rowKey={(l) => l.staffRecordId}
          columns={[
            { header: "Name", cell: (l) => l.name, sortValue: (l) => l.name },
            { header: "Team or workplace", cell: (l) => l.group },
            { header: "Left", cell: (l) => longDate(l.leftOn), sortValue: (l) => l.leftOn },
            { header: "Exit interview", cell: (l) => STATUS[l.status] },
            { header: "Shared comments", cell: (l) => l.sharedComments ?? "" },
            {
              header: "Action",
              hiddenHeader: true,
              cell: (l) =>
                l.status === "not_offered" ? (
                  <Button type="button" secondary disabled={one.isPending} onClick={() => one.mutate(l.staffRecordId)}>
                    Offer
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      {reasons.data && (
        <>
          <h2 className="govuk-heading-m">Reasons for leaving</h2>
          <p className="govuk-body">
            From interviews answered {longDate(reasons.data.from)} to {longDate(reasons.data.to)}. Counts of fewer than{" "}
            {reasons.data.threshold} people are withheld, and a group with fewer answers shows nothing.
          </p>
          {reasons.data.groups.map((g) => (
            <div key={g.key}>
              <h3 className="govuk-heading-s">
                {g.label}: {g.answered === null ? "too few answers to show" : `${g.answered} answered`}
              </h3>
              {g.answered !== null && (
                <Table
                  caption={`${g.label}: reasons given`}
                  rows={g.reasons.map((r, i) => ({ ...r, main: g.mainReasons[i] }))}
                  rowKey={(r) => r.key}
                  columns={[
                    { header: "Reason", cell: (r) => r.label },
                    { header: "Gave it", numeric: true, cell: (r) => shown(r) },
                    { header: "Main reason", numeric: true, cell: (r) => shown(r.main) },
                  ]}
                />
              )}
              {g.answered !== null && (
                <Table
                  caption={`${g.label}: leaving reasons on their staff records`}
                  rows={g.leavingReasons}
                  rowKey={(r) => r.key}
                  columns={[
                    { header: "Recorded reason", cell: (r) => r.label },
                    { header: "Leavers", numeric: true, cell: (r) => shown(r) },
                  ]}
                />
              )}
            </div>
          ))}
        </>
      )}
    </Page>
  );
}
