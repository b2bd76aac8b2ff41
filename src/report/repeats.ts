import { quoteText } from "../indicators/quote";
import { cell } from "./address";
import { cellAt, Geometry, isBlank } from "./dataset";
import { labelKey } from "./labels";
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

const TIMES = ["", "once", "twice"];

function listOf(addresses: readonly string[]): string {
  return addresses.length <= 2 ? addresses.join(" and ") : `${addresses.slice(0, -1).join(", ")} and ${addresses[addresses.length - 1]}`;
}

/** `Country "Ghana" appears twice: A5 and A19` (with ` for 2010, men` when a year or group tells entries apart). */
export function repeatSentence(what: string, r: Repeat, where = ""): string {
  const times = TIMES[r.addresses.length] ?? `${r.addresses.length} times`;
  const context = r.context.filter((v) => !isBlank(v));
  const forWhat = context.length ? ` for ${context.map((v) => quoteText(v, "")).join(", ")}` : "";
  const shown = r.addresses.length > 6 ? [...r.addresses.slice(0, 5), `${r.addresses.length - 5} more cells`] : r.addresses;
  return `${what} ${quoteText(r.value)} appears ${times}${where}${forWhat}: ${listOf(shown)}`;
}

/** The label cells of a table (region, else code) with year and group, or of a matrix's two label lines. */
function labelLines(block: SourceBlock, detection: Detection, data: Geometry): { what: string; where: string; cells: LabelCell[] }[] {
  const at = (r: number, c: number) => cell(block.top + r, block.left + c);
  if (data.shape === "table") {
    const ci = data.columnIndex;
    const label = ci.region ?? ci.code;
    if (label === undefined) return [];
    const what = ci.region !== undefined ? "Country" : "Code";
    const extra = [ci.year, ci.group].filter((c): c is number => c !== undefined);
    const cells = data.rowIndex.map((r) => ({ address: at(r, label), value: cellAt(block, r, label), context: extra.map((c) => cellAt(block, r, c)) }));
    return [{ what, where: "", cells }];
  }
  if (data.shape === "matrix") {
    const labels = detection.matrixLabels ?? { row: false, column: false };
    const line = (n: number, f: (i: number) => [number, number]) => Array.from({ length: n }, (_, i) => ({ address: at(...f(i)), value: cellAt(block, ...f(i)) }));
    const out: { what: string; where: string; cells: LabelCell[] }[] = [];
    if (labels.column) out.push({ what: "Region", where: " in the row labels", cells: line(data.n, (i) => [data.firstRow + i, data.firstCol - 1]) });
    if (labels.row) out.push({ what: "Region", where: " in the column labels", cells: line(data.n, (j) => [detection.headerRow, data.firstCol + j]) });
    return out;
  }
  return []; // a long list adds up a pair listed twice (detection says so)
}

/** Every repeated label of a table or matrix as a sentence naming its cells. */
export function repeatedLabels(block: SourceBlock, detection: Detection, data: Geometry): string[] {
  return labelLines(block, detection, data).flatMap(({ what, where, cells }) => repeatsOf(cells).map((r) => repeatSentence(what, r, where)));
}

/** Refuses a table or matrix that lists a region twice, naming the cells (one line, as every engine error). */
export function refuseRepeatedLabels(block: SourceBlock, detection: Detection, data: Geometry): void {
  const found = repeatedLabels(block, detection, data);
  if (found.length === 0) return;
  const shown = found.length > 5 ? [...found.slice(0, 5), `and ${found.length - 5} more`] : found;
  const advice =
    data.shape === "table"
      ? "Each country needs one row (several years or groups need a year or group column that tells the rows apart); as it is, totals would count it twice"
      : "Each region must appear once across the top and once down the side";
  throw new Error(`${shown.join("; ")}. ${advice}.`);
}
