import { createdTokenResponse, createTokenInput, okResponse, tokensResponse } from "../../../shared/schemas";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import { presentToken } from "./tokens.presenter";
import * as tokens from "./tokens.service";

export function tokenRoutes(r: Router) {
  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/api-tokens",
      response: tokensResponse,
      tag: "API tokens",
      scope: "org",
      permission: "users.manage",
      summary: "The organisation's API tokens (never their secrets)",
    },
    async (c) =>
      c.json({ tokens: (await tokens.listTokens(orgCtxOf(c))).map((t) => presentToken(t.token, t.creator, t.status)) }),
  );
  r.define(
    {
      method: "post",
      path: "/api/orgs/:orgId/api-tokens",
      response: createdTokenResponse,
      tag: "API tokens",
      scope: "org",
      permission: "users.manage",
      summary: "Create a token for an HR or rostering system; the secret is shown once",
      body: createTokenInput,
    },
    async (c, { body }) => {
      const { row, secret } = await tokens.createToken(orgCtxOf(c), body);
      const creator = c.var.user ? { id: c.var.user.id, name: c.var.user.name, email: c.var.user.email } : null;
      return c.json({ token: presentToken(row, creator, "active"), secret }, 201);
    },
  );
  r.define(
    {
      method: "delete",
      path: "/api/orgs/:orgId/api-tokens/:tokenId",
      response: okResponse,
      tag: "API tokens",
      scope: "org",
      permission: "users.manage",
      summary: "Revoke a token",
    },
    async (c) => {
      const id = idParam(c, "tokenId", "API token");
      await tokens.revokeToken(orgCtxOf(c), id);
      return c.json({ ok: true });
    },
  );
}
