import { useEffect, useState } from "react";

// A success message for the next page (GOV.UK: say what was done on the page people land on after
// a form). One message at a time, for one address; shown once, then gone.

let pending: { path: string; message: string } | null = null;

/** Keep `message` for the page at `path` (its pathname), to show after navigating there. */
export function setFlash(path: string, message: string): void {
  pending = { path, message };
}

/** The message kept for this page, if any; it is shown once (read when the page mounts). */
export function useFlash(path: string): string | null {
  const [message] = useState(() => (pending && pending.path === path ? pending.message : null));
  useEffect(() => {
    if (pending && pending.path === path) pending = null;
  }, [path]);
  return message;
}
