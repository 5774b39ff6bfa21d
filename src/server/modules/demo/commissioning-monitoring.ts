import type { Ctx } from "../../context";
import type { CommissioningDemoOptions, ContractsSeeded } from "./commissioning-types";

// Providers' confirmed contract-monitoring returns (issue 19). To be filled in.

export async function seedCommissioningMonitoring(
  _ctx: Ctx,
  _opts: CommissioningDemoOptions,
  _contracts: ContractsSeeded,
) {}
