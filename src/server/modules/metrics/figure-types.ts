// The shapes every part of the figures engine shares: a figure, a set of figures, and the grid of
// cells (a date and a grouping) a dashboard asks for at once.

export type Reason = "no_data" | "not_enough_data" | "suppressed";
export interface Figure {
  value: number | null;
  /** Why there is no value. */
  reason?: Reason;
  /** How many records the figure rests on (its denominator, or its count). */
  n: number;
  /**
   * Part of the value is a count a provider declared in an ASC-WDS workplace file (vacancies or
   * leavers), used for workplaces with no records of their own (metrics.md).
   */
  declared?: true;
}
export type Figures = Record<string, Figure>;

/**
 * How figures are grouped: one set for all the workplaces, or one per employer or per main
 * service type of the workplace (the breakdowns of a council's dashboard).
 */
export type GroupBy = "all" | "employer" | "service";
/** One column of a grid of figures: a date and a grouping. A dashboard asks for many at once. */
export interface Cell {
  at: string;
  by: GroupBy;
}
/** Figures per cell (`cellKey`) and group key ("all", an employer's id, a service code). */
export type Grid = Map<string, Map<string, Figures>>;
export const cellKey = (c: Cell) => `${c.at}|${c.by}`;

/** Each cell once: a cell asked for twice would count every record twice. */
export const uniqueCells = (cells: Cell[]) => [...new Map(cells.map((c) => [cellKey(c), c])).values()];

export const noData = (): Figure => ({ value: null, reason: "no_data", n: 0 });
/** A count: its value is its n. */
export const count = (n: number): Figure => ({ value: n, n });
/** A share or rate: null (no data) when nobody is in the denominator. */
export const rate = (num: number, den: number): Figure => (den > 0 ? { value: num / den, n: den } : noData());
/** A mean worked out by the database over n values. */
export const mean = (value: number | null, n: number): Figure =>
  n > 0 && value !== null ? { value: Number(value), n } : noData();
export const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * One group's aggregate row as a figure reads it: `r(column)` is the number the database worked
 * out (0 when the group has no such rows). A figure reads every column it needs before it
 * branches, so that reading it once with a recorder tells the engine which columns to compute.
 */
export type Row = (column: string) => number;
/** What a figure needs to know about its cell besides the aggregates. */
export interface CellInfo {
  at: string;
  /** A Real Living Wage applies at the date (below_rlw_share has no value before the first rate). */
  rlwKnown: boolean;
}
/** A figure's definition over its group's aggregate row. */
export type FigureDef = (r: Row, cell: CellInfo) => Figure;
