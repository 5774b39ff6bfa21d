import type { Ctx } from "../../context";
import type { CommissioningDemoOptions, ContractsSeeded } from "./commissioning-types";

// Two quarters of compliance, a few providers failing, one challenge (issue 19). To be filled in.

export async function seedCommissioningCompliance(
  _ctx: Ctx,
  _opts: CommissioningDemoOptions,
  _contracts: ContractsSeeded,
) {}
