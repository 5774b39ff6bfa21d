import type { Ctx } from "../../context";
import type { BookingsSeeded, CatalogueSeeded, TrainingDemoOptions } from "./training-types";

/** Delivery's demo: attendance and outcomes of past sessions, training records and certificates (issue 18 item 4). */
export async function seedTrainingDelivery(
  _ctx: Ctx,
  _opts: TrainingDemoOptions,
  _catalogue: CatalogueSeeded,
  _bookings: BookingsSeeded,
) {}
