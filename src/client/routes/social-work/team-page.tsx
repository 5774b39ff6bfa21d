import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { type DateParts, datePartsOf, parseDateParts } from "../../../shared/date-input";
import { longDate } from "../../../shared/dates";
import { SW_ROLE_KEYS, SW_SERVICE_LABELS, swRoleLabel } from "../../../shared/social-work";
import { DateInput } from "../../components/DateInput";
import { Button, ErrorSummary, fieldErrors, Select, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { useOrg } from "../../lib/org";
import { swServiceKeys, swServiceMutations, swServiceQueries } from "../../queries/social-work-service";
import { AlertList, fte } from "./teams-page";

// A team (issue 20 item 1): its posts by role on the day (funded, filled, vacant, agency cover),
// the funded posts' history, its workers with their alerts; the service lead sets a role's funded
// posts from a date and archives a team with nobody in post.

const route = getRouteApi("/orgs/$orgId/social-work/teams/$teamId");

function SetFunded({ orgId, teamId }: { orgId: string; teamId: string }) {
  const client = useQueryClient();
  const [role, setRole] = useState<string>("social_worker");
  const [funded, setFunded] = useState("");
  const [from, setFrom] = useState<DateParts>(datePartsOf(null));
  const [dateError, setDateError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: (effectiveFrom: string) =>
      swServiceMutations.setEstablishment(orgId, teamId, {
        role: role as (typeof SW_ROLE_KEYS)[number],
        fundedFte: funded.trim() === "" ? Number.NaN : Number(funded),
        effectiveFrom,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: swServiceKeys.all(orgId) }),
  });
  const errors = fieldErrors(save.error);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = parseDateParts(from, "Date the funding starts");
        if (!parsed.ok) return setDateError(parsed.message);
        setDateError(undefined);
        save.mutate(parsed.iso);
      }}
    >
      <h2 className="govuk-heading-m">Set funded posts</h2>
      <ErrorSummary error={save.error} />
      <Select
        id="role"
        name="role"
        label="Role"
        value={role}
        onChange={setRole}
        error={errors.role}
        options={SW_ROLE_KEYS.map((r) => ({ value: r, label: swRoleLabel(r) }))}
      />
      <TextInput
        id="fundedFte"
        name="fundedFte"
        label="Funded posts (full-time equivalents)"
        hint="For example, 4.5"
        value={funded}
        onChange={setFunded}
        error={errors.fundedFte}
      />
      <DateInput
        id="effectiveFrom"
        legend="Date the funding starts"
        hint="Earlier figures are kept as history"
        value={from}
        onChange={setFrom}
        error={dateError ?? errors.effectiveFrom}
      />
      <Button disabled={save.isPending}>Save funded posts</Button>
    </form>
  );
}

export function SwTeamPage() {
  const { orgId, teamId } = route.useParams();
  const org = useOrg(orgId);
  const canManage = org.data?.permissions.includes("socialwork.manage") ?? false;
  const client = useQueryClient();
  const team = useQuery(swServiceQueries.team(orgId, teamId));
  const archive = useMutation({
    mutationFn: () => swServiceMutations.archiveTeam(orgId, teamId),
    onSuccess: () => client.invalidateQueries({ queryKey: swServiceKeys.all(orgId) }),
  });
  const d = team.data;
  return (
    <Page title={d ? d.team.name : "Team"}>
      <p className="govuk-body">
        <Link to="/orgs/$orgId/social-work/teams" params={{ orgId }} className="govuk-link">
          Back to teams and posts
        </Link>
      </p>
      {team.isError && <ErrorSummary error={team.error} />}
      {d && (
        <>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Service</dt>
              <dd className="govuk-summary-list__value">{SW_SERVICE_LABELS[d.team.service]}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Service area</dt>
              <dd className="govuk-summary-list__value">{d.team.serviceArea || "Not recorded"}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Manager</dt>
              <dd className="govuk-summary-list__value">{d.team.manager?.name ?? "None"}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Caseload threshold</dt>
              <dd className="govuk-summary-list__value">
                {d.team.caseloadThreshold === null
                  ? "The service's (see settings)"
                  : `${d.team.caseloadThreshold} open cases`}
              </dd>
            </div>
            {d.team.archivedAt && (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Archived</dt>
                <dd className="govuk-summary-list__value">{longDate(d.team.archivedAt)}</dd>
              </div>
            )}
          </dl>
          {d.establishment.rows.length ? (
            <Table
              caption={`Posts on ${longDate(d.at)} (full-time equivalents)`}
              rowKey={(r) => r.role}
              rows={[
                ...d.establishment.rows,
                { ...d.establishment.totals, role: "total" as never, roleLabel: "Total" },
              ]}
              columns={[
                { header: "Role", cell: (r) => r.roleLabel },
                { header: "Funded", numeric: true, cell: (r) => fte(r.funded) },
                { header: "Filled", numeric: true, cell: (r) => fte(r.filled) },
                { header: "Vacant", numeric: true, cell: (r) => fte(r.vacant) },
                { header: "Covered by agency", numeric: true, cell: (r) => fte(r.agencyCover) },
              ]}
            />
          ) : (
            <p className="govuk-body">No posts are funded and nobody is in post.</p>
          )}
          <Table
            caption="Workers"
            rowKey={(w) => w.id}
            rows={d.workers}
            columns={[
              {
                header: "Worker",
                sortValue: (w) => w.name,
                cell: (w) => (
                  <Link
                    to="/orgs/$orgId/social-work/workers/$staffId"
                    params={{ orgId, staffId: w.id }}
                    className="govuk-link"
                  >
                    {w.name}
                  </Link>
                ),
              },
              { header: "Role", cell: (w) => w.roleLabel },
              { header: "FTE", numeric: true, cell: (w) => fte(w.fte) },
              { header: "Started", cell: (w) => longDate(w.startDate) },
              { header: "Alerts", cell: (w) => <AlertList alerts={w.alerts} /> },
            ]}
          />
          {d.history.length > 0 && (
            <Table
              caption="Funded posts over time"
              rowKey={(h) => `${h.role}-${h.effectiveFrom}`}
              rows={d.history}
              columns={[
                { header: "Role", cell: (h) => swRoleLabel(h.role) },
                { header: "From", cell: (h) => longDate(h.effectiveFrom) },
                { header: "Funded", numeric: true, cell: (h) => fte(h.fundedFte) },
              ]}
            />
          )}
          {canManage && !d.team.archivedAt && (
            <>
              <SetFunded orgId={orgId} teamId={teamId} />
              <h2 className="govuk-heading-m">Archive the team</h2>
              <ErrorSummary error={archive.error} />
              <p className="govuk-body">A team can be archived once nobody is in post in it.</p>
              <Button warning type="button" disabled={archive.isPending} onClick={() => archive.mutate()}>
                Archive {d.team.name}
              </Button>
            </>
          )}
        </>
      )}
    </Page>
  );
}
