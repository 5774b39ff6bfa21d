import type { ChecksInput } from "../../../shared/schemas/recruitment";
import { inTransaction, type OrgCtx } from "../../context";
import { badRequest, conflict, notFound } from "../../lib/errors";
import { recordAudit } from "../audit/audit.service";
import { checklist, checksProblems } from "./checks-rules";
import * as repo from "./tracking.repo";
import { checksFor, checksOf } from "./tracking.service";

// Pre-employment checks (issue 17 item 6), per application at one employer (recruitment.checks:
// the employer's admins). Sensitive: DBS and right-to-work details never go to the log, the
// audit (which keeps only which items are complete) or any council route.
//
// Sharing: a candidate may consent to one employer's bundle being shown to another employer
// they have applied to; that employer then sees it (until the consent is withdrawn) and
// records which items it relied on.

async function ownApplication(ctx: OrgCtx, id: string) {
  const found = await repo.findApplication(ctx.db, ctx.org.id, id);
  if (!found) throw notFound("application");
  return found.application;
}

export async function getChecks(ctx: OrgCtx, applicationId: string) {
  const app = await ownApplication(ctx, applicationId);
  const c = await checksFor(ctx, app);
  const today = ctx.deps.now().toISOString().slice(0, 10);
  return {
    own: c.own,
    checklist: c.checklist,
    shared: c.shared.map((s) => ({ ...s, checklist: checklist(checksOf(s.checks), today) })),
  };
}

export async function saveChecks(ctx: OrgCtx, applicationId: string, input: ChecksInput) {
  return inTransaction(ctx, async (tx) => {
    const app = await ownApplication(tx, applicationId);
    const issues = checksProblems(input);
    if (issues.length) throw badRequest("validation", issues[0].message, issues);
    let sharedFromId: string | null = null;
    if (input.reliedOn.length) {
      const shared = app.candidateUserId ? await repo.sharedBundles(tx.db, tx.org.id, app.candidateUserId) : [];
      if (!shared.length)
        throw badRequest("validation", "No other employer's checks are shared with you for this candidate.", [
          { path: "reliedOn", message: "Nothing is shared to rely on" },
        ]);
      sharedFromId = shared[0].checks.id;
    }
    const before = await repo.findChecks(tx.db, tx.org.id, applicationId);
    const { reliedOn, ...fields } = input;
    const row = await repo.upsertChecks(tx.db, {
      ...fields,
      dbsCertificateNumber: fields.dbsCertificateNumber || null,
      orgId: tx.org.id,
      applicationId,
      candidateUserId: app.candidateUserId,
      reliedOn,
      sharedFromId,
      updatedBy: tx.actor.userId,
      updatedAt: tx.deps.now(),
    });
    // Which items are complete, never their details (certificate numbers, documents).
    const list = (await checksFor(tx, app)).checklist;
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: before ? "update" : "create",
      entityType: "pre_employment_checks",
      entityId: row.id,
      after: { applicationId, complete: list.items.filter((i) => i.done).map((i) => i.item), reliedOn },
    });
    return row;
  });
}

// The candidate's side (candidate.self, at the council the candidate belongs to).

function candidateId(ctx: OrgCtx) {
  if (!ctx.actor.userId) throw notFound("application");
  return ctx.actor.userId;
}

export const listShares = (ctx: OrgCtx) => repo.listShares(ctx.db, candidateId(ctx));

/** The candidate consents to the checks done for one application being shown to the employer of another. */
export async function shareChecks(ctx: OrgCtx, input: { fromApplicationId: string; toApplicationId: string }) {
  const me = candidateId(ctx);
  return inTransaction(ctx, async (tx) => {
    const from = await repo.candidateApplication(tx.db, me, input.fromApplicationId);
    const to = await repo.candidateApplication(tx.db, me, input.toApplicationId);
    if (!from || from.application.councilId !== tx.org.id) throw notFound("application");
    if (!to || to.application.councilId !== tx.org.id) throw notFound("application");
    if (from.application.orgId === to.application.orgId)
      throw badRequest("validation", "Both applications are to the same employer: it already has its own checks.", [
        { path: "toApplicationId", message: "Choose an application to another employer" },
      ]);
    const checks = await repo.checksOfApplication(tx.db, from.application.id);
    if (!checks)
      throw badRequest("validation", `${from.employer} has not recorded any checks for you yet.`, [
        { path: "fromApplicationId", message: "Choose an employer that has done your checks" },
      ]);
    const existing = (await repo.listShares(tx.db, me)).find(
      (s) => s.share.checkId === checks.id && s.share.toOrgId === to.application.orgId && !s.share.withdrawnAt,
    );
    if (existing) throw conflict("shared", `You already share these checks with ${to.employer}.`);
    const share = await repo.insertShare(tx.db, {
      checkId: checks.id,
      candidateUserId: me,
      toOrgId: to.application.orgId,
    });
    await repo.insertConsentRecord(tx.db, {
      candidateUserId: me,
      councilId: tx.org.id,
      kind: "check_share",
      choice: "granted",
      orgIds: [to.application.orgId],
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "grant",
      entityType: "check_share_consent",
      entityId: share.id,
      after: { fromOrgId: from.application.orgId, toOrgId: to.application.orgId },
    });
    return share;
  });
}

export async function withdrawShare(ctx: OrgCtx, id: string) {
  const me = candidateId(ctx);
  return inTransaction(ctx, async (tx) => {
    const share = await repo.findShare(tx.db, me, id);
    if (!share) throw notFound("consent");
    if (share.withdrawnAt) throw conflict("withdrawn", "You have already withdrawn this consent.");
    await repo.withdrawShare(tx.db, me, id, tx.deps.now());
    await repo.insertConsentRecord(tx.db, {
      candidateUserId: me,
      councilId: tx.org.id,
      kind: "check_share",
      choice: "withdrawn",
      orgIds: [share.toOrgId],
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "withdraw",
      entityType: "check_share_consent",
      entityId: id,
      after: { toOrgId: share.toOrgId },
    });
  });
}
