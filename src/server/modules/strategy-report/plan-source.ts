import type { OrgCtx } from "../../context";
import type { BoardReportPlan } from "./types";

// Where the report reads the plan at a quarter: the strategy module's boardReportData, mapped to
// what the report shows. Until the council has a strategy in the hub there is none, and the
// report asks for each part of it to be completed.

export async function planAtQuarter(_ctx: OrgCtx, _quarter: string): Promise<BoardReportPlan | null> {
  return null;
}
