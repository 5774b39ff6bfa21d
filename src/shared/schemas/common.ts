import { z } from "zod";
import { ORG_KINDS, PERMISSIONS, ROLES } from "../permissions";

// Pieces of the API's answers that several features share. Response schemas describe what leaves
// the server (the OpenAPI document shows them; tests check every answer against its route's one),
// so they carry no user-facing messages, unlike the input schemas.

/** A moment, as the server sends it: ISO 8601 in UTC (Date.toISOString). */
export const timestamp = z.iso.datetime();
/** A calendar date, YYYY-MM-DD. */
export const day = z.iso.date();
export const okResponse = z.object({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof okResponse>;
/** A deletion's answer: the id of what was removed. */
export const removedResponse = z.object({ removed: z.string() });
export type RemovedResponse = z.infer<typeof removedResponse>;
/** An ASC-WDS code with its label. */
export const codeLabel = z.object({ code: z.number(), label: z.string() });

export const orgKindValue = z.enum(ORG_KINDS);
export const roleValue = z.enum(ROLES);
export const permissionValue = z.enum(PERMISSIONS);

export const orgView = z.object({
  id: z.string(),
  kind: orgKindValue,
  name: z.string(),
  slug: z.string(),
  isDemo: z.boolean(),
});
export type OrgView = z.infer<typeof orgView>;

export const invitationView = z.object({
  id: z.string(),
  email: z.string(),
  role: roleValue,
  sent: timestamp,
  expires: timestamp,
});
export type InvitationView = z.infer<typeof invitationView>;

/** One audit entry; identifiers and special category data in before/after are masked. */
export const auditEntryView = z.object({
  id: z.number(),
  at: timestamp,
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  organisation: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  user: z.object({ id: z.string(), email: z.string().nullable() }).nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;
export const auditResponse = z.object({ entries: z.array(auditEntryView) });
export type AuditResponse = z.infer<typeof auditResponse>;

/**
 * A date someone records (a start, a review, an assignment's end): a real calendar date from 1900
 * to 2099, so a slip like 9999 or 2206 is caught where it is typed. The first problem stops the
 * check, so an empty or impossible date gets one message, not two.
 */
export const recordDate = (what: string) =>
  z.iso
    .date({ error: `Enter the ${what} as a real date`, abort: true })
    .refine((d) => d >= "1900-01-01" && d <= "2099-12-31", `Enter the ${what} between 1900 and 2099`);
