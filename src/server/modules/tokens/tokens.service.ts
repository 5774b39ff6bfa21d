import { can, type Role, TOKEN_MATRIX, type TokenScope } from "../../../shared/permissions";
import { type Deps, inTransaction, type OrgCtx } from "../../context";
import { newToken, sha256 } from "../../lib/crypto";
import { AppError, notFound } from "../../lib/errors";
import { recordAudit } from "../audit/audit.service";
import * as repo from "./tokens.repo";

/** "Last used" to the minute is enough: no write on every call of a busy integration. */
const LAST_USED_EVERY_MS = 60_000;

/**
 * A token acts for the person who created it and can do at most what they can do now: the
 * permissions of its scope that their current role in the organisation still holds. Once they
 * have left the organisation it stops working altogether.
 */
export async function tokenFromBearer(deps: Deps, token: string) {
  const row = await repo.findLiveTokenWithCreator(deps.db, sha256(token));
  if (!row) return null;
  const creatorRole = (row.creatorRole as Role | null) ?? null;
  const creatorIsHubAdmin = row.creatorIsHubAdmin ?? false;
  if (!creatorRole && !creatorIsHubAdmin) {
    throw new AppError(
      401,
      "invalid_token",
      "This API token stopped working because the person who created it no longer belongs to the organisation. Ask an organisation admin to create a new one under Users › API tokens.",
    );
  }
  const now = deps.now();
  await repo.touchLastUsed(deps.db, row.token.id, now, new Date(now.getTime() - LAST_USED_EVERY_MS));
  return {
    id: row.token.id,
    orgId: row.token.orgId,
    scope: row.token.scope as TokenScope,
    createdBy: row.token.createdBy,
    creatorRole,
    creatorIsHubAdmin,
  };
}

/** Creates a token; the secret is returned this once and only its hash is kept. */
export async function createToken(ctx: OrgCtx, input: { name: string; scope: TokenScope }) {
  return inTransaction(ctx, async (tx) => {
    const secret = `hub_${newToken(30)}`;
    const row = await repo.insertToken(tx.db, {
      orgId: tx.org.id,
      name: input.name,
      scope: input.scope,
      tokenHash: sha256(secret),
      prefix: secret.slice(0, 12),
      createdBy: tx.actor.userId,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "api_token",
      entityId: row.id,
      after: { name: row.name, scope: row.scope, prefix: row.prefix },
    });
    return { row, secret };
  });
}

export type TokenStatus = "active" | "limited" | "creator_left" | "revoked";

/** The organisation's tokens with who created them and whether each still works in full. */
export async function listTokens(ctx: OrgCtx) {
  const rows = await repo.findTokensOfOrg(ctx.db, ctx.org.id);
  return rows.map(({ token, creator, creatorRole }) => {
    const role = (creatorRole as Role | null) ?? null;
    const hubAdmin = creator?.isHubAdmin ?? false;
    const status: TokenStatus = token.revokedAt
      ? "revoked"
      : !role && !hubAdmin
        ? "creator_left"
        : TOKEN_MATRIX[token.scope as TokenScope].every((p) => can(role, p, hubAdmin))
          ? "active"
          : "limited";
    return { token, creator, status };
  });
}

export async function revokeToken(ctx: OrgCtx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findTokenOfOrg(tx.db, tx.org.id, id);
    if (!before || before.revokedAt) throw notFound("API token");
    await repo.markRevoked(tx.db, id, tx.deps.now());
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "api_token",
      entityId: id,
      before: { revokedAt: null },
      after: { revokedAt: tx.deps.now() },
    });
  });
}
