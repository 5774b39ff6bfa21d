import { describe, expect, it } from "vitest";
import { makeOrg, testHub, uniq } from "../../../../test/harness";
import { staffRecords, workplaces } from "../../db/schema";
import { listPayFloors } from "../reference/reference.repo";
import { bands, distributionsFor, MAX_PAY_BANDS } from "./distributions";

const hub = await testHub();
const D = "2026-06-30";

type Person = {
  contract?: number;
  role?: number;
  dob?: string;
  gender?: number;
  start?: string;
  end?: string;
  reason?: number;
  key?: string;
  pay?: [interval: number, rate: number, hours?: number];
};
async function workplace(orgId: string, postcode = "WA7 1AA") {
  const [w] = await hub.deps.db
    .insert(workplaces)
    .values({ orgId, localRef: `W${uniq()}`, name: "Home", mainService: 2, postcode })
    .returning();
  return w;
}
async function staff(w: { id: string; orgId: string }, people: Person[]) {
  await hub.deps.db.insert(staffRecords).values(
    people.map((p, i) => ({
      orgId: w.orgId,
      workplaceId: w.id,
      localRef: `P${uniq()}${i}`,
      displayId: `P${i}`,
      contractType: p.contract ?? 1,
      mainJobRole: p.role ?? 8,
      startDate: p.start ?? "2020-01-01",
      endDate: p.end ?? null,
      leavingReason: p.reason ?? null,
      dateOfBirth: p.dob ?? null,
      gender: p.gender ?? null,
      personKey: p.key ?? null,
      payInterval: p.pay?.[0] ?? null,
      payRate: p.pay?.[1] ?? null,
      contractedHours: p.pay?.[2] ?? null,
    })),
  );
}

describe("the distributions behind the charts", () => {
  it("counts the workforce by age band and gender, pay in 50p bands with the pay floors, and leavers by reason and where they went", async () => {
    const a = await makeOrg(hub, "provider");
    const b = await makeOrg(hub, "provider");
    const wa = await workplace(a.id);
    const wb = await workplace(b.id);
    await staff(wa, [
      { dob: "2006-07-01", gender: 2, pay: [3, 12.49] }, // 19 on D: under 20
      { dob: "2006-06-30", gender: 1, pay: [3, 12.5] }, // 20 on D (birthday)
      { dob: "1961-01-01", gender: 4, pay: [3, 12.99] }, // 65: 65 and over
      { dob: "1990-01-01", gender: 2, pay: [1, 25350, 37.5] }, // £25,350 a year for 37.5 hours: £12.96 an hour
      { dob: "2009-01-01", gender: 2, pay: [3, 8] }, // 17: not in the pay chart (the RLW is for 18 and over)
      { dob: "1985-05-05", gender: 2, role: 22, pay: [3, 30] }, // not a care-providing role: not in the pay chart
      { dob: "1980-01-01", gender: 2, contract: 4, pay: [3, 20] }, // agency: not in the workforce
      { gender: 2, pay: [3, 13.0] }, // no date of birth: not in the pyramid, in the pay chart
      { dob: "1970-01-01", gender: 2, end: "2026-03-01", reason: 1, key: "moved-locally" }, // left, then joined B
      { dob: "1970-01-01", gender: 2, end: "2026-02-01", reason: 2 }, // to the NHS
      { dob: "1970-01-01", gender: 2, end: "2026-01-01", reason: 6 }, // retired
      { dob: "1970-01-01", gender: 2, end: "2026-01-01" }, // no reason recorded
      { dob: "1970-01-01", gender: 2, end: "2025-06-30", reason: 6 }, // left before the 12 months
      { contract: 3, end: "2026-01-01", reason: 6 }, // bank staff are not leavers
    ]);
    await staff(wb, [{ dob: "1970-01-01", gender: 2, start: "2026-03-15", key: "moved-locally", pay: [3, 13.2] }]);

    const d = await distributionsFor(hub.deps.db, [wa.id, wb.id], D, await listPayFloors(hub.deps.db));
    const band = (name: string) => d.agePyramid.find((x) => x.band === name);
    expect(band("Under 20")).toEqual({ band: "Under 20", female: 2, male: 0, other: 0 }); // 19 and 17
    expect(band("20 to 24")).toEqual({ band: "20 to 24", female: 0, male: 1, other: 0 });
    expect(band("65 and over")).toEqual({ band: "65 and over", female: 0, male: 0, other: 1 });
    expect(band("55 to 59")).toEqual({ band: "55 to 59", female: 1, male: 0, other: 0 }); // the one who moved to B
    expect(d.agePyramid.reduce((s, x) => s + x.female + x.male + x.other, 0)).toBe(7);

    expect(d.pay).toEqual([
      { from: 12, to: 12.5, count: 1 },
      { from: 12.5, to: 13, count: 3 }, // 12.50, 12.99, 12.96
      { from: 13, to: 13.5, count: 2 }, // 13.00, 13.20
    ]);
    expect(d.payLines).toEqual([
      { label: "National Living Wage (2026)", hourlyRate: 12.71 },
      { label: "Real Living Wage (2025/26)", hourlyRate: 13.45 },
    ]);

    const reason = (code: number) => d.leaversByReason.find((x) => x.reason === code)?.count;
    expect([reason(1), reason(2), reason(6), reason(9)]).toEqual([1, 1, 1, 1]);
    const flow = Object.fromEntries(d.leaversFlow.map((x) => [x.destination, x.count]));
    expect(flow).toMatchObject({
      another_local_provider: 1,
      health: 1,
      retired: 1,
      not_known: 1,
      social_care_elsewhere: 0,
    });

    // Provider A alone: the leaver who joined B is not found in A's own workplaces, so their reason decides.
    const own = await distributionsFor(hub.deps.db, [wa.id], D, await listPayFloors(hub.deps.db));
    expect(own.leaversFlow.find((x) => x.destination === "social_care_elsewhere")?.count).toBe(1);
  });

  it("adds the London Living Wage line only when a workplace is in London", async () => {
    const org = await makeOrg(hub, "provider");
    const w = await workplace(org.id, "SE1 7PB");
    await staff(w, [{ dob: "1990-01-01", pay: [3, 14] }]);
    const d = await distributionsFor(hub.deps.db, [w.id], D, await listPayFloors(hub.deps.db));
    expect(d.payLines.map((l) => l.label)).toEqual([
      "National Living Wage (2026)",
      "Real Living Wage (2025/26)",
      "London Living Wage (2025/26)",
    ]);
  });

  it("keeps the pay chart to a readable number of bands, counting the few highest paid in an open-ended last band", () => {
    const outlier = bands([12, 12.2, 12.4, 500]);
    expect(outlier).toEqual([
      { from: 12, to: 12.5, count: 3 },
      { from: 12.5, to: null, count: 1 },
    ]);
    const spread = bands(Array.from({ length: 1000 }, (_, i) => 10 + i * 0.05)); // £10.00 to £59.95
    expect(spread).toHaveLength(MAX_PAY_BANDS);
    expect(spread.at(-1)).toMatchObject({ from: 29.5, to: null });
    expect(spread.reduce((s, b) => s + b.count, 0)).toBe(1000);
    expect(bands([])).toEqual([]);
  });
});
