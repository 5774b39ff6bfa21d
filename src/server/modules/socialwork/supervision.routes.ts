import type { Router } from "../../http/route";

// The social work service (issue 20): supervisions against the frequency standards, overdue lists, team compliance, and monthly caseloads (items 4, 5).

export function supervisionRoutes(_r: Router) {}
