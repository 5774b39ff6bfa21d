import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { longDate } from "../../../shared/dates";
import { SW_SERVICE_LABELS, SW_SERVICES } from "../../../shared/social-work";
import { Button, ErrorSummary, fieldErrors, Select, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { PlainForm, useTextFields } from "../../components/plain-form";
import { Table } from "../../components/Table";
import { useOrg } from "../../lib/org";
import { type AlertView, swServiceKeys, swServiceMutations, swServiceQueries } from "../../queries/social-work-service";
import { BACK_TO_SERVICE, fte, SwPageLinks, WorkerLink } from "./common";

// Teams and posts (issue 20 item 1): the teams the user may see (a team manager: their own) with
// manager, posts and alerts; the workers who need attention; the service lead adds a team.

const route = getRouteApi("/orgs/$orgId/social-work/teams");

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
  const {
    values: v,
    field,
    set,
  } = useTextFields({
    name: "",
    service: "children",
    serviceArea: "",
    managerUserId: "",
    caseloadThreshold: "",
  });
  const save = useMutation({
    mutationFn: () =>
      swServiceMutations.createTeam(orgId, {
        name: v.name,
        service: v.service as "adults" | "children",
        serviceArea: v.serviceArea,
        managerUserId: v.managerUserId || null,
        caseloadThreshold: v.caseloadThreshold.trim() ? Number(v.caseloadThreshold) : null,
      }),
    onSuccess: () => {
      // The service and the manager stay chosen for the next team.
      for (const name of ["name", "serviceArea", "caseloadThreshold"] as const) set(name)("");
      client.invalidateQueries({ queryKey: swServiceKeys.all(orgId) });
    },
  });
  const bound = field(fieldErrors(save.error));
  return (
    <PlainForm onSubmit={() => save.mutate()}>
      <h2 className="govuk-heading-m">Add a team</h2>
      <ErrorSummary error={save.error} />
      <TextInput {...bound("name")} label="Team name" />
      <Select
        {...bound("service")}
        label="Service"
        options={SW_SERVICES.map((s) => ({ value: s, label: SW_SERVICE_LABELS[s] }))}
      />
      <TextInput
        {...bound("serviceArea")}
        label="Service area"
        hint="For example, the locality or the part of the service"
      />
      <Select
        {...bound("managerUserId")}
        label="Team manager"
        hint="A member of the council with the team manager or service lead role"
        options={[{ value: "", label: "No manager yet" }, ...managers.map((m) => ({ value: m.id, label: m.name }))]}
      />
      <TextInput
        {...bound("caseloadThreshold")}
        label="Caseload threshold (optional)"
        hint="Open cases per full-time worker; leave empty to use the service's threshold from the settings"
      />
      <Button disabled={save.isPending}>Add team</Button>
    </PlainForm>
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
      <SwPageLinks orgId={orgId} links={[BACK_TO_SERVICE]} />
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
                cell: (w) => <WorkerLink orgId={orgId} staffId={w.id} name={w.name} />,
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
