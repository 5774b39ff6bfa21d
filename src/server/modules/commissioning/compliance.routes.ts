import type { Router } from "../../http/route";

// Compliance computed from the data, and challenges (issue 19).

export function complianceRoutes(_r: Router) {}
