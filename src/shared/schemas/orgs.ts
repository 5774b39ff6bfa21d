import { z } from "zod";
import { ORG_KINDS, ROLES } from "../permissions";
import { email } from "./auth";
import { freeText } from "./text";

export const orgKind = z.enum(ORG_KINDS, { error: `Choose a kind: ${ORG_KINDS.join(", ")}` });
export const role = z.enum(ROLES, { error: `Choose a role: ${ROLES.join(", ")}` });

export const slug = z
  .string()
  .trim()
  .min(2, "Short name must be at least 2 characters")
  .max(60, "Short name must be 60 characters or fewer")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Short name may use only lower-case letters, digits and single hyphens");

export const orgName = freeText(z.string().trim().min(2, "Enter the organisation's name").max(200, "Name must be 200 characters or fewer"), "The organisation's name");

export const createOrgInput = z.object({
  kind: orgKind,
  name: orgName,
  slug: slug.optional(),
});

export const inviteUserInput = z.object({
  email,
  role,
});

export const changeRoleInput = z.object({ role });

/** A council invites a provider: creates it, links it for commissioning and invites its first admin. */
export const inviteProviderInput = z.object({
  name: orgName,
  adminEmail: email,
  commissionedFrom: z.iso.date("Enter the date commissioning started as YYYY-MM-DD").optional(),
});
