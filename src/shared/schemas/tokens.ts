import { z } from "zod";
import { TOKEN_SCOPES } from "../permissions";
import { timestamp } from "./common";
import { freeText } from "./text";

export const createTokenInput = z.object({
  name: freeText(
    z
      .string()
      .trim()
      .min(1, "Name the token after the system that will use it")
      .max(100, "Name must be 100 characters or fewer"),
    "The token's name",
  ),
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

// Answers.

export const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.string(),
  /** The first characters of the secret, to tell tokens apart. */
  prefix: z.string(),
  createdAt: timestamp,
  createdBy: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
  status: z.enum(["active", "limited", "creator_left", "revoked"]),
});
export type TokenView = z.infer<typeof tokenView>;
export const tokensResponse = z.object({ tokens: z.array(tokenView) });
export type TokensResponse = z.infer<typeof tokensResponse>;
/** A new token, with its secret: shown once, never again. */
export const createdTokenResponse = z.object({ token: tokenView, secret: z.string() });
export type CreatedTokenResponse = z.infer<typeof createdTokenResponse>;
