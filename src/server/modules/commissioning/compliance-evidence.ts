import {
  type ComplianceStatus,
  evaluateStandard,
  periodBounds,
  STANDARD_KINDS,
  type StandardKindKey,
} from "../../../shared/commissioning";
import { longDate } from "../../../shared/dates";
import type { Exec } from "../../db/client";
import { cellKey, computeGrid, type Figure, type Figures } from "../metrics/engine";
import { LONDON } from "../metrics/workforce";
import { applicableRlw, type PayFloor } from "../reference/pay-floors";
import * as repo from "./compliance.repo";

// The evidence for each kind of standard (issue 19 item 2): the figures engine over a contract's
// workplaces as at the period end (one engine pass for every contract covering all of its
// provider's workplaces, grouped by employer, and one for each distinct named set), or the hub's
// own records (career framework endorsement, data returns, contract-monitoring declarations).
// Each result carries words a person reads: the figure, its n, the date and the threshold.

/** A standard a contract carries, to be assessed for a period. */
export interface Target {
  contract: repo.ContractRow;
  contractStandardId: string;
  kind: StandardKindKey;
  name: string;
  /** The contract's threshold, else the library's, else the kind's default. */
  threshold: number | null;
}

/** What a person reads about a result (stored as the result's evidence). */
export interface EvidenceDoc {
  kind: StandardKindKey;
  /** The engine's figure (metrics.md name) or the records it reads. */
  figure: string;
  threshold: number | null;
  thresholdText: string;
  /** The working in one sentence. */
  sentence: string;
  measuredOver: string;
  /** How many workplaces the figure covers (figure kinds). */
  workplaces?: number;
  /** Not final yet (a return not yet due, a monitoring return not yet confirmed): computed again when read. */
  provisional?: boolean;
}

export interface Assessed {
  target: Target;
  status: ComplianceStatus;
  value: number | null;
  n: number;
  asAt: string;
  evidence: EvidenceDoc;
}

/** A share as a percentage: 0.125 → "12.5%". */
export function percent(share: number): string {
  const p = Math.round(share * 1000) / 10;
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`;
}
/** Pounds with pence. */
export function pounds(value: number): string {
  return `${value < 0 ? "−" : ""}£${Math.abs(value).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
const people = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** The standard's threshold in words. */
export function thresholdText(kind: StandardKindKey, t: number | null): string {
  const v = t ?? 0;
  switch (kind) {
    case "rlw_floor":
      return v === 0
        ? "nobody paid below the Real Living Wage"
        : `at most ${percent(v)} paid below the Real Living Wage`;
    case "senior_margin":
      return `a median at least ${pounds(v)} an hour above the Real Living Wage`;
    case "zero_hours_max":
      return `at most ${percent(v)} on zero-hours contracts`;
    case "turnover_max":
      return `turnover at most ${percent(v)}`;
    case "vacancy_max":
      return `a vacancy rate at most ${percent(v)}`;
    case "training_min":
      return `at least ${percent(v)} of required training valid`;
    case "care_certificate_min":
      return `at least ${percent(v)} with the Care Certificate`;
    case "career_endorsed":
      return "the council's career framework endorsed";
    case "paid_travel":
      return "travel time declared paid";
    case "returns_on_time":
      return `submitted by the due date and at least ${percent(v)} complete`;
  }
}

const FIGURE_OF: Partial<Record<StandardKindKey, string>> = Object.fromEntries(
  Object.entries(STANDARD_KINDS).flatMap(([k, v]) => ("figure" in v ? [[k, v.figure]] : [])),
);

const endOfDay = (day: string) => new Date(`${day}T23:59:59.999Z`);

/**
 * The evidence and status of every target for one council's contracts in one or more periods: the
 * figures for all the periods' ends come from one engine pass per distinct set of workplaces.
 */
export async function assessTargets(
  db: Exec,
  councilId: string,
  work: { period: string; targets: Target[] }[],
  floors: PayFloor[],
  today: string,
): Promise<Assessed[]> {
  const out: Assessed[] = [];
  const doneIn =
    (end: string) =>
    (
      t: Target,
      value: number | null,
      n: number,
      doc: Omit<EvidenceDoc, "kind" | "threshold" | "thresholdText" | "measuredOver">,
    ) => {
      out.push({
        target: t,
        status: evaluateStandard(t.kind, t.threshold, { value, n, asAt: end }),
        value,
        n,
        asAt: end,
        evidence: {
          kind: t.kind,
          threshold: t.threshold,
          thresholdText: thresholdText(t.kind, t.threshold),
          measuredOver: STANDARD_KINDS[t.kind].measuredOver,
          ...doc,
        },
      });
    };

  // Figures: one engine pass per distinct set of workplaces, over every period's end at once.
  const figureWork = work.flatMap((w) =>
    w.targets.filter((t) => FIGURE_OF[t.kind]).map((t) => ({ period: w.period, t })),
  );
  if (figureWork.length) {
    const figureTargets = figureWork.map((x) => x.t);
    const ends = [...new Set(figureWork.map((x) => periodBounds(x.period).end))].sort();
    const names = [...new Set(figureTargets.map((t) => FIGURE_OF[t.kind] as string))];
    const contractIds = [...new Set(figureTargets.map((t) => t.contract.id))];
    const named = await repo.listContractWorkplaceIds(db, contractIds);
    const wholeProviders = [
      ...new Set(figureTargets.filter((t) => !named.has(t.contract.id)).map((t) => t.contract.providerId)),
    ];
    const providerWorkplaces = await repo.listProviderWorkplaces(db, wholeProviders);
    const postcodes = new Map<string, string | null>(providerWorkplaces.map((w) => [w.id, w.postcode]));
    const extra = [...new Set([...named.values()].flat())].filter((id) => !postcodes.has(id));
    for (const w of await repo.listWorkplacePostcodes(db, extra)) postcodes.set(w.id, w.postcode);

    // By end date, then by employer (contracts covering all the provider's workplaces) or set.
    const byEmployer = new Map<string, Figures>();
    if (providerWorkplaces.length) {
      const cells = ends.map((at) => ({ at, by: "employer" as const }));
      const grid = await computeGrid(
        db,
        providerWorkplaces.map((w) => w.id),
        cells,
        floors,
        names,
      );
      for (const cell of cells)
        for (const [g, figures] of grid.get(cellKey(cell)) ?? []) byEmployer.set(`${cell.at}|${g}`, figures);
    }
    const bySet = new Map<string, Figures>();
    for (const ids of new Map([...named.values()].map((ids) => [ids.join(","), ids])).values()) {
      const cells = ends.map((at) => ({ at, by: "all" as const }));
      const grid = await computeGrid(db, ids, cells, floors, names);
      for (const cell of cells) {
        const figures = grid.get(cellKey(cell))?.get("all");
        if (figures) bySet.set(`${cell.at}|${ids.join(",")}`, figures);
      }
    }

    for (const { period, t } of figureWork) {
      const end = periodBounds(period).end;
      const at = longDate(end);
      const done = doneIn(end);
      const ids =
        named.get(t.contract.id) ??
        providerWorkplaces.filter((w) => w.orgId === t.contract.providerId).map((w) => w.id);
      const figures = named.has(t.contract.id)
        ? bySet.get(`${end}|${ids.join(",")}`)
        : byEmployer.get(`${end}|${t.contract.providerId}`);
      const figure = FIGURE_OF[t.kind] as string;
      const f: Figure = figures?.[figure] ?? { value: null, n: 0 };
      const london = ids.length > 0 && ids.every((id) => LONDON.test(postcodes.get(id) ?? ""));
      const rlw = applicableRlw(floors, end, london);
      const rlwWords = rlw ? `the Real Living Wage of ${pounds(rlw.hourlyRate)}${london ? " (London)" : ""}` : "";
      const where = `${people(ids.length, "workplace", "workplaces")}`;
      const k = STANDARD_KINDS[t.kind];
      let value = f.value;
      let sentence: string;
      if (t.kind === "senior_margin")
        value = f.value !== null && rlw ? Math.round((f.value - rlw.hourlyRate) * 100) / 100 : null;
      if (value === null || f.n < k.minN) {
        sentence =
          t.kind === "senior_margin" && f.value !== null && !rlw
            ? `No Real Living Wage applied at ${at}, so there is no margin to measure.`
            : f.n === 0
              ? `No records behind this figure at ${at} (${where}): not enough data, which never counts as met.`
              : `Only ${people(f.n, "record", "records")} behind this figure at ${at} (${where}); at least ${k.minN} are needed, so there is not enough data, which never counts as met.`;
      } else {
        const v = value;
        switch (t.kind) {
          case "rlw_floor":
            sentence = `${percent(v)} of ${people(f.n, "care worker", "care workers")} with pay known paid below ${rlwWords} at ${at}.`;
            break;
          case "senior_margin":
            sentence = `Senior care workers' median pay of ${pounds(f.value as number)} an hour is ${pounds(v)} ${v >= 0 ? "above" : "below"} ${rlwWords} at ${at} (${people(f.n, "senior care worker", "senior care workers")} with pay known).`;
            break;
          case "zero_hours_max":
            sentence = `${percent(v)} of ${people(f.n, "member", "members")} of staff on zero-hours contracts at ${at}.`;
            break;
          case "turnover_max":
            sentence = `Turnover of ${percent(v)} in the 12 months to ${at}, of ${people(f.n, "directly employed member", "directly employed staff")}.`;
            break;
          case "vacancy_max":
            sentence = `A vacancy rate of ${percent(v)} at ${at}, of ${people(f.n, "post", "posts")} (staff plus open vacancies).`;
            break;
          case "training_min":
            sentence = `${percent(v)} of ${people(f.n, "required training item", "required training items")} valid at ${at}.`;
            break;
          default:
            sentence = `${percent(v)} of ${people(f.n, "care-providing member", "care-providing staff")} with the Care Certificate completed at ${at}.`;
        }
      }
      done(t, value, f.n, { figure, sentence, workplaces: ids.length });
    }
  }

  for (const w of work) {
    const { period } = w;
    const { start, end, label } = periodBounds(period);
    const at = longDate(end);
    const done = doneIn(end);
    const providerIdsOf = (kind: StandardKindKey) => [
      ...new Set(w.targets.filter((t) => t.kind === kind).map((t) => t.contract.providerId)),
    ];

    // Career framework endorsement.
    const careerTargets = w.targets.filter((t) => t.kind === "career_endorsed");
    if (careerTargets.length) {
      const ev = await repo.careerEvidence(db, councilId, providerIdsOf("career_endorsed"), endOfDay(end));
      for (const t of careerTargets) {
        if (!ev.published) {
          done(t, null, 0, {
            figure: "framework_endorsements",
            sentence: `The council had not published a career framework by ${at}, so there is nothing to endorse yet: not enough data.`,
          });
          continue;
        }
        const on = ev.endorsed.get(t.contract.providerId) as Date | undefined;
        done(t, on ? 1 : 0, 1, {
          figure: "framework_endorsements",
          sentence: on
            ? `Endorsed the council's career framework on ${longDate(on)}.`
            : `Had not endorsed the council's career framework (version ${ev.published.version}, published ${longDate(ev.published.publishedAt)}) by ${at}.`,
        });
      }
    }

    // Data returns on time and complete.
    const returnTargets = w.targets.filter((t) => t.kind === "returns_on_time");
    if (returnTargets.length) {
      const ev = await repo.returnEvidence(db, councilId, providerIdsOf("returns_on_time"), start, end);
      for (const t of returnTargets) {
        const p = ev.period;
        if (!p) {
          done(t, null, 0, {
            figure: "return_submissions",
            sentence: `No data return of the council ends in ${label}: not enough data.`,
          });
          continue;
        }
        const s = ev.submissions.get(t.contract.providerId) as { submittedAt: Date; score: number | null } | undefined;
        const name = `The data return "${p.name}" (due ${longDate(p.dueDate)})`;
        if (s && s.submittedAt.toISOString().slice(0, 10) <= p.dueDate) {
          const score = s.score ?? 0;
          done(t, score, 1, {
            figure: "return_submissions",
            sentence: `${name} was submitted on ${longDate(s.submittedAt)}, ${percent(score)} complete.`,
          });
        } else if (s) {
          done(t, 0, 1, {
            figure: "return_submissions",
            sentence: `${name} was submitted late, on ${longDate(s.submittedAt)}.`,
          });
        } else if (today > p.dueDate) {
          done(t, 0, 1, { figure: "return_submissions", sentence: `${name} was not submitted by its due date.` });
        } else {
          done(t, null, 0, {
            figure: "return_submissions",
            sentence: `${name} is not due yet and has not been submitted: not enough data until it is.`,
            provisional: true,
          });
        }
      }
    }

    // Paid travel, as declared in the confirmed contract-monitoring return.
    const travelTargets = w.targets.filter((t) => t.kind === "paid_travel");
    if (travelTargets.length) {
      const ev = await repo.travelEvidence(db, councilId, providerIdsOf("paid_travel"), period);
      for (const t of travelTargets) {
        const r = ev.get(t.contract.providerId);
        if (!r || typeof r.paidTravel !== "boolean") {
          done(t, null, 0, {
            figure: "monitoring_returns",
            sentence: `No contract-monitoring return for ${label} has been confirmed with a declaration on travel time: not enough data.`,
            provisional: true,
          });
          continue;
        }
        done(t, r.paidTravel ? 1 : 0, 1, {
          figure: "monitoring_returns",
          sentence: r.paidTravel
            ? `Declared travel time between visits paid in the contract-monitoring return confirmed on ${longDate(r.confirmedAt)}.`
            : `Declared travel time between visits not paid in the contract-monitoring return confirmed on ${longDate(r.confirmedAt)}.`,
        });
      }
    }
  }
  return out;
}
