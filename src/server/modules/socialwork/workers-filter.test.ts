import { describe, expect, it } from "vitest";
import { signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";

// The workers list's route-in filter (the workers page's "Route in"): the workers who came in by
// one route, still only those the user may see; a route not in the list is refused by name.

const hub = await testHub();
const area = await socialWorkArea(hub);
const base = `/api/orgs/${area.council.id}/social-work`;
const lead = await signedIn(hub, area.lead.email);
const manager = await signedIn(hub, area.manager.email);
const ids = (res: { json: { workers: { id: string }[] } }) => res.json.workers.map((w) => w.id).sort();

describe("the workers list by route in", () => {
  it("lists only the workers who came in by the route, of the teams the user may see", async () => {
    const mine = await area.addWorker({ team: area.teams.childrenA, routeIn: "frontline" });
    const notMine = await area.addWorker({ team: area.teams.childrenB, routeIn: "frontline" });
    const otherRoute = await area.addWorker({ team: area.teams.childrenA, routeIn: "step_up" });
    const left = await area.addWorker({
      team: area.teams.adults,
      routeIn: "frontline",
      startDate: "2021-01-04",
      endDate: "2026-01-31",
    });

    const byLead = await lead.get(`${base}/workers?routeIn=frontline`);
    expect(byLead.status).toBe(200);
    expect(ids(byLead)).toEqual([mine.id, notMine.id].sort());
    const withLeavers = await lead.get(`${base}/workers?routeIn=frontline&leavers=true`);
    expect(ids(withLeavers)).toEqual([mine.id, notMine.id, left.id].sort());
    const stepUp = await lead.get(`${base}/workers?routeIn=step_up&teamId=${area.teams.childrenA.id}`);
    expect(ids(stepUp)).toEqual([otherRoute.id]);

    // The Assessment team's manager: their own team's only.
    const byManager = await manager.get(`${base}/workers?routeIn=frontline`);
    expect(ids(byManager)).toEqual([mine.id]);
  });

  it("refuses a route that is not in the list, naming the field", async () => {
    const res = await lead.get(`${base}/workers?routeIn=through_the_window`);
    expect(res.status).toBe(400);
    expect(res.json.error.issues[0]).toMatchObject({ path: "routeIn", message: "Choose a route in from the list" });
  });
});
