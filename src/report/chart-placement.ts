/**
 * Where a sheet's charts go and how large they are, worked out once from the sheet's content
 * (its free cells, tables and the charts placed before): beside the table a chart draws from
 * when the sheet then still prints one landscape page wide at full size, else below it; never
 * over a cell with content or another chart. Hosts anchor the chart over exactly these cells.
 */
import { Area, columnPixels, contentAreas, overlaps, pixelsBefore, widthOf } from "./layout";
import { PRINTABLE_PIXELS } from "./print";
import { PlannedChart, PlannedSheet } from "./types";

/** A chart as a planner asks for it: what it draws, not where. */
export type ChartSpec = Omit<PlannedChart, "top" | "left" | "rows" | "cols">;

/** A chart's width: at least 448 pixels, 7 columns of the default width (64 pixels). */
const CHART_PIXELS = 448;

/** A chart's height in rows: about one per bar (rows of 20 pixels), 15 to 45. */
export function chartRows(bars: number): number {
  return Math.max(15, Math.min(45, Math.ceil(bars * 0.9) + 4));
}

/** The columns from `left` that make up the chart's width. */
function chartCols(widths: readonly number[], left: number): number {
  let px = 0;
  let cols = 0;
  while (px < CHART_PIXELS) px += columnPixels(widthOf(widths, left + cols++));
  return cols;
}

/** The charts of a sheet, placed in order. Throws when a chart names no table of the sheet (a planner's mistake). */
export function placeCharts(sheet: Omit<PlannedSheet, "charts" | "print">, specs: readonly ChartSpec[]): PlannedChart[] {
  const placed: PlannedChart[] = [];
  for (const spec of specs) {
    const table = sheet.tables.find((t) => t.name === spec.table);
    if (!table) throw new Error(`chart "${spec.title}" draws from table ${spec.table}, which the sheet ${sheet.name} does not have`);
    const rows = chartRows(table.rows.length);
    const areas = contentAreas({ ...sheet, charts: placed });
    // Beside: one column right of everything in the rows the chart takes.
    const inRows = (a: Area) => a.top < table.top + rows && table.top < a.bottom;
    const besideLeft = areas.filter(inRows).reduce((r, a) => Math.max(r, a.right), table.left) + 1;
    const besideCols = chartCols(sheet.widths, besideLeft);
    let at: Area;
    if (pixelsBefore(sheet.widths, besideLeft + besideCols) <= PRINTABLE_PIXELS.landscape) {
      at = { top: table.top, left: besideLeft, bottom: table.top + rows, right: besideLeft + besideCols };
    } else {
      // Below: one row under everything in the columns the chart takes.
      const cols = chartCols(sheet.widths, table.left);
      const inCols = (a: Area) => a.left < table.left + cols && table.left < a.right;
      const top = areas.filter(inCols).reduce((b, a) => Math.max(b, a.bottom), table.top) + 1;
      at = { top, left: table.left, bottom: top + rows, right: table.left + cols };
    }
    if (areas.some((a) => overlaps(a, at))) throw new Error(`chart "${spec.title}" would cover cells with content`); // cannot happen: both places are past the content
    placed.push({ ...spec, top: at.top, left: at.left, rows: at.bottom - at.top, cols: at.right - at.left });
  }
  return placed;
}
