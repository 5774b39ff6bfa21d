import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { memberships, swTeams, users, workplaces } from "../../db/schema";

// The social work service's teams (issue 20 item 1): the council's teams with their managers, the
// members who may manage one, and the service's workplace a new team's staff records live at.

export type TeamRow = typeof swTeams.$inferSelect & { managerName: string | null };

const teamFields = {
  id: swTeams.id,
  orgId: swTeams.orgId,
  workplaceId: swTeams.workplaceId,
  service: swTeams.service,
  name: swTeams.name,
  serviceArea: swTeams.serviceArea,
  managerUserId: swTeams.managerUserId,
  caseloadThreshold: swTeams.caseloadThreshold,
  archivedAt: swTeams.archivedAt,
  createdAt: swTeams.createdAt,
  updatedAt: swTeams.updatedAt,
  managerName: sql<string | null>`coalesce(nullif(${users.name}, ''), ${users.email})`,
};

/** The council's teams among `ids` (current, or archived too), by service and name. */
export const listTeams = (db: Exec, orgId: string, ids: string[] | null, withArchived: boolean): Promise<TeamRow[]> =>
  db
    .select(teamFields)
    .from(swTeams)
    .leftJoin(users, eq(users.id, swTeams.managerUserId))
    .where(
      and(
        eq(swTeams.orgId, orgId),
        ids ? inArray(swTeams.id, ids.length ? ids : ["00000000-0000-4000-8000-000000000000"]) : undefined,
        withArchived ? undefined : isNull(swTeams.archivedAt),
      ),
    )
    .orderBy(asc(swTeams.service), asc(swTeams.name), asc(swTeams.id));

export const findTeam = async (db: Exec, orgId: string, id: string): Promise<TeamRow | undefined> =>
  (
    await db
      .select(teamFields)
      .from(swTeams)
      .leftJoin(users, eq(users.id, swTeams.managerUserId))
      .where(and(eq(swTeams.orgId, orgId), eq(swTeams.id, id)))
  )[0];

export const findTeamByName = async (db: Exec, orgId: string, name: string) =>
  (
    await db
      .select({ id: swTeams.id })
      .from(swTeams)
      .where(and(eq(swTeams.orgId, orgId), sql`lower(${swTeams.name}) = lower(${name})`))
  )[0];

export const insertTeam = async (db: Exec, values: typeof swTeams.$inferInsert) =>
  (await db.insert(swTeams).values(values).returning())[0];

export const updateTeam = async (db: Exec, orgId: string, id: string, set: Partial<typeof swTeams.$inferInsert>) =>
  (
    await db
      .update(swTeams)
      .set(set)
      .where(and(eq(swTeams.orgId, orgId), eq(swTeams.id, id)))
      .returning()
  )[0];

/** Members of the council who may manage a team: service leads and team managers. */
export const managerOptions = (db: Exec, orgId: string) =>
  db
    .select({
      id: users.id,
      name: sql<string>`coalesce(nullif(${users.name}, ''), ${users.email})`,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.role, ["sw_manager", "sw_lead"])))
    .orderBy(asc(users.name), asc(users.email));

/** The council's social work workplace for a service (its staff records live there). */
export const serviceWorkplace = async (db: Exec, orgId: string, service: string) =>
  (
    await db
      .select({ id: workplaces.id, name: workplaces.name })
      .from(workplaces)
      .where(and(eq(workplaces.orgId, orgId), eq(workplaces.socialWorkService, service)))
      .orderBy(asc(workplaces.createdAt))
      .limit(1)
  )[0];
