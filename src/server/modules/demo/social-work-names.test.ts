import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemoOnce, testHub } from "../../../../test/harness";
import { organisations } from "../../db/schema";

// The demo's social workers are told apart by name within a team (fix round: pairs with the same
// name in one team made every picker ambiguous), and choosing names that way changes nothing else:
// the same people, dates, roles, hours and pay as before (the figures are the fingerprint's).

const hub = await testHub();
await seedDemoOnce(hub);

describe("the demo's social workers' names", async () => {
  const [council] = await hub.deps.db.select().from(organisations).where(eq(organisations.slug, "halton"));
  const rows = async (q: string) => (await hub.deps.db.execute(sql.raw(q))).rows as Record<string, unknown>[];

  it("has no two workers with the same name in one team", async () => {
    const twins = await rows(`
      select t.name as team, s.display_id as name, count(*)::int as n
      from sw_staff p join staff_records s on s.id = p.staff_record_id join sw_teams t on t.id = p.team_id
      where p.org_id = '${council.id}' group by 1, 2 having count(*) > 1`);
    expect(twins).toEqual([]);
  });

  it("keeps the people, their dates, roles, hours and pay", async () => {
    const [f] = await rows(`
      select count(*)::int as records, count(*) filter (where s.end_date is null)::int as current,
        sum(s.contracted_hours)::float as hours, sum(s.pay_rate)::float as pay,
        md5(string_agg(s.local_ref || s.start_date || coalesce(s.end_date::text, '') || p.role || coalesce(s.date_of_birth::text, '')
          || coalesce(p.swe_number, ''), ',' order by s.local_ref)) as fingerprint
      from sw_staff p join staff_records s on s.id = p.staff_record_id where p.org_id = '${council.id}'`);
    expect(f).toEqual(FIGURES);
  });
});

// Measured on the demo before names were made unique within a team.
const FIGURES = {
  records: 438,
  current: 315,
  hours: 15411,
  pay: 16498360,
  fingerprint: "cbd195201068135cf23df04a2ef0f0f1",
};
