import { Period, PeriodColumn, periodsIn, readPeriod } from "../cells/period";
import { quoteText } from "../indicators/quote";
import { cell } from "./address";
import { LongInput, SourceColumn, TableInput } from "./input";

/**
 * The periods of a table or list with a time column (the `year` role), and the report for one
 * of them. Rows are grouped by the period's key, the cell's trimmed text, as the native formulas
 * group them (TRIM(cell&"")="key"; cells/period.ts).
 */

/** The periods a report can be built for, and the one it shows. */
export interface PeriodChoice {
  /** Every period of the time column, in time order (empty without one). */
  readonly periods: readonly Period[];
  /** The period the report shows; undefined when the data hold fewer than two (nothing to pick). */
  readonly shown?: Period;
  /** Whether the user asked for it (else it is the latest). */
  readonly asked: boolean;
}

/**
 * A period asked for that the data do not hold: the message names the periods found, and the
 * pane words it in its own language from `asked` and `periods`.
 */
export class UnknownPeriodError extends Error {
  constructor(
    readonly asked: string,
    readonly periods: readonly string[],
  ) {
    super(
      periods.length === 0
        ? `there is no period ${quoteText(asked)} to report on: the data have no year or period column (map one, e.g. year=<header>)`
        : `the data hold no period ${quoteText(asked)}; the periods found are ${listed(periods)}`,
    );
    this.name = "UnknownPeriodError";
  }
}

function listed(keys: readonly string[]): string {
  const shown = keys.length > 12 ? [...keys.slice(0, 6), "…", ...keys.slice(-5)] : keys;
  return shown.join(", ");
}

/** The time column read as periods, or undefined when none is mapped. */
export function periodColumnOf(input: LongInput | TableInput): PeriodColumn | undefined {
  const year = timeColumn(input);
  return year ? periodsIn(year.values) : undefined;
}

/** The periods of a list or table, in time order (empty without a time column). */
export function periodsOf(input: LongInput | TableInput): readonly Period[] {
  return periodColumnOf(input)?.periods ?? [];
}

function timeColumn(input: LongInput | TableInput): SourceColumn | undefined {
  return input.shape === "long" ? input.year : input.columns.year;
}

/**
 * The period a report shows: the one asked for (by its key, "2005", or as another spelling of
 * the same span, "2012-13" for "2012/13"), else the latest when there are two or more. Throws
 * UnknownPeriodError for a period the data do not hold, and refuses data whose time column
 * holds cells that are not periods (or, with several periods, blanks): which period such a row
 * is in is not known, and guessing would put a wrong number in the report.
 */
export function choosePeriod(input: LongInput | TableInput, asked?: string): PeriodChoice {
  const found = periodColumnOf(input);
  const periods = found?.periods ?? [];
  if (asked !== undefined) {
    const p = findPeriod(periods, asked);
    if (!p) throw new UnknownPeriodError(asked.trim(), periods.map((x) => x.key));
    refuseUnplaced(input, found!, periods.length);
    return { periods, shown: p, asked: true };
  }
  if (!found) return { periods, asked: false };
  refuseUnplaced(input, found, periods.length);
  return periods.length >= 2 ? { periods, shown: periods[periods.length - 1], asked: false } : { periods, asked: false };
}

function findPeriod(periods: readonly Period[], asked: string): Period | undefined {
  const key = asked.trim();
  const exact = periods.find((p) => p.key === key);
  if (exact) return exact;
  const read = readPeriod(key);
  const same = read ? periods.filter((p) => p.start === read.start && p.end === read.end) : [];
  return same.length === 1 ? same[0] : undefined;
}

function refuseUnplaced(input: LongInput | TableInput, found: PeriodColumn, count: number): void {
  const col = timeColumn(input)!.col;
  const rows = [...found.others, ...(count >= 2 ? found.blanks : [])].sort((a, b) => a - b);
  if (rows.length === 0) return;
  const values = timeColumn(input)!.values;
  const cells = rows.slice(0, 8).map((r) => `${cell(input.rowsAt[r], col)} (${values[r] === null || String(values[r]).trim() === "" ? "blank" : quoteText(values[r])})`);
  const more = rows.length > 8 ? ` and ${rows.length - 8} more` : "";
  throw new Error(
    `the year or period column has cells that are not periods, so their rows cannot be placed in time: ${cells.join(", ")}${more}. Write a year (2010) or a period (1990-1995, 2012/13) in them, or unmap the column (year=, or "not used" in the task pane)`,
  );
}

/** A table's rows of one period only: the same columns, the rows (and their source cells) of that period. */
export function tableForPeriod(input: TableInput, period: Period): TableInput {
  const rows = periodColumnOf(input)?.rows.get(period.key) ?? [];
  const pick = <T>(xs: readonly T[]) => rows.map((r) => xs[r]);
  const columns: TableInput["columns"] = {};
  for (const [role, c] of Object.entries(input.columns) as [keyof TableInput["columns"], SourceColumn][]) columns[role] = { col: c.col, values: pick(c.values) };
  return { ...input, rowsAt: pick(input.rowsAt), rows: rows.length, columns };
}

/** How many of a table's rows its report shows: those of the period chosen (choosePeriod), else all. */
export function rowsShown(input: TableInput, asked?: string): number {
  const shown = choosePeriod(input, asked).shown;
  return shown ? (periodColumnOf(input)?.rows.get(shown.key)?.length ?? 0) : input.rows;
}

/** The sentence on the Definitions sheet: how many periods the data hold and which one the report shows. */
export function periodNote(choice: PeriodChoice, what: "list" | "table"): string | undefined {
  const { periods, shown } = choice;
  if (!shown) return undefined;
  const span = periods.length === 1 ? `one period, ${shown.key}` : `${periods.length} periods, ${periods[0].key} to ${periods[periods.length - 1].key}`;
  const which = choice.asked ? `the period asked for, ${shown.key}` : `the latest, ${shown.key}`;
  return `The ${what} holds ${span}; this report shows ${which} (${what === "table" ? "its rows only" : "its rows only, pivoted"}). Build it for another period with --period on the command line or the period picker in the task pane.`;
}

/** The period shown, for the report's title: "2010 (of 7 periods, 1980–2010)". */
export function periodTitle(choice: PeriodChoice): string | undefined {
  const { periods, shown } = choice;
  if (!shown) return undefined;
  return periods.length === 1 ? shown.key : `${shown.key} (of ${periods.length} periods, ${periods[0].key}–${periods[periods.length - 1].key})`;
}
