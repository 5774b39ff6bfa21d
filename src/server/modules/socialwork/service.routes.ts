import type { Router } from "../../http/route";

// The social work service (issue 20): teams, posts and the establishment, the workers' profiles (registration, level, grade, warrants), settings, and a worker's own records (items 1, 5's thresholds).

export function socialWorkServiceRoutes(_r: Router) {}
