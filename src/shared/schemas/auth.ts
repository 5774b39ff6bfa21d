import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../limits";
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
  name: freeText(z.string().trim().min(1, "Enter your name").max(200, "Name must be 200 characters or fewer"), "Your name").optional(),
  password: newPassword.optional(),
});
