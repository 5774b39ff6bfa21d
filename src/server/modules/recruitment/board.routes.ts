import type { Router } from "../../http/route";

// The public job board (issue 17 items 2 and 3): search, each advert's page and JSON-LD, the feed, job alerts, applications without an account.

export function boardRoutes(_r: Router) {}
