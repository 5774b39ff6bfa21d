import { useQuery } from "@tanstack/react-query";
import { longMonth } from "../../../../shared/dates";
import { CASE_TYPE_LABELS } from "../../../../shared/social-work";
import { Table } from "../../../components/Table";
import { swSupervisionQueries } from "../../../queries/social-work-supervision";
import type { WorkerSource } from "./source";

// A worker's caseload by month (issue 20 item 5), with their protected caseload in their ASYE.

const byTypeText = (byType: Record<string, number>) =>
  Object.entries(byType)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${CASE_TYPE_LABELS[k] ?? k} ${n}`)
    .join(", ") || "Not broken down";

export function CaseloadSection({ source }: { source: WorkerSource }) {
  const q = useQuery(swSupervisionQueries.workerCaseloads(source));
  const d = q.data;
  if (!d) return null;
  return (
    <section aria-labelledby="caseload-heading">
      <h2 className="govuk-heading-m" id="caseload-heading">
        Caseload
      </h2>
      {d.months.length === 0 ? (
        <p className="govuk-body">No caseloads recorded.</p>
      ) : (
        <Table
          caption="Open cases by month"
          rowKey={(r) => r.month}
          rows={d.months.slice(0, 12)}
          columns={[
            { header: "Month", cell: (r) => longMonth(`${r.month}-01`) },
            { header: "Open cases", numeric: true, cell: (r) => r.openCases },
            {
              header: "Protected caseload",
              cell: (r) =>
                r.protectedTarget === null
                  ? "Not in ASYE"
                  : `${r.protectedTarget}${r.withinProtection ? " (within)" : " (above)"}`,
            },
            { header: "By type", cell: (r) => byTypeText(r.byType) },
          ]}
        />
      )}
    </section>
  );
}
