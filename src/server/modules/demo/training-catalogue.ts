import type { Ctx } from "../../context";
import type { CatalogueSeeded, TrainingDemoOptions } from "./training-types";

export async function seedTrainingCatalogue(_ctx: Ctx, _opts: TrainingDemoOptions): Promise<CatalogueSeeded> {
  return { courseIds: [], sessionIds: [] };
}
