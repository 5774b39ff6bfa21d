import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Env } from "../env";

/**
 * The installation secret. Production must set HUB_SECRET; elsewhere one is made once and
 * kept in DATA_DIR so NI-number hashes stay stable across restarts.
 */
export function resolveSecret(env: Env): string {
  if (env.HUB_SECRET) return env.HUB_SECRET;
  const file = join(env.DATA_DIR, ".hub-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(env.DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
