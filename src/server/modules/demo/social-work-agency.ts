import type { Ctx } from "../../context";
import type { SwDemoBase } from "./social-work-types";

/** The social work demo's agency assignments in the empty posts with spend rising from about £760k to £1.2m a year, the regional price caps (item 8). */
export async function seedSwAgency(_ctx: Ctx, _base: SwDemoBase): Promise<void> {}
