/**
 * The in-memory .xlsx reader read-input.ts used before the streaming one (src/cli/read-xlsx.ts):
 * exceljs loads the whole workbook. Kept for the tests only, as the reference the streamed
 * values are compared with.
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/report/types";

/** What a cell shows, as a CellValue. */
export function cellValueOf(cell: ExcelJS.Cell): CellValue {
  if (cell.type === ExcelJS.ValueType.Merge) return null; // a merged-over cell is blank in Excel
  if (cell.type === ExcelJS.ValueType.Formula) {
    // cell.value drops falsy results (0, "", false); the model keeps them.
    return plain((cell.model as { result?: unknown }).result);
  }
  return plain(cell.value);
}

function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    const iso = v.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(/\.000Z$/, "Z");
  }
  if (typeof v === "object") {
    const o = v as { error?: string; richText?: { text: string }[]; text?: unknown; result?: unknown; formula?: string; sharedFormula?: string };
    if (typeof o.error === "string") return o.error;
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join("");
    if ("formula" in o || "sharedFormula" in o) return plain(o.result);
    if (typeof o.text === "string") return o.text;
    if (o.text && typeof o.text === "object") return plain(o.text);
  }
  return String(v);
}

/** Every sheet of the workbook as the old path read it: name → sparse grid (0-based). */
export async function legacyGrids(path: string): Promise<Map<string, CellValue[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out = new Map<string, CellValue[][]>();
  for (const ws of wb.worksheets) {
    const grid: CellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        cells[c - 1] = cellValueOf(cell);
      });
      grid[r - 1] = cells;
    });
    out.set(ws.name, grid);
  }
  return out;
}
