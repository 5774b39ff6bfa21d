import { longDate } from "../../../shared/dates";
import { formatValue, HEADLINES, type Headline, ragOf } from "../../../shared/metrics";
import type { AttentionItem } from "../../../shared/schemas/metrics";
import type { Figures } from "./figure-types";

// What a dashboard opens with: the few things that need someone to act, each with the page that
// shows its detail. One module for the rules, so the council's dashboard, a provider's dashboard
// and a provider's home page say the same thing the same way.

/**
 * Data less complete than this is not to be trusted. The score is the mean completeness of the
 * fields ASC-WDS funding eligibility asks for (metrics.md); below 80%, one of those fields in five
 * is missing on average, and figures that rest on them (pay, qualifications, training) mislead.
 */
export const TRUSTED_COMPLETENESS = 0.8;

/** More providers than this with the same problem are named as one item, with the first few. */
const NAMED = 3;

/**
 * How far a figure must move the wrong way in a quarter to be worth a look: a rate by one
 * percentage point, money by 5%. Smaller moves are noise at the sizes councils have.
 */
const RATE_MOVE = 0.01;
const MONEY_MOVE = 0.05;

/** A figure as the subject of a sentence. */
const subject = (h: Headline) => (h.name === "agency_spend" ? "Agency spend over 12 months" : h.label);

const worse = (h: Headline, now: number, before: number) => {
  const rise = h.better === "lower" ? now - before : before - now;
  if (h.kind === "money") return before !== 0 && rise / Math.abs(before) >= MONEY_MOVE;
  return rise >= RATE_MOVE;
};

/**
 * Headline figures off target (red: missed by more than the amber band) or, when on or near
 * target or without one, moved the wrong way since a quarter ago. A figure withheld or without
 * data at either date says nothing.
 */
export function figuresNeedingAttention(input: {
  now: Figures;
  previous: Figures;
  previousAt: string;
  targets?: Record<string, number>;
}): AttentionItem[] {
  const items: AttentionItem[] = [];
  for (const h of HEADLINES) {
    if (!h.better) continue;
    const now = input.now[h.name]?.value ?? null;
    if (now === null) continue;
    const target = input.targets?.[h.name];
    if (target !== undefined && ragOf(now, target, h.better) === "red") {
      items.push({
        kind: "off_target",
        figure: h.name,
        text: `${subject(h)} is ${formatValue(now, h.kind)}, off its target of ${formatValue(target, h.kind)}.`,
      });
      continue;
    }
    const before = input.previous[h.name]?.value ?? null;
    if (before !== null && worse(h, now, before))
      items.push({
        kind: "wrong_way",
        figure: h.name,
        text: `${subject(h)} ${now > before ? "rose" : "fell"} from ${formatValue(before, h.kind)} to ${formatValue(now, h.kind)} since ${longDate(input.previousAt)}.`,
      });
  }
  return items;
}

const workers = (n: number) => (n === 1 ? "1 worker" : `${n.toLocaleString("en-GB")} workers`);

/** "A, B, C and 2 more". */
function namesOf(names: string[]) {
  if (names.length <= NAMED) return names.join(", ").replace(/, ([^,]*)$/, " and $1");
  return `${names.slice(0, NAMED).join(", ")} and ${names.length - NAMED} more`;
}

/**
 * Providers whose records pay someone below the legal minimum for their age, and those whose data
 * is too incomplete to trust: each provider named with its own link, or, when more than a few
 * share the problem, one item naming the first few (the breakdown by provider is the detail).
 */
export function providersNeedingAttention(rows: { key: string; label: string; figures: Figures }[]): AttentionItem[] {
  const below = rows
    .map((r) => ({ r, n: r.figures.below_nlw_count?.value ?? null }))
    .filter((x): x is { r: (typeof rows)[number]; n: number } => x.n !== null && x.n > 0);
  const incomplete = rows
    .map((r) => ({ r, score: r.figures.completeness_score?.value ?? null }))
    .filter(
      (x): x is { r: (typeof rows)[number]; score: number } => x.score !== null && x.score < TRUSTED_COMPLETENESS,
    );
  const items: AttentionItem[] = [];
  if (below.length > NAMED) {
    const total = below.reduce((sum, x) => sum + x.n, 0);
    items.push({
      kind: "below_nlw",
      text: `${below.length} providers record ${workers(total)} paid below the National Living Wage or the minimum for their age: ${namesOf(below.map((x) => x.r.label))}.`,
    });
  } else
    for (const { r, n } of below)
      items.push({
        kind: "below_nlw",
        providerId: r.key,
        text: `${r.label} records ${workers(n)} paid below the National Living Wage or the minimum for their age.`,
      });
  if (incomplete.length > NAMED)
    items.push({
      kind: "incomplete_data",
      text: `${incomplete.length} providers' data is less than ${formatValue(TRUSTED_COMPLETENESS, "rate")} complete, too little to trust their figures: ${namesOf(incomplete.map((x) => x.r.label))}.`,
    });
  else
    for (const { r, score } of incomplete)
      items.push({
        kind: "incomplete_data",
        providerId: r.key,
        text: `${r.label}'s data is ${formatValue(score, "rate")} complete: its figures are not to be trusted until it is at least ${formatValue(TRUSTED_COMPLETENESS, "rate")}.`,
      });
  return items;
}

/** The providers late with the council's latest return that is past its due date. */
export function lateReturnItems(
  overdue: { period: { id: string; name: string; dueDate: string }; providers: { id: string; name: string }[] } | null,
): AttentionItem[] {
  if (!overdue?.providers.length) return [];
  const { period, providers } = overdue;
  const names = namesOf(providers.map((p) => p.name));
  return [
    {
      kind: "return_late",
      periodId: period.id,
      text: `${providers.length === 1 ? "1 provider has" : `${providers.length} providers have`} not sent the return "${period.name}", due ${longDate(period.dueDate)}: ${names}.`,
    },
  ];
}

/** A provider's own returns: late ones, and those due within four weeks, not yet submitted. */
export function ownReturnItems(
  returns: {
    period: { id: string; name: string; dueDate: string };
    council: string;
    status: string;
    submittedAt: Date | string | null;
  }[],
  today: string,
  soon: string,
): AttentionItem[] {
  const items: AttentionItem[] = [];
  for (const r of returns) {
    // "late" is also a return sent after its due date: sent is done.
    if (r.submittedAt) continue;
    if (r.period.dueDate < today)
      items.push({
        kind: "return_late",
        periodId: r.period.id,
        text: `Your return "${r.period.name}" to ${r.council} was due on ${longDate(r.period.dueDate)}: send it now.`,
      });
    else if (r.period.dueDate <= soon)
      items.push({
        kind: "return_due",
        periodId: r.period.id,
        text: `Your return "${r.period.name}" to ${r.council} is due on ${longDate(r.period.dueDate)}.`,
      });
  }
  return items;
}

/** A provider's own pay below the legal minimum and incomplete data. */
export function ownDataItems(now: Figures): AttentionItem[] {
  const items: AttentionItem[] = [];
  const below = now.below_nlw_count?.value ?? null;
  if (below !== null && below > 0)
    items.push({
      kind: "below_nlw",
      text: `${workers(below)} ${below === 1 ? "is" : "are"} recorded as paid below the National Living Wage or the minimum for their age. Check the pay recorded: if it is right, it breaks the law.`,
    });
  const score = now.completeness_score?.value ?? null;
  if (score !== null && score < TRUSTED_COMPLETENESS)
    items.push({
      kind: "incomplete_data",
      text: `Your data is ${formatValue(score, "rate")} complete. Fill in the missing details so your figures can be trusted (at least ${formatValue(TRUSTED_COMPLETENESS, "rate")}).`,
    });
  return items;
}

const pounds = (n: number) => `£${n.toFixed(2)}`;

/** "A, B and C", or "A, B, C and 2 more", whatever commas the names hold. */
function listOf(names: string[]) {
  if (names.length > NAMED) return `${names.slice(0, NAMED).join(", ")} and ${names.length - NAMED} more`;
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * A council's commissioning (issue 19): providers not meeting a standard of their contracts in the
 * last ended quarter (each named, or one item naming the first few), challenges to results awaiting
 * its decision, Quality Premium schedules awaiting approval for that quarter, and home care prices
 * and fee rates per contact hour below the minimum price floor.
 */
export function commissioningItems(input: {
  period: string;
  periodLabel: string;
  notMeeting: { id: string; name: string; standards: string[] }[];
  challenges: { providerName: string }[];
  schemes: { id: string; name: string }[];
  belowFloor: {
    year: string;
    floor: number | null;
    prices: { providerName: string; reference: string; band: string; price: number }[];
    feeRates: { band: string; rate: number }[];
  };
}): AttentionItem[] {
  const items: AttentionItem[] = [];
  const { notMeeting, challenges, schemes, belowFloor, periodLabel } = input;
  const standards = (n: number) => (n === 1 ? "a standard" : `${n} standards`);
  if (notMeeting.length > NAMED)
    items.push({
      kind: "standard_not_met",
      text: `${notMeeting.length} providers did not meet a standard of their contracts in ${periodLabel}: ${listOf(notMeeting.map((p) => p.name))}.`,
    });
  else
    for (const p of notMeeting)
      items.push({
        kind: "standard_not_met",
        providerId: p.id,
        text: `${p.name} did not meet ${standards(p.standards.length)} of its contracts in ${periodLabel}: ${listOf(p.standards)}.`,
      });
  if (challenges.length) {
    const from = listOf([...new Set(challenges.map((c) => c.providerName))]);
    items.push({
      kind: "challenge_open",
      text: `${challenges.length === 1 ? "1 challenge to a compliance result awaits" : `${challenges.length} challenges to compliance results await`} your decision, from ${from}.`,
    });
  }
  for (const s of schemes)
    items.push({
      kind: "qpp_approval",
      text: `The Quality Premium schedule of "${s.name}" for ${periodLabel} awaits approval.`,
    });
  if (belowFloor.floor !== null) {
    const floor = `the price floor of ${pounds(belowFloor.floor)} per contact hour for ${belowFloor.year}`;
    const { prices, feeRates } = belowFloor;
    if (prices.length)
      items.push({
        kind: "below_price_floor",
        text: `${prices.length === 1 ? "1 home care price in a contract is" : `${prices.length} home care prices in contracts are`} below ${floor}: ${listOf(prices.map((p) => `${p.providerName} (${p.reference}, ${p.band}, ${pounds(p.price)})`))}.`,
      });
    if (feeRates.length)
      items.push({
        kind: "below_price_floor",
        text: `${feeRates.length === 1 ? "1 of your home care fee rates is" : `${feeRates.length} of your home care fee rates are`} below ${floor}: ${listOf(feeRates.map((f) => `${f.band} (${pounds(f.rate)})`))}.`,
      });
  }
  return items;
}

/**
 * A provider's own contracts (issue 19): each contract with a standard not met in the last ended
 * quarter (after any accepted challenge), naming the council and the standards.
 */
export function ownContractItems(
  rows: { councilName: string; contractId: string; reference: string; standardName: string }[],
  periodLabel: string,
): AttentionItem[] {
  const byContract = new Map<string, { council: string; reference: string; standards: string[] }>();
  for (const r of rows) {
    const c = byContract.get(r.contractId) ?? { council: r.councilName, reference: r.reference, standards: [] };
    if (!c.standards.includes(r.standardName)) c.standards.push(r.standardName);
    byContract.set(r.contractId, c);
  }
  return [...byContract.values()].map((c) => ({
    kind: "standard_not_met" as const,
    text: `Your contract ${c.reference} with ${c.council} did not meet ${c.standards.length === 1 ? "a standard" : `${c.standards.length} standards`} in ${periodLabel}: ${listOf(c.standards)}. See what to fix, or challenge the result.`,
  }));
}
