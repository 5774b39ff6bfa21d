import { and, asc, eq, gte, isNotNull, lte } from "drizzle-orm";
import type { ExitReason } from "../../../shared/social-work";
import { addDaysTo } from "../../../shared/sw-asye";
import type { Ctx } from "../../context";
import { bulkInsert } from "../../db/bulk";
import { commissioning, exitInterviews, staffRecords } from "../../db/schema";
import { newToken, sha256 } from "../../lib/crypto";
import { Random } from "./random";
import type { SwDemoBase } from "./social-work-types";

// The demo's exit interviews (issue 20 item 9; voice-wellbeing.md §2): offered a few days after
// leaving (the link lasting 60 days) to about 80% of the social work leavers of the last two
// years; about 60% of offers answered (reasons weighted to caseload, workload, pay, agency work,
// progression and management), some declined, the rest expired, a few still open at the anchor.
// The leavers of the last days before the anchor are not offered yet (the page's "Offer" button).
// Also the leavers of the last year at three of the providers the council commissions, about 70%
// answered, so the council's view over its providers together has data (it needs 3 providers).

const EXIT_LINK_DAYS = 60;

const SW_REASONS: (readonly [ExitReason, number])[] = [
  ["caseload", 0.2],
  ["workload", 0.18],
  ["pay", 0.14],
  ["agency_work", 0.12],
  ["progression", 0.1],
  ["management", 0.08],
  ["supervision", 0.05],
  ["wellbeing", 0.05],
  ["hours_flexibility", 0.04],
  ["travel", 0.02],
  ["personal", 0.02],
];
const CARE_REASONS: (readonly [ExitReason, number])[] = [
  ["pay", 0.26],
  ["hours_flexibility", 0.14],
  ["workload", 0.12],
  ["wellbeing", 0.1],
  ["management", 0.09],
  ["travel", 0.08],
  ["progression", 0.07],
  ["personal", 0.08],
  ["culture", 0.03],
  ["retirement", 0.03],
];
const SW_COMMENTS = [
  "The team was supportive but the caseload never came down to what was promised.",
  "I was offered more as an agency worker for the same job.",
  "Good supervision; I would come back for a senior post.",
  "Too many cases transferred in at once after the restructure.",
  "There was no route to senior without waiting for a panel that kept moving.",
];
const CARE_COMMENTS = [
  "I loved the residents but the hours did not fit with childcare.",
  "A supermarket pays more for less responsibility.",
  "My manager was great; the rota changes were not.",
];

const ANSWERS = ["yes", "maybe", "no"] as const;

/** Distinct reasons drawn by weight, the first the main one. */
function reasonsFrom(rnd: Random, weights: (readonly [ExitReason, number])[]) {
  const n = rnd.weighted([
    [1, 0.3],
    [2, 0.4],
    [3, 0.3],
  ] as const);
  const out: ExitReason[] = [];
  let left = [...weights];
  for (let k = 0; k < n && left.length; k++) {
    const r = rnd.weighted(left);
    out.push(r);
    left = left.filter(([x]) => x !== r);
  }
  return out;
}

type Row = typeof exitInterviews.$inferInsert;

/** One leaver's interview as it stands at the anchor, or null when not offered (yet). */
function interviewFor(
  rnd: Random,
  x: { orgId: string; staffRecordId: string; endDate: string },
  anchor: string,
  shares: { offer: number; answer: number; decline: number },
  reasons: (readonly [ExitReason, number])[],
  comments: string[],
): Row | null {
  const offeredOn = addDaysTo(x.endDate, rnd.int(2, 10));
  const offer = rnd.chance(shares.offer);
  const outcome = rnd.weighted([
    ["answer", shares.answer],
    ["decline", shares.decline],
    ["none", 1 - shares.answer - shares.decline],
  ] as const);
  const after = rnd.int(1, 30);
  const chosen = reasonsFrom(rnd, reasons);
  const wouldReturn = rnd.weighted([
    [ANSWERS[0], 0.3],
    [ANSWERS[1], 0.4],
    [ANSWERS[2], 0.3],
  ] as const);
  const wouldRecommend = rnd.weighted([
    [ANSWERS[0], 0.45],
    [ANSWERS[1], 0.35],
    [ANSWERS[2], 0.2],
  ] as const);
  const share = rnd.chance(0.25);
  const comment = rnd.pick(comments);
  if (!offer || offeredOn > anchor) return null;
  const expiresOn = addDaysTo(offeredOn, EXIT_LINK_DAYS);
  const closedOn = addDaysTo(offeredOn, after);
  const closed = outcome !== "none" && closedOn <= anchor;
  const open = !closed && expiresOn >= anchor;
  const row: Row = {
    id: crypto.randomUUID(),
    orgId: x.orgId,
    staffRecordId: x.staffRecordId,
    // A live link needs its hash; one answered, declined or expired no longer does.
    tokenHash: open ? sha256(newToken()) : null,
    offeredOn,
    expiresOn,
    completedOn: null,
    declinedOn: null,
    reasons: [],
    mainReason: null,
    wouldReturn: null,
    wouldRecommend: null,
    comments: "",
    shareWithEmployer: false,
  };
  if (closed && outcome === "decline") row.declinedOn = closedOn;
  if (closed && outcome === "answer")
    Object.assign(row, {
      completedOn: closedOn,
      reasons: chosen,
      mainReason: chosen[0],
      wouldReturn,
      wouldRecommend,
      comments: share ? comment : "",
      shareWithEmployer: share,
    });
  return row;
}

export async function seedSwExitInterviews(ctx: Ctx, base: SwDemoBase): Promise<void> {
  const rnd = new Random(20_2609);
  const anchor = base.anchor;
  const since = addDaysTo(anchor, -730);
  const rows: Row[] = [];

  // The council's social work leavers of the last two years.
  const leavers = base.workers
    .filter((w) => w.endDate !== null && w.endDate >= since && w.endDate <= anchor)
    .sort(
      (a, b) =>
        (a.endDate as string).localeCompare(b.endDate as string) || a.staffRecordId.localeCompare(b.staffRecordId),
    );
  for (const w of leavers) {
    const row = interviewFor(
      rnd,
      { orgId: base.councilId, staffRecordId: w.staffRecordId, endDate: w.endDate as string },
      anchor,
      { offer: 0.8, answer: 0.6, decline: 0.12 },
      SW_REASONS,
      SW_COMMENTS,
    );
    if (row) rows.push(row);
  }

  // Three of the providers the council commissions: their leavers of the last year.
  const providers = await ctx.db
    .selectDistinct({ id: commissioning.providerId })
    .from(commissioning)
    .where(eq(commissioning.councilId, base.councilId))
    .orderBy(asc(commissioning.providerId))
    .limit(3);
  for (const p of providers) {
    const left = await ctx.db
      .select({ id: staffRecords.id, endDate: staffRecords.endDate })
      .from(staffRecords)
      .where(
        and(
          eq(staffRecords.orgId, p.id),
          isNotNull(staffRecords.endDate),
          gte(staffRecords.endDate, addDaysTo(anchor, -365)),
          lte(staffRecords.endDate, anchor),
        ),
      )
      .orderBy(asc(staffRecords.endDate), asc(staffRecords.id));
    for (const l of left) {
      const row = interviewFor(
        rnd,
        { orgId: p.id, staffRecordId: l.id, endDate: l.endDate as string },
        anchor,
        { offer: 0.85, answer: 0.82, decline: 0.06 },
        CARE_REASONS,
        CARE_COMMENTS,
      );
      if (row) rows.push(row);
    }
  }
  await bulkInsert(ctx.db, exitInterviews, rows);
}
