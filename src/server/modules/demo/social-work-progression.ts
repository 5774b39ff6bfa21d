import type { Ctx } from "../../context";
import type { SwDemoBase } from "./social-work-types";

/** The social work demo's the progression scheme, cases before panels and decided, and annual development reviews (item 6). */
export async function seedSwProgression(_ctx: Ctx, _base: SwDemoBase): Promise<void> {}
