/**
 * The .xlsx host: writes a ReportPlan into a workbook with exceljs (../shared/DESIGN.md, "Reports").
 *
 * - The source block (file input) is copied to a sheet of the same name at the same cells, so the
 *   plan's native formulas (`'Data'!B2`) point at real data. Its values are written as they are:
 *   text stays text, even "=SUM(A1)" or "+44".
 * - Each planned sheet gets a unique, valid name; its tables become real Excel tables; every
 *   formula cell is written with the engine's value as its cached result, so a reader that does
 *   not recalculate (a viewer, a preview) still shows the right numbers.
 *
 * exceljs limits met here (see writeTable): a table's totals row may only hold text or formulas
 * tagged as custom total formulas (`<totalsRowFormula>`), which exceljs does not write, so the
 * plan's totals row is written as a plain, bold row right under the table.
 */
import { rename, unlink, writeFile } from "fs/promises";
import ExcelJS from "exceljs";
import { resolveSheetRefs } from "../report/address";
import type { CellValue, PlannedCell, PlannedError, PlannedSheet, PlannedTable, ReportPlan, SharingMode } from "../report/types";
import { displayLength, formulaFor, isPlannedError, NUMBER_FORMATS, tableHeaders, tableName, uniqueSheetName } from "./common";

/** The source block to copy into the report workbook (file input). */
export interface XlsxSource {
  readonly sheet: string;
  /** 0-based row and column of the block's top-left cell. */
  readonly top: number;
  readonly left: number;
  readonly values: CellValue[][];
}

export interface XlsxWriteOptions {
  readonly source?: XlsxSource;
  /** Add the report to this workbook instead of a new one (its sheets are never changed). */
  readonly workbook?: ExcelJS.Workbook;
}

// Host-neutral helpers moved to ./common (the Office.js host shares them); re-exported here so
// existing imports keep working.
export { NUMBER_FORMATS, uniqueSheetName, formulaFor, displayLength, tableHeaders } from "./common";

/**
 * Functions added to Excel after 2007 are stored in the file with an `_xlfn.` prefix; without it
 * Excel shows #NAME? until the formula is re-entered. (Office.js takes formulas as typed, so only
 * this host adds it.) LibreOffice reads both forms.
 */
const FUTURE_FUNCTIONS = new Set(
  (
    "ACOT ACOTH AGGREGATE ARABIC BASE BETA.DIST BETA.INV BINOM.DIST BINOM.DIST.RANGE BINOM.INV BITAND BITLSHIFT BITOR " +
    "BITRSHIFT BITXOR CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT CHISQ.INV CHISQ.INV.RT CHISQ.TEST COMBINA " +
    "CONCAT CONFIDENCE.NORM CONFIDENCE.T COT COTH COVARIANCE.P COVARIANCE.S CSC CSCH DAYS DECIMAL ERF.PRECISE " +
    "ERFC.PRECISE EXPON.DIST F.DIST F.DIST.RT F.INV F.INV.RT F.TEST FILTER FILTERXML FLOOR.MATH FLOOR.PRECISE " +
    "FORECAST.LINEAR FORMULATEXT GAMMA GAMMA.DIST GAMMA.INV GAMMALN.PRECISE GAUSS HYPGEOM.DIST IFNA IFS ISFORMULA " +
    "ISOWEEKNUM LET LOGNORM.DIST LOGNORM.INV MAXIFS MINIFS MODE.MULT MODE.SNGL MUNIT NEGBINOM.DIST NORM.DIST NORM.INV " +
    "NORM.S.DIST NORM.S.INV NUMBERVALUE PDURATION PERCENTILE.EXC PERCENTILE.INC PERCENTRANK.EXC PERCENTRANK.INC " +
    "PERMUTATIONA PHI POISSON.DIST QUARTILE.EXC QUARTILE.INC RANDARRAY RANK.AVG RANK.EQ RRI SEC SECH SEQUENCE SHEET " +
    "SHEETS SKEW.P SORT SORTBY STDEV.P STDEV.S SWITCH T.DIST T.DIST.2T T.DIST.RT T.INV T.INV.2T T.TEST TEXTJOIN " +
    "UNICHAR UNICODE UNIQUE VAR.P VAR.S WEIBULL.DIST XLOOKUP XMATCH XOR Z.TEST"
  ).split(" "),
);

/** Adds `_xlfn.` to post-2007 function names, outside string literals and quoted sheet names. */
export function toFileFormula(formula: string): string {
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(^|[^A-Za-z0-9_.])([A-Za-z][A-Za-z0-9.]*)\(/g, (m, pre: string, name: string) =>
            FUTURE_FUNCTIONS.has(name.toUpperCase()) ? `${pre}_xlfn.${name}(` : m,
          ),
    )
    .join("");
}

type XlsxValue = ExcelJS.CellValue;

/** A plain value as exceljs should store it: strings stay strings (never parsed as formulas). */
function plainValue(v: CellValue | PlannedError): XlsxValue {
  if (v === null || v === undefined) return null;
  if (isPlannedError(v)) return { error: v.error } as ExcelJS.CellErrorValue;
  if (typeof v === "number" && !Number.isFinite(v)) return { error: "#NUM!" } as ExcelJS.CellErrorValue;
  return v;
}

/** The cached result of a formula cell: the engine's value (an error value for a PlannedError). */
function resultValue(v: CellValue | PlannedError): ExcelJS.CellFormulaValue["result"] {
  if (v === null || v === undefined) return undefined;
  if (isPlannedError(v)) return { error: v.error } as ExcelJS.CellErrorValue;
  if (typeof v === "number" && !Number.isFinite(v)) return { error: "#NUM!" } as ExcelJS.CellErrorValue;
  return v;
}

/**
 * Whether a formula must be array-entered (Ctrl+Shift+Enter) to compute right in Excel 2010–2019:
 * TRANSPOSE, MMULT and FREQUENCY are evaluated element-wise only in an array formula, even inside
 * SUMPRODUCT (`SUMPRODUCT(ABS(B2:D2-TRANSPOSE(B2:B4)))`). Such cells are written as single-cell
 * array formulas (`<f t="array" ref="X1">`), which Excel 365 and LibreOffice also compute.
 * The planner says so with `nativeArray`; this check is a safety net for formulas it did not mark.
 */
export function needsArrayEntry(formula: string): boolean {
  return formula
    .split(/"(?:[^"]|"")*"|'(?:[^']|'')*'/)
    .some((part) => /(^|[^A-Za-z0-9_.])(TRANSPOSE|MMULT|FREQUENCY)\(/i.test(part));
}

/** What exceljs stores for a planned cell in a mode: a formula with the engine's value as its cached result, or the value. */
export function cellValue(cell: PlannedCell, mode: SharingMode, sheetNames: ReadonlyMap<string, string>, row: number, col: number): XlsxValue {
  const f = formulaFor(cell, mode);
  if (f === undefined) return plainValue(cell.value);
  const formula = toFileFormula(resolveSheetRefs(f, sheetNames));
  const result = resultValue(cell.value);
  if (mode === "native" && (cell.nativeArray || needsArrayEntry(formula))) {
    const ref = `${colLetter(col)}${row + 1}`;
    return { formula, result, shareType: "array", ref } as ExcelJS.CellFormulaValue;
  }
  return { formula, result };
}

function writeCell(ws: ExcelJS.Worksheet, row: number, col: number, cell: PlannedCell, mode: SharingMode, names: ReadonlyMap<string, string>): ExcelJS.Cell {
  const c = ws.getCell(row + 1, col + 1);
  c.value = cellValue(cell, mode, names, row, col);
  if (cell.format) c.numFmt = NUMBER_FORMATS[cell.format];
  return c;
}

function writeTable(
  ws: ExcelJS.Worksheet,
  t: PlannedTable,
  mode: SharingMode,
  names: ReadonlyMap<string, string>,
  tableNames: Set<string>,
  fit: number[],
): void {
  const width = Math.max(t.header.length, ...t.rows.map((r) => r.length), t.totals?.length ?? 0);
  const headers = tableHeaders(t.header, width);
  headers.forEach((h, j) => (fit[t.left + j] = Math.max(fit[t.left + j] ?? 0, h.length + 3))); // room for the filter button
  const rows = t.rows.map((r, i) => Array.from({ length: width }, (_, j) => (r[j] ? cellValue(r[j], mode, names, t.top + 1 + i, t.left + j) : null)));
  if (rows.length > 0) {
    ws.addTable({
      name: tableName(t.name, tableNames),
      ref: `${colLetter(t.left)}${t.top + 1}`,
      headerRow: true,
      totalsRow: false,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
  } else {
    // Excel tables need a data row: an empty table is written as a bold header line.
    headers.forEach((h, j) => {
      const c = ws.getCell(t.top + 1, t.left + j + 1);
      c.value = h;
      c.font = { bold: true };
    });
  }
  // Number formats (addTable wrote the values; formats are per cell).
  t.rows.forEach((r, i) =>
    r.forEach((cell, j) => {
      if (cell?.format) ws.getCell(t.top + 2 + i, t.left + j + 1).numFmt = NUMBER_FORMATS[cell.format];
      if (cell) fit[t.left + j] = Math.max(fit[t.left + j] ?? 0, displayLength(cell));
    }),
  );
  if (t.totals) {
    // A plain row right under the table: Excel accepts only text or tagged custom formulas in a
    // table's own totals row, and exceljs cannot write the tag.
    const row = t.top + 1 + Math.max(rows.length, 0);
    t.totals.forEach((cell, j) => {
      if (!cell) return;
      const c = writeCell(ws, row, t.left + j, cell, mode, names);
      c.font = { bold: true };
      c.border = { top: { style: "thin" }, bottom: { style: "double" } };
      fit[t.left + j] = Math.max(fit[t.left + j] ?? 0, displayLength(cell));
    });
  }
}

function colLetter(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: PlannedSheet, mode: SharingMode, names: ReadonlyMap<string, string>, tableNames: Set<string>): void {
  const fit: number[] = [];
  // Tables first: exceljs's addTable writes its cells, free cells may then sit beside them.
  for (const t of sheet.tables) writeTable(ws, t, mode, names, tableNames, fit);
  for (const { row, col, cell } of sheet.cells) {
    writeCell(ws, row, col, cell, mode, names);
    // Long titles and notes overflow into empty neighbours; they should not widen a column.
    const len = displayLength(cell);
    if (typeof cell.value !== "string" || len <= 40) fit[col] = Math.max(fit[col] ?? 0, len);
  }
  const columns = Math.max(sheet.widths.length, fit.length);
  for (let j = 0; j < columns; j++) {
    const given = sheet.widths[j];
    const width = given !== undefined && given > 0 ? given : Math.min(60, Math.max(8, (fit[j] ?? 0) + 2));
    ws.getColumn(j + 1).width = width;
  }
  if (sheet.freezeRows > 0) ws.views = [{ state: "frozen", ySplit: sheet.freezeRows, xSplit: 0, topLeftCell: `A${sheet.freezeRows + 1}` }];
}

/** Copies the source block to its sheet, at the same cells, values as they are. */
function writeSource(ws: ExcelJS.Worksheet, source: XlsxSource): void {
  const fit: number[] = [];
  source.values.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === null || v === undefined || v === "") return;
      const c = ws.getCell(source.top + i + 1, source.left + j + 1);
      c.value = typeof v === "number" && !Number.isFinite(v) ? { error: "#NUM!" } : v; // a string is stored as a string
      const col = source.left + j;
      fit[col] = Math.max(fit[col] ?? 0, String(v).length);
    }),
  );
  fit.forEach((w, j) => (ws.getColumn(j + 1).width = Math.min(40, Math.max(8, w + 2))));
  if (source.top === 0 && source.values.length > 1) ws.views = [{ state: "frozen", ySplit: 1, xSplit: 0, topLeftCell: "A2" }];
}

/**
 * Writes the plan into a workbook (a new one unless `options.workbook` is given) and returns it.
 * Sheets are added in the plan's order, after the source sheet.
 */
export function writeReportXlsx(plan: ReportPlan, options: XlsxWriteOptions = {}): ExcelJS.Workbook {
  const wb = options.workbook ?? new ExcelJS.Workbook();
  if (!options.workbook) {
    wb.creator = "Migration Analytics for Excel";
    wb.created = new Date();
  }
  // Native mode: full recalculation when Excel opens the file, so a live report recomputes from
  // the data. Not in add-in mode: without the add-in Excel would replace the cached results
  // (the engine's numbers) by #NAME?.
  if (plan.mode === "native") wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };

  const source = options.source;
  if (source) {
    const existing = wb.getWorksheet(source.sheet);
    if (existing) {
      if (existing.actualRowCount > 0) throw new Error(`the workbook already has a sheet '${source.sheet}' with data; the source cannot be copied into it`);
      writeSource(existing, source);
    } else {
      if (uniqueSheetName(source.sheet, []) !== source.sheet) throw new Error(`'${source.sheet}' is not a valid sheet name`);
      writeSource(wb.addWorksheet(source.sheet), source);
    }
  }

  // Final names first: formulas may reference other report sheets ({{planned name}}).
  const names = new Map<string, string>();
  const taken = wb.worksheets.map((w) => w.name);
  const finalNames = plan.sheets.map((s) => {
    const name = uniqueSheetName(s.name, taken);
    taken.push(name);
    if (!names.has(s.name)) names.set(s.name, name);
    return name;
  });
  const tableNames = new Set<string>();
  for (const w of wb.worksheets) for (const t of Object.keys((w as unknown as { tables?: Record<string, unknown> }).tables ?? {})) tableNames.add(t.toLowerCase());

  plan.sheets.forEach((s, k) => {
    const ws = wb.addWorksheet(finalNames[k]);
    writeSheet(ws, s, plan.mode, names, tableNames);
  });
  return wb;
}

/** The final name each planned sheet got in a workbook written by writeReportXlsx (same order). */
export function reportSheetNames(wb: ExcelJS.Workbook, plan: ReportPlan): string[] {
  return wb.worksheets.slice(wb.worksheets.length - plan.sheets.length).map((w) => w.name);
}

/**
 * Saves a workbook to `path` without leaving a half-written file: it is written beside the
 * target under a temporary name and renamed into place. Returns the size in bytes.
 */
export async function saveWorkbook(wb: ExcelJS.Workbook, path: string): Promise<number> {
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const tmp = `${path}.${process.pid}.partial`;
  try {
    await writeFile(tmp, buffer);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  return buffer.length;
}

/** writeReportXlsx then saveWorkbook. */
export async function saveReportXlsx(plan: ReportPlan, path: string, options: XlsxWriteOptions = {}): Promise<{ workbook: ExcelJS.Workbook; bytes: number }> {
  const workbook = writeReportXlsx(plan, options);
  const bytes = await saveWorkbook(workbook, path);
  return { workbook, bytes };
}
