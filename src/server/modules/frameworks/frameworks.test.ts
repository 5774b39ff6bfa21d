import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Client, makeOrg, makeUser, signedIn, testHub } from "../../../../test/harness";
import type { Framework } from "../../../shared/career/framework";
import { commissionProvider } from "../orgs/orgs.service";

const hub = await testHub();

async function system() {
  const council = await makeOrg(hub, "council");
  const providers = [];
  for (let i = 0; i < 3; i++) {
    const org = await makeOrg(hub, "provider");
    await commissionProvider(hub.ctx, { councilId: council.id, providerId: org.id, fromDate: "2020-01-01" });
    providers.push({ org, admin: await signedIn(hub, (await makeUser(hub, org, "provider_admin")).email) });
  }
  const admin = await signedIn(hub, (await makeUser(hub, council, "council_admin")).email);
  return { council, admin, providers };
}

describe("a council's career framework: draft, publish, endorse", () => {
  it("the council edits a draft and publishes it; providers endorse it; the council sees who has and has not", async () => {
    const { council, admin, providers } = await system();
    const draft = (await admin.get(`/api/orgs/${council.id}/frameworks/draft`)).json;
    const doc = draft.document as Framework;
    expect(doc.roles.length).toBeGreaterThan(20); // started from the shipped framework
    // Reading the draft writes nothing: it is saved (and exists) only once the council saves it.
    expect(draft.id).toBeNull();
    expect((await admin.get(`/api/orgs/${council.id}/frameworks`)).json.draft).toBeNull();
    expect((await admin.post(`/api/orgs/${council.id}/frameworks/draft/publish`)).json.error.code).toBe("no_draft");

    // A local edit: the council's pay guidance for unqualified social workers moving up after job evaluation.
    const edited = {
      ...doc,
      roles: doc.roles.map((r) =>
        r.key === "sw_student" ? { ...r, payGuidance: "Grade 6, moving to grade 7 after job evaluation" } : r,
      ),
    };
    expect((await admin.request("PUT", `/api/orgs/${council.id}/frameworks/draft`, { document: edited })).status).toBe(
      200,
    );
    // A broken edit is refused with what is wrong, and the saved draft is kept.
    const broken = {
      ...edited,
      routes: [
        ...edited.routes,
        { from: "registered_manager", to: "astronaut", via: ["promotion"], how: "Reach for the stars", items: [] },
      ],
    };
    const refused = await admin.request("PUT", `/api/orgs/${council.id}/frameworks/draft`, { document: broken });
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toContain("role astronaut does not exist");
    const shapeless = await admin.request("PUT", `/api/orgs/${council.id}/frameworks/draft`, {
      document: { title: "x" },
    });
    expect(shapeless.status).toBe(400);

    const published = (await admin.post(`/api/orgs/${council.id}/frameworks/draft/publish`)).json;
    expect(published.version).toBe(1);
    expect((await admin.post(`/api/orgs/${council.id}/frameworks/draft/publish`)).status).toBe(409); // nothing left to publish
    // Published versions never change, whatever path a write takes.
    await expect(
      hub.deps.db.execute(sql`update career_frameworks set document = '{}'::jsonb where id = ${published.id}`),
    ).rejects.toThrow();

    // The public roadmap for the council now shows its own version.
    const roadmap = (await new Client(hub).get(`/api/public/careers?council=${council.slug}`)).json;
    expect(roadmap.version).toBe(1);
    expect(roadmap.framework.roles.find((r: { key: string }) => r.key === "sw_student").payGuidance).toBe(
      "Grade 6, moving to grade 7 after job evaluation",
    );

    const [first, second] = providers;
    const seen = (await first.admin.get(`/api/orgs/${first.org.id}/frameworks`)).json;
    expect(seen.frameworks).toEqual([
      expect.objectContaining({
        id: published.id,
        version: 1,
        council: council.name,
        councilSlug: council.slug,
        endorsedAt: null,
      }),
    ]);
    expect((await first.admin.post(`/api/orgs/${first.org.id}/frameworks/${published.id}/endorse`)).json).toMatchObject(
      { endorsed: true, version: 1 },
    );
    expect((await first.admin.post(`/api/orgs/${first.org.id}/frameworks/${published.id}/endorse`)).status).toBe(200); // again: no change
    await second.admin.post(`/api/orgs/${second.org.id}/frameworks/${published.id}/endorse`);

    const status = (await admin.get(`/api/orgs/${council.id}/frameworks`)).json;
    expect(status.draft).toBeNull();
    expect(status.versions).toHaveLength(1);
    expect(status.versions[0].endorsedCount).toBe(2);
    expect(status.versions[0].notYet).toEqual([providers[2].org.name]);
  });

  it("a provider cannot endorse a framework of a council that does not commission it, nor a draft", async () => {
    const a = await system();
    const b = await system();
    const current = (await a.admin.get(`/api/orgs/${a.council.id}/frameworks/draft`)).json.document;
    await a.admin.request("PUT", `/api/orgs/${a.council.id}/frameworks/draft`, { document: current });
    const published = (await a.admin.post(`/api/orgs/${a.council.id}/frameworks/draft/publish`)).json;
    const outsider = b.providers[0];
    expect((await outsider.admin.post(`/api/orgs/${outsider.org.id}/frameworks/${published.id}/endorse`)).status).toBe(
      404,
    );
    const draft = (await a.admin.request("PUT", `/api/orgs/${a.council.id}/frameworks/draft`, { document: current }))
      .json;
    expect(draft.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      (await a.providers[0].admin.post(`/api/orgs/${a.providers[0].org.id}/frameworks/${draft.id}/endorse`)).status,
    ).toBe(404);
    // Only the council's admin edits; a provider cannot reach a council's draft.
    expect((await a.providers[0].admin.get(`/api/orgs/${a.council.id}/frameworks/draft`)).status).toBe(404);
  });

  it("a provider maps its own job titles onto framework roles", async () => {
    const { providers } = await system();
    const { org, admin } = providers[0];
    const added = await admin.post(`/api/orgs/${org.id}/job-titles`, {
      title: "Wellbeing Assistant",
      roleKey: "care_support_worker",
    });
    expect(added.status).toBe(201);
    expect(
      (await admin.post(`/api/orgs/${org.id}/job-titles`, { title: "wellbeing assistant", roleKey: "new_to_care" }))
        .status,
    ).toBe(409);
    const bad = await admin.post(`/api/orgs/${org.id}/job-titles`, {
      title: "Chief Happiness Officer",
      roleKey: "ceo",
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("roleKey");
    expect(
      (await admin.get(`/api/orgs/${org.id}/job-titles`)).json.jobTitles.map((t: { title: string }) => t.title),
    ).toEqual(["Wellbeing Assistant"]);
    expect((await admin.request("DELETE", `/api/orgs/${org.id}/job-titles/${added.json.jobTitle.id}`)).status).toBe(
      200,
    );
  });
});
