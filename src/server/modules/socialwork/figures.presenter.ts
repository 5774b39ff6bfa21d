import type { SwFiguresResponse } from "../../../shared/schemas/social-work-figures";
import type { SwFigure } from "../../../shared/sw-figures";
import type { socialWorkFigures } from "./figures.service";

// What leaves of the social work figures: per service and per team, each figure's value and base
// as protected (a withheld one is null with its reason and no base), and nothing about a person.

/** One figure as it leaves: no base with no value (a withheld base would help to recover it). */
export const presentFigure = (f: SwFigure): SwFigure =>
  f.value === null ? { value: null, n: 0, reason: f.reason ?? "no_data" } : { value: f.value, n: f.n };

const presentSet = (set: Partial<Record<string, SwFigure>>) =>
  Object.fromEntries(Object.entries(set).map(([k, f]) => [k, presentFigure(f as SwFigure)]));

export function presentFigures(x: Awaited<ReturnType<typeof socialWorkFigures>>): SwFiguresResponse {
  return {
    at: x.at,
    services: x.services.map((s) => ({ service: s.service, figures: presentSet(s.figures) })),
    teams: x.teams.map((t) => ({ id: t.id, name: t.name, service: t.service, figures: presentSet(t.figures) })),
  };
}
