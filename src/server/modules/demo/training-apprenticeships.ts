import { and, asc, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";
import { addMonths } from "../../../shared/apprenticeship-rules";
import type { Ctx } from "../../context";
import { apprenticeships, levyPledges, levyRequests, staffRecords } from "../../db/schema";
import { DAY, iso } from "./dates";
import { Random } from "./random";
import type { TrainingDemoOptions } from "./training-types";

// The standards the demo's starts use, from the shipped career framework, with typical prices.
const STANDARDS = [
  {
    standard: "ST0005",
    title: "Adult care worker apprenticeship",
    level: 2,
    price: 400_000,
    months: 13,
    weight: 5,
    roles: [8, 52],
  },
  {
    standard: "ST0006",
    title: "Lead adult care worker apprenticeship",
    level: 3,
    price: 400_000,
    months: 16,
    weight: 3,
    roles: [7, 8, 45],
  },
  {
    standard: "ST0008",
    title:
      "Leader in adult care apprenticeship (includes the Level 5 Diploma in Leadership and Management for Adult Care)",
    level: 5,
    price: 700_000,
    months: 20,
    weight: 1,
    roles: [3, 4, 43],
  },
] as const;

/**
 * Apprenticeships' demo (issue 18 items 6 and 10): about 40 starts across a dozen providers over
 * the two years before the anchor (adult care worker L2, lead adult care worker L3, leader in
 * adult care L5), with progress, most of the finished ones achieved, a few withdrawn; the
 * council's levy pledge (£60,000 of an allowance from £250,000 paid) with approved, pending and
 * rejected requests from small providers, two starts funded by the approved transfer, and an NHS
 * partner's pledge with a pending request. Deterministic: a fixed seed, dates from the anchor.
 */
export async function seedTrainingApprenticeships(ctx: Ctx, opts: TrainingDemoOptions) {
  const db = ctx.db;
  const rnd = new Random(1806);
  const anchorT = Date.parse(`${opts.anchor}T00:00:00Z`);
  const day = (offset: number) => iso(anchorT + offset * DAY);
  const providers = Array.from({ length: 12 }, (_, i) => opts.orgIds.get(`p${i + 4}`)).filter(
    (id): id is string => !!id,
  );
  if (!providers.length) return;

  /** Staff of a provider in post on `on` in one of `roles`, by reference (stable order). */
  const inPost = (orgId: string, on: string, roles: readonly number[]) =>
    db
      .select({ id: staffRecords.id, mainJobRole: staffRecords.mainJobRole })
      .from(staffRecords)
      .where(
        and(
          eq(staffRecords.orgId, orgId),
          inArray(staffRecords.mainJobRole, [...roles]),
          lte(staffRecords.startDate, on),
          or(isNull(staffRecords.endDate), gt(staffRecords.endDate, on)),
        ),
      )
      .orderBy(asc(staffRecords.localRef), asc(staffRecords.startDate), asc(staffRecords.displayId))
      .limit(40);
  const used = new Set<string>();
  const pickPerson = async (orgId: string, on: string, roles: readonly number[]) => {
    const people = (await inPost(orgId, on, roles)).filter((p) => !used.has(p.id));
    if (!people.length) return null;
    const p = rnd.pick(people);
    used.add(p.id);
    return p.id;
  };

  // The council's pledge and its requests.
  const small = providers.slice(0, 4);
  const [pledge] = await db
    .insert(levyPledges)
    .values({
      councilId: opts.councilId,
      orgId: opts.councilId,
      levyPaidPence: 25_000_000,
      amountPence: 6_000_000,
      standards: ["ST0005", "ST0006", "ST0008"],
      opensOn: day(-200),
      closesOn: day(160),
      notes: "For providers with fewer than 50 staff, to grow apprenticeship starts in the area.",
    })
    .returning();
  const requestFor = async (
    orgId: string,
    standard: string,
    count: number,
    amount: number,
    status: string,
    note = "",
  ) => {
    const std = STANDARDS.find((s) => s.standard === standard) ?? STANDARDS[0];
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = await pickPerson(orgId, day(-150), std.roles);
      if (id) ids.push(id);
    }
    if (!ids.length) return null;
    const [row] = await db
      .insert(levyRequests)
      .values({
        pledgeId: pledge.id,
        councilId: opts.councilId,
        orgId,
        standard,
        amountPence: amount,
        staffRecordIds: ids,
        reason: "New starters who want to train as care workers; we do not pay the levy.",
        status,
        decidedAt: status === "pending" ? null : new Date(anchorT - 140 * DAY),
        decisionNote: note,
        createdAt: new Date(anchorT - 160 * DAY),
      })
      .returning();
    return row;
  };
  const approved = await requestFor(small[0], "ST0005", 2, 800_000, "approved", "Approved: good luck to both.");
  await requestFor(small[1], "ST0006", 1, 400_000, "approved");
  await requestFor(small[2], "ST0005", 3, 1_200_000, "pending");
  await requestFor(
    small[3],
    "ST0008",
    1,
    700_000,
    "rejected",
    "This round is for care worker roles; please ask again in the next one.",
  );

  const nhsId = opts.orgIds.get("nhs");
  if (nhsId) {
    const [nhsPledge] = await db
      .insert(levyPledges)
      .values({
        councilId: opts.councilId,
        orgId: nhsId,
        levyPaidPence: 40_000_000,
        amountPence: 3_000_000,
        standards: ["ST0006"],
        opensOn: day(-60),
        closesOn: day(120),
        notes: "Lead adult care workers in services that take hospital discharges.",
      })
      .returning();
    const person = await pickPerson(providers[4] ?? small[0], day(-30), [7, 8, 45]);
    if (person)
      await db.insert(levyRequests).values({
        pledgeId: nhsPledge.id,
        councilId: opts.councilId,
        orgId: providers[4] ?? small[0],
        standard: "ST0006",
        amountPence: 400_000,
        staffRecordIds: [person],
        reason: "A senior carer leading our discharge-to-assess beds.",
        createdAt: new Date(anchorT - 20 * DAY),
      });
  }

  // Starts: the two the approved transfer funds, then about 38 more over two years.
  const rows: (typeof apprenticeships.$inferInsert)[] = [];
  const addStart = (
    orgId: string,
    staffRecordId: string,
    std: (typeof STANDARDS)[number],
    startOffset: number,
    funding: string,
    levyRequestId: string | null,
  ) => {
    const startOn = day(startOffset);
    const plannedEndOn = addMonths(startOn, std.months);
    const elapsed = -startOffset;
    const length = (Date.parse(plannedEndOn) - Date.parse(startOn)) / DAY;
    const row: typeof apprenticeships.$inferInsert = {
      orgId,
      councilId: opts.councilId,
      staffRecordId,
      standard: std.standard,
      standardTitle: std.title,
      level: std.level,
      startOn,
      plannedEndOn,
      trainingProviderName: rnd.pick(["Riverside College", "Mersey Skills Academy", "Halton Care Training"]),
      funding,
      levyRequestId,
      pricePence: std.price,
      progressPercent: Math.min(95, Math.round((elapsed / length) * 100)),
      lastReviewOn: elapsed > 30 ? day(-rnd.int(5, Math.min(80, elapsed - 1))) : null,
    };
    if (rnd.chance(0.08) && elapsed > 90) {
      Object.assign(row, { status: "withdrawn", endOn: day(startOffset + rnd.int(60, Math.min(elapsed - 1, 300))) });
    } else if (elapsed > length + 20) {
      const endOffset = Math.min(-1, startOffset + Math.round(length) + rnd.int(0, 40));
      Object.assign(row, {
        status: "completed",
        endOn: day(endOffset),
        result: rnd.chance(0.85) ? "achieved" : "not_achieved",
        progressPercent: 100,
      });
    } else if (rnd.chance(0.06)) Object.assign(row, { status: "on_break" });
    rows.push(row);
  };
  if (approved)
    for (const id of approved.staffRecordIds)
      addStart(approved.orgId, id, STANDARDS[0], -120 + rows.length * 7, "transfer", approved.id);
  for (let i = 0; rows.length < 40 && i < 120; i++) {
    const std = rnd.weighted(STANDARDS.map((s) => [s, s.weight] as const));
    const orgId = rnd.pick(providers);
    const startOffset = -rnd.int(20, 730);
    const id = await pickPerson(orgId, day(startOffset), std.roles);
    if (!id) continue;
    addStart(
      orgId,
      id,
      std,
      startOffset,
      rnd.weighted([
        ["co_investment", 6],
        ["fully_funded", 2],
        ["levy", 1],
      ] as const),
      null,
    );
  }
  if (rows.length) await db.insert(apprenticeships).values(rows);
}
