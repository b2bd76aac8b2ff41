/**
 * The .xlsx host for large reports: the same plan written through exceljs's streaming writer,
 * row by row, so memory stays flat (100,000 source rows: ~120 MB instead of ~800 MB in memory).
 * The streaming writer has no Excel tables, so each planned table is written as a header row
 * with an AutoFilter over its range; everything else (formulas with cached results, array
 * formulas, number formats, frozen header, widths, unique names) is as in xlsx.ts.
 */
import { createWriteStream } from "fs";
import { rename, stat, unlink } from "fs/promises";
import ExcelJS from "exceljs";
import { range } from "../report/address";
import type { PlannedCell, PlannedSheet, PlannedTable, ReportPlan } from "../report/types";
import { tableWidth } from "./common";
import { cellValue, displayLength, NUMBER_FORMATS, tableHeaders, uniqueSheetName, XlsxSource } from "./xlsx";

/** Above this many cells (source and report), the CLI streams the workbook. */
export const STREAM_THRESHOLD_CELLS = 250_000;

/** Cells of a plan and its source, to choose between the in-memory and the streaming writer. */
export function cellCount(plan: ReportPlan, source?: XlsxSource): number {
  const planned = plan.sheets.reduce((n, s) => n + s.cells.length + s.tables.reduce((m, t) => m + (t.rows.length + 2) * t.header.length, 0), 0);
  return planned + (source ? source.values.length * (source.values[0]?.length ?? 0) : 0);
}

type Slot = { cell: PlannedCell; bold?: boolean };

/**
 * A planned sheet as rows in sheet order (the streaming writer only goes forward). Table bodies
 * are not copied into the row map: a 100,000-row table is 1,300,000 cells, and a map entry and
 * slot for each held ~150 MB more for the whole write. `bodies` says which table rows a sheet
 * row holds; the map has the rest (headers, totals, free cells).
 */
function layout(sheet: PlannedSheet): { rows: Map<number, Map<number, Slot>>; order: number[]; bodies: { t: PlannedTable; first: number }[]; filters: string[]; fit: number[] } {
  const rows = new Map<number, Map<number, Slot>>();
  const fit: number[] = [];
  const grow = (c: number, cell: PlannedCell) => {
    const len = displayLength(cell);
    if (typeof cell.value !== "string" || len <= 40) fit[c] = Math.max(fit[c] ?? 0, len);
  };
  const put = (r: number, c: number, slot: Slot) => {
    let line = rows.get(r);
    if (!line) rows.set(r, (line = new Map()));
    line.set(c, slot);
    grow(c, slot.cell);
  };
  const filters: string[] = [];
  const bodies: { t: PlannedTable; first: number }[] = [];
  const used = new Set<number>();
  for (const t of sheet.tables) {
    const width = tableWidth(t);
    tableHeaders(t.header, width).forEach((h, j) => put(t.top, t.left + j, { cell: { value: h }, bold: true }));
    for (const r of t.rows) r.forEach((cell, j) => cell && grow(t.left + j, cell));
    for (let i = 0; i < t.rows.length; i++) used.add(t.top + 1 + i);
    bodies.push({ t, first: t.top + 1 });
    t.totals?.forEach((cell, j) => cell && put(t.top + 1 + t.rows.length, t.left + j, { cell, bold: true }));
    filters.push(range(t.top, t.left, t.top + Math.max(1, t.rows.length), t.left + width - 1));
  }
  for (const { row, col, cell } of sheet.cells) put(row, col, { cell });
  for (const r of rows.keys()) used.add(r);
  return { rows, order: [...used].sort((a, b) => a - b), bodies, filters, fit };
}

/**
 * Rows written between yields to the event loop. The zip compresses on libuv's thread pool and
 * only moves on when the event loop turns, so uncompressed XML piles up in memory between
 * yields. 1,000,000-cell country table through the CLI (bench/large.ts), peak RSS: a yield every
 * 2,000 rows 1.2 GB, every 100 rows 1.1 GB, every 10 rows 0.97 GB, with no measurable cost in time.
 */
const ROWS_PER_YIELD = 10;
const tick = () => new Promise<void>((done) => setImmediate(done));

/**
 * Streams the report to `path` (via a temporary file renamed into place, so a failure leaves
 * no half-written file). Returns the size in bytes and the sheet names used.
 */
export async function streamReportXlsx(plan: ReportPlan, path: string, options: { source?: XlsxSource } = {}): Promise<{ bytes: number; sheetNames: string[] }> {
  const source = options.source;
  if (source && uniqueSheetName(source.sheet, []) !== source.sheet) throw new Error(`'${source.sheet}' is not a valid sheet name`);
  const tmp = `${path}.${process.pid}.partial`;
  const out = createWriteStream(tmp);
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
    wb.creator = "Migration Analytics for Excel";
    const taken: string[] = [];
    if (source) {
      taken.push(source.sheet);
      const ws = wb.addWorksheet(source.sheet, source.top === 0 && source.values.length > 1 ? { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] } : {});
      for (let i = 0; i < source.values.length; i++) {
        const r = source.values[i];
        const row = ws.getRow(source.top + i + 1);
        r.forEach((v, j) => {
          if (v === null || v === "") return;
          row.getCell(source.left + j + 1).value = typeof v === "number" && !Number.isFinite(v) ? ({ error: "#NUM!" } as ExcelJS.CellErrorValue) : v;
        });
        row.commit();
        if (i % ROWS_PER_YIELD === ROWS_PER_YIELD - 1) await tick();
      }
      ws.commit();
    }
    const names = new Map<string, string>();
    const finalNames = plan.sheets.map((s) => {
      const name = uniqueSheetName(s.name, taken);
      taken.push(name);
      if (!names.has(s.name)) names.set(s.name, name);
      return name;
    });
    for (let k = 0; k < plan.sheets.length; k++) {
      const sheet = plan.sheets[k];
      const { rows, order, bodies, filters, fit } = layout(sheet);
      const views: Partial<ExcelJS.WorksheetView>[] = sheet.freezeRows > 0 ? [{ state: "frozen", ySplit: sheet.freezeRows, xSplit: 0 }] : [];
      const ws = wb.addWorksheet(finalNames[k], { views });
      const columns = Math.max(sheet.widths.length, fit.length);
      ws.columns = Array.from({ length: columns }, (_, j) => ({ width: sheet.widths[j] > 0 ? sheet.widths[j] : Math.min(60, Math.max(8, (fit[j] ?? 0) + 2)) }));
      if (filters[0]) ws.autoFilter = filters[0]; // a sheet has one AutoFilter; the first table gets it
      const write = (row: ExcelJS.Row, r: number, c: number, slot: Slot) => {
        const cell = row.getCell(c + 1);
        cell.value = cellValue(slot.cell, plan.mode, names, r, c);
        if (slot.cell.format) cell.numFmt = NUMBER_FORMATS[slot.cell.format];
        if (slot.bold) cell.font = { bold: true };
      };
      for (let n = 0; n < order.length; n++) {
        const r = order[n];
        const row = ws.getRow(r + 1);
        for (const { t, first } of bodies) {
          const line = r >= first ? t.rows[r - first] : undefined;
          line?.forEach((cell, j) => cell && write(row, r, t.left + j, { cell }));
        }
        for (const [c, slot] of rows.get(r) ?? []) write(row, r, c, slot);
        row.commit();
        if (n % ROWS_PER_YIELD === ROWS_PER_YIELD - 1) await tick();
      }
      ws.commit();
    }
    await wb.commit();
    if (!out.closed) await new Promise<void>((done) => out.once("close", () => done()));
    await rename(tmp, path);
    return { bytes: (await stat(path)).size, sheetNames: taken };
  } catch (e) {
    // Close our stream before removing the file, or a late write would bring it back.
    await new Promise<void>((done) => (out.closed ? done() : (out.once("close", () => done()), out.destroy())));
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
