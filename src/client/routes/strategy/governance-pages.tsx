// The strategy's governance (issue 16): the steering group, task-and-finish groups and the provider
// forum with their members; the groups' meetings with agenda, decisions and actions arising (linked
// to the plan's actions); and the forum's "you said, we did" log.
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { longDate } from "../../../shared/dates";
import { ORG_KIND_LABELS } from "../../../shared/permissions";
import { type ForumStatus, GROUP_KIND_LABELS, GROUP_KINDS, GROUP_ROLE_LABELS } from "../../../shared/strategy";
import { SuccessBanner } from "../../components/forms";
import { Page } from "../../components/Page";
import { Section } from "../../components/Section";
import { Table } from "../../components/Table";
import { useFlash } from "../../lib/flash";
import { useOrgId } from "../../lib/org";
import { strategyQueries } from "../../queries/strategy";
import { Problem, StrategyNav, WithStrategy } from "./common";

const FORUM_STATUS: Record<ForumStatus, { label: string; colour: string }> = {
  open: { label: "Open", colour: "grey" },
  in_progress: { label: "In progress", colour: "blue" },
  done: { label: "Done", colour: "green" },
};

export function GovernancePage(): React.ReactNode {
  const orgId = useOrgId();
  const flash = useFlash(`/orgs/${orgId}/strategy/governance`);
  return (
    <Page title="Governance" caption="Workforce strategy">
      <StrategyNav orgId={orgId} />
      {flash && <SuccessBanner title={flash} />}
      <WithStrategy orgId={orgId}>{(strategyId) => <Governance orgId={orgId} strategyId={strategyId} />}</WithStrategy>
    </Page>
  );
}

function Governance({ orgId, strategyId }: { orgId: string; strategyId: string }): React.ReactNode {
  const groups = useQuery(strategyQueries.groups(orgId, strategyId));
  const meetings = useQuery(strategyQueries.meetings(orgId, strategyId));
  const forum = useQuery(strategyQueries.forum(orgId, strategyId));
  const plan = useQuery(strategyQueries.plan(orgId, strategyId));
  const error = groups.error ?? meetings.error ?? forum.error ?? plan.error;
  if (error) return <Problem error={error} />;
  if (!groups.data || !meetings.data || !forum.data || !plan.data) return <p className="govuk-body">Loading…</p>;
  const manage = plan.data.can.manage;
  const groupName = new Map(groups.data.groups.map((g) => [g.id, g.name]));
  return (
    <>
      <Section id="groups" title="Groups">
        {groups.data.groups.length === 0 && <p className="govuk-body">No groups have been set up yet.</p>}
        {manage && (
          <Link
            className="govuk-button govuk-button--secondary"
            to="/orgs/$orgId/strategy/governance/groups/new"
            params={{ orgId }}
          >
            Set up a group
          </Link>
        )}
        {[...groups.data.groups]
          .sort((a, b) => GROUP_KINDS.indexOf(a.kind) - GROUP_KINDS.indexOf(b.kind))
          .map((g) => (
            <div key={g.id} className="govuk-!-margin-bottom-6">
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                {manage ? (
                  <Link
                    className="govuk-link"
                    to="/orgs/$orgId/strategy/governance/groups/$groupId"
                    params={{ orgId, groupId: g.id }}
                  >
                    {g.name}
                  </Link>
                ) : (
                  g.name
                )}
              </h3>
              <p className="govuk-body-s govuk-!-margin-bottom-2">
                {GROUP_KIND_LABELS[g.kind]}. {g.meetings} meeting{g.meetings === 1 ? "" : "s"} recorded.
              </p>
              {manage && (
                <p className="govuk-body-s">
                  <Link
                    className="govuk-link govuk-!-margin-right-4"
                    to="/orgs/$orgId/strategy/governance/groups/$groupId"
                    params={{ orgId, groupId: g.id }}
                  >
                    Members<span className="govuk-visually-hidden"> of the {g.name}</span>
                  </Link>
                  <Link
                    className="govuk-link"
                    to="/orgs/$orgId/strategy/governance/groups/$groupId/meetings/new"
                    params={{ orgId, groupId: g.id }}
                  >
                    Record a meeting<span className="govuk-visually-hidden"> of the {g.name}</span>
                  </Link>
                </p>
              )}
              {g.purpose && <p className="govuk-body">{g.purpose}</p>}
              {g.members.length === 0 ? (
                <p className="govuk-body">No members yet.</p>
              ) : (
                <Table
                  caption={`Members of the ${g.name}`}
                  rowKey={(m) => m.id}
                  rows={g.members}
                  columns={[
                    { header: "Name", cell: (m) => m.name },
                    {
                      header: "Organisation",
                      cell: (m) => `${m.org.name} (${ORG_KIND_LABELS[m.org.kind].toLowerCase()})`,
                    },
                    { header: "Role", cell: (m) => GROUP_ROLE_LABELS[m.role] },
                  ]}
                />
              )}
            </div>
          ))}
      </Section>

      <Section id="meetings" title="Meetings">
        {meetings.data.meetings.length === 0 && <p className="govuk-body">No meetings have been recorded yet.</p>}
        {meetings.data.meetings.map((m) => (
          <details key={m.id} className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">
                {m.groupName}, {longDate(m.heldOn)}
              </span>
            </summary>
            <div className="govuk-details__text">
              <h3 className="govuk-heading-s">Agenda</h3>
              {m.agenda.length ? (
                <ol className="govuk-list govuk-list--number">
                  {m.agenda.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ol>
              ) : (
                <p className="govuk-body">Not recorded.</p>
              )}
              <h3 className="govuk-heading-s">Decisions</h3>
              {m.decisions.length ? (
                <ul className="govuk-list govuk-list--bullet">
                  {m.decisions.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              ) : (
                <p className="govuk-body">None recorded.</p>
              )}
              <h3 className="govuk-heading-s">Actions arising</h3>
              {m.actionsArising.length ? (
                <ul className="govuk-list govuk-list--bullet">
                  {m.actionsArising.map((a) => (
                    <li key={a.id}>
                      {a.description} (
                      {[a.owner, a.dueOn && `due ${longDate(a.dueOn)}`, a.status === "done" ? "done" : "open"]
                        .filter(Boolean)
                        .join(", ")}
                      )
                      {a.planAction && (
                        <>
                          {" "}
                          for{" "}
                          <Link
                            className="govuk-link"
                            to="/orgs/$orgId/strategy/actions/$actionId"
                            params={{ orgId, actionId: a.planAction.id }}
                          >
                            {a.planAction.ref} {a.planAction.title}
                          </Link>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="govuk-body">None.</p>
              )}
            </div>
          </details>
        ))}
      </Section>

      <Section id="forum" title="You said, we did">
        <p className="govuk-body">What providers raised at the workforce forum, and what was done about it.</p>
        {manage && (
          <Link
            className="govuk-button govuk-button--secondary"
            to="/orgs/$orgId/strategy/governance/forum/new"
            params={{ orgId }}
          >
            Add to the log
          </Link>
        )}
        {forum.data.entries.length === 0 ? (
          <p className="govuk-body">Nothing has been logged yet.</p>
        ) : (
          <Table
            caption="The forum's log"
            rowKey={(e) => e.id}
            rows={forum.data.entries}
            columns={[
              { header: "Raised", sortValue: (e) => e.raisedOn, cell: (e) => longDate(e.raisedOn) },
              { header: "You said", cell: (e) => e.youSaid },
              { header: "We did", cell: (e) => e.weDid || "Not yet" },
              {
                header: "Status",
                cell: (e) => (
                  <strong className={`govuk-tag govuk-tag--${FORUM_STATUS[e.status].colour}`}>
                    {FORUM_STATUS[e.status].label}
                  </strong>
                ),
              },
              { header: "Group", cell: (e) => (e.groupId ? (groupName.get(e.groupId) ?? "") : "") },
              ...(manage
                ? [
                    {
                      header: "Change",
                      cell: (e: (typeof forum.data.entries)[number]) => (
                        <Link
                          className="govuk-link"
                          to="/orgs/$orgId/strategy/governance/forum/$entryId/edit"
                          params={{ orgId, entryId: e.id }}
                        >
                          Update<span className="govuk-visually-hidden"> the entry raised {longDate(e.raisedOn)}</span>
                        </Link>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Section>
    </>
  );
}
