import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeOrg, testHub } from "../../../../test/harness";
import { assertCommissions, commissionsOn, councilsOf, providersOf } from "./commissioning";
import { commissionProvider } from "./orgs.service";

const hub = await testHub();

describe("commissioning on a date", () => {
  it("counts a link from its first day to its last, in every form: lists, assertion and SQL condition", async () => {
    const council = await makeOrg(hub, "council");
    const [open, ended, future] = [
      await makeOrg(hub, "provider"),
      await makeOrg(hub, "provider"),
      await makeOrg(hub, "provider"),
    ];
    await commissionProvider(hub.ctx, { councilId: council.id, providerId: open.id, fromDate: "2024-01-01" });
    await commissionProvider(hub.ctx, {
      councilId: council.id,
      providerId: ended.id,
      fromDate: "2024-01-01",
      toDate: "2025-06-30",
    });
    await commissionProvider(hub.ctx, { councilId: council.id, providerId: future.id, fromDate: "2026-01-01" });
    const db = hub.deps.db;
    const sorted = (ids: string[]) => [...ids].sort();

    expect(await providersOf(db, council.id, "2023-12-31")).toEqual([]);
    expect(await providersOf(db, council.id, "2024-01-01")).toEqual(sorted([open.id, ended.id]));
    expect(await providersOf(db, council.id, "2025-06-30")).toEqual(sorted([open.id, ended.id]));
    expect(await providersOf(db, council.id, "2025-07-01")).toEqual([open.id]);
    expect(await providersOf(db, council.id, "2026-01-01")).toEqual(sorted([open.id, future.id]));

    expect(await councilsOf(db, ended.id, "2025-06-30")).toEqual([council.id]);
    expect(await councilsOf(db, ended.id, "2025-07-01")).toEqual([]);
    expect(await councilsOf(db, [ended.id, future.id], "2026-02-01")).toEqual([council.id]);
    expect(await councilsOf(db, [], "2026-02-01")).toEqual([]);

    await expect(assertCommissions(db, council.id, open.id, "2024-01-01")).resolves.toBeUndefined();
    await expect(assertCommissions(db, council.id, future.id, "2025-12-31", "return period")).rejects.toMatchObject({
      status: 404,
      message: "We could not find that return period.",
    });
    await expect(assertCommissions(db, council.id, ended.id, "2025-07-01")).rejects.toMatchObject({ status: 404 });

    // The condition for queries that join, with a column-like expression on one side and values on the others.
    const joined = async (at: string) =>
      (
        await db.execute(
          sql`select p.id from organisations p where p.id in (${open.id}, ${ended.id}, ${future.id}) and ${commissionsOn(council.id, sql`p.id`, at)}`,
        )
      ).rows
        .map((r) => (r as { id: string }).id)
        .sort();
    expect(await joined("2025-07-01")).toEqual([open.id]);
    expect(await joined("2026-01-01")).toEqual(sorted([open.id, future.id]));
  });
});
