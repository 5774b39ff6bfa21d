import { describe, expect, it } from "vitest";
import { type LdssInput, ldssClaim } from "./ldss";

// The LDSS claim rule case by case: each reason a booking is not claimable, each part with its
// amount, the day it opens and its deadline, and what is lost when.

const base: LdssInput = {
  course: { funding: "ldss", ldssKind: "course", ldssPence: 10_000 },
  jobRole: 8,
  startedOn: "2026-03-02",
  outcome: "completed",
  completedOn: "2026-03-03",
  repeat: false,
  leftOn: null,
  claimed: [],
  today: "2026-04-01",
};
const qual = (over: Partial<LdssInput> = {}): LdssInput => ({
  ...base,
  course: { funding: "ldss", ldssKind: "qualification", ldssPence: 154_000 },
  ...over,
});

describe("ldssClaim: who and what is not claimable", () => {
  it("a course the scheme does not fund", () => {
    for (const course of [
      { funding: "free_commissioned", ldssKind: "course", ldssPence: 10_000 },
      { funding: "ldss", ldssKind: null, ldssPence: 10_000 },
      { funding: "ldss", ldssKind: "course", ldssPence: null },
      { funding: "levy", ldssKind: null, ldssPence: null },
    ])
      expect(ldssClaim({ ...base, course })).toMatchObject({ eligible: false, reason: "not_ldss" });
  });
  it("registered nurses and other regulated professions", () => {
    for (const jobRole of [6, 15, 16, 17, 37])
      expect(ldssClaim({ ...base, jobRole })).toMatchObject({ eligible: false, reason: "regulated_role" });
    for (const jobRole of [7, 8, 4, 43, 52]) expect(ldssClaim({ ...base, jobRole }).eligible).toBe(true);
  });
  it("a repeat of a course already completed", () => {
    expect(ldssClaim({ ...base, repeat: true })).toMatchObject({ eligible: false, reason: "repeat" });
  });
  it("a course (100%) not completed: did not attend, or not marked yet", () => {
    expect(ldssClaim({ ...base, outcome: "did_not_attend" })).toMatchObject({
      eligible: false,
      reason: "not_completed",
    });
    expect(ldssClaim({ ...base, outcome: null, completedOn: null })).toMatchObject({
      eligible: false,
      reason: "not_completed",
    });
  });
});

describe("ldssClaim: training courses and Oliver McGowan at 100%", () => {
  it("100% from completion, due within 3 months", () => {
    for (const ldssKind of ["course", "ommt"]) {
      const r = ldssClaim({ ...base, course: { funding: "ldss", ldssKind, ldssPence: 10_000 } });
      expect(r).toEqual({
        eligible: true,
        kind: ldssKind,
        parts: [
          {
            part: "full",
            amountPence: 10_000,
            from: "2026-03-03",
            deadline: "2026-06-03",
            state: "claimable",
            note: "",
          },
        ],
      });
    }
  });
  it("the last day of the window is still in; the day after is out", () => {
    expect(ldssClaim({ ...base, today: "2026-06-03" }).parts[0].state).toBe("claimable");
    const late = ldssClaim({ ...base, today: "2026-06-04" }).parts[0];
    expect(late).toMatchObject({ state: "expired", note: "Outside the 3-month window to claim" });
  });
  it("a month-end completion's deadline is the shorter month's end", () => {
    expect(ldssClaim({ ...base, completedOn: "2026-11-30", today: "2026-12-01" }).parts[0].deadline).toBe("2027-02-28");
  });
  it("once marked claimed it is claimed, not claimable again", () => {
    expect(ldssClaim({ ...base, claimed: ["full"] }).parts[0].state).toBe("claimed");
  });
});

describe("ldssClaim: qualifications at 60% then 40%", () => {
  it("60% from the start and 40% from completion, each with its own 3-month deadline", () => {
    const r = ldssClaim(qual({ startedOn: "2026-01-10", completedOn: "2026-03-20", today: "2026-03-25" }));
    expect(r.parts).toEqual([
      { part: "first", amountPence: 92_400, from: "2026-01-10", deadline: "2026-04-10", state: "claimable", note: "" },
      { part: "final", amountPence: 61_600, from: "2026-03-20", deadline: "2026-06-20", state: "claimable", note: "" },
    ]);
  });
  it("the 60% is claimable while the learner is still on the course; the 40% waits for completion", () => {
    const r = ldssClaim(qual({ outcome: null, completedOn: null }));
    expect(r.parts.map((p) => [p.part, p.state])).toEqual([
      ["first", "claimable"],
      ["final", "not_yet"],
    ]);
  });
  it("the 40% is lost when the learner did not complete", () => {
    const r = ldssClaim(qual({ outcome: "did_not_attend", completedOn: "2026-03-03" }));
    expect(r.parts[1]).toMatchObject({ part: "final", state: "lost", note: "Lost: the learner did not complete" });
    expect(r.parts[0].state).toBe("claimable");
  });
  it("the 40% is lost when the learner left the employer before completing", () => {
    const r = ldssClaim(qual({ outcome: null, completedOn: null, leftOn: "2026-03-15" }));
    expect(r.parts[1]).toMatchObject({ state: "lost", note: "Lost: the learner left the employer before completing" });
    // Left after completing: the 40% stays.
    expect(ldssClaim(qual({ leftOn: "2026-03-20" })).parts[1].state).toBe("claimable");
  });
  it("completed but not passed (not yet competent) still pays the 40%", () => {
    expect(ldssClaim(qual({ outcome: "not_yet_competent" })).parts[1].state).toBe("claimable");
  });
  it("a start more than 3 months ago has lost its 60% window, the 40% has its own", () => {
    const r = ldssClaim(qual({ startedOn: "2025-11-01", completedOn: "2026-03-03", today: "2026-04-01" }));
    expect(r.parts.map((p) => p.state)).toEqual(["expired", "claimable"]);
  });
  it("amounts split in whole pence and add up to the published rate", () => {
    const r = ldssClaim(qual({ course: { funding: "ldss", ldssKind: "qualification", ldssPence: 12_345 } }));
    expect(r.parts.map((p) => p.amountPence)).toEqual([7_407, 4_938]);
  });
});
