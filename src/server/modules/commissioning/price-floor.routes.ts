import type { Router } from "../../http/route";

// The minimum price floor, fee rates and tender bids (issue 19).

export function priceFloorRoutes(_r: Router) {}
