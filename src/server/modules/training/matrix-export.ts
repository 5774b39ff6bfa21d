import { csvText } from "../../../shared/csv";
import { MATRIX_STATE_LABELS } from "../../../shared/training-matrix";
import { workbookOf } from "../ascwds/xlsx";
import type { trainingMatrix } from "./matrix.service";

// The matrix as a file (CSV or XLSX), the same table the page shows: one row per person, two
// columns per required category (state and expiry). Names are the employer's own references
// (display ids); nothing else of the staff record goes in. Text starting like a formula is
// defused by both writers.

type Matrix = Awaited<ReturnType<typeof trainingMatrix>>;

export function matrixTable(m: Matrix) {
  const header = [
    "Name",
    "Workplace",
    "Main job role",
    ...m.categories.flatMap((c) => [c.label, `${c.label}: expires`]),
  ];
  const rows = m.rows.map((r) => [
    r.name,
    r.workplace,
    r.roleLabel,
    ...r.cells.flatMap((c) => [c.state ? MATRIX_STATE_LABELS[c.state] : "Not required", c.expiresOn ?? ""]),
  ]);
  return { header, rows };
}

export const matrixCsv = (m: Matrix) => {
  const t = matrixTable(m);
  return `\ufeff${csvText(t.header, t.rows)}`;
};

export const matrixXlsx = (m: Matrix) => {
  const t = matrixTable(m);
  return workbookOf([{ name: "Training matrix", header: t.header, rows: t.rows }]);
};
