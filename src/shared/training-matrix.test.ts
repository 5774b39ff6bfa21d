import { describe, expect, it } from "vitest";
import { bestRecord, matrixCell, requiredCategories } from "./training-matrix";

// The matrix rule case by case, on 15 June 2026.
const DAY = "2026-06-15";
const rec = (expiresOn: string | null, completedOn: string | null = "2025-06-01") => ({ completedOn, expiresOn });

describe("a training matrix cell", () => {
  it("is missing with no record", () => {
    expect(matrixCell([], DAY)).toEqual({ state: "missing", expiresOn: null, completedOn: null });
  });
  it("is valid when the record expires more than 60 days away", () => {
    expect(matrixCell([rec("2026-12-01")], DAY).state).toBe("valid");
  });
  it("is expiring at exactly 60 days, valid at 61", () => {
    expect(matrixCell([rec("2026-08-14")], DAY)).toMatchObject({ state: "expiring", expiresOn: "2026-08-14" });
    expect(matrixCell([rec("2026-08-15")], DAY).state).toBe("valid");
  });
  it("is expiring the day before expiry, and expired on the expiry day and after", () => {
    expect(matrixCell([rec("2026-06-16")], DAY).state).toBe("expiring");
    expect(matrixCell([rec("2026-06-15")], DAY).state).toBe("expired");
    expect(matrixCell([rec("2026-06-14")], DAY)).toMatchObject({ state: "expired", expiresOn: "2026-06-14" });
  });
  it("is valid for a record with no expiry", () => {
    expect(matrixCell([rec(null)], DAY)).toEqual({ state: "valid", expiresOn: null, completedOn: "2025-06-01" });
  });
  it("takes the best of two records: the later expiry, or none at all", () => {
    expect(matrixCell([rec("2026-06-01"), rec("2027-01-01")], DAY)).toMatchObject({
      state: "valid",
      expiresOn: "2027-01-01",
    });
    expect(matrixCell([rec("2027-01-01"), rec("2026-06-01")], DAY).expiresOn).toBe("2027-01-01");
    expect(bestRecord([rec("2027-01-01"), rec(null)], DAY)?.expiresOn).toBeNull();
    expect(matrixCell([rec("2026-07-01"), rec("2026-05-01")], DAY).state).toBe("expiring");
  });
  it("ignores a record completed after the day", () => {
    expect(matrixCell([rec("2027-06-30", "2026-07-01")], DAY).state).toBe("missing");
  });
});

describe("what a person must hold", () => {
  const required = [
    { category: 20, roles: null },
    { category: 13, roles: [8, 7] },
    { category: 11, roles: [22] },
  ];
  it("includes every-role requirements and those naming the person's role only", () => {
    expect(requiredCategories(required, 8)).toEqual([20, 13]);
    expect(requiredCategories(required, 22)).toEqual([20, 11]);
    expect(requiredCategories(required, 25)).toEqual([20]);
  });
  it("lists a category once when two requirements name it", () => {
    expect(requiredCategories([...required, { category: 20, roles: [8] }], 8)).toEqual([20, 13]);
  });
});
