import type { Router } from "../../http/route";

// The social work service (issue 20): agency assignments, price caps, the DfE agency rules flagged, the monthly starters, leavers and agency view, the DfE agency return (item 8).

export function socialWorkAgencyRoutes(_r: Router) {}
