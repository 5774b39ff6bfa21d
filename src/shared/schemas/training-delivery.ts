import { z } from "zod";
import { MATRIX_STATES, TRAINING_OUTCOMES } from "../training";
import { day, timestamp } from "./common";

// Shared training's delivery (issue 18 items 4 and 5): a trainer's sessions and the people booked
// on them, attendance and outcomes, certificates, and the training matrix.

const outcomeValue = z.enum(TRAINING_OUTCOMES);
const stateValue = z.enum(MATRIX_STATES);

export const deliverySessionView = z.object({
  id: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  category: z.number(),
  startsAt: timestamp,
  endsAt: timestamp,
  venue: z.string(),
  trainerName: z.string(),
  status: z.string(),
  /** Whether the session has started (outcomes can be marked). */
  started: z.boolean(),
  booked: z.number(),
  waiting: z.number(),
  cancelled: z.number(),
  /** Of the people booked, how many have an outcome. */
  marked: z.number(),
});
export type DeliverySessionView = z.infer<typeof deliverySessionView>;
export const deliverySessionsResponse = z.object({ sessions: z.array(deliverySessionView) });
export type DeliverySessionsResponse = z.infer<typeof deliverySessionsResponse>;

/** A person booked on a session as its trainer sees them: the employer's reference for them, the employer, the booking. */
export const deliveryPersonView = z.object({
  bookingId: z.string(),
  name: z.string(),
  employer: z.string(),
  status: z.string(),
  outcome: outcomeValue.nullable(),
});
export type DeliveryPersonView = z.infer<typeof deliveryPersonView>;
export const deliverySessionResponse = z.object({
  session: deliverySessionView,
  people: z.array(deliveryPersonView),
});
export type DeliverySessionResponse = z.infer<typeof deliverySessionResponse>;

export const outcomesInput = z.object({
  outcomes: z
    .array(
      z.object({
        bookingId: z.uuid({ error: "bookingId must be the id of a booking on this session" }),
        outcome: z.enum(TRAINING_OUTCOMES, {
          error: "outcome must be completed, not_yet_competent or did_not_attend",
        }),
      }),
      { error: "outcomes must be a list of { bookingId, outcome }" },
    )
    .min(1, { error: "Choose an outcome for at least one person" })
    .max(500, { error: "Send at most 500 outcomes at once" }),
});
export type OutcomesInput = z.infer<typeof outcomesInput>;

/** What anyone checking a certificate's code is told: nothing beyond what the certificate itself says. */
export const certificateCheckResponse = z.object({
  valid: z.literal(true),
  code: z.string(),
  learner: z.string(),
  course: z.string(),
  completedOn: day,
  hours: z.number(),
  deliveredBy: z.string(),
});
export type CertificateCheckResponse = z.infer<typeof certificateCheckResponse>;

/** A certificate code as people type it: letters and digits, spaces and dashes ignored. */
export const CERTIFICATE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const CERTIFICATE_CODE_LENGTH = 12;
export const normaliseCertificateCode = (raw: string) => raw.toUpperCase().replace(/[\s-]/g, "");

export const matrixQuery = z.object({
  workplaceId: z.uuid({ error: "workplaceId must be the id of one of your workplaces" }).optional(),
  role: z.coerce
    .number({ error: "role must be an ASC-WDS main job role code, such as 8" })
    .int({ error: "role must be an ASC-WDS main job role code, such as 8" })
    .min(1, { error: "role must be an ASC-WDS main job role code, such as 8" })
    .max(999, { error: "role must be an ASC-WDS main job role code, such as 8" })
    .optional(),
  state: z.enum(MATRIX_STATES, { error: "state must be valid, expiring, expired or missing" }).optional(),
});
export type MatrixQuery = z.infer<typeof matrixQuery>;

export const matrixCellView = z.object({
  category: z.number(),
  /** null when the person's role does not need this category. */
  state: stateValue.nullable(),
  expiresOn: day.nullable(),
});
export const matrixRowView = z.object({
  staffId: z.string(),
  name: z.string(),
  workplace: z.string(),
  role: z.number(),
  roleLabel: z.string(),
  cells: z.array(matrixCellView),
});
export type MatrixRowView = z.infer<typeof matrixRowView>;
export const suggestedSessionView = z.object({
  category: z.number(),
  sessionId: z.string(),
  courseTitle: z.string(),
  startsAt: timestamp,
  venue: z.string(),
  freePlaces: z.number(),
});
export type SuggestedSessionView = z.infer<typeof suggestedSessionView>;
export const matrixResponse = z.object({
  day,
  categories: z.array(z.object({ category: z.number(), label: z.string() })),
  workplaces: z.array(z.object({ id: z.string(), name: z.string() })),
  rows: z.array(matrixRowView),
  counts: z.object({ valid: z.number(), expiring: z.number(), expired: z.number(), missing: z.number() }),
  suggestions: z.array(suggestedSessionView),
});
export type MatrixResponse = z.infer<typeof matrixResponse>;

/** The council's view: counts per category across its providers, withheld when too few are behind them. */
export const matrixSummaryResponse = z.object({
  day,
  categories: z.array(
    z.object({
      category: z.number(),
      label: z.string(),
      valid: z.number().nullable(),
      expiring: z.number().nullable(),
      expired: z.number().nullable(),
      missing: z.number().nullable(),
      /** not_enough_data: the whole category withheld; suppressed: some counts of one to four people withheld. */
      reason: z.enum(["not_enough_data", "suppressed"]).optional(),
    }),
  ),
});
export type MatrixSummaryResponse = z.infer<typeof matrixSummaryResponse>;
