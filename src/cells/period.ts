/**
 * One reading of a time period in a cell, for everything that groups rows by period:
 * detection (is this column the time?), the report's planners (Trends, Trajectories, the
 * period picked with --period) and the functions (MIGRATION.PERIODS).
 *
 * A period is a year (`2010`, or the text "2010"), a span of years (`1990-1995`, `1990–1995`,
 * `1990 - 95`, as in Abel's five-year flow estimates) or an academic year (`2012/13`,
 * `2012-13`, `2012/2013`). Years run from 1800 to 2200: outside that range a four-digit number
 * is more likely a count than a year.
 *
 * Rows are grouped by `key`: the cell's text, trimmed (a number as Excel writes it). The native
 * formulas compare `TRIM(cell&"")` with that key, so a colleague's recalculation groups the
 * rows exactly as the engine did (the number 2010 and the text "2010 " are one period in both).
 */
import { Cell } from "./kind";

export interface Period {
  /** The trimmed text of the cell (`String(2010)` for a number): the group key and the label shown. */
  readonly key: string;
  /** The first year the period covers. */
  readonly start: number;
  /** The last year it covers (the same as `start` for a single year). */
  readonly end: number;
}

const MIN_YEAR = 1800;
const MAX_YEAR = 2200;
const YEAR = /^(\d{4})$/;
// 1990-1995, 1990–1995, 1990 - 95, 2012/13, 2012/2013 (hyphen, en dash, em dash or slash)
const SPAN = /^(\d{4})\s*[-\u2013\u2014/]\s*(\d{2}|\d{4})$/;

function isYear(y: number): boolean {
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
}

/** The period a cell holds, or undefined when it holds none. */
export function readPeriod(v: Cell): Period | undefined {
  if (typeof v === "number") return isYear(v) ? { key: String(v), start: v, end: v } : undefined;
  if (typeof v !== "string") return undefined;
  const key = v.trim();
  const y = YEAR.exec(key);
  if (y) {
    const start = Number(y[1]);
    return isYear(start) ? { key, start, end: start } : undefined;
  }
  const s = SPAN.exec(key);
  if (!s) return undefined;
  const start = Number(s[1]);
  let end = Number(s[2]);
  if (s[2].length === 2) {
    end += start - (start % 100); // 2012/13 → 2013; 1998/99 → 1999
    if (end < start) end += 100; // 1999/00 → 2000
  }
  if (!isYear(start) || !isYear(end) || end <= start) return undefined;
  return { key, start, end };
}

/** Time order: by first year, then by last year (a year before the span that starts with it). */
export function comparePeriods(a: Period, b: Period): number {
  return a.start - b.start || a.end - b.end || a.key.localeCompare(b.key);
}

export interface PeriodColumn {
  /** The distinct periods, in time order. */
  readonly periods: readonly Period[];
  /** The rows (0-based, in the values given) of each period, by key. */
  readonly rows: ReadonlyMap<string, readonly number[]>;
  /** Rows whose cell is not blank and holds no period. */
  readonly others: readonly number[];
  /** Rows whose cell is blank (null, "" or spaces). */
  readonly blanks: readonly number[];
}

/** Reads a column of cells as periods: which there are, in order, and the rows of each. */
export function periodsIn(values: readonly Cell[]): PeriodColumn {
  const byKey = new Map<string, Period>();
  const rows = new Map<string, number[]>();
  const others: number[] = [];
  const blanks: number[] = [];
  values.forEach((v, r) => {
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) {
      blanks.push(r);
      return;
    }
    const p = readPeriod(v);
    if (!p) {
      others.push(r);
      return;
    }
    if (!byKey.has(p.key)) {
      byKey.set(p.key, p);
      rows.set(p.key, []);
    }
    rows.get(p.key)!.push(r);
  });
  return { periods: [...byKey.values()].sort(comparePeriods), rows, others, blanks };
}
