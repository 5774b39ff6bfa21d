import {
  type ComplianceStatus,
  effectiveStatus,
  type PriceUnit,
  type ServiceType,
  STANDARD_KINDS,
  type StandardKindKey,
} from "../../../shared/commissioning";
import { thresholdInWords, thresholdOf } from "../../../shared/commissioning-words";
import type {
  ContractDetail,
  ContractStandardView,
  ContractSummary,
  PriceView,
  StandardView,
} from "../../../shared/schemas/commissioning-contracts";
import type { commissioningStandards, contractPrices, contractStandards, contracts } from "../../db/schema";

// What leaves the server of the standards library and of contracts: each standard with its
// threshold in words and what it measures over, each contract with its provider and council by
// name, its prices, workplaces and standards.

type StandardRow = typeof commissioningStandards.$inferSelect;

export const presentStandard = ({ s, contractCount }: { s: StandardRow; contractCount: number }): StandardView => {
  const kind = s.kind as StandardKindKey;
  const k = STANDARD_KINDS[kind];
  return {
    id: s.id,
    kind,
    kindLabel: k.label,
    name: s.name,
    description: s.description,
    threshold: thresholdOf(kind, s.threshold),
    unit: k.unit,
    thresholdText: thresholdInWords(kind, s.threshold),
    measuredOver: k.measuredOver,
    archivedAt: s.archivedAt?.toISOString() ?? null,
    contractCount: Number(contractCount),
  };
};

export type ContractRow = {
  c: typeof contracts.$inferSelect;
  providerName: string;
  councilName: string;
  standardCount: number;
};

export function contractState(c: { startDate: string; endDate: string | null }, today: string) {
  if (c.startDate > today) return "not_started" as const;
  if (c.endDate && c.endDate < today) return "ended" as const;
  return "active" as const;
}

export const presentContractSummary = (row: ContractRow, today: string): ContractSummary => ({
  id: row.c.id,
  reference: row.c.reference,
  name: row.c.name,
  serviceType: row.c.serviceType as ServiceType,
  lot: row.c.lot,
  framework: row.c.framework,
  startDate: row.c.startDate,
  endDate: row.c.endDate,
  annualValue: row.c.annualValue === null ? null : Number(row.c.annualValue),
  provider: { id: row.c.providerId, name: row.providerName },
  council: { id: row.c.councilId, name: row.councilName },
  state: contractState(row.c, today),
  standardCount: Number(row.standardCount),
});

export const presentPrice = (p: typeof contractPrices.$inferSelect): PriceView => ({
  id: p.id,
  band: p.band,
  unit: p.unit as PriceUnit,
  price: Number(p.price),
  weeklyVolume: p.weeklyVolume === null ? null : Number(p.weeklyVolume),
});

export type LatestResult = {
  contractStandardId: string;
  period: string;
  status: string;
  overrideStatus: string | null;
};

export function presentContractStandard(
  { cs, s }: { cs: typeof contractStandards.$inferSelect; s: StandardRow },
  latest?: LatestResult,
): ContractStandardView {
  const kind = s.kind as StandardKindKey;
  const k = STANDARD_KINDS[kind];
  const threshold = cs.threshold ?? s.threshold;
  return {
    id: cs.id,
    standardId: s.id,
    kind,
    kindLabel: k.label,
    name: s.name,
    description: s.description || k.description,
    kindDescription: k.description,
    threshold: thresholdOf(kind, threshold),
    ownThreshold: cs.threshold !== null && k.unit !== "none",
    thresholdText: thresholdInWords(kind, threshold),
    measuredOver: k.measuredOver,
    toFix: k.toFix,
    fromPeriod: cs.fromPeriod,
    untilPeriod: cs.untilPeriod,
    archived: s.archivedAt !== null,
    latest: latest
      ? {
          period: latest.period,
          status: effectiveStatus({
            status: latest.status as ComplianceStatus,
            overrideStatus: latest.overrideStatus as ComplianceStatus | null,
          }),
        }
      : null,
  };
}

export const presentContractDetail = (
  row: ContractRow,
  today: string,
  parts: {
    prices: (typeof contractPrices.$inferSelect)[];
    workplaces: { id: string; name: string; localRef: string }[];
    standards: { cs: typeof contractStandards.$inferSelect; s: StandardRow }[];
    latest: LatestResult[];
  },
): ContractDetail => {
  const latestBy = new Map(parts.latest.map((l) => [l.contractStandardId, l]));
  return {
    ...presentContractSummary(row, today),
    prices: parts.prices.map(presentPrice),
    workplaces: parts.workplaces,
    standards: parts.standards.map((x) => presentContractStandard(x, latestBy.get(x.cs.id))),
    createdAt: row.c.createdAt.toISOString(),
    updatedAt: row.c.updatedAt.toISOString(),
  };
};
