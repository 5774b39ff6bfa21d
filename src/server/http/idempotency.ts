import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { idempotencyKeys } from "../db/schema";
import { sha256 } from "../lib/crypto";
import { AppError, badRequest } from "../lib/errors";
import type { AppEnv } from "./types";

/**
 * Runs a write once per Idempotency-Key (per organisation): a retry with the same key and the
 * same request gets the first response again; the same key with a different request is refused.
 */
export async function idempotent(c: Context<AppEnv>, orgId: string, body: unknown, run: () => Promise<{ status: ContentfulStatusCode; json: unknown }>) {
  const key = c.req.header("idempotency-key");
  if (!key) {
    const r = await run();
    return c.json(r.json as object, r.status);
  }
  if (key.length > 200) throw badRequest("validation", "Idempotency-Key must be at most 200 characters.");
  const requestHash = sha256(`${c.req.method} ${c.req.path} ${JSON.stringify(body)}`);
  const { db } = c.var.deps;
  const [seen] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key)));
  if (seen) {
    if (seen.requestHash !== requestHash)
      throw new AppError(422, "idempotency_key_reused", "This Idempotency-Key was already used for a different request. Use a new key for a new request.");
    c.header("idempotent-replay", "true");
    return c.json(seen.response as object, seen.status as ContentfulStatusCode);
  }
  const r = await run();
  await db
    .insert(idempotencyKeys)
    .values({ orgId, key, requestHash, status: r.status, response: r.json as object })
    .onConflictDoNothing();
  return c.json(r.json as object, r.status);
}
