import type { Router } from "../../http/route";

// The social work service (issue 20): the DfE children's social work workforce census: checked, then downloaded (item 10).

export function censusRoutes(_r: Router) {}
