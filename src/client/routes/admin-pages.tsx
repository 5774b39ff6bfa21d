import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { longDate, longDateTime } from "../../shared/dates";
import { HEADLINES } from "../../shared/metrics";
import { ORG_KIND_LABELS, ORG_KINDS, type OrgKind } from "../../shared/permissions";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextInput } from "../components/forms";
import { Page } from "../components/Page";
import { Table } from "../components/Table";
import { CsvLink, show } from "../lib/figures";
import { useMe } from "../lib/session";
import { adminApi, adminKeys, adminQueries } from "../queries/admin";
import { NotFoundPage } from "./misc-pages";
import { AuditTable } from "./org-pages";

export function AdminOrganisationsPage(): React.ReactNode {
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const isAdmin = Boolean(me?.user?.isHubAdmin);
  const orgs = useQuery({ ...adminQueries.orgs(), enabled: isAdmin });
  const audit = useQuery({ ...adminQueries.audit(), enabled: isAdmin });
  const [kind, setKind] = useState("provider");
  const [name, setName] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => adminApi.createOrg({ kind: kind as OrgKind, name }),
    onSuccess: () => {
      setDone(`${name} has been created.`);
      setName("");
      queryClient.invalidateQueries({ queryKey: adminKeys.orgs });
    },
  });
  if (!isAdmin) return <NotFoundPage />;
  const errors = fieldErrors(create.error);
  return (
    <Page title="All organisations" caption="Hub administration">
      {done && <SuccessBanner title={done} />}
      <ErrorSummary error={create.error} fields={{ kind: "org-kind", name: "org-name" }} />
      {orgs.data && (
        <Table
          caption={`${orgs.data.organisations.length} organisations`}
          rows={orgs.data.organisations}
          rowKey={(o) => o.id}
          columns={[
            {
              header: "Name",
              cell: (o) => (
                <a className="govuk-link" href={`/orgs/${o.id}`}>
                  {o.name}
                </a>
              ),
            },
            { header: "Kind", cell: (o) => ORG_KIND_LABELS[o.kind] },
            { header: "Short name", cell: (o) => o.slug },
          ]}
        />
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setDone(null);
          create.mutate();
        }}
        noValidate
      >
        <h2 className="govuk-heading-m">Create an organisation</h2>
        <Select
          id="org-kind"
          name="kind"
          label="Kind"
          value={kind}
          onChange={setKind}
          error={errors.kind}
          options={ORG_KINDS.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }))}
        />
        <TextInput
          id="org-name"
          name="name"
          label="Name"
          value={name}
          onChange={setName}
          error={errors.name}
          width="govuk-input--width-30"
        />
        <Button disabled={create.isPending}>Create organisation</Button>
      </form>
      <h2 className="govuk-heading-m">Audit trail of the whole hub</h2>
      {audit.data && <AuditTable entries={audit.data.entries} showOrg />}
    </Page>
  );
}

/** The whole hub's headline figures, as the daily job last computed them (ADR 0009). */
export function HubFiguresPage(): React.ReactNode {
  const { data: me } = useMe();
  const isAdmin = Boolean(me?.user?.isHubAdmin);
  const data = useQuery({ ...adminQueries.hubFigures(), enabled: isAdmin });
  if (!isAdmin) return <NotFoundPage />;
  if (!data.data) return <p className="govuk-body">Loading…</p>;
  const national = data.data.national;
  return (
    <Page title="Figures for the whole hub">
      {national === null ? (
        <p className="govuk-body">
          These are worked out once a day, when the hub starts and when the date changes. They have not been worked out
          yet: try again in a few minutes.
        </p>
      ) : (
        <>
          <p className="govuk-body">
            Every organisation's workplaces together, as at {longDate(national.at)}, worked out{" "}
            {longDateTime(national.computedAt)}. They are worked out once a day, so a change made today shows tomorrow.
          </p>
          <Table
            caption="Headline figures"
            rows={HEADLINES.filter((h) => national.figures[h.name])}
            rowKey={(h) => h.name}
            columns={[
              { header: "Figure", cell: (h) => h.label },
              { header: "Value", numeric: true, cell: (h) => show(national.figures[h.name], h.kind) },
              { header: "Rests on", numeric: true, cell: (h) => national.figures[h.name].n.toLocaleString("en-GB") },
            ]}
          />
          <CsvLink
            name="Headline figures for the whole hub"
            header={["metric", "label", "value", "n"]}
            rows={HEADLINES.filter((h) => national.figures[h.name]).map((h) => [
              h.name,
              h.label,
              national.figures[h.name].value,
              national.figures[h.name].n,
            ])}
          />
        </>
      )}
    </Page>
  );
}

const when = (iso: string | null) => longDateTime(iso);

/** Background jobs that failed for good (ADR 0012): what, for whom, why and when. */
export function FailedJobsPage(): React.ReactNode {
  const { data: me } = useMe();
  const isAdmin = Boolean(me?.user?.isHubAdmin);
  const data = useQuery({ ...adminQueries.failedJobs(), enabled: isAdmin });
  if (!isAdmin) return <NotFoundPage />;
  if (!data.data) return <p className="govuk-body">Loading…</p>;
  const jobs = data.data.jobs;
  return (
    <Page title="Failed background jobs" caption="Hub administration">
      <p className="govuk-body">
        Work the hub does in the background (checking and applying uploads, email, reminders, clean-up, figures) is
        tried again a few times when it fails or when the hub stops while it runs. These failed every time. The reason
        quotes a reference: search the hub's log for it to see the details. Uploads listed here show their person the
        reason and can be uploaded again or cancelled.
      </p>
      {jobs.length === 0 ? (
        <p className="govuk-body">No background jobs have failed.</p>
      ) : (
        <Table
          caption={`${jobs.length} failed job${jobs.length === 1 ? "" : "s"}, newest first`}
          rows={jobs}
          rowKey={(j) => j.id}
          columns={[
            { header: "Failed", cell: (j) => when(j.failedAt) },
            { header: "Job", cell: (j) => <code>{j.kind}</code> },
            { header: "Organisation", cell: (j) => j.orgName ?? "" },
            { header: "Why", cell: (j) => j.reason },
            { header: "Attempts", numeric: true, cell: (j) => `${j.attempts} of ${j.maxAttempts}` },
            { header: "Queued", cell: (j) => when(j.createdAt) },
          ]}
        />
      )}
    </Page>
  );
}
