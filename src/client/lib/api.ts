// The one way the client talks to the API: JSON in and out, the CSRF token on writes,
// and errors in the API's one shape. Pages do not call these: each feature's query module
// (src/client/queries/*.ts) does, with the response's type, so no call is untyped.

export interface ApiIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public issues: ApiIssue[] = [],
  ) {
    super(message);
  }
}

let csrfToken = "";
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (method !== "GET") {
    headers["content-type"] = "application/json";
    if (csrfToken) headers["x-csrf-token"] = csrfToken;
  }
  const res = await fetch(path, {
    method,
    headers,
    body: method === "GET" ? undefined : JSON.stringify(body ?? {}),
    credentials: "same-origin",
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) {
    const err = json?.error;
    throw new ApiError(
      res.status,
      err?.code ?? "network",
      err?.message ?? "The hub did not answer. Check your connection and try again.",
      err?.issues ?? [],
    );
  }
  if (json && typeof json.csrfToken === "string") setCsrfToken(json.csrfToken);
  return json as T;
}

/** A multipart upload (files), with the CSRF token. */
export async function apiUpload<T>(path: string, form: FormData): Promise<T> {
  const res = await fetch(path, {
    method: "POST",
    body: form,
    headers: { accept: "application/json", "x-csrf-token": csrfToken },
    credentials: "same-origin",
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) {
    const err = json?.error;
    throw new ApiError(
      res.status,
      err?.code ?? "network",
      err?.message ?? "The upload did not reach the hub. Check your connection and try again.",
      err?.issues ?? [],
    );
  }
  return json as T;
}

/** Like api(), but hands back the status and body instead of throwing (for answers with details, like 422). */
export async function apiRequest<T>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const res = await fetch(path, {
    method,
    headers: { accept: "application/json", "content-type": "application/json", "x-csrf-token": csrfToken },
    body: method === "GET" ? undefined : JSON.stringify(body ?? {}),
    credentials: "same-origin",
  });
  return { status: res.status, json: (await res.json().catch(() => null)) as T };
}
