import { StockDecrease } from "../indicators/estimation";
import { Label } from "../indicators/longformat";
import { quoteText } from "../indicators/quote";
import { cell } from "./address";
import { computed, value } from "./cells";
import { LongInput } from "./input";
import { labelKey } from "./labels";
import { textCell } from "./layout";
import { ESTIMATED_FLOW, StockChangeRefs } from "./measures";
import { periodsOf } from "./input-periods";
import { planPivot } from "./long-sheet";
import { MatrixLocation } from "./matrix-sheet";
import { CellValue, PlannedCell, PlannedSheet } from "./types";

export interface EstimatedFlows {
  /** Stocks at the start and at the end, then the Estimated Flows sheet. */
  readonly sheets: PlannedSheet[];
  readonly labels: Label[];
  readonly matrix: number[][];
  readonly location: MatrixLocation;
  readonly notes: string[];
  readonly period: [CellValue, CellValue];
}

const METHOD_TEXT: Record<StockDecrease, string> = {
  zero: "\"zero\": a flow from i to j is the rise in the stock of people born in i living in j; falls count as no flow",
  return: "\"return\": as \"zero\", and a fall in the stock of people born in j living in i also counts as a return flow from i to j",
};

/**
 * Flows estimated from migrant stocks (MIGRATION.FLOWSFROMSTOCKS) when the data is a long list
 * of stocks by place of birth (origin) and residence (destination) for two or more years: the
 * first and last years are pivoted onto their own sheets, and each estimated flow is a live
 * formula over the two: MAX(0, end − start), plus MAX(0, start − end) of the reverse pair
 * for the "return" method.
 */
export function planEstimatedFlows(input: LongInput, method: StockDecrease): EstimatedFlows {
  const years = periodsOf(input).map((p) => p.key);
  if (years.length < 2) throw new Error(`estimating flows from stocks needs stocks for two years; the list has ${years.length === 0 ? "no year column" : `only ${quoteText(years[0], "")}`}`);
  const [first, last] = [years[0], years[years.length - 1]];
  // The same regions, in the same order, for both years.
  const union: Label[] = [];
  const seen = new Set<string>();
  for (const y of [first, last]) {
    for (const l of planPivot(input, { year: y }).labels) {
      if (seen.has(labelKey(l))) continue;
      seen.add(labelKey(l));
      union.push(l);
    }
  }
  const what = "Migrant stocks: people born in each origin (row) living in each destination (column)";
  const start = planPivot(input, { year: first, sheetName: `Stocks ${String(first)}`, what, labels: union });
  const end = planPivot(input, { year: last, sheetName: `Stocks ${String(last)}`, what, labels: union });
  const flows = ESTIMATED_FLOW.compute(start.matrix, end.matrix, method);

  const n = union.length;
  const TOP = 2;
  const s = (i: number, j: number) => start.location.prefix + cell(start.location.top + i, start.location.left + j);
  const e = (i: number, j: number) => end.location.prefix + cell(end.location.top + i, end.location.left + j);
  const rows: PlannedCell[][] = flows.map((line, i) => [
    value(union[i], "text"),
    ...line.map((v, j) => {
      if (i === j) return value(0, ESTIMATED_FLOW.format);
      const at: StockChangeRefs = { start: s(i, j), end: e(i, j), reverseStart: s(j, i), reverseEnd: e(j, i), starts: range(start), ends: range(end), row: i + 1, column: j + 1, method };
      return computed(v, ESTIMATED_FLOW.native(at), ESTIMATED_FLOW.addin(at), ESTIMATED_FLOW.format);
    }),
  ]);
  const sheet: PlannedSheet = {
    name: "Estimated Flows",
    cells: [
      textCell(0, 0, `Flows estimated from the change in migrant stocks, ${String(first)} to ${String(last)}: origin (row) to destination (column)`, "title", start.sheet.widths, n + 1),
      textCell(1, 0, `Method ${METHOD_TEXT[method]}. Deaths, births and onward moves are not modelled (Abel 2013; Abel & Sander 2014).`, "note", start.sheet.widths, n + 1),
    ],
    tables: [{ name: "EstimatedFlows", top: TOP, left: 0, header: ["Origin \\ destination", ...union.map(String)], rows }],
    charts: [],
    widths: start.sheet.widths,
    freezeRows: TOP + 1,
  };
  return {
    sheets: [start.sheet, end.sheet, sheet],
    labels: union,
    matrix: flows,
    location: { prefix: "{{Estimated Flows}}!", top: TOP + 1, left: 1 },
    notes: [
      ...start.notes,
      `Estimated flows ${String(first)}–${String(last)} from the change in migrant stocks (MIGRATION.FLOWSFROMSTOCKS), method ${METHOD_TEXT[method]}. The summary and corridors describe these estimated flows. Stock differencing ignores deaths, births and onward moves; see Abel (2013) and Abel & Sander (2014) for model-based estimates.`,
    ],
    period: [first, last],
  };

  function range(p: { location: MatrixLocation }): string {
    return `${p.location.prefix}${cell(p.location.top, p.location.left, true)}:${cell(p.location.top + n - 1, p.location.left + n - 1, true)}`;
  }
}
