import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { SESSION_DAYS } from "../../shared/limits";
import type { AppEnv } from "./types";

export const SESSION_COOKIE = "hub_session";

/** Secure when the request came over HTTPS (directly, or through a trusted proxy). */
function isHttps(c: Context<AppEnv>): boolean {
  const { env } = c.var.deps;
  if (env.TRUST_PROXY && c.req.header("x-forwarded-proto")?.split(",")[0].trim() === "https") return true;
  return new URL(c.req.url).protocol === "https:" || env.PUBLIC_URL.startsWith("https:");
}

export function setSessionCookie(c: Context<AppEnv>, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isHttps(c),
    path: "/",
    maxAge: SESSION_DAYS * 86_400,
  });
}

export const readSessionCookie = (c: Context<AppEnv>) => getCookie(c, SESSION_COOKIE);
export const clearSessionCookie = (c: Context<AppEnv>) => deleteCookie(c, SESSION_COOKIE, { path: "/" });
