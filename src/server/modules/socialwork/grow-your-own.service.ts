import type { RoutesInQuery } from "../../../shared/schemas/social-work-routes-in";
import { TRAINEE_ROUTE_LABELS, TRAINEE_ROUTES, type TraineeRoute } from "../../../shared/social-work";
import { cohortOf, esgDue, growYourOwnShare, retentionOf, roundPence } from "../../../shared/sw-routes-in";
import type { OrgCtx } from "../../context";
import { isoDate } from "../../lib/time";
import { visibleTeamIds } from "./access";
import { commitmentOfRow } from "./trainees.presenter";
import * as repo from "./trainees.repo";
import { traineeScope } from "./trainees.service";

// Routes in at a glance (issue 20 item 2): trainees by route and status; per route and cohort,
// who started, qualified, withdrew and joined and who is still here 1, 2 and 3 years after
// joining; cost, ESG and repayments owed; and the grow-your-own share of registered social
// workers in post (rules: shared/sw-routes-in.ts). A team manager sees their teams' figures.

const joinerOf = (r: repo.TraineeListRow) =>
  r.t.staffRecordId && r.joinedStart ? [{ joinedOn: r.joinedStart, leftOn: r.joinedEnd }] : [];

export async function routesInSummary(ctx: OrgCtx, query: RoutesInQuery) {
  const today = isoDate(ctx.deps.now());
  const scope = await traineeScope(ctx);
  const rows = await repo.listTrainees(ctx.db, ctx.org.id, scope);
  const rates = await repo.findRates(ctx.db, ctx.org.id);

  const byRoute = TRAINEE_ROUTES.map((route) => {
    const of = rows.filter((r) => r.t.route === route);
    const sum = (f: (r: repo.TraineeListRow) => number) => roundPence(of.reduce((s, r) => s + f(r), 0));
    return {
      route,
      label: TRAINEE_ROUTE_LABELS[route],
      inTraining: of.filter((r) => r.t.status === "in_training").length,
      qualified: of.filter((r) => r.t.status === "qualified").length,
      withdrawn: of.filter((r) => r.t.status === "withdrawn").length,
      joined: of.filter((r) => r.t.staffRecordId).length,
      cost: sum((r) => r.t.cost ?? 0),
      esgClaimed: sum((r) => r.t.esgAmount ?? 0),
      esgDue: sum((r) => esgDue(r.t, rates)),
      repaymentsOwed: sum((r) => commitmentOfRow(r).owed),
    };
  });

  const groups = new Map<string, repo.TraineeListRow[]>();
  for (const r of rows) {
    const key = `${r.t.route}\u0000${cohortOf(r.t)}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const cohorts = [...groups.entries()]
    .map(([key, of]) => {
      const [route, cohort] = key.split("\u0000") as [TraineeRoute, string];
      return {
        route,
        label: TRAINEE_ROUTE_LABELS[route] ?? route,
        cohort,
        started: of.length,
        qualified: of.filter((r) => r.t.status === "qualified").length,
        withdrawn: of.filter((r) => r.t.status === "withdrawn").length,
        joined: of.filter((r) => r.t.staffRecordId).length,
        retention: retentionOf(of.flatMap(joinerOf), today),
      };
    })
    .sort(
      (a, b) => TRAINEE_ROUTES.indexOf(a.route) - TRAINEE_ROUTES.indexOf(b.route) || b.cohort.localeCompare(a.cohort),
    );

  const workers = await repo.listWorkers(ctx.db, ctx.org.id, scope.all ? {} : { teamIds: await visibleTeamIds(ctx) });
  return {
    today,
    byRoute,
    cohorts,
    retention: retentionOf(rows.flatMap(joinerOf), today),
    growYourOwn: growYourOwnShare(workers, query.on ?? today),
    rates,
  };
}
