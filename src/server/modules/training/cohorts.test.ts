import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { advert, candidate } from "../../../../test/candidate-fixtures";
import { commissionedProvider, lastEmailTo, makeUser, signedIn, testHub } from "../../../../test/harness";
import { course, trainingArea } from "../../../../test/training-fixtures";
import { applications, candidateProfiles, guaranteedInterviews } from "../../db/schema";

// The pre-employment course with a guaranteed interview (issue 18 item 8): who may be enrolled,
// what completing opens, and what an employer sees as the learner chose.

const hub = await testHub();

async function setUp() {
  const area = await trainingArea(hub);
  const preEmployment = await course(hub, area, {
    offeredBy: area.councilId,
    title: "Introduction to care",
    audience: "pre_employment",
    hours: 90,
  });
  const outsider = await commissionedProvider(hub, area.councilId, { workers: 1 });
  const outsiderAdmin = await makeUser(hub, outsider, "provider_admin");
  const council = await area.councilClient();
  const base = `/api/orgs/${area.councilId}/training/cohorts`;
  const made = await council.post(base, {
    courseId: preEmployment.id,
    name: "Spring 2026",
    partner: "Riverside College",
    startsOn: "2026-05-01",
    endsOn: "2026-05-29",
    employerIds: [area.provider.id],
  });
  expect(made.status).toBe(201);
  const cohort = made.json.cohort;
  const slug = (area.council as { slug: string }).slug;
  const me = await candidate(hub, { id: area.councilId, slug });
  await hub.deps.db
    .update(candidateProfiles)
    .set({ phone: "07700 900123", experience: "Cared for my gran", availability: "Weekdays", preferredAreas: ["WA7"] })
    .where(eq(candidateProfiles.userId, me.id));
  return {
    area,
    preEmployment,
    council,
    cohort,
    base,
    me,
    employer: await area.providerClient(),
    outsiderClient: await signedIn(hub, outsiderAdmin.email),
    outsider,
  };
}

describe("cohorts of the pre-employment course", () => {
  it("refuses a course that is not for people not yet in care, and warns (without refusing) past six weeks", async () => {
    const { area, council, base, preEmployment } = await setUp();
    const staffCourse = await course(hub, area);
    const body = {
      courseId: staffCourse.id,
      name: "Autumn",
      partner: "Jobcentre Plus Runcorn",
      startsOn: "2026-09-01",
      endsOn: "2026-11-30",
      employerIds: [area.provider.id],
    };
    const wrong = await council.post(base, body);
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.issues[0].path).toBe("courseId");
    const long = await council.post(base, { ...body, courseId: preEmployment.id });
    expect(long.status).toBe(201);
    expect(long.json.cohort.warnings[0]).toContain("advised to last up to 6 weeks");
    const notOurs = await council.post(base, { ...body, courseId: preEmployment.id, employerIds: [area.partner.id] });
    expect(notOurs.status).toBe(400);
    expect(notOurs.json.error.issues[0].path).toBe("employerIds");
  });

  it("enrols only a candidate of the council's joint recruitment, and asks them by email to consent", async () => {
    const { area, council, base, cohort, me } = await setUp();
    const staff = await council.post(`${base}/${cohort.id}/learners`, { email: area.providerAdmin.email });
    expect(staff.status).toBe(400);
    expect(staff.json.error.code).toBe("not_a_candidate");
    expect(staff.json.error.issues[0].path).toBe("email");
    const nobody = await council.post(`${base}/${cohort.id}/learners`, { email: "nobody@example.test" });
    expect(nobody.status).toBe(400);
    const ok = await council.post(`${base}/${cohort.id}/learners`, { email: me.email.toUpperCase() });
    expect(ok.status).toBe(201);
    expect(ok.json.learner).toMatchObject({ status: "enrolled", sharedAt: null, email: me.email });
    const mail = await lastEmailTo(hub, me.email);
    expect(mail?.subject).toContain("choose whether employers may see your details");
    expect(mail?.body).toContain(`/orgs/${area.councilId}/candidate/cohorts`);
    const twice = await council.post(`${base}/${cohort.id}/learners`, { email: me.email });
    expect(twice.status).toBe(409);
  });

  it("completion opens interviews; employers see the learner only while they consent; outcomes are recorded", async () => {
    const { area, council, base, cohort, me, employer, outsiderClient, outsider } = await setUp();
    const learner = (await council.post(`${base}/${cohort.id}/learners`, { email: me.email })).json.learner;
    const done = await council.post(`${base}/${cohort.id}/learners/${learner.id}/complete`, {
      completedOn: "2026-05-29",
    });
    expect(done.status).toBe(200);
    const rows = await hub.deps.db
      .select()
      .from(guaranteedInterviews)
      .where(eq(guaranteedInterviews.learnerId, learner.id))
      .orderBy(asc(guaranteedInterviews.orgId));
    expect(rows.map((r) => [r.orgId, r.outcome])).toEqual([[area.provider.id, "pending"]]);

    const interviewsUrl = `/api/orgs/${area.provider.id}/guaranteed-interviews`;
    // Not consented: nothing.
    expect((await employer.get(interviewsUrl)).json.interviews).toEqual([]);
    // Consent: the employer sees the learner and what they shared, and hears of them.
    const mine = await me.client.get(`/api/orgs/${area.councilId}/my-cohorts`);
    expect(mine.json.cohorts[0]).toMatchObject({
      status: "completed",
      sharedAt: null,
      employers: [area.provider.name],
    });
    const consent = await me.client.post(`/api/orgs/${area.councilId}/my-cohorts/${learner.id}/consent`, {
      share: true,
    });
    expect(consent.status).toBe(200);
    expect(consent.json.cohorts[0].sharedAt).not.toBeNull();
    expect((await lastEmailTo(hub, area.providerAdmin.email))?.template).toBe("guaranteed_interview");
    const seen = await employer.get(interviewsUrl);
    expect(seen.json.interviews).toHaveLength(1);
    expect(seen.json.interviews[0].learner).toEqual({
      name: "Amira Khan",
      email: me.email,
      phone: "07700 900123",
      experience: "Cared for my gran",
      availability: "Weekdays",
      areas: ["WA7"],
    });
    // An employer not taking part sees nothing.
    expect((await outsiderClient.get(`/api/orgs/${outsider.id}/guaranteed-interviews`)).json.interviews).toEqual([]);
    const id = seen.json.interviews[0].id;
    expect(
      (await outsiderClient.patch(`/api/orgs/${outsider.id}/guaranteed-interviews/${id}`, { outcome: "no_show" }))
        .status,
    ).toBe(404);

    // Outcomes: an offer needs its date; a start links the employer's own staff record only.
    const noDate = await employer.patch(`${interviewsUrl}/${id}`, { outcome: "offered", interviewOn: "2026-06-03" });
    expect(noDate.status).toBe(400);
    expect(noDate.json.error.issues[0].path).toBe("offeredOn");
    const foreign = await employer.patch(`${interviewsUrl}/${id}`, {
      outcome: "offered",
      interviewOn: "2026-06-03",
      offeredOn: "2026-06-04",
      startedOn: "2026-06-10",
      staffRecordId: "00000000-0000-4000-8000-000000000009",
    });
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.issues[0].path).toBe("staffRecordId");
    const started = await employer.patch(`${interviewsUrl}/${id}`, {
      outcome: "offered",
      interviewOn: "2026-06-03",
      offeredOn: "2026-06-04",
      startedOn: "2026-06-10",
      staffRecordId: area.staff[0].id,
    });
    expect(started.status).toBe(200);
    expect(started.json.interview).toMatchObject({
      outcome: "offered",
      startedOn: "2026-06-10",
      staffRecordId: area.staff[0].id,
    });

    // Withdrawing consent: the recorded interview stays, without the learner.
    await me.client.post(`/api/orgs/${area.councilId}/my-cohorts/${learner.id}/consent`, { share: false });
    const after = await employer.get(interviewsUrl);
    expect(after.json.interviews).toHaveLength(1);
    expect(after.json.interviews[0]).toMatchObject({ learner: null, outcome: "offered", startedOn: "2026-06-10" });
  });

  it("a learner who withdraws consent before any interview is recorded is hidden again", async () => {
    const { council, base, cohort, me, employer, area } = await setUp();
    const learner = (await council.post(`${base}/${cohort.id}/learners`, { email: me.email })).json.learner;
    await me.client.post(`/api/orgs/${area.councilId}/my-cohorts/${learner.id}/consent`, { share: true });
    await council.post(`${base}/${cohort.id}/learners/${learner.id}/complete`, { completedOn: "2026-05-29" });
    const url = `/api/orgs/${area.provider.id}/guaranteed-interviews`;
    expect((await employer.get(url)).json.interviews).toHaveLength(1);
    await me.client.post(`/api/orgs/${area.councilId}/my-cohorts/${learner.id}/consent`, { share: false });
    expect((await employer.get(url)).json.interviews).toEqual([]);
    // Another candidate cannot touch this learner's consent.
    const other = await candidate(hub, { id: area.councilId, slug: (area.council as { slug: string }).slug });
    const res = await other.client.post(`/api/orgs/${area.councilId}/my-cohorts/${learner.id}/consent`, {
      share: true,
    });
    expect(res.status).toBe(404);
    const [row] = await hub.deps.db
      .select()
      .from(guaranteedInterviews)
      .where(and(eq(guaranteedInterviews.learnerId, learner.id)));
    expect(row.outcome).toBe("pending");
  });

  it("a withdrawn learner cannot complete, and a completed one cannot be withdrawn", async () => {
    const { council, base, cohort, me } = await setUp();
    const learner = (await council.post(`${base}/${cohort.id}/learners`, { email: me.email })).json.learner;
    expect((await council.post(`${base}/${cohort.id}/learners/${learner.id}/withdraw`)).json.learner.status).toBe(
      "withdrawn",
    );
    const res = await council.post(`${base}/${cohort.id}/learners/${learner.id}/complete`, {
      completedOn: "2026-05-29",
    });
    expect(res.status).toBe(409);
  });

  it("a start of a learner who applied through the board links the application and the staff record its start made", async () => {
    const { area, council, base, cohort, me, employer } = await setUp();
    const job = await advert(hub, area.councilId, area.provider.id);
    const applied = await me.client.post(`/api/orgs/${area.councilId}/candidate/applications`, { advertIds: [job.id] });
    expect(applied.status, applied.text).toBe(201);
    await hub.deps.db
      .update(applications)
      .set({ staffRecordId: area.staff[1].id, stage: "started", startedOn: "2026-06-10" })
      .where(eq(applications.candidateUserId, me.id));
    const learner = (await council.post(`${base}/${cohort.id}/learners`, { email: me.email })).json.learner;
    await me.client.post(`/api/orgs/${area.councilId}/my-cohorts/${learner.id}/consent`, { share: true });
    await council.post(`${base}/${cohort.id}/learners/${learner.id}/complete`, { completedOn: "2026-05-29" });
    const url = `/api/orgs/${area.provider.id}/guaranteed-interviews`;
    const [i] = (await employer.get(url)).json.interviews;
    // No staff record named: the start takes the one the board's application made.
    const res = await employer.patch(`${url}/${i.id}`, {
      outcome: "offered",
      interviewOn: "2026-06-01",
      offeredOn: "2026-06-02",
      startedOn: "2026-06-10",
    });
    expect(res.status).toBe(200);
    const [app] = await hub.deps.db.select().from(applications).where(eq(applications.candidateUserId, me.id));
    expect(res.json.interview).toMatchObject({ applicationId: app.id, staffRecordId: area.staff[1].id });
  });

  it("an employer cannot record against a learner who does not share their details", async () => {
    const { area, council, base, cohort, me, employer } = await setUp();
    const learner = (await council.post(`${base}/${cohort.id}/learners`, { email: me.email })).json.learner;
    await council.post(`${base}/${cohort.id}/learners/${learner.id}/complete`, { completedOn: "2026-05-29" });
    const [row] = await hub.deps.db
      .select()
      .from(guaranteedInterviews)
      .where(eq(guaranteedInterviews.learnerId, learner.id));
    const res = await employer.patch(`/api/orgs/${area.provider.id}/guaranteed-interviews/${row.id}`, {
      outcome: "no_show",
    });
    expect(res.status).toBe(404);
  });
});
