import type { Ctx } from "../../context";
import { seedCommissioningCompliance } from "./commissioning-compliance";
import { seedCommissioningContracts } from "./commissioning-contracts";
import { seedCommissioningMonitoring } from "./commissioning-monitoring";
import { seedCommissioningPrice } from "./commissioning-price";
import { seedCommissioningQpp } from "./commissioning-qpp";
import type { CommissioningDemoOptions } from "./commissioning-types";

/**
 * Commissioning's demo (issue 19): the council's standards library and its contracts for home
 * care, care homes and supported living (commissioning-contracts.ts), providers' confirmed
 * contract-monitoring returns (commissioning-monitoring.ts), two quarters of compliance with a
 * few providers failing and one challenge (commissioning-compliance.ts), a Quality Premium scheme
 * with a computed schedule (commissioning-qpp.ts), and fee rates and a tender against the price
 * floor (commissioning-price.ts).
 */
export async function seedCommissioning(ctx: Ctx, opts: CommissioningDemoOptions) {
  const contracts = await seedCommissioningContracts(ctx, opts);
  await seedCommissioningMonitoring(ctx, opts, contracts);
  await seedCommissioningCompliance(ctx, opts, contracts);
  await seedCommissioningQpp(ctx, opts, contracts);
  await seedCommissioningPrice(ctx, opts);
}
