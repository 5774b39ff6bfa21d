import { sql } from "drizzle-orm";
import { JOB_ROLES } from "../../../shared/ascwds/codes";
import { londonInstant } from "../../../shared/dates";
import { outwardCode } from "../../../shared/postcode";
import { SECTOR_VALUE_LABELS, SECTOR_VALUES } from "../../../shared/recruitment";
import type { Ctx, OrgCtx } from "../../context";
import { bulkInsert } from "../../db/bulk";
import {
  advertViewDays,
  applicationEvents,
  applications,
  campaigns,
  candidateConsents,
  candidateProfiles,
  jobAdverts,
  memberships,
  poolChosenEmployers,
  recruitmentEvents,
  users,
} from "../../db/schema";
import { isoDate, monthsBefore } from "../../lib/time";
import { seedHubQuestions } from "../recruitment/questions.service";
import { createUserWithMembership } from "../users/users.service";
import { FIRST_NAMES_F, FIRST_NAMES_M, SURNAMES } from "./catalogue";
import { SALARIED } from "./person";
import { Random } from "./random";

// Joint recruitment in the demo (issue 17 item 9): about 150 live adverts from the demo's open
// vacancy records, 600 candidates (some in the talent pool), applications at every stage, three
// campaigns with their events, and two years of hires. A hire is an existing staff record that
// started in the last two years (none is made: the workforce figures do not change), so its
// retention is its real end date. Which starters came through the board is chosen so the funnel
// reads as a hub's would: about 8 to 15 applications a start, some three in four hires still in
// post at 3 months and fewer at 12, campaign hires staying longer than the board's.

const LIVE_ADVERTS = 150;
const CANDIDATES = 600;
/** Hires through the board by cohort (stayers, leavers): started 12–24 months ago, 3–12 months ago, and since. */
const HIRES = { older: [62, 36], middle: [62, 10], recent: [30, 0] } as const;
const DAY = 86_400_000;

type Stage = "applied" | "screened" | "interview" | "offer" | "checks" | "started" | "withdrawn" | "rejected";
/** Where an application that did not lead to a start stopped: its path after "applied", and the reason. */
const LOST: [Stage[], string | null, number][] = [
  [["rejected"], "experience", 0.36],
  [["withdrawn"], null, 0.1],
  [["screened", "rejected"], "values", 0.22],
  [["screened", "interview", "rejected"], "interview", 0.2],
  [["screened", "interview", "offer", "withdrawn"], null, 0.06],
  [["screened", "interview", "offer", "checks", "rejected"], "checks", 0.02],
  [["screened", "withdrawn"], null, 0.04],
];
/** Where an application to a live advert is now. */
const LIVE: [Stage[], string | null, number][] = [
  [[], null, 0.4],
  [["screened"], null, 0.17],
  [["screened", "interview"], null, 0.14],
  [["screened", "interview", "offer"], null, 0.06],
  [["screened", "interview", "offer", "checks"], null, 0.05],
  [["rejected"], "experience", 0.12],
  [["screened", "rejected"], "values", 0.03],
  [["withdrawn"], null, 0.03],
];
const HIRED: Stage[] = ["screened", "interview", "offer", "checks", "started"];

/** A uuid (version 4 layout) from the demo's own generator, so the demo is the same every time. */
function uuids(rnd: Random) {
  const hex = () =>
    Math.floor(rnd.next() * 2 ** 32)
      .toString(16)
      .padStart(8, "0");
  return () => {
    const s = hex() + hex() + hex() + hex();
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${(8 + (Number.parseInt(s[16], 16) & 3)).toString(16)}${s.slice(17, 20)}-${s.slice(20, 32)}`;
  };
}

/**
 * Job titles as adverts put them, for the ASC-WDS roles whose names are categories
 * ("Administrative", "Ancillary staff (non care-providing)"); other roles keep their names.
 */
const ADVERT_TITLES: Record<number, string> = {
  9: "Community support worker",
  24: "Service manager",
  25: "Administrator",
  26: "Domestic assistant",
  34: "Activities co-ordinator",
};

/** "an administrator", "a care worker", "a unit manager", "an IT manager": the article by the sound. */
export function withArticle(words: string) {
  const vowelSound = /^[A-Z]{2}/.test(words)
    ? /^[AEFHILMNORSX]/.test(words) // an initialism is said letter by letter: "an IT manager"
    : /^[aeiou]/i.test(words) && !/^(uni|use|usu|eu|one)/i.test(words);
  return `${vowelSound ? "an" : "a"} ${words}`;
}

/** Lower case the first letter of a title in a sentence, but not of an initialism ("IT manager"). */
const lowerFirst = (title: string) =>
  /^[A-Z]{2}/.test(title) ? title : title.charAt(0).toLowerCase() + title.slice(1);

const dayOf = (t: number) => isoDate(new Date(t));
const at = (day: string, hour = 10) => Date.parse(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);

/** Hourly pay in pence for a role, most at or a little over the National Living Wage (£12.71 from April 2026), some at the Real Living Wage. */
function payFor(
  rnd: Random,
  role: number,
): { payUnit: "hour" | "year"; payMinPence: number; payMaxPence: number | null } {
  if (SALARIED.has(role)) {
    const base = role === 16 ? 38_000 : role === 4 ? 45_000 : role === 43 ? 32_000 : 30_000;
    const min = base + 500 * rnd.int(0, 8);
    return { payUnit: "year", payMinPence: min * 100, payMaxPence: rnd.chance(0.5) ? (min + 3000) * 100 : null };
  }
  const [lo, hi] = role === 7 || role === 45 || role === 5 ? [1360, 1520] : role === 8 ? [1275, 1400] : [1275, 1350];
  const min = 5 * Math.round(rnd.int(lo, hi) / 5);
  return { payUnit: "hour", payMinPence: min, payMaxPence: rnd.chance(0.3) ? min + 50 : null };
}

/** A contract as adverts state it: most permanent, some bank and zero hours. */
function contractFor(rnd: Random) {
  const kind = rnd.weighted([
    ["full", 0.35],
    ["part", 0.25],
    ["bank", 0.15],
    ["zero", 0.12],
    ["temp", 0.13],
  ] as const);
  if (kind === "bank") return { contractType: "bank", zeroHours: true, hoursPerWeek: null };
  if (kind === "zero") return { contractType: "permanent", zeroHours: true, hoursPerWeek: null };
  if (kind === "temp") return { contractType: "temporary", zeroHours: false, hoursPerWeek: 37.5 };
  return { contractType: "permanent", zeroHours: false, hoursPerWeek: kind === "full" ? 37.5 : 5 * rnd.int(3, 6) };
}

interface Advert {
  row: typeof jobAdverts.$inferInsert & { id: string };
  /** Applications are made from this day to this day. */
  from: number;
  to: number;
}

export interface RecruitmentSeeded {
  adverts: number;
  liveAdverts: number;
  candidates: number;
  applications: number;
  hires: number;
}

/**
 * Seeds joint recruitment for the demo council: the hub's questions, campaigns and events, live
 * adverts from open vacancies, closed adverts from the vacancies the hires filled, candidates
 * and their applications with every stage's events, and advert views by day.
 */
export async function seedRecruitment(
  ctx: Ctx,
  opts: {
    councilId: string;
    anchor: string;
    password: string;
    credentials: { email: string; password: string; role: string }[];
  },
): Promise<RecruitmentSeeded> {
  const rnd = new Random(1717);
  const id = uuids(new Random(1718));
  const { councilId, anchor } = opts;
  const anchorT = at(anchor, 0);
  const db = ctx.db;
  const rows = async <T>(q: ReturnType<typeof sql>) => (await db.execute(q)).rows as T[];

  const [council] = await rows<{ id: string; name: string; slug: string }>(
    sql`select id, name, slug from organisations where id = ${councilId}`,
  );
  const councilCtx: OrgCtx = {
    ...ctx,
    org: { id: council.id, kind: "council", name: council.name, slug: council.slug, isDemo: true },
    role: null,
  };
  await seedHubQuestions(councilCtx);

  // The employers on the board: the providers the council commissions, and the council itself.
  const places = await rows<{
    id: string;
    org_id: string;
    name: string;
    postcode: string | null;
    org_name: string;
  }>(sql`
    select w.id, w.org_id, w.name, w.postcode, o.name as org_name from workplaces w join organisations o on o.id = w.org_id
    where w.org_id = ${councilId} or w.org_id in (select provider_id from commissioning where council_id = ${councilId})
    order by o.name, w.local_ref`);
  const placeOf = new Map(places.map((p) => [p.id, p]));
  const districts = new Map(
    (
      await rows<{ outward: string; lat: number; lng: number }>(sql`select outward, lat, lng from postcode_districts`)
    ).map((d) => [d.outward, d]),
  );

  // Campaigns and their events.
  const month = (n: number) => monthsBefore(anchor, n);
  const campaignRows = [
    {
      id: id(),
      councilId,
      name: "Care for your future",
      kind: "social_media",
      audience: "young_people",
      code: "CARE-FUTURE",
      startsOn: month(20),
      endsOn: month(8),
      description: "Short films by young care workers on social media, and talks in sixth forms and colleges.",
    },
    {
      id: id(),
      councilId,
      name: "A new chapter in care",
      kind: "event",
      audience: "career_changers",
      code: "NEW-CHAPTER",
      startsOn: month(14),
      endsOn: null,
      description: "Jobs fairs and evening taster sessions for people changing career, with employers on the day.",
    },
    {
      id: id(),
      councilId,
      name: "Jobcentre care academy",
      kind: "pre_employment",
      audience: "not_in_work",
      code: "CARE-ACADEMY",
      startsOn: month(10),
      endsOn: null,
      description:
        "A sector-based work academy with the jobcentre: up to six weeks of training and a work placement, ending in a guaranteed interview.",
    },
  ];
  await db.insert(campaigns).values(campaignRows);
  const [future, chapter, academy] = campaignRows;
  const event = (
    campaignId: string | null,
    title: string,
    day: string,
    hours: [number, number],
    place: string,
    description = "",
  ) => ({
    id: id(),
    councilId,
    campaignId,
    title,
    // Times as people in Halton read them (British Summer Time in summer).
    startsAt: new Date(londonInstant(day, `${hours[0]}:00`)),
    endsAt: new Date(londonInstant(day, `${hours[1]}:00`)),
    place,
    description,
  });
  const plus = (days: number) => dayOf(anchorT + days * DAY);
  await db
    .insert(recruitmentEvents)
    .values([
      event(future.id, "Careers in care talk, Riverside College", month(16), [10, 12], "Riverside College, Widnes"),
      event(
        chapter.id,
        "Care jobs fair",
        month(12),
        [10, 15],
        "Halton Stadium, Widnes",
        "Meet local care employers and apply on the day.",
      ),
      event(
        chapter.id,
        "Care jobs fair",
        month(5),
        [10, 15],
        "Brindley Theatre, Runcorn",
        "Meet local care employers and apply on the day.",
      ),
      event(
        academy.id,
        "Care academy: course starts",
        month(9),
        [9, 15],
        "Widnes Jobcentre",
        "Six weeks of training and a placement, then a guaranteed interview.",
      ),
      event(
        academy.id,
        "Care academy: course starts",
        month(3),
        [9, 15],
        "Runcorn Jobcentre",
        "Six weeks of training and a placement, then a guaranteed interview.",
      ),
      event(
        chapter.id,
        "Care jobs fair",
        plus(12),
        [10, 15],
        "Halton Stadium, Widnes",
        "Meet local care employers and apply on the day.",
      ),
      event(
        academy.id,
        "Care academy: next course starts",
        plus(26),
        [9, 15],
        "Widnes Jobcentre",
        "For people on Universal Credit: six weeks of training and a placement, then a guaranteed interview. Travel and childcare paid.",
      ),
      event(
        null,
        "Evening taster: a day in the life of a care worker",
        plus(40),
        [18, 20],
        "Halton Lea Library, Runcorn",
      ),
    ]);

  const advertRow = (
    vacancy: { id: string; org_id: string; workplace_id: string; job_role: number },
    status: "published" | "closed",
    publishedT: number,
    closingT: number,
  ): Advert["row"] => {
    const place = placeOf.get(vacancy.workplace_id);
    const outward = place?.postcode ? outwardCode(place.postcode) : null;
    const district = outward ? districts.get(outward) : undefined;
    const role = ADVERT_TITLES[vacancy.job_role] ?? JOB_ROLES[vacancy.job_role] ?? "Care worker";
    const contract = contractFor(rnd);
    const row: Advert["row"] = {
      id: id(),
      orgId: vacancy.org_id,
      councilId,
      workplaceId: vacancy.workplace_id,
      vacancyId: vacancy.id,
      reference: `V${vacancy.id.slice(0, 6).toUpperCase()}`,
      title: role,
      jobRole: vacancy.job_role,
      summary: `${role} at ${place?.name ?? "our service"}: join a friendly team supporting people to live their lives.`,
      description: "", // written below, once the experience flag is drawn (the draws keep their order)
      ...payFor(rnd, vacancy.job_role),
      payAgeBand: "21_plus",
      ...contract,
      shiftPattern: rnd.pick([
        "Days, with one weekend in two",
        "Early and late shifts",
        "Nights",
        "Flexible, to suit you",
      ]),
      drivingRequired: rnd.chance(0.25),
      visaSponsorship: rnd.chance(0.08),
      noExperienceNeeded: vacancy.job_role === 8 || rnd.chance(0.2),
      offers:
        "Paid training towards the Care Certificate and a Level 2 qualification, paid DBS check, and a route to senior care worker.",
      // As the advert form stores them: the framework's words, not the keys.
      values: rnd
        .shuffle([...SECTOR_VALUES])
        .slice(0, 3)
        .map((v) => SECTOR_VALUE_LABELS[v]),
      closingDate: dayOf(closingT),
      status,
      closedReason: status === "closed" ? "filled" : null,
      publishedAt: new Date(publishedT),
      closedAt: status === "closed" ? new Date(closingT) : null,
      postcode: place?.postcode ?? null,
      outward,
      lat: district?.lat ?? null,
      lng: district?.lng ?? null,
      createdAt: new Date(publishedT),
      updatedAt: new Date(status === "closed" ? closingT : publishedT),
    };
    row.description = [
      `We are looking for ${withArticle(lowerFirst(role))} to join the team at ${place?.name ?? "our service"}.`,
      "What you will do:\n- support people with their daily lives, as their care plans say\n- keep accurate records\n- work with families and health professionals",
      // The words agree with the advert's "no experience needed" flag, which the board shows.
      row.noExperienceNeeded
        ? "You do not need experience: we will train you."
        : "Experience in a similar role is asked for: tell us about yours when you apply.",
    ].join("\n\n");
    return row;
  };

  // Live adverts: open vacancies, taken employer by employer in turn so that many employers advertise.
  const open = await rows<{
    id: string;
    org_id: string;
    workplace_id: string;
    job_role: number;
    opened_on: string;
  }>(sql`
    select v.id, v.org_id, v.workplace_id, v.job_role, to_char(v.opened_on, 'YYYY-MM-DD') as opened_on
    from vacancies v join workplaces w on w.id = v.workplace_id join organisations o on o.id = v.org_id
    where v.closed_on is null and (v.org_id = ${councilId} or v.org_id in (select provider_id from commissioning where council_id = ${councilId}))
    order by v.opened_on, o.name, w.local_ref, v.job_role, v.id`);
  const byOrg = new Map<string, typeof open>();
  for (const v of open) byOrg.set(v.org_id, [...(byOrg.get(v.org_id) ?? []), v]);
  const live: typeof open = [];
  for (let round = 0; live.length < LIVE_ADVERTS && round < 50; round++)
    for (const list of byOrg.values()) if (list[round] && live.length < LIVE_ADVERTS) live.push(list[round]);
  const adverts: Advert[] = live.map((v) => {
    const published = Math.max(at(v.opened_on), anchorT - rnd.int(3, 40) * DAY);
    return {
      row: advertRow(v, "published", published, anchorT + rnd.int(10, 45) * DAY),
      from: published,
      to: anchorT - DAY,
    };
  });

  // Hires: staff records (not agency) that started in the last two years, by cohort.
  const starters = await rows<{
    id: string;
    org_id: string;
    workplace_id: string;
    main_job_role: number;
    start: string;
    end: string | null;
    name: string;
    key: string;
  }>(sql`
    select s.id, s.org_id, s.workplace_id, s.main_job_role, to_char(s.start_date, 'YYYY-MM-DD') as start,
      to_char(s.end_date, 'YYYY-MM-DD') as end, s.display_id as name,
      o.name || '/' || s.local_ref || '/' || s.main_job_role as key
    from staff_records s join organisations o on o.id = s.org_id
    where s.contract_type <> 4 and s.start_date > ${monthsBefore(anchor, 24)}::date and s.start_date <= ${dayOf(anchorT - 10 * DAY)}::date
      and (s.org_id = ${councilId} or s.org_id in (select provider_id from commissioning where council_id = ${councilId}))
    order by s.start_date, o.name, s.local_ref, s.display_id, s.main_job_role`);
  const cohortOf = (start: string) => (start <= month(12) ? "older" : start <= month(3) ? "middle" : "recent");
  const hires: (typeof starters)[number][] = [];
  for (const cohort of ["older", "middle", "recent"] as const) {
    const inCohort = starters.filter((s) => cohortOf(s.start) === cohort);
    const [stay, leave] = HIRES[cohort];
    const stayers = rnd.shuffle(inCohort.filter((s) => !s.end)).slice(0, stay);
    const leavers = cohort === "recent" ? [] : rnd.shuffle(inCohort.filter((s) => s.end)).slice(0, leave);
    hires.push(...stayers, ...leavers);
  }
  // Sorted by what the demo generates (never by the ids the database made), so the demo is the same every time.
  hires.sort((a, b) => a.start.localeCompare(b.start) || a.key.localeCompare(b.key));

  // Each hire filled a vacancy of its employer that closed about when they started: its advert.
  const closed = await rows<{
    id: string;
    org_id: string;
    workplace_id: string;
    job_role: number;
    opened: string;
    closed: string;
  }>(sql`
    select v.id, v.org_id, v.workplace_id, v.job_role, to_char(v.opened_on, 'YYYY-MM-DD') as opened, to_char(v.closed_on, 'YYYY-MM-DD') as closed
    from vacancies v join workplaces w on w.id = v.workplace_id join organisations o on o.id = v.org_id
    where v.closed_on is not null and v.closed_on > ${monthsBefore(anchor, 27)}::date
      and (v.org_id = ${councilId} or v.org_id in (select provider_id from commissioning where council_id = ${councilId}))
    order by v.closed_on, v.opened_on, o.name, w.local_ref, v.job_role, v.id`);
  const closedByOrg = new Map<string, typeof closed>();
  for (const v of closed) closedByOrg.set(v.org_id, [...(closedByOrg.get(v.org_id) ?? []), v]);
  const advertOfVacancy = new Map<string, Advert>();
  const hireAdvert = new Map<string, Advert>();
  const appliedOn = new Map<string, number>();
  for (const h of hires) {
    const startT = at(h.start);
    const applied = startT - rnd.int(18, 55) * DAY;
    const near = (v: (typeof closed)[number]) => Math.abs(at(v.closed) - startT) <= 75 * DAY;
    const list = closedByOrg.get(h.org_id) ?? [];
    const vacancy =
      list.find((v) => !advertOfVacancy.has(v.id) && near(v) && v.job_role === h.main_job_role) ??
      list.find((v) => !advertOfVacancy.has(v.id) && near(v)) ??
      list.find((v) => near(v) && advertOfVacancy.has(v.id));
    if (!vacancy) continue;
    let advert = advertOfVacancy.get(vacancy.id);
    if (!advert) {
      const published = Math.min(at(vacancy.opened), applied - rnd.int(3, 20) * DAY);
      advert = {
        row: advertRow(vacancy, "closed", published, startT - rnd.int(3, 10) * DAY),
        from: published,
        to: applied,
      };
      advertOfVacancy.set(vacancy.id, advert);
      adverts.push(advert);
    }
    advert.to = Math.max(advert.to, applied);
    if (applied - 3 * DAY < advert.from) {
      advert.from = applied - 3 * DAY;
      advert.row.publishedAt = new Date(advert.from);
      advert.row.createdAt = new Date(advert.from);
    }
    hireAdvert.set(h.id, advert);
    appliedOn.set(h.id, applied);
  }
  const hired = hires.filter((h) => hireAdvert.has(h.id));
  await bulkInsert(
    db,
    jobAdverts,
    adverts.map((a) => a.row),
  );

  // Candidates: a hire is a candidate of their own (the staff record's name); the rest apply too.
  const nameRnd = new Random(1719);
  const candidateNames = [
    ...hired.map((h) => h.name),
    ...Array.from({ length: CANDIDATES - hired.length }, () => {
      const first = nameRnd.chance(0.7) ? nameRnd.pick(FIRST_NAMES_F) : nameRnd.pick(FIRST_NAMES_M);
      return `${first} ${nameRnd.pick(SURNAMES)}`;
    }),
  ].slice(0, CANDIDATES);
  const outwards = [
    ...new Set(places.map((p) => (p.postcode ? outwardCode(p.postcode) : null)).filter(Boolean)),
  ] as string[];
  const candidates = candidateNames.map((name, i) => {
    const outward = rnd.pick(outwards);
    return {
      id: id(),
      name,
      email: `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${String(i + 1).padStart(3, "0")}@candidates.demo.test`,
      outward,
      postcode: `${outward} ${rnd.int(1, 9)}${rnd.pick(["AB", "DE", "HJ", "QT", "WX"])}`,
      pool: rnd.weighted([
        ["none", 0.62],
        ["all", 0.28],
        ["chosen", 0.1],
      ] as const),
      rightToWork: rnd.weighted([
        ["yes", 0.9],
        ["needs_sponsorship", 0.06],
        ["not_sure", 0.04],
      ] as const),
      driving: rnd.chance(0.6),
      experience: rnd.pick([
        "I cared for my grandmother for two years.",
        "Three years as a care worker in a care home.",
        "Retail and customer service; volunteer at a lunch club.",
        "Healthcare assistant on a hospital ward.",
        "New to care: I have looked after my own children and helped at a youth club.",
      ]),
      availability: rnd.pick(["Full time", "Part time, school hours", "Evenings and weekends", "Any shifts"]),
      created: anchorT - rnd.int(20, 720) * DAY,
    };
  });
  const hireCandidate = new Map(hired.map((h, i) => [h.id, candidates[i]]));
  const employerIds = [...new Set(places.map((p) => p.org_id))];
  await bulkInsert(
    db,
    users,
    candidates.map((c) => ({
      id: c.id,
      email: c.email,
      name: c.name,
      passwordHash: null,
      isHubAdmin: false,
      emailVerifiedAt: new Date(c.created),
      createdAt: new Date(c.created),
    })),
  );
  await bulkInsert(
    db,
    memberships,
    candidates.map((c) => ({
      id: id(),
      userId: c.id,
      orgId: councilId,
      role: "candidate",
      createdAt: new Date(c.created),
    })),
  );
  await bulkInsert(
    db,
    candidateProfiles,
    candidates.map((c) => ({
      userId: c.id,
      councilId,
      phone: "",
      postcode: c.postcode,
      outward: c.outward,
      experience: c.experience,
      qualifications: [],
      rightToWork: c.rightToWork,
      drivingLicence: c.driving,
      availability: c.availability,
      preferredRoles: [],
      preferredAreas: [c.outward],
      poolVisibility: c.pool,
      createdAt: new Date(c.created),
      updatedAt: new Date(c.created),
    })),
  );
  const chosen = candidates
    .filter((c) => c.pool === "chosen")
    .map((c) => ({ c, orgs: rnd.shuffle([...employerIds]).slice(0, rnd.int(1, 3)) }));
  await bulkInsert(
    db,
    poolChosenEmployers,
    chosen.flatMap(({ c, orgs }) => orgs.map((orgId) => ({ candidateUserId: c.id, orgId }))),
  );
  await bulkInsert(
    db,
    candidateConsents,
    candidates
      .filter((c) => c.pool !== "none")
      .map((c) => ({
        id: id(),
        candidateUserId: c.id,
        councilId,
        kind: "pool",
        choice: c.pool,
        orgIds: chosen.find((x) => x.c === c)?.orgs ?? [],
        recordedAt: new Date(c.created + DAY),
      })),
  );

  // Applications, each with its events.
  const apps: (typeof applications.$inferInsert)[] = [];
  const events: (typeof applicationEvents.$inferInsert)[] = [];
  const appliedTo = new Map<string, Set<string>>();
  const campaignOn = (t: number, stayer: boolean) => {
    const running = campaignRows.filter((c) => at(c.startsOn) <= t && (!c.endsOn || t <= at(c.endsOn)));
    // Campaign hires stay longer (the route's retention is the point of the measure).
    return running.length && rnd.chance(stayer ? 0.4 : 0.12) ? rnd.pick(running) : null;
  };
  const sourceOf = (t: number, stayer = false) => {
    const c = campaignOn(t, stayer);
    if (c) return { source: "campaign", campaignId: c.id };
    return {
      source: rnd.weighted([
        ["board", 0.62],
        ["alert", 0.14],
        ["feed", 0.16],
        ["pool_invitation", 0.08],
      ] as const),
      campaignId: null,
    };
  };
  const addApplication = (
    advert: Advert,
    candidate: (typeof candidates)[number] | null,
    submitted: number,
    path: Stage[],
    reason: string | null,
    route: { source: string; campaignId: string | null },
    hire?: { staffRecordId: string; start: string },
  ) => {
    const appId = id();
    const stage = path[path.length - 1] ?? "applied";
    let t = submitted;
    events.push({
      id: id(),
      applicationId: appId,
      orgId: advert.row.orgId,
      fromStage: null,
      toStage: "applied",
      reason: null,
      at: new Date(t),
    });
    let from: Stage = "applied";
    // A hire's steps are spread evenly up to the day they started; others' a few days apart.
    const step = hire ? (at(hire.start, 9) - submitted) / path.length : 0;
    for (const [k, s] of path.entries()) {
      t = hire ? submitted + (k + 1) * step : Math.min(t + rnd.int(2, 9) * DAY, anchorT - DAY / 2);
      events.push({
        id: id(),
        applicationId: appId,
        orgId: advert.row.orgId,
        fromStage: from,
        toStage: s,
        reason: s === "rejected" ? reason : null,
        at: new Date(t),
      });
      from = s;
    }
    const guest = candidate === null;
    const name = candidate?.name ?? `${rnd.pick(FIRST_NAMES_F)} ${rnd.pick(SURNAMES)}`;
    apps.push({
      id: appId,
      advertId: advert.row.id,
      orgId: advert.row.orgId,
      councilId,
      candidateUserId: candidate?.id ?? null,
      name,
      email: candidate?.email ?? `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${apps.length}@guests.demo.test`,
      phone: "",
      profile: guest
        ? { rightToWork: "yes", experience: "" }
        : {
            experience: candidate.experience,
            qualifications: [],
            rightToWork: candidate.rightToWork,
            drivingLicence: candidate.driving,
            availability: candidate.availability,
            postcode: candidate.postcode,
            preferredRoles: [],
          },
      answers: [],
      stage,
      rejectionReason: stage === "rejected" ? reason : null,
      source: route.source,
      campaignId: route.campaignId,
      submittedAt: new Date(submitted),
      stageChangedAt: new Date(t),
      staffRecordId: hire?.staffRecordId ?? null,
      startedOn: hire?.start ?? null,
      candidateDeletedAt: null,
      retainUntil: null,
    });
  };
  /** A candidate who has not applied for this advert yet (most apply to more than one). */
  const someone = (advert: Advert) => {
    const seen = appliedTo.get(advert.row.id) ?? new Set<string>();
    appliedTo.set(advert.row.id, seen);
    if (rnd.chance(0.05)) return null;
    for (let tries = 0; tries < 20; tries++) {
      const c = candidates[rnd.int(0, candidates.length - 1)];
      if (!seen.has(c.id)) {
        seen.add(c.id);
        return c;
      }
    }
    return null;
  };
  const pick = <T>(pairs: [T, string | null, number][]) => {
    const i = rnd.weighted(pairs.map((p, k) => [k, p[2]] as const));
    return pairs[i];
  };

  for (const h of hired) {
    const advert = hireAdvert.get(h.id) as Advert;
    const candidate = hireCandidate.get(h.id) ?? null;
    appliedTo.set(
      advert.row.id,
      new Set([...(appliedTo.get(advert.row.id) ?? []), ...(candidate ? [candidate.id] : [])]),
    );
    const applied = appliedOn.get(h.id) as number;
    addApplication(advert, candidate, applied, HIRED, null, sourceOf(applied, !h.end), {
      staffRecordId: h.id,
      start: h.start,
    });
  }
  const hiresByAdvert = new Map<Advert, number>();
  for (const h of hired)
    hiresByAdvert.set(hireAdvert.get(h.id) as Advert, (hiresByAdvert.get(hireAdvert.get(h.id) as Advert) ?? 0) + 1);
  for (const advert of adverts) {
    const isLive = advert.row.status === "published";
    const others = isLive ? rnd.int(1, 6) : (hiresByAdvert.get(advert) ?? 1) * rnd.int(6, 11);
    for (let k = 0; k < others; k++) {
      const submitted = advert.from + rnd.next() * Math.max(DAY, advert.to - advert.from);
      const [path, reason] = pick(isLive ? LIVE : LOST);
      addApplication(advert, someone(advert), submitted, path, reason, sourceOf(submitted));
    }
  }

  // The demo's candidate who signs in: a profile in the pool, and two applications on the go.
  const { user: cara } = await createUserWithMembership(ctx, {
    email: "candidate@halton.demo.test",
    name: "Cara Candidate",
    password: opts.password,
    orgId: councilId,
    role: "candidate",
  });
  await db.execute(sql`update users set email_verified_at = ${new Date(anchorT - 30 * DAY)} where id = ${cara.id}`);
  await db.insert(candidateProfiles).values({
    userId: cara.id,
    councilId,
    postcode: "WA7 2AB",
    outward: "WA7",
    experience: "I looked after my father for three years, and I volunteer at a lunch club.",
    rightToWork: "yes",
    drivingLicence: true,
    availability: "Days, including weekends",
    preferredAreas: ["WA7", "WA8"],
    poolVisibility: "all",
  });
  await db.insert(candidateConsents).values({ candidateUserId: cara.id, councilId, kind: "pool", choice: "all" });
  const caraAdverts = adverts.filter((a) => a.row.status === "published" && a.row.jobRole === 8).slice(0, 2);
  const caraProfile = {
    name: "Cara Candidate",
    email: "candidate@halton.demo.test",
    experience: "I looked after my father for three years, and I volunteer at a lunch club.",
    rightToWork: "yes" as const,
    driving: true,
    availability: "Days, including weekends",
    postcode: "WA7 2AB",
  };
  for (const [i, a] of caraAdverts.entries())
    addApplication(
      a,
      { ...candidates[0], ...caraProfile, id: cara.id },
      anchorT - (12 - i * 4) * DAY,
      i === 0 ? ["screened", "interview"] : [],
      null,
      { source: "campaign", campaignId: chapter.id },
    );
  opts.credentials.push({
    email: "candidate@halton.demo.test",
    password: opts.password,
    role: "Candidate (job seeker)",
  });

  await bulkInsert(db, applications, apps);
  await bulkInsert(db, applicationEvents, events);

  // Advert views by day: about 12 to 25 views an application, spread over the days it was up.
  const views: (typeof advertViewDays.$inferInsert)[] = [];
  const appsPerAdvert = new Map<string, number>();
  for (const a of apps) appsPerAdvert.set(a.advertId, (appsPerAdvert.get(a.advertId) ?? 0) + 1);
  for (const a of adverts) {
    const first = at(dayOf(a.row.publishedAt?.getTime() ?? a.from));
    const last = Math.min(at(a.row.closingDate), anchorT - DAY);
    const days = Math.max(1, Math.round((last - first) / DAY) + 1);
    let left = (appsPerAdvert.get(a.row.id) ?? 0) * rnd.int(12, 25);
    for (let d = 0; d < days && left > 0; d++) {
      const n = d === days - 1 ? left : Math.min(left, Math.round((left / (days - d)) * rnd.between(0.5, 1.5)));
      if (n > 0) views.push({ advertId: a.row.id, orgId: a.row.orgId, day: dayOf(first + d * DAY), views: n });
      left -= n;
    }
  }
  await bulkInsert(db, advertViewDays, views);

  return {
    adverts: adverts.length,
    liveAdverts: live.length,
    candidates: candidates.length + 1,
    applications: apps.length,
    hires: hired.length,
  };
}
