/**
 * A matrix matched by label, not by position: row i and column j describe the same region only
 * when their labels say so. Totals and aggregates (./aggregates), rows or columns that add up
 * the others, and labels found on one side only are left out; columns in another order than the
 * rows are put in the rows' order.
 */
import { aggregateReason, AggregateReason, sumsOfOthers } from "./aggregates";
import type { Label } from "./dataset";

export type Side = "row" | "column";

/** A row or column of the matrix that is not a region of it. */
export interface LeftOut {
  readonly side: Side;
  /** 0-based position among the matrix's rows or columns. */
  readonly index: number;
  readonly label: Label;
  /** Why, as a phrase: "a total", "found only among the rows", "the sum of the other rows". */
  readonly why: string;
  /** Why, as data: its label marks a total or aggregate, it adds up the others, or its label is on one side only. */
  readonly reason: { readonly kind: "aggregate"; readonly aggregate: AggregateReason } | { readonly kind: "sumOfOthers" } | { readonly kind: "oneSide" };
}

export interface MatrixAlignment {
  /** Rows kept, in their order (positions in the matrix). */
  readonly rows: readonly number[];
  /** For each kept row, the position of the column with the same label. */
  readonly columns: readonly number[];
  readonly leftOut: readonly LeftOut[];
  /** The kept columns are not in the kept rows' order. */
  readonly reordered: boolean;
  /** A label is repeated on one side (as compared: alignmentKey), so rows and columns were not paired by label. */
  readonly repeated: boolean;
}

/** Labels compared as a reader would: case, spacing and footnote marks aside. */
export function alignmentKey(label: Label): string {
  return String(label)
    .replace(/\[[^\]]*]|[*†‡]+$/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/**
 * Matches a matrix's row labels to its column labels. `value(i, j)` is the number in row i,
 * column j (null when blank or not a number). Returns the rows and columns that are regions,
 * paired by label, and what was left out and why. Labels repeated on one side are left as they
 * are (the caller refuses repeated labels itself).
 */
export function alignMatrix(rowLabels: readonly Label[], columnLabels: readonly Label[], value: (i: number, j: number) => number | null): MatrixAlignment {
  const leftOut: LeftOut[] = [];
  const out = (side: Side, index: number, label: Label, why: string, reason: LeftOut["reason"]) => leftOut.push({ side, index, label, why, reason });
  let rows = rowLabels.map((_l, i) => i);
  let cols = columnLabels.map((_l, j) => j);
  rows = rows.filter((i) => {
    const r = aggregateReason(rowLabels[i]);
    if (r) out("row", i, rowLabels[i], r.why, { kind: "aggregate", aggregate: r });
    return !r;
  });
  cols = cols.filter((j) => {
    const r = aggregateReason(columnLabels[j]);
    if (r) out("column", j, columnLabels[j], r.why, { kind: "aggregate", aggregate: r });
    return !r;
  });
  // A row (column) equal to the sum of the others is a total whatever its label.
  const rowSums = new Set(sumsOfOthers(rows.map((i) => cols.map((j) => value(i, j)))).map((k) => rows[k]));
  const colSums = new Set(sumsOfOthers(cols.map((j) => rows.map((i) => value(i, j)))).map((k) => cols[k]));
  for (const i of rowSums) out("row", i, rowLabels[i], "the sum of the other rows", { kind: "sumOfOthers" });
  for (const j of colSums) out("column", j, columnLabels[j], "the sum of the other columns", { kind: "sumOfOthers" });
  rows = rows.filter((i) => !rowSums.has(i));
  cols = cols.filter((j) => !colSums.has(j));

  const colByKey = new Map<string, number[]>();
  for (const j of cols) {
    const k = alignmentKey(columnLabels[j]);
    colByKey.set(k, [...(colByKey.get(k) ?? []), j]);
  }
  const rowKeys = new Set(rows.map((i) => alignmentKey(rowLabels[i])));
  const repeated = [...colByKey.values()].some((js) => js.length > 1) || rowKeys.size < rows.length;
  if (repeated) return { rows, columns: cols.length === rows.length ? cols : rows, leftOut, reordered: false, repeated };
  const keptRows: number[] = [];
  const pairedCols: number[] = [];
  for (const i of rows) {
    const js = colByKey.get(alignmentKey(rowLabels[i]));
    if (!js) out("row", i, rowLabels[i], "found only among the rows", { kind: "oneSide" });
    else {
      keptRows.push(i);
      pairedCols.push(js[0]);
    }
  }
  for (const j of cols) if (!rowKeys.has(alignmentKey(columnLabels[j]))) out("column", j, columnLabels[j], "found only among the columns", { kind: "oneSide" });
  const reordered = pairedCols.some((j, k) => k > 0 && j < pairedCols[k - 1]);
  leftOut.sort((a, b) => (a.side === b.side ? a.index - b.index : a.side === "row" ? -1 : 1));
  return { rows: keptRows, columns: pairedCols, leftOut, reordered, repeated };
}

/** Whether the alignment keeps every row and column in place (nothing to do). */
export function isIdentity(a: MatrixAlignment, n: number): boolean {
  return a.leftOut.length === 0 && !a.reordered && a.rows.length === n && a.rows.every((i, k) => i === k && a.columns[k] === k);
}
