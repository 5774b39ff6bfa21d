// The strategy's plan (issue 16): recommendations and enablers with their actions and this
// quarter's progress, and one action's page where its owner records the quarter's update.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useFormContext } from "react-hook-form";
import { z } from "zod";
import { dateFromParts, datePartsOf } from "../../../shared/date-input";
import { longDate, longDateTime, todayIso } from "../../../shared/dates";
import { progressUpdateInput } from "../../../shared/schemas/strategy";
import {
  PHASE_LABELS,
  PHASES,
  PILLAR_KIND_LABELS,
  quarterLabel,
  UPDATE_STATUS_LABELS,
  UPDATE_STATUSES,
  type UpdateStatus,
} from "../../../shared/strategy";
import {
  Button,
  DateField,
  Form,
  SelectField,
  SuccessBanner,
  TextAreaField,
  useSchemaForm,
} from "../../components/forms";
import { Page } from "../../components/Page";
import { Section } from "../../components/Section";
import { Table } from "../../components/Table";
import { ApiError } from "../../lib/api";
import { useFlash } from "../../lib/flash";
import { useOrg, useOrgId } from "../../lib/org";
import {
  type ActionView,
  type QuarterUpdatesResponse,
  type StrategySearch,
  strategyApi,
  strategyKeys,
  strategyQueries,
  strategySearch,
} from "../../queries/strategy";
import { measureTarget, measureValue, Problem, StatusTag, StrategyNav, useCurrentStrategy } from "./common";

const homeRoute = getRouteApi("/orgs/$orgId/strategy");
const actionRoute = getRouteApi("/orgs/$orgId/strategy/actions/$actionId");

type QuarterRow = QuarterUpdatesResponse["actions"][number];
const ownerKey = (a: ActionView) => a.owner?.id ?? "none";

export function StrategyHomePage(): React.ReactNode {
  const orgId = useOrgId();
  const search = homeRoute.useSearch();
  const { list, strategyId } = useCurrentStrategy(orgId);
  const plan = useQuery({ ...strategyQueries.plan(orgId, strategyId ?? ""), enabled: !!strategyId });
  const quarter = useQuery({ ...strategyQueries.quarter(orgId, strategyId ?? ""), enabled: !!strategyId });
  const changes = useQuery({ ...strategyQueries.changes(orgId, strategyId ?? ""), enabled: !!strategyId });
  const org = useOrg(orgId);
  const flash = useFlash(`/orgs/${orgId}/strategy`);

  const error = list.error ?? plan.error ?? quarter.error;
  if (error)
    return (
      <Page title="Workforce strategy">
        <Problem error={error} />
      </Page>
    );
  if (list.data && !strategyId)
    return (
      <Page title="Workforce strategy">
        <p className="govuk-body">The council has not set up a workforce strategy in the hub yet.</p>
        {org.data?.permissions.includes("strategy.manage") && (
          <Link className="govuk-button" to="/orgs/$orgId/strategy/new" params={{ orgId }}>
            Start a workforce strategy
          </Link>
        )}
      </Page>
    );
  if (!plan.data || !quarter.data) return <p className="govuk-body">Loading…</p>;

  const { strategy, pillars } = plan.data;
  const manage = plan.data.can.manage;
  const byAction = new Map(quarter.data.actions.map((a) => [a.actionId, a]));
  const statusOf = (a: ActionView): UpdateStatus | null => byAction.get(a.id)?.update?.status ?? null;
  const owners = new Map<string, string>();
  for (const a of pillars.flatMap((p) => p.actions)) owners.set(ownerKey(a), a.owner?.name ?? "No owner yet");
  const shown = (a: ActionView) =>
    (!search.phase || a.phase === search.phase) &&
    (!search.status || (statusOf(a) ?? "none") === search.status) &&
    (!search.owner || ownerKey(a) === search.owner);
  const filtered = !!(search.phase || search.status || search.owner);
  const shownCount = pillars.flatMap((p) => p.actions).filter(shown).length;

  return (
    <Page title={strategy.title} caption="Workforce strategy">
      <StrategyNav orgId={orgId} />
      {flash && <SuccessBanner title={flash} />}
      <p className="govuk-body">
        {longDate(strategy.periodStart)} to {longDate(strategy.periodEnd)}.
      </p>
      {strategy.vision && <p className="govuk-body-l">{strategy.vision}</p>}
      {strategy.approval ? (
        <div className="govuk-inset-text" data-testid="approval">
          <p className="govuk-body">
            <strong className="govuk-tag govuk-tag--green">Approved plan</strong> Approved by the{" "}
            {strategy.approval.board} on {longDate(strategy.approval.approvedOn)} (minute {strategy.approval.minuteRef}
            ).
          </p>
          <p className="govuk-body govuk-!-margin-bottom-0">
            This is the approved plan: changes are recorded, with who made them and why.{" "}
            {strategy.changes === 0
              ? "No changes have been recorded since approval."
              : `${strategy.changes} change${strategy.changes === 1 ? "" : "s"} recorded since approval.`}
          </p>
          {changes.data && changes.data.changes.length > 0 && (
            <details className="govuk-details govuk-!-margin-top-4 govuk-!-margin-bottom-0">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">Changes since approval</span>
              </summary>
              <div className="govuk-details__text">
                <ul className="govuk-list">
                  {changes.data.changes.map((c) => (
                    <li key={c.id}>
                      {longDateTime(c.at)}, {c.by?.name ?? "the hub"}: {c.reason}
                    </li>
                  ))}
                </ul>
              </div>
            </details>
          )}
        </div>
      ) : (
        <div className="govuk-inset-text">
          <strong className="govuk-tag govuk-tag--grey">Draft</strong> The board has not approved this plan yet.
        </div>
      )}
      {manage && (
        <div className="govuk-button-group">
          <Link className="govuk-button govuk-button--secondary" to="/orgs/$orgId/strategy/edit" params={{ orgId }}>
            Change the strategy's details
          </Link>
          <Link
            className="govuk-button govuk-button--secondary"
            to="/orgs/$orgId/strategy/pillars/new"
            params={{ orgId }}
          >
            Add a recommendation or enabler
          </Link>
          {strategy.status === "draft" && (
            <Link className="govuk-button" to="/orgs/$orgId/strategy/approve" params={{ orgId }}>
              Record the board's approval
            </Link>
          )}
        </div>
      )}

      <h2 className="govuk-heading-m">Progress in {quarterLabel(quarter.data.quarter)}</h2>
      <Table
        caption={`Actions by status, ${quarter.data.quarter}`}
        rowKey={(p) => p.id}
        rows={pillars}
        columns={[
          { header: "Recommendation or enabler", cell: (p) => `${p.ref} ${p.title}` },
          ...UPDATE_STATUSES.map((s) => ({
            header: UPDATE_STATUS_LABELS[s],
            numeric: true,
            cell: (p: (typeof pillars)[number]) => p.actions.filter((a) => statusOf(a) === s).length,
          })),
          {
            header: "No update",
            numeric: true,
            cell: (p) => p.actions.filter((a) => statusOf(a) === null).length,
          },
        ]}
      />

      <PlanFilters key={JSON.stringify(search)} orgId={orgId} search={search} owners={owners} />
      {filtered && (
        <p className="govuk-body" role="status">
          Showing {shownCount} action{shownCount === 1 ? "" : "s"} that match the filters.{" "}
          <Link className="govuk-link" to="/orgs/$orgId/strategy" params={{ orgId }} search={{}}>
            Clear filters
          </Link>
        </p>
      )}

      {pillars.map((p) => {
        const actions = p.actions.filter(shown);
        if (filtered && actions.length === 0) return null;
        return (
          <Section key={p.id} id={`pillar-${p.ref}`} title={`${PILLAR_KIND_LABELS[p.kind]} ${p.ref}: ${p.title}`}>
            {p.aims.length > 0 && (
              <ul className="govuk-list govuk-list--bullet">
                {p.aims.map((aim) => (
                  <li key={aim}>{aim}</li>
                ))}
              </ul>
            )}
            {manage && (
              <p className="govuk-body">
                <Link
                  className="govuk-link govuk-!-margin-right-4"
                  to="/orgs/$orgId/strategy/pillars/$pillarId/edit"
                  params={{ orgId, pillarId: p.id }}
                >
                  Change {p.ref}
                </Link>
                <Link
                  className="govuk-link"
                  to="/orgs/$orgId/strategy/actions/new"
                  params={{ orgId }}
                  search={{ pillar: p.id }}
                >
                  Add an action to {p.ref}
                </Link>
              </p>
            )}
            {actions.length === 0 ? (
              <p className="govuk-body">No actions yet.</p>
            ) : (
              <Table
                caption={`Actions under ${p.ref}`}
                rowKey={(a) => a.id}
                rows={actions}
                columns={[
                  {
                    header: "Action",
                    cell: (a) => (
                      <Link
                        className="govuk-link"
                        to="/orgs/$orgId/strategy/actions/$actionId"
                        params={{ orgId, actionId: a.id }}
                      >
                        {a.ref} {a.title}
                      </Link>
                    ),
                  },
                  { header: "Phase", cell: (a) => PHASE_LABELS[a.phase] },
                  { header: "Owner", cell: (a) => a.owner?.name ?? "No owner yet" },
                  { header: "Due", cell: (a) => (a.dueOn ? longDate(a.dueOn) : "Not set") },
                  { header: "Status", cell: (a) => <StatusTag status={statusOf(a)} /> },
                  { header: "The figures suggest", cell: (a) => <Suggestion row={byAction.get(a.id)} /> },
                ]}
              />
            )}
          </Section>
        );
      })}
    </Page>
  );
}

/** What the hub suggests when the action's measures are off target (nothing otherwise). */
function Suggestion({ row }: { row: QuarterRow | undefined }): React.ReactNode {
  const s = row?.suggestion;
  if (!s) return "—";
  return (
    <>
      <StatusTag status={s.status} />
      <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1">
        {s.because.map((m) => `${m.label} ${measureValue(m.metric, m.value)}`).join("; ")}
      </span>
    </>
  );
}

const ANY = "";
function PlanFilters({
  orgId,
  search,
  owners,
}: {
  orgId: string;
  search: StrategySearch;
  owners: Map<string, string>;
}): React.ReactNode {
  const navigate = homeRoute.useNavigate();
  const form = useSchemaForm(strategySearch, {
    phase: search.phase ?? undefined,
    status: search.status ?? undefined,
    owner: search.owner ?? ANY,
  });
  return (
    <Form
      form={form}
      className="govuk-!-margin-top-6 govuk-!-margin-bottom-6"
      onSubmit={(v) =>
        navigate({
          to: "/orgs/$orgId/strategy",
          params: { orgId },
          search: { phase: v.phase, status: v.status, owner: v.owner || undefined },
        })
      }
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <SelectField
            name="phase"
            label="Phase"
            choices={[
              { value: ANY, label: "Every phase" },
              ...PHASES.map((p) => ({ value: p, label: PHASE_LABELS[p] })),
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <SelectField
            name="status"
            label="Status this quarter"
            choices={[
              { value: ANY, label: "Every status" },
              ...UPDATE_STATUSES.map((s) => ({ value: s, label: UPDATE_STATUS_LABELS[s] })),
              { value: "none", label: "No update" },
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <SelectField
            name="owner"
            label="Owner"
            choices={[
              { value: ANY, label: "Every owner" },
              ...[...owners.entries()]
                .sort((a, b) => a[1].localeCompare(b[1]))
                .map(([value, label]) => ({ value, label })),
            ]}
          />
        </div>
      </div>
      <Button secondary>Apply filters</Button>
    </Form>
  );
}

// ---- An action --------------------------------------------------------------------------------

/** The update API's input, with the date in the GOV.UK date boxes and the links one a line. */
const updateForm = progressUpdateInput.extend({
  reportedOn: dateFromParts("Date of the update"),
  evidence: z
    .string()
    .transform((s) => s.split(/\s+/).filter(Boolean))
    .pipe(progressUpdateInput.shape.evidence.unwrap()),
});

export function ActionPage(): React.ReactNode {
  const { orgId, actionId } = actionRoute.useParams();
  const { list, strategyId } = useCurrentStrategy(orgId);
  const enabled = !!strategyId;
  const plan = useQuery({ ...strategyQueries.plan(orgId, strategyId ?? ""), enabled });
  const quarter = useQuery({ ...strategyQueries.quarter(orgId, strategyId ?? ""), enabled });
  const history = useQuery({ ...strategyQueries.actionUpdates(orgId, strategyId ?? "", actionId), enabled });
  const flash = useFlash(`/orgs/${orgId}/strategy/actions/${actionId}`);

  const error = list.error ?? plan.error ?? quarter.error ?? history.error;
  if (error)
    return (
      <Page title="Action">
        <Problem error={error} />
      </Page>
    );
  if (!plan.data || !quarter.data || !history.data || !strategyId) return <p className="govuk-body">Loading…</p>;
  const pillar = plan.data.pillars.find((p) => p.actions.some((a) => a.id === actionId));
  const action = pillar?.actions.find((a) => a.id === actionId);
  if (!pillar || !action)
    return (
      <Page title="Action not found">
        <p className="govuk-body">
          We could not find that action in the plan.{" "}
          <Link className="govuk-link" to="/orgs/$orgId/strategy" params={{ orgId }}>
            Back to the plan
          </Link>
        </p>
      </Page>
    );
  const row = quarter.data.actions.find((a) => a.actionId === actionId);
  const rows: [string, React.ReactNode][] = [
    [PILLAR_KIND_LABELS[pillar.kind], `${pillar.ref} ${pillar.title}`],
    ["Phase", PHASE_LABELS[action.phase]],
    ["Owner", action.owner?.name ?? "No owner yet"],
    ["Partners", [...action.partners, ...action.partnerOrgs.map((o) => o.name)].join(", ") || "None"],
    ["Start", action.startOn ? longDate(action.startOn) : "Not set"],
    ["Due", action.dueOn ? longDate(action.dueOn) : "Not set"],
    ["Inputs", action.inputs || "Not given"],
    ["Outputs", action.outputs || "Not given"],
    ["Expected outcomes", action.outcomes || "Not given"],
    [`Status in ${quarterLabel(quarter.data.quarter)}`, <StatusTag key="s" status={row?.update?.status ?? null} />],
  ];
  return (
    <Page title={`${action.ref} ${action.title}`} caption="Workforce strategy action">
      <StrategyNav orgId={orgId} />
      {flash && <SuccessBanner title={flash} />}
      {plan.data.can.manage && (
        <Link
          className="govuk-button govuk-button--secondary"
          to="/orgs/$orgId/strategy/actions/$actionId/edit"
          params={{ orgId, actionId }}
        >
          Change this action
        </Link>
      )}
      <dl className="govuk-summary-list">
        {rows.map(([k, v]) => (
          <div className="govuk-summary-list__row" key={k}>
            <dt className="govuk-summary-list__key">{k}</dt>
            <dd className="govuk-summary-list__value">{v}</dd>
          </div>
        ))}
      </dl>

      <Section id="measures" title="Linked measures">
        {action.measures.length === 0 ? (
          <p className="govuk-body">No measures are linked to this action.</p>
        ) : (
          <Table
            caption={`The figures at ${longDate(quarter.data.quarterEnd)}, against their targets`}
            rowKey={(m) => m.metric}
            rows={row?.readings ?? []}
            columns={[
              { header: "Measure", cell: (m) => m.label },
              { header: "Figure", numeric: true, cell: (m) => measureValue(m.metric, m.value) },
              { header: "Target", cell: (m) => `${measureTarget(m)} by ${longDate(m.byDate)}` },
              {
                header: "Against target",
                cell: (m) =>
                  m.value === null ? (
                    "No data"
                  ) : m.offTarget ? (
                    <strong className="govuk-tag govuk-tag--red">Off target</strong>
                  ) : (
                    <strong className="govuk-tag govuk-tag--green">On target</strong>
                  ),
              },
            ]}
          />
        )}
        {row?.suggestion && (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              The figures suggest this action is {UPDATE_STATUS_LABELS[row.suggestion.status].toLowerCase()}: its
              measures are off target.
            </strong>
          </div>
        )}
      </Section>

      {action.canUpdate ? (
        <RecordUpdate
          orgId={orgId}
          strategyId={strategyId}
          actionId={action.id}
          quarter={quarter.data.quarter}
          current={row?.update ?? null}
          suggested={row?.suggestion?.status ?? null}
        />
      ) : (
        <p className="govuk-inset-text">
          Progress on this action is recorded by its owner ({action.owner?.name ?? "no owner yet"}) or the council's
          strategy team.
        </p>
      )}

      <Section id="history" title="Updates">
        {history.data.updates.length === 0 ? (
          <p className="govuk-body">No updates have been recorded yet.</p>
        ) : (
          <ol className="govuk-list">
            {history.data.updates.map((u) => (
              <li key={u.id} className="govuk-!-margin-bottom-6">
                <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                  {quarterLabel(u.quarter)} <StatusTag status={u.status} />
                </h3>
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  {longDate(u.reportedOn)}
                  {u.reportedBy ? `, by ${u.reportedBy.name}` : ""}
                </p>
                {u.narrative && <p className="govuk-body">{u.narrative}</p>}
                {u.evidence.length > 0 && (
                  <ul className="govuk-list govuk-list--bullet">
                    {u.evidence.map((e) => (
                      <li key={e}>
                        <a className="govuk-link govuk-!-text-break-word" href={e} rel="noreferrer">
                          {e}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </Page>
  );
}

/** The quarter's update: its status as radios, a narrative, evidence links and the date. */
function RecordUpdate({
  orgId,
  strategyId,
  actionId,
  quarter,
  current,
  suggested,
}: {
  orgId: string;
  strategyId: string;
  actionId: string;
  quarter: string;
  current: QuarterRow["update"];
  suggested: UpdateStatus | null;
}): React.ReactNode {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useSchemaForm(updateForm, {
    status: current?.status ?? suggested ?? undefined,
    narrative: current?.narrative ?? "",
    evidence: current?.evidence.join("\n") ?? "",
    reportedOn: datePartsOf(current?.reportedOn ?? todayIso()),
  });
  const save = useMutation({
    mutationFn: (body: z.output<typeof updateForm>) =>
      strategyApi.recordUpdate(orgId, strategyId, actionId, quarter, body),
    onSuccess: () => {
      setSaved(true);
      queryClient.invalidateQueries({ queryKey: strategyKeys.all(orgId) });
    },
  });
  const refused = save.error instanceof ApiError && save.error.status === 403;
  return (
    <Section id="record-update" title={`Record the update for ${quarterLabel(quarter)}`}>
      {saved && !save.isPending && <SuccessBanner title="The update has been recorded." />}
      {refused ? (
        <div className="govuk-inset-text" role="alert">
          You cannot record progress on this action: only its owner, a member of the group that owns it, or the
          council's strategy team can. {save.error?.message}
        </div>
      ) : (
        <Form
          form={form}
          onSubmit={(v) => {
            setSaved(false);
            save.mutate(v);
          }}
          error={save.error}
        >
          {current && (
            <p className="govuk-body">
              An update for this quarter was recorded on {longDate(current.reportedOn)}. Saving replaces it.
            </p>
          )}
          <StatusRadios suggested={suggested} />
          <TextAreaField name="narrative" label="What has happened this quarter" hint="Up to 1,000 characters" />
          <TextAreaField
            name="evidence"
            label="Evidence links (optional)"
            hint="Web addresses starting https://, one on each line"
          />
          <DateField name="reportedOn" id="reported-on" legend="Date of the update" hint="For example, 30 9 2026" />
          <Button disabled={save.isPending}>Save update</Button>
        </Form>
      )}
    </Section>
  );
}

function StatusRadios({ suggested }: { suggested: UpdateStatus | null }): React.ReactNode {
  const { register, formState, getFieldState } = useFormContext();
  const error = getFieldState("status", formState).error?.message;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? "status-error" : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Status</legend>
        {suggested && (
          <div className="govuk-hint">
            The figures suggest {UPDATE_STATUS_LABELS[suggested].toLowerCase()}: the action's measures are off target.
          </div>
        )}
        {error && (
          <p className="govuk-error-message" id="status-error">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
          {UPDATE_STATUSES.map((s) => (
            <div className="govuk-radios__item" key={s}>
              <input
                className="govuk-radios__input"
                id={`status-${s}`}
                type="radio"
                value={s}
                {...register("status")}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={`status-${s}`}>
                {UPDATE_STATUS_LABELS[s]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
