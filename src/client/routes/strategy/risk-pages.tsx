// The strategy's register of risks, issues and assumptions (issue 16): the register sortable by
// score, the heat map as a table with counts and words, an entry's page with its history, and
// adding or changing an entry for those who manage the strategy.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useFormContext } from "react-hook-form";
import type { z } from "zod";
import { dateFromParts, datePartsOf } from "../../../shared/date-input";
import { longDate, longDateTime } from "../../../shared/dates";
import { riskInput, updateRiskInput } from "../../../shared/schemas/strategy";
import {
  RISK_KIND_LABELS,
  RISK_KINDS,
  RISK_STATUS_LABELS,
  RISK_STATUSES_BY_KIND,
  type RiskKind,
} from "../../../shared/strategy";
import {
  asNumber,
  Button,
  DateField,
  Form,
  SelectField,
  TextAreaField,
  TextField,
  useSchemaForm,
} from "../../components/forms";
import { Page } from "../../components/Page";
import { Section } from "../../components/Section";
import { ScrollRegion, Table } from "../../components/Table";
import { useOrgId } from "../../lib/org";
import { type RiskView, strategyApi, strategyKeys, strategyQueries } from "../../queries/strategy";
import { Problem, StrategyNav, useCurrentStrategy } from "./common";

const riskRoute = getRouteApi("/orgs/$orgId/strategy/risks/$riskId");
const editRoute = getRouteApi("/orgs/$orgId/strategy/risks/$riskId/edit");

const LIKELIHOOD = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];
const IMPACT = ["Negligible", "Minor", "Moderate", "Major", "Severe"];

/** A score's band in words, with the colour of its tag (the words say it without the colour). */
export function band(score: number): { label: string; colour: string } {
  if (score >= 15) return { label: "Very high", colour: "red" };
  if (score >= 10) return { label: "High", colour: "orange" };
  if (score >= 5) return { label: "Medium", colour: "yellow" };
  return { label: "Low", colour: "green" };
}

function ScoreTag({ score }: { score: number }): React.ReactNode {
  const b = band(score);
  return (
    <strong className={`govuk-tag govuk-tag--${b.colour}`}>
      {score} {b.label}
    </strong>
  );
}

/** The register and the managers' rights, once the current strategy is known. */
function useRegister(orgId: string) {
  const { list, strategyId } = useCurrentStrategy(orgId);
  const enabled = !!strategyId;
  const risks = useQuery({ ...strategyQueries.risks(orgId, strategyId ?? ""), enabled });
  const plan = useQuery({ ...strategyQueries.plan(orgId, strategyId ?? ""), enabled });
  return {
    strategyId,
    risks,
    canManage: plan.data?.can.manage ?? false,
    error: list.error ?? risks.error ?? plan.error,
    noStrategy: !!list.data && !strategyId,
  };
}

export function RisksPage(): React.ReactNode {
  const orgId = useOrgId();
  const { risks, canManage, error, noStrategy } = useRegister(orgId);
  if (error || noStrategy)
    return (
      <Page title="Risks, issues and assumptions">
        {error ? <Problem error={error} /> : <p className="govuk-body">The council has no workforce strategy yet.</p>}
      </Page>
    );
  if (!risks.data) return <p className="govuk-body">Loading…</p>;
  const { heatMap } = risks.data;
  const entries = risks.data.risks;
  const open = entries.filter((r) => r.kind !== "assumption");
  const assumptions = entries.filter((r) => r.kind === "assumption");
  const count = (l: number, i: number) => heatMap.find((c) => c.likelihood === l && c.impact === i)?.count ?? 0;
  return (
    <Page title="Risks, issues and assumptions" caption="Workforce strategy">
      <StrategyNav orgId={orgId} />
      {canManage && (
        <Link className="govuk-button govuk-button--secondary" to="/orgs/$orgId/strategy/risks/new" params={{ orgId }}>
          Add a risk, issue or assumption
        </Link>
      )}

      <Section id="heat-map" title="Heat map">
        <p className="govuk-body">
          How many open risks and issues sit at each likelihood and impact. The score is likelihood times impact, from 1
          to 25: low (1 to 4), medium (5 to 9), high (10 to 14) and very high (15 to 25).
        </p>
        <ScrollRegion label="Heat map table">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">
              Open risks and issues by likelihood (rows) and impact (columns)
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <td className="govuk-table__header" />
                {IMPACT.map((label, i) => (
                  <th key={label} scope="col" className="govuk-table__header govuk-!-font-size-16">
                    Impact {i + 1}
                    <span className="govuk-!-display-block govuk-!-font-weight-regular">{label}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {[5, 4, 3, 2, 1].map((l) => (
                <tr className="govuk-table__row" key={l}>
                  <th scope="row" className="govuk-table__header govuk-!-font-size-16">
                    Likelihood {l}
                    <span className="govuk-!-display-block govuk-!-font-weight-regular">{LIKELIHOOD[l - 1]}</span>
                  </th>
                  {[1, 2, 3, 4, 5].map((i) => {
                    const n = count(l, i);
                    const b = band(l * i);
                    return (
                      <td key={i} className="govuk-table__cell" data-cell={`${l}x${i}`}>
                        <strong className={`govuk-tag govuk-tag--${b.colour}`}>
                          {n} <span className="govuk-!-font-size-14">{b.label}</span>
                        </strong>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </Section>

      <Section id="register" title="The register">
        <RegisterTable orgId={orgId} caption="Risks and issues" rows={open} />
        <RegisterTable orgId={orgId} caption="Assumptions" rows={assumptions} />
      </Section>
    </Page>
  );
}

function RegisterTable({ orgId, caption, rows }: { orgId: string; caption: string; rows: RiskView[] }) {
  if (rows.length === 0) return <p className="govuk-body">No {caption.toLowerCase()} yet.</p>;
  return (
    <Table
      caption={caption}
      rowKey={(r) => r.id}
      rows={rows}
      columns={[
        {
          header: "Entry",
          sortValue: (r) => r.ref,
          cell: (r) => (
            <Link className="govuk-link" to="/orgs/$orgId/strategy/risks/$riskId" params={{ orgId, riskId: r.id }}>
              {r.ref} {r.title}
            </Link>
          ),
        },
        { header: "Kind", cell: (r) => RISK_KIND_LABELS[r.kind] },
        { header: "Likelihood", numeric: true, sortValue: (r) => r.likelihood, cell: (r) => r.likelihood },
        { header: "Impact", numeric: true, sortValue: (r) => r.impact, cell: (r) => r.impact },
        { header: "Score", sortValue: (r) => r.score, cell: (r) => <ScoreTag score={r.score} /> },
        { header: "Owner", cell: (r) => r.owner.name || "Not set" },
        {
          header: "Review",
          sortValue: (r) => r.reviewOn,
          cell: (r) => (r.reviewOn ? longDate(r.reviewOn) : "Not set"),
        },
        { header: "Status", cell: (r) => RISK_STATUS_LABELS[r.status] },
      ]}
    />
  );
}

const FIELD_LABELS: Record<string, string> = {
  kind: "Kind",
  ref: "Reference",
  title: "Title",
  description: "Description",
  likelihood: "Likelihood",
  impact: "Impact",
  score: "Score",
  ownerUserId: "Owner",
  ownerName: "Owner",
  mitigations: "Mitigations",
  reviewOn: "Review date",
  status: "Status",
};
const SHORT = new Set(["likelihood", "impact", "score", "status", "reviewOn", "ownerName", "kind", "ref"]);

function fieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (field === "reviewOn") return longDate(String(value));
  if (field === "status") return RISK_STATUS_LABELS[value as keyof typeof RISK_STATUS_LABELS] ?? String(value);
  if (field === "kind") return RISK_KIND_LABELS[value as RiskKind] ?? String(value);
  return String(value);
}

export function RiskPage(): React.ReactNode {
  const { orgId, riskId } = riskRoute.useParams();
  const { strategyId, risks, canManage, error } = useRegister(orgId);
  const history = useQuery({
    ...strategyQueries.riskHistory(orgId, strategyId ?? "", riskId),
    enabled: !!strategyId,
  });
  if (error || history.error)
    return (
      <Page title="Register entry">
        <Problem error={error ?? history.error} />
      </Page>
    );
  if (!risks.data || !history.data) return <p className="govuk-body">Loading…</p>;
  const risk = risks.data.risks.find((r) => r.id === riskId);
  if (!risk)
    return (
      <Page title="Entry not found">
        <p className="govuk-body">We could not find that entry in the register.</p>
      </Page>
    );
  const rows: [string, React.ReactNode][] = [
    ["Kind", RISK_KIND_LABELS[risk.kind]],
    ["Status", RISK_STATUS_LABELS[risk.status]],
    ["Likelihood", `${risk.likelihood} (${LIKELIHOOD[risk.likelihood - 1]})`],
    ["Impact", `${risk.impact} (${IMPACT[risk.impact - 1]})`],
    ["Score", <ScoreTag key="s" score={risk.score} />],
    ["Owner", risk.owner.name || "Not set"],
    ["Description", risk.description || "Not given"],
    ["Mitigations", risk.mitigations || "None recorded"],
    ["Review date", risk.reviewOn ? longDate(risk.reviewOn) : "Not set"],
    ["Last changed", longDateTime(risk.updatedAt)],
  ];
  return (
    <Page
      title={`${risk.ref} ${risk.title}`}
      caption={`Workforce strategy ${RISK_KIND_LABELS[risk.kind].toLowerCase()}`}
    >
      <StrategyNav orgId={orgId} />
      {canManage && (
        <Link
          className="govuk-button govuk-button--secondary"
          to="/orgs/$orgId/strategy/risks/$riskId/edit"
          params={{ orgId, riskId }}
        >
          Change this entry
        </Link>
      )}
      <dl className="govuk-summary-list">
        {rows.map(([k, v]) => (
          <div className="govuk-summary-list__row" key={k}>
            <dt className="govuk-summary-list__key">{k}</dt>
            <dd className="govuk-summary-list__value app-pre">{v}</dd>
          </div>
        ))}
      </dl>
      <Section id="history" title="History">
        <ol className="govuk-list">
          {history.data.history.map((h) => {
            const before = (h.before ?? {}) as Record<string, unknown>;
            const after = (h.after ?? {}) as Record<string, unknown>;
            return (
              <li key={h.at} className="govuk-!-margin-bottom-4">
                <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                  {longDateTime(h.at)}
                  {h.by ? `, ${h.by.name}` : ""}
                </h3>
                {h.before === null ? (
                  <p className="govuk-body">Added to the register with a score of {String(after.score ?? "")}.</p>
                ) : (
                  <ul className="govuk-list govuk-list--bullet">
                    {h.changed
                      .filter((f) => f !== "ownerUserId")
                      .map((f) => (
                        <li key={f}>
                          {FIELD_LABELS[f] ?? f}
                          {SHORT.has(f) ? `: ${fieldValue(f, before[f])} to ${fieldValue(f, after[f])}` : " changed"}
                        </li>
                      ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      </Section>
    </Page>
  );
}

// ---- Adding and changing an entry ------------------------------------------------------------

const reviewOn = dateFromParts("Review date", { optional: true });
const newRiskForm = riskInput.extend({ reviewOn });
const changeRiskForm = updateRiskInput.extend({ reviewOn });
const SCALE = (labels: string[], what: string) => [
  { value: "", label: `Choose the ${what}` },
  ...labels.map((label, i) => ({ value: String(i + 1), label: `${i + 1} ${label}` })),
];
const emptyToUndefined = { setValueAs: (v: unknown) => (v === "" ? undefined : v) };

function RiskFields({ kind }: { kind?: RiskKind }): React.ReactNode {
  const { watch } = useFormContext();
  const chosen = (watch("kind") as RiskKind | undefined) ?? kind ?? "risk";
  return (
    <>
      {!kind && (
        <>
          <SelectField
            name="kind"
            label="Kind"
            choices={RISK_KINDS.map((k) => ({ value: k, label: RISK_KIND_LABELS[k] }))}
          />
          <TextField
            name="ref"
            label="Reference (optional)"
            hint="For example, SR7. Left empty, the hub gives the next one"
            width="govuk-input--width-10"
            options={emptyToUndefined}
          />
        </>
      )}
      <TextField name="title" label="Title" />
      <TextAreaField name="description" label="Description" rows={4} />
      <SelectField
        name="likelihood"
        label="Likelihood"
        choices={SCALE(LIKELIHOOD, "likelihood")}
        options={asNumber()}
      />
      <SelectField name="impact" label="Impact" choices={SCALE(IMPACT, "impact")} options={asNumber()} />
      <TextField name="ownerName" label="Owner" hint="A person or a group" />
      <TextAreaField name="mitigations" label="Mitigations" rows={4} />
      <DateField name="reviewOn" id="review-on" legend="Review date (optional)" hint="For example, 31 3 2027" />
      <SelectField
        name="status"
        label="Status"
        choices={RISK_STATUSES_BY_KIND[chosen].map((s) => ({ value: s, label: RISK_STATUS_LABELS[s] }))}
      />
    </>
  );
}

export function NewRiskPage(): React.ReactNode {
  const orgId = useOrgId();
  const { strategyId, error } = useRegister(orgId);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useSchemaForm(newRiskForm, {
    kind: "risk",
    title: "",
    description: "",
    ownerName: "",
    mitigations: "",
    reviewOn: datePartsOf(null),
    status: "open",
  });
  const add = useMutation({
    mutationFn: (body: z.output<typeof newRiskForm>) => strategyApi.addRisk(orgId, strategyId ?? "", body),
    onSuccess: ({ risk }) => {
      queryClient.invalidateQueries({ queryKey: strategyKeys.all(orgId) });
      navigate({ to: "/orgs/$orgId/strategy/risks/$riskId", params: { orgId, riskId: risk.id } });
    },
  });
  if (error) return <Problem error={error} />;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Form form={form} onSubmit={(v) => add.mutate(v)} error={add.error}>
          <Page title="Add to the register" caption="Workforce strategy">
            <RiskFields />
            <Button disabled={add.isPending || !strategyId}>Add to the register</Button>
          </Page>
        </Form>
      </div>
    </div>
  );
}

export function EditRiskPage(): React.ReactNode {
  const { orgId, riskId } = editRoute.useParams();
  const { strategyId, risks, error } = useRegister(orgId);
  const risk = risks.data?.risks.find((r) => r.id === riskId);
  if (error) return <Problem error={error} />;
  if (!risks.data || !strategyId) return <p className="govuk-body">Loading…</p>;
  if (!risk) return <p className="govuk-body">We could not find that entry in the register.</p>;
  return <EditRiskForm orgId={orgId} strategyId={strategyId} risk={risk} />;
}

function EditRiskForm({ orgId, strategyId, risk }: { orgId: string; strategyId: string; risk: RiskView }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useSchemaForm(changeRiskForm, {
    title: risk.title,
    description: risk.description,
    likelihood: risk.likelihood,
    impact: risk.impact,
    ownerName: risk.owner.name,
    mitigations: risk.mitigations,
    reviewOn: datePartsOf(risk.reviewOn),
    status: risk.status,
  });
  const change = useMutation({
    mutationFn: (body: z.output<typeof changeRiskForm>) => strategyApi.changeRisk(orgId, strategyId, risk.id, body),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: strategyKeys.all(orgId) });
      navigate({ to: "/orgs/$orgId/strategy/risks/$riskId", params: { orgId, riskId: risk.id } });
    },
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Form form={form} onSubmit={(v) => change.mutate(v)} error={change.error}>
          <Page title={`Change ${risk.ref} ${risk.title}`} caption="Workforce strategy">
            <p className="govuk-body">The register keeps what the entry was before, with who changed it and when.</p>
            <RiskFields kind={risk.kind} />
            <Button disabled={change.isPending}>Save changes</Button>
          </Page>
        </Form>
      </div>
    </div>
  );
}
