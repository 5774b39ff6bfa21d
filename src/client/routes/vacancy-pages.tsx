import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { CARE_PROVIDING_ROLES, JOB_ROLES } from "../../shared/ascwds/codes";
import { type DateParts, datePartsOf, MONTH_PARTS, monthPartsOf } from "../../shared/date-input";
import { longDate, longMonth, todayIso } from "../../shared/dates";
import { DateInput } from "../components/DateInput";
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
import { checkDates, type DateProblems, firstBox } from "../lib/date-checks";
import { useOrg, useOrgId, useWorkplaceOptions } from "../lib/org";
import { recruitmentQueries } from "../queries/recruitment";
import { vacancyApi, vacancyKeys, vacancyQueries } from "../queries/vacancies";

const ROLE_OPTIONS = Object.entries(JOB_ROLES).map(([value, label]) => ({ value, label }));
const money = (n: number | null) =>
  n === null ? "—" : n.toLocaleString("en-GB", { style: "currency", currency: "GBP" });

export function VacanciesPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const queryClient = useQueryClient();
  const workplaceOptions = useWorkplaceOptions(orgId);
  const list = useQuery(vacancyQueries.vacancies(orgId));
  // Which open posts already have a job advert (for "Advertise this post" or a link to its advert).
  const adverts = useQuery({
    ...recruitmentQueries.adverts(orgId),
    enabled: org.data?.permissions.includes("recruitment.manage") ?? false,
  });
  const [form, setForm] = useState({ workplaceId: "", jobRole: "8", posts: "1" });
  const [openedOn, setOpenedOn] = useState<DateParts>(datePartsOf(todayIso()));
  const [dateProblems, setDateProblems] = useState<DateProblems | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: vacancyKeys.vacancies(orgId) });
  const open = useMutation({
    mutationFn: (openedOn: string) =>
      vacancyApi.open(orgId, {
        workplaceId: form.workplaceId,
        jobRole: Number(form.jobRole),
        openedOn,
        posts: Number(form.posts) || 0,
      }),
    onSuccess: () => {
      setDone(`${form.posts} vacanc${form.posts === "1" ? "y" : "ies"} opened.`);
      refresh();
    },
  });
  const close = useMutation({
    mutationFn: (id: string) => vacancyApi.close(orgId, id, { closedOn: todayIso() }),
    onSuccess: () => {
      setDone("Vacancy closed.");
      refresh();
    },
  });
  if (!org.data) return <p className="govuk-body">Loading…</p>;
  const canEdit = org.data.permissions.includes("workplaces.edit");
  const canAdvertise = org.data.permissions.includes("recruitment.manage");
  const error = dateProblems?.error ?? open.error ?? close.error;
  const errors = fieldErrors(dateProblems?.error ?? open.error);
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  return (
    <Page title="Vacancies" caption={org.data.name}>
      {done && <SuccessBanner title={done} />}
      <ErrorSummary
        error={error}
        fields={{
          workplaceId: "vacancy-workplace",
          jobRole: "vacancy-role",
          openedOn: firstBox("vacancy-opened", dateProblems, "openedOn"),
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
            { header: "Open since", cell: (v) => longDate(v.openedOn) },
            canAdvertise && {
              header: "Advert",
              cell: (v) => {
                const advert = adverts.data?.adverts.find((a) => a.vacancyId === v.id);
                const post = (
                  <span className="govuk-visually-hidden">
                    {" "}
                    ({v.role.label} at {v.workplace.name})
                  </span>
                );
                return advert ? (
                  <Link
                    className="govuk-link"
                    to="/orgs/$orgId/recruitment/adverts/$advertId"
                    params={{ orgId, advertId: advert.id }}
                  >
                    See the advert{post}
                  </Link>
                ) : (
                  <Link
                    className="govuk-link"
                    to="/orgs/$orgId/recruitment/adverts/new"
                    params={{ orgId }}
                    search={{ vacancyId: v.id }}
                  >
                    Advertise this post{post}
                  </Link>
                );
              },
            },
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
                    the {v.role.label} vacancy at {v.workplace.name} open since {longDate(v.openedOn)}
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
            const dates = checkDates({ openedOn: { value: openedOn, what: "Date the vacancy opened" } });
            setDateProblems(dates.ok ? null : dates.problems);
            if (dates.ok) open.mutate(dates.values.openedOn ?? "");
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
          <DateInput
            id="vacancy-opened"
            legend="Open since"
            hint="The date the vacancy opened, for example 3 4 2026"
            value={openedOn}
            onChange={setOpenedOn}
            error={errors.openedOn}
            errorParts={dateProblems?.parts.openedOn}
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
  const [form, setForm] = useState({ workplaceId: "", hours: "", spend: "" });
  const [month, setMonth] = useState<DateParts>(monthPartsOf(todayIso()));
  const [dateProblems, setDateProblems] = useState<DateProblems | null>(null);
  const [roles, setRoles] = useState<number[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (month: string) =>
      vacancyApi.saveAgencyMonth(orgId, {
        workplaceId: form.workplaceId,
        month,
        hours: (form.hours === "" ? undefined : Number(form.hours)) as number,
        spend: (form.spend === "" ? undefined : Number(form.spend.replace(/[£,]/g, ""))) as number,
        roles,
      }),
    onSuccess: (_r, month) => {
      setDone(`Agency use for ${longMonth(month)} saved.`);
      queryClient.invalidateQueries({ queryKey: vacancyKeys.agency(orgId) });
    },
  });
  if (!org.data) return <p className="govuk-body">Loading…</p>;
  const canEdit = org.data.permissions.includes("workplaces.edit");
  const error = dateProblems?.error ?? save.error;
  const errors = fieldErrors(error);
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  return (
    <Page title="Agency use" caption={org.data.name}>
      {done && <SuccessBanner title={done} />}
      <ErrorSummary
        error={error}
        fields={{
          workplaceId: "agency-workplace",
          month: firstBox("agency-month", dateProblems, "month", "month"),
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
            { header: "Month", cell: (u) => longMonth(u.month) },
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
            const dates = checkDates({ month: { value: month, what: "Month", month: true } });
            setDateProblems(dates.ok ? null : dates.problems);
            if (dates.ok) save.mutate(dates.values.month ?? "");
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
          <DateInput
            id="agency-month"
            legend="Month"
            hint="For example, 4 2026"
            value={month}
            onChange={setMonth}
            error={errors.month}
            errorParts={dateProblems?.parts.month}
            parts={MONTH_PARTS}
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
