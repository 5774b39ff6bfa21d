import type { Router } from "../../http/route";

// Enter once: the contract-monitoring return and the Capacity Tracker fields (issue 19).

export function monitoringRoutes(_r: Router) {}
