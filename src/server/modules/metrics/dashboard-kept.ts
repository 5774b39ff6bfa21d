import { can } from "../../../shared/permissions";
import type { OrgCtx } from "../../context";
import { isoDate } from "../../lib/time";
import { ttlCache } from "../../lib/ttl-cache";
import { commissioningAttention } from "./commissioning-attention";
import { councilDashboard } from "./dashboard.service";
import { councilFiguresVersion } from "./figures-version.repo";

// A council's dashboard is the same for all its people while nothing it rests on changes, so it is
// kept (ten minutes at most, 200 of them): a room of people opening it costs one computation, and
// the next change to anything it rests on (councilFiguresVersion) makes the next reader compute it
// afresh. The figure summaries (ADR 0009) make that computation cheap; this makes reading free.
const kept = ttlCache<Awaited<ReturnType<typeof councilDashboard>>>(10 * 60_000, 200);

export async function keptCouncilDashboard(ctx: OrgCtx, at: string, provider?: string) {
  const version = await councilFiguresVersion(ctx.db, ctx.org.id);
  // Today is part of the key: a return becomes late when its due date passes, with no write.
  const today = isoDate(ctx.deps.now());
  const dashboard = await kept(`${ctx.org.id}|${at}|${provider ?? ""}|${version}|${today}`, () =>
    councilDashboard(ctx, at, provider),
  );
  // Commissioning's items (issue 19) change with no figure: read afresh, for those who may see them.
  if (provider || !can(ctx.role, "commissioning.view", ctx.actor.isHubAdmin)) return dashboard;
  return {
    ...dashboard,
    attention: [...dashboard.attention, ...(await commissioningAttention(ctx.db, ctx.org.id, today))],
  };
}
