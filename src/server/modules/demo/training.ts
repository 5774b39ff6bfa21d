import type { Ctx } from "../../context";
import { seedTrainingApprenticeships } from "./training-apprenticeships";
import { seedTrainingBookings } from "./training-bookings";
import { seedTrainingCatalogue } from "./training-catalogue";
import { seedTrainingCohorts } from "./training-cohorts";
import { seedTrainingDelivery } from "./training-delivery";
import type { TrainingDemoOptions } from "./training-types";

/**
 * Shared training's demo (issue 18): a catalogue of about 60 courses from the council and two
 * training partners with a year of sessions (demo/training-catalogue.ts), bookings on them
 * (training-bookings.ts), attendance, outcomes and certificates for the past ones
 * (training-delivery.ts), apprenticeship starts and a levy pledge (training-apprenticeships.ts),
 * and two cohorts of the pre-employment course with their interviews and starts (training-cohorts.ts).
 */
export async function seedSharedTraining(ctx: Ctx, opts: TrainingDemoOptions) {
  const catalogue = await seedTrainingCatalogue(ctx, opts);
  const bookings = await seedTrainingBookings(ctx, opts, catalogue);
  await seedTrainingDelivery(ctx, opts, catalogue, bookings);
  await seedTrainingApprenticeships(ctx, opts);
  await seedTrainingCohorts(ctx, opts, catalogue);
}
