import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { longMonth } from "../../../shared/dates";
import type { SaveCaseloadsInput } from "../../../shared/schemas/social-work-supervision";
import { swRoleLabel } from "../../../shared/social-work";
import { staleTypeSplit } from "../../../shared/sw-caseload";
import { Button, ErrorSummary, Select, SuccessBanner, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { ApiError, type ApiIssue } from "../../lib/api";
import { useOrg, useOrgId } from "../../lib/org";
import {
  saveTeamCaseloads,
  swSupervisionKeys,
  swSupervisionQueries,
  type TeamCaseloadResponse,
} from "../../queries/social-work-supervision";
import { SwPageLinks, WorkerLink } from "./common";

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
type Worker = TeamCaseloadResponse["workers"][number];

/** What a sent form carried: each entry's worker (the server's issues name entries by index). */
interface Sent {
  entries: SaveCaseloadsInput["entries"];
  workerIds: string[];
  /** Names of the workers whose split by case type was cleared as left over from an old total. */
  cleared: string[];
}

/**
 * The entries to send from the form: a worker with open cases entered; a worker left blank who had
 * an entry (null: remove it); a blank worker with no entry is not sent. A split by case type left
 * over from an earlier total (the total changed, the types were not touched) is cleared, not refused:
 * see staleTypeSplit in shared/sw-caseload.ts.
 */
function entriesOf(workers: Worker[], draft: Draft): Sent & { problems: ApiIssue[] } {
  const sent: Sent = { entries: [], workerIds: [], cleared: [] };
  const problems: ApiIssue[] = [];
  for (const w of workers) {
    const d = draft[w.staffRecordId];
    if (!d) continue;
    const i = sent.entries.length;
    if (!d.open.trim()) {
      if (w.openCases === null) continue;
      sent.entries.push({ staffRecordId: w.staffRecordId, openCases: null, byType: {} });
    } else {
      const open = Number(d.open);
      // Checked here as well: a box that is not a number would travel as null, which removes the entry.
      if (!Number.isInteger(open))
        problems.push({ path: `entries.${i}.openCases`, message: `${w.name}: enter the open cases as a whole number` });
      const byType: Record<string, number> = {};
      for (const [k, v] of Object.entries(d.types)) if (v.trim()) byType[k] = Number(v);
      const stale = staleTypeSplit(w, { openCases: open, byType });
      if (stale) sent.cleared.push(w.name);
      sent.entries.push({ staffRecordId: w.staffRecordId, openCases: open, byType: stale ? {} : byType });
    }
    sent.workerIds.push(w.staffRecordId);
  }
  return { ...sent, problems };
}

const openId = (id: string) => `open-${id}`;
const typeId = (id: string, key: string) => `type-${id}-${key}`;

/** The server's issue paths (entries.N.field) → the boxes they are about, for the error summary's links. */
function fieldIdsOf(workerIds: string[], typeKeys: string[]): Record<string, string> {
  const ids: Record<string, string> = {};
  workerIds.forEach((id, i) => {
    ids[`entries.${i}.staffRecordId`] = openId(id);
    ids[`entries.${i}.openCases`] = openId(id);
    if (typeKeys.length) ids[`entries.${i}.byType`] = typeId(id, typeKeys[0]);
    for (const k of typeKeys) ids[`entries.${i}.byType.${k}`] = typeId(id, k);
  });
  return ids;
}

/** "2 entries removed" and the like: what a save did, beyond the count saved. */
function savedNotes(removed: number, cleared: string[]): string[] {
  const notes: string[] = [];
  if (removed) notes.push(`${removed} ${removed === 1 ? "entry" : "entries"} removed.`);
  if (cleared.length)
    notes.push(
      `Cases by type cleared for ${cleared.join(", ")}: the open cases changed and the old types no longer ` +
        "added up. Enter the types again if you need them.",
    );
  return notes;
}

function TeamForm({ orgId, team, month }: { orgId: string; team: TeamCaseloadResponse; month: string }) {
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Draft>({});
  const [done, setDone] = useState<{ title: string; notes: string[] } | null>(null);
  const [sentIds, setSentIds] = useState<string[]>([]);
  // Whose "By case type" is open: the person's own toggling, and any the server's answer points at.
  const [openTypes, setOpenTypes] = useState<Record<string, boolean>>({});
  const typeKeys = team.caseTypes.map((t) => t.key);
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
    mutationFn: async () => {
      const sent = entriesOf(team.workers, draft);
      setSentIds(sent.workerIds);
      if (sent.problems.length)
        throw new ApiError(400, "validation", `Nothing was saved: ${sent.problems[0].message}`, sent.problems);
      if (!sent.entries.length)
        throw new ApiError(400, "validation", "Enter at least one worker's open cases", [
          { path: "entries.0.openCases", message: "Enter at least one worker's open cases" },
        ]);
      const r = await saveTeamCaseloads(orgId, team.teamId, month, { entries: sent.entries });
      return { ...r, cleared: sent.cleared };
    },
    onSuccess: async (r) => {
      setDone({
        title: `${r.saved} caseloads saved for ${team.name}, ${monthLabel(month)}`,
        notes: savedNotes(r.removed, r.cleared),
      });
      await qc.invalidateQueries({ queryKey: swSupervisionKeys.all(orgId) });
    },
  });
  const fields = fieldIdsOf(sentIds.length ? sentIds : team.workers.map((w) => w.staffRecordId), typeKeys);
  const issues = save.error instanceof ApiError ? save.error.issues : [];
  /** A worker's problems: on the open cases, and on the types (shown by the first type's box). */
  const errorsOf = (id: string) => {
    const on = (prefix: (i: number) => string) =>
      issues.find((x) => sentIds.some((s, i) => s === id && x.path.startsWith(prefix(i))))?.message;
    return {
      open: on((i) => `entries.${i}.openCases`) ?? on((i) => `entries.${i}.staffRecordId`),
      types: on((i) => `entries.${i}.byType`),
    };
  };
  useEffect(() => {
    const at = save.error instanceof ApiError ? save.error.issues : [];
    const wrongTypes = sentIds.filter((_, i) => at.some((x) => x.path.startsWith(`entries.${i}.byType`)));
    if (wrongTypes.length) setOpenTypes((o) => ({ ...o, ...Object.fromEntries(wrongTypes.map((id) => [id, true])) }));
  }, [save.error, sentIds]);
  const typesTotal = (id: string) =>
    Object.values(draft[id]?.types ?? {})
      .filter((v) => v.trim())
      .reduce((s, v) => s + (Number(v) || 0), 0);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        save.mutate();
      }}
    >
      {done && (
        <SuccessBanner title={done.title}>
          {done.notes.map((n) => (
            <p className="govuk-body" key={n}>
              {n}
            </p>
          ))}
        </SuccessBanner>
      )}
      <ErrorSummary error={save.error} fields={fields} />
      <p className="govuk-body">
        Enter each worker's open cases; the cases by type are optional but, when given, must add up to the open cases.
        Leave a worker's open cases blank to remove their entry for the month. Nothing is saved unless every entry is
        right.
      </p>
      {team.workers.map((w) => {
        const errors = errorsOf(w.staffRecordId);
        const total = typesTotal(w.staffRecordId);
        return (
          <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={w.staffRecordId}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
              {w.name} ({swRoleLabel(w.role)}, {w.fte} FTE
              {w.protectedTarget !== null ? `, protected caseload ${w.protectedTarget}` : ""})
            </legend>
            <TextInput
              id={openId(w.staffRecordId)}
              name={`open-${w.staffRecordId}`}
              label="Open cases"
              error={errors.open}
              value={draft[w.staffRecordId]?.open ?? ""}
              onChange={(v) => setDraft({ ...draft, [w.staffRecordId]: { ...draft[w.staffRecordId], open: v } })}
            />
            <details
              className="govuk-details"
              open={Boolean(openTypes[w.staffRecordId])}
              onToggle={(e) => {
                const isOpen = e.currentTarget.open;
                setOpenTypes((o) => (o[w.staffRecordId] === isOpen ? o : { ...o, [w.staffRecordId]: isOpen }));
              }}
            >
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">By case type{total ? ` (adds up to ${total})` : ""}</span>
              </summary>
              <div className="govuk-details__text">
                {team.caseTypes.map((t, k) => (
                  <TextInput
                    key={t.key}
                    id={typeId(w.staffRecordId, t.key)}
                    name={`type-${w.staffRecordId}-${t.key}`}
                    label={t.label}
                    error={k === 0 ? errors.types : undefined}
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
        );
      })}
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
  const [picked, setTeamId] = useState("");
  const o = q.data;
  // A manager with one team is not asked to pick it.
  const onlyTeam = o?.teams.length === 1 ? o.teams[0] : null;
  const teamId = onlyTeam?.teamId ?? picked;
  const team = useQuery({ ...swSupervisionQueries.teamCaseloads(orgId, teamId, month), enabled: Boolean(teamId) });
  return (
    <Page title="Caseloads" caption="Social work">
      <SwPageLinks
        orgId={orgId}
        links={[
          ["/orgs/$orgId/social-work", "Social work overview"],
          ["/orgs/$orgId/social-work/supervision", "Supervision"],
        ]}
      />
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
          {/* The table's caption is its heading; the heading is written out only when there is no table. */}
          {o.nqswsAboveProtection.length === 0 ? (
            <>
              <h2 className="govuk-heading-m">Newly qualified workers above their protected caseload</h2>
              <p className="govuk-body">None this month.</p>
            </>
          ) : (
            <Table
              caption="Newly qualified workers above their protected caseload"
              rowKey={(r) => r.staffRecordId}
              rows={o.nqswsAboveProtection}
              columns={[
                {
                  header: "Worker",
                  cell: (r) => <WorkerLink orgId={orgId} staffId={r.staffRecordId} name={r.name} />,
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
              <h2 className="govuk-heading-m">
                {onlyTeam ? `Enter ${onlyTeam.name}'s month` : "Enter a team's month"}
              </h2>
              {!onlyTeam && (
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
              )}
              {team.data && <TeamForm orgId={orgId} team={team.data} month={month} />}
            </>
          )}
        </>
      )}
    </Page>
  );
}
