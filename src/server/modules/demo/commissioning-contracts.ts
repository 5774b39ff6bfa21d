import type { Ctx } from "../../context";
import type { CommissioningDemoOptions, ContractsSeeded } from "./commissioning-types";

// The council's standards library and its contracts (issue 19). To be filled in.

export async function seedCommissioningContracts(_ctx: Ctx, _opts: CommissioningDemoOptions): Promise<ContractsSeeded> {
  return { standardIds: {}, contractIds: [] };
}
