import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { applicant, apply, employerWithAdvert } from "../../../../test/employer-helpers";
import { makeUser, signedIn, testHub } from "../../../../test/harness";
import { auditLog } from "../../db/schema";

const hub = await testHub();

const CERT = "009876543210";
const DOC = "Biometric residence permit ZX9876543";
const bundle = {
  identitySeenOn: "2026-06-02",
  dbsLevel: "enhanced_barred_adults",
  dbsCertificateNumber: CERT,
  dbsIssuedOn: "2026-05-20",
  dbsUpdateService: "subscribed_checked",
  dbsUpdateCheckedOn: "2026-06-03",
  rightToWorkMethod: "manual_document",
  rightToWorkDocument: DOC,
  rightToWorkCheckedOn: "2026-06-02",
  rightToWorkExpiresOn: "2027-03-31",
  rightToWorkFollowUpOn: "2027-03-01",
  references: [
    { referee: "Pat Manager", lastCareEmployer: true, receivedOn: "2026-06-05", satisfactory: true },
    { referee: "Lee Tutor", receivedOn: "2026-06-06", satisfactory: true },
  ],
  historyGapsExplained: true,
  healthDeclarationOn: "2026-06-07",
  qualificationsVerifiedOn: "2026-06-07",
};

describe("pre-employment checks", () => {
  it("records checks with a checklist, needs a follow-up with an expiry, and keeps details out of the audit and log", async () => {
    const e = await employerWithAdvert(hub);
    const a = await apply(hub, e);
    const url = `${e.base}/applications/${a.id}/checks`;
    const empty = await e.client.get(url);
    expect(empty.json.checklist.complete).toBe(false);
    expect(empty.json.shared).toEqual([]);
    const noFollowUp = await e.client.request("PUT", url, { ...bundle, rightToWorkFollowUpOn: null });
    expect(noFollowUp.status).toBe(400);
    expect(noFollowUp.json.error.issues[0].path).toBe("rightToWorkFollowUpOn");
    const badCert = await e.client.request("PUT", url, { ...bundle, dbsCertificateNumber: "12345" });
    expect(badCert.json.error.issues[0].path).toBe("dbsCertificateNumber");
    const partial = await e.client.request("PUT", url, { ...bundle, healthDeclarationOn: null });
    expect(
      partial.json.checklist.items.filter((i: { done: boolean }) => !i.done).map((i: { item: string }) => i.item),
    ).toEqual(["health"]);
    const saved = await e.client.request("PUT", url, bundle);
    expect(saved.json.checklist.complete).toBe(true);
    expect(saved.json.checks).toMatchObject({ dbsCertificateNumber: CERT, rightToWorkDocument: DOC });
    // The application shows the checklist too, and starting is no longer refused.
    await e.client.post(`${e.base}/applications/${a.id}/move`, { stage: "checks" });
    const started = await e.client.post(`${e.base}/applications/${a.id}/move`, {
      stage: "started",
      start: { startDate: "2026-06-15", contract: 1 },
    });
    expect(started.status).toBe(200);
    expect(started.json.application.history.at(-1).reason).toBeNull();

    const audit = JSON.stringify(await hub.deps.db.select().from(auditLog).where(eq(auditLog.orgId, e.provider.id)));
    expect(audit).toContain("pre_employment_checks");
    for (const secret of [CERT, DOC, "Pat Manager"]) {
      expect(audit).not.toContain(secret);
      expect(hub.logLines.join("\n")).not.toContain(secret);
    }
    // An editor (no recruitment.checks) cannot read them.
    const editor = await signedIn(hub, (await makeUser(hub, e.provider, "provider_editor")).email);
    expect((await editor.get(url)).status).toBe(403);
    // Another employer's id for the application is not found.
    const other = await employerWithAdvert(hub);
    expect((await other.client.get(`${other.base}/applications/${a.id}/checks`)).status).toBe(404);
    expect((await other.client.request("PUT", `${other.base}/applications/${a.id}/checks`, bundle)).status).toBe(404);
  });

  it("shares a bundle with another employer only with the candidate's consent, until it is withdrawn", async () => {
    const first = await employerWithAdvert(hub);
    const second = await employerWithAdvert(hub, { id: first.councilId });
    const third = await employerWithAdvert(hub, { id: first.councilId });
    const { user, client: candidate } = await applicant(hub, first.councilId);
    const atFirst = await apply(hub, first, user);
    const atSecond = await apply(hub, second, user);
    const atThird = await apply(hub, third, user);
    await first.client.request("PUT", `${first.base}/applications/${atFirst.id}/checks`, bundle);
    const secondUrl = `${second.base}/applications/${atSecond.id}/checks`;

    // No consent: the second employer sees nothing, and cannot claim to rely on anything.
    expect((await second.client.get(secondUrl)).json.shared).toEqual([]);
    const early = await second.client.request("PUT", secondUrl, { reliedOn: ["dbs"] });
    expect(early.json.error.issues[0].path).toBe("reliedOn");

    const shares = `/api/orgs/${first.councilId}/candidate/check-shares`;
    const granted = await candidate.post(shares, { fromApplicationId: atFirst.id, toApplicationId: atSecond.id });
    expect(granted.status).toBe(201);
    expect(granted.json.shares).toEqual([
      expect.objectContaining({
        from: { applicationId: atFirst.id, employer: first.provider.name },
        to: { employer: second.provider.name },
        withdrawnAt: null,
      }),
    ]);
    expect(JSON.stringify(granted.json)).not.toContain(CERT);
    const seen = await second.client.get(secondUrl);
    expect(seen.json.shared).toEqual([
      expect.objectContaining({
        employer: first.provider.name,
        checks: expect.objectContaining({ dbsCertificateNumber: CERT }),
      }),
    ]);
    // Only the employer named in the consent.
    expect((await third.client.get(`${third.base}/applications/${atThird.id}/checks`)).json.shared).toEqual([]);

    // The second employer records what it relied on: those items count on its checklist.
    const relied = await second.client.request("PUT", secondUrl, {
      reliedOn: ["dbs", "right_to_work"],
      identitySeenOn: "2026-06-10",
    });
    expect(relied.json.checks.reliedOn).toEqual(["dbs", "right_to_work"]);
    const items = Object.fromEntries(
      relied.json.checklist.items.map((i: { item: string; done: boolean; reliedOn: string | null }) => [i.item, i]),
    );
    expect(items.dbs).toMatchObject({ done: true, reliedOn: first.provider.name });
    expect(items.identity).toMatchObject({ done: true, reliedOn: null });
    expect(items.references.done).toBe(false);

    // Withdrawn: the second employer no longer sees the bundle (its own record of reliance stays).
    const shareId = granted.json.shares[0].id;
    const other = await applicant(hub, first.councilId);
    expect((await other.client.post(`${shares}/${shareId}/withdraw`)).status).toBe(404);
    const withdrawn = await candidate.post(`${shares}/${shareId}/withdraw`);
    expect(withdrawn.json.shares[0].withdrawnAt).not.toBeNull();
    const after = await second.client.get(secondUrl);
    expect(after.json.shared).toEqual([]);
    expect(after.json.checklist.items.find((i: { item: string }) => i.item === "dbs").done).toBe(false);
    expect(JSON.stringify(after.json)).not.toContain(CERT);
  });

  it("refuses shares to an employer the candidate has not applied to, or between one employer's applications", async () => {
    const first = await employerWithAdvert(hub);
    const second = await employerWithAdvert(hub, { id: first.councilId });
    const { user, client: candidate } = await applicant(hub, first.councilId);
    const someoneElse = await applicant(hub, first.councilId);
    const mine = await apply(hub, first, user);
    const theirs = await apply(hub, second, someoneElse.user);
    await first.client.request("PUT", `${first.base}/applications/${mine.id}/checks`, bundle);
    const shares = `/api/orgs/${first.councilId}/candidate/check-shares`;
    expect((await candidate.post(shares, { fromApplicationId: mine.id, toApplicationId: theirs.id })).status).toBe(404);
    expect(
      (await someoneElse.client.post(shares, { fromApplicationId: mine.id, toApplicationId: theirs.id })).status,
    ).toBe(404);
    const second2 = await apply(hub, first, null);
    expect((await candidate.post(shares, { fromApplicationId: mine.id, toApplicationId: second2.id })).status).toBe(
      404,
    );
    expect((await candidate.get(shares)).json.shares).toEqual([]);
    expect((await second.client.get(`${second.base}/applications/${theirs.id}/checks`)).json.shared).toEqual([]);
  });

  it("shows the council nothing of the checks", async () => {
    const e = await employerWithAdvert(hub);
    const a = await apply(hub, e);
    await e.client.request("PUT", `${e.base}/applications/${a.id}/checks`, bundle);
    const council = await signedIn(hub, e.councilAdmin?.email as string);
    for (const path of [`/api/orgs/${e.councilId}/recruitment/moderation`, `/api/orgs/${e.councilId}/audit`]) {
      const res = await council.get(path);
      expect(res.status, path).toBe(200);
      expect(res.text).not.toContain(CERT);
      expect(res.text).not.toContain(DOC);
    }
    // Nor can the council reach the employer's checks route.
    expect((await council.get(`${e.base}/applications/${a.id}/checks`)).status).toBe(404);
  });
});
