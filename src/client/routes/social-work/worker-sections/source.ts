/** Whose records a worker section shows: a worker's (the service lead, their manager) or one's own (/api/me). */
export type WorkerSource = { kind: "worker"; orgId: string; staffId: string } | { kind: "self" };
