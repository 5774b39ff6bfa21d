import type { Router } from "../../http/route";

// The social work service (issue 20): students on placement, apprentices, sponsored master's and fast-track trainees, their outcomes, and practice educators' payments (items 2, 7).

export function socialWorkRoutesInRoutes(_r: Router) {}
