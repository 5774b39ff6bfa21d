import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apply, employerWithAdvert } from "../../../../test/employer-helpers";
import { lastEmailTo, makeUser, signedIn, testHub } from "../../../../test/harness";
import { NI_NUMBER_MESSAGE } from "../../../shared/ascwds/ni-number";
import {
  applicationEvents,
  auditLog,
  interviewSlots,
  jobAdverts,
  outbox,
  staffRecords,
  vacancies,
} from "../../db/schema";

const hub = await testHub();

const auditOf = async (entityId: string) => hub.deps.db.select().from(auditLog).where(eq(auditLog.entityId, entityId));

describe("applicant tracking", () => {
  it("lists applications by advert and stage, and shows one with what the candidate shared", async () => {
    const e = await employerWithAdvert(hub);
    const a = await apply(hub, e, null, "Alex Jones");
    await apply(hub, e);
    const list = await e.client.get(`${e.base}/applications?advertId=${e.advert.id}`);
    expect(list.json.applications).toHaveLength(2);
    expect(list.json.counts).toEqual({ applied: 2 });
    expect((await e.client.get(`${e.base}/applications?stage=screened`)).json.applications).toEqual([]);
    const one = await e.client.get(`${e.base}/applications/${a.id}`);
    expect(one.json.application).toMatchObject({
      name: "Alex Jones",
      stage: "applied",
      profile: { experience: "Two years caring for my grandmother" },
      answers: [{ value: "Respect", answer: "I listen first." }],
      history: [{ fromStage: null, toStage: "applied" }],
      rubric: { 1: "Missed the point or wholly inadequate", 5: "Excellent: exactly what was sought" },
    });
    expect(one.json.application.values).toEqual(["Respect", "Kind, compassionate and empathetic"]);
    // The adverts list counts applications by stage.
    expect((await e.client.get(`${e.base}/adverts`)).json.adverts[0].counts).toEqual({ applied: 2 });
  });

  it("moves an application through the stages with events, audit without personal details, and emails", async () => {
    const e = await employerWithAdvert(hub);
    const a = await apply(hub, e, null, "Robin Hughes");
    const screened = await e.client.post(`${e.base}/applications/${a.id}/move`, { stage: "screened" });
    expect(screened.status).toBe(200);
    expect(screened.json.application.stage).toBe("screened");
    const mail = await lastEmailTo(hub, a.email);
    expect(mail?.subject).toBe("Your application for Care worker");
    expect(mail?.body).toContain("Dear Robin Hughes");

    // No interview times on the job yet: the email says times will follow, not "choose a time".
    await e.client.post(`${e.base}/applications/${a.id}/move`, { stage: "interview" });
    const invite = await lastEmailTo(hub, a.email);
    expect(invite?.subject).toBe("Interview for Care worker");
    expect(invite?.body).toContain("We are setting the interview times and will be in touch with them.");
    expect(invite?.body).not.toMatch(/choose/i);
    expect(invite?.body).toContain(`http://hub.test/orgs/${e.councilId}/candidate/applications`);

    const noReason = await e.client.post(`${e.base}/applications/${a.id}/move`, { stage: "rejected" });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.issues[0].path).toBe("reason");
    const back = await e.client.post(`${e.base}/applications/${a.id}/move`, { stage: "applied" });
    expect(back.json.error.issues[0].path).toBe("stage");
    const rejected = await e.client.post(`${e.base}/applications/${a.id}/move`, {
      stage: "rejected",
      reason: "interview",
    });
    expect(rejected.json.application).toMatchObject({ stage: "rejected", rejectionReason: "interview" });
    expect((await e.client.post(`${e.base}/applications/${a.id}/move`, { stage: "offer" })).status).toBe(409);

    const events = await hub.deps.db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, a.id))
      .orderBy(asc(applicationEvents.at));
    expect(events.map((x) => [x.fromStage, x.toStage])).toEqual([
      [null, "applied"],
      ["applied", "screened"],
      ["screened", "interview"],
      ["interview", "rejected"],
    ]);
    const audit = await auditOf(a.id);
    expect(audit.map((x) => x.action)).toEqual(["move", "move", "move"]);
    const text = JSON.stringify(audit);
    expect(text).not.toContain("Robin Hughes");
    expect(text).not.toContain(a.email);
  });

  it("moves many at once, all or nothing", async () => {
    const e = await employerWithAdvert(hub);
    const other = await employerWithAdvert(hub);
    const [a, b, c] = [await apply(hub, e), await apply(hub, e), await apply(hub, e)];
    const theirs = await apply(hub, other);
    await e.client.post(`${e.base}/applications/${c.id}/move`, { stage: "withdrawn" });
    const withClosed = await e.client.post(`${e.base}/applications/move`, {
      ids: [a.id, b.id, c.id],
      stage: "screened",
    });
    expect(withClosed.status).toBe(409);
    const withTheirs = await e.client.post(`${e.base}/applications/move`, {
      ids: [a.id, theirs.id],
      stage: "screened",
    });
    expect(withTheirs.status).toBe(404);
    expect((await e.client.get(`${e.base}/applications?stage=screened`)).json.applications).toEqual([]);
    expect((await other.client.get(`${other.base}/applications/${theirs.id}`)).json.application.stage).toBe("applied");
    const moved = await e.client.post(`${e.base}/applications/move`, {
      ids: [a.id, b.id],
      stage: "rejected",
      reason: "experience",
    });
    expect(moved.json.moved).toBe(2);
    expect((await e.client.get(`${e.base}/applications?stage=rejected`)).json.applications).toHaveLength(2);
    const started = await e.client.post(`${e.base}/applications/move`, { ids: [a.id], stage: "started" });
    expect(started.json.error.issues[0].path).toBe("stage");
  });

  it("keeps notes and values scores from several assessors, totalled per value", async () => {
    const e = await employerWithAdvert(hub);
    const a = await apply(hub, e);
    const noted = await e.client.post(`${e.base}/applications/${a.id}/notes`, { body: "Good phone manner." });
    expect(noted.status).toBe(201);
    expect(noted.json.application.notes.map((n: { body: string }) => n.body)).toEqual(["Good phone manner."]);
    await e.client.post(`${e.base}/applications/${a.id}/scores`, {
      scores: [
        { value: "Respect", score: 4, evidence: "Spoke of asking before helping." },
        { value: "Kind, compassionate and empathetic", score: 3 },
      ],
    });
    const second = await employerWithAdvert(hub);
    const colleague = await signedIn(hub, (await makeUser(hub, e.provider, "provider_editor")).email);
    const scored = await colleague.post(`${e.base}/applications/${a.id}/scores`, {
      scores: [{ value: "Respect", score: 5 }],
    });
    expect(scored.json.application.totals).toEqual([
      { value: "Kind, compassionate and empathetic", total: 3, average: 3, assessors: 1 },
      { value: "Respect", total: 9, average: 4.5, assessors: 2 },
    ]);
    const bad = await e.client.post(`${e.base}/applications/${a.id}/scores`, {
      scores: [{ value: "Respect", score: 6 }],
    });
    expect(bad.status).toBe(400);
    const unknown = await e.client.post(`${e.base}/applications/${a.id}/scores`, {
      scores: [{ value: "Ruthless", score: 3 }],
    });
    expect(unknown.json.error.issues[0].path).toBe("scores.0.value");
    // The audit keeps that a note was added, not its words.
    expect(JSON.stringify(await auditOf(a.id))).not.toContain("phone manner");
    // Another employer cannot read or write it.
    for (const res of [
      await second.client.get(`${second.base}/applications/${a.id}`),
      await second.client.post(`${second.base}/applications/${a.id}/notes`, { body: "Mine" }),
      await second.client.post(`${second.base}/applications/${a.id}/scores`, {
        scores: [{ value: "Respect", score: 1 }],
      }),
      await second.client.post(`${second.base}/applications/${a.id}/move`, { stage: "screened" }),
    ])
      expect(res.status).toBe(404);
  });

  it("sends the employer's own wording, and refuses unknown placeholders", async () => {
    const e = await employerWithAdvert(hub);
    const defaults = await e.client.get(`${e.base}/email-templates`);
    expect(defaults.json.templates.find((t: { kind: string }) => t.kind === "offer")).toMatchObject({ custom: false });
    const saved = await e.client.request("PUT", `${e.base}/email-templates/offer`, {
      subject: "Good news about {jobTitle}",
      body: "Hello {name}, {employer} would like to offer you the job.",
    });
    expect(saved.json.templates.find((t: { kind: string }) => t.kind === "offer")).toMatchObject({ custom: true });
    const bad = await e.client.request("PUT", `${e.base}/email-templates/offer`, {
      subject: "Offer",
      body: "Hello {firstName}, come and work here.",
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain("{firstName} is not a placeholder");
    expect(
      (
        await e.client.request("PUT", `${e.base}/email-templates/nonsense`, {
          subject: "Hi there",
          body: "Hello there you.",
        })
      ).status,
    ).toBe(404);
    const a = await apply(hub, e, null, "Kim Lee");
    await e.client.post(`${e.base}/applications/${a.id}/move`, { stage: "offer" });
    const mail = await lastEmailTo(hub, a.email);
    expect(mail?.subject).toBe("Good news about Care worker");
    expect(mail?.body).toBe(`Hello Kim Lee, ${e.provider.name} would like to offer you the job.`);
  });

  it("asks the candidate to choose an interview time only when the job has a free one to come", async () => {
    const e = await employerWithAdvert(hub);
    const slots = `${e.base}/adverts/${e.advert.id}/slots`;
    const interview = async () => {
      const a = await apply(hub, e);
      await e.client.post(`${e.base}/applications/${a.id}/move`, { stage: "interview" });
      return lastEmailTo(hub, a.email);
    };
    // The employer's own interview wording asks to choose a time, so it waits for a time to choose.
    await e.client.request("PUT", `${e.base}/email-templates/interview`, {
      subject: "Pick your interview slot for {jobTitle}",
      body: "Hello {name}, pick a slot: {link}",
    });
    expect((await interview())?.subject).toBe("Interview for Care worker");
    const added = await e.client.post(slots, { startsAt: "2026-06-20T10:00:00Z", endsAt: "2026-06-20T10:45:00Z" });
    expect(added.status).toBe(201);
    expect((await interview())?.subject).toBe("Pick your interview slot for Care worker");
    // A booked time is no longer free: the next candidate is told times will follow again.
    const [booked] = added.json.slots;
    await hub.deps.db
      .update(interviewSlots)
      .set({ applicationId: (await apply(hub, e)).id })
      .where(eq(interviewSlots.id, booked.id));
    expect((await interview())?.subject).toBe("Interview for Care worker");
  });

  it("offers interview times for an advert, and removes one nobody booked", async () => {
    const e = await employerWithAdvert(hub);
    const other = await employerWithAdvert(hub);
    const slots = `${e.base}/adverts/${e.advert.id}/slots`;
    const added = await e.client.post(slots, {
      startsAt: "2026-06-20T10:00:00Z",
      endsAt: "2026-06-20T10:45:00Z",
      place: "Oak House, meeting room",
    });
    expect(added.status).toBe(201);
    expect(added.json.slots).toEqual([expect.objectContaining({ place: "Oak House, meeting room", booked: null })]);
    const past = await e.client.post(slots, { startsAt: "2026-06-01T10:00:00Z", endsAt: "2026-06-01T11:00:00Z" });
    expect(past.json.error.issues[0].path).toBe("startsAt");
    const backwards = await e.client.post(slots, { startsAt: "2026-06-21T10:00:00Z", endsAt: "2026-06-21T09:00:00Z" });
    expect(backwards.json.error.issues[0].path).toBe("endsAt");
    const slotId = added.json.slots[0].id;
    expect((await other.client.get(`${other.base}/adverts/${e.advert.id}/slots`)).status).toBe(404);
    expect((await other.client.delete(`${other.base}/slots/${slotId}`)).status).toBe(404);
    expect((await e.client.delete(`${e.base}/slots/${slotId}`)).json.slots).toEqual([]);
  });

  it("starts a candidate: refused while checks are missing unless confirmed, then a staff record, the advert filled and the vacancy closed", async () => {
    const e = await employerWithAdvert(hub);
    const a = await apply(hub, e, null, "Jo Starter");
    await e.client.post(`${e.base}/applications/${a.id}/move`, { stage: "offer" });
    const start = { startDate: "2026-06-15", contract: 1, hoursPerWeek: 30, niNumber: "AB 12 34 56 C" };
    const noStart = await e.client.post(`${e.base}/applications/${a.id}/move`, { stage: "started" });
    expect(noStart.json.error.issues[0].path).toBe("start.startDate");
    const future = await e.client.post(`${e.base}/applications/${a.id}/move`, {
      stage: "started",
      start: { ...start, startDate: "2026-06-16" },
    });
    expect(future.json.error.issues[0].path).toBe("start.startDate");
    // An NI number no one can hold is refused on the form's field, by the staff file's own rule.
    const badNi = await e.client.post(`${e.base}/applications/${a.id}/move`, {
      stage: "started",
      start: { ...start, niNumber: "GB123456A" },
      overrideChecks: true,
    });
    expect(badNi.status).toBe(400);
    expect(badNi.json.error.issues[0]).toMatchObject({ path: "start.niNumber", message: NI_NUMBER_MESSAGE });
    const refused = await e.client.post(`${e.base}/applications/${a.id}/move`, { stage: "started", start });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe("checks_missing");
    expect(refused.json.error.message).toContain("DBS check");
    const started = await e.client.post(`${e.base}/applications/${a.id}/move`, {
      stage: "started",
      start,
      overrideChecks: true,
    });
    expect(started.status).toBe(200);
    expect(started.json.application).toMatchObject({ stage: "started", startedOn: "2026-06-15" });
    const staffId = started.json.application.staffRecordId;
    const [staff] = await hub.deps.db.select().from(staffRecords).where(eq(staffRecords.id, staffId));
    expect(staff).toMatchObject({
      orgId: e.provider.id,
      displayId: "Jo Starter",
      startDate: "2026-06-15",
      mainJobRole: 8,
      userId: null,
    });
    // The NI number keys the person as every staff record does (and is not kept in clear).
    expect(staff.personKey).toBeTruthy();
    expect(JSON.stringify(staff)).not.toContain("AB123456C");
    const [ad] = await hub.deps.db.select().from(jobAdverts).where(eq(jobAdverts.id, e.advert.id));
    expect(ad).toMatchObject({ status: "closed", closedReason: "filled" });
    // A filled post's advert is not edited or published again.
    expect((await e.client.patch(`${e.base}/adverts/${e.advert.id}`, { title: "Again" })).status).toBe(409);
    expect((await e.client.post(`${e.base}/adverts/${e.advert.id}/publish`)).status).toBe(409);
    const [v] = await hub.deps.db.select().from(vacancies).where(eq(vacancies.id, e.vacancy.id));
    expect(v.closedOn).toBe("2026-06-15");
    const [event] = await hub.deps.db
      .select()
      .from(applicationEvents)
      .where(and(eq(applicationEvents.applicationId, a.id), eq(applicationEvents.toStage, "started")));
    expect(event.reason).toMatch(/^Started with checks missing: Proof of identity, DBS check/);
    expect(JSON.stringify(await hub.deps.db.select().from(auditLog))).not.toContain("AB123456C");
    const welcome = await hub.deps.db.select().from(outbox).where(eq(outbox.toAddress, a.email));
    expect(welcome.map((m) => m.template)).toContain("recruitment.started");
  });
});
