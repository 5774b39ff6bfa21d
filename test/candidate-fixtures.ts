import { eq } from "drizzle-orm";
import { campaigns, interviewSlots, users, valuesQuestions } from "../src/server/db/schema";
import { commissionProvider } from "../src/server/modules/orgs/orgs.service";
import { type AdvertValues, insertAdvert } from "./board-helpers";
import { Client, type Hub, lastEmailTo, makeOrg, makeUser, PASSWORD, signedIn, uniq } from "./harness";

// Fixtures for the candidate tests: a council's job board with adverts from its providers (the
// employer part publishes adverts; here they are inserted as published), the hub's and an
// employer's values questions, interview slots, and candidates who signed up through the API.

export async function board(hub: Hub) {
  const council = await makeOrg(hub, "council");
  const employers = [];
  for (let i = 0; i < 2; i++) {
    const org = await makeOrg(hub, "provider", `Care ${i} ${uniq()}`);
    await commissionProvider(hub.ctx, { councilId: council.id, providerId: org.id, fromDate: "2020-01-01" });
    const admin = await makeUser(hub, org, "provider_admin");
    employers.push({ org, admin });
  }
  const hubQuestion = (
    await hub.deps.db
      .insert(valuesQuestions)
      .values({
        councilId: council.id,
        value: "compassion",
        question: "Tell us about a time you helped someone who was upset.",
      })
      .returning()
  )[0];
  const code = `YOUNG${uniq()}`.toUpperCase();
  const [campaign] = await hub.deps.db
    .insert(campaigns)
    .values({ councilId: council.id, name: "Young people", kind: "social_media", code, startsOn: "2026-01-01" })
    .returning();
  return { council, employers, hubQuestion, campaign };
}

/** A published advert at Oak House (WA7 1AA), £13 an hour, with a title of its own. */
export const advert = (hub: Hub, councilId: string, orgId: string, values: AdvertValues = {}) =>
  insertAdvert(
    hub,
    { councilId, orgId },
    {
      workplaceName: "Oak House",
      workplacePostcode: "WA7 1AA",
      openedOn: "2026-05-01",
      title: `Care worker ${uniq()}`,
      payMinPence: 1300,
      ...values,
    },
  );

export async function employerQuestion(hub: Hub, councilId: string, orgId: string, advertId?: string) {
  return (
    await hub.deps.db
      .insert(valuesQuestions)
      .values({
        councilId,
        orgId,
        advertId,
        value: "respect",
        question: `How do you keep someone's dignity? ${uniq()}`,
      })
      .returning()
  )[0];
}

export async function slot(hub: Hub, orgId: string, advertId: string, startsAt = "2026-06-20T10:00:00Z") {
  const start = new Date(startsAt);
  return (
    await hub.deps.db
      .insert(interviewSlots)
      .values({ orgId, advertId, startsAt: start, endsAt: new Date(start.getTime() + 30 * 60_000), place: "Oak House" })
      .returning()
  )[0];
}

/**
 * A candidate who signed up on the council's board and confirmed the email, signed in; or, with
 * verified false, a care worker who joined the board with their account and has not confirmed it.
 */
export async function candidate(
  hub: Hub,
  council: { id: string; slug: string },
  opts: { verified?: boolean; name?: string } = {},
) {
  if (opts.verified === false) {
    // An account made by signing up cannot be signed in to before its link is opened (the password
    // is chosen there). The unconfirmed candidate who can sign in is someone with an account
    // already, a care worker, who joined the board and has not opened the link yet.
    const worker = await makeUser(hub, await makeOrg(hub, "provider"), "staff_member");
    const client = await signedIn(hub, worker.email);
    const joined = await client.post("/api/candidates/join", { council: council.slug });
    if (joined.status !== 201) throw new Error(`join failed: ${joined.status} ${joined.text}`);
    return { id: worker.id, email: worker.email, client };
  }
  const email = `cand-${uniq()}@example.test`;
  const client = new Client(hub);
  const res = await client.post("/api/public/candidates", {
    council: council.slug,
    name: opts.name ?? "Amira Khan",
    email,
  });
  if (res.status !== 202) throw new Error(`sign-up failed: ${res.status} ${res.text}`);
  const [user] = await hub.deps.db.select().from(users).where(eq(users.email, email));
  const mail = await lastEmailTo(hub, email);
  const verified = await client.post("/api/public/candidates/verify", { token: mail?.token, password: PASSWORD });
  if (verified.status !== 200) throw new Error(`verify failed: ${verified.status} ${verified.text}`);
  // The web client reads the CSRF token for its writes from /api/auth/me after the link signs it in.
  await client.get("/api/auth/me");
  return { id: user.id, email, client };
}
