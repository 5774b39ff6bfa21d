import type { Router } from "../../http/route";

// An employer's job adverts (issue 17 item 1): published from vacancy records, closed when filled or at the closing date, moderated by the council's hub.

export function advertRoutes(_r: Router) {}
