import { periodBounds } from "../../../shared/commissioning";
import { AGENCY_ROLE_TYPE_LABELS } from "../../../shared/social-work";
import {
  AGENCY_RULE_KEYS,
  AGENCY_RULES,
  agencyFlags,
  agencyRoleTypeOf,
  capDay,
  capInForce,
  monthBounds,
  monthlyCost,
  returnRowProblems,
  rulesApply,
} from "../../../shared/sw-agency-rules";
import type { OrgCtx } from "../../context";
import { isoDate } from "../../lib/time";
import { factsOf } from "./agency-assignments.presenter";
import * as repo from "./agency-assignments.repo";

// The DfE agency return for a quarter (issue 20 item 8; social-work.md §1.3): every children's
// agency assignment running in the quarter (job type, hourly rate, start, end, SWE number,
// project team) and the council-level part: compliance with each rule (counts and the reasons),
// cap breaches with who signed them off, the agencies whose assignments were flagged, and the
// agency workforce's cost in each month. DfE's exact field list is UNCONFIRMED, so the columns
// are named plainly. Each row is checked before download (shared/sw-agency-rules.ts).

const round = (n: number) => Math.round(n * 100) / 100;

export async function agencyReturn(ctx: OrgCtx, period: string) {
  const { start: from, end: to } = periodBounds(period);
  const now = isoDate(ctx.deps.now());
  // The rules as they stood at the quarter's end (or today, while it runs).
  const asOf = to < now ? to : now;
  const teams = (await repo.listTeams(ctx.db, ctx.org.id)).filter((t) => t.service === "children");
  const caps = await repo.listCaps(ctx.db, ctx.org.id);
  const all = (
    await repo.listAssignments(
      ctx.db,
      ctx.org.id,
      teams.map((t) => t.id),
      { from, to },
    )
  ).sort(
    (a, b) =>
      a.a.startDate.localeCompare(b.a.startDate) ||
      a.a.workerName.localeCompare(b.a.workerName) ||
      a.a.id.localeCompare(b.a.id),
  );
  const rows = all.map((x) => {
    const jobType = agencyRoleTypeOf(x.a.role);
    return {
      assignmentId: x.a.id,
      jobType,
      jobTypeLabel: jobType ? AGENCY_ROLE_TYPE_LABELS[jobType] : null,
      hourlyRate: x.a.hourlyRate,
      startDate: x.a.startDate,
      endDate: x.a.endDate,
      sweNumber: x.a.sweNumber,
      projectTeam: x.a.projectTeam,
      agencyName: x.a.agencyName,
      teamName: x.teamName,
      workerName: x.a.workerName,
    };
  });
  const problems = all.flatMap((x, i) =>
    returnRowProblems(x.a).map((p) => ({ assignmentId: x.a.id, row: i + 1, workerName: x.a.workerName, ...p })),
  );

  const judged = all
    .filter((x) => rulesApply(factsOf(x), asOf).applies)
    .map((x) => ({ x, flags: agencyFlags(factsOf(x), caps, asOf) }));
  const compliance = AGENCY_RULE_KEYS.map((rule) => {
    const hit = judged.map((j) => ({ ...j, flag: j.flags.find((f) => f.rule === rule) }));
    const inScope = rule === "project_team" ? hit.filter((j) => j.x.a.projectTeam) : hit;
    const notCompliant = inScope.filter((j) => j.flag && j.flag.level !== "check");
    const toCheck = inScope.filter((j) => j.flag?.level === "check");
    return {
      rule,
      label: AGENCY_RULES[rule].label,
      inScope: inScope.length,
      compliant: inScope.length - notCompliant.length - toCheck.length,
      notCompliant: notCompliant.length,
      toCheck: toCheck.length,
      explanations: [...notCompliant, ...toCheck].map(
        (j) =>
          `${agencyRoleTypeOf(j.x.a.role) ? AGENCY_ROLE_TYPE_LABELS[agencyRoleTypeOf(j.x.a.role) as never] : "Assignment"} from ${j.x.a.startDate} (${j.x.a.agencyName}): ${j.flag?.text}`,
      ),
    };
  });
  const capBreaches = judged
    .filter((j) => j.flags.some((f) => f.rule === "price_cap" && f.level !== "check"))
    .map(({ x }) => {
      const jobType = agencyRoleTypeOf(x.a.role);
      const day = capDay(x.a);
      return {
        assignmentId: x.a.id,
        jobTypeLabel: jobType ? AGENCY_ROLE_TYPE_LABELS[jobType] : null,
        hourlyRate: x.a.hourlyRate,
        hourlyCap: (day && capInForce(caps, jobType, day)?.hourlyCap) || null,
        signedOffBy: x.a.capBreachSignedOffBy,
        agencyName: x.a.agencyName,
      };
    });
  const agencies = new Map<string, { agencyName: string; assignments: number; rules: Set<string> }>();
  for (const j of judged) {
    const breaches = j.flags.filter((f) => f.level !== "check");
    if (!breaches.length) continue;
    const a = agencies.get(j.x.a.agencyName) ?? { agencyName: j.x.a.agencyName, assignments: 0, rules: new Set() };
    a.assignments += 1;
    for (const f of breaches) a.rules.add(AGENCY_RULES[f.rule].label);
    agencies.set(a.agencyName, a);
  }
  const months = [0, 1, 2].map((i) =>
    monthBounds(`${from.slice(0, 5)}${String(Number(from.slice(5, 7)) + i).padStart(2, "0")}`),
  );
  const monthlyCostRows = months.map((m) => ({
    month: m.from.slice(0, 7),
    cost: round(all.reduce((n, x) => n + monthlyCost(x.a, m.from.slice(0, 7)), 0)),
  }));
  return {
    period,
    from,
    to,
    rows,
    problems,
    compliance,
    capBreaches,
    flaggedAgencies: [...agencies.values()]
      .sort((a, b) => a.agencyName.localeCompare(b.agencyName))
      .map((a) => ({ ...a, rules: [...a.rules] })),
    monthlyCost: monthlyCostRows,
    totalCost: round(monthlyCostRows.reduce((n, m) => n + m.cost, 0)),
  };
}
