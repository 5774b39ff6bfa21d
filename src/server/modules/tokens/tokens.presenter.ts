import type { TokenStatus } from "./tokens.service";

interface TokenRow {
  id: string;
  name: string;
  scope: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A token without its secret or hash; who created it, for admins deciding what to revoke. */
export function presentToken(
  t: TokenRow,
  creator: { id: string; name: string; email: string } | null,
  status: TokenStatus,
) {
  return {
    id: t.id,
    name: t.name,
    scope: t.scope,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    createdBy: creator ? { id: creator.id, name: creator.name, email: creator.email } : null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    status,
  };
}
