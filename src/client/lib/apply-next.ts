// The job someone was applying for when they made an account. Confirming the email opens a new
// tab from the email, where the sign-up page's ?next= is gone; without this they land on their
// profile with no way back to the job but searching the board again. Kept in this browser only.

const KEY = "hub.candidate.applyNext";

/** An apply page's address ("/jobs/<id>/apply", with its ?source=), or null for anything else. */
export function applyPathOf(next: string | null | undefined): string | null {
  if (!next) return null;
  return /^\/jobs\/[0-9a-f-]{36}\/apply(\?source=[\w%.-]{1,120})?$/i.test(next) ? next : null;
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage refused (private browsing settings): the link is a convenience
  }
}

export function rememberJobToApply(next: string | null | undefined): void {
  const path = applyPathOf(next);
  if (path) storage()?.setItem(KEY, path);
}

export function jobToApply(): string | null {
  return applyPathOf(storage()?.getItem(KEY));
}

export function forgetJobToApply(): void {
  storage()?.removeItem(KEY);
}
