import { count, sql } from "drizzle-orm";
import { longDate } from "../../../shared/dates";
import type { Role } from "../../../shared/permissions";
import { type Ctx, inTransaction } from "../../context";
import { bulkInsert } from "../../db/bulk";
import {
  agencyUse,
  commissioning,
  organisations,
  returnPeriods,
  returnSubmissions,
  staffRecords,
  trainingRecords,
  vacancies,
  workforceSettings,
  workplaces,
} from "../../db/schema";
import { encrypt, personKey } from "../../lib/crypto";
import { isoDate, monthsBefore } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { completeness } from "../returns/completeness";
import { createUserWithMembership } from "../users/users.service";
import { seedCommissioning } from "./commissioning";
import { generateDemo } from "./generate";
import { Random } from "./random";
import { seedRecruitment } from "./recruitment";
import { seedSocialWork } from "./social-work";
import { seedStrategy } from "./strategy";
import { seedSharedTraining } from "./training";

export const DEMO_PASSWORD = "demo-password-2026";

interface DemoUser {
  email: string;
  name: string;
  orgKey?: string;
  role?: Role;
  isHubAdmin?: boolean;
  label: string;
  /** Further organisations, to show switching between them. */
  alsoIn?: { orgKey: string; role: Role }[];
}

/** One demo user per role. */
export const DEMO_USERS: DemoUser[] = [
  { email: "hub.admin@demo.test", name: "Hana Hub-Admin", isHubAdmin: true, label: "Hub admin (whole installation)" },
  {
    email: "council.admin@halton.demo.test",
    name: "Carol Council-Admin",
    orgKey: "council",
    role: "council_admin",
    label: "Council admin",
  },
  {
    email: "analyst@halton.demo.test",
    name: "Anil Analyst",
    orgKey: "council",
    role: "council_analyst",
    label: "Council analyst",
  },
  {
    email: "commissioner@halton.demo.test",
    name: "Chris Commissioner",
    orgKey: "council",
    role: "commissioner",
    label: "Commissioner",
  },
  // A manager running two providers in one group: she switches between them in the header.
  {
    email: "provider.admin@mersey-view.demo.test",
    name: "Priya Provider-Admin",
    orgKey: "p0",
    role: "provider_admin",
    label: "Provider admin",
    alsoIn: [{ orgKey: "p1", role: "provider_admin" }],
  },
  {
    email: "editor@mersey-view.demo.test",
    name: "Eddie Editor",
    orgKey: "p0",
    role: "provider_editor",
    label: "Provider editor",
  },
  {
    email: "viewer@mersey-view.demo.test",
    name: "Vera Viewer",
    orgKey: "p0",
    role: "provider_viewer",
    label: "Provider viewer",
  },
  { email: "trainer@riverside.demo.test", name: "Tom Trainer", orgKey: "college", role: "trainer", label: "Trainer" },
  // Runs the college's courses and sessions in the shared training catalogue (issue 18).
  {
    email: "courses@riverside.demo.test",
    name: "Cara Courses",
    orgKey: "college",
    role: "provider_admin",
    label: "Training partner admin",
  },
  {
    email: "care.worker@mersey-view.demo.test",
    name: "Sam Staff-Member",
    orgKey: "p0",
    role: "staff_member",
    label: "Staff member (personal account)",
  },
  // The demo's job seeker, candidate@halton.demo.test, is made with joint recruitment's demo
  // (demo/recruitment.ts): a profile, the talent pool and applications on the go.
];

export async function databaseIsEmpty(ctx: Ctx) {
  const [row] = await ctx.db.select({ n: count() }).from(organisations);
  return row.n === 0;
}

/**
 * Writes the demo system in one transaction: organisations, commissioning, workplaces, staff
 * records with three years of history, vacancies, monthly agency spend, and one user per role.
 */
export async function seedDemo(ctx: Ctx, opts: { anchor: string }) {
  const data = generateDemo(opts.anchor);
  const secret = ctx.deps.secret;
  return inTransaction(ctx, async (tx) => {
    const orgIds = new Map<string, string>();
    for (const o of data.orgs) {
      const [row] = await tx.db
        .insert(organisations)
        .values({ kind: o.kind, name: o.name, slug: o.slug, isDemo: true })
        .returning({ id: organisations.id });
      orgIds.set(o.key, row.id);
    }
    const councilId = orgIds.get("council") as string;
    // Commissioning began on different dates over the years before the demo's history (three years).
    const anchorYear = Number(opts.anchor.slice(0, 4));
    await tx.db.insert(commissioning).values(
      data.commissioned.map((key, i) => ({
        councilId,
        providerId: orgIds.get(key) as string,
        fromDate: `${anchorYear - 4 - (i % 6)}-04-01`,
      })),
    );
    const placeIds = new Map<string, string>();
    const employedAt = new Map<string, number>();
    for (const s of data.staff)
      if (s.endDate === null && (s.contractType === 1 || s.contractType === 2))
        employedAt.set(s.workplaceKey, (employedAt.get(s.workplaceKey) ?? 0) + 1);
    for (const w of data.workplaces) {
      const [row] = await tx.db
        .insert(workplaces)
        .values({
          orgId: orgIds.get(w.orgKey) as string,
          councilId,
          localRef: w.localRef,
          name: w.name,
          employerType: w.employerType,
          mainService: w.mainService,
          capacity: w.capacity,
          utilisation: w.utilisation,
          address1: w.address1,
          town: w.town,
          postcode: w.postcode,
          cqcLocationId: w.cqcLocationId,
          cqcProviderId: w.cqcProviderId,
          declaredStaffTotal: employedAt.get(w.key) ?? 0,
          // Before the history the demo holds who was in post, not who left: "no data", not 0.
          recordsFrom: data.historyStart,
        })
        .returning({ id: workplaces.id });
      placeIds.set(w.key, row.id);
    }
    // COPY rather than inserts: the demo's three years are some 15,000 rows, and seeding runs at first start.
    await bulkInsert(
      tx.db,
      staffRecords,
      data.staff.map(({ orgKey, workplaceKey, ni, ...s }) => ({
        ...s,
        orgId: orgIds.get(orgKey) as string,
        workplaceId: placeIds.get(workplaceKey) as string,
        personKey: ni ? personKey(secret, ni) : null,
        niEncrypted: ni ? encrypt(secret, ni) : null,
      })),
    );
    await bulkInsert(
      tx.db,
      vacancies,
      data.vacancies.map(({ orgKey, workplaceKey, ...v }) => ({
        ...v,
        orgId: orgIds.get(orgKey) as string,
        workplaceId: placeIds.get(workplaceKey) as string,
      })),
    );

    await bulkInsert(
      tx.db,
      agencyUse,
      data.agency.map(({ orgKey, workplaceKey, ...a }) => ({
        ...a,
        orgId: orgIds.get(orgKey) as string,
        workplaceId: placeIds.get(workplaceKey) as string,
      })),
    );

    const trainingSeeded = await seedTraining(tx, [...orgIds.values()], opts.anchor);
    const returnsSeeded = await seedPastReturns(tx, data, orgIds, councilId);

    const credentials: { email: string; password: string; role: string }[] = [];
    for (const u of DEMO_USERS) {
      const { user } = await createUserWithMembership(tx, {
        email: u.email,
        name: u.name,
        password: DEMO_PASSWORD,
        isHubAdmin: u.isHubAdmin,
        orgId: u.orgKey ? orgIds.get(u.orgKey) : undefined,
        role: u.role,
      });
      for (const extra of u.alsoIn ?? []) {
        await createUserWithMembership(tx, { email: u.email, orgId: orgIds.get(extra.orgKey), role: extra.role });
      }
      credentials.push({ email: u.email, password: DEMO_PASSWORD, role: u.label });
      if (u.role === "staff_member") {
        // The personal account sees one care worker's record at the provider.
        await tx.db.execute(
          sql`update staff_records set user_id = ${user.id} where id = (select id from staff_records where org_id = ${orgIds.get(u.orgKey as string)} and main_job_role = 8 and end_date is null order by local_ref limit 1)`,
        );
      }
    }
    await seedStrategy(tx, { councilId, orgIds, anchor: opts.anchor, password: DEMO_PASSWORD, credentials });
    await seedRecruitment(tx, { councilId, anchor: opts.anchor, password: DEMO_PASSWORD, credentials });
    await seedSharedTraining(tx, { councilId, orgIds, anchor: opts.anchor, password: DEMO_PASSWORD, credentials });
    await seedCommissioning(tx, { councilId, orgIds, anchor: opts.anchor });
    await seedSocialWork(tx, { councilId, anchor: opts.anchor, password: DEMO_PASSWORD, credentials });
    const [{ n: staffCount }] = await tx.db.select({ n: count() }).from(staffRecords);
    await recordAudit(tx, {
      orgId: councilId,
      action: "seed_demo",
      entityType: "system",
      entityId: null,
      after: {
        anchor: opts.anchor,
        organisations: data.orgs.length,
        workplaces: data.workplaces.length,
        staffRecords: data.staff.length,
        vacancies: data.vacancies.length,
        agencyMonths: data.agency.length,
        trainingRecords: trainingSeeded,
        returns: returnsSeeded,
      },
    });
    return {
      credentials,
      counts: {
        organisations: data.orgs.length,
        workplaces: data.workplaces.length,
        staffRecords: staffCount,
        vacancies: data.vacancies.length,
      },
    };
  });
}

/** The last four quarter ends before the anchor, and the quarter now open. */
/**
 * A common mandatory training set (the categories CQC inspectors most often ask providers about),
 * as every demo employer's workforce settings: the statutory Oliver McGowan training and
 * safeguarding for everyone, care skills for care-providing roles.
 */
const DEMO_CARE_ROLES = [4, 5, 7, 8, 9, 23, 45, 52];
const DEMO_MANDATORY = [
  { category: 20, roles: null, validity: 36 }, // safeguarding adults
  { category: 42, roles: null, validity: null }, // Oliver McGowan mandatory training (tier 1)
  { category: 6, roles: null, validity: 12 }, // fire safety
  { category: 10, roles: DEMO_CARE_ROLES, validity: 12 }, // infection prevention and control
  { category: 15, roles: DEMO_CARE_ROLES, validity: 12 }, // assisting and moving people
  { category: 7, roles: DEMO_CARE_ROLES, validity: 36 }, // basic life support and first aid
  { category: 13, roles: [5, 7, 45], validity: 12 }, // medication management, for seniors and leaders
];

/** The demo's mandatory training as an employer's workforce settings. */
export const DEMO_REQUIRED_TRAINING = DEMO_MANDATORY.map(({ category, roles }) => ({ category, roles }));

/**
 * Training records for staff in post under the demo's mandatory training: most hold each item,
 * completed at some point in its validity before the anchor plus a few months, so some has
 * lapsed and compliance is high but short of complete, as in real returns. Also used by the
 * metrics benchmark.
 */
export function demoTraining(
  people: { id: string; orgId: string; role: number; start: string }[],
  anchor: string,
  rnd: Random,
) {
  const rows: {
    orgId: string;
    staffRecordId: string;
    category: number;
    completedOn: string;
    validityMonths: number | null;
    accredited: number;
  }[] = [];
  for (const s of people) {
    for (const m of DEMO_MANDATORY) {
      if (m.roles !== null && !m.roles.includes(s.role)) continue;
      if (!rnd.chance(0.9)) continue;
      const completedOn = monthsBefore(anchor, rnd.int(0, (m.validity ?? 24) + 2));
      if (completedOn < s.start) continue;
      rows.push({
        orgId: s.orgId,
        staffRecordId: s.id,
        category: m.category,
        completedOn,
        validityMonths: m.validity,
        accredited: 1,
      });
    }
  }
  return rows;
}

/** Every demo employer's mandatory training, and training records for its staff in post. */
async function seedTraining(ctx: Ctx, orgIds: string[], anchor: string) {
  await ctx.db
    .insert(workforceSettings)
    .values(orgIds.map((orgId) => ({ orgId, requiredTraining: DEMO_REQUIRED_TRAINING })));
  const inPost = await ctx.db
    .select({
      id: staffRecords.id,
      orgId: staffRecords.orgId,
      role: staffRecords.mainJobRole,
      start: staffRecords.startDate,
    })
    .from(staffRecords)
    .where(
      sql`${staffRecords.endDate} is null and ${staffRecords.contractType} <> 4 and ${staffRecords.orgId} = any(${`{${orgIds.join(",")}}`}::uuid[])`,
    )
    .orderBy(staffRecords.localRef, staffRecords.startDate);
  const rows = demoTraining(inPost, anchor, new Random(4242));
  await bulkInsert(ctx.db, trainingRecords, rows);
  return rows.length;
}

function quarterEnds(anchor: string): { past: string[]; current: string } {
  const ends = ["03-31", "06-30", "09-30", "12-31"];
  const year = Number(anchor.slice(0, 4));
  const all = [year - 2, year - 1, year, year + 1].flatMap((y) => ends.map((e) => `${y}-${e}`));
  const past = all.filter((d) => d < anchor).slice(-4);
  return { past, current: all.find((d) => d >= anchor) as string };
}

/**
 * Past quarterly returns for the demo council: most providers submitted on time, a few late,
 * a few not at all; snapshots are made from the generated records as at each quarter end.
 */
async function seedPastReturns(
  ctx: Ctx,
  data: ReturnType<typeof generateDemo>,
  orgIds: Map<string, string>,
  councilId: string,
) {
  const rnd = new Random(99);
  const { past, current } = quarterEnds(data.anchor);
  const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000);
  let submissions = 0;
  for (const end of past) {
    const due = isoDate(plusDays(end, 31));
    const [period] = await ctx.db
      .insert(returnPeriods)
      .values({
        councilId,
        name: `Quarter ending ${longDate(end)}`,
        periodEnd: end,
        dueDate: due,
        createdAt: plusDays(end, 1),
      })
      .returning();
    for (const key of data.commissioned) {
      const fate = rnd.weighted([
        ["on_time", 0.85],
        ["late", 0.08],
        ["none", 0.07],
      ] as const);
      if (fate === "none") continue;
      const staff = data.staff.filter(
        (st) => st.orgKey === key && st.startDate <= end && (st.endDate === null || st.endDate > end),
      );
      const snapshotStaff = staff.map(({ ni: _ni, orgKey: _o, ...rest }) => rest);
      await ctx.db.insert(returnSubmissions).values({
        periodId: period.id,
        orgId: orgIds.get(key) as string,
        submittedAt: plusDays(due, fate === "late" ? rnd.int(2, 20) : -rnd.int(0, 25)),
        completeness: completeness(staff as never),
        snapshot: { asAt: end, staff: snapshotStaff },
      });
      submissions++;
    }
  }
  await ctx.db.insert(returnPeriods).values({
    councilId,
    name: `Quarter ending ${longDate(current)}`,
    periodEnd: current,
    dueDate: isoDate(plusDays(current, 31)),
    createdAt: new Date(`${data.anchor}T00:00:00Z`),
  });
  return { periods: past.length + 1, submissions };
}
