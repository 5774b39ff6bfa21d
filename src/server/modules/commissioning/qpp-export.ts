import { csvText } from "../../../shared/csv";
import { workbookOf } from "../ascwds/xlsx";
import type { scheduleForExport } from "./qpp.service";

// An approved Quality Premium schedule as a file for finance (CSV or XLSX): one row per contract,
// then a total row. Text that starts like a formula (a provider's name, a contract reference) is
// defused by both writers (shared/text.ts).

type Approved = Awaited<ReturnType<typeof scheduleForExport>>;

export const QPP_EXPORT_HEADER = [
  "Provider",
  "Contract reference",
  "Period",
  "Standards met",
  "Units delivered",
  "Amount before cap (£)",
  "Amount payable (£)",
];

/** The table: amounts as text to two places for CSV, as numbers for XLSX. */
export function scheduleTable(x: Approved, asText = true) {
  const money = (n: number) => (asText ? n.toFixed(2) : n);
  const rows: (string | number | null)[][] = x.schedule.lines.map((l) => [
    l.providerName,
    l.contractReference,
    x.period,
    `${l.standardsMet} of ${l.standardsTotal}`,
    l.units,
    money(l.amountBeforeCap),
    money(l.amount),
  ]);
  rows.push(["Total", "", x.period, "", null, money(x.schedule.totalBeforeCap), money(x.schedule.total)]);
  return { header: QPP_EXPORT_HEADER, rows };
}

export const scheduleCsv = (x: Approved) => {
  const t = scheduleTable(x);
  return `\ufeff${csvText(t.header, t.rows)}`;
};

export const scheduleXlsx = (x: Approved) => {
  const t = scheduleTable(x, false);
  return workbookOf([{ name: `QPP ${x.period}`, header: t.header, rows: t.rows }]);
};
