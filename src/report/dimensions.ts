/**
 * Dimension columns in a long list: statistical downloads (Eurostat's SDMX-CSV, UIS bulk files)
 * give one row per combination of every dimension (sex T/M/F, age, unit, indicator), so one
 * origin–destination pair has several rows, one of them often the total of the others. Adding
 * them up counts people twice: the report is refused, naming the column and its values, until
 * one value is chosen (the command line's --filter COLUMN=VALUE).
 */
import { columnLetters } from "./address";
import { aggregateReason } from "./aggregates";
import { aggregateRows } from "./aggregate-rows";
import { labelKey } from "./labels";
import { cellAt, frameOf, readGeometry } from "./dataset";
import { ReportRefusal } from "./refusal";
import type { LongGeometry } from "./dataset";
import type { CellValue, Detection, SourceBlock } from "./types";

export interface DimensionColumn {
  /** Block column. */
  readonly col: number;
  readonly header: string;
  /** Its values among the rows that repeat a pair, in order of appearance (at most 12). */
  readonly values: readonly string[];
}

const text = (v: CellValue): string => (v === null ? "" : String(v).trim());

/**
 * A breakdown's own total: "Total", TOTAL, Eurostat's sex code T, "Both sexes", "All ages", and
 * Eurostat's ISCED 2011 ranges (ED5-8: tertiary, levels 5 to 8; ED0-2), each the sum of its levels.
 */
function isTotalValue(v: CellValue): boolean {
  if (typeof v !== "string") return false;
  const t = v.trim();
  return t === "T" || /^ED\d-\d$/.test(t) || /^(both sexes|all ages|all)$/i.test(t) || aggregateReason(t)?.kind === "total";
}

/**
 * The unmapped columns whose values tell apart rows that repeat an origin–destination pair
 * (and year and group, when mapped); empty when no pair repeats. `rows`: the block rows read.
 */
export function dimensionColumns(block: SourceBlock, data: LongGeometry, headerRow: number, rows: readonly number[], frame: { left: number; right: number }): DimensionColumn[] {
  const ci = data.columnIndex;
  // A group column whose values include their own total (sex T beside M and F) is a breakdown
  // too: the groups are added up, so the total would be counted with its parts.
  const groupHasTotal = ci.group !== undefined && rows.some((r) => isTotalValue(cellAt(block, r, ci.group as number)));
  const keyCols = [ci.origin, ci.destination, ...(ci.year !== undefined ? [ci.year] : []), ...(ci.group !== undefined && !groupHasTotal ? [ci.group] : [])];
  const mapped = new Set<number>([...keyCols, ci.flow]);
  const byKey = new Map<string, number[]>();
  for (const r of rows) {
    const k = keyCols.map((c) => text(cellAt(block, r, c))).join("\u0000");
    const list = byKey.get(k);
    if (list) list.push(r);
    else byKey.set(k, [r]);
  }
  const repeated = [...byKey.values()].filter((rs) => rs.length > 1);
  if (repeated.length === 0) return [];
  const out: DimensionColumn[] = [];
  for (let c = frame.left; c <= frame.right; c++) {
    if (mapped.has(c)) continue;
    // a dimension: its values differ within a repeated pair, in most repeated pairs
    let differing = 0;
    const values: string[] = [];
    for (const rs of repeated) {
      const seen = new Set(rs.map((r) => text(cellAt(block, r, c))));
      if (seen.size > 1) differing++;
      for (const v of seen) if (values.length < 12 && !values.includes(v)) values.push(v);
    }
    if (differing * 2 > repeated.length) out.push({ col: c, header: headerRow >= 0 ? text(cellAt(block, headerRow, c)) : "", values });
  }
  return out;
}

/** How many origin–destination pairs (with year and group) have more than one row. */
export function repeatedPairs(block: SourceBlock, data: LongGeometry, rows: readonly number[]): number {
  const ci = data.columnIndex;
  const keyCols = [ci.origin, ci.destination, ...(ci.year !== undefined ? [ci.year] : [])];
  const counts = new Map<string, number>();
  for (const r of rows) {
    const k = keyCols.map((c) => text(cellAt(block, r, c))).join("\u0000");
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.values()].filter((n) => n > 1).length;
}

/**
 * The refusal: which columns to choose a value in, and how: one --filter per column, each with
 * the column's own total where one is recognized (sex T, isced11 ED5-8), else its first value.
 */
export function dimensionRefusal(block: SourceBlock, dims: readonly DimensionColumn[], pairs: number): ReportRefusal<"breakdowns"> {
  const shown = dims.slice(0, 4);
  const examples = shown.map((d) => `${d.header || columnLetters(block.left + d.col)}=${d.values.find((v) => isTotalValue(v)) ?? d.values[0]}`);
  const columns = shown.map((d) => ({ column: columnLetters(block.left + d.col), header: d.header, values: d.values }));
  return new ReportRefusal("breakdowns", { pairs, columns, examples });
}

/** The rows of `rows` that hold the chosen value in each filtered column (Detection.dimensionFilters). */
export function filteredRows(block: SourceBlock, rows: readonly number[], filters: readonly { readonly col: number; readonly value: string }[] | undefined): readonly number[] {
  if (!filters || filters.length === 0) return rows;
  // compared as the native formulas compare them: TRIM(cell&"")="value", case aside (./labels)
  const keys = filters.map((f) => ({ col: f.col, key: labelKey(f.value) }));
  return rows.filter((r) => keys.every((f) => labelKey(cellAt(block, r, f.col)) === f.key));
}

/**
 * The dimension columns still to choose a value in, for a detected long list (after the
 * filters chosen so far and the aggregate rows left out), as the report would refuse them;
 * empty for other shapes or when none is left.
 */
export function breakdownsOf(block: SourceBlock, detection: Detection): DimensionColumn[] {
  if (detection.shape !== "long") return [];
  let data;
  try {
    data = readGeometry(block, detection);
  } catch {
    return [];
  }
  if (data.shape !== "long") return [];
  const aggregates = aggregateRows(block, detection, data);
  const rows = filteredRows(block, data.rowIndex.filter((r) => !aggregates.rows.has(r)), detection.dimensionFilters);
  return dimensionColumns(block, data, detection.headerRow, rows, frameOf(block) ?? { left: 0, right: -1 });
}
