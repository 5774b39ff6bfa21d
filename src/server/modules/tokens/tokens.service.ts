import { and, desc, eq, isNull } from "drizzle-orm";
import type { TokenScope } from "../../../shared/permissions";
import { type Deps, inTransaction, type OrgCtx } from "../../context";
import { apiTokens } from "../../db/schema";
import { newToken, sha256 } from "../../lib/crypto";
import { notFound } from "../../lib/errors";
import { recordAudit } from "../audit/audit.service";

export async function tokenFromBearer(deps: Deps, token: string) {
  const [row] = await deps.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  // "Last used" to the minute is enough: no write on every call of a busy integration.
  const now = deps.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) await deps.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  return { id: row.id, orgId: row.orgId, scope: row.scope as TokenScope, createdBy: row.createdBy };
}

/** Creates a token; the secret is returned this once and only its hash is kept. */
export async function createToken(ctx: OrgCtx, input: { name: string; scope: TokenScope }) {
  return inTransaction(ctx, async (tx) => {
    const secret = `hub_${newToken(30)}`;
    const [row] = await tx.db
      .insert(apiTokens)
      .values({ orgId: tx.org.id, name: input.name, scope: input.scope, tokenHash: sha256(secret), prefix: secret.slice(0, 12), createdBy: tx.actor.userId })
      .returning();
    await recordAudit(tx, { orgId: tx.org.id, action: "create", entityType: "api_token", entityId: row.id, after: { name: row.name, scope: row.scope, prefix: row.prefix } });
    return { row, secret };
  });
}

export const listTokens = (ctx: OrgCtx) => ctx.db.select().from(apiTokens).where(eq(apiTokens.orgId, ctx.org.id)).orderBy(desc(apiTokens.createdAt));

export async function revokeToken(ctx: OrgCtx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.id, id), eq(apiTokens.orgId, tx.org.id)));
    if (!before || before.revokedAt) throw notFound("API token");
    await tx.db.update(apiTokens).set({ revokedAt: tx.deps.now() }).where(eq(apiTokens.id, id));
    await recordAudit(tx, { orgId: tx.org.id, action: "update", entityType: "api_token", entityId: id, before: { revokedAt: null }, after: { revokedAt: tx.deps.now() } });
  });
}
