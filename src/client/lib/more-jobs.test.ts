import { describe, expect, it } from "vitest";
import { jobsToOffer } from "./more-jobs";

const job = (id: string, title: string, employer = "Acme Care", place: string | null = "Runcorn") => ({
  id,
  title,
  employer,
  place,
});
const board = [
  job("this", "Care worker"),
  job("a", "Cook", "Bay Homes", "Widnes"),
  job("b", "Care worker", "Bay Homes", "Widnes"),
  job("c", "Registered nurse"),
  job("d", "Care worker", "Hill Care", "Runcorn"),
  job("e", "Activities worker", "Hill Care", null),
];
const ids = (r: { shown: { id: string }[] }) => r.shown.map((x) => x.id);

describe("the other jobs offered when applying", () => {
  it("offer a few, the same job title first, never the job being applied for", () => {
    const r = jobsToOffer(board, "this", "", [], 3);
    expect(ids(r)).toEqual(["b", "d", "a"]);
    expect(r).toMatchObject({ matching: 5, others: 5 });
  });

  it("find the rest by every word typed, in the title, employer or place", () => {
    expect(ids(jobsToOffer(board, "this", "hill", [], 3))).toEqual(["d", "e"]);
    expect(ids(jobsToOffer(board, "this", "care widnes", [], 3))).toEqual(["b"]);
    expect(jobsToOffer(board, "this", "nothing like it", [], 3).matching).toBe(0);
  });

  it("keep a ticked job on the page when a search would hide it", () => {
    const r = jobsToOffer(board, "this", "nurse", ["a"], 3);
    expect(ids(r)).toEqual(["a", "c"]);
    expect(r.matching).toBe(1);
  });
});
