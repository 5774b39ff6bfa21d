import { z } from "zod";
import { timestamp } from "./common";

export const healthResponse = z.object({
  status: z.enum(["ok", "error"]),
  /** busy: a long statement holds the database; the hub is alive. */
  database: z.enum(["ok", "unreachable", "busy"]),
  ms: z.number(),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponse>;

/** What this hub is, for its pages before anyone signs in. */
export const hubResponse = z.object({
  /** The hub holds the demonstration system (made-up organisations whose sign-ins are public). */
  demo: z.boolean(),
});
export type HubResponse = z.infer<typeof hubResponse>;

/** An OpenAPI 3.1 document (its operations are not described further here). */
export const openApiResponse = z.object({
  openapi: z.string(),
  info: z.object({ title: z.string(), version: z.string(), description: z.string() }),
  components: z.record(z.string(), z.unknown()),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});

export const failedJobsResponse = z.object({
  jobs: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      lane: z.string(),
      orgId: z.string().nullable(),
      orgName: z.string().nullable(),
      reason: z.string(),
      attempts: z.number(),
      maxAttempts: z.number(),
      createdAt: timestamp,
      failedAt: timestamp.nullable(),
    }),
  ),
});
export type FailedJobsResponse = z.infer<typeof failedJobsResponse>;
