import { staffRecords, swStaff, swTeams, workplaces } from "../src/server/db/schema";
import { SW_ROLES, type SwRole, type SwService } from "../src/shared/social-work";
import { type Hub, makeOrg, makeSystem, makeUser, uniq } from "./harness";

// Fixtures for the social work service's tests (issue 20): a council with its two social work
// workplaces (adults' and children's), two children's teams and one adults' team, a service
// lead, a team manager who manages children's team A only, and workers made by hand with
// `addWorker` so each test knows every date. A second council with its own service shows tenancy.
// The test clock is 2026-06-15 09:00 UTC.

export type SwArea = Awaited<ReturnType<typeof socialWorkArea>>;

export interface WorkerInput {
  team: { id: string; service: SwService; workplaceId: string };
  role?: SwRole;
  name?: string;
  startDate?: string;
  endDate?: string | null;
  leavingReason?: number | null;
  dateOfBirth?: string;
  gender?: number;
  ethnicity?: number;
  contractedHours?: number;
  daysSick?: number | null;
  qualifiedOn?: string | null;
  routeIn?: string;
  sweNumber?: string | null;
  peStage?: 1 | 2 | null;
  userId?: string | null;
}

export async function socialWorkArea(hub: Hub) {
  const system = await makeSystem(hub);
  const council = system.council;
  const lead = await makeUser(hub, council, "sw_lead");
  const manager = await makeUser(hub, council, "sw_manager");
  const analyst = await makeUser(hub, council, "council_analyst");
  const place = async (orgId: string, service: SwService) =>
    (
      await hub.deps.db
        .insert(workplaces)
        .values({
          orgId,
          councilId: orgId,
          localRef: `SW-${service}-${uniq()}`,
          name: `${service} social work`,
          mainService: 72,
          employerType: 1,
          socialWorkService: service,
        })
        .returning()
    )[0];
  const adultsPlace = await place(council.id, "adults");
  const childrenPlace = await place(council.id, "children");
  const team = async (orgId: string, workplaceId: string, service: SwService, name: string, managerUserId?: string) =>
    (
      await hub.deps.db
        .insert(swTeams)
        .values({ orgId, workplaceId, service, name, managerUserId: managerUserId ?? null })
        .returning()
    )[0] as typeof swTeams.$inferSelect & { service: SwService };
  const childrenA = await team(council.id, childrenPlace.id, "children", "Assessment", manager.id);
  const childrenB = await team(council.id, childrenPlace.id, "children", "Children in care");
  const adults = await team(council.id, adultsPlace.id, "adults", "Community");

  // Another council with a social work service of its own.
  const other = await makeOrg(hub, "council");
  const otherLead = await makeUser(hub, other, "sw_lead");
  const otherPlace = await place(other.id, "children");
  const otherTeam = await team(other.id, otherPlace.id, "children", "Front door");

  let n = 0;
  /** A social work staff record with its profile; dates default to a social worker in post since 2022. */
  async function addWorker(input: WorkerInput, orgId = council.id) {
    const role = input.role ?? "social_worker";
    n += 1;
    const [record] = await hub.deps.db
      .insert(staffRecords)
      .values({
        orgId,
        workplaceId: input.team.workplaceId,
        localRef: `W${n}-${uniq()}`,
        displayId: input.name ?? `Worker ${n}`,
        startDate: input.startDate ?? "2022-01-10",
        endDate: input.endDate ?? null,
        leavingReason: input.leavingReason ?? null,
        dateOfBirth: input.dateOfBirth ?? "1990-05-01",
        gender: input.gender ?? 2,
        ethnicity: input.ethnicity ?? 31,
        contractType: 1,
        contractedHours: input.contractedHours ?? 37,
        mainJobRole: SW_ROLES[role].ascwdsJobRole,
        daysSick: input.daysSick ?? null,
        userId: input.userId ?? null,
      })
      .returning();
    await hub.deps.db.insert(swStaff).values({
      staffRecordId: record.id,
      orgId,
      teamId: input.team.id,
      role,
      sweNumber:
        input.sweNumber === undefined ? (SW_ROLES[role].socialWorker ? `SW${100000 + n}` : null) : input.sweNumber,
      qualifiedOn: input.qualifiedOn === undefined ? "2019-07-01" : input.qualifiedOn,
      routeIn: input.routeIn ?? "external",
      peStage: input.peStage ?? null,
    });
    return record;
  }

  return {
    ...system,
    lead,
    manager,
    analyst,
    adultsPlace,
    childrenPlace,
    teams: { childrenA, childrenB, adults },
    other: { council: other, lead: otherLead, place: otherPlace, team: otherTeam },
    addWorker,
  };
}
