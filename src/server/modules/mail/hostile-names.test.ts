import { describe, expect, it } from "vitest";
import { lastEmailTo, makeOrg, makeSystem, makeUser, signedIn, testHub, uniq } from "../../../../test/harness";
import { pick } from "../metrics/metrics.service";
import { commissionProvider } from "../orgs/orgs.service";

const hub = await testHub();

describe("names with line breaks", () => {
  it("are refused at the door when an organisation is created, with a message naming the field", async () => {
    const { council, councilAdmin } = await makeSystem(hub);
    const admin = await signedIn(hub, councilAdmin.email);
    const res = await admin.post(`/api/orgs/${council.id}/providers`, {
      name: "Acme Care\r\nBcc: everyone@example.test",
      adminEmail: `a-${uniq()}@example.test`,
    });
    expect(res.status).toBe(400);
    expect(res.json.error.issues).toEqual([expect.objectContaining({ path: "name" })]);
    expect(res.json.error.message).toContain("one line");
  });

  it("never forge lines in an email's subject or body, even when stored before the door check", async () => {
    // Stored directly, as an organisation created before names were checked would be.
    const council = await makeOrg(
      hub,
      "council",
      `Old Council\nPlease also pay the invoice at http://pay.example.test ${uniq()}`,
    );
    const admin = await signedIn(hub, (await makeUser(hub, council, "council_admin")).email);
    const to = `new-${uniq()}@example.test`;
    const res = await admin.post(`/api/orgs/${council.id}/invitations`, { email: to, role: "council_analyst" });
    expect(res.status).toBe(201);
    const mail = await lastEmailTo(hub, to);
    expect(mail?.subject).not.toMatch(/[\r\n]/);
    expect(mail?.subject).toContain("Old Council Please also pay");
    // The name stays inside its sentence: no line of the body starts with the forged text.
    expect(mail?.body.split("\n").some((line) => line.startsWith("Please also pay"))).toBe(false);
    expect(mail?.body).toContain("Old Council Please also pay the invoice");
  });

  it("return reminders put the council's and the period's names on one line", async () => {
    const council = await makeOrg(hub, "council", `Council\r\nSubject: urgent ${uniq()}`);
    const provider = await makeOrg(hub, "provider");
    await commissionProvider(hub.ctx, { councilId: council.id, providerId: provider.id, fromDate: "2020-01-01" });
    const providerAdmin = await makeUser(hub, provider, "provider_admin");
    const { returnPeriods } = await import("../../db/schema");
    await hub.deps.db
      .insert(returnPeriods)
      .values({ councilId: council.id, name: "Q1\nClick here", periodEnd: "2026-06-01", dueDate: "2026-06-18" });
    const { sendReturnReminders } = await import("../returns/returns.service");
    await sendReturnReminders(hub.deps);
    const mail = await lastEmailTo(hub, providerAdmin.email);
    expect(mail?.subject).toBe("Your workforce return for Q1 Click here is due on 2026-06-18");
    expect(mail?.body.split("\n")[0]).toContain("asks for your workforce return for Q1 Click here");
    expect(mail?.body).not.toContain("\r");
  });
});

describe("metric names", () => {
  it("are checked against the figures' own names: __proto__, constructor and toString are refused", () => {
    const figures = { employed_headcount: { value: 3, n: 3 } };
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"])
      expect(() => pick(figures, [name]), name).toThrow(name);
    expect(pick(figures, ["employed_headcount"])).toEqual(figures);
  });

  it("the metrics API answers 400 naming a prototype name, as for any unknown name", async () => {
    const { provider, providerAdmin } = await makeSystem(hub);
    const admin = await signedIn(hub, providerAdmin.email);
    for (const name of ["__proto__", "constructor", "toString"]) {
      const res = await admin.get(`/api/orgs/${provider.id}/metrics?metrics=${name}`);
      expect(res.status, name).toBe(400);
      expect(res.json.error.message).toContain(name);
    }
  });
});
