import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { advert, board, candidate, slot } from "../../../../test/candidate-fixtures";
import { lastEmailTo, testHub } from "../../../../test/harness";
import { applications, interviewSlots } from "../../db/schema";
import { messageOf } from "../mail/mail.service";

const hub = await testHub();

async function atInterview() {
  const b = await board(hub);
  const orgId = b.employers[0].org.id;
  const job = await advert(hub, b.council.id, orgId);
  const [s1, s2] = [
    await slot(hub, orgId, job.id, "2026-06-20T10:00:00Z"),
    await slot(hub, orgId, job.id, "2026-06-20T11:00:00Z"),
  ];
  const past = await slot(hub, orgId, job.id, "2026-06-01T10:00:00Z");
  const apply = async (name: string) => {
    const me = await candidate(hub, b.council, { name });
    await me.client.post(`/api/orgs/${b.council.id}/candidate/applications`, {
      advertIds: [job.id],
      answers: [{ questionId: b.hubQuestion.id, answer: "x" }],
    });
    const [app] = await hub.deps.db.select().from(applications).where(eq(applications.candidateUserId, me.id));
    return { ...me, app, base: `/api/orgs/${b.council.id}/candidate/applications/${app.id}` };
  };
  const a = await apply("First Person");
  const b2 = await apply("Second Person");
  return { ...b, job, s1, s2, past, a, b: b2 };
}

const toInterview = (id: string) =>
  hub.deps.db.update(applications).set({ stage: "interview" }).where(eq(applications.id, id));

describe("booking an interview", () => {
  it("is offered only at the interview stage, shows the advert's free future times, and books one with a calendar file", async () => {
    const s = await atInterview();
    const early = await s.a.client.get(`${s.a.base}/slots`);
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe("not_at_interview");
    await toInterview(s.a.app.id);
    const offered = await s.a.client.get(`${s.a.base}/slots`);
    expect(offered.json.slots.map((x: { id: string }) => x.id)).toEqual([s.s1.id, s.s2.id]);
    expect(offered.json.booked).toBeNull();

    const booked = await s.a.client.request("PUT", `${s.a.base}/booking`, { slotId: s.s1.id });
    expect(booked.status).toBe(200);
    expect(booked.json.application.interview).toMatchObject({ id: s.s1.id, startsAt: "2026-06-20T10:00:00.000Z" });
    const mail = await lastEmailTo(hub, s.a.email);
    expect(mail?.template).toBe("interview-booked");
    expect(mail?.body).toContain("20 June 2026 at 11:00am");
    const [ics] = (mail as NonNullable<typeof mail>).attachments as {
      filename: string;
      contentType: string;
      content: string;
    }[];
    expect(ics.filename).toBe("interview.ics");
    expect(ics.contentType).toContain("text/calendar");
    expect(ics.content).toContain("DTSTART:20260620T100000Z\r\n");
    expect(ics.content).toContain(`SUMMARY:Interview: ${s.job.title}\\, `);
    // Delivery hands the file to nodemailer.
    expect(messageOf({ ...(mail as NonNullable<typeof mail>) }, "hub@example.test").attachments).toEqual([
      { filename: "interview.ics", contentType: ics.contentType, content: ics.content },
    ]);

    // The second candidate cannot take a time already booked, nor a time in the past.
    await toInterview(s.b.app.id);
    const taken = await s.b.client.request("PUT", `${s.b.base}/booking`, { slotId: s.s1.id });
    expect(taken.status).toBe(409);
    expect(taken.json.error.code).toBe("slot_taken");
    expect((await s.b.client.request("PUT", `${s.b.base}/booking`, { slotId: s.past.id })).status).toBe(409);
    expect((await s.b.client.get(`${s.b.base}/slots`)).json.slots.map((x: { id: string }) => x.id)).toEqual([s.s2.id]);
  });

  it("rebooks (freeing the first time) and cancels, with a cancelling calendar file", async () => {
    const s = await atInterview();
    await toInterview(s.a.app.id);
    await s.a.client.request("PUT", `${s.a.base}/booking`, { slotId: s.s1.id });
    const moved = await s.a.client.request("PUT", `${s.a.base}/booking`, { slotId: s.s2.id });
    expect(moved.json.application.interview.id).toBe(s.s2.id);
    const [first] = await hub.deps.db.select().from(interviewSlots).where(eq(interviewSlots.id, s.s1.id));
    expect(first.applicationId).toBeNull();

    // A failed rebooking keeps the booking it had.
    await toInterview(s.b.app.id);
    await s.b.client.request("PUT", `${s.b.base}/booking`, { slotId: s.s1.id });
    const clash = await s.a.client.request("PUT", `${s.a.base}/booking`, { slotId: s.s1.id });
    expect(clash.status).toBe(409);
    expect((await s.a.client.get(`${s.a.base}/slots`)).json.booked.id).toBe(s.s2.id);

    const cancelled = await s.a.client.delete(`${s.a.base}/booking`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.application.interview).toBeNull();
    const mail = await lastEmailTo(hub, s.a.email);
    expect(mail?.template).toBe("interview-cancelled");
    expect(((mail as NonNullable<typeof mail>).attachments as { content: string }[])[0].content).toContain(
      "METHOD:CANCEL",
    );
    expect((await s.a.client.delete(`${s.a.base}/booking`)).status).toBe(409);
  });

  it("frees the booked time when the application is withdrawn", async () => {
    const s = await atInterview();
    await toInterview(s.a.app.id);
    await s.a.client.request("PUT", `${s.a.base}/booking`, { slotId: s.s1.id });
    await s.a.client.post(`${s.a.base}/withdraw`, {});
    const [row] = await hub.deps.db.select().from(interviewSlots).where(eq(interviewSlots.id, s.s1.id));
    expect(row.applicationId).toBeNull();
  });
});

describe("outbox delivery", () => {
  it("sends an email without attachments as before", () => {
    const m = messageOf({ toAddress: "a@example.test", subject: "S", body: "B", attachments: [] }, "hub@example.test");
    expect(m).toEqual({ from: "hub@example.test", to: "a@example.test", subject: "S", text: "B" });
  });
});
