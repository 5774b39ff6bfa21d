import { describe, expect, it } from "vitest";
import { Client, makeSystem, makeUser, signedIn, testHub } from "../../../../test/harness";
import { MATRIX, ROLES, TOKEN_MATRIX, TOKEN_SCOPES } from "../../../shared/permissions";

const hub = await testHub();

describe("least access to career frameworks and development plans", () => {
  it("a council's staff members and candidates do not see the providers it commissions or who has endorsed what", async () => {
    const { council, provider, councilAdmin } = await makeSystem(hub);
    for (const role of ["staff_member", "candidate"] as const) {
      const person = await signedIn(hub, (await makeUser(hub, council, role)).email);
      const res = await person.get(`/api/orgs/${council.id}/frameworks`);
      expect(res.status, role).toBe(403);
      expect(res.text).not.toContain(provider.name);
    }
    // The council's own people who work with its providers still see the list.
    for (const user of [councilAdmin, await makeUser(hub, council, "commissioner")]) {
      const res = await (await signedIn(hub, user.email)).get(`/api/orgs/${council.id}/frameworks`);
      expect(res.status).toBe(200);
      expect(res.json.kind).toBe("council");
    }
  });

  it("API tokens read workforce data, not development plans, frameworks or job title mappings", async () => {
    const { provider, providerAdmin } = await makeSystem(hub);
    const admin = await signedIn(hub, providerAdmin.email);
    for (const scope of ["read", "write"] as const) {
      const { secret } = (await admin.post(`/api/orgs/${provider.id}/api-tokens`, { name: `BI ${scope}`, scope })).json;
      const api = new Client(hub, { authorization: `Bearer ${secret}` });
      expect((await api.get(`/api/orgs/${provider.id}/staff`)).status, scope).toBe(200);
      for (const path of ["career-plans", "frameworks", "job-titles"])
        expect((await api.get(`/api/orgs/${provider.id}/${path}`)).status, `${scope} ${path}`).toBe(403);
    }
    // The employer's own people still see the plans their staff share with them.
    expect((await admin.get(`/api/orgs/${provider.id}/career-plans`)).status).toBe(200);
    const viewer = await signedIn(hub, (await makeUser(hub, provider, "provider_viewer")).email);
    expect((await viewer.get(`/api/orgs/${provider.id}/career-plans`)).status).toBe(200);
  });

  it("the matrix: no token scope holds a personal or career permission; personal accounts see only themselves", () => {
    for (const scope of TOKEN_SCOPES)
      for (const p of [
        "careers.plans",
        "careers.view",
        "self.view",
        "users.view",
        "audit.view",
        "returns.view",
      ] as const)
        expect(TOKEN_MATRIX[scope], `${scope} ${p}`).not.toContain(p);
    // A candidate also has candidate.self: their own profile and applications, nobody else's.
    const own = new Set(["org.view", "self.view", "candidate.self"]);
    for (const role of ["staff_member", "candidate"] as const) {
      expect(
        MATRIX[role].filter((p) => !own.has(p)),
        role,
      ).toEqual([]);
    }
    // A trainer reads the training catalogue and the people booked on its own sessions (issue 18;
    // the delivery tests hold it to name, employer and booking), nothing of careers or staff records.
    expect(MATRIX.trainer.filter((p) => !own.has(p))).toEqual(["training.view", "training.deliver"]);
    expect(MATRIX.candidate).toContain("candidate.self");
    expect(ROLES.filter((r) => MATRIX[r].includes("candidate.self"))).toEqual(["candidate"]);
    // Whoever may read shared plans may read staff records (plans are shared with the employer's managers).
    for (const role of ROLES)
      if (MATRIX[role].includes("careers.plans")) expect(MATRIX[role], role).toContain("staff.view");
  });
});
