import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ORG_KIND_LABELS, ORG_KINDS, type OrgKind } from "../../shared/permissions";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextInput } from "../components/forms";
import { Page } from "../components/Page";
import { Table } from "../components/Table";
import { api } from "../lib/api";
import { useMe } from "../lib/session";
import { NotFoundPage } from "./misc-pages";
import { AuditTable } from "./org-pages";

interface Org {
  id: string;
  kind: OrgKind;
  name: string;
  slug: string;
  isDemo: boolean;
}

export function AdminOrganisationsPage() {
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const isAdmin = Boolean(me?.user?.isHubAdmin);
  const orgs = useQuery({ queryKey: ["admin-orgs"], queryFn: () => api<{ organisations: Org[] }>("GET", "/api/admin/organisations"), enabled: isAdmin });
  const audit = useQuery({ queryKey: ["admin-audit"], queryFn: () => api("GET", "/api/admin/audit"), enabled: isAdmin });
  const [kind, setKind] = useState("provider");
  const [name, setName] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api("POST", "/api/admin/organisations", { kind, name }),
    onSuccess: () => {
      setDone(`${name} has been created.`);
      setName("");
      queryClient.invalidateQueries({ queryKey: ["admin-orgs"] });
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
        <TextInput id="org-name" name="name" label="Name" value={name} onChange={setName} error={errors.name} width="govuk-input--width-30" />
        <Button disabled={create.isPending}>Create organisation</Button>
      </form>
      <h2 className="govuk-heading-m">Audit trail of the whole hub</h2>
      {audit.data && <AuditTable entries={audit.data.entries} showOrg />}
    </Page>
  );
}
