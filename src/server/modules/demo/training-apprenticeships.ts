import type { Ctx } from "../../context";
import type { TrainingDemoOptions } from "./training-types";

/** Apprenticeships' demo: starts, completions and a levy pledge with requests (issue 18 items 6, 7 and 10). */
export async function seedTrainingApprenticeships(_ctx: Ctx, _opts: TrainingDemoOptions) {}
