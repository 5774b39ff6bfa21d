import type { Router } from "../../http/route";

// Shared training (issue 18 items 6 and 7): apprenticeships, levy transfer brokerage, funding claims.

export function apprenticeshipRoutes(_r: Router) {}
