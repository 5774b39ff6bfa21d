import { ASYE_STAGES, SW_ROLES, type SwRoleInfo } from "../../../shared/social-work";
import { addDaysTo, asyeDueDates } from "../../../shared/sw-asye";
import { inPostOn } from "../../../shared/sw-in-post";
import type { Ctx } from "../../context";
import { bulkInsert } from "../../db/bulk";
import { swAsye, swAsyeReviews } from "../../db/schema";
import { Random } from "./random";
import type { SwDemoBase, SwDemoWorker } from "./social-work-types";

// The demo's ASYE programme (issue 20 item 3): an ASYE for every worker who started newly
// qualified, with an assessor of the same service (a practice educator or a senior), a protected
// caseload of 12–14 open cases in children's and 14–16 in adults', the 3, 6 and 9-month reviews
// and the final held as they fell due (mostly on time, about one in ten late), passed at 12 months,
// withdrawn when the worker left before it, one extended to ten days after the anchor (a review
// due soon), and the grant claimed for most. The demo's social worker (social.worker@, in the
// Assessment Team, started 20 August 2026) has no 3-month review yet: it fell due on 20 November
// and is overdue at the anchor, for the browser test to record.

const EVIDENCE = [
  "Direct observation of a home visit; critical reflection log reviewed with the assessor.",
  "Feedback from a family and a partner agency; learning plan updated.",
  "Case file audit of two assessments; reflective supervision notes seen.",
  "Observed a strategy discussion; portfolio evidence against the PCF discussed.",
];

export async function seedSwAsye(ctx: Ctx, base: SwDemoBase): Promise<void> {
  const rnd = new Random(20_2603);
  const anchor = base.anchor;
  const info = (w: SwDemoWorker) => (SW_ROLES as Record<string, SwRoleInfo>)[w.role];
  const nqsws = base.workers
    .filter((w) => w.startedAsNqsw && w.startDate <= anchor)
    .sort((x, y) => x.startDate.localeCompare(y.startDate) || x.staffRecordId.localeCompare(y.staffRecordId));
  const assessorPool = base.workers.filter(
    (w) =>
      info(w).socialWorker &&
      !w.startedAsNqsw &&
      (w.peStage !== null || ["senior_social_worker", "advanced_practitioner", "team_manager"].includes(w.role)),
  );
  // The one extended: the latest whose year ended in the two months before the anchor, still in post.
  const extendedId = nqsws
    .filter((w) => {
      const end = asyeDueDates(w.startDate).final;
      return w.endDate === null && end < anchor && end >= addDaysTo(anchor, -60);
    })
    .at(-1)?.staffRecordId;
  const sofia = base.workers.find((w) => w.userId === base.workerUserId);

  const asyes: (typeof swAsye.$inferInsert)[] = [];
  const reviews: (typeof swAsyeReviews.$inferInsert)[] = [];
  for (const w of nqsws) {
    const id = crypto.randomUUID();
    const due = asyeDueDates(w.startDate);
    const team = base.teams.find((t) => t.key === w.teamKey);
    const recordedBy = team?.managerUserId ?? base.leadUserId;
    const candidates = assessorPool.filter((p) => p.service === w.service && inPostOn(p, w.startDate));
    const assessor = candidates.length ? rnd.pick(candidates) : null;
    const target = w.service === "children" ? rnd.int(12, 14) : rnd.int(14, 16);
    const claimOn = addDaysTo(w.startDate, rnd.int(20, 60));
    const claimed = rnd.chance(0.88) && claimOn <= anchor;
    const planOn = addDaysTo(w.startDate, rnd.int(7, 28));
    const lastDay = w.endDate && w.endDate < anchor ? w.endDate : anchor;
    let status = "in_progress";
    let outcomeOn: string | null = null;
    let extendedTo: string | null = null;
    for (const stage of ASYE_STAGES) {
      const late = rnd.chance(0.1);
      const heldOn = addDaysTo(due[stage], late ? rnd.int(16, 40) : rnd.int(-10, 9));
      const progress = rnd.weighted([
        ["on_track", 0.8],
        ["some_concerns", 0.16],
        ["not_on_track", 0.04],
      ] as const);
      const evidence = rnd.pick(EVIDENCE);
      // Held only while the worker was there, by the anchor; the demo worker's 3-month review waits.
      if (heldOn > lastDay || heldOn < w.startDate) continue;
      if (w.staffRecordId === sofia?.staffRecordId && stage === "3_month") continue;
      if (stage !== "final") {
        reviews.push({
          id: crypto.randomUUID(),
          orgId: base.councilId,
          asyeId: id,
          stage,
          heldOn,
          progress,
          evidence,
          recordedBy,
        });
        continue;
      }
      if (w.staffRecordId === extendedId) {
        status = "extended";
        // Its final falls due ten days after the anchor: a review due soon, besides the overdue ones.
        extendedTo = addDaysTo(anchor, 10);
        reviews.push({
          id: crypto.randomUUID(),
          orgId: base.councilId,
          asyeId: id,
          stage,
          heldOn: due.final,
          progress: "extend",
          evidence: "Time off sick in the second half: more evidence of direct work is needed before the final.",
          recordedBy,
        });
        continue;
      }
      status = "passed";
      outcomeOn = heldOn;
      reviews.push({
        id: crypto.randomUUID(),
        orgId: base.councilId,
        asyeId: id,
        stage,
        heldOn,
        progress: "pass",
        evidence,
        recordedBy,
      });
    }
    if (status === "in_progress" && w.endDate && w.endDate < anchor) {
      status = "withdrawn";
      outcomeOn = w.endDate;
    }
    asyes.push({
      id,
      orgId: base.councilId,
      staffRecordId: w.staffRecordId,
      service: w.service,
      startDate: w.startDate,
      assessorStaffId: assessor?.staffRecordId ?? null,
      learningPlanAgreedOn: planOn <= anchor ? planOn : null,
      protectedCaseloadTarget: target,
      status,
      extendedTo,
      outcomeOn,
      grantClaimedOn: claimed ? claimOn : null,
    });
  }
  await bulkInsert(ctx.db, swAsye, asyes);
  await bulkInsert(ctx.db, swAsyeReviews, reviews);
}
