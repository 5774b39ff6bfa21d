import { describe, expect, it } from "vitest";
import { buildCensus, type CensusAgencyAssignment, type CensusEmployee, type CensusPost } from "./sw-census";
import { percentOneDp, socialWorkFte } from "./sw-dfe-rates";
import { type AgencyFacts, baseTeamParts, protectAll, showSwFigure, type WorkerFacts } from "./sw-figures";

// One answer for the same figure: the census's vacancy and agency rates and the figures' (the
// figures page and the board report) from the same hand-made records on 30 September 2026. Two
// children's teams with the roles the census leaves out (family support workers, an occupational
// therapist, an agency family support worker), an ASYE filling a social worker's post, a part-timer,
// someone leaving on 30 September and an agency worker not covering a vacancy.

const DAY = "2026-09-30";
let n = 0;
const emp = (teamId: string, role: string, o: Partial<CensusEmployee> = {}): CensusEmployee => ({
  staffRecordId: `r${++n}`,
  localRef: `REF${n}`,
  teamId,
  teamName: teamId,
  role,
  sweNumber: `SW${100000 + n}`,
  dateOfBirth: "1990-05-01",
  gender: 2,
  ethnicity: 31,
  startDate: "2020-01-01",
  endDate: null,
  leavingReason: null,
  contractedHours: 37,
  daysSick: 0,
  septemberCases: 10,
  ...o,
});
const agy = (teamId: string, role: string, o: Partial<CensusAgencyAssignment> = {}) => ({
  teamId,
  a: {
    id: `a${++n}`,
    workerName: `Agency ${n}`,
    agencyName: "Locums",
    teamName: teamId,
    role,
    sweNumber: `SW${200000 + n}`,
    startDate: "2026-01-05",
    endDate: null,
    hourlyRate: 45,
    weeklyHours: 37,
    coversVacancy: true,
    ...o,
  } satisfies CensusAgencyAssignment,
});
const post = (teamId: string, role: string, fundedFte: number, effectiveFrom = "2020-01-01"): CensusPost => ({
  teamId,
  role,
  fundedFte,
  effectiveFrom,
});

const employees = [
  ...Array.from({ length: 6 }, () => emp("A", "social_worker")),
  emp("A", "social_worker", { contractedHours: 18.5 }),
  emp("A", "asye_social_worker"),
  emp("A", "team_manager"),
  emp("A", "social_worker", { endDate: DAY, leavingReason: 5 }), // leaves on 30 September: not in post
  ...Array.from({ length: 5 }, () => emp("A", "family_support_worker")),
  ...Array.from({ length: 5 }, () => emp("B", "senior_social_worker")),
  emp("B", "social_worker", { contractedHours: 30 }),
  emp("B", "occupational_therapist"),
  ...Array.from({ length: 4 }, () => emp("B", "family_support_worker", { contractedHours: 22.5 })),
];
const agency = [
  agy("A", "social_worker"),
  agy("A", "social_worker", { weeklyHours: 20, coversVacancy: false }),
  agy("A", "family_support_worker"),
  agy("B", "senior_social_worker"),
  agy("B", "social_worker", { endDate: DAY }), // ended on the day
];
const establishment = [
  post("A", "social_worker", 9),
  post("A", "social_worker", 10, "2026-04-01"),
  post("A", "asye_social_worker", 1),
  post("A", "team_manager", 1),
  post("A", "family_support_worker", 8),
  post("B", "senior_social_worker", 6),
  post("B", "social_worker", 2),
  post("B", "occupational_therapist", 1),
  post("B", "family_support_worker", 4),
];

const census = buildCensus({ year: 2026, employees, agency: agency.map((x) => x.a), establishment });
const workers: WorkerFacts[] = employees.map((e) => ({ ...e, id: e.staffRecordId, routeIn: "external" }));
const agencyFacts: AgencyFacts[] = agency.map(({ teamId, a }) => ({ teamId, ...a }));
const teams = [
  { id: "A", service: "children" as const },
  { id: "B", service: "children" as const },
];
const parts = baseTeamParts({ workers, establishment, agency: agencyFacts, caseloads: [] }, ["A", "B"], DAY);
const figures = protectAll(teams, parts).services.children ?? {};

describe("the census's and the figures' vacancy and agency rates", () => {
  it("are worked out by hand from registered social workers' FTE", () => {
    // In post: A 6 + 0.5 + ASYE 1 + manager 1 = 8.5; B 5 + 30/37. Funded: A 10 + 1 (ASYE, one post
    // with the social workers) + 1; B 6 + 2. Vacant: A social worker posts 11 − 7.5 = 3.5, B
    // senior 1, social worker 2 − 30/37. Agency: A 1 + 20/37, B 1 (the family support worker and
    // the one ending on the day left out).
    const fte = socialWorkFte(workers, establishment, agencyFacts, DAY);
    expect(fte.inPost).toBeCloseTo(13.5 + 30 / 37, 9);
    expect(fte.funded).toBe(20);
    expect(fte.vacant).toBeCloseTo(4.5 + 2 - 30 / 37, 9);
    expect(fte.agency).toBeCloseTo(2 + 20 / 37, 9);
    expect(census.aggregate.vacancy_rate_fte).toBe(percentOneDp(fte.vacant / (fte.vacant + fte.inPost)));
    expect(census.aggregate.agency_rate_fte).toBe(percentOneDp(fte.agency / (fte.agency + fte.inPost)));
  });

  it("agree: the figures for the children's service on 30 September show the census's rates", () => {
    expect(figures.vacancy_rate?.value).toBeCloseTo((census.aggregate.vacancy_rate_fte as number) / 100, 3);
    expect(showSwFigure("vacancy_rate", figures.vacancy_rate)).toBe(
      `${census.aggregate.vacancy_rate_fte?.toFixed(1)}%`,
    );
    expect(showSwFigure("agency_rate", figures.agency_rate)).toBe(`${census.aggregate.agency_rate_fte?.toFixed(1)}%`);
  });

  it("takes each post's latest establishment row in force by the date", () => {
    // A's social workers: 9 from 2020, 10 from April 2026; on 31 March 2026 the 9 is in force.
    expect(socialWorkFte(workers, establishment, [], "2026-03-31").funded).toBe(19);
    expect(socialWorkFte(workers, establishment, [], DAY).funded).toBe(20);
  });

  it("rounds a rate to one decimal place the same way on both", () => {
    expect(percentOneDp(0.1585)).toBe(15.9);
    expect(percentOneDp(0.15849)).toBe(15.8);
    expect(percentOneDp(1 / 3)).toBe(33.3);
  });
});
