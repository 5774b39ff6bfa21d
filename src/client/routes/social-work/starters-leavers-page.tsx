import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { longMonth } from "../../../shared/dates";
import { Chart } from "../../components/Chart";
import { Select } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { useOrg, useOrgId } from "../../lib/org";
import { startersLeaversUrl, swAgencyQueries } from "../../queries/social-work-agency";
import { BACK_TO_SERVICE, SwPageLinks } from "./common";

// The monthly starters, leavers and agency workers in post the board report tabulates (issue 20
// item 8): per service (or, for leads and team managers, per team), for 12 to 36 months, with a
// chart of the whole service and CSV and XLSX downloads. The rule is shared/sw-agency-rules.ts.

const pounds = (n: number | null) => (n === null ? "Withheld" : `£${Math.round(n).toLocaleString("en-GB")}`);
const count = (n: number | null, show = (x: number) => String(x)) => (n === null ? "Withheld" : show(n));

export function SwStartersLeaversPage() {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const canSeeTeams = org.data?.permissions.includes("socialwork.view") ?? false;
  const [months, setMonths] = useState("12");
  const [by, setBy] = useState("service");
  const q = useQuery(swAgencyQueries.startersLeavers(orgId, Number(months), by));
  const v = q.data;
  const label = new Map(v?.groups.map((g) => [g.key, g.label]) ?? []);
  const totals = (v?.months ?? []).map((m) => {
    const rows = v?.rows.filter((r) => r.month === m) ?? [];
    // A month with a withheld group has no whole-service total: the total less the rest would give it away.
    const sum = (k: "starters" | "leavers" | "agencyHeadcount") =>
      rows.some((r) => r[k] === null) ? null : rows.reduce((n, r) => n + (r[k] ?? 0), 0);
    return { month: m, starters: sum("starters"), leavers: sum("leavers"), agency: sum("agencyHeadcount") };
  });
  return (
    <Page title="Starters, leavers and agency workers" caption={org.data?.name}>
      <p className="govuk-body">
        For each month: social workers and other staff of the social work service who started and who left (from the
        staff records' start and leaving dates), agency workers in post on the month's last day (headcount, and
        full-time equivalent as weekly hours ÷ 37), and what agency workers cost in the month (weekly hours × (hourly
        rate + agency fee) × days in post ÷ 7).
      </p>
      <SwPageLinks
        orgId={orgId}
        links={[BACK_TO_SERVICE, ["/orgs/$orgId/social-work/agency", "Agency social workers"]]}
      />
      <div className="app-filters">
        <Select
          id="sl-months"
          name="months"
          label="Months"
          value={months}
          onChange={setMonths}
          options={["12", "24", "36"].map((m) => ({ value: m, label: `The last ${m} months` }))}
        />
        {canSeeTeams && (
          <Select
            id="sl-by"
            name="by"
            label="Rows"
            value={by}
            onChange={setBy}
            options={[
              { value: "service", label: "By service" },
              { value: "team", label: "By team" },
            ]}
          />
        )}
      </div>
      {q.error && (
        <div className="govuk-error-summary" role="alert">
          <div className="govuk-error-summary__body">{q.error.message}</div>
        </div>
      )}
      {v && (
        <>
          <Chart
            label="Starters, leavers and agency workers in post by month, the whole service"
            option={{
              tooltip: { trigger: "axis" },
              legend: { bottom: 0 },
              grid: { left: 40, right: 16, top: 16, bottom: 56 },
              xAxis: { type: "category", data: totals.map((t) => longMonth(t.month)) },
              yAxis: { type: "value", minInterval: 1 },
              series: [
                { name: "Starters", type: "bar", data: totals.map((t) => t.starters) },
                { name: "Leavers", type: "bar", data: totals.map((t) => t.leavers) },
                { name: "Agency in post", type: "line", data: totals.map((t) => t.agency) },
              ],
            }}
          />
          {v.note && <p className="govuk-body">{v.note}</p>}
          <Table
            caption={`Starters, leavers and agency workers by month and ${v.by}`}
            rowKey={(r) => `${r.month}-${r.group}`}
            rows={[...v.rows].reverse()}
            columns={[
              { header: "Month", cell: (r) => longMonth(r.month), sortValue: (r) => r.month },
              { header: v.by === "team" ? "Team" : "Service", cell: (r) => label.get(r.group) ?? r.group },
              { header: "Starters", numeric: true, cell: (r) => count(r.starters), sortValue: (r) => r.starters },
              { header: "Leavers", numeric: true, cell: (r) => count(r.leavers), sortValue: (r) => r.leavers },
              {
                header: "Agency in post",
                numeric: true,
                cell: (r) => count(r.agencyHeadcount),
                sortValue: (r) => r.agencyHeadcount,
              },
              {
                header: "Agency FTE",
                numeric: true,
                cell: (r) => count(r.agencyFte, (x) => x.toFixed(2)),
                sortValue: (r) => r.agencyFte,
              },
              {
                header: "Agency cost",
                numeric: true,
                cell: (r) => pounds(r.agencyCost),
                sortValue: (r) => r.agencyCost,
              },
            ]}
          />
          {v.countsNote && <p className="govuk-body">{v.countsNote}</p>}
          <ul className="govuk-list">
            <li>
              <a className="govuk-link" href={startersLeaversUrl(orgId, Number(months), by, "csv")} download>
                Download as CSV
              </a>
            </li>
            <li>
              <a className="govuk-link" href={startersLeaversUrl(orgId, Number(months), by, "xlsx")} download>
                Download as XLSX
              </a>
            </li>
          </ul>
        </>
      )}
    </Page>
  );
}
