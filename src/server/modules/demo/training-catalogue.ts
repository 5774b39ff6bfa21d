import { eq } from "drizzle-orm";
import { londonInstant } from "../../../shared/dates";
import { quotasBySize } from "../../../shared/training-places";
import type { Ctx } from "../../context";
import { organisations, sessionQuotas, trainingCourses, trainingSessions, users } from "../../db/schema";
import { addDays, isoDate } from "../../lib/time";
import { providersOf } from "../orgs/commissioning";
import { commissionProvider } from "../orgs/orgs.service";
import { listProviders, staffInPost } from "../training/catalogue.repo";
import { Random } from "./random";
import type { CatalogueSeeded, TrainingDemoOptions } from "./training-types";

// The catalogue's demo (issue 18 items 1, 2 and 10): about 60 courses from the council's hub
// team, Riverside College and a second training partner, and a year of sessions (9 months before
// the anchor, 3 after) with places shared open, by named quota or by provider size.

type Offerer = "council" | "college" | "mersey";
type Template = {
  title: string;
  category: number;
  hours: number;
  delivery: "classroom" | "online" | "blended";
  refreshMonths: number | null;
  by: Offerer;
  funding?: "free_commissioned" | "ldss" | "levy" | "charged";
  costPence?: number;
  ldssKind?: "course" | "qualification" | "ommt";
  ldssPence?: number;
  frameworkItem?: string;
  qualificationCode?: number;
  level?: number;
  prerequisites?: string;
  summary: string;
  /** Sessions a year. */
  perYear: number;
};

// The mandatory subjects of reference §7.1 with their refresh periods, then qualifications and
// specialist training. Free to commissioned providers unless said otherwise.
const COURSES: Template[] = [
  {
    title: "Health and safety awareness",
    category: 9,
    hours: 3,
    delivery: "online",
    refreshMonths: 36,
    by: "council",
    summary: "Your duties under the Health and Safety at Work Act, risk assessment and reporting.",
    perYear: 10,
  },
  {
    title: "Fire safety",
    category: 6,
    hours: 3,
    delivery: "classroom",
    refreshMonths: 12,
    by: "council",
    summary: "Preventing fire, raising the alarm, evacuation and using extinguishers safely.",
    perYear: 12,
  },
  {
    title: "Fire marshal",
    category: 6,
    hours: 6,
    delivery: "classroom",
    refreshMonths: 36,
    by: "mersey",
    summary: "For nominated fire marshals: fire risk assessment, drills and evacuation plans.",
    perYear: 4,
    funding: "charged",
    costPence: 9500,
  },
  {
    title: "Infection prevention and control",
    category: 10,
    hours: 3,
    delivery: "blended",
    refreshMonths: 36,
    by: "council",
    summary: "Hand hygiene, PPE, outbreaks and cleaning.",
    perYear: 8,
  },
  {
    title: "Moving and handling objects",
    category: 45,
    hours: 2,
    delivery: "online",
    refreshMonths: 36,
    by: "council",
    summary: "Safe lifting and carrying of loads.",
    perYear: 6,
  },
  {
    title: "Moving and assisting people",
    category: 15,
    hours: 6,
    delivery: "classroom",
    refreshMonths: 12,
    by: "mersey",
    summary: "Hoists, slide sheets and safe positioning, with your competence assessed.",
    perYear: 12,
  },
  {
    title: "Moving and assisting people: annual refresher",
    category: 15,
    hours: 3,
    delivery: "classroom",
    refreshMonths: 12,
    by: "mersey",
    summary: "The yearly practical update and competence check.",
    perYear: 10,
    prerequisites: "Moving and assisting people within the last 2 years.",
  },
  {
    title: "Safeguarding adults (level 1)",
    category: 20,
    hours: 3,
    delivery: "online",
    refreshMonths: 12,
    by: "council",
    summary: "Recognising abuse and neglect and what to do about it.",
    perYear: 12,
  },
  {
    title: "Safeguarding adults (level 2)",
    category: 20,
    hours: 6,
    delivery: "classroom",
    refreshMonths: 24,
    by: "council",
    summary: "For senior carers: responding to concerns, making a referral, Section 42 enquiries.",
    perYear: 6,
    prerequisites: "Safeguarding adults (level 1).",
  },
  {
    title: "Safeguarding adults (level 3) for managers",
    category: 20,
    hours: 6,
    delivery: "classroom",
    refreshMonths: 36,
    by: "council",
    summary: "Leading safeguarding in your service: investigations, learning reviews and the local board.",
    perYear: 3,
  },
  {
    title: "Safeguarding children: awareness",
    category: 25,
    hours: 2,
    delivery: "online",
    refreshMonths: 12,
    by: "council",
    summary: "Recognising and reporting concerns about children you meet through your work.",
    perYear: 4,
  },
  {
    title: "Oliver McGowan Mandatory Training: e-learning",
    category: 41,
    hours: 1.5,
    delivery: "online",
    refreshMonths: 36,
    by: "council",
    funding: "ldss",
    ldssKind: "ommt",
    ldssPence: 0,
    summary: "The e-learning part of Tiers 1 and 2 on learning disability and autism.",
    perYear: 0,
  },
  {
    title: "Oliver McGowan Mandatory Training: Tier 1 live session",
    category: 42,
    hours: 1,
    delivery: "online",
    refreshMonths: 36,
    by: "council",
    funding: "ldss",
    ldssKind: "ommt",
    ldssPence: 5000,
    summary: "The 1-hour live online session co-delivered by people with lived experience.",
    perYear: 12,
    prerequisites: "The Oliver McGowan e-learning.",
  },
  {
    title: "Oliver McGowan Mandatory Training: Tier 2 face-to-face day",
    category: 43,
    hours: 6.5,
    delivery: "classroom",
    refreshMonths: 36,
    by: "council",
    funding: "ldss",
    ldssKind: "ommt",
    ldssPence: 16000,
    summary:
      "A day co-delivered by an autistic person and a person with a learning disability, for staff who give care and support.",
    perYear: 10,
    prerequisites: "The Oliver McGowan e-learning.",
  },
  {
    title: "Basic life support",
    category: 7,
    hours: 3,
    delivery: "classroom",
    refreshMonths: 12,
    by: "mersey",
    summary: "CPR, the recovery position and using a defibrillator.",
    perYear: 8,
  },
  {
    title: "Emergency first aid at work",
    category: 7,
    hours: 6,
    delivery: "classroom",
    refreshMonths: 36,
    by: "mersey",
    funding: "charged",
    costPence: 9500,
    summary: "The one-day EFAW certificate for appointed first aiders (valid 3 years).",
    perYear: 8,
  },
  {
    title: "First aid at work (3 days)",
    category: 7,
    hours: 18,
    delivery: "classroom",
    refreshMonths: 36,
    by: "mersey",
    funding: "charged",
    costPence: 24500,
    summary: "The full FAW certificate for first aiders in larger services.",
    perYear: 3,
  },
  {
    title: "First aid: annual refresher",
    category: 7,
    hours: 3,
    delivery: "classroom",
    refreshMonths: 12,
    by: "mersey",
    funding: "charged",
    costPence: 4500,
    summary: "The half-day update the HSE recommends each year.",
    perYear: 5,
  },
  {
    title: "Safe handling of medicines",
    category: 13,
    hours: 6,
    delivery: "classroom",
    refreshMonths: 12,
    by: "college",
    summary: "Giving and supporting medicines safely, records (MAR charts), errors; followed by observed practice.",
    perYear: 10,
  },
  {
    title: "Medication competency assessor",
    category: 13,
    hours: 6,
    delivery: "classroom",
    refreshMonths: 36,
    by: "college",
    summary: "For seniors who observe and sign off colleagues' medication practice.",
    perYear: 3,
    prerequisites: "Safe handling of medicines, and a year giving medicines.",
  },
  {
    title: "Food hygiene (level 2)",
    category: 8,
    hours: 3,
    delivery: "online",
    refreshMonths: 36,
    by: "council",
    summary: "Food safety for staff who prepare or serve food.",
    perYear: 6,
  },
  {
    title: "Mental Capacity Act and Liberty Protection Safeguards",
    category: 14,
    hours: 3,
    delivery: "classroom",
    refreshMonths: 36,
    by: "council",
    summary: "Assessing capacity, best-interests decisions and deprivation of liberty.",
    perYear: 6,
  },
  {
    title: "Equality, diversity and human rights",
    category: 23,
    hours: 2,
    delivery: "online",
    refreshMonths: 36,
    by: "council",
    summary: "The Equality Act 2010 and Human Rights Act 1998 in everyday care.",
    perYear: 4,
  },
  {
    title: "Data protection and information governance",
    category: 26,
    hours: 2,
    delivery: "online",
    refreshMonths: 24,
    by: "council",
    summary: "UK GDPR, confidentiality and keeping records safe.",
    perYear: 4,
  },
  {
    title: "Positive behaviour support",
    category: 19,
    hours: 6,
    delivery: "classroom",
    refreshMonths: 12,
    by: "college",
    summary: "Understanding behaviour as communication and reducing restrictive practice.",
    perYear: 5,
  },
  {
    title: "Restrictive practice reduction (RRN certified)",
    category: 1,
    hours: 12,
    delivery: "classroom",
    refreshMonths: 12,
    by: "mersey",
    funding: "charged",
    costPence: 18000,
    summary: "Certified training to the Restraint Reduction Network standards.",
    perYear: 3,
  },
  {
    title: "Communication in care",
    category: 28,
    hours: 3,
    delivery: "classroom",
    refreshMonths: 36,
    by: "college",
    summary: "Listening, non-verbal communication, and communicating with people with sensory loss.",
    perYear: 4,
  },
  {
    title: "Dignity and person-centred care",
    category: 22,
    hours: 3,
    delivery: "classroom",
    refreshMonths: 36,
    by: "council",
    summary: "Putting the person at the centre of their care and support.",
    perYear: 4,
  },
  {
    title: "Nutrition and hydration",
    category: 16,
    hours: 3,
    delivery: "classroom",
    refreshMonths: 36,
    by: "college",
    summary: "Malnutrition screening, fluids, modified diets and mealtimes.",
    perYear: 4,
  },
  {
    title: "Oral health in care",
    category: 44,
    hours: 2,
    delivery: "online",
    refreshMonths: 36,
    by: "council",
    summary: "Mouth care and what CQC expects (NICE NG48).",
    perYear: 4,
  },
  {
    title: "Dementia awareness",
    category: 2,
    hours: 3,
    delivery: "online",
    refreshMonths: 36,
    by: "council",
    summary: "What dementia is and how to support people living with it.",
    perYear: 8,
  },
  {
    title: "Dementia care: enhanced practice",
    category: 2,
    hours: 12,
    delivery: "classroom",
    refreshMonths: null,
    by: "college",
    summary: "Two days on stress and distress, environments and supporting families.",
    perYear: 4,
  },
  {
    title: "Autism awareness",
    category: 32,
    hours: 3,
    delivery: "online",
    refreshMonths: 36,
    by: "council",
    summary: "Understanding autistic people's experiences and making reasonable adjustments.",
    perYear: 4,
  },
  {
    title: "End of life care",
    category: 17,
    hours: 6,
    delivery: "classroom",
    refreshMonths: 36,
    by: "college",
    summary: "Advance care planning, comfort care, and caring for families.",
    perYear: 4,
  },
  {
    title: "Epilepsy awareness and rescue medication",
    category: 27,
    hours: 4,
    delivery: "classroom",
    refreshMonths: 12,
    by: "mersey",
    funding: "charged",
    costPence: 6000,
    summary: "Seizures, care plans and buccal midazolam.",
    perYear: 4,
  },
  {
    title: "Diabetes awareness",
    category: 29,
    hours: 3,
    delivery: "online",
    refreshMonths: 36,
    by: "college",
    summary: "Type 1 and 2 diabetes, hypos and foot care.",
    perYear: 3,
  },
  {
    title: "Continence care",
    category: 33,
    hours: 3,
    delivery: "classroom",
    refreshMonths: 36,
    by: "college",
    summary: "Promoting continence, catheter care and skin integrity.",
    perYear: 3,
  },
  {
    title: "Stroke awareness",
    category: 36,
    hours: 2,
    delivery: "online",
    refreshMonths: 36,
    by: "college",
    summary: "Recognising a stroke (FAST) and supporting recovery.",
    perYear: 2,
  },
  {
    title: "Mental health awareness",
    category: 31,
    hours: 3,
    delivery: "blended",
    refreshMonths: 36,
    by: "council",
    summary: "Common mental health conditions and supporting people and colleagues.",
    perYear: 4,
  },
  {
    title: "COSHH awareness",
    category: 30,
    hours: 2,
    delivery: "online",
    refreshMonths: 36,
    by: "mersey",
    summary: "Hazardous substances, data sheets and safe storage.",
    perYear: 3,
  },
  {
    title: "Duty of care",
    category: 34,
    hours: 2,
    delivery: "online",
    refreshMonths: 36,
    by: "council",
    summary: "Your duty of care, dilemmas and complaints.",
    perYear: 3,
  },
  {
    title: "Handling complaints and resolving conflict",
    category: 37,
    hours: 3,
    delivery: "classroom",
    refreshMonths: 36,
    by: "council",
    summary: "De-escalation and responding to complaints well.",
    perYear: 3,
  },
  {
    title: "Activities and wellbeing",
    category: 39,
    hours: 3,
    delivery: "classroom",
    refreshMonths: null,
    by: "college",
    summary: "Planning meaningful activity with the people you support.",
    perYear: 2,
  },
  {
    title: "Sensory loss awareness",
    category: 40,
    hours: 3,
    delivery: "classroom",
    refreshMonths: 36,
    by: "college",
    summary: "Sight and hearing loss, and communicating well.",
    perYear: 2,
  },
  {
    title: "Digital skills for care",
    category: 51,
    hours: 3,
    delivery: "online",
    refreshMonths: null,
    by: "council",
    summary: "Digital care records, online safety and using technology with people.",
    perYear: 4,
  },
  {
    title: "Cyber security and online safety",
    category: 49,
    hours: 2,
    delivery: "online",
    refreshMonths: 24,
    by: "council",
    summary: "Phishing, passwords and the Data Security and Protection Toolkit.",
    perYear: 3,
  },
  {
    title: "Supervision skills",
    category: 35,
    hours: 6,
    delivery: "classroom",
    refreshMonths: null,
    by: "council",
    summary: "Good supervision and appraisal, and difficult conversations.",
    perYear: 3,
  },
  {
    title: "Delegated healthcare activities",
    category: 21,
    hours: 6,
    delivery: "classroom",
    refreshMonths: 12,
    by: "college",
    frameworkItem: "delegated_healthcare_training",
    summary: "Tasks delegated by health professionals (such as PEG feeding, insulin), with competence signed off.",
    perYear: 4,
  },
  // The induction and qualifications the framework's roles need.
  {
    title: "The Care Certificate",
    category: 21,
    hours: 84,
    delivery: "blended",
    refreshMonths: null,
    by: "council",
    frameworkItem: "care_certificate",
    summary: "The 16 standards every new care worker meets, over 12 weeks with workplace observation.",
    perYear: 12,
  },
  {
    title: "Level 2 Adult Social Care Certificate",
    category: 21,
    hours: 120,
    delivery: "blended",
    refreshMonths: null,
    by: "college",
    funding: "ldss",
    ldssKind: "qualification",
    ldssPence: 154000,
    frameworkItem: "l2_adult_social_care_certificate",
    level: 2,
    summary:
      "The national qualification built on the Care Certificate standards; the scheme pays 60% after you start and 40% on completion.",
    perYear: 4,
  },
  {
    title: "Level 2 Diploma in Care",
    category: 21,
    hours: 280,
    delivery: "blended",
    refreshMonths: null,
    by: "college",
    funding: "ldss",
    ldssKind: "qualification",
    ldssPence: 60000,
    frameworkItem: "l2_diploma_care",
    level: 2,
    summary: "The diploma for care and support workers; starts each term with an induction day.",
    perYear: 3,
  },
  {
    title: "Level 3 Diploma in Adult Care",
    category: 21,
    hours: 420,
    delivery: "blended",
    refreshMonths: null,
    by: "college",
    funding: "ldss",
    ldssKind: "qualification",
    ldssPence: 80000,
    frameworkItem: "l3_diploma_adult_care",
    level: 3,
    summary: "For senior carers; starts each term with an induction day.",
    perYear: 3,
    prerequisites: "Working in a care role; Level 2 or equivalent experience.",
  },
  {
    title: "Level 4 Diploma in Adult Care",
    category: 11,
    hours: 450,
    delivery: "blended",
    refreshMonths: null,
    by: "college",
    funding: "ldss",
    ldssKind: "qualification",
    ldssPence: 100000,
    frameworkItem: "l4_diploma_adult_care",
    level: 4,
    summary: "For supervisors and practice leads.",
    perYear: 2,
  },
  {
    title: "Level 5 Diploma in Leadership and Management for Adult Care",
    category: 11,
    hours: 520,
    delivery: "blended",
    refreshMonths: null,
    by: "college",
    funding: "ldss",
    ldssKind: "qualification",
    ldssPence: 150000,
    frameworkItem: "l5_diploma_leadership",
    level: 5,
    summary: "The qualification for registered managers and deputies.",
    perYear: 2,
    prerequisites: "A management or deputy role.",
  },
  {
    title: "Adult Care Worker apprenticeship (Level 2): information session",
    category: 21,
    hours: 2,
    delivery: "online",
    refreshMonths: null,
    by: "college",
    funding: "levy",
    frameworkItem: "ap_adult_care_worker",
    level: 2,
    summary: "How the apprenticeship works and how levy transfer can pay for it.",
    perYear: 4,
  },
  {
    title: "Lead Adult Care Worker apprenticeship (Level 3): information session",
    category: 21,
    hours: 2,
    delivery: "online",
    refreshMonths: null,
    by: "college",
    funding: "levy",
    frameworkItem: "ap_lead_adult_care_worker",
    level: 3,
    summary: "For employers and staff considering the Level 3 apprenticeship.",
    perYear: 3,
  },
  {
    title: "Leader in Adult Care apprenticeship (Level 5): information session",
    category: 11,
    hours: 2,
    delivery: "online",
    refreshMonths: null,
    by: "college",
    funding: "levy",
    frameworkItem: "ap_leader_in_adult_care",
    level: 5,
    summary: "The Level 5 apprenticeship for managers, funded from the levy.",
    perYear: 2,
  },
  {
    title: "Registered manager induction",
    category: 11,
    hours: 12,
    delivery: "classroom",
    refreshMonths: null,
    by: "council",
    summary: "The local system for new registered managers: the council, CQC, safeguarding and partners.",
    perYear: 3,
  },
  {
    title: "Safer recruitment",
    category: 21,
    hours: 3,
    delivery: "online",
    refreshMonths: null,
    by: "council",
    summary: "Values-based interviews, references, DBS and right-to-work checks.",
    perYear: 4,
  },
  {
    title: "Personal care essentials",
    category: 38,
    hours: 6,
    delivery: "classroom",
    refreshMonths: null,
    by: "mersey",
    summary: "Dignified personal care, skin care and privacy.",
    perYear: 4,
  },
];

const VENUES: Record<Offerer, string[]> = {
  council: [
    "Municipal Building, Kingsway, Widnes WA8 7QF (Training Room 2)",
    "Runcorn Town Hall, Heath Road, Runcorn WA7 5TD",
    "Halton Lea Library, Halton Lea, Runcorn WA7 2PF",
  ],
  college: ["Riverside College, Kingsway Campus, Widnes WA8 7QQ", "Riverside College, Cronton Campus, Widnes WA8 5WA"],
  mersey: ["Mersey Skills Academy, Gorsey Lane, Widnes WA8 0HE"],
};
const TRAINERS: Record<Offerer, string[]> = {
  council: ["Priya Shah", "Martin Doyle", "Joanne Kelly"],
  college: ["Tom Trainer"],
  mersey: ["Dave Hughes", "Leanne Ashworth"],
};

export async function seedTrainingCatalogue(ctx: Ctx, opts: TrainingDemoOptions): Promise<CatalogueSeeded> {
  const rnd = new Random(1818);
  const anchor = new Date(`${opts.anchor}T12:00:00Z`);
  const college = opts.orgIds.get("college") as string;
  // The council commissions its training partners from the start of the anchor's month: after the
  // last quarter its providers sent returns for, so the partners (with no workforce of their own
  // in the demo) are not listed as owing one.
  const partnersFrom = `${opts.anchor.slice(0, 7)}-01`;
  const [mersey] = await ctx.db
    .insert(organisations)
    .values({
      kind: "training_partner",
      name: "Mersey Skills Academy (demo)",
      slug: "mersey-skills-academy",
      isDemo: true,
    })
    .returning({ id: organisations.id });
  await commissionProvider(ctx, {
    councilId: opts.councilId,
    providerId: mersey.id,
    fromDate: partnersFrom,
  });
  // The council commissions the college's training too: a training partner sees, and offers in,
  // the catalogue of the councils that commission it.
  await commissionProvider(ctx, {
    councilId: opts.councilId,
    providerId: college,
    fromDate: partnersFrom,
  });
  const offerers: Record<Offerer, string> = { council: opts.councilId, college, mersey: mersey.id };
  const [trainer] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, "trainer@riverside.demo.test"));

  // Providers that may hold places: commissioned care providers, with their staff in post.
  const providerIds = (await listProviders(ctx.db, await providersOf(ctx.db, opts.councilId, opts.anchor))).map(
    (p) => p.id,
  );
  const staff = await staffInPost(ctx.db, providerIds, opts.anchor);

  const courseIds: string[] = [];
  const sessionIds: string[] = [];
  for (const t of COURSES) {
    const [course] = await ctx.db
      .insert(trainingCourses)
      .values({
        councilId: opts.councilId,
        offeredBy: offerers[t.by],
        title: t.title,
        summary: t.summary,
        category: t.category,
        frameworkItem: t.frameworkItem ?? null,
        qualificationCode: t.qualificationCode ?? null,
        level: t.level ?? null,
        hours: t.hours,
        delivery: t.delivery,
        prerequisites: t.prerequisites ?? "",
        refreshMonths: t.refreshMonths,
        costPence: t.costPence ?? 0,
        funding: t.funding ?? "free_commissioned",
        ldssKind: t.ldssKind ?? null,
        ldssPence: t.ldssPence ?? null,
        audience: "staff",
        status: "published",
        createdAt: addDays(anchor, -400),
        updatedAt: addDays(anchor, -400),
      })
      .returning({ id: trainingCourses.id });
    courseIds.push(course.id);

    // Sessions spread over the year: 9 months before the anchor to 3 months after.
    const count = t.perYear;
    for (let i = 0; i < count; i++) {
      const dayOffset = Math.round(-273 + ((i + rnd.next()) * 365) / count);
      let day = addDays(anchor, dayOffset);
      // Weekdays only.
      while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day = addDays(day, 1);
      const iso = isoDate(day);
      const afternoon = t.hours <= 3 && rnd.chance(0.4);
      const start = new Date(londonInstant(iso, afternoon ? "13:30" : "09:30"));
      const lengthHours = Math.min(Math.max(t.hours, 1), 6.5);
      const end = new Date(start.getTime() + lengthHours * 3_600_000 + (t.hours > 4 ? 1_800_000 : 0));
      const online = t.delivery === "online" || (t.delivery === "blended" && rnd.chance(0.3));
      const capacity = rnd.int(8, 20);
      const allocation = rnd.weighted([
        ["open", 6],
        ["quota", 2],
        ["by_size", 2],
      ] as const);
      const cancelled = dayOffset > 0 && rnd.chance(0.04);
      const [s] = await ctx.db
        .insert(trainingSessions)
        .values({
          courseId: course.id,
          councilId: opts.councilId,
          offeredBy: offerers[t.by],
          startsAt: start,
          endsAt: end,
          venue: online ? "" : rnd.pick(VENUES[t.by]),
          link: online ? `https://meet.halton-training.demo.test/${course.id.slice(0, 8)}-${i + 1}` : "",
          trainerName: rnd.pick(TRAINERS[t.by]),
          trainerUserId: t.by === "college" ? (trainer?.id ?? null) : null,
          capacity,
          allocation,
          releaseAt: allocation === "open" ? null : addDays(start, -7),
          cancelHours: 48,
          status: cancelled ? "cancelled" : "scheduled",
          cancelledReason: cancelled ? "The trainer is unwell; the course runs again soon." : null,
          createdAt: addDays(start, -60),
          updatedAt: addDays(start, -60),
        })
        .returning({ id: trainingSessions.id });
      sessionIds.push(s.id);
      let quotas = new Map<string, number>();
      if (allocation === "by_size") quotas = quotasBySize(capacity, staff);
      else if (allocation === "quota") {
        // Places held for a few providers, leaving some open to all.
        const chosen = new Set<string>();
        const n = Math.min(providerIds.length, rnd.int(2, 4));
        while (chosen.size < n) chosen.add(rnd.pick(providerIds));
        let left = Math.floor(capacity * 0.6);
        for (const org of [...chosen].sort()) {
          const places = Math.min(left, rnd.int(1, 3));
          if (places > 0) quotas.set(org, places);
          left -= places;
        }
      }
      if (quotas.size)
        await ctx.db
          .insert(sessionQuotas)
          .values([...quotas].map(([orgId, places]) => ({ sessionId: s.id, orgId, places })));
    }
  }

  // The pre-employment course part D runs in cohorts with Riverside College (its sessions are the cohorts).
  const [pre] = await ctx.db
    .insert(trainingCourses)
    .values({
      councilId: opts.councilId,
      offeredBy: college,
      title: "Introduction to care: pre-employment course with a guaranteed interview",
      summary:
        "Four weeks for people new to care, run with Riverside College: the Care Certificate's first standards, a work placement, and an interview guaranteed with a local employer.",
      category: 21,
      frameworkItem: "care_certificate",
      hours: 60,
      delivery: "blended",
      refreshMonths: null,
      costPence: 0,
      funding: "free_commissioned",
      audience: "pre_employment",
      status: "published",
      createdAt: addDays(anchor, -400),
      updatedAt: addDays(anchor, -400),
    })
    .returning({ id: trainingCourses.id });
  courseIds.push(pre.id);

  return { courseIds, sessionIds, preEmploymentCourseId: pre.id, partnerIds: { college, mersey: mersey.id } };
}
