import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { longDate } from "../../../../shared/dates";
import { ASYE_STAGE_LABELS } from "../../../../shared/social-work";
import {
  ASYE_OUTCOME_LABELS,
  ASYE_PROGRESS_LABELS,
  ASYE_STAGE_STATE_LABELS,
  ASYE_STATUS_LABELS,
} from "../../../../shared/sw-asye";
import { Table } from "../../../components/Table";
import { type AsyeDetailView, type AsyeStageView, asyeQueries } from "../../../queries/social-work-asye";
import type { WorkerSource } from "./source";

// A worker's ASYE on their page (the lead's and their manager's view) and on "My social work" (their
// own, through /api/me): status, assessor, protected caseload, each stage's due date and state, and
// the reviews with their evidence. AsyeStages and AsyeReviews are also the ASYE page's.

const progressLabel = (p: string) =>
  (ASYE_PROGRESS_LABELS as Record<string, string>)[p] ?? (ASYE_OUTCOME_LABELS as Record<string, string>)[p] ?? p;

export function AsyeStages({
  asye,
  caption = "Reviews and when they are due",
}: {
  asye: AsyeDetailView;
  caption?: string;
}) {
  return (
    <Table<AsyeStageView>
      caption={caption}
      rowKey={(s) => s.stage}
      rows={asye.stages}
      columns={[
        { header: "Review", cell: (s) => ASYE_STAGE_LABELS[s.stage] },
        { header: "Due", cell: (s) => longDate(s.due) },
        { header: "Held", cell: (s) => (s.heldOn ? longDate(s.heldOn) : "Not yet") },
        { header: "State", cell: (s) => ASYE_STAGE_STATE_LABELS[s.state] },
      ]}
    />
  );
}

export function AsyeReviews({ asye }: { asye: AsyeDetailView }) {
  if (!asye.reviews.length) return <p className="govuk-body">No reviews recorded yet.</p>;
  return (
    <dl className="govuk-summary-list">
      {asye.reviews.map((r) => (
        <div className="govuk-summary-list__row" key={r.id}>
          <dt className="govuk-summary-list__key">
            {ASYE_STAGE_LABELS[r.stage]}, {longDate(r.heldOn)}
          </dt>
          <dd className="govuk-summary-list__value">
            <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{progressLabel(r.progress)}</p>
            {r.evidence && <p className="govuk-body app-pre">{r.evidence}</p>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function AsyeFacts({ asye }: { asye: AsyeDetailView }) {
  const rows: [string, string][] = [
    ["Status", `${ASYE_STATUS_LABELS[asye.status]}${asye.outcomeOn ? ` on ${longDate(asye.outcomeOn)}` : ""}`],
    ["Team", asye.team.name],
    ["Started", longDate(asye.startDate)],
    ["Assessor", asye.assessor?.name ?? "Not chosen yet"],
    ["Learning plan agreed", asye.learningPlanAgreedOn ? longDate(asye.learningPlanAgreedOn) : "Not yet"],
    [
      "Protected caseload",
      `${asye.protectedCaseload} open cases${asye.protectedCaseloadIsDefault ? " (the council's default)" : ""}${
        asye.latestCaseload ? `; ${asye.latestCaseload.openCases} held in the latest month recorded` : ""
      }`,
    ],
  ];
  if (asye.extendedTo) rows.push(["Extended to", longDate(asye.extendedTo)]);
  return (
    <dl className="govuk-summary-list">
      {rows.map(([k, v]) => (
        <div className="govuk-summary-list__row" key={k}>
          <dt className="govuk-summary-list__key">{k}</dt>
          <dd className="govuk-summary-list__value">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function WorkerAsye({ orgId, staffId }: { orgId: string; staffId: string }) {
  const q = useQuery(asyeQueries.worker(orgId, staffId));
  const asye = q.data?.asye;
  if (!q.data) return null;
  return (
    <>
      <h2 className="govuk-heading-m">ASYE</h2>
      {!asye ? (
        <p className="govuk-body">No ASYE is recorded for this worker.</p>
      ) : (
        <>
          <AsyeFacts asye={asye} />
          <AsyeStages asye={asye} />
          <p className="govuk-body">
            <Link className="govuk-link" to="/orgs/$orgId/social-work/asye/$asyeId" params={{ orgId, asyeId: asye.id }}>
              See the ASYE and record a review
            </Link>
          </p>
        </>
      )}
    </>
  );
}

function MyAsye() {
  const q = useQuery(asyeQueries.mine());
  if (!q.data || q.data.asyes.length === 0) return null;
  return (
    <>
      {q.data.asyes.map((asye) => (
        <section key={asye.id}>
          <h2 className="govuk-heading-m">My ASYE</h2>
          <AsyeFacts asye={asye} />
          <AsyeStages asye={asye} caption="My reviews and when they are due" />
          <h3 className="govuk-heading-s">Reviews recorded</h3>
          <AsyeReviews asye={asye} />
        </section>
      ))}
    </>
  );
}

export function AsyeSection({ source }: { source: WorkerSource }) {
  return source.kind === "self" ? <MyAsye /> : <WorkerAsye orgId={source.orgId} staffId={source.staffId} />;
}
