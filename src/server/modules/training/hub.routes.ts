import type { Router } from "../../http/route";

// Shared training (issue 18 items 8 and 9): the pre-employment course with a guaranteed interview, training uptake.

export function trainingHubRoutes(_r: Router) {}
