import type { Ctx } from "../../context";
import type { CommissioningDemoOptions } from "./commissioning-types";

// Fee rates and a tender against the price floor (issue 19). To be filled in.

export async function seedCommissioningPrice(_ctx: Ctx, _opts: CommissioningDemoOptions) {}
