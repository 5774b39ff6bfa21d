import { type ReactNode, useEffect, useId, useRef, useState } from "react";

/**
 * A container that scrolls sideways when what it holds is wider than the screen, so the page
 * itself never does. While it scrolls it is a named region that takes the keyboard's focus, so
 * people who do not use a mouse can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function ScrollRegion({
  label,
  labelledBy,
  children,
}: {
  label?: string;
  labelledBy?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    for (const child of Array.from(el.children)) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className="app-table-wrap"
      {...(scrolls
        ? { tabIndex: 0, role: "region", "aria-label": labelledBy ? undefined : label, "aria-labelledby": labelledBy }
        : {})}
    >
      {children}
    </div>
  );
}

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
 * A GOV.UK table that scrolls sideways on a phone (in a ScrollRegion named by its caption) rather
 * than overflowing the page. Columns with
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
  const captionId = useId();
  const [sort, setSort] = useState<Sort>(null);
  const toggle = (header: string) =>
    setSort((s) => ({
      header,
      direction: s?.header === header && s.direction === "ascending" ? "descending" : "ascending",
    }));
  return (
    <ScrollRegion labelledBy={captionId}>
      <table className="govuk-table">
        <caption id={captionId} className="govuk-table__caption govuk-table__caption--m">
          {caption}
        </caption>
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
    </ScrollRegion>
  );
}
