import { describe, expect, it } from "vitest";
import { testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";
import { workplaces } from "../../db/schema";
import { leaverKeys, loadOrgState } from "../imports/imports.repo";
import { findSnapshotRows } from "../returns/returns.repo";

// The council's social work workplaces are no part of its ASC-WDS work (issue 20 item 1): what an
// upload is compared with leaves them and their staff out (so an upload neither closes them nor
// ends their records), and a return's snapshot holds none of them.

const hub = await testHub();
const area = await socialWorkArea(hub);
const [care] = await hub.deps.db
  .insert(workplaces)
  .values({
    orgId: area.council.id,
    councilId: area.council.id,
    localRef: "CARE-1",
    name: "Council care home",
    mainService: 1,
    employerType: 1,
  })
  .returning();
const careTeam = { id: area.teams.childrenA.id, service: "children" as const, workplaceId: care.id };
const careWorker = await area.addWorker({ team: careTeam, name: "Care worker" });
const socialWorker = await area.addWorker({ team: area.teams.childrenA, name: "Social worker" });
await area.addWorker({ team: area.teams.adults, name: "Gone", endDate: "2026-01-31" });

describe("social work workplaces and ASC-WDS", () => {
  it("an upload is compared with the care workplaces and staff only", async () => {
    const state = await loadOrgState(hub.deps.db, area.council.id);
    expect([...state.workplaces.keys()]).toEqual(["CARE-1"]);
    const ids = [...state.staff.values()].map((s) => s.id);
    expect(ids).toContain(careWorker.id);
    expect(ids).not.toContain(socialWorker.id);
    const leavers = await leaverKeys(hub.deps.db, area.council.id);
    expect(leavers.size).toBe(0);
  });

  it("a return's snapshot leaves the social work workplaces and their staff out", async () => {
    const snap = await findSnapshotRows(hub.deps.db, area.council.id, "2026-06-15");
    expect(snap.places.map((p) => p.id)).toEqual([care.id]);
    expect(snap.staff.map((s) => s.id)).toEqual([careWorker.id]);
  });
});
