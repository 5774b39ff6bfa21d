import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Client, makeOrg, makeUser, signedIn, testHub, uniq } from "../../../../test/harness";
import { staffQualifications, staffRecords, vacancies, workplaces } from "../../db/schema";
import { SHIPPED_FRAMEWORK } from "../frameworks/shipped-framework";
import { commissionProvider } from "../orgs/orgs.service";
import { posterPdf } from "./poster";

const hub = await testHub();

async function providerWithWorkplace(councilId?: string) {
  const org = await makeOrg(hub, "provider");
  if (councilId) await commissionProvider(hub.ctx, { councilId, providerId: org.id, fromDate: "2020-01-01" });
  const [w] = await hub.deps.db
    .insert(workplaces)
    .values({ orgId: org.id, localRef: `W${uniq()}`, name: "Home", mainService: 2 })
    .returning();
  return { org, w };
}

describe("the public career roadmap", () => {
  it("gives the framework to anyone and, for a council, the local vacancies open today for each role", async () => {
    const council = await makeOrg(hub, "council");
    const { org, w } = await providerWithWorkplace(council.id);
    const elsewhere = await providerWithWorkplace(); // not commissioned: its vacancies are not local
    await hub.deps.db.insert(vacancies).values([
      { orgId: org.id, workplaceId: w.id, jobRole: 8, openedOn: "2026-05-01" },
      { orgId: org.id, workplaceId: w.id, jobRole: 8, openedOn: "2026-05-01" },
      { orgId: org.id, workplaceId: w.id, jobRole: 8, openedOn: "2026-01-01", closedOn: "2026-03-01" }, // filled
      { orgId: org.id, workplaceId: w.id, jobRole: 4, openedOn: "2026-06-01" },
      { orgId: elsewhere.org.id, workplaceId: elsewhere.w.id, jobRole: 8, openedOn: "2026-05-01" },
    ]);
    const anyone = new Client(hub);
    const plain = await anyone.get("/api/public/careers");
    expect(plain.status).toBe(200);
    expect(plain.json.framework.roles.length).toBeGreaterThan(20);
    expect(plain.json.vacancies.care_support_worker).toBe(0);
    const local = (await anyone.get(`/api/public/careers?council=${council.slug}`)).json;
    expect(local.council).toEqual({ name: council.name, slug: council.slug });
    expect(local.vacancies).toMatchObject({
      care_support_worker: 2,
      registered_manager: 1,
      // People new to care are taken on as care workers: the entry role counts the care worker posts.
      new_to_care: 2,
      social_worker: 0,
      // Posts that ask for qualifications or experience are not counted for people starting out.
      personal_assistant: 0,
    });
    expect((await anyone.get("/api/public/careers?council=no-such-council")).status).toBe(404);
    expect((await anyone.get(`/api/public/careers?council=${org.slug}`)).status).toBe(404); // a provider is not a council
  });

  it("shows a role's typical local pay only when 3 employers and 10 people are behind it, rounded for the public", async () => {
    const council = await makeOrg(hub, "council");
    const providers = [
      await providerWithWorkplace(council.id),
      await providerWithWorkplace(council.id),
      await providerWithWorkplace(council.id),
    ];
    const elsewhere = await providerWithWorkplace(); // not commissioned: its pay is not local
    const person = (
      p: { org: { id: string }; w: { id: string } },
      ref: string,
      role: number,
      pay: Partial<typeof staffRecords.$inferInsert>,
    ) => ({
      orgId: p.org.id,
      workplaceId: p.w.id,
      localRef: ref,
      displayId: ref,
      contractType: 1,
      mainJobRole: role,
      startDate: "2020-01-01",
      ...pay,
    });
    const hourly = (rate: number) => ({ payInterval: 3, payRate: rate });
    // Care workers: 11 people in 3 employers, hourly 12.00 … 13.00 by 0.10, median 12.50.
    const careWorkers = Array.from({ length: 11 }, (_, i) =>
      person(providers[i % 3], `cw${i}`, 8, hourly(12 + i / 10)),
    );
    // A salaried care worker: £26,071.50 over 37.5 hours × 52.143 weeks is £13.33 an hour; makes 12 people, median 12.55.
    careWorkers.push(
      person(providers[0], "cw-salaried", 8, { payInterval: 1, payRate: 26071.5, contractedHours: 37.5 }),
    );
    // Registered managers: 10 people but at 2 employers: not enough employers.
    const managers = Array.from({ length: 10 }, (_, i) => person(providers[i % 2], `rm${i}`, 4, hourly(20)));
    await hub.deps.db
      .insert(staffRecords)
      .values([
        ...careWorkers,
        ...managers,
        person(elsewhere, "far", 8, hourly(50)),
        person(providers[1], "left", 8, { ...hourly(40), endDate: "2021-01-01" }),
      ]);
    const local = (await new Client(hub).get(`/api/public/careers?council=${council.slug}`)).json;
    // The median of 12.0 … 13.0 and 13.33: (12.5 + 12.6) / 2 = 12.55, to the nearest 5p.
    expect(local.pay.care_support_worker).toEqual({
      medianHourly: 12.55,
      fullTimeYear: Math.round((12.55 * 37.5 * 52.143) / 100) * 100,
      people: 10,
    });
    expect(local.pay.registered_manager).toBeNull();
    expect(local.pay.social_worker).toBeNull();
    // Without a council there is no local pay.
    expect((await new Client(hub).get("/api/public/careers")).json.pay).toEqual({});
  });
});

describe("my career", () => {
  it("shows a care worker their place and what they still need for each next step, from their own record", async () => {
    const { org, w } = await providerWithWorkplace();
    const sam = await makeUser(hub, org, "staff_member");
    const [record] = await hub.deps.db
      .insert(staffRecords)
      .values({
        orgId: org.id,
        workplaceId: w.id,
        localRef: "sam",
        displayId: "Sam Example",
        contractType: 1,
        mainJobRole: 8,
        startDate: "2023-01-01",
        careCertificate: 1,
        level2CareCertificate: 3,
        socialCareQual: 2,
        userId: sam.id,
      })
      .returning();
    const client = await signedIn(hub, sam.email);
    const mine = (await client.get(`/api/orgs/${org.id}/my-career`)).json;
    expect(mine.name).toBe("Sam Example");
    expect(mine.current).toMatchObject({ key: "care_support_worker", title: "Care or support worker" });
    const supervisor = mine.next.find((n: { role: { key: string } }) => n.role.key === "supervisor_leader");
    expect(supervisor.gap.stillNeeded).toEqual(["l2_adult_social_care_certificate"]);
    expect(supervisor.how).toContain("Lead adult care worker apprenticeship");

    // A qualification recorded against the record (code 158: the Level 2 certificate) changes the answer.
    await hub.deps.db
      .insert(staffQualifications)
      .values({ orgId: org.id, staffRecordId: record.id, position: 1, qualificationCode: 158, year: 2026 });
    const after = (await client.get(`/api/orgs/${org.id}/my-career`)).json;
    expect(after.next.find((n: { role: { key: string } }) => n.role.key === "supervisor_leader").gap.ready).toBe(true);
  });

  it("needs a linked staff record, and is for the person's own account", async () => {
    const { org } = await providerWithWorkplace();
    const unlinked = await signedIn(hub, (await makeUser(hub, org, "staff_member")).email);
    const res = await unlinked.get(`/api/orgs/${org.id}/my-career`);
    expect(res.status).toBe(404);
    expect(res.json.error.message).toMatch(/staff record/i);
    const manager = await signedIn(hub, (await makeUser(hub, org, "provider_admin")).email);
    expect((await manager.get(`/api/orgs/${org.id}/my-career`)).status).toBe(403);
  });
});

describe("development plans", () => {
  it("a staff member keeps goals with dates, private until shared; then their employer's managers see them", async () => {
    const { org, w } = await providerWithWorkplace();
    const person = async (ref: string) => {
      const user = await makeUser(hub, org, "staff_member");
      await hub.deps.db.insert(staffRecords).values({
        orgId: org.id,
        workplaceId: w.id,
        localRef: ref,
        displayId: `Person ${ref}`,
        contractType: 1,
        mainJobRole: 8,
        startDate: "2023-01-01",
        userId: user.id,
      });
      return signedIn(hub, user.email);
    };
    const sam = await person("sam");
    const kim = await person("kim");
    const manager = await signedIn(hub, (await makeUser(hub, org, "provider_viewer")).email);

    const goal = await sam.post(`/api/orgs/${org.id}/my-career/goals`, {
      title: "Complete the Level 2 Adult Social Care Certificate",
      roleKey: "supervisor_leader",
      dueOn: "2027-03-31",
    });
    expect(goal.status).toBe(201);
    await sam.post(`/api/orgs/${org.id}/my-career/goals`, { title: "Shadow a senior carer", dueOn: "2026-12-31" });
    const bad = await sam.post(`/api/orgs/${org.id}/my-career/goals`, { title: "x", dueOn: "2027-02-30" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["dueOn", "title"]);
    const noRole = await sam.post(`/api/orgs/${org.id}/my-career/goals`, {
      title: "Become an astronaut",
      roleKey: "astronaut",
    });
    expect(noRole.status).toBe(400);
    expect(noRole.json.error.issues[0].path).toBe("roleKey");
    const nothing = await sam.request("PATCH", `/api/orgs/${org.id}/my-career/goals/${goal.json.goal.id}`, {});
    expect(nothing.status).toBe(400);
    expect(nothing.json.error.message).toContain("doneOn");
    const mine = (await sam.get(`/api/orgs/${org.id}/my-career/plan`)).json;
    expect(mine.shared).toBe(false);
    expect(mine.goals.map((g: { title: string }) => g.title)).toEqual([
      "Shadow a senior carer",
      "Complete the Level 2 Adult Social Care Certificate",
    ]); // by date
    expect((await kim.get(`/api/orgs/${org.id}/my-career/plan`)).json.goals).toEqual([]); // Kim's plan is her own
    expect(
      (await kim.request("PATCH", `/api/orgs/${org.id}/my-career/goals/${goal.json.goal.id}`, { doneOn: "2026-06-01" }))
        .status,
    ).toBe(404);

    expect((await manager.get(`/api/orgs/${org.id}/career-plans`)).json.plans).toEqual([]); // not shared yet
    await sam.request("PUT", `/api/orgs/${org.id}/my-career/plan`, { shared: true });
    const seen = (await manager.get(`/api/orgs/${org.id}/career-plans`)).json.plans;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ displayId: "Person sam" });
    expect(seen[0].goals).toHaveLength(2);

    expect(
      (await sam.request("PATCH", `/api/orgs/${org.id}/my-career/goals/${goal.json.goal.id}`, { doneOn: "2026-06-10" }))
        .json.goal.doneOn,
    ).toBe("2026-06-10");
    expect((await sam.request("DELETE", `/api/orgs/${org.id}/my-career/goals/${goal.json.goal.id}`)).status).toBe(200);
    // Each change to a goal is audited, without the goal's own words.
    const trail = (
      await hub.deps.db.execute(
        sql`select action, after::text as after from audit_log where entity_type = 'career_goal' and entity_id = ${goal.json.goal.id} order by id`,
      )
    ).rows as { action: string; after: string | null }[];
    expect(trail.map((t) => t.action)).toEqual(["create", "update", "delete"]);
    expect(JSON.stringify(trail)).not.toContain("Level 2 Adult Social Care Certificate");
    await sam.request("PUT", `/api/orgs/${org.id}/my-career/plan`, { shared: false });
    expect((await manager.get(`/api/orgs/${org.id}/career-plans`)).json.plans).toEqual([]);
    // Staff members cannot read others' shared plans.
    expect((await kim.get(`/api/orgs/${org.id}/career-plans`)).status).toBe(403);
  });
});

describe("the roadmap poster", () => {
  it("is a one-page A3 PDF naming every role, what it needs and where it leads", async () => {
    const res = await hub.app.request("/api/public/careers/poster.pdf");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    const pdf = (await posterPdf(SHIPPED_FRAMEWORK, { council: "Halton", uncompressed: true })).toString("latin1");
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(pdf).toContain("/MediaBox [0 0 1190.55 841.89]"); // A3 landscape
    // The text as drawn: each TJ array's hex strings, decoded (kerning gaps dropped).
    const text = [...pdf.matchAll(/\[(.*?)\] TJ/g)]
      .map((m) => [...m[1].matchAll(/<([0-9a-f]+)>/g)].map((h) => Buffer.from(h[1], "hex").toString("latin1")).join(""))
      .join(" ")
      .replace(/\s+/g, " ");
    for (const r of SHIPPED_FRAMEWORK.roles) expect(text, r.key).toContain(r.title);
    expect(text).toContain("Needs: Care Certificate");
    expect(text).toContain("Leads to: Practice leader, Deputy manager");
  });
});
