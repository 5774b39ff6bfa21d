import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../limits";
import { orgView, permissionValue, roleValue } from "./common";
import { freeText } from "./text";

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address")
  .max(254, "Email address must be 254 characters or fewer")
  .pipe(z.email("Enter an email address in the correct format, like name@example.com"));

export const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`);

export const signInInput = z.object({
  email,
  password: z.string().min(1, "Enter your password").max(PASSWORD_MAX_LENGTH),
});
export type SignInInput = z.infer<typeof signInInput>;

export const requestResetInput = z.object({ email });

export const resetPasswordInput = z.object({
  token: z.string().min(10, "The link is not complete: copy the whole link from the email"),
  password: newPassword,
});

export const acceptInvitationInput = z.object({
  token: z.string().min(10, "The link is not complete: copy the whole link from the email"),
  name: freeText(
    z.string().trim().min(1, "Enter your name").max(200, "Name must be 200 characters or fewer"),
    "Your name",
  ).optional(),
  password: newPassword.optional(),
});

// Answers.

export const sessionUserView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isHubAdmin: z.boolean(),
});
export const membershipView = orgView.extend({ role: roleValue, permissions: z.array(permissionValue) });
export type MembershipView = z.infer<typeof membershipView>;
/** Who is signed in, the CSRF token their writes send, and the organisations they belong to. */
export const sessionResponse = z.object({
  user: sessionUserView,
  csrfToken: z.string(),
  memberships: z.array(membershipView),
});
export type SessionResponse = z.infer<typeof sessionResponse>;
export const meResponse = z.union([z.object({ user: z.null() }), sessionResponse]);
export type MeResponse = z.infer<typeof meResponse>;
export const messageResponse = z.object({ ok: z.literal(true), message: z.string() });
export type MessageResponse = z.infer<typeof messageResponse>;
export const invitationLookupResponse = z.object({
  email: z.string(),
  role: roleValue,
  organisation: orgView,
  hasAccount: z.boolean(),
});
export type InvitationLookupResponse = z.infer<typeof invitationLookupResponse>;
export const acceptInvitationResponse = z.object({ ok: z.literal(true), orgId: z.string(), signedIn: z.boolean() });
export type AcceptInvitationResponse = z.infer<typeof acceptInvitationResponse>;
