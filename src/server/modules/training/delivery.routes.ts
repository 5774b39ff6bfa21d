import type { Router } from "../../http/route";

// Shared training (issue 18 items 4 and 5): session lists, attendance and outcomes, certificates, the training matrix.

export function trainingDeliveryRoutes(_r: Router) {}
