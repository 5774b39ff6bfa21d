import { todayIso } from "../../../shared/dates";
import type { AsyeQualityMeasures, AsyeQualityResponse } from "../../../shared/schemas/social-work-asye";
import { SW_SERVICES, type SwService } from "../../../shared/social-work";
import {
  type AsyeTimeline,
  caseloadWithinProtection,
  grantRows,
  isOpenAsye,
  nqswRetention,
  passRate,
  reviewsOnTime,
} from "../../../shared/sw-asye";
import type { OrgCtx } from "../../context";
import { visibleTeamIds } from "./access";
import * as repo from "./asye.repo";
import { caseloadSettings, defaultTargets } from "./asye.service";

// The ASYE programme's quality view (issue 20 item 3), for the service lead (socialwork.manage):
// reviews held on time, caseloads within protection, the pass rate, NQSW retention at 12 and 24
// months, and the grant's data per service and financial year. Computed by shared/sw-asye.ts's
// rules from every ASYE the council has recorded. Counts are shown as they are, small ones too:
// the lead may see each worker's records, so there is nothing to disclose by suppressing them
// (the social work figures for council staff without socialwork.view are part K's, with
// disclosure control).

export async function asyeQuality(ctx: OrgCtx): Promise<AsyeQualityResponse> {
  const today = todayIso(ctx.deps.now());
  const rows = await repo.listAsyes(ctx.db, ctx.org.id, await visibleTeamIds(ctx), false);
  const ids = rows.map((r) => r.a.id);
  const reviews = await repo.listReviews(ctx.db, ctx.org.id, ids);
  const months = await repo.caseloadMonths(
    ctx.db,
    ctx.org.id,
    rows.map((r) => r.a.staffRecordId),
  );
  const targets = defaultTargets(await caseloadSettings(ctx.db, ctx.org.id));
  const items = rows.map((r) => ({
    service: r.a.service as SwService,
    startDate: r.a.startDate,
    extendedTo: r.a.extendedTo,
    status: r.a.status,
    outcomeOn: r.a.outcomeOn,
    grantClaimedOn: r.a.grantClaimedOn,
    leftOn: r.leftOn,
    reviews: reviews.filter((x) => x.asyeId === r.a.id),
    target: r.a.protectedCaseloadTarget ?? targets[r.a.service as SwService],
    months: months.filter((m) => m.staffRecordId === r.a.staffRecordId),
  }));
  const measures = (list: typeof items): AsyeQualityMeasures => ({
    current: list.filter((a) => isOpenAsye(a.status)).length,
    reviewsOnTime: reviewsOnTime(list as AsyeTimeline[], today),
    caseloadWithinProtection: caseloadWithinProtection(list, today),
    passRate: passRate(list),
    retention12: nqswRetention(list, 12, today),
    retention24: nqswRetention(list, 24, today),
  });
  const of = (service: SwService) => measures(items.filter((a) => a.service === service));
  return {
    at: today,
    all: measures(items),
    byService: Object.fromEntries(SW_SERVICES.map((s) => [s, of(s)])) as Record<SwService, AsyeQualityMeasures>,
    grant: grantRows(items).map((g) => ({ ...g, service: g.service as SwService })),
  };
}
