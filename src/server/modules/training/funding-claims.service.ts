import { addMonths } from "../../../shared/apprenticeship-rules";
import { CLAIM_PART_LABELS, type ClaimPart, ldssClaim } from "../../../shared/ldss";
import type { FundingClaimsQuery, MarkClaimsInput } from "../../../shared/schemas/training-apprenticeships";
import type { LdssKind } from "../../../shared/training";
import { inTransaction, type OrgCtx } from "../../context";
import { badRequest } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAuditBatch } from "../audit/audit.service";
import * as repo from "./funding-claims.repo";

// LDSS funding claims (issue 18 item 7): an employer's places on courses the scheme funds, each
// put through the one claim rule (shared/ldss.ts), by course then learner, with totals claimable
// now and claimed already; parts marked as claimed; and the same rows for the claim's export.

const londonDay = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(d);

export function claimWindow(ctx: OrgCtx, q: FundingClaimsQuery) {
  const to = q.to ?? isoDate(ctx.deps.now());
  // Twelve months back by default: a 60% part's window opens at the start, so older starts have none left.
  return { from: q.from ?? addMonths(to, -12), to };
}

async function evaluate(ctx: OrgCtx, from: string, to: string, bookingIds?: readonly string[]) {
  const rows = await repo.listClaimableBookings(ctx.db, ctx.org.id, from, to, bookingIds);
  const claims = await repo.listClaims(
    ctx.db,
    ctx.org.id,
    rows.map((r) => r.bookingId),
  );
  const today = londonDay(ctx.deps.now());
  return rows.map((r) => {
    const claimed = claims.filter((c) => c.bookingId === r.bookingId).map((c) => c.part as ClaimPart);
    const startedOn = londonDay(r.startsAt);
    const completedOn = r.outcome && r.outcomeAt ? londonDay(r.outcomeAt) : null;
    const result = ldssClaim({
      course: { funding: r.funding, ldssKind: r.ldssKind, ldssPence: r.ldssPence },
      jobRole: r.jobRole,
      startedOn,
      outcome: r.outcome,
      completedOn,
      repeat: Boolean(r.repeat),
      leftOn: r.leftOn,
      claimed,
      today,
    });
    return { row: r, startedOn, completedOn, result };
  });
}

export type EvaluatedClaim = Awaited<ReturnType<typeof evaluate>>[number];

export async function listFundingClaims(ctx: OrgCtx, q: FundingClaimsQuery) {
  const { from, to } = claimWindow(ctx, q);
  const evaluated = await evaluate(ctx, from, to);
  const courses = new Map<
    string,
    { courseId: string; title: string; ldssKind: LdssKind | null; ldssPence: number | null; learners: EvaluatedClaim[] }
  >();
  for (const e of evaluated) {
    const c = courses.get(e.row.courseId) ?? {
      courseId: e.row.courseId,
      title: e.row.title,
      ldssKind: (e.row.ldssKind as LdssKind | null) ?? null,
      ldssPence: e.row.ldssPence,
      learners: [],
    };
    c.learners.push(e);
    courses.set(e.row.courseId, c);
  }
  return { from, to, courses: [...courses.values()] };
}

/** The rows of the claim export: one per part that is claimable now or already claimed. */
export async function fundingClaimRows(ctx: OrgCtx, q: FundingClaimsQuery) {
  const { from, to } = claimWindow(ctx, q);
  const header = ["Learner", "Course", "Scheme part", "Started", "Completed", "Amount (£)", "Claim by", "State"];
  const rows: (string | number | null)[][] = [];
  for (const e of await evaluate(ctx, from, to))
    for (const p of e.result.parts)
      if (p.state === "claimable" || p.state === "claimed")
        rows.push([
          e.row.name,
          e.row.title,
          CLAIM_PART_LABELS[p.part],
          e.startedOn,
          e.completedOn,
          (p.amountPence / 100).toFixed(2),
          p.deadline,
          p.state === "claimed" ? "Claimed" : "To claim",
        ]);
  return { from, to, header, rows };
}

/** Marks parts as claimed; a part the rule does not make claimable now is refused, naming it. */
export async function markClaims(ctx: OrgCtx, input: MarkClaimsInput) {
  const claimedOn = input.claimedOn ?? isoDate(ctx.deps.now());
  if (claimedOn > isoDate(ctx.deps.now()))
    throw badRequest("validation", "The day the claim was made cannot be in the future.", [
      { path: "claimedOn", message: "Enter today or an earlier day" },
    ]);
  return inTransaction(ctx, async (tx) => {
    const ids = [...new Set(input.claims.map((c) => c.bookingId))];
    // Any start day: a part may be marked whatever window the page showed.
    const evaluated = await evaluate(tx, "1900-01-01", "9999-12-31", ids);
    const byId = new Map(evaluated.map((e) => [e.row.bookingId, e]));
    const values = input.claims.map((c, i) => {
      const e = byId.get(c.bookingId);
      const part = e?.result.parts.find((p) => p.part === c.part);
      if (!e || !part)
        throw badRequest("validation", "One of the parts is not a claim of your organisation's.", [
          { path: `claims.${i}.bookingId`, message: "Choose claims from the list" },
        ]);
      if (part.state !== "claimable")
        throw badRequest(
          "validation",
          `${CLAIM_PART_LABELS[c.part]} for ${e.row.name} on ${e.row.title} cannot be marked: ${part.state === "claimed" ? "it is already claimed" : part.note.toLowerCase() || part.state}.`,
          [{ path: `claims.${i}.part`, message: "Choose parts that are claimable now" }],
        );
      return { orgId: tx.org.id, bookingId: c.bookingId, part: c.part, amountPence: part.amountPence, claimedOn };
    });
    const rows = await repo.insertClaims(tx.db, values);
    await recordAuditBatch(
      tx,
      rows.map((r) => ({ orgId: tx.org.id, action: "create", entityType: "funding_claim", entityId: r.id, after: r })),
    );
    return rows.length;
  });
}
