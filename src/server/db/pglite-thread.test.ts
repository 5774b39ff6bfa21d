import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";

const database = await openDatabase({ inMemory: true, thread: true });
afterAll(() => database.close());
const { db } = database;
await db.execute(sql`create table t (id int primary key, note text, at date)`);

describe("the embedded database in its own thread", () => {
  it("commits a transaction's writes together, and rolls all of them back on an error", async () => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into t values (1, 'one', '2026-01-31')`);
      await tx.execute(sql`insert into t values (2, 'two', null)`);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into t values (3, 'three', null)`);
        await tx.execute(sql`insert into t values (1, 'again', null)`);
      }),
    ).rejects.toMatchObject({ cause: { code: "23505", constraint: "t_pkey" } });
    const rows = (await db.execute(sql`select id, note, at from t order by id`)).rows;
    // Dates stay as text, as the driver asks.
    expect(rows).toEqual([
      { id: 1, note: "one", at: "2026-01-31" },
      { id: 2, note: "two", at: null },
    ]);
  });

  it("makes other queries wait while a transaction is open, as one PostgreSQL session does", async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const tx = db.transaction(async (t) => {
      await t.execute(sql`update t set note = 'changed' where id = 1`);
      order.push("tx wrote");
      await gate;
      order.push("tx ends");
    });
    await new Promise((r) => setTimeout(r, 50));
    const outside = db.execute(sql`select note from t where id = 1`).then((r) => {
      order.push("outside read");
      return r.rows[0];
    });
    await new Promise((r) => setTimeout(r, 100));
    release();
    await tx;
    expect(await outside).toEqual({ note: "changed" });
    expect(order).toEqual(["tx wrote", "tx ends", "outside read"]);
  });

  it("keeps the hub's thread free while a long statement runs", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = performance.now();
    await db.execute(sql`select count(*) from generate_series(1, 1000000) a join generate_series(1, 3) b on true`);
    const took = performance.now() - started;
    clearInterval(timer);
    // Run in this thread, the statement would hold the event loop and no timer could fire.
    expect(took).toBeGreaterThan(300);
    expect(ticks).toBeGreaterThan(took / 10 / 4);
  });
});
