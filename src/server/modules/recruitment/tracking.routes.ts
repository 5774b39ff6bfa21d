import type { Router } from "../../http/route";

// An employer's applicant tracking (issue 17 items 5 and 6): stages, notes, values scores, interview slots, email templates, pre-employment checks.

export function trackingRoutes(_r: Router) {}
