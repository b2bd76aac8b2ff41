import { corridors, flowsOf, margins } from "../indicators/matrix";
import { MeasureError } from "../indicators/types";
import { cell, columnLetters, range } from "./address";
import { computed, errorOf, evaluate, flat, value } from "./cells";
import { ChartSpec, placeCharts } from "./chart-placement";
import { FreeCell, spanFor, styled, textCell, titleCells } from "./layout";
import { BALANCE_THRESHOLD, CORRIDOR_COLUMNS, CORRIDOR_KEYS, CorridorRefs, functionsOf, MATRIX_KEY_FIGURES, MatrixRefs, REGION_COLUMNS, REGION_COUNT, REGION_KEYS, regionColumnLetter, RegionRefs, RegionValue } from "./measures";
import type { AlignedRegionData } from "./region-data";
import { NumberFormat, PlannedCell, PlannedSheet, PlannedTable } from "./types";
import type { HeadlineItem } from "./headline";

/**
 * Where a matrix lives for the formulas that read it: on the source sheet (matrix input) or on
 * the report's own Flow Matrix sheet (a pivoted long list). `prefix` is `'Data'!` or
 * `{{Flow Matrix}}!`; `top`/`left` the sheet position of the numeric part.
 */
export interface MatrixLocation {
  readonly prefix: string;
  readonly top: number;
  readonly left: number;
}

/** How many corridors the report lists. */
export const TOP_CORRIDORS = 20;

const KEY_TOP = 4; // key figures: each label from column A over the columns it needs, its value in the next
const MIN_TABLE_TOP = 20; // the per-region table's header row, lower when there are more key figures

export interface MatrixSheetsResult {
  readonly sheets: PlannedSheet[];
  readonly notes: string[];
  readonly headline: HeadlineItem[];
  /** Catalog functions whose definitions the report uses. */
  readonly functions: string[];
}

/**
 * The summary sheet of an origin × destination matrix (key figures: total, MEI, circulation,
 * connectivity, Gini; one row per region with outflow, inflow, turnover, net, effectiveness,
 * circulation and classification) and a Corridors sheet with the largest flows.
 */
export function planMatrixSheets(labels: readonly (string | number)[], m: number[][], at: MatrixLocation, title: string[], regionData?: AlignedRegionData): MatrixSheetsResult {
  const n = m.length;
  refuseOverflow(m);
  const ref = (i: number, j: number) => at.prefix + cell(at.top + i, at.left + j);
  const rowRange = (i: number) => at.prefix + range(at.top + i, at.left, at.top + i, at.left + n - 1);
  const colRange = (j: number) => at.prefix + range(at.top, at.left + j, at.top + n - 1, at.left + j);
  const whole = at.prefix + range(at.top, at.left, at.top + n - 1, at.left + n - 1, true);
  const first = at.prefix + cell(at.top, at.left, true);

  // Measures that need distances or populations are key figures when the report has them.
  const data = regionData?.data ?? {};
  const figures = MATRIX_KEY_FIGURES.filter((k) => k.needs === undefined || data[k.needs] !== undefined);
  // Below the key figures (one row each after "Regions"), the heading and the classification line.
  const TABLE_TOP = Math.max(MIN_TABLE_TOP, KEY_TOP + 1 + figures.length + 2);

  const flows = flowsOf(m);
  const total = margins(flows).total;

  // Per-region table: the region in column A, then each registry column in order, its total below.
  const dataTop = TABLE_TOP + 1;
  const dataBottom = TABLE_TOP + n;
  const colOf = (c: string) => `${c}${dataTop + 1}:${c}${dataBottom + 1}`;
  const regionColumns = REGION_KEYS.map((k) => REGION_COLUMNS[k]);
  const values = regionColumns.map((c) => c.compute(flows));
  const rows: PlannedCell[][] = labels.map((label, i) => {
    const r = dataTop + i;
    const at: RegionRefs = { row: rowRange(i), column: colRange(i), diagonal: ref(i, i), whole, index: i + 1, cell: (k) => `${regionColumnLetter(k)}${r + 1}` };
    return [value(label, "text"), ...regionColumns.map((c, k) => measured(values[k][i], c.native(at), c.addin(at), c.format, c.nativeArray))];
  });
  const totals: PlannedCell[] = [
    value("Total"),
    ...regionColumns.map((c, k) => {
      if (!c.total) return value(null);
      const f = c.total.formula(colOf(regionColumnLetter(REGION_KEYS[k])));
      return computed(c.total.compute(flows), f, f, c.format);
    }),
  ];
  const table: PlannedTable = {
    name: "RegionSummary",
    top: TABLE_TOP,
    left: 0,
    header: ["Region", ...regionColumns.map((c) => c.label)],
    rows,
    totals,
  };

  const widths = [Math.max(14, Math.min(40, Math.max(...labels.map((l) => String(l).length)) + 2)), 14, 12, 12, 14, 13, 16, 20];
  // The key figures' labels are long and column A holds region names: each label spans the
  // columns its text needs, so it is shown whole and column A stays as narrow as the regions.
  const labelSpan = Math.max(...[REGION_COUNT, ...figures].map((k) => spanFor(k.label, 0, widths, "keyLabel")));
  const refs: MatrixRefs = { whole, first, n, column: colOf, totalCell: cell(KEY_TOP + 1, labelSpan), distances: regionData?.distancesRange, populations: regionData?.populationsRange };
  const key: [string, PlannedCell][] = [
    [REGION_COUNT.label, value(n, REGION_COUNT.format)],
    ...figures.map((k): [string, PlannedCell] => [k.label, computed(evaluate(() => k.compute(flows, data)), k.native?.(refs), k.addin(refs), k.format, k.nativeArray)]),
  ];
  const added = figures.filter((k) => k.needs !== undefined);
  const columns = table.header.length;
  const cells: FreeCell[] = [
    ...titleCells(title, widths, columns),
    textCell(KEY_TOP - 1, 0, "Key figures", "heading", widths, columns),
    ...key.flatMap(([label, c], k): FreeCell[] => [
      { row: KEY_TOP + k, col: 0, cell: styled(value(label), "keyLabel"), ...(labelSpan > 1 ? { span: labelSpan } : {}) },
      { row: KEY_TOP + k, col: labelSpan, cell: styled(c, "keyValue") },
    ]),
    textCell(TABLE_TOP - 2, 0, "By region", "heading", widths, columns),
    textCell(TABLE_TOP - 1, 0, `Classification: effectiveness above +${BALANCE_THRESHOLD} = net gain, below −${BALANCE_THRESHOLD} = net drain, otherwise balanced circulation.`, "note", widths, columns),
  ];
  const chart: ChartSpec = { kind: "bar", title: "Net migration by region", table: table.name, categoryColumn: "Region", valueColumn: REGION_COLUMNS.net.label };

  const base: Omit<PlannedSheet, "charts"> = { name: "Migration Summary", cells, tables: [table], widths, freezeRows: 0 };
  const summarySheet: PlannedSheet = { ...base, charts: placeCharts(base, n <= 60 ? [chart] : []) };

  const corridorSheet = planCorridors(labels, m, ref);
  const [top] = corridors(m, 1);
  const headline: HeadlineItem[] = [
    { code: "regions", value: n },
    { code: "totalFlows", value: total },
    { code: "mei", value: key[2][1].value as number },
    { code: "circulationIndex", value: key[3][1].value as number },
  ];
  if (top) headline.push({ code: "largestCorridor", value: { origin: String(labels[top.origin]), destination: String(labels[top.destination]), flow: top.flow } });
  return {
    sheets: [summarySheet, corridorSheet, ...(regionData?.sheets ?? [])],
    notes: [
      "The Gini index is written as a value in the live-formula mode: it needs the flows sorted, which classic spreadsheet functions cannot do in one cell. It is recomputed when the report is rebuilt.",
      "The inequality against the independence fit, the origin and destination Gini, the migration-weighted Gini and the ACV are written as values in the live-formula mode: the first needs an iterative fit (iterative proportional fitting), the Gini measures the flows of each row or column compared pairwise or sorted, and the ACV a standard deviation per row and per column, none of which classic spreadsheet functions can do in one cell. They are recomputed when the report is rebuilt.",
      "The inequality against equal flows and the coefficient of variation of the flows are array formulas (Ctrl+Shift+Enter in Excel 2010–2019).",
      `The Corridors sheet lists the ${TOP_CORRIDORS} largest flows as ranked when the report was built; their numbers stay live, the ranking does not.`,
      "Circulation index formulas use TRANSPOSE inside SUMPRODUCT and are written as array formulas (Ctrl+Shift+Enter in Excel 2010–2019).",
      ...(regionData?.notes ?? []),
      ...added.flatMap((k) => (k.valueReason ? [k.valueReason] : [])),
      ...(added.some((k) => k.nativeArray) ? [`${added.filter((k) => k.nativeArray).map((k) => k.label).join(", ")}: array formulas (Ctrl+Shift+Enter in Excel 2010–2019).`] : []),
    ],
    headline,
    // The key figures, the per-region columns, then the Corridors sheet's columns.
    functions: functionsOf([...figures, ...regionColumns, ...CORRIDOR_KEYS.map((k) => CORRIDOR_COLUMNS[k])]),
  };
}

/** A per-region cell: the engine's value (a number, a classification, or the error the cell shows) and its formulas. */
function measured(v: RegionValue, native: string, addin: string, format: NumberFormat, nativeArray?: boolean): PlannedCell {
  if (typeof v === "string") return { value: v, native: flat(native), addin: flat(addin), format };
  return computed(v instanceof MeasureError ? errorOf(v) : v, native, addin, format, nativeArray);
}

/**
 * The largest sum a native formula takes over the matrix is the turnover total, twice the flows
 * (and a row's SUM includes its diagonal cell). Past Number.MAX_VALUE Excel shows #NUM! in those
 * cells, and ratios over them (MEI, effectiveness) follow it, while the engine's sums would be
 * Infinity and its ratios 0. No migration count comes near 1e308, so such a matrix is refused.
 */
function refuseOverflow(m: number[][]): void {
  let sum = 0;
  for (const row of m) for (const v of row) sum += Math.abs(v);
  if (!Number.isFinite(2 * sum)) {
    throw new Error("the flows are too large to add up: twice their total exceeds the largest number a spreadsheet holds (about 1.8E+308). Check the units of the matrix.");
  }
}

function planCorridors(labels: readonly (string | number)[], m: number[][], ref: (i: number, j: number) => string): PlannedSheet {
  const TOP = 3;
  // Origin and destination in columns A and B, then each registry column in order.
  const columns = CORRIDOR_KEYS.map((k) => CORRIDOR_COLUMNS[k]);
  const columnOf = new Map(CORRIDOR_KEYS.map((k, j) => [k, columnLetters(2 + j)]));
  const rows = corridors(m, TOP_CORRIDORS).map((c, k) => {
    const r = TOP + 2 + k; // 1-based sheet row of this data row
    const at: CorridorRefs = { pair: ref(c.origin, c.destination), reverse: ref(c.destination, c.origin), cell: (key) => `${columnOf.get(key)}${r}` };
    return [value(labels[c.origin], "text"), value(labels[c.destination], "text"), ...columns.map((col) => computed(col.compute(c), col.native(at), col.addin(at), col.format))];
  });
  const widths = [22, 22, 12, 13, 12, 12];
  const header = ["Origin", "Destination", ...columns.map((c) => c.label)];
  return {
    name: "Corridors",
    cells: [
      textCell(0, 0, `The ${TOP_CORRIDORS} largest flows (ordered pairs), largest first`, "title", widths, header.length),
      textCell(1, 0, "Reciprocity = 1 − |flow − counterflow| ÷ (flow + counterflow): 1 = balanced exchange, 0 = one-way.", "note", widths, header.length),
    ],
    tables: [{ name: "Corridors", top: TOP, left: 0, header, rows }],
    charts: [],
    widths,
    freezeRows: TOP + 1,
  };
}

