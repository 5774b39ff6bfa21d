import type { Router } from "../../http/route";

// Shared training (issue 18 items 1 and 2): the catalogue of courses, sessions and their places, the public list of courses.

export function trainingCatalogueRoutes(_r: Router) {}
