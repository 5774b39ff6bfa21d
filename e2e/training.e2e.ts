import { execFileSync } from "node:child_process";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserForFile, expectAccessible, expectNoSidewaysScroll, settle, signIn } from "./browser";

// Shared training end to end (issue 18, "Must show"): the college adds a session of one of its
// courses a provider requires; a provider's manager books two of her staff on it; once it starts the
// college's trainer, on a phone, marks one completed and one did not attend; the provider's
// training matrix shows the completion at once and its bookings list the certificate, whose
// code anyone checks on the public page at 375 px. Axe and sideways scrolling on every page.

const baseUrl = inject("baseUrl");
const browser = browserForFile();

type Json = Record<string, unknown>;
const api = async <T = Json>(page: Page, path: string): Promise<T> => {
  const res = await page.request.get(`${baseUrl}${path}`);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
};

async function open(width: number, email: string | null, kind?: string, name?: RegExp) {
  const mobile = width < 600;
  const context = await browser.newContext({ viewport: { width, height: 860 }, isMobile: mobile, hasTouch: mobile });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  let orgId = "";
  if (email) {
    await signIn(page, baseUrl, email);
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
    await settle(page);
    const me = await api<{ memberships: { id: string; kind: string; name: string }[] }>(page, "/api/auth/me");
    const org = me.memberships.find((m) => m.kind === kind && (!name || name.test(m.name)));
    if (!org) throw new Error(`${email} is in no ${kind}`);
    orgId = org.id;
  }
  return { context, page, errors, orgId };
}

async function check(page: Page, label: string) {
  await settle(page);
  await expectNoSidewaysScroll(page, label);
  await expectAccessible(page, label);
}

/** The day and time in London, as the session form takes them. */
function london(at: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

type Matrix = { rows: { staffId: string; name: string; cells: { category: number; state: string | null }[] }[] };
const stateOf = (m: Matrix, staffId: string, category: number) =>
  m.rows.find((r) => r.staffId === staffId)?.cells.find((c) => c.category === category)?.state;

describe("shared training", () => {
  it("a provider books two staff, the trainer marks one completed and one did not attend, the matrix and the certificate show it", async () => {
    const college = await open(1280, "courses@riverside.demo.test", "training_partner");
    const employer = await open(1280, "provider.admin@mersey-view.demo.test", "provider", /Mersey View/);
    const trainer = await open(375, "trainer@riverside.demo.test", "training_partner");
    const cp = college.page;
    const ep = employer.page;
    const tp = trainer.page;

    // A course of the college's in the provider's mandatory training, with staff due it.
    const before = await api<Matrix>(ep, `/api/orgs/${employer.orgId}/training/matrix`);
    const { courses } = await api<{
      courses: {
        id: string;
        title: string;
        yours: boolean;
        status: string;
        audience: string;
        category: { code: number };
      }[];
    }>(cp, `/api/orgs/${college.orgId}/training/courses`);
    const dueFor = (category: number) =>
      before.rows.filter((r) => {
        const s = stateOf(before, r.staffId, category);
        return s !== "valid" && s !== null && s !== undefined;
      });
    const course = courses
      .filter((c) => c.yours && c.status === "published" && c.audience === "staff")
      .sort((a, b) => dueFor(b.category.code).length - dueFor(a.category.code).length)[0];
    expect(course, "Riverside College offers courses").toBeTruthy();
    if (!course) return;
    const category = course.category.code;

    // The college adds a session starting in two minutes.
    // The form takes one day: a session near midnight ends at 23:59 (after 23:57, wait for the new day).
    while (london(new Date(Date.now() + 180_000)).day !== london(new Date()).day)
      await new Promise((r) => setTimeout(r, 30_000));
    const startsAt = new Date(Math.ceil((Date.now() + 120_000) / 60_000) * 60_000);
    const start = london(startsAt);
    const hourLater = london(new Date(startsAt.getTime() + 3_600_000));
    const end = hourLater.day === start.day ? hourLater : { ...start, time: "23:59" };
    await cp.goto(`${baseUrl}/orgs/${college.orgId}/training/courses/${course.id}/sessions/new`);
    await check(cp, "the college's new session form (1280 px)");
    const [year, month, day] = start.day.split("-");
    const date = cp.getByRole("group", { name: "Date" });
    await date.getByLabel("Day").fill(String(Number(day)));
    await date.getByLabel("Month").fill(String(Number(month)));
    await date.getByLabel("Year").fill(year);
    await cp.getByLabel("Starts at (UK time)").fill(start.time);
    await cp.getByLabel("Ends at (UK time)").fill(end.time);
    await cp.getByLabel("Venue").fill("Riverside College, Kingsway, Widnes WA8 7QQ");
    await cp.getByLabel("Trainer's name").fill("Tom Trainer");
    await cp.getByLabel("Places", { exact: true }).fill("8");
    await cp.getByRole("button", { name: "Add session" }).click();
    await cp
      .waitForURL((u) => u.pathname.endsWith(`/training/courses/${course.id}`), { timeout: 15_000 })
      .catch(async () => {
        throw new Error(`the session was not added: ${await cp.locator("main").textContent()}`);
      });
    await check(cp, "the college's course with its sessions (1280 px)");
    const { sessions } = await api<{ sessions: { id: string; courseId: string; startsAt: string }[] }>(
      cp,
      `/api/orgs/${college.orgId}/training/sessions`,
    );
    const session = sessions.find((s) => s.courseId === course.id && Date.parse(s.startsAt) === startsAt.getTime());
    expect(session, "the new session is listed").toBeTruthy();
    if (!session) return;

    // The manager chooses two of her staff who need that training, those due it first.
    const required = before.rows.filter((r) => {
      const s = stateOf(before, r.staffId, category);
      return s !== null && s !== undefined;
    });
    const chosen = [...dueFor(category), ...required.filter((r) => stateOf(before, r.staffId, category) === "valid")];
    expect(chosen.length, "the demo provider has staff who need the course's training").toBeGreaterThanOrEqual(2);
    const [done, absent] = chosen;
    await ep.goto(`${baseUrl}/orgs/${employer.orgId}/training/sessions/${session.id}/book`);
    await check(ep, "booking staff on a session (1280 px)");
    for (const who of [done, absent])
      await ep
        .getByRole("checkbox", { name: new RegExp(`^${who.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")},`) })
        .check();
    await ep.getByRole("button", { name: "Book", exact: true }).click();
    await ep.getByText("Booking made").waitFor();
    await check(ep, "the booking made (1280 px)");

    // Once the session has started, the trainer marks attendance on a phone.
    await new Promise((r) => setTimeout(r, Math.max(0, startsAt.getTime() - Date.now() + 2_000)));
    await tp.goto(`${baseUrl}/orgs/${trainer.orgId}/training/delivery/${session.id}`);
    await check(tp, "the trainer's attendance list (375 px)");
    const group = (name: string) =>
      tp.getByRole("group", { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(`) });
    await group(done.name).getByLabel("Completed").check();
    await group(absent.name).getByLabel("Did not attend").check();
    await tp.getByRole("button", { name: "Save attendance" }).click();
    await tp.getByText("Attendance saved").waitFor();
    await check(tp, "attendance saved (375 px)");

    // The matrix changes at once: the completion is valid, the absence is not.
    const after = await api<Matrix>(ep, `/api/orgs/${employer.orgId}/training/matrix`);
    expect(stateOf(after, done.staffId, category)).toBe("valid");
    expect(stateOf(after, absent.staffId, category)).toBe(stateOf(before, absent.staffId, category));
    await ep.goto(`${baseUrl}/orgs/${employer.orgId}/training/matrix`);
    await check(ep, "the training matrix (1280 px)");
    const row = ep.getByRole("row", { name: new RegExp(done.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) }).first();
    await expect.poll(async () => await row.textContent()).toContain("Valid");

    // The bookings (the session is still on: it ends in an hour) list the outcomes and the
    // certificate; the certificate holds its code.
    await ep.goto(`${baseUrl}/orgs/${employer.orgId}/training/bookings`);
    await check(ep, "the provider's bookings (1280 px)");
    await ep
      .getByRole("row")
      .filter({ hasText: course.title })
      .filter({ hasText: absent.name })
      .getByText("Did not attend")
      .waitFor();
    const link = ep
      .getByRole("row")
      .filter({ hasText: course.title })
      .filter({ hasText: done.name })
      .getByRole("link", { name: `Certificate for ${done.name} (PDF)` });
    const href = await link.getAttribute("href");
    expect(href).toBeTruthy();
    const pdf = await ep.request.get(`${baseUrl}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toContain("application/pdf");
    const text = execFileSync("pdftotext", ["-", "-"], { input: await pdf.body() }).toString();
    expect(text).toContain(course.title);
    expect(text).toContain(done.name);
    const code = /Certificate code\s+([2-9A-Z-]{12,14})/.exec(text)?.[1];
    expect(code, `a certificate code in:\n${text}`).toBeTruthy();

    // Anyone checks it on a phone, without signing in; a wrong code is not found.
    const visitor = await open(375, null);
    const vp = visitor.page;
    await vp.goto(`${baseUrl}/certificates/${code}`);
    await check(vp, "the public certificate check (375 px)");
    await vp.getByRole("heading", { name: "This certificate is genuine" }).waitFor();
    expect(await vp.locator("main").textContent()).toContain(course.title);
    await vp.goto(`${baseUrl}/certificates/check`);
    await check(vp, "the certificate check form (375 px)");
    await vp.getByLabel(/certificate code/i).fill("AAAA-BBBB-CCCC");
    await vp.getByRole("button", { name: "Check certificate" }).click();
    await vp.getByRole("heading", { name: "Certificate not found" }).waitFor();
    await check(vp, "a certificate not found (375 px)");

    for (const who of [college, employer, trainer, visitor]) {
      expect(who.errors.filter((e) => !/404|Not Found/i.test(e))).toEqual([]);
      await who.context.close();
    }
  }, 300_000);
});
