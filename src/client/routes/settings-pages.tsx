import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { JOB_ROLES, TRAINING_CATEGORY_LABELS } from "../../shared/ascwds/codes";
import {
  ALL_JOB_ROLES,
  Button,
  ErrorSummary,
  fieldErrors,
  JobRoleCheckboxes,
  Select,
  SuccessBanner,
  TextInput,
} from "../components/forms";
import { Page } from "../components/Page";
import { Table } from "../components/Table";
import { useOrg, useOrgId } from "../lib/org";
import { figureKeys } from "../queries/figures";
import { type WorkforceSettings as Settings, staffApi, staffKeys, staffQueries } from "../queries/staff";

const CATEGORIES = Object.entries(TRAINING_CATEGORY_LABELS)
  .map(([code, label]) => ({ value: code, label }))
  .sort((a, b) => a.label.localeCompare(b.label));
const rolesText = (roles: number[] | null) =>
  roles === null ? "Every job role" : roles.map((r) => JOB_ROLES[r] ?? String(r)).join(", ");

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
  });
  const errors = fieldErrors(save.error);
  const change = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const unused = (current: string) =>
    CATEGORIES.filter((c) => c.value === current || !rows.some((r) => r.category === c.value));
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
              [`requiredTraining.${i}.category`, `training-${i}`],
              [`requiredTraining.${i}.roles`, `roles-${i}`],
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
      {rows.length === 0 && (
        <p className="govuk-body">None yet. Add the training your staff must hold, and who must hold it.</p>
      )}
      {rows.map((r, i) => (
        <fieldset key={r.key} className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Training {i + 1}</legend>
          <Select
            id={`training-${i}`}
            name={`training-${i}`}
            label="Training category"
            value={r.category}
            onChange={(v) => change(i, { category: v })}
            options={unused(r.category)}
            error={errors[`requiredTraining.${i}.category`]}
          />
          <div className={`govuk-form-group${errors[`requiredTraining.${i}.roles`] ? " govuk-form-group--error" : ""}`}>
            <fieldset
              className="govuk-fieldset"
              aria-describedby={errors[`requiredTraining.${i}.roles`] ? `roles-${i}-error` : undefined}
            >
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Who must hold it</legend>
              {errors[`requiredTraining.${i}.roles`] && (
                <p className="govuk-error-message" id={`roles-${i}-error`}>
                  <span className="govuk-visually-hidden">Error:</span> {errors[`requiredTraining.${i}.roles`]}
                </p>
              )}
              <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={`roles-${i}`}
                    name={`roles-${i}`}
                    type="radio"
                    checked={r.every}
                    onChange={() => change(i, { every: true })}
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
                    checked={!r.every}
                    onChange={() => change(i, { every: false })}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={`roles-${i}-some`}>
                    Only some job roles
                  </label>
                </div>
              </div>
              {!r.every && (
                <div className="govuk-!-margin-top-3">
                  <JobRoleCheckboxes
                    idPrefix={`roles-${i}`}
                    offered={ALL_JOB_ROLES}
                    chosen={r.roles}
                    onChange={(roles) => change(i, { roles })}
                  />
                </div>
              )}
            </fieldset>
          </div>
          <Button type="button" secondary onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            Remove<span className="govuk-visually-hidden"> training {i + 1}</span>
          </Button>
        </fieldset>
      ))}
      <div className="govuk-button-group">
        {unused("").length > 0 && (
          <Button
            type="button"
            secondary
            onClick={() => setRows([...rows, { key: newKey(), category: unused("")[0].value, every: true, roles: [] }])}
          >
            Add training
          </Button>
        )}
        <Button disabled={save.isPending}>Save settings</Button>
      </div>
    </form>
  );
}
