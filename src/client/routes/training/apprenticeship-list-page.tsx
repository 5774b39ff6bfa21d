import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { dateFromParts, datePartsOf } from "../../../shared/date-input";
import { longDate } from "../../../shared/dates";
import {
  APPRENTICESHIP_FUNDING,
  APPRENTICESHIP_FUNDING_LABELS,
  APPRENTICESHIP_STATUSES,
  type ApprenticeshipFunding,
  formatPence,
} from "../../../shared/training";
import {
  asNumber,
  Button,
  DateField,
  ErrorSummary,
  Form,
  SelectField,
  TextField,
  useSchemaForm,
} from "../../components/forms";
import { Page } from "../../components/Page";
import { Section } from "../../components/Section";
import { Table } from "../../components/Table";
import { useOrg, useOrgId } from "../../lib/org";
import {
  type ApprenticeshipsResponse,
  type ApprenticeshipView,
  apprenticeshipApi,
  apprenticeshipKeys,
  apprenticeshipQueries,
} from "../../queries/training-apprenticeships";

// An employer's apprenticeships (issue 18 item 6): its starts with progress, recording a start
// (checked by the shared rule on the server), and updating progress or the end.

const STATUS_LABELS: Record<string, string> = {
  in_learning: "In learning",
  on_break: "On a break",
  completed: "Completed",
  withdrawn: "Withdrawn",
};

const startForm = z.object({
  staffRecordId: z.string().min(1, "Choose the member of staff starting the apprenticeship"),
  standard: z.string().min(1, "Choose the apprenticeship standard"),
  startOn: dateFromParts("Start date"),
  plannedEndOn: dateFromParts("Planned end date"),
  trainingProviderName: z.string().trim().min(1, "Enter the training provider"),
  funding: z.enum(APPRENTICESHIP_FUNDING, { error: "Choose how the apprenticeship is funded" }),
  levyRequestId: z.string(),
  price: z.number({ error: "Enter the price in pounds, like 4000" }).min(0, "The price cannot be negative"),
});

function StartForm({ data }: { data: ApprenticeshipsResponse }): React.ReactNode {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  const form = useSchemaForm(startForm, {
    staffRecordId: "",
    standard: data.standards[0]?.standard ?? "",
    startOn: datePartsOf(null),
    plannedEndOn: datePartsOf(null),
    trainingProviderName: "",
    funding: "co_investment",
    levyRequestId: "",
    price: undefined as unknown as number,
  });
  const record = useMutation({
    mutationFn: (v: z.output<typeof startForm>) =>
      apprenticeshipApi.record(orgId, {
        staffRecordId: v.staffRecordId,
        standard: v.standard,
        startOn: v.startOn,
        plannedEndOn: v.plannedEndOn,
        trainingProviderId: null,
        trainingProviderName: v.trainingProviderName,
        funding: v.funding as ApprenticeshipFunding,
        levyRequestId: v.levyRequestId || null,
        pricePence: Math.round(v.price * 100),
      }),
    onSuccess: () => {
      form.reset();
      queryClient.invalidateQueries({ queryKey: apprenticeshipKeys.list(orgId) });
    },
  });
  return (
    <Form form={form} onSubmit={(v) => record.mutate(v)} error={record.error}>
      <SelectField
        name="staffRecordId"
        label="Apprentice"
        hint="Members of your staff in post today"
        choices={[{ value: "", label: "Choose a person" }, ...data.staff.map((s) => ({ value: s.id, label: s.name }))]}
      />
      <SelectField
        name="standard"
        label="Standard"
        hint="The apprenticeship standards your council's career framework lists"
        choices={data.standards.map((s) => ({
          value: s.standard,
          label: `${s.title} (${s.standard}, level ${s.level}${s.fundingBandPence ? `, band ${formatPence(s.fundingBandPence)}` : ""})`,
        }))}
      />
      <DateField name="startOn" legend="Start date" hint="For example 1 9 2026" />
      <DateField
        name="plannedEndOn"
        legend="Planned end date"
        hint="At least 8 months after the start (12 for starts before 1 August 2025)"
      />
      <TextField name="trainingProviderName" label="Training provider" />
      <SelectField
        name="funding"
        label="Funding"
        choices={APPRENTICESHIP_FUNDING.map((f) => ({ value: f, label: APPRENTICESHIP_FUNDING_LABELS[f] }))}
      />
      <SelectField
        name="levyRequestId"
        label="Approved levy request (for a transfer)"
        choices={[
          { value: "", label: "None" },
          ...data.levyRequests.map((r) => ({
            value: r.id,
            label: `${r.pledger}, ${r.standard}: ${formatPence(r.leftPence)} left`,
          })),
        ]}
      />
      <TextField name="price" label="Training and assessment price (£)" options={asNumber()} />
      <Button disabled={record.isPending}>Record the start</Button>
    </Form>
  );
}

const updateForm = z.object({
  id: z.string().min(1, "Choose the apprenticeship"),
  progressPercent: z.number({ error: "Enter the progress as a percentage" }).int().min(0).max(100),
  status: z.enum(APPRENTICESHIP_STATUSES),
  endOn: dateFromParts("End date", { optional: true }),
  result: z.string(),
});

function UpdateForm({ rows }: { rows: ApprenticeshipView[] }): React.ReactNode {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  const open = rows.filter((r) => r.status === "in_learning" || r.status === "on_break");
  const form = useSchemaForm(updateForm, {
    id: open[0]?.id ?? "",
    progressPercent: open[0]?.progressPercent ?? 0,
    status: "in_learning",
    endOn: datePartsOf(null),
    result: "",
  });
  const update = useMutation({
    mutationFn: (v: z.output<typeof updateForm>) =>
      apprenticeshipApi.update(orgId, v.id, {
        progressPercent: v.progressPercent,
        status: v.status,
        ...(v.endOn ? { endOn: v.endOn } : {}),
        ...(v.result ? { result: v.result as "achieved" | "not_achieved" } : {}),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apprenticeshipKeys.list(orgId) }),
  });
  if (!open.length) return <p className="govuk-body">No apprenticeships in learning.</p>;
  return (
    <Form form={form} onSubmit={(v) => update.mutate(v)} error={update.error}>
      <SelectField
        name="id"
        label="Apprenticeship"
        choices={open.map((r) => ({ value: r.id, label: `${r.name}: ${r.standardTitle}` }))}
      />
      <TextField name="progressPercent" label="Progress (%)" options={asNumber()} />
      <SelectField
        name="status"
        label="Status"
        choices={APPRENTICESHIP_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
      />
      <DateField name="endOn" legend="End date" hint="Only when completed or withdrawn" />
      <SelectField
        name="result"
        label="End-point assessment result"
        hint="Only when completed"
        choices={[
          { value: "", label: "None" },
          { value: "achieved", label: "Achieved" },
          { value: "not_achieved", label: "Not achieved" },
        ]}
      />
      <Button disabled={update.isPending}>Save</Button>
    </Form>
  );
}

export function ApprenticeshipListPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const list = useQuery(apprenticeshipQueries.list(orgId));
  const d = list.data;
  return (
    <Page title="Apprenticeships" caption={org.data?.name}>
      <p className="govuk-body">
        Your staff's apprenticeship starts, their progress and how they ended. Starts recorded here count in the area's
        apprenticeship figures.
      </p>
      {list.error && <ErrorSummary error={list.error} />}
      {d && (
        <>
          <Table<ApprenticeshipView>
            caption="Apprenticeships"
            rowKey={(r) => r.id}
            rows={d.apprenticeships}
            columns={[
              { header: "Apprentice", cell: (r) => r.name, sortValue: (r) => r.name },
              { header: "Standard", cell: (r) => `${r.standardTitle} (level ${r.level})` },
              { header: "Started", cell: (r) => longDate(r.startOn), sortValue: (r) => r.startOn },
              { header: "Planned end", cell: (r) => longDate(r.plannedEndOn) },
              { header: "Funding", cell: (r) => APPRENTICESHIP_FUNDING_LABELS[r.funding] },
              {
                header: "Progress",
                numeric: true,
                cell: (r) => `${r.progressPercent}%`,
                sortValue: (r) => r.progressPercent,
              },
              {
                header: "Status",
                cell: (r) =>
                  `${STATUS_LABELS[r.status]}${r.endOn ? ` ${longDate(r.endOn)}` : ""}${r.result ? ` (${r.result === "achieved" ? "achieved" : "not achieved"})` : ""}`,
              },
            ]}
          />
          <Section id="record-start" title="Record a start">
            <StartForm data={d} />
          </Section>
          <Section id="update" title="Update progress or the end">
            <UpdateForm rows={d.apprenticeships} />
          </Section>
        </>
      )}
    </Page>
  );
}
