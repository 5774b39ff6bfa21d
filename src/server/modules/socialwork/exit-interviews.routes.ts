import type { Router } from "../../http/route";

// The social work service (issue 20): exit interviews offered to leavers, the leaver's own link, and reasons collated with disclosure control (item 9).

export function exitInterviewRoutes(_r: Router) {}
