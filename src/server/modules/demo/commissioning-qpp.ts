import type { Ctx } from "../../context";
import type { CommissioningDemoOptions, ContractsSeeded } from "./commissioning-types";

// A Quality Premium scheme with a computed schedule (issue 19). To be filled in.

export async function seedCommissioningQpp(_ctx: Ctx, _opts: CommissioningDemoOptions, _contracts: ContractsSeeded) {}
