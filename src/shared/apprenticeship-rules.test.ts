import { describe, expect, it } from "vitest";
import {
  addMonths,
  allowanceTracker,
  checkApprenticeshipStart,
  minimumMonths,
  pledgeFits,
  pledgeLeftPence,
  type StartCheck,
  transferAllowancePence,
} from "./apprenticeship-rules";

const ok: StartCheck = {
  staff: { startDate: "2024-01-01", endDate: null },
  standard: "ST0005",
  knownStandards: ["ST0005", "ST0006", "ST0008"],
  startOn: "2026-06-01",
  plannedEndOn: "2027-02-01",
  pricePence: 400_000,
  funding: "co_investment",
  levyRequest: null,
  staffRecordId: "s1",
};
const paths = (s: Partial<StartCheck>) => checkApprenticeshipStart({ ...ok, ...s }).map((i) => i.path);

describe("an apprenticeship start, case by case", () => {
  it("a good start has no issues", () => expect(checkApprenticeshipStart(ok)).toEqual([]));
  it("the staff record must be the employer's and in post on the start day", () => {
    expect(paths({ staff: null })).toEqual(["staffRecordId"]);
    expect(paths({ staff: { startDate: "2026-07-01", endDate: null } })).toEqual(["startOn"]);
    expect(paths({ staff: { startDate: "2024-01-01", endDate: "2026-06-01" } })).toEqual(["startOn"]);
    expect(paths({ staff: { startDate: "2024-01-01", endDate: "2026-06-02" } })).toEqual([]);
  });
  it("the standard is ST and four digits, one the framework lists", () => {
    expect(paths({ standard: "0005" })).toEqual(["standard"]);
    expect(paths({ standard: "ST0007" })).toEqual(["standard"]);
    expect(paths({ standard: "ST0007", knownStandards: [] })).toEqual([]);
  });
  it("8 months at least for starts from 1 August 2025, 12 before", () => {
    expect(minimumMonths("2025-07-31")).toBe(12);
    expect(minimumMonths("2025-08-01")).toBe(8);
    expect(paths({ plannedEndOn: "2027-01-31" })).toEqual(["plannedEndOn"]);
    expect(paths({ startOn: "2025-07-01", plannedEndOn: "2026-03-01" })).toEqual(["plannedEndOn"]);
    expect(paths({ startOn: "2025-07-01", plannedEndOn: "2026-07-01" })).toEqual([]);
    expect(checkApprenticeshipStart({ ...ok, plannedEndOn: "2027-01-31" })[0].message).toContain("at least 8 months");
  });
  it("the price may not pass the standard's funding band", () => {
    expect(paths({ pricePence: 400_001 })).toEqual(["pricePence"]);
    expect(paths({ standard: "ST0008", pricePence: 700_000 })).toEqual([]);
  });
  it("a transfer needs an approved request of this employer for this standard, naming the person, with room", () => {
    const req = { status: "approved", standard: "ST0005", staffRecordIds: ["s1"], leftPence: 400_000 };
    expect(paths({ funding: "transfer", levyRequest: req })).toEqual([]);
    expect(paths({ funding: "transfer", levyRequest: null })).toEqual(["levyRequestId"]);
    expect(paths({ funding: "transfer", levyRequest: { ...req, status: "pending" } })).toEqual(["levyRequestId"]);
    expect(paths({ funding: "transfer", levyRequest: { ...req, standard: "ST0006" } })).toEqual(["levyRequestId"]);
    expect(paths({ funding: "transfer", levyRequest: { ...req, staffRecordIds: ["s2"] } })).toEqual(["levyRequestId"]);
    expect(paths({ funding: "transfer", levyRequest: { ...req, leftPence: 399_999 } })).toEqual(["pricePence"]);
    expect(paths({ funding: "levy", levyRequest: req })).toEqual(["levyRequestId"]);
  });
  it("adds months, clamped to the month's end", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2025-11-15", 3)).toBe("2026-02-15");
  });
});

describe("the transfer allowance", () => {
  it("is half of the previous year's levy", () => {
    expect(transferAllowancePence(25_000_000)).toBe(12_500_000);
  });
  it("a pledge fits while it and the other open pledges stay within it", () => {
    expect(pledgeFits(25_000_000, 0, 6_000_000)).toEqual({ ok: true, allowance: 12_500_000, left: 12_500_000 });
    expect(pledgeFits(25_000_000, 6_000_000, 6_500_000)).toMatchObject({ ok: true, left: 6_500_000 });
    expect(pledgeFits(25_000_000, 6_000_000, 6_500_001)).toMatchObject({ ok: false, left: 6_500_000 });
    expect(pledgeFits(25_000_000, 13_000_000, 1)).toMatchObject({ ok: false, left: 0 });
  });
  it("what is left of a pledge to approve, and the tracker over several pledges", () => {
    expect(pledgeLeftPence(6_000_000, 4_000_000)).toBe(2_000_000);
    expect(pledgeLeftPence(6_000_000, 6_000_000)).toBe(0);
    expect(
      allowanceTracker(25_000_000, [
        { amountPence: 6_000_000, approvedPence: 1_200_000 },
        { amountPence: 2_000_000, approvedPence: 0 },
      ]),
    ).toEqual({
      allowancePence: 12_500_000,
      pledgedPence: 8_000_000,
      approvedPence: 1_200_000,
      leftInPledgesPence: 6_800_000,
      remainingPence: 4_500_000,
    });
  });
});
