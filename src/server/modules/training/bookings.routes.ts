import type { Router } from "../../http/route";

// Shared training (issue 18 items 2 and 3): bookings, waiting lists, cancellations and reminders.

export function trainingBookingRoutes(_r: Router) {}
