import type { Context } from "hono";
import { notFound } from "../lib/errors";
import { UUID } from "../lib/ids";
import type { AppEnv } from "./types";

/** A path parameter that must be an id; anything else is "not found", like an id that does not exist. */
export function idParam(c: Context<AppEnv>, name: string, what: string): string {
  const value = c.req.param(name);
  if (!value || !UUID.test(value)) throw notFound(what);
  return value;
}
