// The quarterly board report (issue 16): choose a quarter, write its narrative (title, who it is
// to, the meeting, the reporting officer, the purpose and the recommendations), download it as Word
// or PDF, and every version generated before, each kept as it was made.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { z } from "zod";
import { dateFromParts, datePartsOf } from "../../../shared/date-input";
import { longDate, longDateTime, todayIso } from "../../../shared/dates";
import { type BoardReportNarrativeResponse, boardReportNarrativeInput } from "../../../shared/schemas/strategy-report";
import { lastEndedQuarter, previousQuarter, quarterLabel } from "../../../shared/strategy";
import {
  Button,
  DateField,
  Form,
  SuccessBanner,
  TextAreaField,
  TextField,
  useSchemaForm,
} from "../../components/forms";
import { Page } from "../../components/Page";
import { Section } from "../../components/Section";
import { Table } from "../../components/Table";
import { useOrg, useOrgId } from "../../lib/org";
import { keptReportHref, reportHref, strategyApi, strategyKeys, strategyQueries } from "../../queries/strategy";
import { Problem, StrategyNav } from "./common";

const reportRoute = getRouteApi("/orgs/$orgId/strategy/report");
const FORMAT_LABELS = { docx: "Word", pdf: "PDF" } as const;

/** The last eight quarters that have ended, latest first. */
function recentQuarters(today = todayIso()): string[] {
  const out: string[] = [lastEndedQuarter(today)];
  while (out.length < 8) out.push(previousQuarter(out[out.length - 1]));
  return out;
}

export function BoardReportPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const search = reportRoute.useSearch();
  const navigate = reportRoute.useNavigate();
  const quarters = recentQuarters();
  const quarter = search.quarter ?? quarters[0];
  const queryClient = useQueryClient();
  const reports = useQuery(strategyQueries.reports(orgId));
  const canManage = org.data?.permissions.includes("strategy.manage") ?? false;
  // The report is made on the server as it downloads, and kept: the list is read again after.
  const refreshKept = () => {
    for (const ms of [3000, 8000])
      setTimeout(() => queryClient.invalidateQueries({ queryKey: strategyKeys.reports(orgId) }), ms);
  };
  const [choice, setChoice] = useState(quarter);
  return (
    <Page title="Quarterly board report" caption="Workforce strategy">
      <StrategyNav orgId={orgId} />
      <p className="govuk-body">
        A report to the board in the shape of a committee report: progress by recommendation, the workforce figures at
        the quarter end with charts, risks and implications. Every figure comes from the hub as at the quarter end.
      </p>
      <form
        className="govuk-!-margin-bottom-6"
        onSubmit={(e) => {
          e.preventDefault();
          navigate({ to: "/orgs/$orgId/strategy/report", params: { orgId }, search: { quarter: choice } });
        }}
      >
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="quarter">
            Quarter
          </label>
          <select id="quarter" className="govuk-select" value={choice} onChange={(e) => setChoice(e.target.value)}>
            {quarters.map((q) => (
              <option key={q} value={q}>
                {quarterLabel(q)}
              </option>
            ))}
          </select>
        </div>
        <Button secondary>Choose quarter</Button>
      </form>

      <Narrative key={quarter} orgId={orgId} quarter={quarter} canManage={canManage} />

      <Section id="download" title={`Download the report for ${quarterLabel(quarter)}`}>
        <ul className="govuk-list">
          {(["docx", "pdf"] as const).map((f) => (
            <li key={f}>
              <a className="govuk-link" href={reportHref(orgId, quarter, f)} download onClick={refreshKept}>
                Download the report for {quarterLabel(quarter)} as {FORMAT_LABELS[f]}
                {f === "docx" ? " (DOCX)" : ""}
              </a>
            </li>
          ))}
        </ul>
        <p className="govuk-body-s">Each file is generated when you download it, and a copy is kept below.</p>
      </Section>

      <Section id="kept" title="Reports generated before">
        {reports.error ? (
          <Problem error={reports.error} />
        ) : !reports.data ? (
          <p className="govuk-body">Loading…</p>
        ) : reports.data.reports.length === 0 ? (
          <p className="govuk-body">No reports have been generated yet.</p>
        ) : (
          <Table
            caption="Every version kept, newest first"
            rowKey={(r) => r.id}
            rows={reports.data.reports}
            columns={[
              {
                header: "Report",
                cell: (r) => (
                  <a className="govuk-link" href={keptReportHref(orgId, r.id)} download>
                    {quarterLabel(r.quarter)}, {FORMAT_LABELS[r.format]}, made {longDateTime(r.generatedAt)}
                  </a>
                ),
              },
              { header: "Made by", cell: (r) => r.generatedBy ?? "Not known" },
              {
                header: "Size",
                numeric: true,
                cell: (r) => `${Math.max(1, Math.round(r.size / 1024)).toLocaleString("en-GB")} KB`,
              },
            ]}
          />
        )}
      </Section>
    </Page>
  );
}

/** The narrative form's schema: the meeting date in date boxes, the recommendations one a line. */
const narrativeForm = boardReportNarrativeInput.extend({
  meetingDate: dateFromParts("Date of the meeting", { optional: true }),
  recommendations: z
    .string()
    .transform((s) =>
      s
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(boardReportNarrativeInput.shape.recommendations),
});

function Narrative({
  orgId,
  quarter,
  canManage,
}: {
  orgId: string;
  quarter: string;
  canManage: boolean;
}): React.ReactNode {
  const narrative = useQuery(strategyQueries.narrative(orgId, quarter));
  if (narrative.error) return <Problem error={narrative.error} />;
  if (!narrative.data) return <p className="govuk-body">Loading…</p>;
  const n = narrative.data;
  if (!canManage)
    return (
      <Section id="narrative" title="The report's narrative">
        <dl className="govuk-summary-list">
          {(
            [
              ["Title", n.narrative.title],
              ["Report to", n.narrative.reportTo],
              ["Date of meeting", n.narrative.meetingDate ? longDate(n.narrative.meetingDate) : "Not set"],
              ["Reporting officer", n.narrative.reportingOfficer],
              ["Purpose", n.narrative.purpose],
              ["Recommendations", n.narrative.recommendations.join(" ")],
            ] as const
          ).map(([k, v]) => (
            <div className="govuk-summary-list__row" key={k}>
              <dt className="govuk-summary-list__key">{k}</dt>
              <dd className="govuk-summary-list__value">{v}</dd>
            </div>
          ))}
        </dl>
      </Section>
    );
  return <NarrativeForm orgId={orgId} quarter={quarter} data={n} />;
}

function NarrativeForm({
  orgId,
  quarter,
  data,
}: {
  orgId: string;
  quarter: string;
  data: BoardReportNarrativeResponse;
}): React.ReactNode {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const n = data.narrative;
  const form = useSchemaForm(narrativeForm, {
    title: n.title,
    reportTo: n.reportTo,
    meetingDate: datePartsOf(n.meetingDate),
    reportingOfficer: n.reportingOfficer,
    purpose: n.purpose,
    recommendations: n.recommendations.join("\n"),
  });
  const save = useMutation({
    mutationFn: (body: z.output<typeof narrativeForm>) => strategyApi.saveNarrative(orgId, quarter, body),
    onSuccess: () => {
      setSaved(true);
      queryClient.invalidateQueries({ queryKey: strategyKeys.reports(orgId) });
    },
  });
  return (
    <Section id="narrative" title="The report's narrative">
      {saved && <SuccessBanner title="The narrative has been saved. Reports generated from now use it." />}
      <p className="govuk-body">
        {data.saved
          ? `The council's own narrative for this quarter${data.updatedAt ? `, saved ${longDateTime(data.updatedAt)}` : ""}.`
          : "The hub's suggestion: change it and save before generating the report."}
      </p>
      <Form
        form={form}
        onSubmit={(v) => {
          setSaved(false);
          save.mutate(v);
        }}
        error={save.error}
      >
        <TextField name="title" label="Title of the report" />
        <TextField name="reportTo" label="Report to" hint="For example, Executive Board" />
        <DateField name="meetingDate" id="meeting-date" legend="Date of the meeting (optional)" />
        <TextField name="reportingOfficer" label="Reporting officer" />
        <TextAreaField name="purpose" label="Purpose of the report" rows={5} />
        <TextAreaField
          name="recommendations"
          label="Recommendations for the board"
          hint="One recommendation on each line"
          rows={5}
        />
        <Button disabled={save.isPending}>Save the narrative</Button>
      </Form>
    </Section>
  );
}
