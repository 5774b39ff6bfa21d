import type { Router } from "../../http/route";

// Candidates (issue 17 items 3 and 4): an account, one profile, applications, interview bookings, the talent pool with consent, deleting the account.

export function candidateRoutes(_r: Router) {}
