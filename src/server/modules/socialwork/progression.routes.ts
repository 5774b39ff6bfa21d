import type { Router } from "../../http/route";

// The social work service (issue 20): the progression scheme, cases and panel decisions, annual development reviews (item 6).

export function progressionRoutes(_r: Router) {}
