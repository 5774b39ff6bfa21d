import type { ContentfulStatusCode } from "hono/utils/http-status";

export interface Issue {
  path: string;
  message: string;
}

/** An error meant for the user: it leaves the server as { error: { code, message, issues? } }. */
export class AppError extends Error {
  constructor(
    public status: ContentfulStatusCode,
    public code: string,
    message: string,
    public issues?: Issue[],
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "page") => new AppError(404, "not_found", `We could not find that ${what}.`);
export const forbidden = (message = "You do not have permission to do that.") =>
  new AppError(403, "forbidden", message);
export const unauthenticated = () => new AppError(401, "unauthenticated", "Sign in to continue.");
export const badRequest = (code: string, message: string, issues?: Issue[]) => new AppError(400, code, message, issues);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
