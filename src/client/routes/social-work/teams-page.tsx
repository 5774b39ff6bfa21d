import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { longDate } from "../../../shared/dates";
import { SW_SERVICE_LABELS, SW_SERVICES } from "../../../shared/social-work";
import { Button, ErrorSummary, fieldErrors, Select, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { useOrg } from "../../lib/org";
import { type AlertView, swServiceKeys, swServiceMutations, swServiceQueries } from "../../queries/social-work-service";

// Teams and posts (issue 20 item 1): the teams the user may see (a team manager: their own) with
// manager, posts and alerts; the workers who need attention; the service lead adds a team.

const route = getRouteApi("/orgs/$orgId/social-work/teams");
export const fte = (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: 2 });

/** A worker's alerts as a short list (or "None"). */
export function AlertList({ alerts }: { alerts: AlertView[] }) {
  if (!alerts.length) return <>None</>;
  return (
    <ul className="govuk-list">
      {alerts.map((a) => (
        <li key={a.kind}>
          <strong className="govuk-tag govuk-tag--orange">{a.message}</strong>
          {a.dueOn && ` (${longDate(a.dueOn)})`}
        </li>
      ))}
    </ul>
  );
}

function NewTeam({ orgId, managers }: { orgId: string; managers: { id: string; name: string }[] }) {
  const client = useQueryClient();
  const [name, setName] = useState("");
  const [service, setService] = useState<string>("children");
  const [serviceArea, setServiceArea] = useState("");
  const [managerUserId, setManager] = useState("");
  const [threshold, setThreshold] = useState("");
  const save = useMutation({
    mutationFn: () =>
      swServiceMutations.createTeam(orgId, {
        name,
        service: service as "adults" | "children",
        serviceArea,
        managerUserId: managerUserId || null,
        caseloadThreshold: threshold.trim() ? Number(threshold) : null,
      }),
    onSuccess: () => {
      setName("");
      setServiceArea("");
      setThreshold("");
      client.invalidateQueries({ queryKey: swServiceKeys.all(orgId) });
    },
  });
  const errors = fieldErrors(save.error);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 className="govuk-heading-m">Add a team</h2>
      <ErrorSummary error={save.error} />
      <TextInput id="name" name="name" label="Team name" value={name} onChange={setName} error={errors.name} />
      <Select
        id="service"
        name="service"
        label="Service"
        value={service}
        onChange={setService}
        error={errors.service}
        options={SW_SERVICES.map((s) => ({ value: s, label: SW_SERVICE_LABELS[s] }))}
      />
      <TextInput
        id="serviceArea"
        name="serviceArea"
        label="Service area"
        hint="For example, the locality or the part of the service"
        value={serviceArea}
        onChange={setServiceArea}
        error={errors.serviceArea}
      />
      <Select
        id="managerUserId"
        name="managerUserId"
        label="Team manager"
        hint="A member of the council with the team manager or service lead role"
        value={managerUserId}
        onChange={setManager}
        error={errors.managerUserId}
        options={[{ value: "", label: "No manager yet" }, ...managers.map((m) => ({ value: m.id, label: m.name }))]}
      />
      <TextInput
        id="caseloadThreshold"
        name="caseloadThreshold"
        label="Caseload threshold (optional)"
        hint="Open cases per full-time worker; leave empty to use the service's threshold from the settings"
        value={threshold}
        onChange={setThreshold}
        error={errors.caseloadThreshold}
      />
      <Button disabled={save.isPending}>Add team</Button>
    </form>
  );
}

export function SwTeamsPage() {
  const { orgId } = route.useParams();
  const org = useOrg(orgId);
  const canManage = org.data?.permissions.includes("socialwork.manage") ?? false;
  const teams = useQuery(swServiceQueries.teams(orgId));
  const attention = useQuery(swServiceQueries.workers(orgId, { attention: "true" }));
  return (
    <Page title="Teams and posts">
      <p className="govuk-body">
        <Link to="/orgs/$orgId/social-work" params={{ orgId }} className="govuk-link">
          Back to the social work service
        </Link>
      </p>
      {teams.isError && <ErrorSummary error={teams.error} />}
      {teams.data && (
        <>
          <p className="govuk-body">
            Posts on {longDate(teams.data.at)} in full-time equivalents: contracted hours ÷ 37, at most 1 a person.
          </p>
          {teams.data.teams.length ? (
            <Table
              caption="Teams"
              rowKey={(t) => t.id}
              rows={teams.data.teams}
              columns={[
                {
                  header: "Team",
                  sortValue: (t) => t.name,
                  cell: (t) => (
                    <Link
                      to="/orgs/$orgId/social-work/teams/$teamId"
                      params={{ orgId, teamId: t.id }}
                      className="govuk-link"
                    >
                      {t.name}
                    </Link>
                  ),
                },
                { header: "Service", cell: (t) => SW_SERVICE_LABELS[t.service] },
                { header: "Service area", cell: (t) => t.serviceArea || "Not recorded" },
                { header: "Manager", cell: (t) => t.manager?.name ?? "None" },
                { header: "Funded", numeric: true, cell: (t) => fte(t.posts.funded) },
                { header: "Filled", numeric: true, cell: (t) => fte(t.posts.filled) },
                { header: "Vacant", numeric: true, sortValue: (t) => t.posts.vacant, cell: (t) => fte(t.posts.vacant) },
                { header: "Agency cover", numeric: true, cell: (t) => fte(t.posts.agencyCover) },
                { header: "Workers with alerts", numeric: true, sortValue: (t) => t.alerts, cell: (t) => t.alerts },
              ]}
            />
          ) : (
            <p className="govuk-body">No teams to show.</p>
          )}
        </>
      )}
      <h2 className="govuk-heading-m" id="attention">
        Workers who need attention
      </h2>
      {attention.data &&
        (attention.data.workers.length ? (
          <Table
            caption="Registration and warrant alerts"
            rowKey={(w) => w.id}
            rows={attention.data.workers}
            columns={[
              {
                header: "Worker",
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
              { header: "Team", cell: (w) => w.teamName },
              { header: "Alerts", cell: (w) => <AlertList alerts={w.alerts} /> },
            ]}
          />
        ) : (
          <p className="govuk-body">Nobody's registration or warrants need attention.</p>
        ))}
      {canManage && teams.data && <NewTeam orgId={orgId} managers={teams.data.managerOptions} />}
    </Page>
  );
}
