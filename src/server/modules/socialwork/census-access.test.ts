import { describe, expect, it } from "vitest";
import { signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";

// Who may have the census: only the service lead (socialwork.manage) of the council itself. The
// files carry every worker's SWE number and date of birth, so a team manager (who sees their own
// teams' records), an analyst (figures only) and a council admin get 403; another council's lead
// 404; a provider 403 wrong_org_kind.

const hub = await testHub();
const area = await socialWorkArea(hub);
await area.addWorker({ team: area.teams.childrenA, sweNumber: "SW777001" });
const paths = ["", "/workers.csv", "/aggregate.csv", "/census.xlsx"].map(
  (f) => `/api/orgs/${area.council.id}/social-work/census/2025${f}`,
);

describe("census access", () => {
  it("the service lead gets the census and its files", async () => {
    const lead = await signedIn(hub, area.lead.email);
    for (const p of paths) expect((await lead.get(p)).status, p).toBe(200);
  });

  it("a team manager, an analyst and a council admin get 403, and no SWE number", async () => {
    for (const email of [area.manager.email, area.analyst.email, area.councilAdmin.email]) {
      const client = await signedIn(hub, email);
      for (const p of paths) {
        const res = await client.get(p);
        expect(res.status, `${email} ${p}`).toBe(403);
        expect(res.text).not.toContain("SW777001");
      }
    }
  });

  it("another council's service lead gets 404", async () => {
    const other = await signedIn(hub, area.other.lead.email);
    for (const p of paths) {
      const res = await other.get(p);
      expect(res.status, p).toBe(404);
      expect(res.text).not.toContain("SW777001");
    }
    // And their own census does not hold this council's worker.
    const own = await other.get(`/api/orgs/${area.other.council.id}/social-work/census/2025/workers.csv`);
    expect(own.status).toBe(200);
    expect(own.text).not.toContain("SW777001");
  });

  it("a provider gets 403 wrong_org_kind on its own organisation", async () => {
    const provider = await signedIn(hub, area.providerAdmin.email);
    const res = await provider.get(`/api/orgs/${area.provider.id}/social-work/census/2025`);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("wrong_org_kind");
  });

  it("a signed-out visitor gets 401", async () => {
    const { Client } = await import("../../../../test/harness");
    const res = await new Client(hub).get(paths[0]);
    expect(res.status).toBe(401);
  });
});
