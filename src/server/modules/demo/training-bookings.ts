import type { Ctx } from "../../context";
import type { BookingsSeeded, CatalogueSeeded, TrainingDemoOptions } from "./training-types";

export async function seedTrainingBookings(
  _ctx: Ctx,
  _opts: TrainingDemoOptions,
  _catalogue: CatalogueSeeded,
): Promise<BookingsSeeded> {
  return { bookingIds: [] };
}
