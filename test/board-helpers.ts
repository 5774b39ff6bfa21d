import { eq } from "drizzle-orm";
import { jobAdverts, postcodeDistricts, vacancies, workplaces } from "../src/server/db/schema";
import { commissionProvider } from "../src/server/modules/orgs/orgs.service";
import { outwardCode } from "../src/shared/postcode";
import { type Hub, makeOrg, uniq } from "./harness";

// Adverts on a council's board for joint recruitment's tests (board, candidate, funnel), written
// straight to the tables (the employer's publishing flow is tested on its own): a workplace, a
// vacancy and the advert.

export type AdvertValues = Partial<typeof jobAdverts.$inferInsert> & {
  workplacePostcode?: string;
  town?: string;
  workplaceName?: string;
  /** The day the vacancy record opened. */
  openedOn?: string;
};

/** A council with one commissioned employer. */
export async function boardCouncil(hub: Hub) {
  const council = await makeOrg(hub, "council");
  const employer = await makeOrg(hub, "provider", `Oak Care ${uniq()}`);
  await commissionProvider(hub.ctx, { councilId: council.id, providerId: employer.id, fromDate: "2020-01-01" });
  return { council, employer };
}

/** A published advert (by default a permanent care worker job in WA7, £12.80 an hour, 37.5 hours, closing 31 July 2026). */
export async function insertAdvert(hub: Hub, where: { councilId: string; orgId: string }, values: AdvertValues = {}) {
  const {
    workplacePostcode = "WA7 1AB",
    town = "Runcorn",
    workplaceName = `Home ${uniq()}`,
    openedOn = "2026-06-01",
    ...advert
  } = values;
  const [w] = await hub.deps.db
    .insert(workplaces)
    .values({
      orgId: where.orgId,
      councilId: where.councilId,
      localRef: `W${uniq()}`,
      name: workplaceName,
      mainService: 2,
      postcode: workplacePostcode,
      town,
    })
    .returning();
  const [v] = await hub.deps.db
    .insert(vacancies)
    .values({ orgId: where.orgId, workplaceId: w.id, jobRole: advert.jobRole ?? 8, openedOn })
    .returning();
  const outward = outwardCode(workplacePostcode);
  const [d] = outward
    ? await hub.deps.db.select().from(postcodeDistricts).where(eq(postcodeDistricts.outward, outward))
    : [];
  const [row] = await hub.deps.db
    .insert(jobAdverts)
    .values({
      orgId: where.orgId,
      councilId: where.councilId,
      workplaceId: w.id,
      vacancyId: v.id,
      reference: `REF-${uniq()}`,
      title: "Care worker",
      jobRole: 8,
      summary: "Support people to live well at home.",
      description: "You will help people with daily living.\n\n- Personal care\n- Medication support",
      payUnit: "hour",
      payMinPence: 1280,
      hoursPerWeek: 37.5,
      contractType: "permanent",
      closingDate: "2026-07-31",
      status: "published",
      publishedAt: new Date("2026-06-10T09:00:00Z"),
      postcode: workplacePostcode,
      outward,
      lat: d?.lat ?? null,
      lng: d?.lng ?? null,
      ...advert,
    })
    .returning();
  return row;
}
