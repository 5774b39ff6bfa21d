import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeOrg, testHub } from "../../../../test/harness";

// ADR 0018: an approved plan cannot be silently changed. These run on PGlite and, in the
// PostgreSQL lane (npm run test:pg -- this file), on a real server.
const hub = await testHub();
const db = hub.deps.db;

async function plan(status: "draft" | "approved") {
  const council = await makeOrg(hub, "council");
  const one = async (q: ReturnType<typeof sql>) => ((await db.execute(q)).rows[0] as { id: string }).id;
  const strategyId = await one(sql`insert into strategies (council_id, title, period_start, period_end)
    values (${council.id}, 'Workforce strategy', '2025-04-01', '2028-03-31') returning id`);
  const pillarId = await one(sql`insert into strategy_pillars (strategy_id, council_id, kind, number, title)
    values (${strategyId}, ${council.id}, 'recommendation', 1, 'Joint recruitment') returning id`);
  const actionId = await one(sql`insert into strategy_actions (strategy_id, pillar_id, council_id, number, title, phase)
    values (${strategyId}, ${pillarId}, ${council.id}, 1, 'One job board', 'foundations') returning id`);
  const measureId =
    await one(sql`insert into strategy_measures (action_id, strategy_id, council_id, metric, target, direction, by_date)
    values (${actionId}, ${strategyId}, ${council.id}, 'vacancy_rate', 0.09, 'lower', '2028-03-31') returning id`);
  if (status === "approved")
    await db.execute(
      sql`update strategies set status = 'approved', approved_on = '2025-03-12' where id = ${strategyId}`,
    );
  return { council, strategyId, pillarId, actionId, measureId };
}

/** The database's own message (the driver wraps it in "Failed query: …"). */
async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (err) {
    const e = err as Error & { cause?: Error };
    return e.cause?.message ?? e.message;
  }
  return "not refused";
}
const refused = async (q: ReturnType<typeof sql>) =>
  expect(await refusal(() => db.execute(q))).toMatch(/is approved: .* is allowed only as a recorded change/);

describe("an approved plan (database rule)", () => {
  it("refuses a direct UPDATE or DELETE of an approved strategy's action, measure, pillar and strategy", async () => {
    const p = await plan("approved");
    await refused(sql`update strategy_actions set title = 'Quietly changed' where id = ${p.actionId}`);
    await refused(sql`delete from strategy_actions where id = ${p.actionId}`);
    await refused(sql`update strategy_measures set target = 0.2 where id = ${p.measureId}`);
    await refused(sql`update strategy_pillars set title = 'Something else' where id = ${p.pillarId}`);
    await refused(sql`update strategies set vision = 'New vision' where id = ${p.strategyId}`);
    await refused(sql`update strategies set status = 'draft' where id = ${p.strategyId}`);
    await refused(sql`insert into strategy_actions (strategy_id, pillar_id, council_id, number, title, phase)
      values (${p.strategyId}, ${p.pillarId}, ${p.council.id}, 2, 'Slipped in', 'activation')`);
    const row = (await db.execute(sql`select title from strategy_actions where id = ${p.actionId}`)).rows[0];
    expect(row).toEqual({ title: "One job board" });
  });

  it("lets a draft plan change freely", async () => {
    const p = await plan("draft");
    await db.execute(sql`update strategy_actions set title = 'Changed in draft' where id = ${p.actionId}`);
    await db.execute(sql`delete from strategy_measures where id = ${p.measureId}`);
    const row = (await db.execute(sql`select title from strategy_actions where id = ${p.actionId}`)).rows[0];
    expect(row).toEqual({ title: "Changed in draft" });
  });

  it("accepts a change recorded in the same transaction, and only that", async () => {
    const p = await plan("approved");
    await db.transaction(async (tx) => {
      const change = (
        await tx.execute(sql`insert into strategy_changes (strategy_id, council_id, reason, entity_type, entity_id, before, after)
          values (${p.strategyId}, ${p.council.id}, 'Board asked for a wider scope', 'action', ${p.actionId},
          '{"title":"One job board"}', '{"title":"One job board for all employers"}') returning id`)
      ).rows[0] as { id: string };
      await tx.execute(sql`select set_config('hub.strategy_change', ${change.id}, true)`);
      await tx.execute(
        sql`update strategy_actions set title = 'One job board for all employers' where id = ${p.actionId}`,
      );
    });
    const row = (await db.execute(sql`select title from strategy_actions where id = ${p.actionId}`)).rows[0];
    expect(row).toEqual({ title: "One job board for all employers" });

    // Naming an old change in a later transaction does not open the plan again.
    const old = (await db.execute(sql`select id from strategy_changes where strategy_id = ${p.strategyId}`))
      .rows[0] as {
      id: string;
    };
    const message = await refusal(() =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('hub.strategy_change', ${old.id}, true)`);
        await tx.execute(sql`update strategy_actions set title = 'Again' where id = ${p.actionId}`);
      }),
    );
    expect(message).toMatch(/allowed only as a recorded change/);
  });

  it("keeps the record of changes append-only", async () => {
    const p = await plan("approved");
    await db.execute(sql`insert into strategy_changes (strategy_id, council_id, reason, entity_type)
      values (${p.strategyId}, ${p.council.id}, 'note', 'strategy')`);
    expect(await refusal(() => db.execute(sql`update strategy_changes set reason = 'x'`))).toMatch(/append-only/);
    expect(await refusal(() => db.execute(sql`delete from strategy_changes`))).toMatch(/append-only/);
  });
});
