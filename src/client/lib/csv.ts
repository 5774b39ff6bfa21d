// CSV files built in the browser from what a page shows (already protected by the server).
import { csvText } from "../../shared/csv";

export { csvText };
export const csvHref = (header: string[], rows: unknown[][]) =>
  `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csvText(header, rows as (string | number | null)[][])}`)}`;
