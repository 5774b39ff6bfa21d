import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { organisations, workplaces } from "../../db/schema";

// The workplaces a figure is about, and the names shown beside them (metrics.service.ts decides
// which a reader may see). A council's social work service (workplaces.social_work_service) is
// not an adult social care service: the area's and the employer's figures leave it out, and the
// social work dashboard measures it (modules/socialwork, ADR 0023).

const careWorkplace = isNull(workplaces.socialWorkService);

/** An employer's workplaces. */
export async function workplaceIdsOfOrgs(db: Exec, orgIds: string[]): Promise<string[]> {
  if (!orgIds.length) return [];
  return (
    await db
      .select({ id: workplaces.id })
      .from(workplaces)
      .where(and(inArray(workplaces.orgId, orgIds), careWorkplace))
  ).map((r) => r.id);
}

/** An employer's workplace by its own reference (or its id, when `ref` is one). */
export async function workplaceIdsByRef(db: Exec, orgId: string, ref: string): Promise<string[]> {
  const isId = /^[0-9a-f-]{36}$/i.test(ref);
  return (
    await db
      .select({ id: workplaces.id })
      .from(workplaces)
      .where(
        and(
          eq(workplaces.orgId, orgId),
          isId ? or(eq(workplaces.id, ref), eq(workplaces.localRef, ref)) : eq(workplaces.localRef, ref),
        ),
      )
  ).map((r) => r.id);
}

/** Each of an employer's workplaces' main service and council area. */
export async function servicesOfOrg(db: Exec, orgId: string) {
  return db
    .select({ mainService: workplaces.mainService, councilId: workplaces.councilId })
    .from(workplaces)
    .where(and(eq(workplaces.orgId, orgId), careWorkplace));
}

/** Other employers' workplaces of one main service type in some council areas. */
export async function workplaceIdsOfService(
  db: Exec,
  mainService: number,
  councilIds: string[],
  exceptOrgId: string,
): Promise<string[]> {
  return (
    await db
      .select({ id: workplaces.id })
      .from(workplaces)
      .where(
        and(
          eq(workplaces.mainService, mainService),
          inArray(workplaces.councilId, councilIds),
          ne(workplaces.orgId, exceptOrgId),
          careWorkplace,
        ),
      )
  ).map((r) => r.id);
}

/** Every workplace on the hub (the national picture). */
export async function allWorkplaceIds(db: Exec): Promise<string[]> {
  return (await db.select({ id: workplaces.id }).from(workplaces).where(careWorkplace)).map((r) => r.id);
}

/** How many employers own these workplaces (one array parameter: a national scope has 42,000). */
export async function countEmployers(db: Exec, workplaceIds: string[]): Promise<number> {
  if (!workplaceIds.length) return 0;
  const result = await db.execute(
    sql`select count(distinct org_id)::int as n from workplaces where id = any(${`{${workplaceIds.join(",")}}`}::uuid[])`,
  );
  return (result.rows[0] as { n: number }).n;
}

/** Organisations' names by id. */
export async function orgNames(db: Exec, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
