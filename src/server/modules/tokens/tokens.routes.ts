import { createTokenInput } from "../../../shared/schemas";
import { orgCtxOf } from "../../http/guards";
import type { Router } from "../../http/route";
import { notFound } from "../../lib/errors";
import * as tokens from "./tokens.service";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const present = (t: { id: string; name: string; scope: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }) => ({
  id: t.id,
  name: t.name,
  scope: t.scope,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

export function tokenRoutes(r: Router) {
  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/api-tokens",
      tag: "API tokens",
      scope: "org",
      permission: "users.manage",
      summary: "The organisation's API tokens (never their secrets)",
    },
    async (c) => c.json({ tokens: (await tokens.listTokens(orgCtxOf(c))).map(present) }),
  );
  r.define(
    {
      method: "post",
      path: "/api/orgs/:orgId/api-tokens",
      tag: "API tokens",
      scope: "org",
      permission: "users.manage",
      summary: "Create a token for an HR or rostering system; the secret is shown once",
      body: createTokenInput,
    },
    async (c, { body }) => {
      const { row, secret } = await tokens.createToken(orgCtxOf(c), body);
      return c.json({ token: present(row), secret }, 201);
    },
  );
  r.define(
    { method: "delete", path: "/api/orgs/:orgId/api-tokens/:tokenId", tag: "API tokens", scope: "org", permission: "users.manage", summary: "Revoke a token" },
    async (c) => {
      const id = c.req.param("tokenId");
      if (!id || !UUID.test(id)) throw notFound("API token");
      await tokens.revokeToken(orgCtxOf(c), id);
      return c.json({ ok: true });
    },
  );
}
