/**
 * The Office.js host (../shared/DESIGN.md, "Reports"): reads the user's selection into a
 * SourceBlock and writes a ReportPlan into the open workbook through the global `Excel`.
 *
 * Reading: one `Excel.run`. The first sync loads the selection's address and sheet, the used
 * part of the selection (so a whole-column selection "A:H" is read as the cells that hold
 * data) and, speculatively, the values of the selection within two fixed windows at the top of
 * the sheet (rows 1–5,000 × columns A–AN, rows 5,001–25,000 × columns A–J, for the default
 * 200,000 cells each): the size of a selection is unknown until a sync returns, so this is how a
 * selection that fits them — nearly every real one — is read in ONE sync while a huge one costs
 * at most 2 × chunkCells cells of wasted payload. What the windows did not hold is read in row
 * chunks of at most `chunkCells` cells, one sync each, with progress and cancellation; a chunk
 * Excel refuses as too large is halved and read again.
 *
 * Writing: one `Excel.run`. One sync loads the workbook's sheet and table names (to make the
 * report's names unique); then the whole report is queued in batches of at most 4 MB (an
 * estimate: the UTF-8 length of the JSON of every value, formula and format queued, plus a
 * fixed allowance per operation), each sent with one sync under suspended calculation and
 * screen updating. Planned cells go out as whole rectangular blocks (`range.formulas`, formulas
 * and values mixed; `range.numberFormat` the same shape), split into row chunks where a block
 * would pass the budget. A report up to 4 MB of payload is written in ONE write sync.
 * The cells are prepared lazily, row by row, as each chunk is queued (never the whole report at
 * once), and every PREPARE_CHUNK_CELLS cells prepared the event loop gets a turn, progress is
 * reported and the signal is checked: a 100,000-row table takes seconds to prepare in all, and
 * the task pane must stay responsive and cancellable meanwhile.
 * If anything fails or the signal aborts, the sheets this call added are deleted (new syncs)
 * and an Error in plain words is thrown; the source sheet is never written to.
 *
 * Text from the plan is written with a leading apostrophe, always: Excel then stores it as
 * text exactly as given, whatever it looks like ("=SUM(A1)", "+44", "-x", "@x", "1/2",
 * "Mar-20", "TRUE", "1,234"), in every locale. (Excel shows the apostrophe in the formula bar
 * only.) Formulas flagged `nativeArray` are written as ordinary formulas: Office.js has no way
 * to array-enter a formula. Dynamic-array Excel (365, 2021+, the web) evaluates them as arrays
 * anyway and saves them as array formulas for older versions; Excel 2016/2019 running the
 * add-in would evaluate them with implicit intersection.
 */
import { cell as cellAddress, parseRange, range as rangeAddress, resolveSheetRefs } from "../report/address";
import type { CellValue, PlannedCell, PlannedSheet, PlannedTable, ReportPlan, SharingMode, SourceBlock } from "../report/types";
import { yieldToEventLoop } from "../report/steps";
import { chartLayout, fittedWidths, formulaFor, isPlannedError, NUMBER_FORMATS, tableHeaders, tableName, tableWidth, uniqueSheetName } from "./common";

/** Selections up to this many cells are read in one go; larger ones in chunks of this size. */
export const DEFAULT_CHUNK_CELLS = 200_000;
/** A batch is sent before its estimated payload would pass this (Excel on the web refuses 5 MB). */
export const REQUEST_BUDGET_BYTES = 4_000_000;
/** Cells prepared for writing between two turns of the event loop (tens of ms of work). */
export const PREPARE_CHUNK_CELLS = 20_000;
/** Allowance per queued operation for what Office.js sends besides the values (ids, paths, names). */
const OP_BYTES = 300;
/**
 * The speculative first-sync windows, stacked: columns A–AN for the first chunkCells / 40 rows
 * (rows 1–5,000 by default), then columns A–J for the next chunkCells / 10 rows (rows
 * 5,001–25,000). Each holds at most chunkCells cells; together they cover wide tables and
 * matrices of up to 5,000 rows and narrow tables and lists of up to 25,000 rows.
 */
function windows(chunkCells: number): { top: number; bottom: number; right: number }[] {
  const wide = Math.max(1, Math.floor(chunkCells / 40));
  const tall = Math.max(1, Math.floor(chunkCells / 10));
  return [
    { top: 0, bottom: wide - 1, right: 39 },
    { top: wide, bottom: wide + tall - 1, right: 9 },
  ];
}

export interface ReadOptions {
  /** Called after each chunk with rows read and rows in all (once, at the end, for one-sync reads). */
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  readonly chunkCells?: number;
}

export interface ReadResult {
  readonly block: SourceBlock;
  /** The block's range on its sheet, e.g. "A1:D40" (the used part of the selection). */
  readonly address: string;
  readonly sheet: string;
  /** The selection as the user made it, e.g. "A:D" or "A1:D40". */
  readonly selected: string;
}

/** Progress steps of writeReport (stable keys the task pane can translate). */
export type WriteStep = "names" | "cells" | "finish" | "cleanup" | "done";

export interface WriteOptions {
  readonly onProgress?: (p: { step: WriteStep; fraction: number }) => void;
  readonly signal?: AbortSignal;
  /** Payload budget per request (default 4,000,000 bytes); tests lower it to force chunking. */
  readonly requestBudgetBytes?: number;
}

export interface WriteResult {
  /** The sheets written, in plan order, with the names they got. */
  readonly sheets: string[];
  /** The sheet activated at the end (the first: the summary). */
  readonly activated: string;
  /** All syncs of the call: 1 to read the workbook's names + the write syncs. */
  readonly syncs: number;
  readonly writeSyncs: number;
  /** The largest request's estimated payload in bytes (see REQUEST_BUDGET_BYTES). */
  readonly largestRequestBytes: number;
  /** The whole payload, estimated. */
  readonly totalRequestBytes: number;
}

// ---------------------------------------------------------------------------------------------
// Errors in plain words

/** An Error the task pane can show as it is; `code` is Excel's error code when there was one. */
export class HostError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = "HostError";
  }
}

function abortError(message: string): Error {
  const e = new Error(message);
  e.name = "AbortError";
  return e;
}

function isAbort(e: unknown): boolean {
  return (e as { name?: unknown } | null)?.name === "AbortError";
}

/** Excel's error code (OfficeExtension.Error has a string `code`). */
function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[A-Za-z]+$/.test(code) ? code : undefined;
}

const isPayloadError = (e: unknown) => codeOf(e) === "RequestPayloadSizeLimitExceeded" || codeOf(e) === "ResponsePayloadSizeLimitExceeded";

const OFFICE_MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode: "Excel is busy editing a cell: press Enter or Esc in the cell, then try again.",
  AccessDenied: "Excel did not allow the change: the workbook may be protected, shared read-only or opened in a view that cannot be edited.",
  RequestPayloadSizeLimitExceeded: "The data was too large for one request to Excel.",
  ResponsePayloadSizeLimitExceeded: "The data was too large for one answer from Excel.",
  ItemAlreadyExists: "A sheet or table with one of the report's names appeared while the report was being written.",
  InvalidSelection: "Select one block of cells: the current selection has several areas or is not a range of cells.",
  UnsupportedSheet: "This kind of sheet cannot be read: select cells on an ordinary worksheet.",
  ApiNotFound: "This version of Excel lacks a feature the add-in needs (Excel 2016 or later, or Excel on the web).",
};

function excelSentence(e: unknown, doing: string): { text: string; code?: string } {
  const code = codeOf(e);
  if (code && OFFICE_MESSAGES[code]) return { text: OFFICE_MESSAGES[code], code };
  const message = e instanceof Error ? e.message.trim().replace(/\s+/g, " ") : "";
  const sentence = message && message.length <= 300 && !/\bat \S+ \(|undefined|is not a function/.test(message) ? message : "";
  if (code) return { text: `Excel could not ${doing} (${code}${sentence ? `: ${sentence.replace(/\.$/, "")}` : ""}).`, code };
  if (sentence && !(e instanceof TypeError || e instanceof ReferenceError)) return { text: /[.!?]$/.test(sentence) ? sentence : `${sentence}.` };
  return { text: `Something went wrong while trying to ${doing}.` };
}

function throwIfAborted(signal: AbortSignal | undefined, message: string): void {
  if (signal?.aborted) throw abortError(message);
}

/** Whether the host has an API set; without Office (tests, the double) everything is assumed. */
function supports(version: string): boolean {
  try {
    const office = (globalThis as { Office?: typeof Office }).Office;
    const req = office?.context?.requirements;
    return req?.isSetSupported ? req.isSetSupported("ExcelApi", version) : true;
  } catch {
    return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the selection

/** "Sheet1!A1:D40" / "'My data'!A1" → the sheet-less part and the 0-based rectangle. */
function splitAddress(address: string): { ref: string; rect: { top: number; left: number; bottom: number; right: number } } {
  const ref = address.slice(address.lastIndexOf("!") + 1);
  const rect = parseRange(ref);
  if (!rect) throw new HostError(`Excel gave a range address the add-in cannot read: ${address}.`);
  return { ref, rect };
}

/** A row of Office.js values as block cells: blanks ("") become null, the rest as they are. */
function toCells(row: unknown[], from: number, count: number): CellValue[] {
  const out: CellValue[] = new Array(count);
  for (let j = 0; j < count; j++) {
    const v = row[from + j];
    out[j] = v === "" || v === undefined || v === null ? null : (v as CellValue);
  }
  return out;
}

/**
 * Reads the selected range (its used part) into a SourceBlock. Normal selections take one
 * sync; larger ones are read in row chunks with progress and cancellation (an Error named
 * "AbortError" when the signal aborts).
 */
export async function readSelection(options: ReadOptions = {}): Promise<ReadResult> {
  const { signal, onProgress } = options;
  const chunkCells = Math.max(1, Math.floor(options.chunkCells ?? DEFAULT_CHUNK_CELLS));
  const cancelled = "Reading the selection was cancelled.";
  throwIfAborted(signal, cancelled);
  try {
    return await Excel.run(async (context) => {
      // Sync 1: where the selection is, its used part, and the values inside the window.
      let first: { selection: Excel.Range; sheet: Excel.Worksheet; data: Excel.Range; heads: Excel.Range[] } | undefined;
      for (const withHeads of [true, false]) {
        const selection = context.workbook.getSelectedRange();
        selection.load("address");
        const sheet = selection.worksheet;
        sheet.load("name");
        const data = selection.getUsedRangeOrNullObject(true);
        data.load("address,rowCount,columnCount");
        const heads = withHeads
          ? windows(chunkCells).map((w) => selection.getIntersectionOrNullObject(rangeAddress(w.top, 0, w.bottom, w.right)).load("address,values"))
          : [];
        try {
          await context.sync();
          first = { selection, sheet, data, heads };
          break;
        } catch (e) {
          if (!(withHeads && isPayloadError(e))) throw e; // the windows' text was too heavy: read in chunks
        }
      }
      const { selection, sheet, data, heads } = first!;
      throwIfAborted(signal, cancelled);
      const selected = selection.address.slice(selection.address.lastIndexOf("!") + 1); // may be "A:D"
      if (data.isNullObject) throw new HostError(`The selection (${selected}) is empty: select the cells that hold your data, headers and labels included.`);
      const sheetName = sheet.name;
      const { ref, rect } = splitAddress(data.address);
      const rows = data.rowCount;
      const cols = data.columnCount;
      const values: CellValue[][] = new Array(rows);
      let done = 0;
      // The leading rows of the data that the windows hold over its full width.
      for (const head of heads) {
        if (head.isNullObject) continue;
        const h = splitAddress(head.address).rect;
        const next = rect.top + done;
        if (done < rows && h.top <= next && h.bottom >= next && h.left <= rect.left && h.right >= rect.right) {
          const last = Math.min(h.bottom, rect.bottom);
          const hv = head.values;
          for (let r = next; r <= last; r++) values[r - rect.top] = toCells(hv[r - h.top], rect.left - h.left, cols);
          done = last - rect.top + 1;
        }
      }
      // Further syncs, only for what the window did not hold: row chunks of chunkCells at most.
      let chunkRows = Math.max(1, Math.floor(chunkCells / cols));
      while (done < rows) {
        onProgress?.(done, rows);
        throwIfAborted(signal, cancelled);
        const n = Math.min(chunkRows, rows - done);
        const part = sheet.getRange(rangeAddress(rect.top + done, rect.left, rect.top + done + n - 1, rect.right));
        part.load("values");
        try {
          await context.sync();
        } catch (e) {
          if (isPayloadError(e) && n > 1) {
            chunkRows = Math.ceil(n / 2);
            continue;
          }
          throw e;
        }
        const pv = part.values;
        for (let i = 0; i < n; i++) values[done + i] = toCells(pv[i], 0, cols);
        done += n;
      }
      throwIfAborted(signal, cancelled);
      onProgress?.(rows, rows);
      const block: SourceBlock = { sheet: sheetName, top: rect.top, left: rect.left, values, provenance: data.address };
      return { block, address: ref, sheet: sheetName, selected };
    });
  } catch (e) {
    if (isAbort(e) || e instanceof HostError) throw e;
    const { text, code } = excelSentence(e, "read the selection");
    throw new HostError(text, code, e);
  }
}

// ---------------------------------------------------------------------------------------------
// Writing a report

type Input = string | number | boolean | null;

/** Text as Excel must take it: always as text (an apostrophe first), never as a formula or number. */
export function asText(s: string): string {
  return s === "" ? "" : `'${s}`;
}

/** What range.formulas receives for a planned cell: "=formula", a number, a boolean, 'text, an error literal, or null (nothing). */
export function cellInput(cell: PlannedCell | undefined, mode: SharingMode, names: ReadonlyMap<string, string>): Input {
  if (!cell) return null;
  const f = formulaFor(cell, mode);
  if (f !== undefined) return `=${resolveSheetRefs(f, names)}`;
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (isPlannedError(v)) return v.error; // Excel reads "#DIV/0!" as the error value
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "boolean") return v;
  return v === "" ? null : asText(String(v));
}

/** UTF-8 length of a string. */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

const jsonBytes = (x: unknown) => utf8Length(JSON.stringify(x));

/** One row of a block as range.formulas / range.numberFormat take it, and its estimated payload. */
interface PreparedRow {
  readonly cells: Input[];
  /** Null = leave the format alone; all null when the block has no formats. */
  readonly formats: (string | null)[];
  readonly bytes: number;
}

/**
 * A rectangle of cells to write in one piece (split into row chunks only to fit a request). Its
 * rows are prepared on demand (`row`), just before the chunk holding them is queued.
 */
interface Block {
  readonly top: number;
  readonly left: number;
  readonly width: number;
  readonly rows: number;
  /** Whether any cell has a format (then numberFormat is written for the whole block). */
  readonly formats: boolean;
  row(i: number): PreparedRow;
}

interface SheetJob {
  readonly planned: PlannedSheet;
  readonly name: string;
  readonly blocks: Block[];
}

function prepared(cells: Input[], formats: (string | null)[], withFormats: boolean): PreparedRow {
  return { cells, formats, bytes: jsonBytes(cells) + 1 + (withFormats ? jsonBytes(formats) + 1 : 0) };
}

/** Free cells as blocks: one per run of consecutive rows, as wide as those rows' cells reach. */
function freeCellBlocks(sheet: PlannedSheet, mode: SharingMode, names: ReadonlyMap<string, string>): Block[] {
  const byRow = new Map<number, { col: number; cell: PlannedCell }[]>();
  for (const c of sheet.cells) {
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const blocks: Block[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    const run = rows.slice(i, j + 1);
    let left = Infinity;
    let right = -1;
    let anyFormat = false;
    for (const r of run) {
      for (const { col, cell } of byRow.get(r)!) {
        left = Math.min(left, col);
        right = Math.max(right, col);
        if (cell.format) anyFormat = true;
      }
    }
    const width = right - left + 1;
    const row = (k: number): PreparedRow => {
      const cells: Input[] = new Array(width).fill(null);
      const fmt: (string | null)[] = new Array(width).fill(null);
      for (const { col, cell } of byRow.get(run[k])!) {
        cells[col - left] = cellInput(cell, mode, names);
        if (cell.format) fmt[col - left] = NUMBER_FORMATS[cell.format];
      }
      return prepared(cells, fmt, anyFormat);
    };
    blocks.push({ top: run[0], left, width, rows: run.length, formats: anyFormat, row });
    i = j + 1;
  }
  return blocks;
}

/** A table as one block: header (as text), data rows, and the totals row right under it. */
function tableBlock(t: PlannedTable, mode: SharingMode, names: ReadonlyMap<string, string>): Block {
  const width = tableWidth(t);
  const formatOf = (c: PlannedCell | undefined) => (c?.format ? NUMBER_FORMATS[c.format] : null);
  const hasFormat = (r: readonly PlannedCell[]) => {
    for (let j = 0; j < width; j++) if (formatOf(r[j])) return true;
    return false;
  };
  const anyFormat = t.rows.some(hasFormat) || (t.totals !== undefined && hasFormat(t.totals));
  const data = (r: readonly PlannedCell[]): PreparedRow => {
    const cells: Input[] = new Array(width);
    const fmt: (string | null)[] = new Array(width);
    for (let j = 0; j < width; j++) {
      const c = r[j];
      cells[j] = cellInput(c, mode, names);
      fmt[j] = formatOf(c);
    }
    return prepared(cells, fmt, anyFormat);
  };
  const n = t.rows.length;
  const row = (i: number): PreparedRow => {
    if (i === 0) return prepared(tableHeaders(t.header, width).map(asText), new Array(width).fill(null), anyFormat);
    return data(i <= n ? t.rows[i - 1] : t.totals!);
  };
  return { top: t.top, left: t.left, width, rows: 1 + n + (t.totals ? 1 : 0), formats: anyFormat, row };
}

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
    throwIfAborted(this.signal, CANCELLED_WRITE);
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

/**
 * Queues operations into batches, sending each (one sync) before its estimated payload would
 * pass the budget. Each batch starts by suspending calculation and screen updating.
 */
class Batcher {
  bytes = 0;
  syncs = 0;
  largest = 0;
  total = 0;
  private open = false;
  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget: number,
    private readonly signal: AbortSignal | undefined,
    private readonly suspend: { calc: boolean; screen: boolean },
    private readonly onSent: (sentBytes: number) => void,
  ) {}
  get room(): number {
    return this.budget - this.bytes;
  }
  add(bytes: number): void {
    if (!this.open) {
      this.open = true;
      this.bytes = 0;
      if (this.suspend.calc) this.context.application.suspendApiCalculationUntilNextSync();
      if (this.suspend.screen) this.context.application.suspendScreenUpdatingUntilNextSync();
      this.bytes += 2 * OP_BYTES;
    }
    this.bytes += bytes;
  }
  /** Makes room for `bytes` more: sends the open batch first if they would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (this.open && bytes > this.room) await this.flush();
  }
  async flush(): Promise<void> {
    if (!this.open) return;
    throwIfAborted(this.signal, CANCELLED_WRITE);
    await this.context.sync();
    this.syncs++;
    this.largest = Math.max(this.largest, this.bytes);
    this.total += this.bytes;
    this.open = false;
    this.onSent(this.bytes);
    this.bytes = 0;
  }
}

const CANCELLED_WRITE = "The report was cancelled.";

/**
 * Writes a block through the batcher: whole, or in row chunks that each fit the budget. Rows are
 * prepared as the chunk holding them is built, with the pacer giving the event loop its turns.
 */
async function writeBlock(b: Batcher, sheet: Excel.Worksheet, block: Block, pacer: Pacer): Promise<void> {
  const perOp = (block.formats ? 2 : 1) * OP_BYTES;
  const n = block.rows;
  const prepare = async (i: number): Promise<PreparedRow> => {
    const r = block.row(i);
    if (pacer.count(block.width)) await pacer.turn();
    return r;
  };
  let next: PreparedRow | undefined = n > 0 ? await prepare(0) : undefined;
  for (let i = 0; i < n; ) {
    const first = next!;
    await b.reserve(perOp + first.bytes);
    let size = perOp + first.bytes;
    const cells = [first.cells];
    const formats = [first.formats];
    next = undefined;
    let j = i + 1;
    while (j < n) {
      const r = await prepare(j);
      if (size + r.bytes > b.room) {
        next = r; // the first row of the next chunk
        break;
      }
      size += r.bytes;
      cells.push(r.cells);
      formats.push(r.formats);
      j++;
    }
    const target = sheet.getRange(rangeAddress(block.top + i, block.left, block.top + j - 1, block.left + block.width - 1));
    target.formulas = cells;
    if (block.formats) target.numberFormat = formats;
    b.add(size);
    if (j < n) await b.flush(); // the batch is full; the rest of the block goes in the next
    i = j;
  }
}

/**
 * Writes the plan into the workbook as new, uniquely named sheets and activates the first.
 * On any failure (or abort) the sheets it added are deleted and an Error in plain words is
 * thrown (name "AbortError" when cancelled).
 */
export async function writeReport(plan: ReportPlan, options: WriteOptions = {}): Promise<WriteResult> {
  const { signal, onProgress } = options;
  const budget = options.requestBudgetBytes ?? REQUEST_BUDGET_BYTES;
  throwIfAborted(signal, `${CANCELLED_WRITE} Nothing was written.`);
  const created: string[] = [];
  let sourceSheet: string | undefined;
  try {
    return await Excel.run(async (context) => {
      let syncs = 0;
      // Sync 1 (read): the names already in use.
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const tables = context.workbook.tables;
      tables.load("items/name");
      onProgress?.({ step: "names", fraction: 0 });
      await context.sync();
      syncs++;
      throwIfAborted(signal, CANCELLED_WRITE);
      const existing = worksheets.items.map((w) => w.name);
      sourceSheet = existing.find((n) => n.toLowerCase() === plan.sourceSheet.toLowerCase());
      const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));

      // Final names first: formulas may reference other report sheets ({{planned name}}).
      const names = new Map<string, string>();
      const taken = [...existing];
      const finalNames = plan.sheets.map((s) => {
        const name = uniqueSheetName(s.name, taken);
        taken.push(name);
        if (!names.has(s.name)) names.set(s.name, name);
        return name;
      });
      const jobs: SheetJob[] = plan.sheets.map((s, k) => ({
        planned: s,
        name: finalNames[k],
        blocks: [...freeCellBlocks(s, plan.mode, names), ...s.tables.map((t) => tableBlock(t, plan.mode, names))],
      }));
      // Progress: cells prepared (and queued) of all cells; reported after each sync and every
      // PREPARE_CHUNK_CELLS cells prepared, with a turn of the event loop.
      const total = jobs.reduce((n, j) => n + j.blocks.reduce((m, k) => m + k.rows * k.width, 0), 0);
      const pacer = new Pacer(total, signal, (fraction) => onProgress?.({ step: "cells", fraction }));
      const b = new Batcher(context, budget, signal, { calc: supports("1.6"), screen: supports("1.9") }, () => pacer.report());
      pacer.report(); // the cells step begins: nothing prepared yet

      // The sheets (all in the first batch, so even a failure in it leaves names to clean up).
      const sheets = jobs.map((j) => {
        b.add(OP_BYTES + j.name.length);
        created.push(j.name);
        return worksheets.add(j.name);
      });

      for (let k = 0; k < jobs.length; k++) {
        const job = jobs[k];
        const ws = sheets[k];
        for (const block of job.blocks) await writeBlock(b, ws, block, pacer);

        // Tables over the written cells; totals as a plain bold row under each.
        for (const t of job.planned.tables) {
          const width = tableWidth(t);
          const right = t.left + width - 1;
          await b.reserve(3 * OP_BYTES);
          if (t.rows.length > 0) {
            const table = ws.tables.add(rangeAddress(t.top, t.left, t.top + t.rows.length, right), true);
            table.name = tableName(t.name, tableNames);
            b.add(2 * OP_BYTES);
          } else {
            ws.getRange(rangeAddress(t.top, t.left, t.top, right)).format.font.bold = true; // no data: a bold header line
            b.add(OP_BYTES);
          }
          if (t.totals) {
            const row = t.top + 1 + t.rows.length;
            ws.getRange(rangeAddress(row, t.left, row, right)).format.font.bold = true;
            b.add(OP_BYTES);
          }
        }
        // Column widths (runs of equal widths in one operation), frozen header.
        const widths = await pacedFittedWidths(job.planned, () => pacer.turn());
        for (let j = 0; j < widths.length; ) {
          let e = j;
          while (e + 1 < widths.length && widths[e + 1] === widths[j]) e++;
          await b.reserve(OP_BYTES);
          ws.getRange(rangeAddress(0, j, 0, e)).format.columnWidth = widthPoints(widths[j]);
          b.add(OP_BYTES);
          j = e + 1;
        }
        if (job.planned.freezeRows > 0) {
          await b.reserve(OP_BYTES);
          ws.freezePanes.freezeRows(job.planned.freezeRows);
          b.add(OP_BYTES);
        }
        // Native charts.
        for (const c of job.planned.charts) {
          const at = chartLayout(job.planned, c);
          if (!at) continue;
          await b.reserve(6 * OP_BYTES);
          const type = c.kind === "bar" ? Excel.ChartType.barClustered : Excel.ChartType.columnClustered;
          // The values with their header: the header names the series.
          const chart = ws.charts.add(type, ws.getRange(rangeAddress(at.headerRow, at.valueCol, at.last, at.valueCol)), Excel.ChartSeriesBy.columns);
          chart.series.getItemAt(0).setXAxisValues(ws.getRange(rangeAddress(at.first, at.categoryCol, at.last, at.categoryCol)));
          chart.title.text = c.title;
          chart.legend.visible = false;
          chart.setPosition(cellAddress(at.from.row, at.from.col), cellAddress(at.to.row, at.to.col));
          b.add(6 * OP_BYTES + c.title.length);
        }
      }
      // The summary sheet in front.
      await b.reserve(OP_BYTES);
      sheets[0].activate();
      b.add(OP_BYTES);
      await b.flush();
      syncs += b.syncs;
      onProgress?.({ step: "done", fraction: 1 });
      return { sheets: finalNames, activated: finalNames[0], syncs, writeSyncs: b.syncs, largestRequestBytes: b.largest, totalRequestBytes: b.total };
    });
  } catch (e) {
    if (created.length === 0) {
      if (isAbort(e)) throw abortError(`${CANCELLED_WRITE} Nothing was written.`);
      const { text, code } = excelSentence(e, "write the report");
      throw new HostError(`${text} Nothing was written.`, code, e);
    }
    onProgress?.({ step: "cleanup", fraction: 1 });
    const { removed, left } = await removeSheets(created, sourceSheet);
    const undone =
      left.length > 0 ? `These sheets could not be removed and may be incomplete: ${left.join(", ")}.` : removed > 0 ? "The sheets it had started were removed." : "Nothing was written.";
    if (isAbort(e)) throw abortError(`${CANCELLED_WRITE} ${undone}`);
    const { text, code } = excelSentence(e, "write the report");
    throw new HostError(`${text} ${undone}`, code, e);
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
