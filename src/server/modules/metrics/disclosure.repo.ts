import { eq, inArray } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { commissioning, workplaces } from "../../db/schema";

// What disclosure control needs to know about a council's reach: every commissioning link (to
// tell which providers it can read as at any date) and which employer and service type each
// workplace belongs to (the atoms every published cell is a sum of).

export function commissioningOf(db: Exec, councilId: string) {
  return db
    .select({ providerId: commissioning.providerId, fromDate: commissioning.fromDate, toDate: commissioning.toDate })
    .from(commissioning)
    .where(eq(commissioning.councilId, councilId));
}

export async function workplacesOfOrgs(db: Exec, orgIds: string[]) {
  if (!orgIds.length) return [];
  return db
    .select({ id: workplaces.id, orgId: workplaces.orgId, mainService: workplaces.mainService })
    .from(workplaces)
    .where(inArray(workplaces.orgId, orgIds));
}
