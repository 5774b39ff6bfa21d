import type { Router } from "../../http/route";

// The social work service (issue 20): the social work dashboard's figures with disclosure control (item 11).

export function socialWorkFigureRoutes(_r: Router) {}
