import type { ReactNode } from "react";

export interface Column<T> {
  header: string;
  /** Read by screen readers only (for a column of buttons). */
  hiddenHeader?: boolean;
  numeric?: boolean;
  cell: (row: T) => ReactNode;
}

/** A GOV.UK table that scrolls sideways on a phone rather than overflowing the page. */
export function Table<T>({ caption, columns, rows, rowKey }: { caption: string; columns: (Column<T> | false)[]; rows: T[]; rowKey: (row: T) => string | number }) {
  const cols = columns.filter(Boolean) as Column<T>[];
  return (
    <div className="app-table-wrap">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {cols.map((c) => (
              <th key={c.header} scope="col" className={`govuk-table__header${c.numeric ? " govuk-table__header--numeric" : ""}`}>
                {c.hiddenHeader ? <span className="govuk-visually-hidden">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row) => (
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
