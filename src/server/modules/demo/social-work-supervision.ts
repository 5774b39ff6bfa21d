import type { Ctx } from "../../context";
import type { SwDemoBase } from "./social-work-types";

/** The social work demo's the supervision standards, three years of supervisions and monthly caseloads (items 4, 5). */
export async function seedSwSupervision(_ctx: Ctx, _base: SwDemoBase): Promise<void> {}
