import type { OrgCtx } from "../../context";
import { AppError } from "../../lib/errors";
import { boardReportData } from "../strategy/board.service";
import { planFromStrategy } from "./from-strategy";
import type { BoardReportPlan } from "./types";

// Where the report reads the plan at a quarter: the strategy module's boardReportData, mapped to
// what the report shows. A council with no strategy in the hub has none, and the report then asks
// for each part of it to be completed.

export async function planAtQuarter(ctx: OrgCtx, quarter: string): Promise<BoardReportPlan | null> {
  try {
    return planFromStrategy(await boardReportData(ctx, quarter));
  } catch (e) {
    if (e instanceof AppError && e.status === 404) return null;
    throw e;
  }
}
