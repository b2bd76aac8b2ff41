/**
 * Reads the CLI's input file into a SourceBlock: an .xlsx sheet (streamed by ./read-xlsx: only
 * the selected sheet's cells, as plain values) or a CSV file (src/report/csv.ts). Values are
 * what a spreadsheet shows: formula cells give their cached results, rich text is flattened,
 * dates become ISO text, merged-over cells are blank.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from "fs";
import { readFile } from "fs/promises";
import { basename, extname } from "path";
import { isBlankCell } from "../cells/kind";
import { decodeText, readCsv as readDelimited } from "../report/csv";
import { InputNote, ReadRefusal, renderReadRefusal } from "../messages/input-notes";
import { parseRange, range } from "../report/address";
import type { CellValue, SourceBlock } from "../report/types";
import { FileError, renderFileError } from "../messages/file-errors";
import { CliError, codedError, EXIT, ExitCode } from "./errors";
import { Rect, XlsxFile, XlsxReadError } from "./read-xlsx";

/** A failure to open the input, worded in the language the command line speaks. */
const fail = (code: ExitCode, error: FileError): CliError => codedError(code, (lang) => renderFileError(error, lang));

/** The sheet name a CSV file's data gets (a CSV has no sheets). */
export const CSV_SHEET = "Data";

export interface ReadRequest {
  readonly sheet?: string;
  /** A1 range, optionally with a sheet: "B2:F40" or "'My data'!B2:F40". */
  readonly range?: string;
}

export interface InputRead {
  readonly block: SourceBlock;
  readonly kind: "xlsx" | "csv";
  /** The file's sheets (for an .xlsx), in order. */
  readonly sheets: readonly string[];
  /** The block's A1 range on its sheet. */
  readonly address: string;
  readonly bytes: number;
  /** What the reader changed or could not settle, as codes (src/messages/input-notes.ts words them), cells named (A1 on the sheet). */
  readonly notes: readonly InputNote[];
}

type Kind = "xlsx" | "csv";

/** Decides how to read the file: by extension, else by its first bytes (a zip is an .xlsx). */
function kindOf(path: string): Kind {
  const ext = extname(path).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") return "xlsx";
  if (ext === ".csv" || ext === ".txt") return "csv";
  if (ext === ".xls") throw fail(EXIT.input, { code: "oldXls", params: { file: basename(path) } });
  if (ext === ".ods") throw fail(EXIT.input, { code: "ods", params: { file: basename(path) } });
  const head = Buffer.alloc(4);
  const fd = openSync(path, "r");
  try {
    readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  if (head[0] === 0x50 && head[1] === 0x4b) return "xlsx"; // "PK": a zip
  return "csv";
}

function checkFile(path: string): number {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw fail(EXIT.input, { code: "isFolder", params: { path } });
    size = st.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw fail(EXIT.input, { code: "noSuchFile", params: { path } });
    if (code === "EACCES") throw fail(EXIT.input, { code: "permissionDenied", params: { path } });
    throw fail(EXIT.input, { code: "cannotRead", params: { path, why: (e as Error).message } });
  }
  if (size === 0) throw fail(EXIT.input, { code: "empty", params: { path } });
  return size;
}

/** Splits "'My data'!B2:F40" into sheet and range. */
export function splitRange(text: string): { sheet?: string; range: string } {
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { range: text };
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: text.slice(bang + 1) };
}

/** No holes: every cell of the row was read (a blank one as null). */
function full(row: readonly CellValue[]): boolean {
  for (let c = 0; c < row.length; c++) if (row[c] === undefined) return false;
  return true;
}

/** A cell of a block: the block's rows padded to one width, within the requested range. */
function rectangle(rows: CellValue[][], top: number, left: number, bottom: number, right: number): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = top; r <= bottom; r++) {
    const src = rows[r] ?? [];
    if (left === 0 && src.length === right + 1 && full(src)) {
      out.push(src); // already the block's row: a million-cell sheet is not copied
      continue;
    }
    const row: CellValue[] = new Array(right - left + 1);
    for (let c = left; c <= right; c++) row[c - left] = src[c] ?? null;
    out.push(row);
  }
  return out;
}

/** The used range of a sparse grid: the smallest rectangle holding every non-blank cell. */
function usedRange(rows: CellValue[][]): { top: number; left: number; bottom: number; right: number } | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  // plain loops over a million cells (forEach skips the holes of a sparse row, as `in` does)
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (isBlankCell(v)) continue;
      if (r < top) top = r;
      bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  }
  return bottom < 0 ? undefined : { top, left, bottom, right };
}

function pickRange(
  grid: CellValue[][],
  sheet: string,
  requested: string | undefined,
): { top: number; left: number; bottom: number; right: number } {
  if (requested !== undefined) {
    const r = parseRange(requested);
    if (!r) throw fail(EXIT.range, { code: "badRange", params: { range: requested } });
    if (r.bottom >= 1_048_576 || r.right >= 16_384) throw fail(EXIT.range, { code: "rangeBeyondSheet", params: { range: requested } });
    return r;
  }
  const used = usedRange(grid);
  if (!used) throw fail(EXIT.undetectable, { code: "sheetNoData", params: { sheet } });
  return used;
}

/** What a sheet holds: its non-blank cells, and how many of them are numbers. */
export function sheetContent(grid: CellValue[][]): { filled: number; numbers: number } {
  let filled = 0;
  let numbers = 0;
  for (const row of grid) {
    if (!row) continue;
    for (const v of row) {
      if (isBlankCell(v)) continue;
      filled++;
      if (typeof v === "number") numbers++;
    }
  }
  return { filled, numbers };
}

/**
 * A sheet that holds a table of numbers: at least 4 numbers, and numbers are at least 30% of
 * its cells (a contents, notes or title sheet is mostly text).
 */
export function holdsNumbers(c: { filled: number; numbers: number }): boolean {
  return c.numbers >= 4 && c.numbers >= 0.3 * c.filled;
}

/**
 * The sheet to read when none is named. The first sheet when it holds a table of numbers (the
 * other sheets that do are named); else the one later sheet that does (UN DESA's workbooks open
 * on a Contents sheet); several: the reader cannot choose and names them; none: the first sheet,
 * for detection to say what it finds.
 */
async function chooseSheet(
  sheets: readonly string[],
  read: (k: number) => Promise<CellValue[][]>,
  file: string,
): Promise<{ index: number; grid: CellValue[][]; notes: InputNote[] }> {
  const first = await read(0);
  const others: { index: number; grid: CellValue[][]; content: { filled: number; numbers: number } }[] = [];
  const firstHolds = holdsNumbers(sheetContent(first));
  for (let k = 1; k < sheets.length; k++) {
    const grid = await read(k);
    const content = sheetContent(grid);
    if (holdsNumbers(content)) others.push({ index: k, grid: firstHolds ? [] : grid, content });
  }
  if (firstHolds) {
    const notes: InputNote[] = others.length > 0 ? [{ code: "firstSheet", params: { sheet: sheets[0], others: others.map((o) => sheets[o.index]) } }] : [];
    return { index: 0, grid: first, notes };
  }
  if (others.length === 1) {
    const k = others[0].index;
    return { index: k, grid: others[0].grid, notes: [{ code: "oneSheet", params: { sheet: sheets[k], notRead: sheets.filter((_s, j) => j !== k) } }] };
  }
  if (others.length > 1) {
    const refusal: ReadRefusal = { code: "severalSheets", params: { file, sheets: others.map((o) => ({ name: sheets[o.index], numbers: o.content.numbers })) } };
    throw new CliError(EXIT.undetectable, renderReadRefusal(refusal, "en"), (lang) => renderReadRefusal(refusal, lang));
  }
  return { index: 0, grid: first, notes: [] };
}

async function readXlsx(path: string, req: ReadRequest, bytes: number): Promise<InputRead> {
  const unreadable = (e: unknown): CliError => {
    if (e instanceof CliError) return e;
    const file = basename(path);
    if (e instanceof XlsxReadError && e.trouble) return fail(EXIT.input, { code: "notXlsx", params: { file, trouble: e.trouble, ...(e.part !== undefined ? { part: e.part } : {}) } });
    const why = (e as Error).message?.split("\n")[0] ?? String(e);
    return fail(EXIT.input, { code: "notXlsx", params: { file, why } });
  };
  let file: XlsxFile;
  try {
    file = XlsxFile.open(path);
  } catch (e) {
    throw unreadable(e);
  }
  try {
    const sheets = file.sheets.map((s) => s.name);
    if (sheets.length === 0) throw fail(EXIT.input, { code: "noSheets", params: { file: basename(path) } });
    const fromRange = req.range !== undefined ? splitRange(req.range) : undefined;
    if (req.sheet !== undefined && fromRange?.sheet !== undefined && fromRange.sheet !== req.sheet) {
      throw fail(EXIT.usage, { code: "sheetAndRange", params: { sheet: req.sheet, range: req.range ?? "" } });
    }
    const wanted = req.sheet ?? fromRange?.sheet;
    let index = 0;
    const notes: InputNote[] = [];
    const read = async (k: number, clip?: Rect): Promise<CellValue[][]> => {
      try {
        return await file.readSheet(k, clip);
      } catch (e) {
        throw unreadable(e);
      }
    };
    // A requested range is checked before the sheet is read, and only its cells are kept.
    const clip = fromRange !== undefined ? pickRange([], "", fromRange.range) : undefined;
    let grid: CellValue[][] | undefined;
    if (wanted !== undefined) {
      index = sheets.indexOf(wanted);
      if (index < 0) index = sheets.findIndex((s) => s.toLowerCase() === wanted.toLowerCase());
      if (index < 0) throw fail(EXIT.range, { code: "noSheet", params: { sheet: wanted, file: basename(path), sheets } });
    } else if (sheets.length > 1) {
      const choice = await chooseSheet(sheets, read, basename(path));
      index = choice.index;
      grid = clip === undefined ? choice.grid : undefined;
      notes.push(...choice.notes);
    }
    const name = sheets[index];
    grid ??= await read(index, clip);
    const r = clip ?? pickRange(grid, name, undefined);
    const values = rectangle(grid, r.top, r.left, r.bottom, r.right);
    const address = range(r.top, r.left, r.bottom, r.right);
    return {
      kind: "xlsx",
      sheets,
      address,
      bytes,
      block: { sheet: name, top: r.top, left: r.left, values, provenance: `${basename(path)}, sheet '${name}', ${address}` },
      notes,
    };
  } finally {
    file.close();
  }
}

async function readCsv(path: string, req: ReadRequest, bytes: number): Promise<InputRead> {
  if (req.sheet !== undefined && req.sheet !== CSV_SHEET) {
    throw fail(EXIT.range, { code: "csvOneSheet", params: { sheet: req.sheet, file: basename(path), csvSheet: CSV_SHEET } });
  }
  const buffer = await readFile(path);
  const decoded = decodeText(buffer);
  if (!decoded) throw fail(EXIT.input, { code: "notText", params: { file: basename(path) } });
  const csv = readDelimited(decoded.text);
  const rows = csv.rows as CellValue[][];
  const notes: InputNote[] = [];
  const delimiter = ({ ",": "comma", ";": "semicolon", "\t": "tab" } as const)[csv.delimiter];
  if (csv.delimiter !== "," || decoded.encoding !== "utf-8" || csv.decimalComma) {
    notes.push({ code: "decoded", params: { encoding: decoded.encoding, delimiter, decimalComma: csv.decimalComma } });
  }
  if (csv.markers > 0) notes.push({ code: "missingMarkers", params: { count: csv.markers } });
  notes.push(...csv.notes);
  const fromRange = req.range !== undefined ? splitRange(req.range) : undefined;
  if (fromRange?.sheet !== undefined && fromRange.sheet !== CSV_SHEET) {
    throw fail(EXIT.range, { code: "csvOneSheet", params: { sheet: fromRange.sheet, file: basename(path), csvSheet: CSV_SHEET } });
  }
  let r = pickRange(rows, CSV_SHEET, fromRange?.range);
  if (fromRange === undefined) {
    const start = metadataLines(rows, r.top);
    if (start > r.top) {
      notes.push({ code: "metadataLines", params: { first: r.top + 1, last: start, text: String(rows[r.top].find((v) => !isBlankCell(v))) } });
      r = { ...r, top: start };
    }
  }
  const values = rectangle(rows, r.top, r.left, r.bottom, r.right);
  const address = range(r.top, r.left, r.bottom, r.right);
  const whole = fromRange === undefined;
  return {
    kind: "csv",
    sheets: [CSV_SHEET],
    address,
    bytes,
    block: { sheet: CSV_SHEET, top: r.top, left: r.left, values, provenance: whole ? basename(path) : `${basename(path)}, ${address}` },
    notes,
  };
}

/**
 * Where a text file's table starts below metadata lines: the World Bank's downloads open with
 * `"Data Source","World Development Indicators",` and `"Last Updated Date","…",`. Leading lines
 * of at most two text cells (blank lines between them) above a line of four or more cells are
 * metadata. Returns `top` when there are none.
 */
export function metadataLines(rows: readonly (readonly CellValue[])[], top: number): number {
  const filled = (row: readonly CellValue[] | undefined) => (row ?? []).filter((v) => !isBlankCell(v)).length;
  let r = top;
  while (r < rows.length && r - top < 10) {
    const row = rows[r] ?? [];
    const n = filled(row);
    if (n === 0) {
      r++;
      continue;
    }
    if (n > 2 || row.some((v) => typeof v === "number")) break;
    r++;
  }
  if (r === top || r >= rows.length || filled(rows[r]) < 4) return top;
  return r;
}

/** Reads `path` (.xlsx or .csv) into a block; failures are CliErrors with their exit codes. */
export async function readInput(path: string, req: ReadRequest = {}): Promise<InputRead> {
  const bytes = checkFile(path);
  let kind: Kind;
  try {
    kind = kindOf(path);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw fail(EXIT.input, { code: "cannotRead", params: { path, why: (e as Error).message } });
  }
  return kind === "xlsx" ? readXlsx(path, req, bytes) : readCsv(path, req, bytes);
}

/**
 * A range read beside the data (--distances, --populations): a file of its own when `spec` names
 * one (its used range, the sheet chosen as for the input), else a range of the input file,
 * "Distances!B2:R18" or, without a sheet, on `sheetRead` (the sheet the data came from).
 */
export async function readSideRange(input: string, spec: string, sheetRead: string): Promise<InputRead> {
  if (existsSync(spec) && statSync(spec).isFile()) return readInput(spec);
  const { sheet, range } = splitRange(spec);
  if (!parseRange(range)) throw fail(EXIT.range, { code: "notRangeNorFile", params: { spec } });
  return readInput(input, sheet !== undefined ? { range: spec } : { sheet: sheetRead, range });
}
