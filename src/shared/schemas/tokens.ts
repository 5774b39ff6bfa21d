import { z } from "zod";
import { TOKEN_SCOPES } from "../permissions";
import { freeText } from "./text";

export const createTokenInput = z.object({
  name: freeText(z.string().trim().min(1, "Name the token after the system that will use it").max(100, "Name must be 100 characters or fewer"), "The token's name"),
  scope: z.enum(TOKEN_SCOPES, { error: "Choose read or write" }),
});

/** Records in the ASC-WDS format, keyed by column name, for systems that send JSON instead of files. */
export const recordsInput = z.object({
  asAt: z.iso.date("asAt must be a date as YYYY-MM-DD").optional(),
  records: z
    .array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])))
    .min(1, "Send at least one record")
    .max(10_000, "Send at most 10,000 records at once"),
});
