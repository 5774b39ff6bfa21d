import { describe, expect, it } from "vitest";
import { availability, quotasBySize, type SessionPlaces } from "./training-places";

const now = new Date("2026-06-15T09:00:00Z");
const before = new Date("2026-06-20T09:00:00Z");
const after = new Date("2026-06-10T09:00:00Z");
const session = (over: Partial<SessionPlaces>): SessionPlaces => ({
  capacity: 10,
  allocation: "quota",
  releaseAt: before,
  quotas: new Map([
    ["small", 2],
    ["large", 5],
  ]),
  taken: new Map(),
  ...over,
});

describe("places an employer may book on a session", () => {
  it("open sessions: every free place to anyone", () => {
    const a = availability(session({ allocation: "open", taken: new Map([["large", 7]]) }), "small", now);
    expect(a).toEqual({ freeTotal: 3, freeForOrg: 3, heldForOrg: 0, released: true });
  });

  it("before release: a provider's own quota plus the places no quota holds", () => {
    // 10 places: 2 held for small, 5 for large, 3 open to all.
    expect(availability(session({}), "small", now).freeForOrg).toBe(5);
    expect(availability(session({}), "large", now).freeForOrg).toBe(8);
    expect(availability(session({}), "other", now).freeForOrg).toBe(3);
  });

  it("a large provider that used its quota and the open places cannot take the small provider's", () => {
    const s = session({ taken: new Map([["large", 8]]) });
    expect(availability(s, "large", now)).toMatchObject({ freeTotal: 2, freeForOrg: 0 });
    expect(availability(s, "small", now)).toMatchObject({ freeForOrg: 2, heldForOrg: 2 });
    expect(availability(s, "other", now).freeForOrg).toBe(0);
  });

  it("places taken beyond one provider's quota come out of the open places for everyone", () => {
    const s = session({ taken: new Map([["other", 2]]) });
    expect(availability(s, "small", now).freeForOrg).toBe(3); // 2 held + 1 open left
    expect(availability(s, "other", now).freeForOrg).toBe(1);
  });

  it("after the release time every free place is open, held or not", () => {
    const s = session({ releaseAt: after, taken: new Map([["large", 8]]) });
    expect(availability(s, "large", now)).toEqual({ freeTotal: 2, freeForOrg: 2, heldForOrg: 0, released: true });
  });

  it("a full session has no place for anyone, whatever its quotas", () => {
    const s = session({
      taken: new Map([
        ["small", 2],
        ["large", 5],
        ["other", 3],
      ]),
    });
    for (const org of ["small", "large", "other"]) expect(availability(s, org, now).freeForOrg).toBe(0);
  });

  it("with no release time held places stay held until the session", () => {
    const s = session({ releaseAt: null, taken: new Map([["large", 8]]) });
    expect(availability(s, "large", now).freeForOrg).toBe(0);
  });
});

describe("quotas by size", () => {
  it("shares places in proportion to staff and gives every place out", () => {
    const q = quotasBySize(
      12,
      new Map([
        ["a", 100],
        ["b", 50],
        ["c", 30],
      ]),
    );
    expect([...q.values()].reduce((x, y) => x + y, 0)).toBe(12);
    expect(q.get("a")).toBeGreaterThan(q.get("b") as number);
    expect(q.get("b")).toBeGreaterThan(q.get("c") as number);
  });

  it("places left after whole shares go to the largest remainders, a tie to the smaller provider", () => {
    // 3 places over 30 and 10 staff: exact 2.25 and 0.75 -> 2 and 1.
    expect(
      quotasBySize(
        3,
        new Map([
          ["big", 30],
          ["small", 10],
        ]),
      ),
    ).toEqual(
      new Map([
        ["big", 2],
        ["small", 1],
      ]),
    );
    // 1 place over two equal-remainder shares: the smaller gets it.
    expect(
      quotasBySize(
        1,
        new Map([
          ["big", 20],
          ["small", 20],
        ]),
      ).size,
    ).toBe(1);
  });

  it("providers whose share rounds to nothing hold no place", () => {
    const q = quotasBySize(
      2,
      new Map([
        ["a", 100],
        ["b", 100],
        ["c", 1],
      ]),
    );
    expect(q.has("c")).toBe(false);
  });

  it("no staff or no places: no quotas", () => {
    expect(quotasBySize(10, new Map()).size).toBe(0);
    expect(quotasBySize(0, new Map([["a", 5]])).size).toBe(0);
  });
});
