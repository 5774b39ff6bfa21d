import type { Framework, Role } from "../../../shared/career/framework";
import { isEntryRole } from "../../../shared/career/requirements";
import "./roadmap-lanes.scss";

// The roadmap at a glance: each pathway a lane of steps, where people start first (left on a wide
// screen, top on a phone), each role a box that links to what it needs below. Plain HTML lists,
// so a screen reader hears the same lanes and steps in order, and nothing is drawn that could
// overlap or need a chart library (the old map was an ECharts graph: 1 MB of script, unreadable).

/** A pathway's roles in steps: a role's step is the fewest routes within the pathway from where the pathway starts. */
export function laneSteps(f: Framework, pathway: string): Role[][] {
  const roles = f.roles.filter((r) => r.pathway === pathway);
  const inLane = new Set(roles.map((r) => r.key));
  const routes = f.routes.filter((rt) => inLane.has(rt.from) && inLane.has(rt.to));
  const step = new Map<string, number>();
  const queue = roles.filter((r) => !routes.some((rt) => rt.to === r.key)).map((r) => r.key);
  for (const k of queue) step.set(k, 0);
  while (queue.length) {
    const at = queue.shift() as string;
    for (const rt of routes)
      if (rt.from === at && !step.has(rt.to)) {
        step.set(rt.to, (step.get(at) ?? 0) + 1);
        queue.push(rt.to);
      }
  }
  const out: Role[][] = [];
  for (const r of roles) {
    const s = step.get(r.key) ?? 0; // only in a circle of routes: shown with the first step
    out[s] = [...(out[s] ?? []), r];
  }
  return out.filter((s) => s !== undefined);
}

/** Opens a role's details below and takes the reader there. */
function openRole(key: string) {
  const el = document.getElementById(`role-${key}`) as HTMLDetailsElement | null;
  if (!el) return;
  el.open = true;
  el.scrollIntoView({ block: "start" });
  el.querySelector("summary")?.focus();
}

export function RoadmapLanes({
  f,
  vacancies,
  council,
}: {
  f: Framework;
  vacancies: Record<string, number>;
  council: { name: string } | null;
}): React.ReactNode {
  const titles = new Map(f.roles.map((r) => [r.key, r.title]));
  return (
    <div className="app-roadmap">
      <h2 className="govuk-heading-m">The roadmap at a glance</h2>
      <p className="govuk-body">
        Each kind of work, from where you can start to the most senior roles. Choose a role to see what it needs.
      </p>
      {f.pathways.map((p) => {
        const steps = laneSteps(f, p.key);
        if (!steps.length) return null;
        return (
          <section key={p.key} className="app-roadmap__lane" aria-labelledby={`lane-${p.key}`}>
            <h3 className="app-roadmap__lane-title" id={`lane-${p.key}`}>
              {p.title}
            </h3>
            <ol className="app-roadmap__steps">
              {steps.map((roles, i) => (
                <li key={roles[0].key} className="app-roadmap__step">
                  <span className="govuk-visually-hidden">Step {i + 1}: </span>
                  <ul className="app-roadmap__roles">
                    {roles.map((r) => {
                      // Where people come from another pathway (a care worker into social work).
                      const from = f.routes
                        .filter((rt) => rt.to === r.key && f.roles.find((x) => x.key === rt.from)?.pathway !== p.key)
                        .map((rt) => titles.get(rt.from) ?? rt.from);
                      return (
                        <li key={r.key}>
                          <a
                            href={`#role-${r.key}`}
                            className="app-roadmap__role"
                            data-role={r.key}
                            onClick={(e) => {
                              e.preventDefault();
                              openRole(r.key);
                            }}
                          >
                            <span className="app-roadmap__role-title">{r.title}</span>
                            {isEntryRole(f, r) && <span className="app-roadmap__meta">Start here</span>}
                            {i === 0 && from.length > 0 && (
                              <span className="app-roadmap__meta">From {from.join(" or ")}</span>
                            )}
                            {council && (
                              <span className="app-roadmap__meta">
                                {vacancies[r.key] ?? 0} {vacancies[r.key] === 1 ? "vacancy" : "vacancies"} now
                              </span>
                            )}
                          </a>
                        </li>
                      );
                    })}
                  </ul>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
