import { periodBounds, type ServiceType } from "../../../shared/commissioning";
import type { QppBasis, QppMethod, QppTier } from "../../../shared/qpp";
import type {
  ProviderQppResponse,
  QppLineView,
  QppScheduleView,
  QppSchemeView,
} from "../../../shared/schemas/commissioning-qpp";
import type { Line, providerEntitlements, ScheduleOut, SchemeRow, SchemeStandard } from "./qpp.service";
import { unitNameFor } from "./qpp.service";

// What leaves the server about the Quality Premium Payment.

export function presentScheme(s: SchemeRow, standards: SchemeStandard[]): QppSchemeView {
  return {
    id: s.id,
    name: s.name,
    serviceType: s.serviceType as ServiceType | null,
    method: s.method as QppMethod,
    tiers: (s.tiers as QppTier[] | null) ?? null,
    basis: s.basis as QppBasis,
    rate: s.rate,
    budgetCap: s.budgetCap,
    fromPeriod: s.fromPeriod,
    untilPeriod: s.untilPeriod,
    unitName: unitNameFor(s.serviceType),
    standards: standards
      .filter((x) => x.schemeId === s.id)
      .map((x) => ({ standardId: x.standardId, name: x.name, kind: x.kind, weight: x.weight })),
  };
}

export const presentLine = (l: Line): QppLineView => ({
  contractId: l.contractId,
  contractReference: l.contractReference,
  contractName: l.contractName,
  providerId: l.providerId,
  providerName: l.providerName,
  standards: l.standards,
  standardsMet: l.standardsMet,
  standardsTotal: l.standardsTotal,
  share: l.share,
  payShare: l.payShare,
  units: l.units,
  unitsSource: l.unitsSource ?? null,
  amountBeforeCap: l.amountBeforeCap,
  amount: l.amount,
  working: l.working,
});

export function presentSchedule(scheme: SchemeRow, period: string, s: ScheduleOut, ended: boolean): QppScheduleView {
  return {
    schemeId: scheme.id,
    schemeName: scheme.name,
    period,
    periodLabel: periodBounds(period).label,
    status: s.status,
    ended,
    lines: s.lines.map(presentLine),
    totalBeforeCap: s.totalBeforeCap,
    total: s.total,
    budgetCap: s.budgetCap,
    scaled: s.scaled,
    scale: s.scale,
    capNote: s.capNote,
    computedAt: s.computedAt.toISOString(),
    approvedAt: s.approvedAt?.toISOString() ?? null,
    approvedBy: s.approvedBy,
  };
}

export function presentProviderEntitlements(
  rows: Awaited<ReturnType<typeof providerEntitlements>>,
): ProviderQppResponse {
  return {
    entitlements: rows.map((r) => ({
      councilName: r.councilName,
      schemeId: r.scheme.id,
      schemeName: r.scheme.name,
      method: r.scheme.method as QppMethod,
      basis: r.scheme.basis as QppBasis,
      rate: r.scheme.rate,
      unitName: unitNameFor(r.scheme.serviceType),
      period: r.period,
      periodLabel: periodBounds(r.period).label,
      status: r.status,
      scaled: r.scaled,
      scale: r.scale,
      capNote: r.capNote,
      lines: r.lines.map(presentLine),
      total: r.total,
    })),
  };
}
