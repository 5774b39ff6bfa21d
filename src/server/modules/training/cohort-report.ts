import { todayIso } from "../../../shared/dates";
import {
  COHORT_STAGES,
  type CohortReportResponse,
  type CohortStage,
  type CohortStageCounts,
  type HubCount,
} from "../../../shared/schemas/training-hub";
import type { OrgCtx } from "../../context";
import { notFound } from "../../lib/errors";
import { addMonths, type Cell, peopleCell, protectPartitions, type Reader } from "../recruitment/funnel";
import * as repo from "./cohorts.repo";

// The pre-employment course's report (issue 18 item 8): per cohort and in total, learners
// enrolled → completed → interviewed → offered → started → still employed at 6 months. Each is a
// count of learners (a learner interviewed by three employers counts once). Small counts are
// withheld as the recruitment funnel withholds them for councils (recruitment/funnel.ts: 1 to 4
// suppressed, and a second cell when one cohort's count could be worked out from the total).

export const STILL_EMPLOYED_MONTHS = 6;

type Interview = Awaited<ReturnType<typeof repo.listCouncilInterviews>>[number];

/** A cohort's true counts; stillEmployed6m is null when no start has reached six months ("not yet known"). */
export function cohortStages(learners: repo.LearnerRow[], interviews: Interview[], today: string) {
  const byLearner = new Map<string, Interview[]>();
  for (const i of interviews) {
    const list = byLearner.get(i.interview.learnerId);
    if (list) list.push(i);
    else byLearner.set(i.interview.learnerId, [i]);
  }
  const has = (l: repo.LearnerRow, test: (i: Interview) => boolean) => (byLearner.get(l.id) ?? []).some(test);
  const starts = learners
    .map(
      (l) =>
        (byLearner.get(l.id) ?? [])
          .filter((i) => i.interview.startedOn)
          .sort((a, b) => (a.interview.startedOn as string).localeCompare(b.interview.startedOn as string))[0],
    )
    .filter((i): i is Interview => !!i);
  // Still employed at 6 months: of the starts whose six months have passed, those whose staff
  // record had no end date, or one after the mark. A start with no staff record linked is not known.
  const due = starts
    .filter((i) => i.interview.staffRecordId && i.staffStart)
    .map((i) => ({ i, mark: addMonths(i.interview.startedOn as string, STILL_EMPLOYED_MONTHS) }))
    .filter(({ mark }) => mark <= today);
  return {
    enrolled: learners.length,
    completed: learners.filter((l) => l.status === "completed").length,
    interviewed: learners.filter((l) =>
      has(l, (i) => !!i.interview.interviewOn && i.interview.interviewOn <= today && i.interview.outcome !== "no_show"),
    ).length,
    offered: learners.filter((l) => has(l, (i) => ["offered", "declined"].includes(i.interview.outcome))).length,
    started: starts.length,
    stillEmployed6m: due.length ? due.filter(({ i, mark }) => !i.staffEnd || i.staffEnd > mark).length : null,
  } satisfies Record<CohortStage, number | null>;
}

type Cells = Record<CohortStage, Cell>;

function cellsOf(reader: Reader, counts: Record<CohortStage, number | null>, started: number): Cells {
  const out = {} as Cells;
  for (const s of COHORT_STAGES) {
    out[s] = peopleCell(reader, counts[s], false, false);
    if (s === "stillEmployed6m" && counts[s] === null && started > 0) out[s].shown = { count: null };
  }
  return out;
}

const render = (cells: Cells, counts: Record<CohortStage, number | null>, started: number): CohortStageCounts =>
  Object.fromEntries(
    COHORT_STAGES.map((s): [CohortStage, HubCount] => {
      if (s === "stillEmployed6m" && counts[s] === null)
        return [s, started > 0 ? { count: null, reason: "not_yet_known" } : { count: 0 }];
      const shown = cells[s].shown;
      return [
        s,
        shown.count === null
          ? { count: null, reason: shown.reason === "not_enough_data" ? "not_enough_data" : "suppressed" }
          : { count: shown.count },
      ];
    }),
  ) as CohortStageCounts;

export async function cohortReport(ctx: OrgCtx, q: { cohortId?: string }): Promise<CohortReportResponse> {
  const today = todayIso(ctx.deps.now());
  const all = await repo.listCohorts(ctx.db, ctx.org.id);
  if (q.cohortId && !all.some((c) => c.cohort.id === q.cohortId)) throw notFound("cohort");
  const [learners, interviews] = await Promise.all([
    repo.listLearners(
      ctx.db,
      ctx.org.id,
      all.map((c) => c.cohort.id),
    ),
    repo.listCouncilInterviews(ctx.db, ctx.org.id),
  ]);
  const reader: Reader = { kind: "council", ownOrgId: ctx.org.id };
  const build = (ls: repo.LearnerRow[]) => {
    const ids = new Set(ls.map((l) => l.id));
    const counts = cohortStages(
      ls,
      interviews.filter((i) => ids.has(i.interview.learnerId)),
      today,
    );
    return { counts, cells: cellsOf(reader, counts, counts.started) };
  };
  // Whole-course figures and every cohort's are built together, so withholding is the same
  // whichever cohort is asked for: a cohort's count cannot be worked out from the total.
  const rows = all.map((c) => ({ c, ...build(learners.filter((l) => l.cohortId === c.cohort.id)) }));
  const total = build(learners);
  protectPartitions(COHORT_STAGES.map((s) => ({ rows: rows.map((r) => r.cells[s]), total: total.cells[s] })));
  return {
    at: today,
    cohorts: rows
      .filter((r) => !q.cohortId || r.c.cohort.id === q.cohortId)
      .map((r) => ({
        id: r.c.cohort.id,
        name: r.c.cohort.name,
        endsOn: r.c.cohort.endsOn,
        stages: render(r.cells, r.counts, r.counts.started),
      })),
    total: render(total.cells, total.counts, total.counts.started),
  };
}
