import { type ReactNode, useState } from "react";

export interface Column<T> {
  header: string;
  /** Read by screen readers only (for a column of buttons). */
  hiddenHeader?: boolean;
  numeric?: boolean;
  cell: (row: T) => ReactNode;
  /** Makes the column sortable by this value (nulls last, whichever the direction). */
  sortValue?: (row: T) => number | string | null;
}

type Sort = { header: string; direction: "ascending" | "descending" } | null;

function sorted<T>(rows: T[], cols: Column<T>[], sort: Sort): T[] {
  const col = sort && cols.find((c) => c.header === sort.header);
  if (!col?.sortValue || !sort) return rows;
  const key = col.sortValue;
  const sign = sort.direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y))) * sign;
  });
}

/**
 * A GOV.UK table that scrolls sideways on a phone rather than overflowing the page. Columns with
 * a sortValue sort when their header button is pressed (aria-sort tells screen readers how).
 */
export function Table<T>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: (Column<T> | false)[];
  rows: T[];
  rowKey: (row: T) => string | number;
}) {
  const cols = columns.filter(Boolean) as Column<T>[];
  const [sort, setSort] = useState<Sort>(null);
  const toggle = (header: string) =>
    setSort((s) => ({
      header,
      direction: s?.header === header && s.direction === "ascending" ? "descending" : "ascending",
    }));
  return (
    <div className="app-table-wrap">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {cols.map((c) => (
              <th
                key={c.header}
                scope="col"
                className={`govuk-table__header${c.numeric ? " govuk-table__header--numeric" : ""}`}
                aria-sort={c.sortValue ? (sort?.header === c.header ? sort.direction : "none") : undefined}
              >
                {c.hiddenHeader ? (
                  <span className="govuk-visually-hidden">{c.header}</span>
                ) : c.sortValue ? (
                  <button type="button" className="app-sort-button" onClick={() => toggle(c.header)}>
                    {c.header}
                  </button>
                ) : (
                  c.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {sorted(rows, cols, sort).map((row) => (
            <tr className="govuk-table__row" key={rowKey(row)}>
              {cols.map((c) => (
                <td key={c.header} className={`govuk-table__cell${c.numeric ? " govuk-table__cell--numeric" : ""}`}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
