import { useQuery } from "@tanstack/react-query";
import { Link, useSearch } from "@tanstack/react-router";
import { Page } from "../../components/Page";
import { Section } from "../../components/Section";
import { careerQueries } from "../../queries/careers";
import { jobsQueries } from "../../queries/jobs";
import { catalogueQueries } from "../../queries/training-catalogue";
import { RoadmapLanes } from "./roadmap-lanes";
import { RoleDetails } from "./role-details";

// The public career pages: the roadmap (for a council with ?council=<slug>) and its easy read version.

/** The public roadmap for the council in the address (`?council=slug`), or the national one. */
function useRoadmap() {
  const search = useSearch({ strict: false });
  const roadmap = useQuery(careerQueries.roadmap(search.council));
  return { search, roadmap };
}

/** While the roadmap loads, or why it could not (for example no such council). */
function RoadmapPending({ roadmap, title }: { roadmap: ReturnType<typeof useRoadmap>["roadmap"]; title: string }) {
  if (!roadmap.isError) return <p className="govuk-body">Loading…</p>;
  return (
    <Page title={title}>
      <p className="govuk-body">{(roadmap.error as Error).message}</p>
    </Page>
  );
}

/** The public roadmap: the lanes at a glance, then every pathway and role in full, for anyone, no sign-in. */
export function CareersPage(): React.ReactNode {
  const { roadmap } = useRoadmap();
  const d = roadmap.data;
  // Live adverts on the council's job board, for each role's link to them.
  const slug = d?.council?.slug ?? "";
  const jobs = useQuery({ ...jobsQueries.counts(slug), enabled: Boolean(slug) });
  const liveJobs = new Map(jobs.data?.roles.map((r) => [r.key, r.count]));
  // Requirements the council's training catalogue has courses for link to them (issue 18).
  const courses = useQuery({ ...catalogueQueries.public(slug), enabled: Boolean(slug) });
  const coursesFor = new Set(courses.data?.givesKeys);
  if (!d) return <RoadmapPending roadmap={roadmap} title="Careers in care and social work" />;
  return (
    <Page title="Careers in care and social work" caption={d.council?.name}>
      <p className="govuk-body-l">
        Where you can start, the roles you can move on to, and what you need for each, from the national frameworks.
      </p>
      <p className="govuk-body">
        <Link to="/careers/easy-read" search={d.council ? { council: d.council.slug } : {}} className="govuk-link">
          Jobs in care and social work: easy read version
        </Link>{" "}
        ·{" "}
        <a
          className="govuk-link"
          href={`/api/public/careers/poster.pdf${d.council ? `?council=${encodeURIComponent(d.council.slug)}` : ""}`}
        >
          Print the roadmap as a poster (PDF, A3)
        </a>
      </p>
      <RoadmapLanes f={d.framework} vacancies={d.vacancies} council={d.council} />
      <p className="govuk-body">
        Every role in full: what it is, what you need, how to get there and where it can lead.
      </p>
      {d.framework.pathways.map((p) => (
        <Section key={p.key} id={`pathway-${p.key}`} title={p.title}>
          <p className="govuk-body">{p.description}</p>
          {d.framework.roles
            .filter((r) => r.pathway === p.key)
            .map((r) => (
              <RoleDetails
                key={r.key}
                role={r}
                f={d.framework}
                vacancies={d.vacancies[r.key] ?? 0}
                pay={d.pay[r.key] ?? null}
                council={d.council}
                liveJobs={liveJobs.get(r.key)}
                coursesFor={coursesFor}
              />
            ))}
        </Section>
      ))}
    </Page>
  );
}

/**
 * Every job in the framework in easy read: short sentences, one idea a line, a heading per job.
 * The words come with the framework (a council's own, or the shipped ones).
 */
export function CareersEasyReadPage(): React.ReactNode {
  const { search, roadmap } = useRoadmap();
  const d = roadmap.data;
  if (!d) return <RoadmapPending roadmap={roadmap} title="Jobs in care and social work: easy read" />;
  return (
    <Page title="Jobs in care and social work: easy read" caption={d.council?.name}>
      <p className="govuk-body-l">There are {d.framework.pathways.length} kinds of work here.</p>
      <p className="govuk-body-l">You can start in the first job of each kind and move up.</p>
      {d.framework.pathways.map((p) => (
        <Section key={p.key} id={`easy-${p.key}`} title={p.title}>
          <p className="govuk-body-l">{p.easyRead}</p>
          <ol className="govuk-list govuk-list--number">
            {d.framework.roles
              .filter((r) => r.pathway === p.key)
              .map((r) => (
                <li key={r.key} className="govuk-!-margin-bottom-6">
                  <h3 className="govuk-heading-m govuk-!-margin-bottom-2">{r.title}</h3>
                  {(r.easyRead ?? [r.summary]).map((l) => (
                    <p key={l} className="govuk-body-l govuk-!-margin-bottom-1">
                      {l}
                    </p>
                  ))}
                </li>
              ))}
          </ol>
        </Section>
      ))}
      <p className="govuk-body-l">
        <Link to="/careers" search={search.council ? { council: search.council } : {}} className="govuk-link">
          See all jobs and what you need for each
        </Link>
      </p>
    </Page>
  );
}
