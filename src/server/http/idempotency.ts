import { and, eq } from "drizzle-orm";
import type { Context, TypedResponse } from "hono";
import type { ClientErrorStatusCode, ContentfulStatusCode } from "hono/utils/http-status";
import { idempotencyKeys } from "../db/schema";
import { sha256 } from "../lib/crypto";
import { AppError, badRequest } from "../lib/errors";
import type { AppEnv } from "./types";

/** The write's answer: its success JSON (typed, for the route's response schema), or an error. */
type Answer<T> =
  | { status: ContentfulStatusCode; json: T }
  | { status: ClientErrorStatusCode; json: { error: { code: string; message: string }; [detail: string]: unknown } };

/**
 * Runs a write once per Idempotency-Key (per organisation): a retry with the same key and the
 * same request gets the first response again; the same key with a different request is refused.
 */
export async function idempotent<T extends object>(
  c: Context<AppEnv>,
  orgId: string,
  body: unknown,
  run: () => Promise<Answer<T>>,
): Promise<Response & TypedResponse<T>> {
  const answer = (r: { status: ContentfulStatusCode; json: unknown }) =>
    c.json(r.json as object, r.status) as unknown as Response & TypedResponse<T>;
  const key = c.req.header("idempotency-key");
  if (!key) return answer(await run());
  if (key.length > 200) throw badRequest("validation", "Idempotency-Key must be at most 200 characters.");
  const requestHash = sha256(`${c.req.method} ${c.req.path} ${JSON.stringify(body)}`);
  const { db } = c.var.deps;
  const [seen] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key)));
  if (seen) {
    if (seen.requestHash !== requestHash)
      throw new AppError(
        422,
        "idempotency_key_reused",
        "This Idempotency-Key was already used for a different request. Use a new key for a new request.",
      );
    c.header("idempotent-replay", "true");
    return answer({ json: seen.response, status: seen.status as ContentfulStatusCode });
  }
  const r = await run();
  await db
    .insert(idempotencyKeys)
    .values({ orgId, key, requestHash, status: r.status, response: r.json as object })
    .onConflictDoNothing();
  return answer(r);
}
