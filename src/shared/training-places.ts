// Fair places on a training session (issue 18 item 2): the one rule for how many places an
// employer may book now. The server refuses bookings by it and pages show free places by it.
//
// A session shares its capacity one of three ways. "open": first come, first served. "quota":
// the hub team holds a number of places for named providers. "by_size": quotas in proportion to
// each provider's staff (quotasBySize). Places not held for anyone are open to all. Held places
// are kept for their provider until the session's release time; after it every free place is
// open to everyone, so no place goes unused because its holder did not need it.

export type SessionPlaces = {
  capacity: number;
  allocation: "open" | "quota" | "by_size";
  releaseAt: Date | null;
  /** Places held per employer (organisation id). */
  quotas: ReadonlyMap<string, number>;
  /** Places each employer holds now: bookings booked, and freed places offered to it from the waiting list. */
  taken: ReadonlyMap<string, number>;
};

export type Availability = {
  /** Places left on the session for anyone. */
  freeTotal: number;
  /** Places this employer may book now. */
  freeForOrg: number;
  /** Of those, places held for this employer (its quota not yet used). */
  heldForOrg: number;
  /** Whether held places have been released to everyone. */
  released: boolean;
};

const sum = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

export function availability(s: SessionPlaces, orgId: string, now: Date): Availability {
  const freeTotal = Math.max(0, s.capacity - sum(s.taken));
  const released = s.allocation === "open" || (s.releaseAt !== null && now.getTime() >= s.releaseAt.getTime());
  if (released) return { freeTotal, freeForOrg: freeTotal, heldForOrg: 0, released };
  const quota = (org: string) => s.quotas.get(org) ?? 0;
  const heldForOrg = Math.max(0, quota(orgId) - (s.taken.get(orgId) ?? 0));
  // Places no quota holds, less those already taken by employers beyond their own quota.
  const unheld = Math.max(0, s.capacity - sum(s.quotas));
  let takenBeyondQuota = 0;
  for (const [org, n] of s.taken) takenBeyondQuota += Math.max(0, n - quota(org));
  const openLeft = Math.max(0, unheld - takenBeyondQuota);
  return { freeTotal, freeForOrg: Math.min(freeTotal, heldForOrg + openLeft), heldForOrg, released };
}

/**
 * Quotas in proportion to providers' staff (largest remainder, ties to the smaller provider so
 * rounding favours small employers). A provider whose share rounds to nothing holds no place but
 * books from the places left open, like anyone once places are released.
 */
export function quotasBySize(capacity: number, staff: ReadonlyMap<string, number>): Map<string, number> {
  const total = sum(staff);
  const out = new Map<string, number>();
  if (total === 0 || capacity <= 0) return out;
  const shares = [...staff].map(([org, n]) => ({ org, n, exact: (capacity * n) / total }));
  let given = 0;
  for (const s of shares) {
    const whole = Math.floor(s.exact);
    out.set(s.org, whole);
    given += whole;
  }
  const byRemainder = [...shares].sort(
    (a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.n - b.n,
  );
  for (const s of byRemainder) {
    if (given >= capacity) break;
    out.set(s.org, (out.get(s.org) ?? 0) + 1);
    given += 1;
  }
  for (const [org, n] of out) if (n === 0) out.delete(org);
  return out;
}
