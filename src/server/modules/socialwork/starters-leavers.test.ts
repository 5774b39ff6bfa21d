import { describe, expect, it } from "vitest";
import { signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";
import type { SwService } from "../../../shared/social-work";

// The monthly view's starters, leavers and agency in post follow the board report's rule
// (flow-disclosure.ts): a reader of figures only gets them for a month with at least 5 staff in
// post at its end; a reader who sees the records (the lead) always does. The CSV says the same.
// Children's service here: 2 staff, one starting in April. The test clock is 2026-06-15.

describe("starters, leavers and agency in post for a small service", async () => {
  const hub = await testHub();
  const area = await socialWorkArea(hub);
  const url = `/api/orgs/${area.council.id}/social-work`;
  const team = (t: { id: string; workplaceId: string; service: string }) => ({ ...t, service: t.service as SwService });
  await area.addWorker({ team: team(area.teams.childrenA), startDate: "2026-04-06" });
  const april = (rows: { month: string; group: string }[]) =>
    rows.find((r) => r.month === "2026-04" && r.group === "children");

  it("withholds them from an analyst when fewer than 5 are in post, and says why", async () => {
    const analyst = await signedIn(hub, area.analyst.email);
    const res = await analyst.get(`${url}/starters-leavers?months=2`);
    expect(res.status).toBe(200);
    expect(april(res.json.rows)).toMatchObject({
      starters: null,
      leavers: null,
      agencyHeadcount: null,
      agencyFte: null,
    });
    expect(res.json.countsNote).toMatch(/fewer than 5 staff in post/);
    const csv = await analyst.get(`${url}/starters-leavers.csv?months=2`);
    expect(csv.text).toContain("April 2026,Children and families,withheld,withheld,withheld,withheld,");
  });

  it("shows them to the lead, who sees the records", async () => {
    const lead = await signedIn(hub, area.lead.email);
    const res = await lead.get(`${url}/starters-leavers?months=2`);
    expect(april(res.json.rows)).toMatchObject({ starters: 1, leavers: 0, agencyHeadcount: 0, agencyFte: 0 });
    expect(res.json.countsNote).toBeNull();
    const csv = await lead.get(`${url}/starters-leavers.csv?months=2`);
    expect(csv.text).toContain("April 2026,Children and families,1,0,0,0.00,");
  });
});
