import { type ComplianceStatus, STANDARD_KINDS } from "../../../shared/commissioning";
import type {
  ChallengeStatus,
  ChallengeView,
  ContractHead,
  ResultView,
} from "../../../shared/schemas/commissioning-compliance";
import type { ChallengeRow, ContractRow } from "./compliance.repo";
import type { FullResult } from "./compliance.service";
import type { EvidenceDoc } from "./compliance-evidence";

// What leaves the server about compliance (issue 19 item 2): a result with its evidence in words,
// the status after any override, the latest challenge and, when it is not met, what to fix.

export const presentChallenge = (c: ChallengeRow): ChallengeView => ({
  id: c.id,
  resultId: c.resultId,
  status: c.status as ChallengeStatus,
  reason: c.reason,
  evidence: c.evidence,
  raisedAt: c.raisedAt.toISOString(),
  decidedAt: c.decidedAt?.toISOString() ?? null,
  decisionNote: c.decisionNote,
});

export function presentResult(x: FullResult): ResultView {
  const r = x.result;
  const ev = (r.evidence ?? {}) as Partial<EvidenceDoc>;
  const status = r.status as ComplianceStatus;
  const effective = (r.overrideStatus ?? r.status) as ComplianceStatus;
  return {
    id: r.id,
    contractId: r.contractId,
    contractStandardId: r.contractStandardId,
    kind: x.kind,
    name: x.name,
    period: r.period,
    status,
    effectiveStatus: effective,
    value: r.value,
    n: r.n,
    asAt: r.asAt,
    computedAt: r.computedAt.toISOString(),
    figure: ev.figure ?? "",
    threshold: ev.threshold ?? null,
    thresholdText: ev.thresholdText ?? "",
    sentence: ev.sentence ?? "",
    measuredOver: ev.measuredOver ?? STANDARD_KINDS[x.kind]?.measuredOver ?? "",
    override: r.overrideStatus
      ? {
          status: r.overrideStatus as ComplianceStatus,
          note: r.overrideNote ?? "",
          at: r.overriddenAt?.toISOString() ?? null,
        }
      : null,
    challenge: x.challenge ? presentChallenge(x.challenge) : null,
    toFix: effective === "met" ? null : (STANDARD_KINDS[x.kind]?.toFix ?? null),
  };
}

export const presentContractHead = (x: { c: ContractRow; providerName: string }): ContractHead => ({
  id: x.c.id,
  reference: x.c.reference,
  name: x.c.name,
  serviceType: x.c.serviceType,
  providerId: x.c.providerId,
  providerName: x.providerName,
  startDate: x.c.startDate,
  endDate: x.c.endDate,
});
