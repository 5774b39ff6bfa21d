import { eq } from "drizzle-orm";
import { applicationEvents, applications, vacancies } from "../src/server/db/schema";
import { commissionedProvider, type Hub, makeSystem, makeUser, signedIn, uniq } from "./harness";

// Fixtures for the employer part of joint recruitment's tests: a commissioned provider with a
// published advert, and applications made as the candidate part makes them (row + "applied" event).

export async function employerWithAdvert(hub: Hub, council?: { id: string }) {
  const system = council ? null : await makeSystem(hub);
  const councilId = council?.id ?? (system?.council.id as string);
  const provider = await commissionedProvider(hub, councilId, { workers: 1, open: 1 });
  const admin = await makeUser(hub, provider, "provider_admin");
  const client = await signedIn(hub, admin.email);
  const [vacancy] = await hub.deps.db.select().from(vacancies).where(eq(vacancies.orgId, provider.id));
  const base = `/api/orgs/${provider.id}/recruitment`;
  const made = await client.post(`${base}/adverts`, {
    vacancyId: vacancy.id,
    title: "Care worker",
    payUnit: "hour",
    payMin: 13,
    hoursPerWeek: 30,
    contractType: "permanent",
    values: ["Respect", "Kind, compassionate and empathetic"],
    closingDate: "2026-07-31",
  });
  if (made.status !== 201) throw new Error(`advert: ${made.status} ${made.text}`);
  const advert = made.json.advert;
  await client.post(`${base}/adverts/${advert.id}/publish`);
  return {
    councilId,
    council: system?.council,
    councilAdmin: system?.councilAdmin,
    provider,
    admin,
    client,
    vacancy,
    advert,
    base,
  };
}

export async function applicant(hub: Hub, councilId: string) {
  const user = await makeUser(hub, { id: councilId }, "candidate", { email: `cand-${uniq()}@example.test` });
  return { user, client: await signedIn(hub, user.email) };
}

/** An application as the candidate part makes one: the row and its "applied" event. */
export async function apply(
  hub: Hub,
  e: { provider: { id: string }; councilId: string; advert: { id: string } },
  who: { id: string; email: string } | null = null,
  name = `Sam Applicant ${uniq()}`,
) {
  const [row] = await hub.deps.db
    .insert(applications)
    .values({
      advertId: e.advert.id,
      orgId: e.provider.id,
      councilId: e.councilId,
      candidateUserId: who?.id ?? null,
      name,
      email: who?.email ?? `guest-${uniq()}@example.test`,
      phone: "07700 900123",
      profile: { experience: "Two years caring for my grandmother", drivingLicence: true },
      answers: [{ questionId: null, value: "Respect", question: "Tell us about respect.", answer: "I listen first." }],
      submittedAt: new Date("2026-06-01T10:00:00Z"),
    })
    .returning();
  await hub.deps.db
    .insert(applicationEvents)
    .values({ applicationId: row.id, orgId: e.provider.id, toStage: "applied", at: row.submittedAt });
  return row;
}
