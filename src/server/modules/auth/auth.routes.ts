import type { Context } from "hono";
import { z } from "zod";
import { permissionsFor, type Role } from "../../../shared/permissions";
import {
  acceptInvitationInput,
  acceptInvitationResponse,
  invitationLookupResponse,
  meResponse,
  messageResponse,
  okResponse,
  requestResetInput,
  resetPasswordInput,
  sessionResponse,
  signInInput,
} from "../../../shared/schemas";
import { clientAddress } from "../../http/client-address";
import { clearSessionCookie, setSessionCookie } from "../../http/cookies";
import { ctxOf } from "../../http/guards";
import type { Router } from "../../http/route";
import type { AppEnv } from "../../http/types";
import { presentOrg } from "../orgs/orgs.presenter";
import * as auth from "./auth.service";

async function me(c: Context<AppEnv>, userId: string, csrfToken: string) {
  const { user, memberships } = await auth.currentUser(ctxOf(c), userId);
  return {
    user: { id: user.id, email: user.email, name: user.name, isHubAdmin: user.isHubAdmin },
    csrfToken,
    memberships: memberships.map((m) => ({
      ...presentOrg(m.org),
      role: m.role as Role,
      permissions: permissionsFor(m.role as Role, user.isHubAdmin),
    })),
  };
}

export function authRoutes(r: Router) {
  r.define(
    {
      method: "get",
      path: "/api/auth/me",
      response: meResponse,
      tag: "Sign-in",
      scope: "public",
      summary: "The signed-in user, their organisations and the CSRF token (user is null when signed out)",
    },
    async (c) => {
      const { user, session } = c.var;
      if (!user || !session) return c.json({ user: null });
      return c.json(await me(c, user.id, session.csrfToken));
    },
  );

  r.define(
    {
      method: "post",
      path: "/api/auth/sign-in",
      response: sessionResponse,
      tag: "Sign-in",
      scope: "public",
      summary: "Sign in with email and password",
      body: signInInput,
    },
    async (c, { body }) => {
      const { token, csrfToken, userId } = await auth.signIn(ctxOf(c), { ...body, clientAddress: clientAddress(c) });
      setSessionCookie(c, token);
      return c.json(await me(c, userId, csrfToken));
    },
  );

  r.define(
    {
      method: "post",
      path: "/api/auth/sign-out",
      response: okResponse,
      tag: "Sign-in",
      scope: "user",
      summary: "Sign out (ends this session)",
    },
    async (c) => {
      if (c.var.session) await auth.signOut(ctxOf(c), c.var.session.tokenHash);
      clearSessionCookie(c);
      return c.json({ ok: true });
    },
  );

  r.define(
    {
      method: "post",
      path: "/api/auth/password-reset",
      response: messageResponse,
      tag: "Sign-in",
      scope: "public",
      summary:
        "Email a password reset link (answers the same whether or not the email has an account; 429 after 10 requests an hour from one address)",
      body: requestResetInput,
    },
    async (c, { body }) => {
      await auth.requestPasswordReset(ctxOf(c), { email: body.email, clientAddress: clientAddress(c) });
      return c.json(
        {
          ok: true,
          message:
            "If that email address has an account, we have sent a link to reset the password. It lasts 2 hours, and only the newest link we send works.",
        },
        202,
      );
    },
  );

  r.define(
    {
      method: "post",
      path: "/api/auth/password-reset/complete",
      response: messageResponse,
      tag: "Sign-in",
      scope: "public",
      summary: "Choose a new password with an emailed link",
      body: resetPasswordInput,
    },
    async (c, { body }) => {
      await auth.resetPassword(ctxOf(c), body);
      return c.json({ ok: true, message: "Your password has been changed. Sign in with your new password." });
    },
  );

  r.define(
    {
      method: "get",
      path: "/api/auth/invitations",
      response: invitationLookupResponse,
      tag: "Sign-in",
      scope: "public",
      summary: "Describe the invitation behind an emailed link",
      query: z.object({ token: z.string().min(10, "The link is not complete: copy the whole link from the email") }),
    },
    async (c, { query }) => {
      const inv = await auth.describeInvitation(ctxOf(c), query.token);
      return c.json({
        email: inv.email,
        role: inv.role,
        organisation: presentOrg(inv.org),
        hasAccount: inv.hasAccount,
      });
    },
  );

  r.define(
    {
      method: "post",
      path: "/api/auth/invitations/accept",
      response: acceptInvitationResponse,
      tag: "Sign-in",
      scope: "public",
      summary: "Accept an invitation (new people set a name and password)",
      body: acceptInvitationInput,
    },
    async (c, { body }) => {
      const result = await auth.acceptInvitation(ctxOf(c), body);
      if (result.token) setSessionCookie(c, result.token);
      return c.json({ ok: true, orgId: result.orgId, signedIn: Boolean(result.token) });
    },
  );
}
