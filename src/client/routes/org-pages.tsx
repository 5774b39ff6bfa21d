import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { longDate, longDateTime } from "../../shared/dates";
import { ORG_KIND_LABELS, ROLE_LABELS, ROLES_BY_KIND, type Role } from "../../shared/permissions";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextInput } from "../components/forms";
import { Page } from "../components/Page";
import { Table } from "../components/Table";
import { ApiError } from "../lib/api";
import { homeTasks } from "../lib/home-tasks";
import { type OrgHome, useCurrentOrg, type useOrg } from "../lib/org";
import { type AuditEntry, orgApi, orgKeys, orgQueries } from "../queries/orgs";
import { ApiTokensSection } from "./api-tokens";
import { HomeFigures } from "./figures/home-figures";
import { NotFoundPage } from "./misc-pages";
import { MyAlertsPanel, TeamAlertsPanel } from "./social-work/alerts-panel";

const INTRO: Record<Role, (org: string) => string> = {
  council_admin: (o) =>
    `You run the hub for ${o}: invite the providers you commission, manage who in the council can use the hub, and see who changed what.`,
  council_analyst: (o) => `You can see the workforce across the providers ${o} commissions.`,
  commissioner: (o) => `You can see the providers ${o} commissions and their workforce figures.`,
  provider_admin: (o) => `You manage ${o}'s workforce data and who in your organisation can use the hub.`,
  provider_editor: (o) => `You keep ${o}'s workforce data up to date.`,
  provider_viewer: (o) => `You can see ${o}'s workforce data.`,
  trainer: (o) => `You run courses and cohorts for ${o}.`,
  staff_member: (o) => `This is your personal account with ${o}: your own record, training and career plan.`,
  candidate: (o) =>
    `This is your account on ${o}'s job board: your profile, the jobs you applied for and your interviews, and whether local care employers can find you.`,
  workforce_lead: (o) =>
    `You lead ${o}'s workforce strategy: its plan, progress, risks and the groups that deliver it.`,
  board_member: (o) => `You can read ${o}'s workforce strategy and how it is progressing.`,
  steering_member: (o) =>
    `You are in a group delivering ${o}'s workforce strategy: read the plan and record progress on the actions you own.`,
  sw_lead: (o) =>
    `You lead ${o}'s social work service: its teams and posts, routes in, ASYE, supervision, caseloads, progression, agency workers and the census.`,
  sw_manager: (o) =>
    `You manage social work teams at ${o}: your workers' supervision, caseloads, ASYE reviews and development reviews.`,
};

const number = (n: number) => n.toLocaleString("en-GB");

const useOrgPage = useCurrentOrg;

function Loading({ org }: { org: ReturnType<typeof useOrg> }) {
  if (org.isError && org.error instanceof ApiError && org.error.status === 404) return <NotFoundPage />;
  if (org.isError) return <p className="govuk-body">{org.error.message}</p>;
  return <p className="govuk-body">Loading…</p>;
}

function Figure({ value, label }: { value: number; label: string }) {
  return (
    <div className="app-figure">
      <span className="app-figure__value">{number(value)}</span>
      <span className="govuk-body">{label}</span>
    </div>
  );
}

/** A link below the organisation's address, with its #fragment apart (as the router takes it). */
function orgLink(orgId: string, path: string): { to: string; hash?: string } {
  const [to, hash] = path.split("#");
  return { to: `/orgs/${orgId}${to}`, ...(hash ? { hash } : {}) };
}

/** What the person can do here, one link for each thing their role allows. */
function HomeTasks({ org }: { org: OrgHome }) {
  const tasks = homeTasks(org.kind, org.permissions, org.slug);
  return (
    <>
      <h2 className="govuk-heading-m">What you can do</h2>
      <ul className="govuk-list govuk-list--spaced app-tasks">
        {tasks.map((t) => (
          <li key={t.path}>
            {t.path.startsWith("~") ? (
              <a className="govuk-link govuk-!-font-weight-bold" href={t.path.slice(1)}>
                {t.label}
              </a>
            ) : (
              <Link className="govuk-link govuk-!-font-weight-bold" {...orgLink(org.id, t.path)}>
                {t.label}
              </Link>
            )}
            <p className="govuk-body-s govuk-!-margin-bottom-0">{t.hint}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

export function OrgHomePage(): React.ReactNode {
  const { org } = useOrgPage();
  if (!org.data) return <Loading org={org} />;
  const o: OrgHome = org.data;
  const s = o.summary;
  return (
    <Page title={o.name} caption={ORG_KIND_LABELS[o.kind]}>
      <p className="govuk-body-l">
        {o.role ? INTRO[o.role](o.name) : "You are the hub administrator, acting in this organisation."}
      </p>
      {o.kind === "council" && o.permissions.includes("socialwork.view") && <TeamAlertsPanel orgId={o.id} />}
      {o.permissions.includes("self.view") && <MyAlertsPanel />}
      {s?.system && (
        <>
          <h2 className="govuk-heading-m">The local care system</h2>
          <div className="app-figures">
            <Figure value={s.system.providers} label="commissioned providers" />
            <Figure value={s.system.workplaces} label="workplaces" />
            <Figure value={s.system.staffInPost} label="staff in post (not agency)" />
          </div>
        </>
      )}
      {s && (s.workplaces > 0 || !s.system) && (
        <>
          <h2 className="govuk-heading-m">{s.system ? "The council's own services" : "Your organisation"}</h2>
          <div className="app-figures">
            <Figure value={s.workplaces} label="workplaces" />
            <Figure value={s.staffInPost} label="staff in post (not agency)" />
          </div>
        </>
      )}
      {o.permissions.includes("metrics.view") && (o.kind === "council" || o.kind === "provider") && (
        <HomeFigures orgId={o.id} kind={o.kind} />
      )}
      <HomeTasks org={o} />
    </Page>
  );
}

export function UsersPage(): React.ReactNode {
  const { orgId, org } = useOrgPage();
  const queryClient = useQueryClient();
  const users = useQuery({ ...orgQueries.users(orgId), enabled: Boolean(org.data) });
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<string>("");
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: orgKeys.users(orgId) });
  const invite = useMutation({
    mutationFn: () => orgApi.invite(orgId, { email, role: role as Role }),
    onSuccess: () => {
      setDone(`We have emailed an invitation to ${email}.`);
      setEmail("");
      refresh();
    },
  });
  const change = useMutation({
    mutationFn: (v: { id: string; role?: Role; remove?: boolean; withdraw?: boolean }) =>
      v.withdraw
        ? orgApi.withdrawInvitation(orgId, v.id)
        : v.remove
          ? orgApi.removeMember(orgId, v.id)
          : orgApi.changeRole(orgId, v.id, { role: v.role as Role }),
    onSuccess: (_d, v) => {
      setDone(v.withdraw ? "Invitation withdrawn." : v.remove ? "Member removed." : "Role changed.");
      refresh();
    },
  });
  if (!org.data) return <Loading org={org} />;
  const o = org.data;
  const manage = o.permissions.includes("users.manage");
  const roleOptions = ROLES_BY_KIND[o.kind].map((r) => ({ value: r, label: ROLE_LABELS[r] }));
  const errors = fieldErrors(invite.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    invite.mutate();
  };
  return (
    <Page title="Users" caption={o.name}>
      {done && <SuccessBanner title={done} />}
      <ErrorSummary error={invite.error ?? change.error} fields={{ email: "invite-email", role: "invite-role" }} />
      {users.data && (
        <>
          <Table
            caption={`Members (${users.data.members.length})`}
            rows={users.data.members}
            rowKey={(m) => m.id}
            columns={[
              { header: "Name", cell: (m) => m.user.name || "—" },
              { header: "Email", cell: (m) => m.user.email },
              {
                header: "Role",
                cell: (m) =>
                  manage ? (
                    <>
                      <label className="govuk-visually-hidden" htmlFor={`role-${m.id}`}>
                        Role for {m.user.name || m.user.email}
                      </label>
                      <select
                        id={`role-${m.id}`}
                        className="govuk-select"
                        value={m.role}
                        onChange={(e) => change.mutate({ id: m.id, role: e.target.value as Role })}
                      >
                        {roleOptions.map((r) => (
                          <option key={r.value} value={r.value}>
                            {r.label}
                          </option>
                        ))}
                      </select>
                    </>
                  ) : (
                    ROLE_LABELS[m.role]
                  ),
              },
              manage && {
                header: "Actions",
                hiddenHeader: true,
                cell: (m) => (
                  <button
                    type="button"
                    className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                    onClick={() => change.mutate({ id: m.id, remove: true })}
                  >
                    Remove<span className="govuk-visually-hidden"> {m.user.name || m.user.email}</span>
                  </button>
                ),
              },
            ]}
          />
          {users.data.invitations.length > 0 && (
            <Table
              caption="Invitations waiting to be accepted"
              rows={users.data.invitations}
              rowKey={(i) => i.id}
              columns={[
                { header: "Email", cell: (i) => i.email },
                { header: "Role", cell: (i) => ROLE_LABELS[i.role] },
                {
                  header: "Expires",
                  cell: (i) => longDate(i.expires),
                },
                manage && {
                  header: "Actions",
                  hiddenHeader: true,
                  cell: (i) => (
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      onClick={() => change.mutate({ id: i.id, withdraw: true })}
                    >
                      Withdraw<span className="govuk-visually-hidden"> invitation for {i.email}</span>
                    </button>
                  ),
                },
              ]}
            />
          )}
        </>
      )}
      {manage && (
        <form onSubmit={submit} noValidate>
          <h2 className="govuk-heading-m">Invite someone</h2>
          <TextInput
            id="invite-email"
            name="email"
            label="Email address"
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={errors.email}
            width="govuk-input--width-30"
          />
          <Select
            id="invite-role"
            name="role"
            label="Role"
            value={role}
            onChange={setRole}
            error={errors.role}
            options={[{ value: "", label: "Choose a role" }, ...roleOptions]}
          />
          <Button disabled={invite.isPending}>Send invitation</Button>
        </form>
      )}
      {manage && <ApiTokensSection orgId={o.id} />}
    </Page>
  );
}

export function ProvidersPage(): React.ReactNode {
  const { orgId, org } = useOrgPage();
  const queryClient = useQueryClient();
  const providers = useQuery({ ...orgQueries.providers(orgId), enabled: Boolean(org.data) });
  const [name, setName] = useState("");
  const [adminEmail, setAdminEmail] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const invite = useMutation({
    mutationFn: () => orgApi.inviteProvider(orgId, { name, adminEmail }),
    onSuccess: () => {
      setDone(`${name} has been added and ${adminEmail} has been invited as its admin.`);
      setName("");
      setAdminEmail("");
      queryClient.invalidateQueries({ queryKey: orgKeys.providers(orgId) });
    },
  });
  if (!org.data) return <Loading org={org} />;
  const errors = fieldErrors(invite.error);
  return (
    <Page title="Providers" caption={org.data.name}>
      {done && <SuccessBanner title={done} />}
      <ErrorSummary error={invite.error} fields={{ name: "provider-name", adminEmail: "provider-admin-email" }} />
      {providers.data && (
        <Table
          caption={`Providers you commission (${providers.data.providers.length})`}
          rows={providers.data.providers}
          rowKey={(p) => p.id}
          columns={[
            { header: "Provider", cell: (p) => p.name },
            {
              header: "Commissioned since",
              cell: (p) =>
                `${longDate(p.commissioning.from)}${p.commissioning.to ? ` to ${longDate(p.commissioning.to)}` : ""}`,
            },
            { header: "Workplaces", numeric: true, cell: (p) => number(p.workplaces) },
            { header: "Staff in post", numeric: true, cell: (p) => number(p.staffInPost) },
          ]}
        />
      )}
      {org.data.permissions.includes("providers.invite") && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setDone(null);
            invite.mutate();
          }}
          noValidate
        >
          <h2 className="govuk-heading-m">Invite a provider</h2>
          <p className="govuk-body">
            The provider is added to the hub, commissioned from today, and its first admin gets an email to join.
          </p>
          <TextInput
            id="provider-name"
            name="name"
            label="Provider's name"
            value={name}
            onChange={setName}
            error={errors.name}
            width="govuk-input--width-30"
          />
          <TextInput
            id="provider-admin-email"
            name="adminEmail"
            label="Email address of the provider's admin"
            type="email"
            spellCheck={false}
            value={adminEmail}
            onChange={setAdminEmail}
            error={errors.adminEmail}
            width="govuk-input--width-30"
          />
          <Button disabled={invite.isPending}>Invite provider</Button>
        </form>
      )}
    </Page>
  );
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T/;

/** A value from the audit trail as people read it: dates in words, nothing as "—". */
function auditValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "string") return ISO_DAY.test(v) ? longDate(v) : ISO_MOMENT.test(v) ? longDateTime(v) : v;
  if (typeof v === "boolean") return v ? "Yes" : "No";
  if (typeof v === "number") return number(v);
  return JSON.stringify(v);
}

const fieldsOf = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : v === null || v === undefined
      ? {}
      : { value: v };

/** What a change did, field by field: the value before and after (masked fields are masked by the server). */
function Change({ before, after }: { before: unknown; after: unknown }) {
  const b = fieldsOf(before);
  const a = fieldsOf(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (!keys.length) return <p className="govuk-body-s govuk-!-margin-bottom-0">No details recorded.</p>;
  return (
    <dl className="app-change">
      {keys.map((k) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>
            {k in b && k in a && JSON.stringify(b[k]) !== JSON.stringify(a[k])
              ? `${auditValue(b[k])} → ${auditValue(a[k])}`
              : auditValue(k in a ? a[k] : b[k])}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function AuditTable({ entries, showOrg = false }: { entries: AuditEntry[]; showOrg?: boolean }) {
  return (
    <Table
      caption="Newest first"
      rows={entries}
      rowKey={(e) => e.id}
      columns={[
        { header: "When", cell: (e) => longDateTime(e.at) },
        { header: "Who", cell: (e) => e.user?.email ?? "The hub" },
        showOrg && { header: "Organisation", cell: (e) => e.organisation?.name ?? "—" },
        { header: "What", cell: (e) => `${e.action.replace("_", " ")} ${e.entityType.replace("_", " ")}` },
        {
          header: "Change",
          cell: (e) => (
            <details className="govuk-details govuk-!-margin-bottom-0">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">Before and after</span>
              </summary>
              <div className="govuk-details__text">
                <Change before={e.before} after={e.after} />
              </div>
            </details>
          ),
        },
      ]}
    />
  );
}

export function AuditPage(): React.ReactNode {
  const { orgId, org } = useOrgPage();
  const audit = useQuery({ ...orgQueries.audit(orgId), enabled: Boolean(org.data) });
  if (!org.data) return <Loading org={org} />;
  return (
    <Page title="Audit trail" caption={org.data.name}>
      <p className="govuk-body">
        Every change made in {org.data.name}, by whom and when. Identifiers and special category data are masked.
      </p>
      {audit.data && <AuditTable entries={audit.data.entries} />}
    </Page>
  );
}
