import { describe, expect, it } from "vitest";
import { runHub } from "../../test/cli";
import { commissioningArea } from "../../test/commissioning-fixtures";
import { testHub } from "../../test/harness";
import { priceFloorSettings } from "../server/db/schema";
import { priceFloor } from "../shared/price-floor";

// `hub price-floor`: the calculator from the command line, from the defaults or a council's assumptions.

const hub = await testHub();
const env = { ...process.env, LOG_LEVEL: "warn", HUB_SECRET: "cli-test-secret-cli-test-secret-0123456" };
const cli = (...args: string[]) => runHub(args, { env, database: hub.database });
const pence = (lines: { amount: number }[]) => lines.reduce((s, l) => s + Math.round(l.amount * 100), 0);

describe("hub price-floor", () => {
  it("prints { total, lines } as JSON with lines that add up to the total", async () => {
    const out = await cli("price-floor", "--year", "2025-26", "--format", "json");
    expect(out.code, out.stdout + out.stderr).toBe(0);
    const data = out.json();
    expect(data.total).toBe(priceFloor("2025-26", "home_care").total);
    expect(Math.abs(data.total - 32.14) / 32.14).toBeLessThan(0.02);
    expect(pence(data.lines)).toBe(Math.round(data.total * 100));
    expect(data.lines[0]).toMatchObject({ name: "Pay for contact time", amount: 12.21 });
  });

  it("takes the wage and visit length, and 1p on the wage adds 0.01 × the loaded paid hours", async () => {
    const a = (
      await cli("price-floor", "--year", "2025-26", "--wage", "12.6", "--visit-minutes", "15", "--format", "json")
    ).json();
    const b = (
      await cli("price-floor", "--year", "2025-26", "--wage", "12.61", "--visit-minutes", "15", "--format", "json")
    ).json();
    expect(a.assumptions).toMatchObject({ wage: 12.6, visitMinutes: 15 });
    expect(a.total).toBe(priceFloor("2025-26", "home_care", { wage: 12.6, visitMinutes: 15 }).total);
    expect(pence(a.lines)).toBe(Math.round(a.total * 100));
    const exact = priceFloor("2025-26", "home_care", { wage: 12.6, visitMinutes: 15 });
    expect(Math.abs(b.total - (exact.exactTotal + 0.01 * a.loadedPaidHours))).toBeLessThanOrEqual(0.005 + 1e-9);
  });

  it("prints a readable table with the total", async () => {
    const out = await cli("price-floor", "--year", "2024-25");
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain("Minimum price floor 2024-25, home care, per contact hour");
    expect(out.stdout).toMatch(/Employer National Insurance\s+£1\.18/);
    expect(out.stdout).toMatch(/Total\s+£28\.53/);
  });

  it("prints the care home floor per bed per week", async () => {
    const data = (await cli("price-floor", "--year", "2026-27", "--care-type", "care_home", "--format", "json")).json();
    expect(data.unit).toBe("week");
    expect(data.total).toBe(priceFloor("2026-27", "care_home").total);
  });

  it("starts from a council's saved assumptions with --org", async () => {
    const a = await commissioningArea(hub, { workers: 1 });
    await hub.deps.db
      .insert(priceFloorSettings)
      .values({ councilId: a.councilId, year: "2025-26", careType: "home_care", assumptions: { wage: 12.6 } });
    const data = (await cli("price-floor", "--year", "2025-26", "--org", a.council.id, "--format", "json")).json();
    expect(data.source).toBe("council");
    expect(data.total).toBe(priceFloor("2025-26", "home_care", { wage: 12.6 }).total);
    const provider = await cli("price-floor", "--year", "2025-26", "--org", a.providerA.id, "--format", "json");
    expect(provider.code).toBe(2);
  });

  it("refuses a bad year or value, naming the flag", async () => {
    const year = await cli("price-floor", "--year", "2019-20", "--format", "json");
    expect(year.code).toBe(2);
    expect(year.json().error.message).toBe('--year must be one of 2024-25, 2025-26, 2026-27, not "2019-20"');
    const zero = await cli("price-floor", "--year", "2025-26", "--visit-minutes", "0", "--format", "json");
    expect(zero.code).toBe(2);
    expect(zero.json().error.message).toBe(
      "--visit-minutes: Visit length (minutes) must be more than 0 and at most 720; it is 0.",
    );
    const word = await cli("price-floor", "--year", "2025-26", "--wage", "lots", "--format", "json");
    expect(word.json().error.message).toBe('--wage must be a number, not "lots"');
  });
});
