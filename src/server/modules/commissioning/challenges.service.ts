import { COMPLIANCE_LABELS, periodBounds } from "../../../shared/commissioning";
import type { ChallengeInput, ChallengesQuery, DecisionInput } from "../../../shared/schemas/commissioning-compliance";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import { badRequest, conflict, notFound } from "../../lib/errors";
import { recordAudit } from "../audit/audit.service";
import { queueEmail } from "../mail/mail.service";
import * as repo from "./compliance.repo";
import type { FullResult } from "./compliance.service";

// Challenges of compliance results (issue 19 item 2): a provider challenges one of its own results
// with a reason and evidence (one open challenge per result); the council's commissioner accepts
// it (the result takes the override, with the note, and wins over the computed status) or rejects
// it (the result stays). Everything is audited; the council's commissioners are emailed when a
// challenge is raised, the provider's admins when it is decided.

const COMMISSIONER_ROLES = ["council_admin", "commissioner"];
const PROVIDER_ADMIN_ROLES = ["provider_admin"];

async function notify(
  ctx: Ctx,
  orgId: string,
  roles: string[],
  email: { subject: string; body: string; template: string },
) {
  for (const { email: to } of await repo.listMemberEmails(ctx.db, orgId, roles))
    await queueEmail(ctx, { to, ...email });
}

async function standardOf(ctx: Ctx, result: repo.ResultRow) {
  const [s] = (await repo.listContractStandards(ctx.db, [result.contractId])).filter(
    (x) => x.cs.id === result.contractStandardId,
  );
  const [contract] = await repo.listContractsByIds(ctx.db, result.councilId, [result.contractId]);
  return { name: s?.standard.name ?? "a standard", kind: s?.standard.kind ?? "rlw_floor", contract };
}

/** A provider challenges one of its own results. */
export async function raiseChallenge(ctx: OrgCtx, resultId: string, input: ChallengeInput) {
  const result = await repo.findResult(ctx.db, { providerId: ctx.org.id }, resultId);
  if (!result) throw notFound("result");
  if ((result.overrideStatus ?? result.status) === "met")
    throw badRequest("already_met", "This result is met, so there is nothing to challenge.");
  return inTransaction(ctx, async (tx) => {
    // The result's row is locked first, so two challenges raised at once cannot both find none open
    // (there is no unique index to stop a second open one).
    await repo.lockResult(tx.db, resultId);
    if (await repo.findOpenChallenge(tx.db, resultId))
      throw conflict(
        "challenge_open",
        "This result already has a challenge waiting for the commissioner's decision: wait for it before challenging again.",
      );
    const row = await repo.insertChallenge(tx.db, {
      councilId: result.councilId,
      providerId: result.providerId,
      resultId,
      reason: input.reason,
      evidence: input.evidence ?? "",
      raisedBy: tx.actor.userId,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "challenge",
      entityType: "compliance_result",
      entityId: resultId,
      after: { challengeId: row.id, period: result.period, status: result.status, reason: row.reason },
    });
    const s = await standardOf(tx, result);
    await notify(tx, result.councilId, COMMISSIONER_ROLES, {
      template: "compliance_challenge_raised",
      subject: `A compliance result is challenged: ${s.contract?.c.reference ?? "a contract"}`,
      body: `${tx.org.name} challenges the result "${COMPLIANCE_LABELS[result.status as "met"]}" of "${s.name}" for ${periodBounds(result.period).label} on contract ${s.contract?.c.reference ?? ""}.\n\nDecide it on the hub's challenges page.`,
    });
    return row;
  });
}

/** The commissioner accepts (overriding the result, with the note) or rejects an open challenge. */
export async function decideChallenge(ctx: OrgCtx, challengeId: string, input: DecisionInput) {
  return inTransaction(ctx, async (tx) => {
    const ch = await repo.findCouncilChallengeForUpdate(tx.db, tx.org.id, challengeId);
    if (!ch) throw notFound("challenge");
    if (ch.status !== "open")
      throw conflict("already_decided", `This challenge was already ${ch.status}: a challenge is decided once.`);
    const now = tx.deps.now();
    const status = input.decision === "accept" ? "accepted" : "rejected";
    const decided = await repo.decideChallenge(tx.db, ch.id, {
      status,
      decidedBy: tx.actor.userId,
      decidedAt: now,
      decisionNote: input.note,
    });
    if (!decided)
      throw conflict("already_decided", "This challenge was decided meanwhile: a challenge is decided once.");
    const before = await repo.findResult(tx.db, { councilId: tx.org.id }, ch.resultId);
    if (!before) throw notFound("result");
    let result = before;
    if (input.decision === "accept") {
      result = await repo.setOverride(tx.db, ch.resultId, {
        overrideStatus: input.status ?? "met",
        overrideNote: input.note,
        overriddenBy: tx.actor.userId,
        overriddenAt: now,
      });
      await recordAudit(tx, {
        orgId: tx.org.id,
        action: "override",
        entityType: "compliance_result",
        entityId: result.id,
        before: { status: before.status, overrideStatus: before.overrideStatus },
        after: { status: result.status, overrideStatus: result.overrideStatus, note: input.note },
      });
    }
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: input.decision === "accept" ? "accept" : "reject",
      entityType: "compliance_challenge",
      entityId: ch.id,
      before: { status: ch.status },
      after: { status, note: input.note, resultId: ch.resultId },
    });
    const s = await standardOf(tx, result);
    await notify(tx, ch.providerId, PROVIDER_ADMIN_ROLES, {
      template: "compliance_challenge_decided",
      subject: `Your challenge was ${status}: ${s.contract?.c.reference ?? "a contract"}`,
      body: `${tx.org.name} ${status} your challenge of "${s.name}" for ${periodBounds(result.period).label}.\n\nTheir note: ${input.note}`,
    });
    return { challenge: decided, result };
  });
}

/** A council's challenges, open first, with the result each is about. */
export async function listChallenges(ctx: OrgCtx, query: ChallengesQuery) {
  const rows = await repo.listCouncilChallenges(ctx.db, ctx.org.id, query.status);
  const contracts = new Map(
    (await repo.listContractsByIds(ctx.db, ctx.org.id, [...new Set(rows.map((r) => r.result.contractId))])).map((c) => [
      c.c.id,
      c,
    ]),
  );
  const standards = new Map(
    (await repo.listContractStandards(ctx.db, [...contracts.keys()])).map((s) => [s.cs.id, s.standard]),
  );
  return rows.flatMap((r) => {
    const contract = contracts.get(r.result.contractId);
    const standard = standards.get(r.result.contractStandardId);
    if (!contract || !standard) return [];
    const full: FullResult = {
      result: r.result,
      kind: standard.kind as FullResult["kind"],
      name: standard.name,
      challenge: r.ch,
    };
    return [{ challenge: r.ch, contract, full }];
  });
}

/** A result with its standard and latest challenge, for answers about one result. */
export async function fullResultOf(ctx: Ctx, result: repo.ResultRow): Promise<FullResult> {
  const s = await standardOf(ctx, result);
  const [latest] = await repo.listChallengesOfResults(ctx.db, [result.id]);
  return { result, kind: s.kind as FullResult["kind"], name: s.name, challenge: latest ?? null };
}

/** One of the provider's own results, with its standard and latest challenge. */
export async function resultForProvider(ctx: OrgCtx, resultId: string) {
  const result = await repo.findResult(ctx.db, { providerId: ctx.org.id }, resultId);
  if (!result) throw notFound("result");
  return fullResultOf(ctx, result);
}
