// The hub's events calendar in the order people look for: what is coming up, soonest first, and
// what has happened, newest first, kept apart (the same line as the public list: an event is
// upcoming until it ends, or until it starts when it has no end time).

type CalendarEvent = { startsAt: string; endsAt: string | null };

const lastMoment = (e: CalendarEvent) => Date.parse(e.endsAt ?? e.startsAt);

export function splitEvents<E extends CalendarEvent>(events: readonly E[], now: Date) {
  const byStart = (a: E, b: E) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
  const upcoming = events.filter((e) => lastMoment(e) >= now.getTime()).sort(byStart);
  const past = events.filter((e) => lastMoment(e) < now.getTime()).sort((a, b) => byStart(b, a));
  return { upcoming, past };
}
