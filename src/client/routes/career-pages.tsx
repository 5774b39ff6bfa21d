import { useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearch } from "@tanstack/react-router";
import type { CatalogueItem, Framework, Role } from "../../shared/career/framework";
import { Page } from "../components/Page";
import { api } from "../lib/api";

interface Roadmap {
  framework: Framework;
  council: { name: string; slug: string } | null;
  vacancies: Record<string, number>;
}

const months = (n: number) => (n >= 12 && n % 12 === 0 ? `${n / 12} year${n === 12 ? "" : "s"}` : `${n} months`);

/** One role in the roadmap: what it is, what you need, how to get there and where it leads. */
function RoleDetails({ role, f, vacancies, council }: { role: Role; f: Framework; vacancies: number; council: Roadmap["council"] }) {
  const items = new Map<string, CatalogueItem>(f.catalogue.map((i) => [i.key, i]));
  const titles = new Map(f.roles.map((r) => [r.key, r.title]));
  const into = f.routes.filter((rt) => rt.to === role.key);
  const onwards = f.routes.filter((rt) => rt.from === role.key);
  const need = (kind: "required" | "recommended") => role.requirements.filter((q) => q.need === kind);
  return (
    <details className="govuk-details" id={`role-${role.key}`}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{role.title}</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body">{role.summary}</p>
        {role.whatYouDo && <p className="govuk-body">{role.whatYouDo}</p>}
        <h4 className="govuk-heading-s">What you need</h4>
        {role.requirements.length === 0 && !role.experience ? (
          <p className="govuk-body">No qualification is needed to start.</p>
        ) : (
          <ul className="govuk-list govuk-list--bullet">
            {need("required").map((q) => (
              <li key={q.anyOf.join()}>
                {q.anyOf.map((k) => items.get(k)?.title ?? k).join(", or ")}
                {q.note ? ` (${q.note})` : ""}
              </li>
            ))}
            {need("recommended").map((q) => (
              <li key={q.anyOf.join()}>
                Recommended: {q.anyOf.map((k) => items.get(k)?.title ?? k).join(", or ")}
                {q.note ? ` (${q.note})` : ""}
              </li>
            ))}
            {role.experience && (
              <li>
                {months(role.experience.months)} of experience {role.experience.in === "sector" ? "in the sector" : "in your current role"}
                {role.experience.note ? ` (${role.experience.note})` : ""}
              </li>
            )}
          </ul>
        )}
        {into.length > 0 && (
          <>
            <h4 className="govuk-heading-s">How to get there</h4>
            <ul className="govuk-list govuk-list--bullet">
              {into.map((rt) => (
                <li key={rt.from}>
                  From <a href={`#role-${rt.from}`}>{titles.get(rt.from)}</a>: {rt.how}
                  {rt.typicalMonths ? ` Typically ${months(rt.typicalMonths)}.` : ""}
                </li>
              ))}
            </ul>
          </>
        )}
        {onwards.length > 0 && (
          <>
            <h4 className="govuk-heading-s">Where it can lead</h4>
            <ul className="govuk-list govuk-list--bullet">
              {onwards.map((rt) => (
                <li key={rt.to}>
                  <a href={`#role-${rt.to}`}>{titles.get(rt.to)}</a>
                </li>
              ))}
            </ul>
          </>
        )}
        {role.payGuidance && <p className="govuk-body">Pay: {role.payGuidance}</p>}
        {council && (
          <p className="govuk-body">
            <strong>{vacancies}</strong> {vacancies === 1 ? "vacancy" : "vacancies"} open now with care employers in {council.name}'s area.
          </p>
        )}
        <p className="govuk-body govuk-!-font-size-16">Source: {role.source.url ? <a href={role.source.url}>{role.source.title}</a> : role.source.title}</p>
      </div>
    </details>
  );
}

/** The public roadmap, as a list: every pathway and role, for anyone, no sign-in. */
export function CareersPage() {
  const search = useSearch({ strict: false }) as { council?: string };
  const roadmap = useQuery({
    queryKey: ["careers", search.council ?? ""],
    queryFn: () => api<Roadmap>("GET", `/api/public/careers${search.council ? `?council=${encodeURIComponent(search.council)}` : ""}`),
    retry: false,
  });
  const d = roadmap.data;
  if (roadmap.isError)
    return (
      <Page title="Careers in care and social work">
        <p className="govuk-body">{(roadmap.error as Error).message}</p>
      </Page>
    );
  if (!d) return <p className="govuk-body">Loading…</p>;
  return (
    <Page title="Careers in care and social work" caption={d.council?.name}>
      <p className="govuk-body-l">Where you can start, the roles you can move on to, and what you need for each, from the national frameworks.</p>
      <p className="govuk-body">Choose a role to see what it is, what you need, how to get there and where it can lead.</p>
      {d.framework.pathways.map((p) => (
        <section key={p.key} aria-labelledby={`pathway-${p.key}`} className="app-dashboard-section">
          <h2 className="govuk-heading-m" id={`pathway-${p.key}`}>
            {p.title}
          </h2>
          <p className="govuk-body">{p.description}</p>
          {d.framework.roles
            .filter((r) => r.pathway === p.key)
            .map((r) => (
              <RoleDetails key={r.key} role={r} f={d.framework} vacancies={d.vacancies[r.key] ?? 0} council={d.council} />
            ))}
        </section>
      ))}
    </Page>
  );
}

interface MyCareer {
  name: string;
  current: { key: string; title: string } | null;
  next: {
    role: { key: string; title: string; summary: string };
    how: string;
    typicalMonths: number | null;
    gap: {
      requirements: { need: "required" | "recommended"; note?: string; met: boolean; options: { key: string; title: string; held: boolean }[] }[];
      experience: { months: number; in: "sector" | "role"; have: number | null; met: boolean } | null;
      ready: boolean;
    };
  }[];
}

/** A staff member's own next steps, from their records. */
export function MyCareerPage() {
  const { orgId } = useParams({ strict: false }) as { orgId: string };
  const mine = useQuery({ queryKey: ["my-career", orgId], queryFn: () => api<MyCareer>("GET", `/api/orgs/${orgId}/my-career`), retry: false });
  if (mine.isError)
    return (
      <Page title="My career">
        <p className="govuk-body">{(mine.error as Error).message}</p>
        <p className="govuk-body">Your employer links your account to your staff record. Ask your manager if this page says it cannot find it.</p>
      </Page>
    );
  const d = mine.data;
  if (!d) return <p className="govuk-body">Loading…</p>;
  return (
    <Page title="My career" caption={d.name}>
      {d.current ? (
        <div className="govuk-panel govuk-panel--confirmation govuk-!-text-align-left">
          <h2 className="govuk-panel__title govuk-!-font-size-27">You are a {d.current.title.toLowerCase()}</h2>
        </div>
      ) : (
        <p className="govuk-body">Your job role is not in the career framework yet.</p>
      )}
      <p className="govuk-body">
        These are the roles you can move to next. "You have" and "You still need" come from the qualifications and training your employer has recorded for you. If something is
        missing, ask your manager to record it.{" "}
        <Link to="/careers" className="govuk-link">
          See the whole career roadmap
        </Link>
        .
      </p>
      {d.next.map((n) => {
        const have = n.gap.requirements.filter((q) => q.met);
        const stillNeed = n.gap.requirements.filter((q) => !q.met);
        return (
          <section key={n.role.key} className="app-dashboard-section" aria-labelledby={`next-${n.role.key}`}>
            <h2 className="govuk-heading-m" id={`next-${n.role.key}`}>
              {n.role.title} {n.gap.ready && <strong className="govuk-tag govuk-tag--green">You meet the requirements</strong>}
            </h2>
            <p className="govuk-body">{n.role.summary}</p>
            <p className="govuk-body">
              How: {n.how}
              {n.typicalMonths ? ` Typically ${months(n.typicalMonths)}.` : ""}
            </p>
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-one-half">
                <h3 className="govuk-heading-s">You have</h3>
                {have.length ? (
                  <ul className="govuk-list govuk-list--bullet">
                    {have.map((q) => (
                      <li key={q.options.map((o) => o.key).join()}>{q.options.find((o) => o.held)?.title}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="govuk-body">Nothing this role asks for is recorded yet.</p>
                )}
              </div>
              <div className="govuk-grid-column-one-half">
                <h3 className="govuk-heading-s">You still need</h3>
                {stillNeed.length || (n.gap.experience && !n.gap.experience.met) ? (
                  <ul className="govuk-list govuk-list--bullet">
                    {stillNeed.map((q) => (
                      <li key={q.options.map((o) => o.key).join()}>
                        {q.need === "recommended" ? "Recommended: " : ""}
                        {q.options.map((o) => o.title).join(", or ")}
                      </li>
                    ))}
                    {n.gap.experience && !n.gap.experience.met && (
                      <li>
                        {months(n.gap.experience.months)} of experience {n.gap.experience.in === "sector" ? "in the sector" : "in your current role"}
                        {n.gap.experience.have !== null ? ` (you have ${months(Math.max(0, n.gap.experience.have))})` : ""}
                      </li>
                    )}
                  </ul>
                ) : (
                  <p className="govuk-body">Nothing: you can apply.</p>
                )}
              </div>
            </div>
          </section>
        );
      })}
    </Page>
  );
}
