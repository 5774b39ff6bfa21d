// Who is signed in, and the sign-in, password and invitation requests. Response types live here,
// one place for the feature, so switching them to the shared response schemas is one edit.
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { OrgKind, Permission, Role } from "../../shared/permissions";
import type { acceptInvitationInput, requestResetInput, resetPasswordInput, signInInput } from "../../shared/schemas";
import { api } from "../lib/api";

export interface Membership {
  id: string;
  kind: OrgKind;
  name: string;
  slug: string;
  isDemo: boolean;
  role: Role;
  permissions: Permission[];
}
export interface Me {
  user: { id: string; email: string; name: string; isHubAdmin: boolean } | null;
  csrfToken?: string;
  memberships?: Membership[];
}
export interface Invitation {
  email: string;
  role: Role;
  organisation: { name: string };
  hasAccount: boolean;
}

export const authKeys = { me: ["me"] as const };

export const authQueries = {
  me: () => queryOptions({ queryKey: authKeys.me, queryFn: () => api<Me>("GET", "/api/auth/me"), staleTime: 60_000 }),
  invitation: (token: string) =>
    queryOptions({
      queryKey: ["invitation", token],
      queryFn: () => api<Invitation>("GET", `/api/auth/invitations?token=${encodeURIComponent(token)}`),
      retry: false,
    }),
};

export const authApi = {
  signIn: (body: z.input<typeof signInInput>) => api<Me>("POST", "/api/auth/sign-in", body),
  signOut: () => api<unknown>("POST", "/api/auth/sign-out"),
  requestReset: (body: z.input<typeof requestResetInput>) =>
    api<{ message: string }>("POST", "/api/auth/password-reset", body),
  resetPassword: (body: z.input<typeof resetPasswordInput>) =>
    api<unknown>("POST", "/api/auth/password-reset/complete", body),
  acceptInvitation: (body: z.input<typeof acceptInvitationInput>) =>
    api<{ orgId: string; signedIn: boolean }>("POST", "/api/auth/invitations/accept", body),
};
