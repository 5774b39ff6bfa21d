import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../lib/errors";
import type { AppEnv } from "./types";

/**
 * How much a request may send. Checked before anything is buffered: a declared Content-Length
 * over the limit is refused at once, and a chunked body is counted as it arrives and refused the
 * moment it passes the limit, so no request can make the process hold more than its route allows.
 */
export const BODY_LIMITS = {
  /** Every JSON route unless it says otherwise: forms, sign-in, settings. */
  json: 256 * 1024,
  /** A council's whole career framework document (the shipped one is about 46 KB). */
  document: 1024 * 1024,
  /** The records API: up to 10,000 records keyed by ASC-WDS column names. */
  records: 16 * 1024 * 1024,
} as const;

const size = (bytes: number) =>
  bytes >= 1048576 ? `${Math.round(bytes / 1048576)} MB` : `${Math.round(bytes / 1024)} KB`;

export function limitBody(maxBytes: number, what: string): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError(
        413,
        "too_large",
        `${what} is too large: it can be at most ${size(maxBytes)}. Send less at once.`,
      );
    },
  });
}
