import { z } from "zod";
import { ROLES } from "../../../shared/permissions";
import { commitImportInput } from "../../../shared/schemas";
import { jobType } from "../../jobs/worker";

// The kinds of upload job and their payloads, apart from their handlers (imports.jobs.ts), so the
// service can queue them without importing the code that runs them.

/** Who asked: the job acts for them in their organisation, as the request did. */
export const importJobPayload = z.object({
  importId: z.uuid(),
  orgId: z.uuid(),
  userId: z.uuid().nullable(),
  role: z.enum(ROLES).nullable(),
  isHubAdmin: z.boolean(),
});
export type ImportJobPayload = z.infer<typeof importJobPayload>;

export const IMPORT_JOBS = {
  /** Checks stored files and stages their changes. */
  validate: jobType({ kind: "import.validate", payload: importJobPayload, maxAttempts: 3 }),
  /** Applies a checked upload with the person's decisions (one transaction: all or nothing). */
  commit: jobType({
    kind: "import.commit",
    payload: importJobPayload.extend({ decisions: commitImportInput }),
    maxAttempts: 3,
  }),
};
