import { describe, expect, it } from "vitest";
import { Client, lastEmailTo, makeSystem, PASSWORD, signedIn, testHub, uniq } from "./harness";

describe("logs hold no personal data", () => {
  it("after sign-in, invitations, a reset and errors, no email, password, token or NI number appears in the log", async () => {
    const hub = await testHub();
    const { provider, providerAdmin } = await makeSystem(hub);
    const admin = await signedIn(hub, providerAdmin.email);
    const email = `private-${uniq()}@example.test`;
    await admin.post(`/api/orgs/${provider.id}/invitations`, { email, role: "provider_viewer" });
    const invite = await lastEmailTo(hub, email);
    await new Client(hub).post("/api/auth/invitations/accept", {
      token: invite?.token,
      name: "Private Person",
      password: "private password 123",
    });
    await new Client(hub).post("/api/auth/sign-in", { email: providerAdmin.email, password: "wrong password" });
    await new Client(hub).post("/api/auth/password-reset", { email: providerAdmin.email });
    const reset = await lastEmailTo(hub, providerAdmin.email);
    await admin.post(`/api/orgs/${provider.id}/invitations`, { email: "QQ123456C", role: "provider_viewer" });
    await admin.get(`/api/auth/invitations?token=${reset?.token}`);

    const log = hub.logLines.join("\n");
    expect(hub.logLines.length).toBeGreaterThan(5);
    for (const secret of [
      providerAdmin.email,
      email,
      PASSWORD,
      "private password 123",
      "Private Person",
      invite?.token,
      reset?.token,
      "QQ123456C",
      admin.cookie.split("=")[1],
    ]) {
      expect(log, `log must not contain ${secret}`).not.toContain(secret as string);
    }
    expect(log).toContain('"msg":"request"');
    expect(log).toContain('"template":"invitation"');
  });
});
