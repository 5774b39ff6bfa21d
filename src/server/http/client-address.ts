import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { AppEnv } from "./types";

/**
 * The address a request came from, for throttling.
 *
 * Behind TRUST_PROXY, each proxy appends the address it saw to X-Forwarded-For, so only the
 * right-hand end of the header was written by proxies we trust; everything to its left was sent
 * by the client and can say anything. With TRUSTED_PROXY_HOPS = n, the client is the n-th entry
 * from the right (one proxy: the last entry). A header shorter than that means fewer proxies than
 * configured, and its left-most entry is the furthest address known.
 */
export function clientAddressFrom(forwardedFor: string | undefined, trustedHops: number): string | null {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  if (!hops.length) return null;
  return hops[Math.max(0, hops.length - trustedHops)].slice(0, 100);
}

export function clientAddress(c: Context<AppEnv>): string {
  const { env } = c.var.deps;
  if (env.TRUST_PROXY) {
    const forwarded = clientAddressFrom(c.req.header("x-forwarded-for"), env.TRUSTED_PROXY_HOPS);
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // app.request() in tests has no socket
  }
}
