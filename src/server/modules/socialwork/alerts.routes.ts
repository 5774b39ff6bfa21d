import { myAlertsResponse, teamAlertsResponse } from "../../../shared/schemas/social-work-alerts";
import { ctxOf, orgCtxOf } from "../../http/guards";
import type { Router } from "../../http/route";
import { presentMyAlerts, presentTeamAlerts } from "./alerts.presenter";
import * as alerts from "./alerts.service";

// Social work alerts for the home pages (issue 20 items 3, 4): a team manager's or the service
// lead's "needs attention in your teams", and a worker's own "needs your attention".

const tag = "Social work: alerts";

export function socialWorkAlertRoutes(r: Router) {
  r.define(
    {
      tag,
      scope: "org",
      orgKinds: ["council"],
      permission: "socialwork.view",
      method: "get",
      path: "/api/orgs/:orgId/social-work/alerts",
      response: teamAlertsResponse,
      summary:
        "What needs attention today in the teams one sees: supervisions overdue, ASYE reviews overdue or due within 14 days, and registration and warrant alerts, each with a sentence, a count, the first few and the page that lists them",
    },
    async (c) => c.json(presentTeamAlerts(await alerts.teamAlerts(orgCtxOf(c)))),
  );
  r.define(
    {
      tag,
      scope: "user",
      method: "get",
      path: "/api/me/social-work/alerts",
      response: myAlertsResponse,
      summary:
        "What needs my attention in my own current social work records: supervision overdue or due soon, ASYE reviews overdue or due, registration renewal at risk and warrants ending",
    },
    async (c) => c.json(presentMyAlerts(await alerts.myAlerts(ctxOf(c)))),
  );
}
