import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { STANDARD_KIND_KEYS, STANDARD_KINDS, type StandardKindKey } from "../../../shared/commissioning";
import { thresholdPrompt } from "../../../shared/commissioning-words";
import { longDate } from "../../../shared/dates";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextArea, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { useOrg, useOrgId } from "../../lib/org";
import { contractApi, contractKeys, contractQueries, type StandardView } from "../../queries/commissioning-contracts";

// The council's library of workforce standards (issue 19 item 1): the rules its contracts can
// carry, each a kind (a rule over the figures or the hub's records) with the council's name,
// description and threshold. Shares are typed as percentages here and sent as 0–1. An archived
// standard stays on the contracts that carry it but cannot be added anew.

type Values = { kind: StandardKindKey | ""; name: string; description: string; threshold: string };
const empty: Values = { kind: "", name: "", description: "", threshold: "" };

const thresholdBox = (s: StandardView) =>
  s.threshold === null ? "" : s.unit === "share" ? String(Math.round(s.threshold * 1000) / 10) : s.threshold.toFixed(2);

function StandardForm({
  orgId,
  editing,
  onDone,
}: {
  orgId: string;
  editing: StandardView | null;
  onDone: (message: string) => void;
}): React.ReactNode {
  const queryClient = useQueryClient();
  const [v, setV] = useState<Values>(
    editing
      ? { kind: editing.kind, name: editing.name, description: editing.description, threshold: thresholdBox(editing) }
      : empty,
  );
  const kind = v.kind ? STANDARD_KINDS[v.kind] : null;
  const prompt = v.kind ? thresholdPrompt(v.kind) : null;
  const save = useMutation({
    mutationFn: () => {
      const t = v.threshold.replace(/[£%,\s]/g, "");
      const value = t === "" ? undefined : Number(t);
      // Text that is not a number goes as typed, for the server to refuse naming the threshold.
      const threshold =
        !kind || kind.unit === "none" || value === undefined
          ? undefined
          : !Number.isFinite(value)
            ? (v.threshold as unknown as number)
            : kind.unit === "share"
              ? value / 100
              : value;
      const body = {
        kind: v.kind as StandardKindKey,
        name: v.name,
        description: v.description,
        ...(threshold === undefined ? {} : { threshold }),
      };
      return editing ? contractApi.updateStandard(orgId, editing.id, body) : contractApi.createStandard(orgId, body);
    },
    onSuccess: (res) => {
      queryClient.invalidateQueries({ queryKey: contractKeys.all(orgId) });
      onDone(`${res.standard.name} ${editing ? "saved" : "added"}: ${res.standard.thresholdText}`);
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
      <h2 className="govuk-heading-m">{editing ? `Change ${editing.name}` : "Add a standard to the library"}</h2>
      <ErrorSummary
        error={save.error}
        fields={{ kind: "kind", name: "name", description: "description", threshold: "threshold" }}
      />
      <Select
        id="kind"
        name="kind"
        label="Kind of standard"
        hint={kind ? `${kind.description} Measured ${kind.measuredOver}.` : "What the standard checks"}
        value={v.kind}
        onChange={(k) =>
          setV((old) => ({
            ...old,
            kind: k as StandardKindKey,
            name: old.name || (k ? STANDARD_KINDS[k as StandardKindKey].label : ""),
            threshold: "",
          }))
        }
        error={errors.kind}
        options={[
          { value: "", label: "Choose a kind" },
          ...STANDARD_KIND_KEYS.map((k) => ({ value: k, label: STANDARD_KINDS[k].label })),
        ]}
      />
      <TextInput
        id="name"
        name="name"
        label="Name"
        hint="As your contracts call it"
        value={v.name}
        onChange={(name) => setV((old) => ({ ...old, name }))}
        error={errors.name}
      />
      <TextArea
        id="description"
        label="Description (optional)"
        hint="What the provider is asked to do, in your contract's words"
        value={v.description}
        onChange={(description) => setV((old) => ({ ...old, description }))}
        error={errors.description}
        rows={2}
      />
      {prompt && kind && (
        <TextInput
          id="threshold"
          name="threshold"
          label={prompt.label}
          hint={`${prompt.hint}. Leave empty for the usual ${
            kind.unit === "share"
              ? `${Math.round((kind.defaultThreshold ?? 0) * 100)}%`
              : `£${(kind.defaultThreshold ?? 0).toFixed(2)}`
          }.`}
          value={v.threshold}
          onChange={(threshold) => setV((old) => ({ ...old, threshold }))}
          error={errors.threshold}
          width="govuk-input--width-20"
        />
      )}
      <div className="govuk-button-group">
        <Button disabled={save.isPending}>{editing ? "Save changes" : "Add standard"}</Button>
        {editing && (
          <button type="button" className="govuk-link app-link-button" onClick={() => onDone("")}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

export function StandardsPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const queryClient = useQueryClient();
  const canManage = org.data?.permissions.includes("commissioning.manage") ?? false;
  const list = useQuery(contractQueries.standards(orgId));
  const [editing, setEditing] = useState<StandardView | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const archive = useMutation({
    mutationFn: (s: StandardView) => contractApi.archiveStandard(orgId, s.id),
    onSuccess: (res) => {
      queryClient.invalidateQueries({ queryKey: contractKeys.all(orgId) });
      setDone(`${res.standard.name} archived: contracts that carry it keep it`);
    },
  });
  const rows = list.data?.standards ?? [];
  return (
    <Page title="Workforce standards" caption={org.data?.name}>
      <p className="govuk-body">
        The standards your contracts can carry. Each is checked every quarter from the hub's figures or records, for
        each contract that carries it. A contract can set its own threshold.{" "}
        <Link to="/orgs/$orgId/commissioning/contracts" params={{ orgId }} search={{}} className="govuk-link">
          Your contracts
        </Link>
        .
      </p>
      {done && <SuccessBanner title={done} />}
      <ErrorSummary error={list.error ?? archive.error} />
      {!list.data && !list.error && <p className="govuk-body">Loading…</p>}
      {list.data && !rows.length && <p className="govuk-body">Your library has no standards yet.</p>}
      {rows.length > 0 && (
        <Table<StandardView>
          caption="Your library"
          rowKey={(s) => s.id}
          rows={rows}
          columns={[
            {
              header: "Standard",
              cell: (s) => (
                <>
                  {s.name}
                  {s.name !== s.kindLabel && <span className="govuk-hint govuk-!-margin-bottom-0">{s.kindLabel}</span>}
                </>
              ),
            },
            { header: "Threshold", cell: (s) => s.thresholdText },
            { header: "Measured", cell: (s) => s.measuredOver },
            { header: "Contracts", numeric: true, cell: (s) => s.contractCount },
            {
              header: "Status",
              cell: (s) =>
                s.archivedAt ? (
                  <strong className="govuk-tag govuk-tag--grey">Archived {longDate(s.archivedAt)}</strong>
                ) : (
                  <strong className="govuk-tag govuk-tag--green">In use</strong>
                ),
            },
            canManage && {
              header: "Actions",
              hiddenHeader: true,
              cell: (s: StandardView) =>
                s.archivedAt ? null : (
                  <div className="govuk-button-group govuk-!-margin-bottom-0">
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      onClick={() => {
                        setDone(null);
                        setEditing(s);
                        setFormKey((k) => k + 1);
                      }}
                    >
                      Change<span className="govuk-visually-hidden"> {s.name}</span>
                    </button>
                    <button
                      type="button"
                      className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                      disabled={archive.isPending}
                      onClick={() => {
                        setDone(null);
                        archive.mutate(s);
                      }}
                    >
                      Archive<span className="govuk-visually-hidden"> {s.name}</span>
                    </button>
                  </div>
                ),
            },
          ]}
        />
      )}
      {canManage && (
        <StandardForm
          key={`${editing?.id ?? "new"}-${formKey}`}
          orgId={orgId}
          editing={editing}
          onDone={(message) => {
            setEditing(null);
            setFormKey((k) => k + 1);
            setDone(message || null);
          }}
        />
      )}
    </Page>
  );
}
