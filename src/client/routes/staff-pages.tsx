import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { CONTRACT_LABELS, JOB_ROLES, LEAVING_REASONS } from "../../shared/ascwds/codes";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextInput } from "../components/forms";
import { Page } from "../components/Page";
import { Table } from "../components/Table";
import { api } from "../lib/api";
import { useOrg, useWorkplaceOptions } from "../lib/org";

interface StaffRow {
  id: string;
  reference: string;
  name: string;
  role: { code: number; label: string };
  contract: { code: number; label: string };
  workplace: { id: string; name: string };
  startDate: string;
  endDate: string | null;
  leavingReason: string | null;
}
interface Filters {
  q: string;
  workplace: string;
  role: string;
  contract: string;
  status: string;
}

const EMPTY: Filters = { q: "", workplace: "", role: "", contract: "", status: "current" };
const toQuery = (f: Filters, page: number) => new URLSearchParams(Object.entries({ ...f, page: String(page) }).filter(([, v]) => v !== "") as [string, string][]).toString();

export function StaffPage() {
  const { orgId } = useParams({ strict: false }) as { orgId: string };
  const org = useOrg(orgId);
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const workplaceOptions = useWorkplaceOptions(orgId, "id", "All workplaces");
  const staff = useQuery({
    queryKey: ["staff", orgId, filters, page],
    queryFn: () => api<{ total: number; pageSize: number; staff: StaffRow[] }>("GET", `/api/orgs/${orgId}/staff?${toQuery(filters, page)}`),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPage(1);
    setFilters(draft);
  };
  if (!org.data) return <p className="govuk-body">Loading…</p>;
  const canEdit = org.data.permissions.includes("staff.edit");
  const pages = staff.data ? Math.max(1, Math.ceil(staff.data.total / staff.data.pageSize)) : 1;
  const set = (k: keyof Filters) => (v: string) => setDraft({ ...draft, [k]: v });
  return (
    <Page title="Staff" caption={org.data.name}>
      {canEdit && (
        <Link className="govuk-button govuk-button--secondary" to="/orgs/$orgId/staff/new" params={{ orgId }}>
          Add a staff record
        </Link>
      )}
      <form onSubmit={submit} noValidate className="govuk-!-margin-bottom-6">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <TextInput id="q" name="q" label="Name or reference" value={draft.q} onChange={set("q")} />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select id="workplace" name="workplace" label="Workplace" value={draft.workplace} onChange={set("workplace")} options={workplaceOptions} />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              id="status"
              name="status"
              label="Status"
              value={draft.status}
              onChange={set("status")}
              options={[
                { value: "current", label: "In post" },
                { value: "left", label: "Left" },
                { value: "all", label: "Everyone" },
              ]}
            />
          </div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              id="role"
              name="role"
              label="Main job role"
              value={draft.role}
              onChange={set("role")}
              options={[{ value: "", label: "All roles" }, ...Object.entries(JOB_ROLES).map(([value, label]) => ({ value, label }))]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              id="contract"
              name="contract"
              label="Contract"
              value={draft.contract}
              onChange={set("contract")}
              options={[{ value: "", label: "All contracts" }, ...Object.entries(CONTRACT_LABELS).map(([value, label]) => ({ value, label }))]}
            />
          </div>
        </div>
        <Button secondary>Apply filters</Button>
      </form>
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
                    <Link className="govuk-link" to="/orgs/$orgId/staff/$staffId/edit" params={{ orgId, staffId: s.id }}>
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
              { header: "Started", cell: (s) => s.startDate },
              {
                header: "Left",
                cell: (s) =>
                  s.endDate ? (
                    `${s.endDate} (${s.leavingReason ?? "reason not given"})`
                  ) : canEdit ? (
                    <Link className="govuk-link" to="/orgs/$orgId/staff/$staffId/leave" params={{ orgId, staffId: s.id }}>
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
                  <button type="button" className="govuk-link govuk-pagination__link app-link-button" onClick={() => setPage(page - 1)}>
                    <span className="govuk-pagination__link-title">Previous page</span>
                  </button>
                </div>
              )}
              {page < pages && (
                <div className="govuk-pagination__next">
                  <button type="button" className="govuk-link govuk-pagination__link app-link-button" onClick={() => setPage(page + 1)}>
                    <span className="govuk-pagination__link-title">Next page</span>
                  </button>
                </div>
              )}
            </nav>
          )}
        </>
      )}
    </Page>
  );
}

export function RecordLeaverPage() {
  const { orgId, staffId } = useParams({ strict: false }) as { orgId: string; staffId: string };
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [leavingDate, setLeavingDate] = useState(new Date().toISOString().slice(0, 10));
  const [reason, setReason] = useState("");
  const [done, setDone] = useState(false);
  const leave = useMutation({
    mutationFn: () => api("POST", `/api/orgs/${orgId}/staff/${staffId}/leave`, { leavingDate, reason: reason ? Number(reason) : undefined }),
    onSuccess: () => {
      setDone(true);
      queryClient.invalidateQueries({ queryKey: ["staff", orgId] });
    },
  });
  const errors = fieldErrors(leave.error);
  if (done)
    return (
      <Page title="Leaver recorded">
        <SuccessBanner title="The leaver has been recorded. Their record is kept, with the date and reason." />
        <button type="button" className="govuk-button" onClick={() => navigate({ to: "/orgs/$orgId/staff", params: { orgId } })}>
          Back to staff
        </button>
      </Page>
    );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary error={leave.error} fields={{ leavingDate: "leaving-date", reason: "reason" }} />
        <Page title="Record a leaver">
          <p className="govuk-body">The staff record is kept, marked as left. Leavers and their reasons feed turnover and where people went.</p>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              leave.mutate();
            }}
            noValidate
          >
            <TextInput
              id="leaving-date"
              name="leavingDate"
              label="Leaving date"
              hint="As YYYY-MM-DD, for example 2026-05-31"
              value={leavingDate}
              onChange={setLeavingDate}
              error={errors.leavingDate}
              width="govuk-input--width-20"
            />
            <Select
              id="reason"
              name="reason"
              label="Reason for leaving"
              value={reason}
              onChange={setReason}
              error={errors.reason}
              options={[{ value: "", label: "Choose a reason" }, ...Object.entries(LEAVING_REASONS).map(([value, label]) => ({ value, label }))]}
            />
            <Button disabled={leave.isPending}>Record leaver</Button>
          </form>
        </Page>
      </div>
    </div>
  );
}
