// Shared training demo types: what each part needs and gives the next (demo/training.ts).

/** What each part of the training demo needs from the demo system. */
export type TrainingDemoOptions = {
  councilId: string;
  /** The demo's organisations by key: council, p0…p39, college, nhs. */
  orgIds: Map<string, string>;
  anchor: string;
  password: string;
  credentials: { email: string; password: string; role: string }[];
};

/** The catalogue's demo: courses and a year of sessions (issue 18 items 1, 2 and 10). */
export type CatalogueSeeded = {
  courseIds: string[];
  sessionIds: string[];
  /** (Optional so older literals still type-check.) "Introduction to care: pre-employment course with a guaranteed interview" (audience pre_employment, with Riverside College). */
  preEmploymentCourseId?: string;
  /** The training partners offering courses: Riverside College and Mersey Skills Academy (made by the catalogue's demo). */
  partnerIds?: { college: string; mersey: string };
};

/** Bookings' demo: staff booked on the catalogue's sessions, past and to come (issue 18 items 3 and 10). */
export type BookingsSeeded = { bookingIds: string[] };
