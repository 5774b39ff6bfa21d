import { RETURN_FIGURES } from "../../../shared/schemas/commissioning-monitoring";
import type { Figures } from "../metrics/engine";
import type { CouncilMonitoring, MonitoringReturn } from "./monitoring.service";

// What leaves the server of a contract-monitoring return: each figure with its label and where it
// comes from, the contracts with their declared units, and the council's view of a quarter.

export function presentFigures(f: Figures) {
  return RETURN_FIGURES.map((def) => {
    const fig = f[def.name];
    return {
      name: def.name,
      label: def.label,
      format: def.format,
      source: def.source,
      value: fig?.value ?? null,
      n: fig?.n ?? 0,
      reason: fig && fig.value === null ? (fig.reason ?? "no_data") : null,
      declared: Boolean(fig?.declared),
    };
  });
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentReturn(r: MonitoringReturn) {
  return {
    council: r.council,
    provider: r.provider,
    period: r.period,
    periodLabel: r.periodLabel,
    asAt: r.asAt,
    status: r.status,
    dueDate: r.dueDate,
    figures: presentFigures(r.figures.provider),
    contracts: r.contracts.map((c) => ({
      id: c.contractId,
      reference: c.reference,
      name: c.name,
      serviceType: c.serviceType,
      unitLabel: c.unitLabel,
      units: c.units,
      councilUnits: c.councilUnits,
      workplaces: c.workplaces,
      figures: r.figures.contracts[c.contractId] ? presentFigures(r.figures.contracts[c.contractId]) : null,
    })),
    paidTravel: r.paidTravel,
    confirmedAt: iso(r.confirmedAt),
    fingerprint: r.fingerprint,
  };
}

export function presentCouncilMonitoring(m: CouncilMonitoring) {
  return {
    ...m,
    providers: m.providers.map((p) => ({
      ...p,
      confirmedAt: iso(p.confirmedAt),
      figures: p.figures ? presentFigures(p.figures) : null,
    })),
  };
}

export const presentListedReturn = <T extends { confirmedAt: Date | null }>(r: T) => ({
  ...r,
  confirmedAt: iso(r.confirmedAt),
});
