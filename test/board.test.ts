import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { advertViewDays, jobAlerts } from "../src/server/db/schema";
import { sendJobAlerts } from "../src/server/modules/recruitment/board-alerts.service";
import type { JobSearchResponse } from "../src/shared/schemas/jobs";
import { boardCouncil, insertAdvert } from "./board-helpers";
import { Client, type Hub, lastEmailTo, testHub, uniq } from "./harness";

// The public job board (issue 17 item 2): search and each filter, the advert's page with its pay
// against the wage floors and its progression, page views, job alerts.

let hub: Hub;
let anon: Client;
beforeAll(async () => {
  hub = await testHub();
  anon = new Client(hub);
});

const search = async (slug: string, params: Record<string, string> = {}) => {
  const res = await anon.get(`/api/public/jobs?${new URLSearchParams({ council: slug, ...params })}`);
  expect(res.status, res.text).toBe(200);
  return res.json as JobSearchResponse;
};
const titles = (r: JobSearchResponse) => r.jobs.map((j) => j.title).sort();

describe("searching the board", () => {
  let slug: string;
  let other: { council: { id: string; slug: string }; employer: { id: string } };
  beforeAll(async () => {
    const { council, employer } = await boardCouncil(hub);
    slug = council.slug;
    const at = { councilId: council.id, orgId: employer.id };
    await insertAdvert(hub, at, { title: "Care worker Runcorn", publishedAt: new Date("2026-06-12T09:00:00Z") });
    await insertAdvert(hub, at, {
      title: "Night carer Widnes",
      workplacePostcode: "WA8 7XX",
      town: "Widnes",
      payMinPence: 1350,
      hoursPerWeek: 20,
      shiftPattern: "Nights",
      publishedAt: new Date("2026-06-11T09:00:00Z"),
    });
    await insertAdvert(hub, at, {
      title: "Bank carer Warrington",
      workplacePostcode: "WA1 1AA",
      town: "Warrington",
      contractType: "bank",
      zeroHours: true,
      hoursPerWeek: null,
      noExperienceNeeded: true,
      drivingRequired: true,
      payMinPence: 1271,
      publishedAt: new Date("2026-06-10T10:00:00Z"),
    });
    await insertAdvert(hub, at, {
      title: "Registered manager",
      jobRole: 4,
      payUnit: "year",
      payMinPence: 4_500_000,
      payMaxPence: 5_000_000,
      visaSponsorship: true,
      contractType: "temporary",
      summary: "Lead our dementia service.",
    });
    // Never on the board: a draft, a closed advert, one whose closing date has passed, a refused one.
    await insertAdvert(hub, at, { title: "Draft job", status: "draft", publishedAt: null });
    await insertAdvert(hub, at, { title: "Closed job", status: "closed", closedReason: "filled" });
    await insertAdvert(hub, at, { title: "Expired job", closingDate: "2026-06-14" });
    await insertAdvert(hub, at, { title: "Refused job", status: "refused" });
    other = await boardCouncil(hub);
    await insertAdvert(hub, { councilId: other.council.id, orgId: other.employer.id }, { title: "Other council job" });
  });

  it("lists this council's live adverts, newest first, with what a list needs", async () => {
    const r = await search(slug);
    expect(r.total).toBe(4);
    expect(r.jobs.map((j) => j.title)).toEqual([
      "Care worker Runcorn",
      "Night carer Widnes",
      "Bank carer Warrington",
      "Registered manager",
    ]);
    const bank = r.jobs.find((j) => j.title === "Bank carer Warrington");
    expect(bank?.contract.hoursText).toBe("Zero hours contract: no guaranteed hours");
    expect(bank?.pay.text).toBe("£12.71 an hour");
    expect(bank?.place).toBe("Warrington");
    expect(bank?.employer.name).toMatch(/^Oak Care/);
    expect(bank?.closingDate).toBe("2026-07-31");
    const manager = r.jobs.find((j) => j.title === "Registered manager");
    expect(manager?.pay.text).toBe("£45,000 to £50,000 a year");
    expect(r.jobs.every((j) => j.distanceMiles === null)).toBe(true);
  });

  it("never shows another council's adverts, and the other board does not show these", async () => {
    expect(titles(await search(other.council.slug))).toEqual(["Other council job"]);
    expect(titles(await search(slug))).not.toContain("Other council job");
  });

  it("drops an advert on the day after its closing date", async () => {
    hub.clock.now = new Date("2026-08-01T09:00:00Z");
    try {
      expect((await search(slug)).total).toBe(0);
    } finally {
      hub.clock.now = new Date("2026-06-15T09:00:00Z");
    }
  });

  it("filters by each filter", async () => {
    expect(titles(await search(slug, { q: "widnes" }))).toEqual(["Night carer Widnes"]);
    expect(titles(await search(slug, { q: "dementia" }))).toEqual(["Registered manager"]);
    expect(titles(await search(slug, { q: "100%_" }))).toEqual([]);
    expect(titles(await search(slug, { payMin: "13" }))).toEqual(["Night carer Widnes", "Registered manager"]);
    expect(titles(await search(slug, { payMin: "12.75" }))).toEqual([
      "Care worker Runcorn",
      "Night carer Widnes",
      "Registered manager",
    ]);
    expect(titles(await search(slug, { hours: "full_time" }))).toEqual(["Care worker Runcorn", "Registered manager"]);
    expect(titles(await search(slug, { hours: "part_time" }))).toEqual(["Night carer Widnes"]);
    expect(titles(await search(slug, { hours: "zero_hours" }))).toEqual(["Bank carer Warrington"]);
    expect(titles(await search(slug, { contract: "temporary" }))).toEqual(["Registered manager"]);
    expect(titles(await search(slug, { contract: "bank" }))).toEqual(["Bank carer Warrington"]);
    expect(titles(await search(slug, { noExperience: "true" }))).toEqual(["Bank carer Warrington"]);
    expect(titles(await search(slug, { driving: "true" }))).toEqual(["Bank carer Warrington"]);
    expect(titles(await search(slug, { driving: "false" }))).not.toContain("Bank carer Warrington");
    expect(titles(await search(slug, { sponsorship: "true" }))).toEqual(["Registered manager"]);
    // A framework role (its ASC-WDS job roles) or an ASC-WDS code.
    expect(titles(await search(slug, { role: "registered_manager" }))).toEqual(["Registered manager"]);
    expect(titles(await search(slug, { role: "4" }))).toEqual(["Registered manager"]);
    expect((await search(slug, { role: "8" })).total).toBe(3);
    expect((await search(slug, { role: "care_support_worker" })).total).toBe(3);
    // Combined.
    expect(titles(await search(slug, { role: "8", hours: "full_time", payMin: "12.5" }))).toEqual([
      "Care worker Runcorn",
    ]);
  });

  it("searches round a postcode: nearest first, within the radius only, with the distance", async () => {
    const near = await search(slug, { postcode: "wa7 5aa", radius: "3" });
    expect(near.origin).toEqual({ outward: "WA7", place: "Runcorn", radius: 3 });
    expect(near.jobs.map((j) => j.title)).toEqual(["Care worker Runcorn", "Registered manager", "Night carer Widnes"]);
    expect(near.jobs[0].distanceMiles).toBe(0);
    const widnes = near.jobs.find((j) => j.title === "Night carer Widnes");
    expect(widnes?.distanceMiles).toBeGreaterThan(2);
    expect(widnes?.distanceMiles).toBeLessThan(3);
    // Warrington is about 6 miles away: in at 10 miles (the default), out at 3.
    const wide = await search(slug, { postcode: "WA7" });
    expect(wide.origin?.radius).toBe(10);
    expect(wide.jobs.at(-1)?.title).toBe("Bank carer Warrington");
    expect(wide.jobs.at(-1)?.distanceMiles).toBeGreaterThan(5);
  });

  it("refuses bad input with a message naming the field", async () => {
    const bad = async (params: Record<string, string>, path: string, message: RegExp) => {
      const res = await anon.get(`/api/public/jobs?${new URLSearchParams(params)}`);
      expect(res.status, res.text).toBe(400);
      expect(res.json.error.issues[0].path).toBe(path);
      expect(res.json.error.message).toMatch(message);
    };
    await bad({ council: slug, postcode: "ZZ99 9ZZ" }, "postcode", /Enter a postcode in the area, like WA7 1AB/);
    await bad({ council: slug, postcode: "hello" }, "postcode", /Enter a postcode in the area/);
    await bad({ council: slug, radius: "500", postcode: "WA7" }, "radius", /at most 50 miles/);
    await bad({ council: slug, payMin: "lots" }, "payMin", /pounds an hour/);
    await bad({ council: slug, hours: "some" }, "hours", /full time, part time or zero hours/);
    await bad({ council: slug, contract: "agency" }, "contract", /contract type/);
    await bad({ council: slug, role: "no_such_role" }, "role", /Choose a role from the list/);
    await bad({ council: slug, role: "DROP TABLE" }, "role", /Choose a role from the list/);
    await bad({ council: slug, noExperience: "maybe" }, "noExperience", /true or false/);
    await bad({}, "council", /council/);
    const unknown = await anon.get("/api/public/jobs?council=no-such-council");
    expect(unknown.status).toBe(404);
  });

  it("counts live adverts by framework role for the careers roadmap's links", async () => {
    const res = await anon.get(`/api/public/jobs/counts?council=${slug}`);
    expect(res.status, res.text).toBe(200);
    const count = (key: string) => res.json.roles.find((r: { key: string }) => r.key === key)?.count;
    expect(res.json.total).toBe(4);
    expect(res.json.council.slug).toBe(slug);
    expect(count("care_support_worker")).toBe(3);
    expect(count("registered_manager")).toBe(1);
    expect(count("social_worker")).toBe(0);
    // The count is what the board shows for the same role.
    expect((await search(slug, { role: "care_support_worker" })).total).toBe(count("care_support_worker"));
  });

  it("lists the councils' boards with their live adverts", async () => {
    const res = await anon.get("/api/public/jobs/boards");
    expect(res.status, res.text).toBe(200);
    const mine = res.json.boards.find((b: { slug: string }) => b.slug === slug);
    expect(mine.live).toBe(4);
    expect(res.json.boards.find((b: { slug: string }) => b.slug === other.council.slug).live).toBe(1);
  });

  it("pages the results with the total", async () => {
    const { council, employer } = await boardCouncil(hub);
    for (let i = 0; i < 23; i++)
      await insertAdvert(
        hub,
        { councilId: council.id, orgId: employer.id },
        { title: `Job ${String(i).padStart(2, "0")}`, publishedAt: new Date(Date.UTC(2026, 5, 1, i)) },
      );
    const first = await search(council.slug);
    expect(first).toMatchObject({ total: 23, page: 1, pageSize: 20, pages: 2 });
    expect(first.jobs).toHaveLength(20);
    expect(first.jobs[0].title).toBe("Job 22");
    const second = await search(council.slug, { page: "2" });
    expect(second.jobs.map((j) => j.title)).toEqual(["Job 02", "Job 01", "Job 00"]);
    const beyond = await search(council.slug, { page: "3" });
    expect(beyond).toMatchObject({ total: 23, jobs: [] });
  });
});

describe("an advert's page", () => {
  it("shows the advert, its pay against both wage floors and where the role leads, and counts a view", async () => {
    const { council, employer } = await boardCouncil(hub);
    const advert = await insertAdvert(
      hub,
      { councilId: council.id, orgId: employer.id },
      {
        frameworkRoleKey: "care_support_worker",
        payMinPence: 1300,
        offers: "- Paid training\n- Care Certificate in your first 12 weeks",
        // One held as the framework's words, one as a sector value's key: both read as words.
        values: ["Respect", "whole_person"],
        shiftPattern: "Days, alternate weekends",
      },
    );
    const res = await anon.get(`/api/public/jobs/${advert.id}`);
    expect(res.status, res.text).toBe(200);
    const a = res.json;
    expect(a.title).toBe("Care worker");
    expect(a.employer.name).toBe(employer.name);
    expect(a.workplace).toMatchObject({ town: "Runcorn", outward: "WA7", postcode: "WA7 1AB" });
    expect(a.council).toEqual({ name: council.name, slug: council.slug });
    expect(a.role.framework).toEqual({ key: "care_support_worker", title: "Care or support worker" });
    expect(a.progression.length).toBeGreaterThan(0);
    expect(a.progression.map((p: { to: { key: string } }) => p.to.key)).toContain("enhanced_care_worker");
    // June 2026: the National Living Wage is £12.71 and the Real Living Wage in force £12.60.
    expect(a.pay.nationalLivingWage).toMatchObject({ hourlyRate: 12.71 });
    expect(a.pay.realLivingWage.hourlyRate).toBeGreaterThan(12);
    expect(a.pay.comparison[0]).toBe("Pays £0.29 an hour above the National Living Wage");
    expect(a.pay.comparison[1]).toMatch(/Real Living Wage$/);
    expect(a.values).toEqual(["Respect", "See the whole person"]);
    expect(a.contract.shiftPattern).toBe("Days, alternate weekends");
    // Nothing beyond the advert: no internal ids of the employer, vacancy or workplace.
    expect(JSON.stringify(a)).not.toContain(employer.id);
    expect(JSON.stringify(a)).not.toContain(advert.vacancyId);
    expect(JSON.stringify(a)).not.toContain(advert.workplaceId);

    // The same visitor again is not counted again that day; another visitor is.
    await anon.get(`/api/public/jobs/${advert.id}`);
    await new Client(hub).get(`/api/public/jobs/${advert.id}`);
    const views = await hub.deps.db.select().from(advertViewDays).where(eq(advertViewDays.advertId, advert.id));
    expect(views).toEqual([{ advertId: advert.id, orgId: employer.id, day: "2026-06-15", views: 2 }]);
  });

  it("is gone once the advert closes or passes its closing date, and counts no view of it", async () => {
    const { council, employer } = await boardCouncil(hub);
    const at = { councilId: council.id, orgId: employer.id };
    const closed = await insertAdvert(hub, at, { status: "closed", closedReason: "filled" });
    const expired = await insertAdvert(hub, at, { closingDate: "2026-06-14" });
    for (const id of [closed.id, expired.id, "3f1c1a52-0000-4000-8000-000000000000", "not-an-id"]) {
      const res = await anon.get(`/api/public/jobs/${id}`);
      expect(res.status).toBe(404);
      expect(res.json.error.message).toMatch(/could not find that job/);
    }
    const views = await hub.deps.db.select().from(advertViewDays).where(eq(advertViewDays.advertId, closed.id));
    expect(views).toEqual([]);
  });
});

describe("job alerts", () => {
  it("sends nothing before confirmation, then only new matching adverts, and stops on unsubscribe", async () => {
    const { council, employer } = await boardCouncil(hub);
    const at = { councilId: council.id, orgId: employer.id };
    const email = `seeker-${uniq()}@example.test`;
    const criteria = { postcode: "WA7 1AB", radius: "5", hours: "full_time" };
    const asked = await anon.post("/api/public/job-alerts", { council: council.slug, email, criteria });
    expect(asked.status, asked.text).toBe(202);
    expect(asked.json.status).toBe("pending");
    const confirmMail = await lastEmailTo(hub, email);
    expect(confirmMail?.template).toBe("job_alert_confirm");
    expect(confirmMail?.body).toContain("/jobs/alerts/confirm?token=");
    const token = confirmMail?.token as string;
    // The table keeps only the token's hash.
    const [row] = await hub.deps.db.select().from(jobAlerts).where(eq(jobAlerts.councilId, council.id));
    expect(row.tokenHash).not.toContain(token);
    expect(row.confirmedAt).toBeNull();

    // Asking again sends no second email.
    await anon.post("/api/public/job-alerts", { council: council.slug, email, criteria });
    expect(await hub.deps.db.select().from(jobAlerts).where(eq(jobAlerts.councilId, council.id))).toHaveLength(1);
    expect((await lastEmailTo(hub, email))?.id).toBe(confirmMail?.id);

    // Unconfirmed: a day later, with a matching advert published, nothing is sent.
    hub.clock.now = new Date("2026-06-16T10:00:00Z");
    await insertAdvert(hub, at, { title: "Before confirming", publishedAt: new Date("2026-06-16T09:00:00Z") });
    await sendJobAlerts(hub.deps);
    expect((await lastEmailTo(hub, email))?.template).toBe("job_alert_confirm");

    const confirmed = await anon.post("/api/public/job-alerts/confirm", { token });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.json.status).toBe("confirmed");
    expect((await anon.post("/api/public/job-alerts/confirm", { token })).status).toBe(404);

    // New adverts: one matching, one part time, one too far away, one on another board.
    await insertAdvert(hub, at, { title: "Matching job", publishedAt: new Date("2026-06-16T12:00:00Z") });
    await insertAdvert(hub, at, {
      title: "Part time job",
      hoursPerWeek: 16,
      publishedAt: new Date("2026-06-16T12:00:00Z"),
    });
    await insertAdvert(hub, at, {
      title: "Far job",
      workplacePostcode: "CW9 5AA",
      publishedAt: new Date("2026-06-16T12:00:00Z"),
    });
    const other = await boardCouncil(hub);
    await insertAdvert(
      hub,
      { councilId: other.council.id, orgId: other.employer.id },
      { title: "Other board job", publishedAt: new Date("2026-06-16T12:00:00Z") },
    );
    hub.clock.now = new Date("2026-06-17T11:00:00Z");
    try {
      await sendJobAlerts(hub.deps);
      const alert = await lastEmailTo(hub, email);
      expect(alert?.template).toBe("job_alert");
      expect(alert?.body).toContain("Matching job");
      for (const not of ["Before confirming", "Part time job", "Far job", "Other board job"])
        expect(alert?.body).not.toContain(not);
      expect(alert?.body).toContain("?source=alert");
      const unsubscribe = /unsubscribe\?token=([\w-]+)/.exec(alert?.body ?? "")?.[1] as string;

      // Nothing new: nothing sent the next day.
      hub.clock.now = new Date("2026-06-18T12:00:00Z");
      await sendJobAlerts(hub.deps);
      expect((await lastEmailTo(hub, email))?.id).toBe(alert?.id);

      const stopped = await anon.post("/api/public/job-alerts/unsubscribe", { token: unsubscribe });
      expect(stopped.json.status).toBe("unsubscribed");
      expect(await hub.deps.db.select().from(jobAlerts).where(eq(jobAlerts.councilId, council.id))).toEqual([]);
      await insertAdvert(hub, at, { title: "After unsubscribing", publishedAt: new Date("2026-06-18T13:00:00Z") });
      hub.clock.now = new Date("2026-06-20T12:00:00Z");
      await sendJobAlerts(hub.deps);
      expect((await lastEmailTo(hub, email))?.id).toBe(alert?.id);
    } finally {
      hub.clock.now = new Date("2026-06-15T09:00:00Z");
    }
  });

  it("sends at most three confirmation emails a day to one address, whatever the searches", async () => {
    const { council } = await boardCouncil(hub);
    const email = `target-${uniq()}@example.test`;
    for (const q of ["a", "b", "c", "d", "e"]) {
      const res = await anon.post("/api/public/job-alerts", { council: council.slug, email, criteria: { q } });
      // The same answer every time: the form does not say what it did.
      expect(res.status).toBe(202);
      expect(res.json.status).toBe("pending");
    }
    const { outbox } = await import("../src/server/db/schema");
    const sent = await hub.deps.db.select().from(outbox).where(eq(outbox.toAddress, email));
    expect(sent).toHaveLength(3);
    expect(await hub.deps.db.select().from(jobAlerts).where(eq(jobAlerts.councilId, council.id))).toHaveLength(3);
  });

  it("refuses a bad address or search with a message naming the field", async () => {
    const { council } = await boardCouncil(hub);
    const bad = await anon.post("/api/public/job-alerts", {
      council: council.slug,
      email: "not-an-email",
      criteria: {},
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0]).toMatchObject({ path: "email", message: expect.stringMatching(/correct format/) });
    const where = await anon.post("/api/public/job-alerts", {
      council: council.slug,
      email: "a@example.test",
      criteria: { postcode: "ZZ1 1ZZ" },
    });
    expect(where.status).toBe(400);
    expect(where.json.error.issues[0]).toMatchObject({
      path: "postcode",
      message: "Enter a postcode in the area, like WA7 1AB",
    });
    const extra = await anon.post("/api/public/job-alerts", {
      council: council.slug,
      email: "a@example.test",
      criteria: { colour: "blue" },
    });
    expect(extra.status).toBe(400);
    expect(extra.json.error.issues[0].path).toBe("criteria");
    const nothing = await hub.deps.db
      .select()
      .from(jobAlerts)
      .where(and(eq(jobAlerts.councilId, council.id)));
    expect(nothing).toEqual([]);
  });
});
