import { COMPLIANCE_LABELS, type ComplianceStatus, periodBounds } from "../../../shared/commissioning";
import { csvText } from "../../../shared/csv";
import type { ComplianceMatrix } from "./overview.service";

// The commissioning page's compliance as a file (issue 19 item 6): one line per standard a
// contract carries in the quarter, with the provider's worst result for the standard beside the
// contract's own, in the words the page uses. Text a spreadsheet would run as a formula is defused.

const HEADER = [
  "Quarter",
  "Provider",
  "Standard",
  "Provider's result (worst over its contracts)",
  "Contract",
  "Contract's result",
  "Changed on challenge",
];

const words = (status: string | null) =>
  status === null || status === "no_result"
    ? "No result yet"
    : (COMPLIANCE_LABELS[status as ComplianceStatus] ?? status);

export function complianceCsv(period: string, m: ComplianceMatrix): string {
  const quarter = periodBounds(period).label;
  const names = new Map(m.standards.map((s) => [s.id, s.name]));
  const rows = m.providers.flatMap((p) =>
    p.cells.flatMap((cell) =>
      cell.contracts.map((c) => [
        quarter,
        p.name,
        names.get(cell.standardId) ?? "",
        words(cell.status),
        c.reference,
        words(c.status),
        c.overridden ? "Yes" : "No",
      ]),
    ),
  );
  // A byte order mark, so spreadsheets read the names' accents as UTF-8.
  return `\ufeff${csvText(HEADER, rows)}`;
}
