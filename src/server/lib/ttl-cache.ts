/**
 * Keeps the answer to a public question (the careers roadmap for a council) for a short time, so a
 * crowd reading the same public page costs one computation, not one each. Callers that arrive
 * while it is being computed share that computation. Only for answers that are the same for
 * everyone who asks and may be a little out of date; never for anything signed in.
 */
export function ttlCache<T>(ttlMs: number, maxEntries = 100) {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return (key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> => {
    const hit = entries.get(key);
    if (hit && now - hit.at < ttlMs) return hit.value;
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
    const value = compute();
    entries.set(key, { at: now, value });
    // A failure is not kept: the next caller tries again.
    value.catch(() => entries.delete(key));
    return value;
  };
}
