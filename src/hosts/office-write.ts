/**
 * Writing a ReportPlan into the open workbook through Office.js, as new, uniquely named sheets.
 *
 * One `Excel.run` per attempt. Two syncs read the names in use: sheets, tables and defined
 * names (workbook scope, then each sheet's own), since a table's name shares the workbook's
 * namespace with every defined name, and the calculation mode. Then the report is queued in
 * batches of at most 4 MB, measured as the JSON Office.js sends (office-request.ts), each sent
 * with one sync under suspended calculation and (ExcelApi 1.9) screen updating. Planned cells
 * go out as whole rectangular blocks (office-blocks.ts), split into row chunks where a block
 * would pass the budget. A report up to 4 MB of payload is written in ONE cell-writing sync.
 * A last sync activates the summary and, unless the user calculates by hand, recalculates:
 * cells written under suspended calculation are the add-in's to calculate (Application.
 * suspendApiCalculationUntilNextSync, Excel JavaScript API reference). The calculation mode
 * itself is never changed.
 *
 * The cells are prepared lazily, row by row, as each chunk is queued (never the whole report
 * at once), and every PREPARE_CHUNK_CELLS cells prepared the event loop gets a turn, progress is
 * reported and the signal is checked: the task pane stays responsive and cancellable.
 *
 * A request Excel refuses for its size (office-errors.ts, isSizeFailure: the payload codes, or
 * GeneralException as Excel on the web answers) undoes the attempt and starts again with half
 * that request's size as the budget; when the request that failed held one row (or one
 * operation), nothing smaller can be sent and the write stops. A GeneralException counts only
 * for requests of 32 KB or more, so a persistent one ends after at most seven halvings of the
 * 4 MB budget. If anything fails or the signal
 * aborts, the sheets the call added are deleted (new syncs) and an Error in plain words is
 * thrown; the source sheet is never written to.
 */
import { cell as cellAddress, range as rangeAddress } from "../report/address";
import type { PlannedCell, PlannedSheet, ReportPlan } from "../report/types";
import { yieldToEventLoop } from "../report/steps";
import { chartLayout, fittedWidths, LOOKS, moreSeriesColumns, Rule, tableHeaders, tableName, tableWidth, uniqueSheetName } from "./common";
import { FormatOp, formatOps, PageSetup, pageSetup } from "./office-format";
import { capabilities, Capabilities, requireDeclaredApi } from "./office-api";
import { withArrayValueNote } from "./office-array-note";
import { Block, CellContext, freeCellBlocks, PreparedRow, tableBlock } from "./office-blocks";
import { cancelled, isCancelled, throwIfCancelled } from "../report/cancel";
import { asHostError, excelSentence, HostError, isSizeFailure } from "./office-errors";
import { jsonBytes, RequestMeter } from "./office-request";

/**
 * A batch is sent before its measured payload would pass this: 4 MiB, a fifth under the 5 MB
 * Excel on the web refuses (the measure is within 2 % of what Office.js sends).
 */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;
/** Cells prepared for writing between two turns of the event loop (tens of ms of work). */
export const PREPARE_CHUNK_CELLS = 20_000;

/** Progress steps of writeReport (stable keys the task pane can translate). */
export type WriteStep = "names" | "cells" | "finish" | "cleanup" | "done";

export interface WriteOptions {
  readonly onProgress?: (p: { step: WriteStep; fraction: number }) => void;
  readonly signal?: AbortSignal;
  /** Payload budget per request (default 4 MiB, 4,194,304 bytes); tests lower it to force chunking. */
  readonly requestBudgetBytes?: number;
}

/** Something the user should know about a written report (stable kinds the task pane translates). */
export type WriteNotice =
  /** Formulas that need array evaluation were written as the engine's values (see office-array-note.ts). */
  | { readonly kind: "arrayFormulasAsValues"; readonly cells: number }
  /** Excel calculates by hand here: the report's formulas show their results after F9. */
  | { readonly kind: "manualCalculation" };

export interface WriteResult {
  /** The sheets written, in plan order, with the names they got. */
  readonly sheets: string[];
  /** The sheet activated at the end (the first: the summary). */
  readonly activated: string;
  /** All syncs of the successful attempt: 2 to read the names in use + the write syncs. */
  readonly syncs: number;
  readonly writeSyncs: number;
  /** The largest request's payload in bytes, as measured (see REQUEST_BUDGET_BYTES). */
  readonly largestRequestBytes: number;
  /** The whole payload, as measured. */
  readonly totalRequestBytes: number;
  /** Attempts undone because Excel refused a request as too large (0 normally). */
  readonly retries: number;
  readonly notices: WriteNotice[];
}

const CANCELLED_WRITE = "The report was cancelled.";

/**
 * Paces the synchronous work of a write: every PREPARE_CHUNK_CELLS cells it reports progress
 * (cells prepared of all cells, capped at 0.99), gives the event loop a turn and stops on abort.
 */
class Pacer {
  private done = 0;
  private since = 0;
  constructor(
    private readonly total: number,
    private readonly signal: AbortSignal | undefined,
    private readonly onProgress: ((fraction: number) => void) | undefined,
  ) {}
  get fraction(): number {
    return this.total > 0 ? Math.min(0.99, this.done / this.total) : 0;
  }
  /** Counts `cells` prepared; true when a turn is due (then `await turn()`). */
  count(cells: number): boolean {
    this.done += cells;
    this.since += cells;
    return this.since >= PREPARE_CHUNK_CELLS;
  }
  report(): void {
    this.onProgress?.(this.fraction);
  }
  async turn(): Promise<void> {
    this.since = 0;
    this.report();
    await yieldToEventLoop();
    throwIfCancelled(this.signal, CANCELLED_WRITE);
  }
}

/**
 * fittedWidths(sheet), in slices of rows with a turn of the event loop between them (it reads
 * every cell: over half a second for a 100,000-row table). A sheet's widths are the column-wise
 * maximum of its slices' widths: each is the plan's width where given, else a non-decreasing
 * function of the longest display length in the column. The header, totals and free cells go in
 * the first slice (its one table row of holes keeps each table's full width for the headers).
 */
export async function pacedFittedWidths(sheet: PlannedSheet, turn: () => Promise<void>): Promise<number[]> {
  const cells = sheet.tables.reduce((n, t) => n + t.rows.length * tableWidth(t), 0);
  if (cells <= PREPARE_CHUNK_CELLS) return fittedWidths(sheet);
  const out = fittedWidths({ ...sheet, tables: sheet.tables.map((t) => ({ ...t, rows: t.rows.length > 0 ? [new Array<PlannedCell>(tableWidth(t))] : [] })) });
  for (const t of sheet.tables) {
    const step = Math.max(1, Math.floor(PREPARE_CHUNK_CELLS / Math.max(1, tableWidth(t))));
    for (let a = 0; a < t.rows.length; a += step) {
      await turn();
      const part = fittedWidths({ ...sheet, cells: [], tables: [{ ...t, rows: t.rows.slice(a, a + step), totals: undefined }] });
      part.forEach((w, j) => (out[j] = out[j] === undefined ? w : Math.max(out[j], w)));
    }
  }
  return out;
}

/** Excel column width in points for a width in characters (Calibri 11: 7 px a character + 5 px padding; 0.75 pt a pixel). */
export const widthPoints = (chars: number) => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

/** Office.js's name of a border line's style. */
const borderStyle = (r: Rule) => (r.style === "double" ? Excel.BorderLineStyle.double : Excel.BorderLineStyle.continuous);

/** Queues a format operation on its range (see formatOps). */
function applyFormat(r: Excel.Range, op: FormatOp): void {
  if (op.merge) r.merge(false);
  const f = r.format;
  if (op.look) {
    const l = LOOKS[op.look];
    if (l.bold) f.font.bold = true;
    if (l.italic) f.font.italic = true;
    if (l.size) f.font.size = l.size;
    if (l.color) f.font.color = `#${l.color}`;
    if (l.fill) f.fill.color = `#${l.fill}`;
    for (const [edge, rule] of [[Excel.BorderIndex.edgeTop, l.top], [Excel.BorderIndex.edgeBottom, l.bottom]] as const) {
      if (!rule) continue;
      const line = f.borders.getItem(edge);
      line.style = borderStyle(rule);
      if (rule.color) line.color = `#${rule.color}`;
    }
  }
  if (op.wrap) f.wrapText = true;
  if (op.vertical) f.verticalAlignment = op.vertical === "Top" ? Excel.VerticalAlignment.top : Excel.VerticalAlignment.center;
  if (op.rowHeight !== undefined) f.rowHeight = op.rowHeight;
}

/**
 * The payload of applyFormat's operations, as measured: the range, each object under it once
 * (format, font, fill, borders and each border line: Office.js sends a path once a request),
 * and each property set.
 */
function formatBytes(m: RequestMeter, op: FormatOp): number {
  let bytes = m.range(op.address);
  if (op.merge) bytes += m.call("Merge", "[false]");
  const format: number[] = [];
  if (op.look) {
    const l = LOOKS[op.look];
    const font: number[] = [];
    if (l.bold) font.push(m.set("Bold", 4));
    if (l.italic) font.push(m.set("Italic", 4));
    if (l.size) font.push(m.set("Size", jsonBytes(l.size)));
    if (l.color) font.push(m.set("Color", jsonBytes(`#${l.color}`)));
    if (font.length) format.push(m.path("Font", undefined, 4), ...font);
    if (l.fill) format.push(m.path("Fill", undefined, 4), m.set("Color", jsonBytes(`#${l.fill}`)));
    const edges = ([["EdgeTop", l.top], ["EdgeBottom", l.bottom]] as const).filter(([, r]) => r !== undefined);
    if (edges.length) format.push(m.path("Borders", undefined, 4));
    for (const [edge, rule] of edges)
      format.push(m.path("GetItem", JSON.stringify([edge])), m.set("Style", jsonBytes(rule!.style === "double" ? "Double" : "Continuous")), rule!.color ? m.set("Color", jsonBytes(`#${rule!.color}`)) : 0);
  }
  if (op.wrap) format.push(m.set("WrapText", 4));
  if (op.vertical) format.push(m.set("VerticalAlignment", jsonBytes(op.vertical)));
  if (op.rowHeight !== undefined) format.push(m.set("RowHeight", jsonBytes(op.rowHeight)));
  if (format.length) bytes += m.path("Format", undefined, 4) + format.reduce((a, x) => a + x, 0);
  return bytes;
}

/** Queues a sheet's page set-up (ExcelApi 1.9). */
function applyPageSetup(layout: Excel.PageLayout, p: PageSetup): void {
  layout.orientation = p.orientation === "Landscape" ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
  layout.zoom = { ...p.zoom };
  layout.leftMargin = p.margins.left;
  layout.rightMargin = p.margins.right;
  layout.topMargin = p.margins.top;
  layout.bottomMargin = p.margins.bottom;
  layout.headerMargin = p.margins.header;
  layout.footerMargin = p.margins.footer;
  if (p.titleRows) layout.setPrintTitleRows(p.titleRows);
  const footer = layout.headersFooters.defaultForAllPages;
  footer.leftFooter = p.leftFooter;
  footer.centerFooter = p.centerFooter;
  footer.rightFooter = p.rightFooter;
}

function pageSetupBytes(m: RequestMeter, p: PageSetup): number {
  const margins = Object.entries(p.margins).reduce((a, [side, x]) => a + m.set(`${side[0].toUpperCase()}${side.slice(1)}Margin`, jsonBytes(x)), 0);
  return (
    m.path("PageLayout", undefined, 4) + m.set("Orientation", jsonBytes(p.orientation)) + m.set("Zoom", jsonBytes(p.zoom)) + margins +
    (p.titleRows ? m.call("SetPrintTitleRows", JSON.stringify([p.titleRows])) : 0) +
    m.path("HeadersFooters", undefined, 4) + m.path("DefaultForAllPages", undefined, 4) +
    m.set("LeftFooter", jsonBytes(p.leftFooter)) + m.set("CenterFooter", jsonBytes(p.centerFooter)) + m.set("RightFooter", jsonBytes(p.rightFooter))
  );
}

/** A request Excel refused for its size, with what it held (see writeReport's retries). */
class SizeFailure extends Error {
  constructor(
    readonly cause: unknown,
    readonly bytes: number,
    /** The request held more than one operation or more than one row: a smaller one can be tried. */
    readonly splittable: boolean,
  ) {
    super("size");
  }
}

/**
 * Queues operations into batches, sending each (one sync) before its measured payload would
 * pass the budget. Each batch starts by suspending calculation and (where offered) screen
 * updating; the sheets a batch uses are counted once per batch, as Office.js sends their paths.
 */
class Batcher {
  bytes = 0;
  syncs = 0;
  largest = 0;
  total = 0;
  private open = false;
  private ops = 0;
  private rows = 0;
  private sheetsInBatch = new Set<string>();
  readonly meter = new RequestMeter();
  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget: number,
    private readonly signal: AbortSignal | undefined,
    private readonly caps: Capabilities,
    private readonly onSent: () => void,
  ) {}
  get room(): number {
    return this.budget - this.bytes;
  }
  private begin(): void {
    if (this.open) return;
    this.open = true;
    this.ops = 0;
    this.rows = 0;
    this.sheetsInBatch.clear();
    this.bytes = this.meter.request();
    const app = this.context.application;
    this.bytes += this.meter.path("Application", undefined, 4);
    app.suspendApiCalculationUntilNextSync();
    this.bytes += this.meter.call("SuspendApiCalculationUntilNextSync", "[]");
    if (this.caps.suspendScreen) {
      app.suspendScreenUpdatingUntilNextSync();
      this.bytes += this.meter.call("SuspendScreenUpdatingUntilNextSync", "[]");
    }
  }
  /** What a sheet costs in the open batch: its path the first time the batch uses it. */
  sheetCost(name: string): number {
    return this.open && this.sheetsInBatch.has(name) ? 0 : this.meter.sheet(name);
  }
  /** Counts an operation queued on `sheet` (rows: rows of cells it writes). */
  add(bytes: number, sheet?: string, rows = 0): void {
    this.begin();
    if (sheet !== undefined && !this.sheetsInBatch.has(sheet)) this.sheetsInBatch.add(sheet);
    this.bytes += bytes;
    this.ops++;
    this.rows += rows;
  }
  /** Makes room for `bytes` more: sends the open batch first if they would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (this.open && bytes > this.room) await this.flush();
  }
  async flush(): Promise<void> {
    if (!this.open) return;
    throwIfCancelled(this.signal, CANCELLED_WRITE);
    try {
      await this.context.sync();
    } catch (e) {
      if (isSizeFailure(e, this.bytes)) throw new SizeFailure(e, this.bytes, this.ops > 1 || this.rows > 1);
      throw e;
    }
    this.syncs++;
    this.largest = Math.max(this.largest, this.bytes);
    this.total += this.bytes;
    this.open = false;
    this.onSent();
    this.bytes = 0;
  }
}

/**
 * Writes a block through the batcher: whole, or in row chunks that each fit the budget. Rows are
 * prepared as the chunk holding them is built, with the pacer giving the event loop its turns.
 */
async function writeBlock(b: Batcher, sheet: Excel.Worksheet, sheetName: string, block: Block, pacer: Pacer): Promise<void> {
  const n = block.rows;
  const prepare = async (i: number): Promise<PreparedRow> => {
    const r = block.row(i);
    if (pacer.count(block.width)) await pacer.turn();
    return r;
  };
  // What a chunk costs besides its rows: its range, the formulas (and formats) actions and their arrays' brackets.
  const overhead = (top: number, rows: number) => {
    const address = rangeAddress(top, block.left, top + rows - 1, block.left + block.width - 1);
    return b.sheetCost(sheetName) + b.meter.range(address) + b.meter.set("Formulas", 2) + (block.formats ? b.meter.set("NumberFormat", 2) : 0);
  };
  // Each array formula: its own cell's range (counted with the longest address) and its set.
  const arrayBytes = (r: PreparedRow) => r.arrays.reduce((s, a) => s + b.meter.range("XFD1048576") + b.meter.set("FormulaArray", jsonBytes(a.formula)), 0);
  let next: PreparedRow | undefined = n > 0 ? await prepare(0) : undefined;
  for (let i = 0; i < n; ) {
    const first = next!;
    const base = overhead(block.top + i, 1);
    await b.reserve(base + first.bytes + arrayBytes(first));
    let size = overhead(block.top + i, 1) + first.bytes + arrayBytes(first);
    const chunk = [first];
    next = undefined;
    let j = i + 1;
    while (j < n) {
      const r = await prepare(j);
      const more = r.bytes + arrayBytes(r);
      if (size + more > b.room) {
        next = r; // the first row of the next chunk
        break;
      }
      size += more;
      chunk.push(r);
      j++;
    }
    const top = block.top + i;
    const target = sheet.getRange(rangeAddress(top, block.left, block.top + j - 1, block.left + block.width - 1));
    target.formulas = chunk.map((r) => r.cells);
    if (block.formats) target.numberFormat = chunk.map((r) => r.formats);
    // Array formulas after the block (whose cells there hold null: left as they are).
    chunk.forEach((r, k) => {
      for (const a of r.arrays) sheet.getRange(cellAddress(top + k, block.left + a.col)).formulaArray = a.formula;
    });
    b.add(size, sheetName, chunk.length);
    if (j < n) await b.flush(); // the batch is full; the rest of the block goes in the next
    i = j;
  }
}

interface SheetJob {
  readonly planned: PlannedSheet;
  readonly name: string;
  readonly blocks: Block[];
}

type Progress = WriteOptions["onProgress"];

/** The names in use in the workbook (sheets; tables and defined names, one namespace), and its calculation mode. */
async function namesInUse(context: Excel.RequestContext): Promise<{ sheets: string[]; names: Set<string>; calculationMode: string }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name");
  const defined = context.workbook.names;
  defined.load("items/name");
  const app = context.application;
  app.load("calculationMode");
  await context.sync();
  // Each sheet's own (sheet-scoped) names: Worksheet.names, ExcelApi 1.4.
  const scoped = worksheets.items.map((w) => w.names.load("items/name"));
  await context.sync();
  const names = new Set<string>();
  for (const t of tables.items) names.add(t.name.toLowerCase());
  for (const n of defined.items) names.add(n.name.toLowerCase());
  for (const c of scoped) for (const n of c.items) names.add(n.name.toLowerCase());
  return { sheets: worksheets.items.map((w) => w.name), names, calculationMode: String(app.calculationMode) };
}

/** One attempt at writing the plan with a budget; `created` receives each sheet as it is queued. */
async function writeOnce(plan: ReportPlan, budget: number, caps: Capabilities, signal: AbortSignal | undefined, onProgress: Progress, created: string[], source: { name?: string }): Promise<Omit<WriteResult, "retries" | "notices"> & { manual: boolean }> {
  return Excel.run(async (context) => {
    onProgress?.({ step: "names", fraction: 0 });
    const inUse = await namesInUse(context);
    let syncs = 2;
    throwIfCancelled(signal, CANCELLED_WRITE);
    source.name = inUse.sheets.find((n) => n.toLowerCase() === plan.sourceSheet.toLowerCase());

    // Final names first: formulas may reference other report sheets ({{planned name}}).
    const names = new Map<string, string>();
    const taken = [...inUse.sheets];
    const finalNames = plan.sheets.map((s) => {
      const name = uniqueSheetName(s.name, taken);
      taken.push(name);
      if (!names.has(s.name)) names.set(s.name, name);
      return name;
    });
    const cx: CellContext = { mode: plan.mode, names, arrayEntry: caps.arrayEntry };
    const jobs: SheetJob[] = plan.sheets.map((s, k) => ({
      planned: s,
      name: finalNames[k],
      blocks: [...freeCellBlocks(s, cx), ...s.tables.map((t) => tableBlock(t, cx))],
    }));
    // Progress: cells prepared (and queued) of all cells; reported after each sync and every
    // PREPARE_CHUNK_CELLS cells prepared, with a turn of the event loop.
    const total = jobs.reduce((n, j) => n + j.blocks.reduce((m, k) => m + k.rows * k.width, 0), 0);
    const pacer = new Pacer(total, signal, (fraction) => onProgress?.({ step: "cells", fraction }));
    const b = new Batcher(context, budget, signal, caps, () => pacer.report());
    const m = b.meter;
    pacer.report(); // the cells step begins: nothing prepared yet

    // The sheets, first (recorded for the clean-up as each is queued).
    const worksheets = context.workbook.worksheets;
    const sheets: Excel.Worksheet[] = [];
    for (const j of jobs) {
      const bytes = m.path("Add", JSON.stringify([j.name])) + m.call("Add", JSON.stringify([j.name]));
      await b.reserve(bytes);
      created.push(j.name);
      sheets.push(worksheets.add(j.name));
      b.add(bytes, j.name);
    }

    for (let k = 0; k < jobs.length; k++) {
      const job = jobs[k];
      const ws = sheets[k];
      const at = (bytes: number) => b.sheetCost(job.name) + bytes;
      for (const block of job.blocks) await writeBlock(b, ws, job.name, block, pacer);

      // Tables over the written cells (header and totals rows get their formats below).
      for (const t of job.planned.tables) {
        const width = tableWidth(t);
        const right = t.left + width - 1;
        if (t.rows.length > 0) {
          const address = rangeAddress(t.top, t.left, t.top + t.rows.length, right);
          const name = tableName(t.name, inUse.names);
          const bytes = at(m.path("Tables", undefined, 4) + m.path("Add", JSON.stringify([address, true])) + m.call("Add", JSON.stringify([address, true])) + m.set("Name", jsonBytes(name)));
          await b.reserve(bytes);
          const table = ws.tables.add(address, true);
          table.name = name;
          b.add(bytes, job.name);
        }
      }
      // Column widths (runs of equal widths in one operation), frozen header.
      const widths = await pacedFittedWidths(job.planned, () => pacer.turn());
      for (let j = 0; j < widths.length; ) {
        let e = j;
        while (e + 1 < widths.length && widths[e + 1] === widths[j]) e++;
        const address = rangeAddress(0, j, 0, e);
        const points = widthPoints(widths[j]);
        const bytes = at(m.range(address) + m.path("Format", undefined, 4) + m.set("ColumnWidth", jsonBytes(points)));
        await b.reserve(bytes);
        ws.getRange(address).format.columnWidth = points;
        b.add(bytes, job.name);
        j = e + 1;
      }
      if (job.planned.freezeRows > 0) {
        const bytes = at(m.path("FreezePanes", undefined, 4) + m.call("FreezeRows", JSON.stringify([job.planned.freezeRows])));
        await b.reserve(bytes);
        ws.freezePanes.freezeRows(job.planned.freezeRows);
        b.add(bytes, job.name);
      }
      // Cell formats: header and totals rows, styled and merged free cells, wrapping, row heights.
      for (const op of formatOps(job.planned)) {
        const bytes = at(formatBytes(m, op));
        await b.reserve(bytes);
        applyFormat(ws.getRange(op.address), op);
        b.add(bytes, job.name);
      }
      // Page set-up (ExcelApi 1.9): one page wide, repeated header rows, footer.
      if (caps.pageLayout && job.planned.print) {
        const p = pageSetup(job.planned.print);
        const bytes = at(pageSetupBytes(m, p));
        await b.reserve(bytes);
        applyPageSetup(ws.pageLayout, p);
        b.add(bytes, job.name);
      }
      // Native charts.
      for (const c of job.planned.charts) {
        const place = chartLayout(job.planned, c);
        if (!place) continue;
        const values = rangeAddress(place.headerRow, place.valueCol, place.last, place.valueCol);
        const categories = rangeAddress(place.first, place.categoryCol, place.last, place.categoryCol);
        const from = cellAddress(place.from.row, place.from.col);
        // setPosition's end cell is covered whole: the last row and column the chart covers.
        const to = cellAddress(place.to.row - 1, place.to.col - 1);
        const bytes = at(
          m.path("Charts", undefined, 4) + m.range(values) + m.path("Add", "[]") + m.call("Add", '["BarClustered",{},"Columns"]') + m.path("Series", undefined, 4) + m.path("GetItemAt", "[0]") +
            m.range(categories) + m.call("SetXAxisValues", "[{}]") + m.path("Title", undefined, 4) + m.set("Text", jsonBytes(c.title)) + m.path("Legend", undefined, 4) + m.set("Visible", 5) +
            m.call("SetPosition", JSON.stringify([from, to])),
        );
        await b.reserve(bytes);
        const type = c.kind === "bar" ? Excel.ChartType.barClustered : c.kind === "line" ? Excel.ChartType.line : Excel.ChartType.columnClustered;
        // The values with their header: the header names the series.
        const chart = ws.charts.add(type, ws.getRange(values), Excel.ChartSeriesBy.columns);
        chart.series.getItemAt(0).setXAxisValues(ws.getRange(categories));
        chart.title.text = c.title;
        const more = moreSeriesColumns(job.planned, c);
        chart.legend.visible = more.length > 0; // several lines need a legend; one is named by the title
        chart.setPosition(from, to);
        b.add(bytes, job.name);
        // Further series (a line chart's other lines): each named by its header, over the same rows and categories.
        const table = job.planned.tables.find((t) => t.name === c.table)!;
        const headers = tableHeaders(table.header, tableWidth(table));
        for (const col of more) {
          const name = headers[col - table.left];
          const range = rangeAddress(place.first, col, place.last, col);
          const extra = at(m.path("Series", undefined, 4) + m.call("Add", JSON.stringify([name])) + m.range(range) + m.call("SetValues", "[{}]") + m.range(categories) + m.call("SetXAxisValues", "[{}]"));
          await b.reserve(extra);
          const s = chart.series.add(name);
          s.setValues(ws.getRange(range));
          s.setXAxisValues(ws.getRange(categories));
          b.add(extra, job.name);
        }
      }
    }
    await b.flush();
    syncs += b.syncs;
    // The last request, not suspended: the summary in front and, unless the user calculates by
    // hand, the recalculation that suspended calculation left to the add-in.
    onProgress?.({ step: "finish", fraction: 1 });
    sheets[0].activate();
    const manual = inUse.calculationMode === "Manual";
    if (!manual) context.application.calculate(Excel.CalculationType.recalculate);
    await context.sync();
    syncs++;
    return { sheets: finalNames, activated: finalNames[0], syncs, writeSyncs: b.syncs + 1, largestRequestBytes: b.largest, totalRequestBytes: b.total, manual };
  });
}

/**
 * Writes the plan into the workbook as new, uniquely named sheets and activates the first.
 * On any failure (or abort) the sheets it added are deleted and an Error in plain words is
 * thrown (`cancelled(…)`, ../report/cancel.ts, when cancelled).
 */
export async function writeReport(plan: ReportPlan, options: WriteOptions = {}): Promise<WriteResult> {
  const { signal, onProgress } = options;
  let budget = options.requestBudgetBytes ?? REQUEST_BUDGET_BYTES;
  throwIfCancelled(signal, `${CANCELLED_WRITE} Nothing was written.`);
  let caps: Capabilities;
  try {
    requireDeclaredApi();
    caps = capabilities();
  } catch (e) {
    throw e instanceof HostError ? new HostError(`${e.message} Nothing was written.`, e.code, e) : asHostError(e, "write the report", "Nothing was written.");
  }
  const noted = caps.arrayEntry === "value" ? withArrayValueNote(plan) : { plan, cells: 0 };
  for (let retries = 0; ; retries++) {
    const created: string[] = [];
    const source: { name?: string } = {};
    try {
      const r = await writeOnce(noted.plan, budget, caps, signal, onProgress, created, source);
      const notices: WriteNotice[] = [];
      if (noted.cells > 0) notices.push({ kind: "arrayFormulasAsValues", cells: noted.cells });
      if (r.manual) notices.push({ kind: "manualCalculation" });
      onProgress?.({ step: "done", fraction: 1 });
      const { manual: _manual, ...result } = r;
      return { ...result, retries, notices };
    } catch (thrown) {
      const size = thrown instanceof SizeFailure ? thrown : undefined;
      const e = size ? size.cause : thrown;
      let undone = "Nothing was written.";
      if (created.length > 0) {
        onProgress?.({ step: "cleanup", fraction: 1 });
        const { removed, left } = await removeSheets(created, source.name);
        if (left.length > 0) undone = `These sheets could not be removed and may be incomplete: ${left.join(", ")}.`;
        else if (removed > 0) undone = "The sheets it had started were removed.";
        if (size && size.splittable && left.length === 0) {
          budget = Math.max(1, Math.floor(Math.min(budget, size.bytes) / 2));
          continue; // again, in requests half the size of the one refused
        }
      } else if (size && size.splittable) {
        budget = Math.max(1, Math.floor(Math.min(budget, size.bytes) / 2));
        continue;
      }
      if (isCancelled(e)) throw cancelled(`${CANCELLED_WRITE} ${undone}`);
      if (size) {
        const { code } = excelSentence(e, "write the report");
        throw new HostError(`Excel refused even the smallest part of the report (one row, or one table or chart) as too large to send. ${undone}`, code, e);
      }
      const { text, code } = excelSentence(e, "write the report");
      throw new HostError(`${text} ${undone}`, code, e);
    }
  }
}

/**
 * Deletes the named sheets if they exist (new Excel.run: the failed one may be unusable).
 * Returns how many it deleted and the names it could not. Activates the source sheet first, so
 * Excel never has to pick which sheet to show when an active report sheet goes.
 */
async function removeSheets(names: string[], sourceSheet: string | undefined): Promise<{ removed: number; left: string[] }> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return await Excel.run(async (context) => {
        const ws = context.workbook.worksheets;
        const probes = names.map((n) => ws.getItemOrNullObject(n));
        const source = sourceSheet ? ws.getItemOrNullObject(sourceSheet) : undefined;
        const active = ws.getActiveWorksheet();
        active.load("name");
        await context.sync();
        const present = probes.filter((p) => !p.isNullObject);
        if (present.length === 0) return { removed: 0, left: [] };
        if (source && !source.isNullObject && names.some((n) => n.toLowerCase() === active.name.toLowerCase())) source.activate();
        for (const p of present) p.delete();
        await context.sync();
        return { removed: present.length, left: [] };
      });
    } catch {
      // try once more (e.g. the first attempt ran into a transient error)
    }
  }
  return { removed: 0, left: names };
}
