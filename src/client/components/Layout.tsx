import { useQueryClient } from "@tanstack/react-query";
import { Link, Outlet, useNavigate, useParams, useRouterState } from "@tanstack/react-router";
import { type FormEvent, useEffect, useState } from "react";
import { ORG_KIND_LABELS, type OrgKind, type Permission, ROLE_LABELS } from "../../shared/permissions";
import { type Membership, useMe } from "../lib/session";
import { authApi } from "../queries/auth";

interface NavItem {
  to: string;
  label: string;
  /** Shown to those with this permission (or any of these). */
  permission?: Permission | Permission[];
  /** Shown only in organisations of these kinds (the pages' routes serve no others). */
  kinds?: OrgKind[];
  /** Hidden from those with this permission (a job seeker has self.view but no staff record). */
  hiddenWith?: Permission;
}

const ORG_NAV: NavItem[] = [
  { to: "", label: "Home" },
  { to: "/figures", label: "Workforce figures", permission: "metrics.view" },
  { to: "/my-career", label: "My career", permission: "self.view" },
  // A social worker's own supervision, caseload and ASYE (issue 20).
  {
    to: "/my-social-work",
    label: "My social work",
    permission: "self.view",
    kinds: ["council"],
    hiddenWith: "candidate.self",
  },
  {
    to: "/my-training",
    label: "My training",
    permission: "self.view",
    kinds: ["provider", "council"],
    hiddenWith: "candidate.self",
  },
  { to: "/candidate/applications", label: "My applications", permission: "candidate.self" },
  { to: "/career-framework", label: "Career framework", permission: ["careers.manage", "careers.endorse"] },
  { to: "/career-plans", label: "Development plans", permission: "careers.plans" },
  { to: "/providers", label: "Providers", permission: "providers.view" },
  // Commissioning (issue 19): the council's contracts and what they ask of providers.
  { to: "/commissioning", label: "Commissioning", permission: "commissioning.view", kinds: ["council"] },
  // The council's own social work service (issue 20): its teams, routes in, ASYE, supervision and figures.
  {
    to: "/social-work",
    label: "Social work",
    permission: ["socialwork.figures", "socialwork.view"],
    kinds: ["council"],
  },
  // A provider reaches exit interviews from its Staff page (where its leavers are): its menu is long enough.
  { to: "/exit-interviews", label: "Exit interviews", permission: "exits.manage", kinds: ["council"] },
  { to: "/staff", label: "Staff", permission: "staff.view" },
  { to: "/vacancies", label: "Vacancies", permission: "staff.view" },
  { to: "/recruitment", label: "Recruitment", permission: "recruitment.view" },
  { to: "/recruitment/pool", label: "Talent pool", permission: "recruitment.view" },
  {
    to: "/recruitment/guaranteed-interviews",
    label: "Guaranteed interviews",
    permission: "recruitment.view",
    kinds: ["provider"],
  },
  { to: "/agency", label: "Agency use", permission: "staff.view" },
  { to: "/workforce-settings", label: "Working week and training", permission: "staff.view" },
  { to: "/training", label: "Training", permission: "training.view" },
  { to: "/training/matrix", label: "Training matrix", permission: "staff.view", kinds: ["provider", "council"] },
  { to: "/training/bookings", label: "Training bookings", permission: "training.view", kinds: ["provider", "council"] },
  {
    to: "/training/delivery",
    label: "Your training sessions",
    permission: "training.deliver",
    kinds: ["training_partner", "council"],
  },
  { to: "/upload", label: "Upload data", permission: "staff.edit" },
  { to: "/returns", label: "Returns", permission: "returns.view" },
  // A provider's own contracts with councils: their standards, results and what to fix (issue 19).
  { to: "/contracts", label: "Your contracts", permission: "commissioning.view", kinds: ["provider"] },
  // Its Quality Premium entitlement and why (issue 19 item 3).
  { to: "/quality-premium", label: "Quality Premium", permission: "commissioning.view", kinds: ["provider"] },
  // Enter once (issue 19 item 5): contract-monitoring returns pre-filled from the hub, and the Capacity Tracker's fields.
  { to: "/monitoring-returns", label: "Monitoring returns", permission: "commissioning.view", kinds: ["provider"] },
  // The minimum price floor calculator (issue 19 item 4): a provider may work out the floor too.
  {
    to: "/commissioning/price-floor",
    label: "Price floor calculator",
    permission: "commissioning.view",
    kinds: ["provider"],
  },
  { to: "/strategy", label: "Strategy", permission: "strategy.view" },
  { to: "/recruitment/campaigns", label: "Recruitment hub", permission: "recruitment.hub" },
  { to: "/recruitment/moderation", label: "Job adverts to check", permission: "recruitment.hub" },
  { to: "/training/cohorts", label: "Pre-employment course", permission: "training.hub", kinds: ["council"] },
  { to: "/users", label: "Users", permission: "users.view" },
  { to: "/audit", label: "Audit trail", permission: "audit.view" },
];

function OrgSwitcher({ memberships, current }: { memberships: Membership[]; current?: string }) {
  const navigate = useNavigate();
  const [choice, setChoice] = useState(current ?? memberships[0]?.id ?? "");
  if (memberships.length < 2) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate({ to: "/orgs/$orgId", params: { orgId: choice } });
  };
  return (
    <form className="app-switcher" onSubmit={submit} aria-label="Switch organisation">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-!-font-size-16" htmlFor="org-switcher">
          Organisation
        </label>
        <select
          id="org-switcher"
          className="govuk-select govuk-!-font-size-16"
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
        >
          {memberships.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name} ({ROLE_LABELS[m.role]})
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="govuk-button govuk-button--inverse govuk-!-font-size-16">
        Switch
      </button>
    </form>
  );
}

/** Whether a navigation item is the page shown: Home only at its own address, others for their pages below too. */
export function isCurrent(href: string, pathname: string, exact: boolean): boolean {
  const path = pathname.replace(/\/+$/, "") || "/";
  return path === href || (!exact && path.startsWith(`${href}/`));
}

/**
 * The GOV.UK service navigation: every page in a row on a wide screen, behind a Menu button on a
 * phone. The current page is marked for screen readers (aria-current) and by a bar beside it.
 */
function ServiceNavigation({
  items,
  pathname,
}: {
  items: { href: string; label: string; exact?: boolean }[];
  pathname: string;
}) {
  const [open, setOpen] = useState(false);
  // Choosing a page closes the menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page changes
  useEffect(() => setOpen(false), [pathname]);
  return (
    <div className={`app-service-nav${open ? " app-service-nav--open" : ""}`}>
      <nav className="govuk-width-container" aria-label="Main">
        <button
          type="button"
          className="app-service-nav__toggle"
          aria-controls="app-navigation"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          Menu
        </button>
        <ul className="app-service-nav__list" id="app-navigation">
          {items.map((n) => {
            const current = isCurrent(n.href, pathname, n.exact ?? false);
            return (
              <li key={n.href} className={`app-service-nav__item${current ? " app-service-nav__item--active" : ""}`}>
                <Link
                  className="app-service-nav__link"
                  to={n.href}
                  activeOptions={{ exact: n.exact ?? false, includeSearch: false }}
                  aria-current={current ? "page" : undefined}
                >
                  {n.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}

export function Layout(): React.ReactNode {
  const { data: me } = useMe();
  const params = useParams({ strict: false });
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const memberships = me?.memberships ?? [];
  const current = memberships.find((m) => m.id === params.orgId);
  const isDemo = memberships.some((m) => m.isDemo);

  const signOut = async () => {
    await authApi.signOut();
    queryClient.clear();
    navigate({ to: "/sign-in" });
  };

  const nav: { href: string; label: string; exact?: boolean }[] = current
    ? ORG_NAV.filter(
        (n) =>
          (!n.permission || [n.permission].flat().some((p) => current.permissions.includes(p))) &&
          (!n.kinds || n.kinds.includes(current.kind)) &&
          !(n.hiddenWith && current.permissions.includes(n.hiddenWith)),
      ).map((n) => ({ label: n.label, href: `/orgs/${current.id}${n.to}`, exact: n.to === "" }))
    : [];
  if (me?.user?.isHubAdmin)
    nav.push(
      { label: "All organisations", href: "/admin/organisations" },
      { label: "Reference data", href: "/admin/reference" },
      { label: "Whole hub figures", href: "/admin/hub-figures" },
      { label: "Failed jobs", href: "/admin/failed-jobs" },
    );

  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <header className="govuk-header" data-module="govuk-header">
        <div className="govuk-header__container govuk-width-container">
          <div className="govuk-header__logo">
            <Link to="/" className="app-header__service">
              Care Workforce Hub
            </Link>
            {current && (
              <p className="app-header__org govuk-body-s">
                {current.name} · {ORG_KIND_LABELS[current.kind]} · {ROLE_LABELS[current.role]}
              </p>
            )}
          </div>
          {me && !me.user && pathname !== "/sign-in" && (
            // Someone reading the job board or the careers roadmap who has an account (a job seeker
            // coming back to their applications) needs a way in from every public page.
            <div className="govuk-header__content">
              <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0 app-header__user">
                <Link className="app-header__signout" to="/sign-in">
                  Sign in
                </Link>
              </p>
            </div>
          )}
          {me?.user && (
            <div className="govuk-header__content">
              <OrgSwitcher key={current?.id} memberships={memberships} current={current?.id} />
              <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0 app-header__user">
                Signed in as {me.user.name || me.user.email}.{" "}
                <button type="button" className="app-header__signout" onClick={signOut}>
                  Sign out
                </button>
              </p>
            </div>
          )}
        </div>
      </header>
      {nav.length > 0 && <ServiceNavigation items={nav} pathname={pathname} />}
      <div className="govuk-width-container">
        {isDemo && (
          <div className="govuk-phase-banner">
            <p className="govuk-phase-banner__content">
              <strong className="govuk-tag govuk-phase-banner__content__tag">Demo</strong>
              <span className="govuk-phase-banner__text">
                This is a demonstration system. Every organisation and person in it is made up.
              </span>
            </p>
          </div>
        )}
        <main className="govuk-main-wrapper" id="main-content">
          <Outlet />
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <h2 className="govuk-visually-hidden">Support links</h2>
              <ul className="govuk-footer__inline-list">
                <li className="govuk-footer__inline-list-item">
                  <a className="govuk-footer__link" href="/api/docs">
                    API documentation
                  </a>
                </li>
                <li className="govuk-footer__inline-list-item">
                  <a className="govuk-footer__link" href="/careers">
                    Careers in care and social work
                  </a>
                </li>
                <li className="govuk-footer__inline-list-item">
                  <a className="govuk-footer__link" href="/jobs">
                    Care jobs
                  </a>
                </li>
              </ul>
              <span className="govuk-footer__licence-description">
                Care Workforce Hub – shared by a council and the care providers it works with.
              </span>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
