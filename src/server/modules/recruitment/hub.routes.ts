import type { Router } from "../../http/route";

// The council's recruitment hub (issue 17 items 7 and 8): values questions, campaigns, events, the funnel and retention of hires.

export function recruitmentHubRoutes(_r: Router) {}
