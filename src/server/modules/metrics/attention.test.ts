import { describe, expect, it } from "vitest";
import {
  figuresNeedingAttention,
  lateReturnItems,
  ownDataItems,
  ownReturnItems,
  providersNeedingAttention,
  TRUSTED_COMPLETENESS,
} from "./attention";
import type { Figures } from "./figure-types";

const f = (values: Record<string, number | null>): Figures =>
  Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      v === null ? { value: null, reason: "no_data", n: 0 } : { value: v, n: 100 },
    ]),
  );

describe("what needs attention: figures", () => {
  const previousAt = "2026-09-04";
  it("names a figure off target (red) with its value and target, in words", () => {
    const items = figuresNeedingAttention({
      now: f({ vacancy_rate: 0.143 }),
      previous: f({ vacancy_rate: 0.143 }),
      previousAt,
      targets: { vacancy_rate: 0.09 },
    });
    expect(items).toEqual([
      { kind: "off_target", figure: "vacancy_rate", text: "Vacancy rate is 14.3%, off its target of 9.0%." },
    ]);
  });
  it("says nothing of a figure on target or near it (amber) that has not moved the wrong way", () => {
    const on = figuresNeedingAttention({
      now: f({ vacancy_rate: 0.09 }),
      previous: f({ vacancy_rate: 0.095 }),
      previousAt,
      targets: { vacancy_rate: 0.09 },
    });
    const near = figuresNeedingAttention({
      now: f({ vacancy_rate: 0.098 }),
      previous: f({ vacancy_rate: 0.098 }),
      previousAt,
      targets: { vacancy_rate: 0.09 },
    });
    expect(on).toEqual([]);
    expect(near).toEqual([]);
  });
  it("names a figure moved the wrong way by a percentage point or more since a quarter ago, whichever way is worse", () => {
    const items = figuresNeedingAttention({
      now: f({ turnover_rate: 0.31, training_compliance: 0.7, stability_index: 0.795, vacancy_rate: 0.08 }),
      previous: f({ turnover_rate: 0.28, training_compliance: 0.75, stability_index: 0.8, vacancy_rate: 0.1 }),
      previousAt,
    });
    expect(items).toEqual([
      {
        kind: "wrong_way",
        figure: "turnover_rate",
        text: "Turnover rate rose from 28.0% to 31.0% since 4 September 2026.",
      },
      {
        kind: "wrong_way",
        figure: "training_compliance",
        text: "Mandatory training in date fell from 75.0% to 70.0% since 4 September 2026.",
      },
    ]);
  });
  it("takes money by 5% or more, and ignores figures with no better direction, withheld figures and no data", () => {
    const items = figuresNeedingAttention({
      now: f({ agency_spend: 105_000, filled_posts: 10, age_55_plus_share: 0.5, vacancy_rate: null }),
      previous: f({ agency_spend: 100_000, filled_posts: 100, age_55_plus_share: 0.2, vacancy_rate: 0.01 }),
      previousAt,
      targets: { vacancy_rate: 0.001 },
    });
    expect(items.map((i) => i.figure)).toEqual(["agency_spend"]);
    const small = figuresNeedingAttention({
      now: f({ agency_spend: 104_000 }),
      previous: f({ agency_spend: 100_000 }),
      previousAt,
    });
    expect(small).toEqual([]);
    const suppressed = figuresNeedingAttention({
      now: { turnover_rate: { value: null, reason: "suppressed", n: 0 } },
      previous: f({ turnover_rate: 0.1 }),
      previousAt,
    });
    expect(suppressed).toEqual([]);
  });
});

describe("what needs attention: providers", () => {
  it("names providers paying below the legal minimum and those whose data is under 80% complete, with their ids", () => {
    const items = providersNeedingAttention([
      { key: "a", label: "Oak Care", figures: f({ below_nlw_count: 3, completeness_score: 0.95 }) },
      { key: "b", label: "Ash Homes", figures: f({ below_nlw_count: 0, completeness_score: 0.62 }) },
      { key: "c", label: "Elm Lodge", figures: f({ below_nlw_count: 1, completeness_score: TRUSTED_COMPLETENESS }) },
      { key: "d", label: "Yew House", figures: f({ below_nlw_count: null, completeness_score: null }) },
    ]);
    expect(items).toEqual([
      {
        kind: "below_nlw",
        providerId: "a",
        text: "Oak Care records 3 workers paid below the National Living Wage or the minimum for their age.",
      },
      {
        kind: "below_nlw",
        providerId: "c",
        text: "Elm Lodge records 1 worker paid below the National Living Wage or the minimum for their age.",
      },
      {
        kind: "incomplete_data",
        providerId: "b",
        text: "Ash Homes's data is 62.0% complete: its figures are not to be trusted until it is at least 80.0%.",
      },
    ]);
  });
  it("names more than three providers with the same problem as one item, the first three by name", () => {
    const rows = ["A", "B", "C", "D", "E"].map((n, i) => ({
      key: n,
      label: n,
      figures: f({ below_nlw_count: i + 1, completeness_score: 0.5 }),
    }));
    expect(providersNeedingAttention(rows)).toEqual([
      {
        kind: "below_nlw",
        text: "5 providers record 15 workers paid below the National Living Wage or the minimum for their age: A, B, C and 2 more.",
      },
      {
        kind: "incomplete_data",
        text: "5 providers' data is less than 80.0% complete, too little to trust their figures: A, B, C and 2 more.",
      },
    ]);
    expect(providersNeedingAttention(rows.slice(0, 3)).filter((i) => i.kind === "below_nlw")).toHaveLength(3);
  });
  it("names the providers late with the latest overdue return, four at most by name", () => {
    const period = { id: "p1", name: "Quarter to 30 September 2026", dueDate: "2026-10-31" };
    expect(lateReturnItems(null)).toEqual([]);
    expect(lateReturnItems({ period, providers: [] })).toEqual([]);
    expect(lateReturnItems({ period, providers: [{ id: "a", name: "Oak Care" }] })).toEqual([
      {
        kind: "return_late",
        periodId: "p1",
        text: '1 provider has not sent the return "Quarter to 30 September 2026", due 31 October 2026: Oak Care.',
      },
    ]);
    const five = ["A", "B", "C", "D", "E"].map((n) => ({ id: n, name: n }));
    expect(lateReturnItems({ period, providers: five })[0].text).toBe(
      '5 providers have not sent the return "Quarter to 30 September 2026", due 31 October 2026: A, B, C and 2 more.',
    );
  });
});

describe("what a provider must do next", () => {
  const ret = (id: string, dueDate: string, status: string, submittedAt: string | null = null) => ({
    period: { id, name: `Return ${id}`, dueDate },
    council: "Halton Council",
    status,
    submittedAt,
  });
  it("sends late returns now, and those due within four weeks soon; submitted and distant ones say nothing", () => {
    const items = ownReturnItems(
      [
        ret("late", "2026-11-30", "late"),
        ret("soon", "2026-12-20", "in_progress"),
        ret("far", "2027-03-31", "not_started"),
        ret("done", "2026-11-30", "submitted", "2026-11-20T10:00:00Z"),
        // Sent after its due date: "late", and done.
        ret("sent-late", "2026-11-30", "late", "2026-12-02T10:00:00Z"),
      ],
      "2026-12-04",
      "2027-01-01",
    );
    expect(items).toEqual([
      {
        kind: "return_late",
        periodId: "late",
        text: 'Your return "Return late" to Halton Council was due on 30 November 2026: send it now.',
      },
      {
        kind: "return_due",
        periodId: "soon",
        text: 'Your return "Return soon" to Halton Council is due on 20 December 2026.',
      },
    ]);
  });
  it("flags its own pay below the legal minimum and data under 80% complete", () => {
    expect(ownDataItems(f({ below_nlw_count: 2, completeness_score: 0.79 })).map((i) => i.kind)).toEqual([
      "below_nlw",
      "incomplete_data",
    ]);
    expect(ownDataItems(f({ below_nlw_count: 0, completeness_score: 0.95 }))).toEqual([]);
  });
});
