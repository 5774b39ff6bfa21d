import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { CONTRACT_LABELS, JOB_ROLES, LEAVING_REASONS } from "../../shared/ascwds/codes";
import { dateFromParts, datePartsOf } from "../../shared/date-input";
import { longDate, todayIso } from "../../shared/dates";
import { recordLeaverInput } from "../../shared/schemas";
import {
  asNumber,
  Button,
  DateField,
  Form,
  SelectField,
  SuccessBanner,
  TextField,
  useSchemaForm,
} from "../components/forms";
import { Page } from "../components/Page";
import { Table } from "../components/Table";
import { useOrg, useOrgId, useWorkplaceOptions } from "../lib/org";
import { type StaffSearch, staffApi, staffKeys, staffQueries, staffSearch } from "../queries/staff";

const staffRoute = getRouteApi("/orgs/$orgId/staff");
const STATUS_OPTIONS = [
  { value: "current", label: "In post" },
  { value: "left", label: "Left" },
  { value: "all", label: "Everyone" },
];

export function StaffPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const search = staffRoute.useSearch();
  const page = search.page ?? 1;
  const staff = useQuery(staffQueries.list(orgId, search));
  if (!org.data) return <p className="govuk-body">Loading…</p>;
  const canEdit = org.data.permissions.includes("staff.edit");
  const pages = staff.data ? Math.max(1, Math.ceil(staff.data.total / staff.data.pageSize)) : 1;
  return (
    <Page title="Staff" caption={org.data.name}>
      {canEdit && (
        <Link className="govuk-button govuk-button--secondary" to="/orgs/$orgId/staff/new" params={{ orgId }}>
          Add a staff record
        </Link>
      )}
      {org.data.permissions.includes("exits.manage") && (
        <p className="govuk-body">
          <Link className="govuk-link" to="/orgs/$orgId/exit-interviews" params={{ orgId }}>
            Exit interviews with leavers
          </Link>
        </p>
      )}
      {/* Keyed by the address, so going back to an earlier filter shows that filter in the form. */}
      <StaffFilters key={JSON.stringify(search)} orgId={orgId} search={search} />
      {staff.data && (
        <>
          <Table
            caption={`${staff.data.total.toLocaleString("en-GB")} staff record${staff.data.total === 1 ? "" : "s"}${pages > 1 ? ` (page ${page} of ${pages})` : ""}`}
            rows={staff.data.staff}
            rowKey={(s) => s.id}
            columns={[
              {
                header: "Name",
                cell: (s) =>
                  canEdit && !s.endDate ? (
                    <Link
                      className="govuk-link"
                      to="/orgs/$orgId/staff/$staffId/edit"
                      params={{ orgId, staffId: s.id }}
                    >
                      {s.name}
                    </Link>
                  ) : (
                    s.name
                  ),
              },
              { header: "Reference", cell: (s) => s.reference },
              { header: "Role", cell: (s) => s.role.label },
              { header: "Contract", cell: (s) => s.contract.label },
              { header: "Workplace", cell: (s) => s.workplace.name },
              { header: "Started", cell: (s) => longDate(s.startDate) },
              {
                header: "Left",
                cell: (s) =>
                  s.endDate ? (
                    `${longDate(s.endDate)} (${s.leavingReason ?? "reason not given"})`
                  ) : canEdit ? (
                    <Link
                      className="govuk-link"
                      to="/orgs/$orgId/staff/$staffId/leave"
                      params={{ orgId, staffId: s.id }}
                    >
                      Record as leaver<span className="govuk-visually-hidden">: {s.name}</span>
                    </Link>
                  ) : (
                    "—"
                  ),
              },
            ]}
          />
          {pages > 1 && (
            <nav className="govuk-pagination" aria-label="Pages of staff">
              {page > 1 && (
                <div className="govuk-pagination__prev">
                  <Link
                    className="govuk-link govuk-pagination__link"
                    to="/orgs/$orgId/staff"
                    params={{ orgId }}
                    search={{ ...search, page: page - 1 }}
                  >
                    <span className="govuk-pagination__link-title">Previous page</span>
                  </Link>
                </div>
              )}
              {page < pages && (
                <div className="govuk-pagination__next">
                  <Link
                    className="govuk-link govuk-pagination__link"
                    to="/orgs/$orgId/staff"
                    params={{ orgId }}
                    search={{ ...search, page: page + 1 }}
                  >
                    <span className="govuk-pagination__link-title">Next page</span>
                  </Link>
                </div>
              )}
            </nav>
          )}
        </>
      )}
    </Page>
  );
}

/** The filters: applying them puts them in the address (page 1), which the list follows. */
function StaffFilters({ orgId, search }: { orgId: string; search: StaffSearch }) {
  const navigate = staffRoute.useNavigate();
  const workplaceOptions = useWorkplaceOptions(orgId, "id", "All workplaces");
  const form = useSchemaForm(staffSearch, {
    q: search.q ?? "",
    workplace: search.workplace ?? "",
    role: search.role === undefined ? "" : String(search.role),
    contract: search.contract === undefined ? "" : String(search.contract),
    status: search.status ?? "current",
  });
  return (
    <Form
      form={form}
      className="govuk-!-margin-bottom-6"
      onSubmit={(v) =>
        navigate({
          to: "/orgs/$orgId/staff",
          params: { orgId },
          search: { ...v, q: v.q || undefined, page: undefined },
        })
      }
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <TextField name="q" label="Name or reference" />
        </div>
        <div className="govuk-grid-column-one-third">
          <SelectField name="workplace" label="Workplace" choices={workplaceOptions} />
        </div>
        <div className="govuk-grid-column-one-third">
          <SelectField name="status" label="Status" choices={STATUS_OPTIONS} />
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <SelectField
            name="role"
            label="Main job role"
            choices={[
              { value: "", label: "All roles" },
              ...Object.entries(JOB_ROLES).map(([value, label]) => ({ value, label })),
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <SelectField
            name="contract"
            label="Contract"
            choices={[
              { value: "", label: "All contracts" },
              ...Object.entries(CONTRACT_LABELS).map(([value, label]) => ({ value, label })),
            ]}
          />
        </div>
      </div>
      <Button secondary>Apply filters</Button>
    </Form>
  );
}

/** The leaver API's input, with the leaving date typed in the GOV.UK date boxes. */
const leaverForm = recordLeaverInput.extend({ leavingDate: dateFromParts("Leaving date") });

export function RecordLeaverPage(): React.ReactNode {
  const { orgId, staffId } = getRouteApi("/orgs/$orgId/staff/$staffId/leave").useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [done, setDone] = useState(false);
  const form = useSchemaForm(leaverForm, { leavingDate: datePartsOf(todayIso()) });
  const leave = useMutation({
    mutationFn: (body: typeof recordLeaverInput._zod.output) => staffApi.recordLeaver(orgId, staffId, body),
    onSuccess: () => {
      setDone(true);
      queryClient.invalidateQueries({ queryKey: staffKeys.all(orgId) });
    },
  });
  if (done)
    return (
      <Page title="Leaver recorded">
        <SuccessBanner title="The leaver has been recorded. Their record is kept, with the date and reason." />
        <button
          type="button"
          className="govuk-button"
          onClick={() => navigate({ to: "/orgs/$orgId/staff", params: { orgId } })}
        >
          Back to staff
        </button>
      </Page>
    );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Form form={form} onSubmit={(v) => leave.mutate(v)} error={leave.error}>
          <Page title="Record a leaver">
            <p className="govuk-body">
              The staff record is kept, marked as left. Leavers and their reasons feed turnover and where people went.
            </p>
            <DateField id="leaving-date" name="leavingDate" legend="Leaving date" hint="For example, 31 5 2026" />
            <SelectField
              id="reason"
              name="reason"
              label="Reason for leaving"
              options={asNumber()}
              choices={[
                { value: "", label: "Choose a reason" },
                ...Object.entries(LEAVING_REASONS).map(([value, label]) => ({ value, label })),
              ]}
            />
            <Button disabled={leave.isPending}>Record leaver</Button>
          </Page>
        </Form>
      </div>
    </div>
  );
}
