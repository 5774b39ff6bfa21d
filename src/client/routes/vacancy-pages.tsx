import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CARE_PROVIDING_ROLES, JOB_ROLES } from "../../shared/ascwds/codes";
import {
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
import { useOrg, useOrgId, useWorkplaceOptions } from "../lib/org";
import { vacancyApi, vacancyKeys, vacancyQueries } from "../queries/vacancies";

const today = () => new Date().toISOString().slice(0, 10);
const ROLE_OPTIONS = Object.entries(JOB_ROLES).map(([value, label]) => ({ value, label }));
const money = (n: number | null) =>
  n === null ? "—" : n.toLocaleString("en-GB", { style: "currency", currency: "GBP" });

export function VacanciesPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const queryClient = useQueryClient();
  const workplaceOptions = useWorkplaceOptions(orgId);
  const list = useQuery(vacancyQueries.vacancies(orgId));
  const [form, setForm] = useState({ workplaceId: "", jobRole: "8", openedOn: today(), posts: "1" });
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: vacancyKeys.vacancies(orgId) });
  const open = useMutation({
    mutationFn: () =>
      vacancyApi.open(orgId, {
        workplaceId: form.workplaceId,
        jobRole: Number(form.jobRole),
        openedOn: form.openedOn,
        posts: Number(form.posts) || 0,
      }),
    onSuccess: () => {
      setDone(`${form.posts} vacanc${form.posts === "1" ? "y" : "ies"} opened.`);
      refresh();
    },
  });
  const close = useMutation({
    mutationFn: (id: string) => vacancyApi.close(orgId, id, { closedOn: today() }),
    onSuccess: () => {
      setDone("Vacancy closed.");
      refresh();
    },
  });
  if (!org.data) return <p className="govuk-body">Loading…</p>;
  const canEdit = org.data.permissions.includes("workplaces.edit");
  const errors = fieldErrors(open.error);
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  return (
    <Page title="Vacancies" caption={org.data.name}>
      {done && <SuccessBanner title={done} />}
      <ErrorSummary
        error={open.error ?? close.error}
        fields={{
          workplaceId: "vacancy-workplace",
          jobRole: "vacancy-role",
          openedOn: "vacancy-opened",
          posts: "vacancy-posts",
        }}
      />
      {list.data && (
        <Table
          caption={`Open vacancies (${list.data.vacancies.length})`}
          rows={list.data.vacancies}
          rowKey={(v) => v.id}
          columns={[
            { header: "Workplace", cell: (v) => v.workplace.name },
            { header: "Job role", cell: (v) => v.role.label },
            { header: "Open since", cell: (v) => v.openedOn },
            canEdit && {
              header: "Actions",
              hiddenHeader: true,
              cell: (v) => (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  onClick={() => close.mutate(v.id)}
                >
                  Close
                  <span className="govuk-visually-hidden">
                    {" "}
                    the {v.role.label} vacancy at {v.workplace.name} open since {v.openedOn}
                  </span>
                </button>
              ),
            },
          ]}
        />
      )}
      {canEdit && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setDone(null);
            open.mutate();
          }}
          noValidate
        >
          <h2 className="govuk-heading-m">Open a vacancy</h2>
          <Select
            id="vacancy-workplace"
            name="workplaceId"
            label="Workplace"
            value={form.workplaceId}
            onChange={set("workplaceId")}
            error={errors.workplaceId}
            options={workplaceOptions}
          />
          <Select
            id="vacancy-role"
            name="jobRole"
            label="Job role"
            value={form.jobRole}
            onChange={set("jobRole")}
            error={errors.jobRole}
            options={ROLE_OPTIONS}
          />
          <TextInput
            id="vacancy-opened"
            name="openedOn"
            label="Open since"
            hint="As YYYY-MM-DD"
            value={form.openedOn}
            onChange={set("openedOn")}
            error={errors.openedOn}
            width="govuk-input--width-20"
          />
          <TextInput
            id="vacancy-posts"
            name="posts"
            label="Number of posts"
            value={form.posts}
            onChange={set("posts")}
            error={errors.posts}
            width="govuk-input--width-20"
          />
          <Button disabled={open.isPending}>Open vacancy</Button>
        </form>
      )}
    </Page>
  );
}

export function AgencyPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const queryClient = useQueryClient();
  const workplaceOptions = useWorkplaceOptions(orgId);
  const list = useQuery(vacancyQueries.agency(orgId));
  const [form, setForm] = useState({ workplaceId: "", month: today().slice(0, 7), hours: "", spend: "" });
  const [roles, setRoles] = useState<number[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      vacancyApi.saveAgencyMonth(orgId, {
        workplaceId: form.workplaceId,
        month: form.month,
        hours: (form.hours === "" ? undefined : Number(form.hours)) as number,
        spend: (form.spend === "" ? undefined : Number(form.spend.replace(/[£,]/g, ""))) as number,
        roles,
      }),
    onSuccess: () => {
      setDone(`Agency use for ${form.month} saved.`);
      queryClient.invalidateQueries({ queryKey: vacancyKeys.agency(orgId) });
    },
  });
  if (!org.data) return <p className="govuk-body">Loading…</p>;
  const canEdit = org.data.permissions.includes("workplaces.edit");
  const errors = fieldErrors(save.error);
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  return (
    <Page title="Agency use" caption={org.data.name}>
      {done && <SuccessBanner title={done} />}
      <ErrorSummary
        error={save.error}
        fields={{
          workplaceId: "agency-workplace",
          month: "agency-month",
          hours: "agency-hours",
          spend: "agency-spend",
        }}
      />
      {list.data && (
        <Table
          caption="Agency hours and spend by month"
          rows={list.data.agencyUse}
          rowKey={(u) => u.id}
          columns={[
            { header: "Month", cell: (u) => u.month },
            { header: "Workplace", cell: (u) => u.workplace.name },
            { header: "Hours", numeric: true, cell: (u) => u.hours?.toLocaleString("en-GB") ?? "—" },
            { header: "Spend", numeric: true, cell: (u) => money(u.spend) },
            { header: "Roles covered", cell: (u) => u.roles.map((r) => JOB_ROLES[r]).join(", ") || "—" },
          ]}
        />
      )}
      {canEdit && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setDone(null);
            save.mutate();
          }}
          noValidate
        >
          <h2 className="govuk-heading-m">Record a month</h2>
          <p className="govuk-body">Recording a month again replaces that month's figures for the workplace.</p>
          <Select
            id="agency-workplace"
            name="workplaceId"
            label="Workplace"
            value={form.workplaceId}
            onChange={set("workplaceId")}
            error={errors.workplaceId}
            options={workplaceOptions}
          />
          <TextInput
            id="agency-month"
            name="month"
            label="Month"
            hint="As YYYY-MM, for example 2026-04"
            value={form.month}
            onChange={set("month")}
            error={errors.month}
            width="govuk-input--width-20"
          />
          <TextInput
            id="agency-hours"
            name="hours"
            label="Agency hours"
            value={form.hours}
            onChange={set("hours")}
            error={errors.hours}
            width="govuk-input--width-20"
          />
          <TextInput
            id="agency-spend"
            name="spend"
            label="Spend in pounds"
            hint="What the agency invoiced, for example 3250.00"
            value={form.spend}
            onChange={set("spend")}
            error={errors.spend}
            width="govuk-input--width-20"
          />
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Roles covered</legend>
              <JobRoleCheckboxes
                idPrefix="agency-role"
                offered={[...CARE_PROVIDING_ROLES, 16]}
                chosen={roles}
                onChange={setRoles}
              />
            </fieldset>
          </div>
          <Button disabled={save.isPending}>Save</Button>
        </form>
      )}
    </Page>
  );
}
