import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useId } from "react";
import type { MyAlertItem, TeamAlertItem } from "../../../shared/schemas/social-work-alerts";
import { swAlertQueries } from "../../queries/social-work-alerts";

// The social work alerts on people's home pages (issue 20 items 3, 4): a GOV.UK notification
// banner "Needs attention in your teams" for a team manager or the service lead (each kind of
// alert with how many, the first few and a link to the page that lists them), and "Needs your
// attention" for a worker. Nothing at all is shown when nothing needs attention (or on an error:
// the home page is not the place to fail; the linked pages say what is wrong).

function orgPath(orgId: string, path: string): { to: string; hash?: string } {
  const [to, hash] = path.split("#");
  return { to: `/orgs/${orgId}${to}`, ...(hash ? { hash } : {}) };
}

function Banner({ title, children }: { title: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <section className="govuk-notification-banner" aria-labelledby={id}>
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={id}>
          Important
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{title}</p>
        {children}
      </div>
    </section>
  );
}

function TeamItem({ orgId, item }: { orgId: string; item: TeamAlertItem }) {
  const more = item.count - item.examples.length;
  return (
    <li>
      <Link className="govuk-notification-banner__link" {...orgPath(orgId, item.path)}>
        {item.sentence}
      </Link>
      <ul className="govuk-list govuk-body-s govuk-!-margin-top-1">
        {item.examples.map((e) => (
          <li key={e.staffRecordId}>
            <Link
              className="govuk-link"
              to="/orgs/$orgId/social-work/workers/$staffId"
              params={{ orgId, staffId: e.staffRecordId }}
            >
              {e.name}
            </Link>{" "}
            ({e.teamName}): {e.detail}
          </li>
        ))}
        {more > 0 && <li>and {more} more</li>}
      </ul>
    </li>
  );
}

/** "Needs attention in your teams", for someone with socialwork.view at a council. */
export function TeamAlertsPanel({ orgId }: { orgId: string }) {
  const alerts = useQuery(swAlertQueries.teams(orgId));
  const items = alerts.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Banner title="Needs attention in your teams">
      <ul className="govuk-list govuk-list--spaced">
        {items.map((i) => (
          <TeamItem key={i.kind} orgId={orgId} item={i} />
        ))}
      </ul>
    </Banner>
  );
}

const myKey = (i: MyAlertItem, n: number) => `${i.employer.id}-${i.kind}-${i.dueOn ?? ""}-${n}`;

/**
 * "Needs your attention", for a worker's own social work records. On the home page each alert
 * links to My social work; on that page itself (`onMyPage`) the sections below say the rest.
 */
export function MyAlertsPanel({ onMyPage = false }: { onMyPage?: boolean }) {
  const alerts = useQuery(swAlertQueries.mine());
  const items = alerts.data?.items ?? [];
  if (!items.length) return null;
  const employers = new Set(items.map((i) => i.employer.id));
  const text = (i: MyAlertItem) => (employers.size > 1 ? `${i.sentence} (${i.employer.name})` : i.sentence);
  return (
    <Banner title="Needs your attention">
      <ul className="govuk-list govuk-list--spaced">
        {items.map((i, n) => (
          <li key={myKey(i, n)}>
            {onMyPage ? (
              text(i)
            ) : (
              <Link className="govuk-notification-banner__link" {...orgPath(i.employer.id, i.path)}>
                {text(i)}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </Banner>
  );
}
