import type { MiddlewareHandler } from "hono";
import { badRequest } from "../lib/errors";
import type { AppEnv } from "./types";

// PostgreSQL cannot store U+0000 in text, so a NUL that reaches a query fails there as a 500.
// It is refused at the door instead, with a message saying where it was.

/** The message for a NUL character found in `where`. */
export const nulMessage = (where: string) =>
  `${where} contains a NUL character (U+0000, sent as %00 or \\u0000), which the hub cannot store. Remove it and send the request again.`;

/** Refuses a NUL, raw or percent-encoded, anywhere in the address: the path or the query string. */
export const refuseNulInAddress: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = c.req.url;
  const encoded = url.indexOf("%00");
  const at = encoded >= 0 ? encoded : url.indexOf("\u0000");
  if (at >= 0) {
    const query = url.indexOf("?");
    throw badRequest("nul_character", nulMessage(query >= 0 && at > query ? "The query string" : "The address"));
  }
  await next();
};

/** JSON nested deeper than this is refused: no form or record the hub takes comes near it. */
export const MAX_JSON_DEPTH = 64;

/**
 * Checks a JSON body's text before it is parsed, in one pass: a `\u0000` escape (or a raw NUL)
 * inside a string, and nesting deeper than MAX_JSON_DEPTH. Returns the problem's message, or null.
 */
export function jsonTextProblem(text: string): string | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0) return nulMessage("The request body");
    if (inString) {
      if (ch === 92 /* \ */) {
        // \u0000 is the escaped NUL; any other escape is skipped whole so \\u0000 is not mistaken for one.
        if (text.startsWith("u0000", i + 1)) return nulMessage("The request body");
        i++;
      } else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      if (++depth > MAX_JSON_DEPTH)
        return `The request body is nested more than ${MAX_JSON_DEPTH} levels deep. Send the data as the API documentation (/api/docs) describes.`;
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) depth--;
  }
  return null;
}
