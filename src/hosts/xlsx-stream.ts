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
import type { PlannedCell, PlannedSheet, ReportPlan } from "../report/types";
import { cellValue, displayLength, NUMBER_FORMATS, tableHeaders, uniqueSheetName, XlsxSource } from "./xlsx";

/** Above this many cells (source and report), the CLI streams the workbook. */
export const STREAM_THRESHOLD_CELLS = 250_000;

/** Cells of a plan and its source, to choose between the in-memory and the streaming writer. */
export function cellCount(plan: ReportPlan, source?: XlsxSource): number {
  const planned = plan.sheets.reduce((n, s) => n + s.cells.length + s.tables.reduce((m, t) => m + (t.rows.length + 2) * t.header.length, 0), 0);
  return planned + (source ? source.values.length * (source.values[0]?.length ?? 0) : 0);
}

type Slot = { cell: PlannedCell; bold?: boolean };

/** A planned sheet as rows of cells in sheet order (the streaming writer only goes forward). */
function layout(sheet: PlannedSheet): { rows: Map<number, Map<number, Slot>>; filters: string[]; fit: number[] } {
  const rows = new Map<number, Map<number, Slot>>();
  const fit: number[] = [];
  const put = (r: number, c: number, slot: Slot) => {
    let line = rows.get(r);
    if (!line) rows.set(r, (line = new Map()));
    line.set(c, slot);
    const len = displayLength(slot.cell);
    if (typeof slot.cell.value !== "string" || len <= 40) fit[c] = Math.max(fit[c] ?? 0, len);
  };
  const filters: string[] = [];
  for (const t of sheet.tables) {
    const width = Math.max(t.header.length, ...t.rows.map((r) => r.length));
    tableHeaders(t.header, width).forEach((h, j) => put(t.top, t.left + j, { cell: { value: h }, bold: true }));
    t.rows.forEach((r, i) => r.forEach((cell, j) => cell && put(t.top + 1 + i, t.left + j, { cell })));
    t.totals?.forEach((cell, j) => cell && put(t.top + 1 + t.rows.length, t.left + j, { cell, bold: true }));
    filters.push(range(t.top, t.left, t.top + Math.max(1, t.rows.length), t.left + width - 1));
  }
  for (const { row, col, cell } of sheet.cells) put(row, col, { cell });
  return { rows, filters, fit };
}

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
      source.values.forEach((r, i) => {
        const row = ws.getRow(source.top + i + 1);
        r.forEach((v, j) => {
          if (v === null || v === "") return;
          row.getCell(source.left + j + 1).value = typeof v === "number" && !Number.isFinite(v) ? ({ error: "#NUM!" } as ExcelJS.CellErrorValue) : v;
        });
        row.commit();
      });
      ws.commit();
    }
    const names = new Map<string, string>();
    const finalNames = plan.sheets.map((s) => {
      const name = uniqueSheetName(s.name, taken);
      taken.push(name);
      if (!names.has(s.name)) names.set(s.name, name);
      return name;
    });
    plan.sheets.forEach((sheet, k) => {
      const { rows, filters, fit } = layout(sheet);
      const views: Partial<ExcelJS.WorksheetView>[] = sheet.freezeRows > 0 ? [{ state: "frozen", ySplit: sheet.freezeRows, xSplit: 0 }] : [];
      const ws = wb.addWorksheet(finalNames[k], { views });
      const columns = Math.max(sheet.widths.length, fit.length);
      ws.columns = Array.from({ length: columns }, (_, j) => ({ width: sheet.widths[j] > 0 ? sheet.widths[j] : Math.min(60, Math.max(8, (fit[j] ?? 0) + 2)) }));
      if (filters[0]) ws.autoFilter = filters[0]; // a sheet has one AutoFilter; the first table gets it
      for (const r of [...rows.keys()].sort((a, b) => a - b)) {
        const row = ws.getRow(r + 1);
        for (const [c, slot] of rows.get(r)!) {
          const cell = row.getCell(c + 1);
          cell.value = cellValue(slot.cell, plan.mode, names, r, c);
          if (slot.cell.format) cell.numFmt = NUMBER_FORMATS[slot.cell.format];
          if (slot.bold) cell.font = { bold: true };
        }
        row.commit();
      }
      ws.commit();
    });
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
