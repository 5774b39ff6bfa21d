import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, ErrorSummary, fieldErrors, SuccessBanner, TextInput } from "../components/forms";
import { Page } from "../components/Page";
import { Table } from "../components/Table";
import { useMe } from "../lib/session";
import { adminApi } from "../queries/admin";
import { type Comparator, figureKeys, figureQueries, type PayFloor } from "../queries/figures";
import { NotFoundPage } from "./misc-pages";

type Editing = { what: "pay-floors"; row: PayFloor } | { what: "comparators"; row: Comparator };

const money = (n: number) => `£${n.toFixed(2)}`;
const PUBLISHERS = { sfc: "Skills for Care", dfe: "DfE" };
const BANDS: Record<string, string> = { uk: "UK", london: "London", apprentice: "Apprentice", under_18: "Under 18" };
const bandLabel = (b: string) => BANDS[b] ?? b.replace("_plus", "+").replace("_", "–");
const SourceLink = ({ source }: { source: string }) => {
  const url = /https?:\/\/\S+/.exec(source)?.[0];
  return url ? (
    <a className="govuk-link" href={url} rel="noreferrer" title={source}>
      Source<span className="govuk-visually-hidden">: {source}</span>
    </a>
  ) : (
    <span>{source}</span>
  );
};

/** Hub administration: the reference figures the hub compares with, and corrections to them. */
export function ReferenceDataPage(): React.ReactNode {
  const { data: me } = useMe();
  const isAdmin = Boolean(me?.user?.isHubAdmin);
  const queryClient = useQueryClient();
  const data = useQuery({ ...figureQueries.reference(), enabled: isAdmin });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [value, setValue] = useState("");
  const [source, setSource] = useState("");
  const [note, setNote] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => {
      if (!editing) throw new Error("Choose a figure to correct");
      // An empty box goes as null, for the server to refuse with a clear message.
      const number = (value.trim() === "" ? null : Number(value)) as number;
      return editing.what === "pay-floors"
        ? adminApi.correctPayFloor(editing.row.id, { hourlyRate: number, source, note: note || null })
        : adminApi.correctComparator(editing.row.id, { value: number, source, note: note || null });
    },
    onSuccess: () => {
      setDone("The figure has been corrected. The change is in the audit trail.");
      setEditing(null);
      queryClient.invalidateQueries({ queryKey: figureKeys.reference });
    },
  });
  if (!isAdmin) return <NotFoundPage />;
  const edit = (e: Editing) => {
    setEditing(e);
    setDone(null);
    setValue(String(e.what === "pay-floors" ? e.row.hourlyRate : e.row.value));
    setSource(e.row.source);
    setNote(e.row.note ?? "");
  };
  const errors = fieldErrors(save.error);
  const correctButton = (label: string, e: Editing) => (
    <button
      type="button"
      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
      onClick={() => edit(e)}
    >
      Correct<span className="govuk-visually-hidden"> {label}</span>
    </button>
  );
  return (
    <Page title="Reference data" caption="Hub administration">
      <p className="govuk-body">
        Pay floors and national figures the hub compares local figures with. Each has its source; figures from different
        editions of a publication are kept apart and never joined into one series. Correct a figure when its source is
        corrected; add a new edition as new figures through the API (
        <a className="govuk-link" href="/api/docs">
          API documentation
        </a>
        ).
      </p>
      {done && <SuccessBanner title={done} />}
      {editing && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
          noValidate
        >
          <ErrorSummary
            error={save.error}
            fields={{ hourlyRate: "ref-value", value: "ref-value", source: "ref-source", note: "ref-note" }}
          />
          <h2 className="govuk-heading-m">
            Correct{" "}
            {editing.what === "pay-floors"
              ? `${editing.row.kind === "rlw" ? "Real Living Wage" : "National Living Wage"} ${bandLabel(editing.row.band)} ${editing.row.rateYear}`
              : `${editing.row.metric} (${editing.row.coverage}, ${editing.row.period}, ${PUBLISHERS[editing.row.publisher]})`}
          </h2>
          <TextInput
            id="ref-value"
            name="value"
            label={editing.what === "pay-floors" ? "Hourly rate (£)" : "Value"}
            hint={editing.what === "pay-floors" ? "For example 12.60" : "Rates as fractions: 0.083 for 8.3%"}
            value={value}
            onChange={setValue}
            error={errors.hourlyRate ?? errors.value}
            width="govuk-input--width-20"
          />
          <TextInput
            id="ref-source"
            name="source"
            label="Source"
            hint="A link or the publication"
            value={source}
            onChange={setSource}
            error={errors.source}
          />
          <TextInput
            id="ref-note"
            name="note"
            label="Note (optional)"
            value={note}
            onChange={setNote}
            error={errors.note}
          />
          <div className="govuk-button-group">
            <Button disabled={save.isPending}>Save correction</Button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {data.data && (
        <>
          <Table
            caption="Pay floors"
            rows={data.data.payFloors}
            rowKey={(f) => f.id}
            columns={[
              {
                header: "Rate",
                cell: (f) => (f.kind === "rlw" ? "Real Living Wage" : "National Living / Minimum Wage"),
              },
              { header: "Band", cell: (f) => bandLabel(f.band) },
              { header: "Year", cell: (f) => f.rateYear },
              { header: "Hourly", numeric: true, cell: (f) => money(f.hourlyRate) },
              { header: "Applies from", cell: (f) => f.applicableFrom },
              { header: "Source", cell: (f) => <SourceLink source={f.source} /> },
              {
                header: "Actions",
                hiddenHeader: true,
                cell: (f) => correctButton(`${f.kind} ${f.band} ${f.rateYear}`, { what: "pay-floors", row: f }),
              },
            ]}
          />
          <Table
            caption="National comparators"
            rows={data.data.comparators}
            rowKey={(c) => c.id}
            columns={[
              { header: "Figure", cell: (c) => c.metric },
              { header: "Covers", cell: (c) => `${c.coverage}, ${c.period}` },
              {
                header: "Value",
                numeric: true,
                cell: (c) => (c.value < 1 ? `${(c.value * 100).toFixed(1)}%` : c.value.toLocaleString("en-GB")),
              },
              { header: "Edition", cell: (c) => c.edition },
              { header: "Source", cell: (c) => <SourceLink source={c.source} /> },
              {
                header: "Actions",
                hiddenHeader: true,
                cell: (c) => correctButton(`${c.metric} ${c.coverage} ${c.period}`, { what: "comparators", row: c }),
              },
            ]}
          />
        </>
      )}
    </Page>
  );
}
