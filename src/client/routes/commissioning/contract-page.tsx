import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import {
  COMPLIANCE_LABELS,
  type ComplianceStatus,
  lastEndedPeriod,
  periodBounds,
  SERVICE_TYPE_LABELS,
  STANDARD_KINDS,
} from "../../../shared/commissioning";
import { pounds, priceInWords, thresholdPrompt } from "../../../shared/commissioning-words";
import { longDate, todayIso } from "../../../shared/dates";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { useOrg } from "../../lib/org";
import {
  type ContractDetail,
  type ContractStandardView,
  contractApi,
  contractKeys,
  contractQueries,
} from "../../queries/commissioning-contracts";

// A council's contract (issue 19 item 1): its details, unit prices by band, the workplaces it
// covers and the workforce standards it carries, each with its threshold in words and its latest
// result; the commissioner adds a standard from the library or takes one off. The details are
// shared with the provider's view of its own contract (provider-contracts-page.tsx).

const route = getRouteApi("/orgs/$orgId/commissioning/contracts/$contractId");

const STATUS_TAG: Record<ComplianceStatus, string> = {
  met: "govuk-tag--green",
  not_met: "govuk-tag--red",
  not_enough_data: "govuk-tag--grey",
};
export const STATE_TEXT: Record<ContractDetail["state"], string> = {
  not_started: "Not started yet",
  active: "Active",
  ended: "Ended",
};

export function ResultTag({ status }: { status: ComplianceStatus }): React.ReactNode {
  return <strong className={`govuk-tag ${STATUS_TAG[status]}`}>{COMPLIANCE_LABELS[status]}</strong>;
}

export const periodText = (period: string) => `${periodBounds(period).label} (${period})`;

function Row({ label, children }: { label: string; children: React.ReactNode }): React.ReactNode {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** The contract's details, prices and workplaces: the same for the council and the provider. */
export function ContractDetails({ contract: c, forProvider }: { contract: ContractDetail; forProvider?: boolean }) {
  return (
    <>
      <dl className="govuk-summary-list">
        <Row label="Reference">{c.reference}</Row>
        {forProvider ? <Row label="Council">{c.council.name}</Row> : <Row label="Provider">{c.provider.name}</Row>}
        <Row label="Service">{SERVICE_TYPE_LABELS[c.serviceType]}</Row>
        {c.framework && <Row label="Framework">{c.framework}</Row>}
        {c.lot && <Row label="Lot">{c.lot}</Row>}
        <Row label="Runs">
          {c.endDate
            ? `${longDate(c.startDate)} to ${longDate(c.endDate)}`
            : `From ${longDate(c.startDate)}, no end date`}
        </Row>
        <Row label="Status">{STATE_TEXT[c.state]}</Row>
        <Row label="Estimated value a year">{c.annualValue === null ? "Not recorded" : pounds(c.annualValue)}</Row>
      </dl>
      <h2 className="govuk-heading-m">Prices</h2>
      {c.prices.length ? (
        <Table
          caption="Unit prices by band"
          rowKey={(p) => p.id}
          rows={c.prices}
          columns={[
            { header: "Band", cell: (p) => p.band },
            { header: "Price", numeric: true, cell: (p) => priceInWords(p.price, p.unit) },
            {
              header: "Planned a week",
              numeric: true,
              cell: (p) => (p.weeklyVolume === null ? "Not planned" : p.weeklyVolume.toLocaleString("en-GB")),
            },
          ]}
        />
      ) : (
        <p className="govuk-body">No prices recorded.</p>
      )}
      <h2 className="govuk-heading-m">Workplaces</h2>
      {c.workplaces.length ? (
        <ul className="govuk-list govuk-list--bullet">
          {c.workplaces.map((w) => (
            <li key={w.id}>
              {w.name} ({w.localRef})
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">All of {forProvider ? "your" : "the provider's"} workplaces.</p>
      )}
    </>
  );
}

/** The standards a contract carries now, and those taken off (kept with their history). */
export function StandardsTables({
  standards,
  onRemove,
  removing,
}: {
  standards: ContractStandardView[];
  onRemove?: (s: ContractStandardView) => void;
  removing?: boolean;
}): React.ReactNode {
  const current = standards.filter((s) => s.untilPeriod === null);
  const ended = standards.filter((s) => s.untilPeriod !== null);
  return (
    <>
      {current.length ? (
        <Table
          caption="Standards it carries"
          rowKey={(s) => s.id}
          rows={current}
          columns={[
            {
              header: "Standard",
              cell: (s) => (
                <>
                  {s.name}
                  {s.name !== s.kindLabel && <span className="govuk-hint govuk-!-margin-bottom-0">{s.kindLabel}</span>}
                  {s.archived && (
                    <span className="govuk-hint govuk-!-margin-bottom-0">
                      Archived in the library: kept on this contract
                    </span>
                  )}
                </>
              ),
            },
            {
              header: "Threshold",
              cell: (s) => (
                <>
                  {s.thresholdText}
                  {s.ownThreshold && <span className="govuk-hint govuk-!-margin-bottom-0">This contract's own</span>}
                </>
              ),
            },
            { header: "Measured", cell: (s) => `${s.measuredOver}, from ${periodText(s.fromPeriod)}` },
            {
              header: "Latest result",
              cell: (s) =>
                s.latest ? (
                  <>
                    <ResultTag status={s.latest.status} />
                    <span className="govuk-hint govuk-!-margin-bottom-0">{periodBounds(s.latest.period).label}</span>
                  </>
                ) : (
                  "None yet"
                ),
            },
            !!onRemove && {
              header: "Action",
              hiddenHeader: true,
              cell: (s: ContractStandardView) => (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  disabled={removing}
                  onClick={() => onRemove?.(s)}
                >
                  Remove<span className="govuk-visually-hidden"> {s.name}</span>
                </button>
              ),
            },
          ]}
        />
      ) : (
        <p className="govuk-body">It carries no workforce standards yet.</p>
      )}
      {ended.length > 0 && (
        <Table
          caption="Standards it no longer carries"
          rowKey={(s) => s.id}
          rows={ended}
          columns={[
            { header: "Standard", cell: (s) => s.name },
            { header: "Threshold", cell: (s) => s.thresholdText },
            {
              header: "Applied",
              cell: (s) => `From ${s.fromPeriod} until the end of ${s.untilPeriod ? prevLabel(s.untilPeriod) : ""}`,
            },
          ]}
        />
      )}
    </>
  );
}

/** The quarter before one, in words ("the quarter before 2026-Q3" is April to June 2026). */
function prevLabel(period: string) {
  const [y, q] = period.split("-Q").map(Number);
  const prev = q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
  return periodBounds(prev).label;
}

function AddStandard({ orgId, contract }: { orgId: string; contract: ContractDetail }): React.ReactNode {
  const queryClient = useQueryClient();
  const library = useQuery(contractQueries.standards(orgId));
  const [standardId, setStandardId] = useState("");
  const [threshold, setThreshold] = useState("");
  const [fromPeriod, setFromPeriod] = useState("");
  const [added, setAdded] = useState<string | null>(null);
  const carried = new Set(contract.standards.filter((s) => s.untilPeriod === null).map((s) => s.standardId));
  const choices = (library.data?.standards ?? []).filter((s) => !s.archivedAt && !carried.has(s.id));
  const chosen = choices.find((s) => s.id === standardId);
  const prompt = chosen ? thresholdPrompt(chosen.kind) : null;
  const add = useMutation({
    mutationFn: () => {
      const t = threshold.trim();
      const unit = chosen ? STANDARD_KINDS[chosen.kind].unit : "none";
      const value = t === "" ? null : Number(t.replace(/[£%,]/g, ""));
      return contractApi.addStandard(orgId, contract.id, {
        standardId,
        ...(value === null || unit === "none"
          ? {}
          : {
              // Text that is not a number goes as typed, for the server to refuse naming the threshold.
              threshold: !Number.isFinite(value) ? (t as unknown as number) : unit === "share" ? value / 100 : value,
            }),
        ...(fromPeriod.trim() ? { fromPeriod: fromPeriod.trim() } : {}),
      });
    },
    onSuccess: (res) => {
      queryClient.invalidateQueries({ queryKey: contractKeys.all(orgId) });
      setAdded(`${res.standard.name} added: ${res.standard.thresholdText}`);
      setStandardId("");
      setThreshold("");
      setFromPeriod("");
    },
  });
  const errors = fieldErrors(add.error);
  const lastEnded = lastEndedPeriod(todayIso());
  return (
    <section aria-labelledby="add-standard">
      <h2 className="govuk-heading-m" id="add-standard">
        Add a standard
      </h2>
      {added && <SuccessBanner title={added} />}
      {library.data && !choices.length ? (
        <p className="govuk-body">
          Every standard in your library is on this contract already.{" "}
          <Link to="/orgs/$orgId/commissioning/standards" params={{ orgId }} className="govuk-link">
            Add one to the library
          </Link>
          .
        </p>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setAdded(null);
            add.mutate();
          }}
        >
          <ErrorSummary
            error={add.error}
            fields={{ standardId: "standardId", threshold: "threshold", fromPeriod: "fromPeriod" }}
          />
          <Select
            id="standardId"
            name="standardId"
            label="Standard from your library"
            value={standardId}
            onChange={(v) => {
              setStandardId(v);
              setThreshold("");
            }}
            error={errors.standardId}
            options={[
              { value: "", label: "Choose a standard" },
              ...choices.map((s) => ({ value: s.id, label: `${s.name} (${s.thresholdText})` })),
            ]}
          />
          {prompt && chosen && (
            <TextInput
              id="threshold"
              name="threshold"
              label={`${prompt.label}, for this contract only (optional)`}
              hint={`Leave empty to use the library's: ${chosen.thresholdText}. ${prompt.hint}.`}
              value={threshold}
              onChange={setThreshold}
              error={errors.threshold}
              width="govuk-input--width-20"
            />
          )}
          <TextInput
            id="fromPeriod"
            name="fromPeriod"
            label="First quarter it is measured for (optional)"
            hint={`Written like ${lastEnded}. Leave empty for the last ended quarter, ${periodText(lastEnded)}, so a result can be worked out at once.`}
            value={fromPeriod}
            onChange={setFromPeriod}
            error={errors.fromPeriod}
            width="govuk-input--width-20"
          />
          <Button disabled={add.isPending}>Add standard</Button>
        </form>
      )}
    </section>
  );
}

export function ContractPage(): React.ReactNode {
  const { orgId, contractId } = route.useParams();
  const queryClient = useQueryClient();
  const org = useOrg(orgId);
  const canManage = org.data?.permissions.includes("commissioning.manage") ?? false;
  const data = useQuery(contractQueries.contract(orgId, contractId));
  const [removed, setRemoved] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (s: ContractStandardView) => contractApi.removeStandard(orgId, contractId, s.id),
    onSuccess: (res, s) => {
      queryClient.invalidateQueries({ queryKey: contractKeys.all(orgId) });
      setRemoved(
        res.kept && res.untilPeriod
          ? `${s.name} taken off from ${periodText(res.untilPeriod)}: its past results are kept`
          : `${s.name} taken off the contract`,
      );
    },
  });
  if (data.error) return <ErrorSummary error={data.error} />;
  if (!data.data) return <p className="govuk-body">Loading…</p>;
  const c = data.data.contract;
  return (
    <Page title={c.name} caption={`Contract ${c.reference}`}>
      {removed && <SuccessBanner title={removed} />}
      <ErrorSummary error={remove.error} />
      <p className="govuk-body">
        <Link
          to="/orgs/$orgId/commissioning/contracts/$contractId/compliance"
          params={{ orgId, contractId: c.id }}
          search={{}}
          className="govuk-link"
        >
          Compliance with its standards
        </Link>
        {canManage && (
          <>
            {" · "}
            <Link
              to="/orgs/$orgId/commissioning/contracts/$contractId/edit"
              params={{ orgId, contractId: c.id }}
              className="govuk-link"
            >
              Change the contract's details
            </Link>
          </>
        )}
        {" · "}
        <Link to="/orgs/$orgId/commissioning/contracts" params={{ orgId }} search={{}} className="govuk-link">
          All contracts
        </Link>
      </p>
      <ContractDetails contract={c} />
      <h2 className="govuk-heading-m">Workforce standards</h2>
      <StandardsTables
        standards={c.standards}
        onRemove={canManage ? (s) => remove.mutate(s) : undefined}
        removing={remove.isPending}
      />
      {canManage && <AddStandard orgId={orgId} contract={c} />}
    </Page>
  );
}
