import { eq } from "drizzle-orm";
import { GENDER, PAY_INTERVAL, YES_NO_DK } from "../../../shared/ascwds/codes";
import { type RouteIn, SW_ROLES, type SwRole, type SwService } from "../../../shared/social-work";
import type { Ctx } from "../../context";
import { bulkInsert } from "../../db/bulk";
import { staffRecords, swEstablishment, swSettings, swStaff, swTeams, workplaces } from "../../db/schema";
import { createUserWithMembership } from "../users/users.service";
import { FIRST_NAMES_F, FIRST_NAMES_M, SURNAMES } from "./catalogue";
import { DAY, iso } from "./dates";
import { Random } from "./random";
import type { SocialWorkDemoOptions, SwDemoBase, SwDemoGap, SwDemoTeam, SwDemoWorker } from "./social-work-types";

// The council's social work service in the demo (issue 20): two workplaces (adults' social work
// and children's social care), their teams with funded posts, and three years of the people who
// held those posts, with their registration, level, grade, warrants and route in. About 80 posts
// in adults' (social workers and occupational therapists) and about 265 in children's, of which
// about 238 are filled at the anchor: children's social work posts run some 17% vacant, adults'
// some 9% (social-work.md §2.2's national figures). Each post is a chain of holders with gaps;
// the parts of the demo place agency workers in the gaps, students with practice educators, ASYEs
// for those who started newly qualified, and supervision and caseloads for everyone.

type Slots = Partial<Record<SwRole, number>>;
interface TeamPlan {
  key: string;
  service: SwService;
  name: string;
  area: string;
  slots: Slots;
  specialisms: string[];
}

const TEAMS: TeamPlan[] = [
  {
    key: "a-front-door",
    service: "adults",
    name: "Adults' Front Door and Hospital Discharge",
    area: "Whole borough",
    slots: { team_manager: 1, senior_social_worker: 2, social_worker: 9 },
    specialisms: ["hospital_discharge", "safeguarding_adults"],
  },
  {
    key: "a-widnes",
    service: "adults",
    name: "Community Social Work (Widnes)",
    area: "Widnes",
    slots: { team_manager: 1, senior_social_worker: 2, social_worker: 10 },
    specialisms: ["safeguarding_adults"],
  },
  {
    key: "a-runcorn",
    service: "adults",
    name: "Community Social Work (Runcorn)",
    area: "Runcorn",
    slots: { team_manager: 1, senior_social_worker: 2, social_worker: 10 },
    specialisms: ["safeguarding_adults"],
  },
  {
    key: "a-mental-health",
    service: "adults",
    name: "Mental Health and AMHP Service",
    area: "Whole borough",
    slots: { team_manager: 1, advanced_practitioner: 1, senior_social_worker: 3, social_worker: 6 },
    specialisms: ["mental_health"],
  },
  {
    key: "a-learning-disability",
    service: "adults",
    name: "Learning Disability and Transitions",
    area: "Whole borough",
    slots: { team_manager: 1, senior_social_worker: 1, social_worker: 7 },
    specialisms: ["learning_disability"],
  },
  {
    key: "a-ot",
    service: "adults",
    name: "Occupational Therapy",
    area: "Whole borough",
    slots: { occupational_therapist: 19 },
    specialisms: [],
  },
  {
    key: "a-practice",
    service: "adults",
    name: "Adults' Practice and Quality",
    area: "Whole borough",
    slots: { principal_social_worker: 1, service_manager: 2 },
    specialisms: [],
  },
  {
    key: "c-front-door",
    service: "children",
    name: "Integrated Contact and Referral Team",
    area: "Whole borough",
    slots: { team_manager: 1, senior_social_worker: 2, social_worker: 8, family_support_worker: 4 },
    specialisms: ["child_protection"],
  },
  {
    key: "c-assessment",
    service: "children",
    name: "Assessment Team",
    area: "Whole borough",
    slots: {
      team_manager: 1,
      advanced_practitioner: 1,
      senior_social_worker: 2,
      social_worker: 14,
      family_support_worker: 3,
    },
    specialisms: ["child_protection"],
  },
  {
    key: "c-cp-north",
    service: "children",
    name: "Child Protection and Court (Widnes)",
    area: "Widnes",
    slots: {
      team_manager: 1,
      advanced_practitioner: 1,
      senior_social_worker: 3,
      social_worker: 16,
      family_support_worker: 4,
    },
    specialisms: ["child_protection", "court"],
  },
  {
    key: "c-cp-south",
    service: "children",
    name: "Child Protection and Court (Runcorn)",
    area: "Runcorn",
    slots: {
      team_manager: 1,
      advanced_practitioner: 1,
      senior_social_worker: 3,
      social_worker: 16,
      family_support_worker: 4,
    },
    specialisms: ["child_protection", "court"],
  },
  {
    key: "c-in-care",
    service: "children",
    name: "Children in Care",
    area: "Whole borough",
    slots: {
      team_manager: 1,
      advanced_practitioner: 1,
      senior_social_worker: 3,
      social_worker: 18,
      family_support_worker: 5,
    },
    specialisms: ["children_in_care"],
  },
  {
    key: "c-care-leavers",
    service: "children",
    name: "Care Leavers",
    area: "Whole borough",
    slots: { team_manager: 1, senior_social_worker: 1, social_worker: 4, family_support_worker: 20 },
    specialisms: ["care_leavers"],
  },
  {
    key: "c-disabled",
    service: "children",
    name: "Children with Disabilities",
    area: "Whole borough",
    slots: { team_manager: 1, senior_social_worker: 2, social_worker: 8, family_support_worker: 10 },
    specialisms: ["disabled_children"],
  },
  {
    key: "c-fostering",
    service: "children",
    name: "Fostering and Adoption",
    area: "Whole borough",
    slots: { team_manager: 1, senior_social_worker: 3, social_worker: 14, family_support_worker: 4 },
    specialisms: ["fostering", "adoption"],
  },
  {
    key: "c-iro",
    service: "children",
    name: "Independent Reviewing and Child Protection Chairs",
    area: "Whole borough",
    slots: { team_manager: 1, independent_reviewing_officer: 12 },
    specialisms: ["children_in_care", "child_protection"],
  },
  {
    key: "c-family-support",
    service: "children",
    name: "Early Help and Family Support",
    area: "Whole borough",
    slots: { team_manager: 1, family_support_worker: 60 },
    specialisms: [],
  },
  {
    key: "c-practice",
    service: "children",
    name: "Children's Practice and Quality",
    area: "Whole borough",
    slots: { principal_social_worker: 1, service_manager: 4, advanced_practitioner: 3 },
    specialisms: [],
  },
];

const GRADE: Record<SwRole, string> = {
  asye_social_worker: "Grade 6",
  social_worker: "Grade 7",
  senior_social_worker: "Grade 8",
  advanced_practitioner: "Grade 9",
  independent_reviewing_officer: "Grade 9",
  team_manager: "Grade 10",
  service_manager: "Grade 11",
  principal_social_worker: "Grade 12",
  occupational_therapist: "Grade 7",
  family_support_worker: "Grade 4",
};
const PAY: Record<SwRole, [number, number]> = {
  asye_social_worker: [33000, 34500],
  social_worker: [37500, 42000],
  senior_social_worker: [43500, 47000],
  advanced_practitioner: [48000, 51500],
  independent_reviewing_officer: [47000, 50500],
  team_manager: [54000, 58500],
  service_manager: [61000, 66000],
  principal_social_worker: [64000, 69000],
  occupational_therapist: [35500, 42500],
  family_support_worker: [25500, 29500],
};
const PCF: Partial<Record<SwRole, string>> = {
  asye_social_worker: "asye",
  social_worker: "social_worker",
  senior_social_worker: "experienced",
  advanced_practitioner: "advanced",
  independent_reviewing_officer: "advanced",
  team_manager: "advanced",
  service_manager: "strategic",
  principal_social_worker: "strategic",
};

/** A year's chance of leaving, by kind of post. */
function turnover(service: SwService, role: SwRole) {
  if (role === "family_support_worker") return 0.14;
  if (role === "occupational_therapist") return 0.1;
  if (["team_manager", "service_manager", "principal_social_worker"].includes(role)) return 0.08;
  return service === "children" ? 0.17 : 0.11;
}
/** The share of posts held empty all along (the hardest to fill, mostly covered by agency). */
function longVacant(service: SwService, role: SwRole) {
  if (role === "social_worker") return service === "children" ? 0.1 : 0.04;
  if (role === "senior_social_worker" || role === "advanced_practitioner") return service === "children" ? 0.08 : 0;
  return 0;
}

const GYO_NQSW: [RouteIn, number][] = [
  ["apprentice", 0.3],
  ["placement_student", 0.32],
  ["sponsored_masters", 0.08],
  ["step_up", 0.12],
  ["frontline", 0.05],
  ["external", 0.13],
];

interface Person {
  teamKey: string;
  service: SwService;
  role: SwRole;
  startMs: number;
  endMs: number | null;
  startedAsNqsw: boolean;
  qualifiedMs: number | null;
  routeIn: RouteIn;
}

/** Who held each post over the history, and when each stood empty. */
function simulate(rnd: Random, historyStartMs: number, anchorMs: number) {
  const people: Person[] = [];
  const gaps: { teamKey: string; service: SwService; role: SwRole; fromMs: number; toMs: number | null }[] = [];
  const monthMs = 30.44 * DAY;
  for (const team of TEAMS) {
    for (const [role, count] of Object.entries(team.slots) as [SwRole, number][]) {
      for (let i = 0; i < count; i++) {
        const base = { teamKey: team.key, service: team.service, role };
        if (rnd.chance(longVacant(team.service, role))) {
          gaps.push({ ...base, fromMs: historyStartMs - rnd.int(30, 300) * DAY, toMs: null });
          continue;
        }
        const monthly = 1 - (1 - turnover(team.service, role)) ** (1 / 12);
        // The first holder was in post before the history began.
        let startMs = historyStartMs - rnd.int(60, 15 * 365) * DAY;
        let nqsw = false;
        // Halton's seed report: about 65% of its qualified social workers came through its own
        // routes (placements, apprenticeships, Step Up). One draw either way, so the weights leave
        // every later draw where it was.
        let route: RouteIn = rnd.weighted([
          ["external", 0.22],
          ["placement_student", 0.4],
          ["apprentice", 0.16],
          ["step_up", 0.1],
          ["sponsored_masters", 0.05],
          ["unknown", 0.05],
        ] as const);
        for (;;) {
          let endMs: number | null = null;
          for (let t = Math.max(startMs, historyStartMs) + monthMs; t < anchorMs; t += monthMs) {
            if (rnd.chance(monthly)) {
              endMs = t - rnd.int(0, 25) * DAY;
              break;
            }
          }
          const social =
            (SW_ROLES[role] as { socialWorker: boolean }).socialWorker || role === "occupational_therapist";
          const pqeYears = nqsw ? 0 : role === "social_worker" ? rnd.between(1, 12) : rnd.between(4, 20);
          people.push({
            ...base,
            startMs,
            endMs,
            startedAsNqsw: nqsw,
            qualifiedMs: social ? startMs - Math.round(pqeYears * 365 + rnd.int(20, 90)) * DAY : null,
            routeIn: social ? route : "unknown",
          });
          if (endMs === null) break;
          // The post stands empty while the council recruits.
          const gapDays = rnd.int(40, team.service === "children" ? 260 : 180);
          const refillMs = endMs + gapDays * DAY;
          gaps.push({ ...base, fromMs: endMs + DAY, toMs: refillMs < anchorMs ? refillMs - DAY : null });
          if (refillMs >= anchorMs) break;
          startMs = refillMs;
          // Half of the social worker posts are filled by newly qualified social workers.
          nqsw = role === "social_worker" && rnd.chance(0.55);
          route = nqsw ? rnd.weighted(GYO_NQSW) : "external";
        }
      }
    }
  }
  return { people, gaps };
}

/** 30 November: Social Work England's registration year ends then. */
const renewalAfter = (anchor: string) =>
  anchor.slice(5) <= "11-30" ? `${anchor.slice(0, 4)}-11-30` : `${Number(anchor.slice(0, 4)) + 1}-11-30`;

export async function seedSocialWorkBase(ctx: Ctx, opts: SocialWorkDemoOptions): Promise<SwDemoBase> {
  const rnd = new Random(20_2026);
  const anchorMs = Date.parse(`${opts.anchor}T00:00:00Z`);
  const historyStartMs = anchorMs - Math.round(3 * 365.25) * DAY;
  const historyStart = iso(historyStartMs);
  const { councilId } = opts;

  const lead = await createUserWithMembership(ctx, {
    email: "sw.lead@halton.demo.test",
    name: "Sasha Service-Lead",
    password: opts.password,
    orgId: councilId,
    role: "sw_lead",
  });
  const manager = await createUserWithMembership(ctx, {
    email: "sw.manager@halton.demo.test",
    name: "Tariq Team-Manager",
    password: opts.password,
    orgId: councilId,
    role: "sw_manager",
  });
  const worker = await createUserWithMembership(ctx, {
    email: "social.worker@halton.demo.test",
    name: "Sofia Social-Worker",
    password: opts.password,
    orgId: councilId,
    role: "staff_member",
  });
  opts.credentials.push(
    {
      email: "sw.lead@halton.demo.test",
      password: opts.password,
      role: "Social work service lead (principal social worker: the whole service and the census)",
    },
    {
      email: "sw.manager@halton.demo.test",
      password: opts.password,
      role: "Social work team manager (the children's Assessment Team: supervision, caseloads, ASYE reviews)",
    },
    {
      email: "social.worker@halton.demo.test",
      password: opts.password,
      role: "Social worker (personal account: her own supervision, caseload and ASYE)",
    },
  );

  const placeIds = {} as Record<SwService, string>;
  for (const [service, name, ref] of [
    ["adults", "Halton Adults' Social Work Service", "SW-ADULTS"],
    ["children", "Halton Children's Social Care", "SW-CHILDREN"],
  ] as const) {
    const [row] = await ctx.db
      .insert(workplaces)
      .values({
        orgId: councilId,
        councilId,
        localRef: ref,
        name,
        employerType: 1,
        mainService: 72,
        address1: "Municipal Building, Kingsway",
        town: "Widnes",
        postcode: "WA8 7QF",
        recordsFrom: historyStart,
        socialWorkService: service,
      })
      .returning({ id: workplaces.id });
    placeIds[service] = row.id;
  }
  await ctx.db.insert(swSettings).values({ orgId: councilId });

  const teams: SwDemoTeam[] = [];
  for (const t of TEAMS) {
    const managerUserId = t.key === "c-assessment" ? manager.user.id : null;
    const [row] = await ctx.db
      .insert(swTeams)
      .values({
        orgId: councilId,
        workplaceId: placeIds[t.service],
        service: t.service,
        name: t.name,
        serviceArea: t.area,
        managerUserId,
      })
      .returning({ id: swTeams.id });
    teams.push({
      id: row.id,
      key: t.key,
      service: t.service,
      name: t.name,
      workplaceId: placeIds[t.service],
      managerUserId,
    });
  }
  const teamOf = new Map(teams.map((t) => [t.key, t]));
  // The establishment as it has stood since before the history.
  await ctx.db.insert(swEstablishment).values(
    TEAMS.flatMap((t) =>
      (Object.entries(t.slots) as [SwRole, number][]).map(([role, n]) => ({
        orgId: councilId,
        teamId: teamOf.get(t.key)?.id as string,
        role,
        fundedFte: n,
        effectiveFrom: iso(historyStartMs - 365 * DAY),
      })),
    ),
  );

  const { people, gaps } = simulate(rnd, historyStartMs, anchorMs);
  const renewal = renewalAfter(opts.anchor);
  let swe = 640_100;
  // Names are unique within a team, so pickers and lists tell people apart: a name already taken
  // there moves to the next surname in the list (no further draws, so the rest of the demo is the same).
  const namesOf = new Map<string, Set<string>>();
  const nameInTeam = (teamKey: string, first: string, surname: string) => {
    const taken = namesOf.get(teamKey) ?? new Set<string>();
    namesOf.set(teamKey, taken);
    let name = `${first} ${surname}`;
    for (let k = SURNAMES.indexOf(surname) + 1; taken.has(name); k++)
      name = `${first} ${SURNAMES[k % SURNAMES.length]}`;
    taken.add(name);
    return name;
  };
  const rows = people.map((p, i) => {
    const female = rnd.chance(p.service === "children" ? 0.84 : 0.8);
    const first = female ? rnd.pick(FIRST_NAMES_F) : rnd.pick(FIRST_NAMES_M);
    const name = nameInTeam(p.teamKey, first, rnd.pick(SURNAMES));
    const ageAtStart = p.startedAsNqsw ? rnd.int(22, 41) : rnd.int(26, 55);
    // An NQSW's ASYE ends after 12 months: until then their role is the ASYE one.
    const asyeEndMs = p.startMs + 365 * DAY;
    const role: SwRole =
      p.startedAsNqsw && (p.endMs ?? anchorMs) < asyeEndMs ? "asye_social_worker" : (p.role as SwRole);
    const [low, high] = PAY[role];
    const hours = rnd.weighted([
      [37, 0.84],
      [30, 0.09],
      [22.5, 0.07],
    ] as const);
    return { p, i, name, female, ageAtStart, role, hours, pay: Math.round(rnd.between(low, high) / 10) * 10 };
  });
  // Records go in with ids made here, so profiles can point at them without reading them back.
  const staffIds = new Map<number, string>(rows.map((r) => [r.i, crypto.randomUUID()]));
  await bulkInsert(
    ctx.db,
    staffRecords,
    rows.map((r) => ({
      id: staffIds.get(r.i) as string,
      orgId: councilId,
      workplaceId: placeIds[r.p.service],
      localRef: `${r.p.service === "adults" ? "SWA" : "SWC"}${String(r.i + 1).padStart(4, "0")}`,
      displayId: r.name,
      dateOfBirth: iso(r.p.startMs - (r.ageAtStart * 365 + rnd.int(0, 364)) * DAY),
      startDate: iso(r.p.startMs),
      gender: r.female ? GENDER.female : GENDER.male,
      ethnicity: rnd.weighted([
        [31, 0.84],
        [35, 0.03],
        [38, 0.02],
        [40, 0.03],
        [44, 0.03],
        [46, 0.02],
        [99, 0.03],
      ] as const),
      contractType: 1,
      contractedHours: r.hours,
      payInterval: PAY_INTERVAL.annually,
      payRate: r.pay,
      mainJobRole: SW_ROLES[r.role].ascwdsJobRole,
      mainJobStartDate: iso(r.p.startMs),
      socialCareQual: r.role === "family_support_worker" ? YES_NO_DK.yes : null,
      socialCareQualLevel: r.role === "family_support_worker" ? 3 : null,
      daysSick: rnd.weighted([
        [0, 0.3],
        [rnd.int(1, 5), 0.38],
        [rnd.int(6, 15), 0.22],
        [rnd.int(16, 45), 0.1],
      ] as const),
      endDate: r.p.endMs === null ? null : iso(r.p.endMs),
      leavingReason:
        r.p.endMs === null
          ? null
          : rnd.weighted([
              [5, 0.34],
              [3, 0.12],
              [2, 0.08],
              [6, 0.1],
              [8, 0.24],
              [9, 0.12],
            ] as const),
    })),
  );

  const pqeOk = (r: (typeof rows)[number]) =>
    r.p.qualifiedMs !== null && (r.p.endMs ?? anchorMs) - r.p.qualifiedMs > 2 * 365 * DAY;
  const peStages = new Map<number, 1 | 2>();
  await bulkInsert(
    ctx.db,
    swStaff,
    rows.map((r) => {
      const pe =
        SW_ROLES[r.role].socialWorker && pqeOk(r) && r.role !== "service_manager" && rnd.chance(0.14)
          ? rnd.pick([1, 2] as const)
          : null;
      if (pe) peStages.set(r.i, pe);
      const team = TEAMS.find((t) => t.key === r.p.teamKey) as TeamPlan;
      const registered = SW_ROLES[r.role].socialWorker;
      const inPost = r.p.endMs === null;
      const mh = r.p.teamKey === "a-mental-health" && r.role !== "team_manager";
      const bia = r.p.service === "adults" && registered && pqeOk(r) && rnd.chance(0.12);
      return {
        staffRecordId: staffIds.get(r.i) as string,
        orgId: councilId,
        teamId: teamOf.get(r.p.teamKey)?.id as string,
        role: r.role,
        pcfLevel: PCF[r.role] ?? null,
        grade: GRADE[r.role],
        sweNumber: registered ? `SW${swe++}` : null,
        sweRenewalDate: registered && inPost ? renewal : null,
        cpdRecordedOn: registered && inPost && rnd.chance(0.9) ? iso(anchorMs - rnd.int(5, 300) * DAY) : null,
        specialisms: registered && team.specialisms.length ? [rnd.pick(team.specialisms)] : [],
        amhpApprovedUntil: mh && rnd.chance(0.7) ? iso(anchorMs + rnd.int(-10, 4 * 365) * DAY) : null,
        biaQualifiedOn: bia ? iso(anchorMs - rnd.int(400, 2500) * DAY) : null,
        biaTrainingOn: bia ? iso(anchorMs - rnd.int(30, 500) * DAY) : null,
        peStage: pe,
        qualifiedOn: r.p.qualifiedMs === null ? null : iso(r.p.qualifiedMs),
        routeIn: r.p.routeIn,
      };
    }),
  );

  const workers: SwDemoWorker[] = rows.map((r) => ({
    staffRecordId: staffIds.get(r.i) as string,
    teamKey: r.p.teamKey,
    teamId: teamOf.get(r.p.teamKey)?.id as string,
    service: r.p.service,
    role: r.role,
    name: r.name,
    startDate: iso(r.p.startMs),
    endDate: r.p.endMs === null ? null : iso(r.p.endMs),
    qualifiedOn: r.p.qualifiedMs === null ? null : iso(r.p.qualifiedMs),
    routeIn: r.p.routeIn,
    startedAsNqsw: r.p.startedAsNqsw,
    contractedHours: r.hours,
    peStage: peStages.get(r.i) ?? null,
    userId: null,
  }));

  // The demo social worker's personal account: a newly qualified worker in the assessment team.
  const sofia =
    workers.find((w) => w.teamKey === "c-assessment" && w.role === "asye_social_worker" && w.endDate === null) ??
    workers.find((w) => w.teamKey === "c-assessment" && w.role === "social_worker" && w.endDate === null);
  if (sofia) {
    sofia.userId = worker.user.id;
    await ctx.db.update(staffRecords).set({ userId: worker.user.id }).where(eq(staffRecords.id, sofia.staffRecordId));
  }

  const swGaps: SwDemoGap[] = gaps.map((g) => ({
    teamKey: g.teamKey,
    teamId: teamOf.get(g.teamKey)?.id as string,
    service: g.service,
    role: g.role,
    from: iso(g.fromMs),
    to: g.toMs === null ? null : iso(g.toMs),
  }));
  return {
    councilId,
    anchor: opts.anchor,
    historyStart,
    teams,
    workers,
    gaps: swGaps,
    leadUserId: lead.user.id,
    managerUserId: manager.user.id,
    workerUserId: worker.user.id,
  };
}
