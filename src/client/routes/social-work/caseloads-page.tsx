import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { longMonth } from "../../../shared/dates";
import { swRoleLabel } from "../../../shared/social-work";
import { Button, ErrorSummary, Select, SuccessBanner, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { ApiError } from "../../lib/api";
import { useOrg, useOrgId } from "../../lib/org";
import {
  saveTeamCaseloads,
  swSupervisionKeys,
  swSupervisionQueries,
  type TeamCaseloadResponse,
} from "../../queries/social-work-supervision";

// Caseloads (issue 20 item 5): each team's open cases per full-time case holder against its
// threshold, newly qualified workers above their protected caseload, and a team's month entered in
// one form (all or nothing). The rules are shared/sw-caseload.ts.

/** The last 12 months, newest first, as YYYY-MM. */
function lastMonths(n = 12): string[] {
  const now = new Date();
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    return d.toISOString().slice(0, 7);
  });
}
const monthLabel = (m: string) => longMonth(`${m}-01`);

type Draft = Record<string, { open: string; types: Record<string, string> }>;

function TeamForm({ orgId, team, month }: { orgId: string; team: TeamCaseloadResponse; month: string }) {
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Draft>({});
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    setDraft(
      Object.fromEntries(
        team.workers.map((w) => [
          w.staffRecordId,
          {
            open: w.openCases === null ? "" : String(w.openCases),
            types: Object.fromEntries(
              team.caseTypes.map((t) => [t.key, w.byType[t.key] === undefined ? "" : String(w.byType[t.key])]),
            ),
          },
        ]),
      ),
    );
  }, [team]);
  const save = useMutation({
    mutationFn: () => {
      const entries = team.workers
        .filter((w) => draft[w.staffRecordId]?.open.trim())
        .map((w) => {
          const d = draft[w.staffRecordId];
          const open = Number(d.open);
          if (!Number.isInteger(open))
            throw new ApiError(400, "validation", `${w.name}: enter the open cases as a whole number`, [
              { path: `open-${w.staffRecordId}`, message: `${w.name}: enter the open cases as a whole number` },
            ]);
          const byType: Record<string, number> = {};
          for (const [k, v] of Object.entries(d.types)) if (v.trim()) byType[k] = Number(v);
          return { staffRecordId: w.staffRecordId, openCases: open, byType };
        });
      return saveTeamCaseloads(orgId, team.teamId, month, { entries });
    },
    onSuccess: async (r) => {
      setDone(`${r.saved} caseloads saved for ${team.name}, ${monthLabel(month)}`);
      await qc.invalidateQueries({ queryKey: swSupervisionKeys.all(orgId) });
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        save.mutate();
      }}
    >
      {done && <SuccessBanner title={done} />}
      <ErrorSummary error={save.error} />
      <p className="govuk-body">
        Enter each worker's open cases; the cases by type are optional but, when given, must add up to the open cases.
        Nothing is saved unless every entry is right.
      </p>
      {team.workers.map((w) => (
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={w.staffRecordId}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
            {w.name} ({swRoleLabel(w.role)}, {w.fte} FTE
            {w.protectedTarget !== null ? `, protected caseload ${w.protectedTarget}` : ""})
          </legend>
          <TextInput
            id={`open-${w.staffRecordId}`}
            name={`open-${w.staffRecordId}`}
            label="Open cases"
            value={draft[w.staffRecordId]?.open ?? ""}
            onChange={(v) => setDraft({ ...draft, [w.staffRecordId]: { ...draft[w.staffRecordId], open: v } })}
          />
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">By case type</span>
            </summary>
            <div className="govuk-details__text">
              {team.caseTypes.map((t) => (
                <TextInput
                  key={t.key}
                  id={`type-${w.staffRecordId}-${t.key}`}
                  name={`type-${w.staffRecordId}-${t.key}`}
                  label={t.label}
                  value={draft[w.staffRecordId]?.types[t.key] ?? ""}
                  onChange={(v) =>
                    setDraft({
                      ...draft,
                      [w.staffRecordId]: {
                        ...draft[w.staffRecordId],
                        types: { ...draft[w.staffRecordId].types, [t.key]: v },
                      },
                    })
                  }
                />
              ))}
            </div>
          </details>
        </fieldset>
      ))}
      <Button disabled={save.isPending}>Save {team.name}'s caseloads</Button>
    </form>
  );
}

export function SwCaseloadsPage() {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const canEnter = org.data?.permissions.includes("socialwork.supervise") ?? false;
  const months = lastMonths();
  const [month, setMonth] = useState(months[0]);
  const q = useQuery(swSupervisionQueries.caseloads(orgId, month));
  const [teamId, setTeamId] = useState("");
  const team = useQuery({ ...swSupervisionQueries.teamCaseloads(orgId, teamId, month), enabled: Boolean(teamId) });
  const o = q.data;
  return (
    <Page title="Caseloads" caption="Social work">
      <p className="govuk-body">
        <Link to="/orgs/$orgId/social-work" params={{ orgId }} className="govuk-link">
          Social work overview
        </Link>{" "}
        ·{" "}
        <Link to="/orgs/$orgId/social-work/supervision" params={{ orgId }} className="govuk-link">
          Supervision
        </Link>
      </p>
      <Select
        id="cl-month"
        name="month"
        label="Month"
        value={month}
        onChange={setMonth}
        options={months.map((m) => ({ value: m, label: monthLabel(m) }))}
      />
      {q.error && <ErrorSummary error={q.error} />}
      {o && (
        <>
          <Table
            caption={`Average caseload by team, ${monthLabel(o.month)}`}
            rowKey={(r) => r.teamId}
            rows={o.teams}
            columns={[
              { header: "Team", cell: (r) => r.name, sortValue: (r) => r.name },
              { header: "Case holders entered", numeric: true, cell: (r) => `${r.entered} of ${r.caseHolders}` },
              { header: "FTE", numeric: true, cell: (r) => r.fte },
              {
                header: "Cases per FTE",
                numeric: true,
                cell: (r) => r.average ?? "Not entered",
                sortValue: (r) => r.average,
              },
              { header: "Threshold", numeric: true, cell: (r) => r.threshold },
              {
                header: "Status",
                cell: (r) =>
                  r.above ? (
                    <strong className="govuk-tag govuk-tag--red">Above threshold</strong>
                  ) : r.average === null ? (
                    ""
                  ) : (
                    "Within"
                  ),
              },
            ]}
          />
          <p className="govuk-body-s">
            Cases per FTE: the open cases of a team's case-holding workers divided by their full-time equivalent
            (contracted hours ÷ 37). The threshold is the team's own, else the service's in the settings.
          </p>
          <h2 className="govuk-heading-m">Newly qualified workers above their protected caseload</h2>
          {o.nqswsAboveProtection.length === 0 ? (
            <p className="govuk-body">None this month.</p>
          ) : (
            <Table
              caption="Newly qualified workers above protection"
              rowKey={(r) => r.staffRecordId}
              rows={o.nqswsAboveProtection}
              columns={[
                {
                  header: "Worker",
                  cell: (r) => (
                    <Link
                      to="/orgs/$orgId/social-work/workers/$staffId"
                      params={{ orgId, staffId: r.staffRecordId }}
                      className="govuk-link"
                    >
                      {r.name}
                    </Link>
                  ),
                },
                { header: "Team", cell: (r) => r.teamName },
                { header: "Open cases", numeric: true, cell: (r) => r.openCases },
                { header: "Protected caseload", numeric: true, cell: (r) => r.protectedTarget },
              ]}
            />
          )}
          <p className="govuk-body-s">
            The protected caseload is the ASYE's own target, else the council's protection share of the team's
            threshold, rounded down.
          </p>
          {canEnter && (
            <>
              <h2 className="govuk-heading-m">Enter a team's month</h2>
              <Select
                id="cl-team"
                name="team"
                label="Team"
                value={teamId}
                onChange={setTeamId}
                options={[
                  { value: "", label: "Choose a team" },
                  ...o.teams.map((t) => ({ value: t.teamId, label: t.name })),
                ]}
              />
              {team.data && <TeamForm orgId={orgId} team={team.data} month={month} />}
            </>
          )}
        </>
      )}
    </Page>
  );
}
