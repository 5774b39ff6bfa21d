import type { Router } from "../../http/route";

// Contracts and the standards library (issue 19).

export function contractRoutes(_r: Router) {}
