/**
 * The .xlsx host (../shared/DESIGN.md, "Reports"): writes a ReportPlan as SpreadsheetML text
 * streamed straight into a zip (ooxml.ts, zip-writer.ts), so neither the workbook nor a sheet is
 * ever held in memory as objects.
 *
 * - The source block (file input) is copied to a sheet of the same name at the same cells, so
 *   the plan's native formulas (`'Data'!B2`) point at real data. Text stays text, even
 *   "=SUM(A1)" or "+44": it is stored as a shared string, never as a formula.
 * - Each planned sheet gets a unique, valid name; its tables are real Excel tables; every formula
 *   carries the engine's value as its cached result, so a reader that does not recalculate (a
 *   viewer, a preview) still shows the right numbers. Native-mode files recalculate on open.
 * - A table's totals row is a plain bold row right under the table (Excel's own totals row
 *   holds only SUBTOTAL-style formulas).
 *
 * Why not exceljs, which this replaced: a 1,000,000-cell country table took 25 s and 943 MB with
 * its streaming writer (its in-memory writer needs ~2 KB a cell), most of it in per-cell objects.
 */
import { createWriteStream } from "fs";
import { rename, unlink } from "fs/promises";
import { columnLetters, quoteSheet, range, resolveSheetRefs } from "../report/address";
import { DEFINITIONS_SHEET, definitionsNote } from "../report/definitions-sheet";
import type { CellValue, PlannedCell, PlannedSheet, PlannedTable, ReportPlan, SharingMode } from "../report/types";
import { isPlannedError } from "../report/cells";
import { chartLayout, moreSeriesColumns, EXCEL_LIMITS, fittedWidths, formulaFor, freeCellLook, wrappingTableColumns, NUMBER_FORMATS, tableHeaders, tableName, tableWidth, uniqueSheetName } from "./common";
import { ChartData, chartXml, drawingXml } from "./chart-xml";
import { needsArrayEntry, toFileFormula } from "./file-formula";
import { rowHeights } from "../report/fit-widths";
import { CellLook, CellStyles, cellXml, FormulaForm, SharedStrings, contentTypesXml, docPropsXml, REL, relsXml, StoredValue, tableXml, themeXml, wellFormed, workbookXml, worksheetEnd, worksheetStart } from "./ooxml";
import { pictureSheetParts, ReportPicture } from "./picture-xml";
import { RowTemplate } from "./row-template";
import { ZipEntryWriter, ZipWriter } from "./zip-writer";

/** The source block to copy into the report workbook (file input): same sheet name and cells. */
export interface XlsxSource {
  readonly sheet: string;
  /** 0-based row and column of the block's top-left cell. */
  readonly top: number;
  readonly left: number;
  readonly values: CellValue[][];
}

const CREATOR = "Migration Analytics for Excel";
/** Text is handed to the deflater in pieces of about this many characters. */
const BATCH_CHARS = 1 << 18;

/** Collects XML text and passes it on in large pieces (one Buffer per piece, not per cell). */
class Batcher {
  private buf = "";
  constructor(private readonly entry: ZipEntryWriter) {}
  async add(text: string): Promise<void> {
    this.buf += text;
    if (this.buf.length >= BATCH_CHARS) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.buf) await this.entry.write(this.buf);
    this.buf = "";
  }
}

/** Letters of column `c`, cached: a sheet asks for the same few columns a million times. */
const letters: string[] = [];
const col = (c: number) => letters[c] ?? (letters[c] = columnLetters(c));

/** A planned formula as the file stores it: sheet references resolved, `_xlfn.`/`_xldudf_` prefixes added. */
function fileFormula(f: string, names: ReadonlyMap<string, string>): string {
  return toFileFormula(f.includes("{{") ? resolveSheetRefs(f, names) : f);
}

/**
 * Planned formulas under this length cannot reach Excel's limit of 8,192 characters once
 * stored (prefixes add a few characters a call): only longer ones are measured in full.
 */
const SHORT_FORMULA = 4096;

/** Whether a planned formula is too long for Excel as stored: such a cell is written as its value. */
function tooLong(f: string, names: ReadonlyMap<string, string>): boolean {
  return f.length > SHORT_FORMULA && fileFormula(f, names).length > EXCEL_LIMITS.formula;
}

/** A planned cell as the file stores it in a mode: the value, and the formula if the mode has one. */
function stored(cell: PlannedCell, mode: SharingMode, names: ReadonlyMap<string, string>): { value: StoredValue; formula?: FormulaForm } {
  const v = cell.value;
  const value: StoredValue = v === undefined ? null : isPlannedError(v) ? { error: v.error } : v;
  const f = formulaFor(cell, mode);
  if (f === undefined || tooLong(f, names)) return { value };
  const text = fileFormula(f, names);
  return { value, formula: { kind: mode === "native" && (cell.nativeArray === true || needsArrayEntry(text)) ? "array" : "plain", text } };
}

/**
 * Shared formulas for a table's body (§18.3.1.40): in each column, each run of rows whose
 * formula is the run's first formula filled down is stored once. A 100,000-row table's
 * formulas took 190 MB of sheet XML written out in full. Returns, per column, the form of each
 * row's formula (undefined: write it as stored() says).
 */
function shareFormulas(t: PlannedTable, mode: SharingMode, names: ReadonlyMap<string, string>, nextSi: () => number): (FormulaForm | undefined)[][] {
  const width = tableWidth(t);
  const n = t.rows.length;
  const forms: (FormulaForm | undefined)[][] = Array.from({ length: width }, () => new Array<FormulaForm | undefined>(n));
  // The run of rows each column is in: its template, its first formula for the file, its rows.
  const runs: ({ template: RowTemplate; text: string; first: number; last: number } | undefined)[] = new Array(width);
  const close = (j: number) => {
    const run = runs[j];
    runs[j] = undefined;
    if (!run || run.last === run.first) return;
    const si = nextSi();
    const column = forms[j];
    column[run.first] = { kind: "sharedMaster", text: run.text, si, ref: range(t.top + 1 + run.first, t.left + j, t.top + 1 + run.last, t.left + j) };
    const member: FormulaForm = { kind: "sharedMember", si };
    for (let i = run.first + 1; i <= run.last; i++) column[i] = member;
  };
  // Row by row (each row's cells are together in memory). Rows are compared as planned; only a
  // run's first formula is resolved for the file and checked for array entry (a formula that
  // matches it differs only in its row numbers).
  for (let i = 0; i < n; i++) {
    const line = t.rows[i];
    const r = t.top + 1 + i;
    for (let j = 0; j < width; j++) {
      const cell = line[j];
      const f = cell && formulaFor(cell, mode);
      const run = runs[j];
      if (!cell || f === undefined || (mode === "native" && cell.nativeArray) || tooLong(f, names)) {
        if (run) close(j);
        continue;
      }
      if (run && run.template.matches(f, r)) {
        run.last = i;
        continue;
      }
      if (run) close(j);
      if (mode === "native" && needsArrayEntry(f)) continue;
      runs[j] = { template: new RowTemplate(f, r), text: fileFormula(f, names), first: i, last: i };
    }
  }
  for (let j = 0; j < width; j++) close(j);
  return forms;
}

/** Copies the source block to its sheet at the same cells, values as they are (text stays text). */
async function writeSource(zip: ZipWriter, part: string, source: XlsxSource, strings: SharedStrings): Promise<void> {
  const fit: (number | undefined)[] = [];
  for (const r of source.values)
    for (let j = 0; j < r.length; j++) {
      const v = r[j];
      if (v === null || v === "") continue;
      const n = String(v).length;
      if (n > (fit[source.left + j] ?? 0)) fit[source.left + j] = n;
    }
  const widths = fit.map((w) => (w === undefined ? undefined : Math.min(40, Math.max(8, w + 2))));
  const entry = await zip.entry(part);
  const out = new Batcher(entry);
  await out.add(worksheetStart({ freezeRows: source.top === 0 && source.values.length > 1 ? 1 : 0, widths }));
  for (let i = 0; i < source.values.length; i++) {
    const r = source.values[i];
    const row = source.top + i + 1;
    let xml = "";
    for (let j = 0; j < r.length; j++) {
      const v = r[j];
      if (v === null || v === "") continue;
      xml += cellXml(`${col(source.left + j)}${row}`, v, 0, strings);
    }
    if (xml) await out.add(`<row r="${row}">${xml}</row>`);
  }
  await out.add(worksheetEnd({ tables: 0 }));
  await out.flush();
  await entry.close();
}

/**
 * The plan's widths when it gives one for every column it fills (../report/fit-widths does, for
 * every planned sheet): what fittedWidths returns then, without reading every cell again.
 * Undefined when a column has no width of its own.
 */
function plannedWidths(sheet: PlannedSheet): number[] | undefined {
  let right = 0;
  for (const t of sheet.tables) right = Math.max(right, t.left + tableWidth(t));
  for (const c of sheet.cells) right = Math.max(right, c.col + 1);
  if (right > sheet.widths.length) return undefined;
  for (const w of sheet.widths) if (!(w !== undefined && w > 0)) return undefined;
  return sheet.widths.slice();
}

/** One cell waiting in a row: its column and its XML. */
type Pending = { col: number; xml: string };

/**
 * A planned sheet. Table bodies are read from the plan row by row (a 100,000-row table is
 * 1,300,000 cells: no copy of them is made); headers, totals and free cells are few and go in a
 * map by row. Returns the tables written, for the sheet's relationships.
 */
async function writePlanned(
  zip: ZipWriter,
  part: string,
  sheet: PlannedSheet,
  ctx: { mode: SharingMode; names: ReadonlyMap<string, string>; styles: CellStyles; strings: SharedStrings; tableNames: Set<string>; nextTableId: () => number },
  drawing: boolean,
): Promise<{ id: number; xml: string }[]> {
  const { mode, names, styles, strings } = ctx;
  const extra = new Map<number, Pending[]>();
  const put = (r: number, c: number, xml: string) => {
    if (!xml) return;
    let line = extra.get(r);
    if (!line) extra.set(r, (line = []));
    line.push({ col: c, xml });
  };
  // A table with a wrapping column (the fitted widths' cap) wraps its cells, aligned to the top
  // of their taller rows.
  const tableWraps = wrappingTableColumns(sheet);
  const cellAt = (r: number, c: number, cell: PlannedCell, look: CellLook = "plain", wrap = false) => {
    const s = stored(cell, mode, names);
    return cellXml(`${col(c)}${r + 1}`, s.value, styles.id(cell.format, look, wrap), strings, s.formula);
  };
  // A body cell whose formula is part of a shared formula: only its value is worked out here.
  const bodyCell = (r: number, c: number, cell: PlannedCell, form: FormulaForm | undefined) => {
    if (!form) return cellAt(r, c, cell, "plain", tableWraps[c] === true);
    const v = cell.value;
    return cellXml(`${col(c)}${r + 1}`, v === undefined ? null : isPlannedError(v) ? { error: v.error } : v, styles.id(cell.format, "plain", tableWraps[c] === true), strings, form);
  };
  let si = 0;
  const nextSi = () => si++;

  const tables: { id: number; xml: string }[] = [];
  const bodies: { t: PlannedTable; first: number; forms: (FormulaForm | undefined)[][] }[] = [];
  const rowsUsed = new Set<number>();
  for (const t of sheet.tables) {
    const width = tableWidth(t);
    const headers = tableHeaders(t.header, width);
    // Excel tables need a data row: an empty table is a header line. Header cells carry their
    // look as cell formats, which readers that ignore table styles (LibreOffice) show too.
    const real = t.rows.length > 0;
    headers.forEach((h, j) => put(t.top, t.left + j, cellXml(`${col(t.left + j)}${t.top + 1}`, h, styles.id(undefined, "header", tableWraps[t.left + j] === true), strings)));
    if (real) {
      const id = ctx.nextTableId();
      const name = tableName(t.name, ctx.tableNames);
      tables.push({ id, xml: tableXml(id, name, range(t.top, t.left, t.top + t.rows.length, t.left + width - 1), headers) });
      bodies.push({ t, first: t.top + 1, forms: shareFormulas(t, mode, names, nextSi) });
      for (let i = 0; i < t.rows.length; i++) rowsUsed.add(t.top + 1 + i);
    }
    // The totals row is a plain bold row under the table, with a rule above and a double rule below.
    t.totals?.forEach((cell, j) => cell && put(t.top + 1 + t.rows.length, t.left + j, cellAt(t.top + 1 + t.rows.length, t.left + j, cell, "total")));
  }
  // Free cells, merged across their span.
  const merges: string[] = [];
  for (const c of sheet.cells) {
    if (c.span !== undefined && c.span > 1) merges.push(range(c.row, c.col, c.row, c.col + c.span - 1));
    const { look, wrap } = freeCellLook(sheet, c);
    put(c.row, c.col, cellAt(c.row, c.col, c.cell, look, wrap));
  }
  const heights = rowHeights(sheet);
  for (const r of extra.keys()) rowsUsed.add(r);
  const order = [...rowsUsed].sort((a, b) => a - b);

  const entry = await zip.entry(part);
  const out = new Batcher(entry);
  await out.add(worksheetStart({ freezeRows: sheet.freezeRows, widths: plannedWidths(sheet) ?? fittedWidths(sheet), fitToPage: sheet.print !== undefined }));
  for (const r of order) {
    const more = extra.get(r);
    let covering = 0;
    for (const { t, first } of bodies) if (r >= first && t.rows[r - first]) covering++;
    let xml = "";
    if (covering === 1 && !more) {
      // The common row: one table's body and nothing else, already in column order.
      for (const { t, first, forms } of bodies) {
        const line = r >= first ? t.rows[r - first] : undefined;
        if (line) for (let j = 0; j < line.length; j++) if (line[j]) xml += bodyCell(r, t.left + j, line[j], forms[j][r - first]);
      }
    } else {
      // Several sources on one row: cells go in column order, one per column (the last wins).
      const byCol = new Map<number, string>();
      for (const { t, first, forms } of bodies) t.rows[r - first]?.forEach((cell, j) => cell && byCol.set(t.left + j, bodyCell(r, t.left + j, cell, forms[j][r - first])));
      for (const p of more ?? []) byCol.set(p.col, p.xml);
      xml = [...byCol].sort((x, y) => x[0] - y[0]).map(([, x]) => x).join("");
    }
    const ht = heights.get(r);
    if (xml) await out.add(ht === undefined ? `<row r="${r + 1}">${xml}</row>` : `<row r="${r + 1}" ht="${ht}" customHeight="1">${xml}</row>`);
  }
  await out.add(worksheetEnd({ tables: tables.length, drawing, merges, print: sheet.print }));
  await out.flush();
  await entry.close();
  return tables;
}

/** The planned charts of a sheet that have data, with their cells and where they go. */
function chartsOf(sheet: PlannedSheet, sheetName: string): { data: ChartData; anchor: { from: { row: number; col: number }; to: { row: number; col: number } } }[] {
  const out: { data: ChartData; anchor: { from: { row: number; col: number }; to: { row: number; col: number } } }[] = [];
  for (const c of sheet.charts) {
    const at = chartLayout(sheet, c);
    const t = sheet.tables.find((x) => x.name === c.table);
    if (!at || !t) continue;
    const cells = t.rows.map((r) => ({ category: r[at.categoryCol - t.left], value: r[at.valueCol - t.left] }));
    const format = cells.find((x) => x.value?.format)?.value?.format;
    out.push({
      data: {
        chart: c,
        sheet: sheetName,
        ...at,
        seriesName: tableHeaders(t.header, tableWidth(t))[at.valueCol - t.left],
        categories: cells.map((x) => x.category?.value ?? null),
        values: cells.map((x) => x.value?.value ?? null),
        formatCode: format ? NUMBER_FORMATS[format] : "General",
        moreSeries: moreSeriesColumns(sheet, c).map((col) => ({
          valueCol: col,
          seriesName: tableHeaders(t.header, tableWidth(t))[col - t.left],
          values: t.rows.map((r) => r[col - t.left]?.value ?? null),
        })),
      },
      anchor: { from: at.from, to: at.to },
    });
  }
  return out;
}

const count = (n: number) => n.toLocaleString("en-US");

/**
 * Refuses a sheet that does not fit Excel's grid (1,048,576 rows × 16,384 columns, A1:XFD1048576):
 * Excel would drop what lies beyond it. `bottom` and `right` are 0-based, inclusive.
 */
function checkGrid(what: string, bottom: number, right: number, hint: string): void {
  if (bottom >= EXCEL_LIMITS.rows)
    throw new Error(`${what} reaches row ${count(bottom + 1)}, and an Excel sheet has ${count(EXCEL_LIMITS.rows)} rows; ${hint}`);
  if (right >= EXCEL_LIMITS.columns)
    throw new Error(`${what} reaches column ${columnLetters(right)} (column ${count(right + 1)}), and an Excel sheet ends at column XFD (${count(EXCEL_LIMITS.columns)} columns); ${hint}`);
}

/** The last 0-based row and column a planned sheet writes to (its charts included). */
function extent(sheet: PlannedSheet): { bottom: number; right: number } {
  let bottom = 0;
  let right = 0;
  for (const t of sheet.tables) {
    bottom = Math.max(bottom, t.top + t.rows.length + (t.totals ? 1 : 0));
    right = Math.max(right, t.left + tableWidth(t) - 1);
  }
  for (const c of sheet.cells) {
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  for (const c of sheet.charts) {
    const at = chartLayout(sheet, c);
    if (at) {
      bottom = Math.max(bottom, at.to.row);
      right = Math.max(right, at.to.col);
    }
  }
  return { bottom, right };
}

/**
 * Where the report's text and formulas exceed Excel's limits, found before writing so the report
 * can say so (the writer cuts such text and writes such formulas as values): a note for the
 * Definitions sheet, or undefined when everything fits.
 */
function limitsNote(plan: ReportPlan, source: XlsxSource | undefined, finalNames: readonly string[], names: ReadonlyMap<string, string>): string | undefined {
  const long: string[] = [];
  let longCount = 0;
  const formulas: string[] = [];
  let formulaCount = 0;
  const LISTED = 5;
  const at = (sheet: string, r: number, c: number) => `${quoteSheet(sheet)}!${col(c)}${r + 1}`;
  const text = (sheet: string, r: number, c: number, v: unknown) => {
    if (typeof v === "string" && v.length > EXCEL_LIMITS.cellText && longCount++ < LISTED) long.push(`${at(sheet, r, c)} (${count(v.length)} characters)`);
  };
  const cell = (sheet: string, r: number, c: number, x: PlannedCell) => {
    text(sheet, r, c, x.value);
    const f = formulaFor(x, plan.mode);
    if (f !== undefined && tooLong(f, names) && formulaCount++ < LISTED) formulas.push(at(sheet, r, c));
  };
  // The source's cells are most of a large report's: only a string over the limit needs more.
  if (source)
    for (let i = 0; i < source.values.length; i++) {
      const row = source.values[i];
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        if (typeof v === "string" && v.length > EXCEL_LIMITS.cellText) text(source.sheet, source.top + i, source.left + j, v);
      }
    }
  plan.sheets.forEach((sheet, k) => {
    const name = finalNames[k];
    for (const t of sheet.tables) {
      t.rows.forEach((row, i) => row.forEach((x, j) => x && cell(name, t.top + 1 + i, t.left + j, x)));
      t.totals?.forEach((x, j) => x && cell(name, t.top + 1 + t.rows.length, t.left + j, x));
    }
    for (const c of sheet.cells) cell(name, c.row, c.col, c.cell);
  });
  const more = (n: number) => (n > LISTED ? ` and ${count(n - LISTED)} more` : "");
  const notes: string[] = [];
  if (longCount > 0)
    notes.push(`An Excel cell holds at most ${count(EXCEL_LIMITS.cellText)} characters: the text of ${count(longCount)} cell(s) is cut there and ends with "…": ${long.join(", ")}${more(longCount)}.`);
  if (formulaCount > 0)
    notes.push(`An Excel formula holds at most ${count(EXCEL_LIMITS.formula)} characters: ${count(formulaCount)} cell(s) whose formula would be longer hold its value instead (not live): ${formulas.join(", ")}${more(formulaCount)}.`);
  return notes.length ? `Cut to fit Excel: ${notes.join(" ")}` : undefined;
}

/** The plan with `note` added under the last row of its Definitions sheet (or of its last sheet). */
function withNote(plan: ReportPlan, note: string): ReportPlan {
  let k = plan.sheets.findIndex((s) => s.name === DEFINITIONS_SHEET);
  if (k < 0) k = plan.sheets.length - 1;
  if (k < 0) return plan;
  const sheet = plan.sheets[k];
  const row = extent(sheet).bottom + 2;
  const sheets = plan.sheets.slice();
  sheets[k] = { ...sheet, cells: [...sheet.cells, sheet.name === DEFINITIONS_SHEET ? definitionsNote(row, note) : { row, col: 0, cell: { value: note } }] };
  return { ...plan, sheets };
}

/**
 * Writes the report to `path`, the source block first when given (via a temporary file renamed
 * into place, so a failure leaves no half-written file). Returns the size in bytes and the
 * sheet names used, in order. `now` stamps the file (default: the current time).
 */
export async function writeReportXlsx(plan: ReportPlan, path: string, options: { source?: XlsxSource; now?: Date; pictures?: readonly ReportPicture[] } = {}): Promise<{ bytes: number; sheetNames: string[]; note?: string }> {
  const source = options.source;
  if (source && uniqueSheetName(wellFormed(source.sheet), []) !== source.sheet) throw new Error(`'${source.sheet}' is not a valid sheet name`);
  if (source) {
    const width = source.values.reduce((w, r) => Math.max(w, r.length), 0);
    checkGrid(`the data copied to sheet ${quoteSheet(source.sheet)}`, source.top + source.values.length - 1, source.left + Math.max(width, 1) - 1, "read a part of it (fewer rows or columns) for each report");
  }
  for (const sheet of plan.sheets) {
    const { bottom, right } = extent(sheet);
    checkGrid(`the report's sheet ${quoteSheet(sheet.name)}`, bottom, right, "build the report from a part of the data");
  }
  const now = options.now ?? new Date();
  const tmp = `${path}.${process.pid}.partial`;
  // A large buffer: the zip writer waits for the file only when 4 MB are pending.
  const out = createWriteStream(tmp, { highWaterMark: 4 * 1024 * 1024 });
  try {
    const zip = new ZipWriter(out, { date: now });
    const taken: string[] = source ? [source.sheet] : [];
    const names = new Map<string, string>();
    for (const s of plan.sheets) {
      const name = uniqueSheetName(wellFormed(s.name), taken);
      taken.push(name);
      if (!names.has(s.name)) names.set(s.name, name);
    }
    const note = limitsNote(plan, source, source ? taken.slice(1) : taken, names);
    if (note !== undefined) plan = withNote(plan, note);

    const styles = new CellStyles();
    const strings = new SharedStrings();
    const tableNames = new Set<string>();
    let tableCount = 0;
    const ctx = { mode: plan.mode, names, styles, strings, tableNames, nextTableId: () => ++tableCount };
    let sheetNo = 0;
    if (source) await writeSource(zip, `xl/worksheets/sheet${++sheetNo}.xml`, source, strings);
    let drawingCount = 0;
    let chartCount = 0;
    for (const sheet of plan.sheets) {
      const n = ++sheetNo;
      const charts = chartsOf(sheet, taken[n - 1]);
      const tables = await writePlanned(zip, `xl/worksheets/sheet${n}.xml`, sheet, ctx, charts.length > 0);
      for (const t of tables) await zip.add(`xl/tables/table${t.id}.xml`, t.xml);
      const rels: { id: string; type: string; target: string }[] = tables.map((t, k) => ({ id: `rId${k + 1}`, type: REL.table, target: `../tables/table${t.id}.xml` }));
      if (charts.length > 0) {
        const d = ++drawingCount;
        const ids = charts.map(() => ++chartCount);
        for (let k = 0; k < charts.length; k++) await zip.add(`xl/charts/chart${ids[k]}.xml`, chartXml(charts[k].data));
        await zip.add(`xl/drawings/drawing${d}.xml`, drawingXml(charts.map((c, k) => ({ ...c.anchor, name: `Chart ${k + 1}` })), ids.map((_, k) => `rId${k + 1}`)));
        await zip.add(`xl/drawings/_rels/drawing${d}.xml.rels`, relsXml(ids.map((id, k) => ({ id: `rId${k + 1}`, type: REL.chart, target: `../charts/chart${id}.xml` }))));
        rels.push({ id: `rId${tables.length + 1}`, type: REL.drawing, target: `../drawings/drawing${d}.xml` });
      }
      if (rels.length > 0) await zip.add(`xl/worksheets/_rels/sheet${n}.xml.rels`, relsXml(rels));
    }
    // Pictures (the chord diagram) each on a sheet of their own, after the planned sheets.
    let imageCount = 0;
    for (const picture of options.pictures ?? []) {
      taken.push(uniqueSheetName(picture.sheet, taken));
      const ids = { sheet: ++sheetNo, drawing: ++drawingCount, image: ++imageCount };
      for (const part of pictureSheetParts(picture, ids, strings, styles.id(undefined, "bold"))) await zip.add(part.path, part.data);
    }

    // Native mode recalculates on open (a live report); add-in mode keeps the engine's cached
    // results, which Excel without the add-in would otherwise replace by #NAME?.
    const first = source ? 1 : 0;
    const printTitles = plan.sheets.flatMap((s, k) => (s.print?.titleRows ? [{ sheet: first + k, rows: s.print.titleRows }] : []));
    await zip.add("xl/workbook.xml", workbookXml(taken, plan.mode === "native", printTitles));
    await zip.add(
      "xl/_rels/workbook.xml.rels",
      relsXml([
        ...taken.map((_, k) => ({ id: `rId${k + 1}`, type: REL.worksheet, target: `worksheets/sheet${k + 1}.xml` })),
        { id: `rId${taken.length + 1}`, type: REL.styles, target: "styles.xml" },
        { id: `rId${taken.length + 2}`, type: REL.sharedStrings, target: "sharedStrings.xml" },
        { id: `rId${taken.length + 3}`, type: REL.theme, target: "theme/theme1.xml" },
      ]),
    );
    await zip.add("xl/theme/theme1.xml", themeXml());
    await zip.add("xl/styles.xml", styles.xml());
    const sst = await zip.entry("xl/sharedStrings.xml");
    for (const piece of strings.xml()) await sst.write(piece);
    await sst.close();
    const props = docPropsXml(CREATOR, now);
    await zip.add("docProps/core.xml", props.core);
    await zip.add("docProps/app.xml", props.app);
    await zip.add("[Content_Types].xml", contentTypesXml({ sheets: taken.length, tables: tableCount, drawings: drawingCount, charts: chartCount, pngImages: imageCount }));
    await zip.add(
      "_rels/.rels",
      relsXml([
        { id: "rId1", type: REL.officeDocument, target: "xl/workbook.xml" },
        { id: "rId2", type: REL.coreProperties, target: "docProps/core.xml" },
        { id: "rId3", type: REL.extendedProperties, target: "docProps/app.xml" },
      ]),
    );
    const bytes = await zip.finish();
    await rename(tmp, path);
    return { bytes, sheetNames: taken, ...(note !== undefined ? { note } : {}) };
  } catch (e) {
    // Close our stream before removing the file, or a late write would bring it back.
    await new Promise<void>((done) => (out.closed ? done() : (out.once("close", () => done()), out.destroy())));
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
