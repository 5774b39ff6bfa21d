import type { MatrixResponse } from "../../../shared/schemas/training-delivery";
import type { TrainingOutcome } from "../../../shared/training";
import type { SessionRow } from "./attendance.repo";
import type { trainingMatrix } from "./matrix.service";

// What leaves the server about sessions, the people on them and the matrix. A trainer gets the
// employer's reference for each person, the employer's name and the booking: nothing else.

export function presentSession(r: SessionRow, now: Date) {
  return {
    id: r.session.id,
    courseId: r.session.courseId,
    courseTitle: r.courseTitle,
    category: r.category,
    startsAt: r.session.startsAt.toISOString(),
    endsAt: r.session.endsAt.toISOString(),
    venue: r.session.venue,
    trainerName: r.session.trainerName,
    status: r.session.status,
    started: now >= r.session.startsAt,
    booked: r.booked,
    waiting: r.waiting,
    cancelled: r.cancelled,
    marked: r.marked,
  };
}

export function presentPerson(p: {
  bookingId: string;
  name: string;
  employer: string;
  status: string;
  outcome: string | null;
}) {
  return {
    bookingId: p.bookingId,
    name: p.name,
    employer: p.employer,
    status: p.status,
    outcome: p.outcome as TrainingOutcome | null,
  };
}

export function presentMatrix(m: Awaited<ReturnType<typeof trainingMatrix>>): MatrixResponse {
  return {
    day: m.day,
    categories: m.categories,
    workplaces: m.workplaces,
    rows: m.rows.map((r) => ({
      staffId: r.staffId,
      name: r.name,
      workplace: r.workplace,
      role: r.role,
      roleLabel: r.roleLabel,
      cells: r.cells.map((c) => ({ category: c.category, state: c.state, expiresOn: c.expiresOn })),
    })),
    counts: m.counts,
    suggestions: m.suggestions.map((s) => ({ ...s, startsAt: s.startsAt.toISOString() })),
  };
}
