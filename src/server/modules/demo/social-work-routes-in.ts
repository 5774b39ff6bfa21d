import type { Ctx } from "../../context";
import type { SwDemoBase } from "./social-work-types";

/** The social work demo's students on placement with practice educators and their payments, apprentices, sponsored master's students and fast-track trainees, past cohorts linked to the workers they became (issue 20 item 2, 7). */
export async function seedSwRoutesIn(_ctx: Ctx, _base: SwDemoBase): Promise<void> {}
