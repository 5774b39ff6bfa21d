import type { Router } from "../../http/route";

// The social work service (issue 20): ASYE registrations, reviews at 3, 6 and 9 months, final assessments and the programme's quality view (item 3).

export function asyeRoutes(_r: Router) {}
