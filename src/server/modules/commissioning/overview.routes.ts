import type { Router } from "../../http/route";

// The council's commissioning page (issue 19).

export function commissioningOverviewRoutes(_r: Router) {}
