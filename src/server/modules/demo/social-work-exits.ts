import type { Ctx } from "../../context";
import type { SwDemoBase } from "./social-work-types";

/** The social work demo's exit interviews offered to leavers, most answered (item 9). */
export async function seedSwExitInterviews(_ctx: Ctx, _base: SwDemoBase): Promise<void> {}
