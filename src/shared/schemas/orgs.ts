import { z } from "zod";
import { ORG_KINDS, ROLES } from "../permissions";
import { email } from "./auth";
import { day, invitationView, orgView, permissionValue, roleValue, timestamp } from "./common";
import { freeText } from "./text";

export const orgKind = z.enum(ORG_KINDS, { error: `Choose a kind: ${ORG_KINDS.join(", ")}` });
export const role = z.enum(ROLES, { error: `Choose a role: ${ROLES.join(", ")}` });

export const slug = z
  .string()
  .trim()
  .min(2, "Short name must be at least 2 characters")
  .max(60, "Short name must be 60 characters or fewer")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Short name may use only lower-case letters, digits and single hyphens");

export const orgName = freeText(
  z.string().trim().min(2, "Enter the organisation's name").max(200, "Name must be 200 characters or fewer"),
  "The organisation's name",
);

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

// Answers.

export const orgHomeResponse = orgView.extend({
  role: roleValue.nullable(),
  permissions: z.array(permissionValue),
  /** Null for roles that see the organisation's name but not its figures. */
  summary: z
    .object({
      workplaces: z.number(),
      staffInPost: z.number(),
      /** A council's commissioned providers together. */
      system: z.object({ providers: z.number(), workplaces: z.number(), staffInPost: z.number() }).nullable(),
    })
    .nullable(),
});
export type OrgHomeResponse = z.infer<typeof orgHomeResponse>;

export const providerView = orgView.extend({
  commissioning: z.object({ id: z.string(), from: day, to: day.nullable() }),
  workplaces: z.number(),
  staffInPost: z.number(),
});
export type ProviderView = z.infer<typeof providerView>;
export const providersResponse = z.object({ providers: z.array(providerView) });
export type ProvidersResponse = z.infer<typeof providersResponse>;
export const inviteProviderResponse = z.object({ provider: orgView, invitation: invitationView });
export type InviteProviderResponse = z.infer<typeof inviteProviderResponse>;

export const memberView = z.object({
  id: z.string(),
  role: roleValue,
  since: timestamp,
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), active: z.boolean() }),
});
export type MemberView = z.infer<typeof memberView>;
export const membersResponse = z.object({ members: z.array(memberView), invitations: z.array(invitationView) });
export type MembersResponse = z.infer<typeof membersResponse>;
export const invitationResponse = z.object({ invitation: invitationView });
export type InvitationResponse = z.infer<typeof invitationResponse>;
export const changeRoleResponse = z.object({ id: z.string(), role: roleValue });
export type ChangeRoleResponse = z.infer<typeof changeRoleResponse>;

/** The hub administrator's list of organisations, and one just created. */
export const organisationsResponse = z.object({ organisations: z.array(orgView) });
export type OrganisationsResponse = z.infer<typeof organisationsResponse>;
export const organisationResponse = z.object({ organisation: orgView });
export type OrganisationResponse = z.infer<typeof organisationResponse>;
