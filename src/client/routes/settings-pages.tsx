import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { JOB_ROLE_GROUPS, JOB_ROLES, TRAINING_CATEGORY_LABELS } from "../../shared/ascwds/codes";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextInput } from "../components/forms";
import { Page } from "../components/Page";
import { Table } from "../components/Table";
import { useOrg, useOrgId } from "../lib/org";
import { figureKeys } from "../queries/figures";
import { type WorkforceSettings as Settings, staffApi, staffKeys, staffQueries } from "../queries/staff";

const CATEGORIES = Object.entries(TRAINING_CATEGORY_LABELS)
  .map(([code, label]) => ({ value: code, label }))
  .sort((a, b) => a.label.localeCompare(b.label));
/** Who must hold a training, in a line: a whole group by its name, other roles by theirs. */
function rolesText(roles: number[] | null): string {
  if (roles === null) return "Every job role";
  if (roles.length === 0) return "No job roles chosen yet";
  const names: string[] = [];
  const covered = new Set<number>();
  for (const g of JOB_ROLE_GROUPS)
    if (g.roles.every((r) => roles.includes(r))) {
      names.push(`all ${g.name.toLowerCase()}`);
      for (const r of g.roles) covered.add(r);
    }
  for (const r of roles) if (!covered.has(r)) names.push(JOB_ROLES[r] ?? String(r));
  const text = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return text[0].toUpperCase() + text.slice(1);
}

/**
 * The employer's standard week and mandatory training (its workforce settings): what its FTE
 * figures and training compliance are measured against. Editors change them; others read them.
 */
export function WorkforceSettingsPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const settings = useQuery(staffQueries.settings(orgId));
  const canEdit = org.data?.permissions.includes("workplaces.edit") ?? false;
  if (!settings.data) return <p className="govuk-body">Loading…</p>;
  return (
    <Page title="Working week and mandatory training" caption={org.data?.name}>
      <p className="govuk-body">
        Your figures use these: full-time equivalent (FTE) divides each person's hours by your full-time week, and
        training compliance is the share of the training you require for each job role that your staff hold and is still
        in date.
      </p>
      {canEdit ? <SettingsForm orgId={orgId} settings={settings.data} /> : <SettingsSummary settings={settings.data} />}
    </Page>
  );
}

function SettingsSummary({ settings }: { settings: Settings }) {
  return (
    <>
      <p className="govuk-body">
        Full-time week: <strong>{settings.standardWeeklyHours ?? settings.defaultWeeklyHours} hours</strong>
        {settings.standardWeeklyHours === null ? " (the hub's default)" : ""}
      </p>
      {settings.requiredTraining.length === 0 ? (
        <p className="govuk-body">No mandatory training has been set, so training compliance is not worked out.</p>
      ) : (
        <Table
          caption="Mandatory training"
          rows={settings.requiredTraining}
          rowKey={(r) => String(r.category)}
          columns={[
            { header: "Training", cell: (r) => TRAINING_CATEGORY_LABELS[r.category] ?? String(r.category) },
            { header: "Who must hold it", cell: (r) => rolesText(r.roles) },
          ]}
        />
      )}
    </>
  );
}

/** One line of the form; `key` keeps React's place in the list as lines are added and removed. */
type Row = { key: string; category: string; every: boolean; roles: number[] };
const newKey = () => Math.random().toString(36).slice(2);
const categoryLabel = (category: string | number) => TRAINING_CATEGORY_LABELS[Number(category)] ?? String(category);
const trainingTitle = (r: Row, i: number) => `Training ${i + 1}: ${categoryLabel(r.category)}`;

function SettingsForm({ orgId, settings }: { orgId: string; settings: Settings }) {
  const queryClient = useQueryClient();
  const [week, setWeek] = useState(settings.standardWeeklyHours === null ? "" : String(settings.standardWeeklyHours));
  const [rows, setRows] = useState<Row[]>(
    settings.requiredTraining.map((r) => ({
      key: newKey(),
      category: String(r.category),
      every: r.roles === null,
      roles: r.roles ?? [],
    })),
  );
  // One training is changed at a time: the list stays short, and its roles fit on a screen.
  const [editing, setEditing] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => {
      const text = week.trim();
      // Text that is not a number goes as it is, for the server to refuse with a clear message.
      const hours = text === "" ? null : Number.isFinite(Number(text)) ? Number(text) : text;
      return staffApi.saveSettings(orgId, {
        standardWeeklyHours: hours as number | null,
        requiredTraining: rows.map((r) => ({ category: Number(r.category), roles: r.every ? null : r.roles })),
      });
    },
    onSuccess: (res) => {
      queryClient.setQueryData(staffKeys.settings(orgId), res);
      queryClient.invalidateQueries({ queryKey: figureKeys.dashboard(orgId) });
    },
    // The first training the server refused opens, so its fields (and the summary's links) are there.
    onError: (error) => {
      const refused = Object.keys(fieldErrors(error))
        .map((path) => /^requiredTraining\.(\d+)\./.exec(path)?.[1])
        .find((i) => i !== undefined);
      if (refused !== undefined) setEditing(rows[Number(refused)]?.key ?? null);
    },
  });
  const errors = fieldErrors(save.error);
  const change = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const unused = (current: string) =>
    CATEGORIES.filter((c) => c.value === current || !rows.some((r) => r.category === c.value));
  const open = rows.findIndex((r) => r.key === editing);
  const rowError = (i: number) => errors[`requiredTraining.${i}.category`] ?? errors[`requiredTraining.${i}.roles`];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
    >
      {save.isSuccess && <SuccessBanner title="Settings saved">Your figures now use them.</SuccessBanner>}
      <ErrorSummary
        error={save.error}
        fields={{
          standardWeeklyHours: "week",
          ...Object.fromEntries(
            rows.flatMap((_, i) => [
              [`requiredTraining.${i}.category`, i === open ? `training-${i}` : `training-row-${i}`],
              [`requiredTraining.${i}.roles`, i === open ? `roles-${i}` : `training-row-${i}`],
            ]),
          ),
        }}
      />
      <TextInput
        id="week"
        name="week"
        label="Hours in a full-time week"
        hint={`Leave empty to use the hub's default of ${settings.defaultWeeklyHours} hours.`}
        value={week}
        onChange={setWeek}
        width=""
        error={errors.standardWeeklyHours}
      />
      <h2 className="govuk-heading-m">Mandatory training</h2>
      {rows.length === 0 ? (
        <p className="govuk-body">None yet. Add the training your staff must hold, and who must hold it.</p>
      ) : (
        <dl className="govuk-summary-list">
          {rows.map((r, i) => (
            <div className="govuk-summary-list__row" key={r.key} id={`training-row-${i}`}>
              <dt className="govuk-summary-list__key">{categoryLabel(r.category)}</dt>
              <dd className="govuk-summary-list__value">
                {rowError(i) && i !== open && (
                  <p className="govuk-error-message">
                    <span className="govuk-visually-hidden">Error:</span> {rowError(i)}
                  </p>
                )}
                {rolesText(r.every ? null : r.roles)}
              </dd>
              <dd className="govuk-summary-list__actions">
                <ul className="govuk-summary-list__actions-list">
                  <li className="govuk-summary-list__actions-list-item">
                    <button
                      type="button"
                      className="app-link-button govuk-link"
                      aria-expanded={i === open}
                      aria-controls={i === open ? `training-editor-${i}` : undefined}
                      onClick={() => setEditing(i === open ? null : r.key)}
                    >
                      {i === open ? "Close" : "Change"}
                      <span className="govuk-visually-hidden"> {categoryLabel(r.category)}</span>
                    </button>
                  </li>
                  <li className="govuk-summary-list__actions-list-item">
                    <button
                      type="button"
                      className="app-link-button govuk-link"
                      onClick={() => setRows(rows.filter((_, j) => j !== i))}
                    >
                      Remove<span className="govuk-visually-hidden"> {categoryLabel(r.category)}</span>
                    </button>
                  </li>
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {open >= 0 && (
        <TrainingEditor
          i={open}
          row={rows[open]}
          categories={unused(rows[open].category)}
          errors={errors}
          onChange={(patch) => change(open, patch)}
          onDone={() => setEditing(null)}
        />
      )}
      <div className="govuk-button-group">
        {unused("").length > 0 && (
          <Button
            type="button"
            secondary
            onClick={() => {
              const row = { key: newKey(), category: unused("")[0].value, every: true, roles: [] };
              setRows([...rows, row]);
              setEditing(row.key);
            }}
          >
            Add training
          </Button>
        )}
        <Button disabled={save.isPending}>Save settings</Button>
      </div>
    </form>
  );
}

/** One training: which it is, and who must hold it (every job role, or roles ticked by group). */
function TrainingEditor({
  i,
  row,
  categories,
  errors,
  onChange,
  onDone,
}: {
  i: number;
  row: Row;
  categories: { value: string; label: string }[];
  errors: Record<string, string>;
  onChange: (patch: Partial<Row>) => void;
  onDone: () => void;
}) {
  const rolesError = errors[`requiredTraining.${i}.roles`];
  const toggle = (role: number, on: boolean) =>
    onChange({ roles: on ? [...row.roles, role] : row.roles.filter((x) => x !== role) });
  return (
    <div className="govuk-inset-text" id={`training-editor-${i}`}>
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{trainingTitle(row, i)}</legend>
        <Select
          id={`training-${i}`}
          name={`training-${i}`}
          label="Training category"
          value={row.category}
          onChange={(v) => onChange({ category: v })}
          options={categories}
          error={errors[`requiredTraining.${i}.category`]}
        />
        <div className={`govuk-form-group${rolesError ? " govuk-form-group--error" : ""}`}>
          <fieldset className="govuk-fieldset" aria-describedby={rolesError ? `roles-${i}-error` : undefined}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Who must hold it</legend>
            {rolesError && (
              <p className="govuk-error-message" id={`roles-${i}-error`}>
                <span className="govuk-visually-hidden">Error:</span> {rolesError}
              </p>
            )}
            <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
              <div className="govuk-radios__item">
                <input
                  className="govuk-radios__input"
                  id={`roles-${i}`}
                  name={`roles-${i}`}
                  type="radio"
                  checked={row.every}
                  onChange={() => onChange({ every: true })}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={`roles-${i}`}>
                  Every job role
                </label>
              </div>
              <div className="govuk-radios__item">
                <input
                  className="govuk-radios__input"
                  id={`roles-${i}-some`}
                  name={`roles-${i}`}
                  type="radio"
                  checked={!row.every}
                  onChange={() => onChange({ every: false })}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={`roles-${i}-some`}>
                  Only some job roles
                </label>
              </div>
            </div>
          </fieldset>
        </div>
        {!row.every &&
          JOB_ROLE_GROUPS.map((group, gi) => {
            const all = group.roles.every((r) => row.roles.includes(r));
            return (
              <div className="govuk-!-margin-bottom-3" key={group.name}>
                {/* The group's name with its "Tick all" on one line; the boxes are labelled by the name. */}
                <div style={{ display: "flex", flexWrap: "wrap", gap: "0 1rem", alignItems: "baseline" }}>
                  <h3 className="govuk-heading-s govuk-!-margin-bottom-2" id={`roles-${i}-group-${gi}`}>
                    {group.name}
                  </h3>
                  <button
                    type="button"
                    className="app-link-button govuk-body-s govuk-!-margin-bottom-2"
                    onClick={() =>
                      onChange({
                        roles: all
                          ? row.roles.filter((r) => !group.roles.includes(r))
                          : [...new Set([...row.roles, ...group.roles])],
                      })
                    }
                  >
                    {all ? "Untick all" : "Tick all"}
                    <span className="govuk-visually-hidden"> {group.name.toLowerCase()}</span>
                  </button>
                </div>
                {/* Columns as wide as a role's name: one on a phone, three on a computer. */}
                <fieldset className="govuk-fieldset" aria-labelledby={`roles-${i}-group-${gi}`}>
                  <div
                    className="govuk-checkboxes govuk-checkboxes--small"
                    data-module="govuk-checkboxes"
                    style={{ columns: "15rem" }}
                  >
                    {group.roles.map((r) => (
                      <div className="govuk-checkboxes__item" key={r} style={{ breakInside: "avoid" }}>
                        <input
                          className="govuk-checkboxes__input"
                          id={`roles-${i}-${r}`}
                          type="checkbox"
                          checked={row.roles.includes(r)}
                          onChange={(e) => toggle(r, e.target.checked)}
                        />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor={`roles-${i}-${r}`}>
                          {JOB_ROLES[r] ?? String(r)}
                        </label>
                      </div>
                    ))}
                  </div>
                </fieldset>
              </div>
            );
          })}
        <Button type="button" secondary onClick={onDone}>
          Done<span className="govuk-visually-hidden"> with {categoryLabel(row.category)}</span>
        </Button>
      </fieldset>
    </div>
  );
}
