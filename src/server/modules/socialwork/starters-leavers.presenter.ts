import { csvText } from "../../../shared/csv";
import { longMonth } from "../../../shared/dates";
import { workbookOf } from "../ascwds/xlsx";
import type { startersLeavers } from "./starters-leavers.service";

// The monthly starters, leavers and agency in post view as a file (CSV or XLSX): one row per
// month and service (or team), as the page shows it. A withheld cost or count is written "withheld".

type View = Awaited<ReturnType<typeof startersLeavers>>;

export function startersLeaversTable(v: View, asText = true) {
  const label = new Map(v.groups.map((g) => [g.key, g.label]));
  const header = [
    "Month",
    v.by === "team" ? "Team" : "Service",
    "Starters",
    "Leavers",
    "Agency workers in post at month end",
    "Agency FTE at month end (hours ÷ 37)",
    "Agency cost in the month (£)",
  ];
  const rows: (string | number | null)[][] = v.rows.map((r) => [
    longMonth(r.month),
    label.get(r.group) ?? r.group,
    r.starters ?? "withheld",
    r.leavers ?? "withheld",
    r.agencyHeadcount ?? "withheld",
    r.agencyFte === null ? "withheld" : asText ? r.agencyFte.toFixed(2) : r.agencyFte,
    r.agencyCost === null ? "withheld" : asText ? r.agencyCost.toFixed(2) : r.agencyCost,
  ]);
  return { header, rows };
}

export const startersLeaversCsv = (v: View) => {
  const t = startersLeaversTable(v);
  return `\ufeff${csvText(t.header, t.rows)}`;
};

export const startersLeaversXlsx = (v: View) => {
  const t = startersLeaversTable(v, false);
  return workbookOf([{ name: "Starters leavers agency", header: t.header, rows: t.rows }]);
};
