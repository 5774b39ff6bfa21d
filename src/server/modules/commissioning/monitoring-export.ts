import { csvText } from "../../../shared/csv";
import { longDate } from "../../../shared/dates";
import {
  formatFigure,
  MONITORING_STATUS_LABELS,
  RETURN_FIGURES,
  STAFF_TYPE_LABELS,
  STAFF_TYPES,
} from "../../../shared/schemas/commissioning-monitoring";
import { workbookOf } from "../ascwds/xlsx";
import type { CapacityTracker } from "./capacity-tracker";
import { presentFigures } from "./monitoring.presenter";
import type { CouncilMonitoring, MonitoringReturn } from "./monitoring.service";

// The contract-monitoring return, the council's quarter and the Capacity Tracker fields as files
// (CSV, and XLSX for the return): the same figures the pages show, with the number and the words.
// Text starting like a formula is defused by both writers (a contract's name is the council's text).

type Cell = string | number | null;
const yesNo = (v: boolean | null) => (v === null ? "" : v ? "Yes" : "No");
const dayOf = (d: Date | string | null) => (d === null ? "" : longDate(d));

export function returnTable(r: MonitoringReturn) {
  const header = ["Section", "Item", "Value", "Shown as", "Records", "Where it comes from"];
  const rows: Cell[][] = [
    ["Return", "Provider", r.provider.name, r.provider.name, null, ""],
    ["Return", "Council", r.council.name, r.council.name, null, ""],
    ["Return", "Quarter", r.period, r.periodLabel, null, ""],
    ["Return", "Figures as at", r.asAt, longDate(r.asAt), null, "The hub's records on the quarter's last day"],
    ["Return", "Status", r.status, MONITORING_STATUS_LABELS[r.status], null, ""],
    [
      "Return",
      "Confirmed on",
      r.confirmedAt ? new Date(r.confirmedAt).toISOString() : "",
      dayOf(r.confirmedAt),
      null,
      "",
    ],
  ];
  for (const f of presentFigures(r.figures.provider))
    rows.push(["Figures", f.label, f.value, formatFigure(f.value, f.format, f.reason), f.n, f.source]);
  rows.push([
    "Declared",
    "Travel time paid",
    yesNo(r.paidTravel),
    yesNo(r.paidTravel),
    null,
    "Declared by the provider",
  ]);
  for (const c of r.contracts) {
    rows.push([
      `Contract ${c.reference}`,
      `${c.name}: ${c.unitLabel}`,
      c.units,
      c.units === null ? "" : c.units.toLocaleString("en-GB"),
      null,
      c.councilUnits === null ? "Declared by the provider" : `The council recorded ${c.councilUnits}`,
    ]);
    const own = r.figures.contracts[c.contractId];
    if (own)
      for (const f of presentFigures(own))
        rows.push([
          `Contract ${c.reference} (its ${c.workplaces} workplaces)`,
          f.label,
          f.value,
          formatFigure(f.value, f.format, f.reason),
          f.n,
          f.source,
        ]);
  }
  return { header, rows };
}

export const returnCsv = (r: MonitoringReturn) => {
  const t = returnTable(r);
  return `\ufeff${csvText(t.header, t.rows)}`;
};

export const returnXlsx = (r: MonitoringReturn) => {
  const t = returnTable(r);
  return workbookOf([{ name: `Monitoring ${r.period}`, header: t.header, rows: t.rows }]);
};

export function councilCsv(m: CouncilMonitoring) {
  const header = [
    "Provider",
    "Status",
    "Confirmed on",
    "Travel time paid",
    "Contracts and units delivered",
    ...RETURN_FIGURES.map((f) => f.label),
  ];
  const rows = m.providers.map((p) => {
    const figures = p.figures ? presentFigures(p.figures) : null;
    return [
      p.provider.name,
      MONITORING_STATUS_LABELS[p.status],
      dayOf(p.confirmedAt),
      yesNo(p.paidTravel),
      p.contracts
        .map((c) => `${c.reference}: ${c.units === null ? "none given" : `${c.units} ${c.unitLabel}`}`)
        .join("; "),
      ...RETURN_FIGURES.map((_, i) => figures?.[i].value ?? null),
    ];
  });
  return `\ufeff${csvText(header, rows)}`;
}

export function capacityCsv(c: CapacityTracker) {
  const groups = [
    ["employed", "Directly employed"],
    ["bank", "Bank or pool"],
    ["agency", "Agency"],
    ["vacancies", "Vacancies"],
  ] as const;
  const header = [
    "Workplace",
    "Workplace reference",
    "CQC location ID",
    ...groups.flatMap(([, label]) => [
      ...STAFF_TYPES.map((t) => `${label}: ${STAFF_TYPE_LABELS[t]}`),
      `${label}: total`,
    ]),
    "Other contracts (students, volunteers, other)",
    "Filled posts",
    "Sickness days per person in the 12 months",
    "Staff with sickness recorded",
  ];
  const line = (name: string, ref: string, cqc: string, r: CapacityTracker["total"]): Cell[] => [
    name,
    ref,
    cqc,
    ...groups.flatMap(([key]) => [...STAFF_TYPES.map((t) => r[key][t]), r[key].total]),
    r.otherContracts,
    r.filledPosts,
    r.sicknessDaysMean === null ? null : Math.round(r.sicknessDaysMean * 10) / 10,
    r.sicknessN,
  ];
  const rows = [
    ...c.workplaces.map((w) => line(w.name, w.localRef, w.cqcLocationId ?? "", w)),
    line("All workplaces", "", "", c.total),
  ];
  return `\ufeff${csvText(header, rows)}`;
}
