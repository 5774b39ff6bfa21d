import type { Router } from "../../http/route";

// The Quality Premium Payment: schemes, entitlements, schedules (issue 19).

export function qppRoutes(_r: Router) {}
