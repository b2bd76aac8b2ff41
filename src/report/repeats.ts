import { cell } from "./address";
import { cellAt, Geometry, isBlank } from "./dataset";
import { labelKey } from "./labels";
import type { RepeatedLabel } from "./refusal";
import { ReportRefusal } from "./refusal";
import { CellValue, Detection, SourceBlock } from "./types";

/**
 * Regions listed twice (labels compared as Excel compares them, labels.ts: "Ghana" and
 * "ghana " are one country). In a country table a second row for the same country (in the same year
 * and group) would be counted twice in every total; in a matrix a label used twice makes two
 * regions of one. Neither can be summarised, so the report is refused, naming every cell of
 * each repeated label; detection lists the same repeats as problems beforehand.
 */

/** A label cell: where it is on the sheet and what it holds. */
export interface LabelCell {
  readonly address: string;
  readonly value: CellValue;
  /** What else must match for two rows to be the same entry (year and group), as shown. */
  readonly context?: readonly CellValue[];
}

/** One label found in more than one cell, with all its cells in order. */
export interface Repeat {
  readonly value: CellValue;
  readonly context: readonly CellValue[];
  readonly addresses: readonly string[];
}


/** Labels that occur more than once (blanks are never repeats), in order of their first cell. */
export function repeatsOf(cells: Iterable<LabelCell>): Repeat[] {
  const groups = new Map<string, { value: CellValue; context: readonly CellValue[]; addresses: string[] }>();
  for (const c of cells) {
    if (isBlank(c.value)) continue;
    const context = c.context ?? [];
    const key = [c.value, ...context].map(labelKey).join("\u0001");
    const group = groups.get(key);
    if (group) group.addresses.push(c.address);
    else groups.set(key, { value: c.value, context, addresses: [c.address] });
  }
  return [...groups.values()].filter((g) => g.addresses.length > 1);
}

/** The label cells of a table (region, else code) with year and group, or of a matrix's two label lines. */
function labelLines(block: SourceBlock, detection: Detection, data: Geometry): { what: RepeatedLabel["what"]; cells: LabelCell[] }[] {
  const at = (r: number, c: number) => cell(block.top + r, block.left + c);
  if (data.shape === "table") {
    const ci = data.columnIndex;
    const label = ci.region ?? ci.code;
    if (label === undefined) return [];
    const what = ci.region !== undefined ? "country" : "code";
    const extra = [ci.year, ci.group].filter((c): c is number => c !== undefined);
    const cells = data.rowIndex.map((r) => ({ address: at(r, label), value: cellAt(block, r, label), context: extra.map((c) => cellAt(block, r, c)) }));
    return [{ what, cells }];
  }
  if (data.shape === "matrix") {
    const labels = detection.matrixLabels ?? { row: false, column: false };
    const line = (n: number, f: (i: number) => [number, number]) => Array.from({ length: n }, (_, i) => ({ address: at(...f(i)), value: cellAt(block, ...f(i)) }));
    const out: { what: RepeatedLabel["what"]; cells: LabelCell[] }[] = [];
    if (labels.column) out.push({ what: "rowLabel", cells: line(data.n, (i) => [data.firstRow + i, data.firstCol - 1]) });
    if (labels.row) out.push({ what: "columnLabel", cells: line(data.n, (j) => [detection.headerRow, data.firstCol + j]) });
    return out;
  }
  return []; // a long list adds up a pair listed twice (detection says so)
}

/** Every repeated label of a table or matrix, with its cells. */
export function repeatedLabels(block: SourceBlock, detection: Detection, data: Geometry): RepeatedLabel[] {
  return labelLines(block, detection, data).flatMap(({ what, cells }) => repeatsOf(cells).map((r) => ({ what, label: r.value, context: r.context, count: r.addresses.length, addresses: r.addresses })));
}

/** How many repeated labels a refusal names; the rest are counted. */
const NAMED_REPEATS = 5;

/** Refuses a table or matrix that lists a region twice, naming the cells (one line, as every engine error). */
export function refuseRepeatedLabels(block: SourceBlock, detection: Detection, data: Geometry): void {
  const found = repeatedLabels(block, detection, data);
  if (found.length === 0) return;
  const shape = data.shape === "table" ? "table" : "matrix";
  throw new ReportRefusal("repeatedLabels", { shape, repeats: found.slice(0, NAMED_REPEATS), more: Math.max(0, found.length - NAMED_REPEATS) });
}
