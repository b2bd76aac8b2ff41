/**
 * Delimited text (CSV, semicolon CSV, TSV) to rows of cell values, as a spreadsheet opening the
 * file would show them:
 * - the delimiter (comma, semicolon or tab) is the one that splits the first lines evenly;
 * - RFC 4180 quoting (delimiters, doubled quotes and line breaks inside quoted fields);
 * - numbers become numbers, quoted or not (Excel and LibreOffice read `"42"` as 42), but for
 *   one written with a leading `+` (`+44`), which stays text; in a
 *   semicolon file whose numbers use decimal commas (`1,5`, `1.234,5`), the comma is the
 *   decimal sign; grouped thousands (`"1,234"`, `1 234`) become numbers;
 * - blank fields and missing-value markers (`..`, `:`, `-`, `x`, `NA`: detect.ts's
 *   isMissingMarker) below the first line become blanks (null), counted for a note;
 * - a number followed by a statistical flag (Eurostat's `123 e`, `45 p`) becomes the number,
 *   with a note naming the cell and the flag;
 * - every line is a row, blank lines included, so row numbers match the spreadsheet's.
 * Eurostat's TSV dumps join their dimension columns with commas in the first column
 * (`freq,unit,geo\TIME_PERIOD`); that column is split back into its dimensions.
 *
 * Fields are split by papaparse (as fast as our own splitter was on the 1,000,000-cell bench
 * CSV, faster than csv-parse: README, "Inputs"); the delimiter choice and the cell values are
 * ours, because they follow what a spreadsheet shows.
 */
import Papa from "papaparse";
import { cell } from "./address";
import { isMissingMarker, numberText, THOUSANDS } from "../cells/kind";

export type CsvCell = string | number | null;
export type Delimiter = "," | ";" | "\t";

/** What a note names, by code (src/messages/csv-notes.ts words them). */
export interface CsvNoteParams {
  /** A number followed by a statistical flag: read as the number, the flag dropped. */
  readonly flag: { readonly address: string; readonly value: string; readonly number: number; readonly flags: readonly EurostatFlag[] };
  /** A number whose comma or point the file's other numbers do not settle: left as text. */
  readonly ambiguousNumber: { readonly address: string; readonly value: string };
}

export type CsvNoteCode = keyof CsvNoteParams;

/**
 * Something the reader changed while reading a cell, for the user to check: a code and its
 * parameters (the cell's address in the file's grid, the field trimmed).
 */
export type CsvNote = {
  readonly [C in CsvNoteCode]: {
    /** 0-based row and column of the cell in the file's grid. */
    readonly row: number;
    readonly col: number;
    /** The field as written. */
    readonly text: string;
    readonly code: C;
    readonly params: CsvNoteParams[C];
  };
}[CsvNoteCode];

export interface CsvRead {
  readonly rows: CsvCell[][];
  readonly delimiter: Delimiter;
  /** The numbers use decimal commas (`1,5`). */
  readonly decimalComma: boolean;
  /** Cells read as missing because they held a missing-value marker. */
  readonly markers: number;
  readonly notes: readonly CsvNote[];
}

/** Notes kept at most (the count of flagged cells is always exact). */
const MAX_NOTES = 200;

/** Eurostat's flags (https://ec.europa.eu/eurostat/data/database/information); their meanings are in src/messages/csv-notes.ts. */
export type EurostatFlag = "b" | "c" | "d" | "e" | "f" | "n" | "p" | "r" | "s" | "u" | "z";
const FLAGGED = /^(\S+?)\s*\b([bcdefnprsuz]{1,3})$/;
const FLAGGED_MISSING = /^:\s*[bcdefnprsuz]{1,3}$/;

/** Splits `text` into raw fields (papaparse, RFC 4180 quoting); a blank line is an empty row. */
function split(text: string, delimiter: Delimiter, preview = 0): string[][] {
  const rows = Papa.parse<string[]>(text, { delimiter, quoteChar: '"', preview, skipEmptyLines: false }).data;
  for (let i = 0; i < rows.length; i++) if (rows[i].length === 1 && rows[i][0] === "") rows[i] = [];
  return rows;
}

/**
 * The delimiter that splits the first lines into the same number of fields, most lines first:
 * tab, then semicolon (a semicolon file holds decimal commas), then comma.
 */
export function detectDelimiter(text: string): Delimiter {
  const head = text.slice(0, 64 * 1024);
  let best: { d: Delimiter; score: number } = { d: ",", score: -1 };
  const physical = head.split(/\r\n|\n|\r/, 51).filter((l) => l.trim() !== "").length;
  for (const d of ["\t", ";", ","] as Delimiter[]) {
    const lines = split(head, d, 50).filter((r) => r.length > 0);
    if (lines.length > 1 && head.length === 64 * 1024) lines.pop(); // possibly cut
    // quotes that do not open a field under this delimiter run records together: not this one
    if (lines.length < 0.9 * Math.min(physical, 50) - 1) continue;
    const counts = new Map<number, number>();
    for (const r of lines) if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let modal = 0;
    let modalLines = 0;
    for (const [width, k] of counts) {
      if (k > modalLines || (k === modalLines && width > modal)) {
        modal = width;
        modalLines = k;
      }
    }
    if (modal < 2) continue;
    // the share of lines split into the modal width; metadata lines above a table lower it a little
    const score = modalLines / lines.length;
    if (score >= 0.6 && score > best.score + 0.2) best = { d, score };
  }
  return best.d;
}

const DECIMAL_COMMA_FIELD = /^[-+]?\d+,\d+$/;
const DOT_DECIMAL_FIELD = /^[-+]?\d*\.(\d{1,2}|\d{4,})$/;

/** Whether a semicolon file's numbers use decimal commas: some `1,5` and no `1.5`. */
function usesDecimalComma(fields: string[][]): boolean | undefined {
  let comma = 0;
  let dot = 0;
  for (const r of fields) {
    for (const f of r) {
      const t = f.trim();
      if (t.length > 30) continue;
      if (DECIMAL_COMMA_FIELD.test(t)) comma++;
      else if (DOT_DECIMAL_FIELD.test(t)) dot++;
    }
  }
  if (comma > 0 && dot === 0) return true;
  if (dot > 0 && comma === 0) return false;
  return undefined; // no decimals at all, or both kinds: undecided
}

/**
 * The number a text field shows (cells/kind.ts's numberText says whether it looks like one): plain
 * numbers; grouped thousands (`1,234`, `1 234`, `1'234`); in a decimal-comma file `1,5`,
 * `1.234,5` and `1.234`. `undefined`: not a number, or one the file's convention does not settle
 * (`1.234` or `1,234` in a semicolon file without decimals).
 */
function numberOf(t: string, decimalComma: boolean | undefined): number | undefined {
  const kind = numberText(t);
  if (kind === undefined) return undefined;
  if (decimalComma === true) {
    if (!/^[-+]?(\d{1,3}([.\u00a0\u202f ']\d{3})+|\d*)(,\d+)?$/.test(t)) return undefined;
    return Number(t.replace(/[.\u00a0\u202f ']/g, "").replace(",", "."));
  }
  if (decimalComma === false) {
    if (kind === "plain") return Number(t);
    if (!THOUSANDS.test(t)) return undefined;
    return Number(t.replace(/[,\u00a0\u202f ']/g, ""));
  }
  // undecided: only what reads the same either way
  if (/^[-+]?\d+$/.test(t) || /^[-+]?\d{1,3}([\u00a0\u202f ]\d{3})+$/.test(t)) return Number(t.replace(/[\u00a0\u202f ]/g, ""));
  return undefined;
}

/** Reads delimited text; the delimiter is detected unless given. */
export function readCsv(text: string, options: { delimiter?: Delimiter } = {}): CsvRead {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // byte-order mark
  const delimiter = options.delimiter ?? detectDelimiter(src);
  const fields = split(src, delimiter);
  while (fields.length > 0 && fields[fields.length - 1].every((f) => f.trim() === "")) fields.pop(); // trailing blank lines
  if (delimiter === "\t") splitEurostatDimensions(fields);
  const decimal = delimiter === ";" ? usesDecimalComma(fields) : false;
  const notes: CsvNote[] = [];
  let markers = 0;
  const note = (n: CsvNote) => {
    if (notes.length < MAX_NOTES) notes.push(n);
  };
  const firstRow = fields.findIndex((r) => r.length > 0);
  const rows: CsvCell[][] = fields.map((r, ri) =>
    r.map((raw, ci): CsvCell => {
      const t = raw.trim();
      if (t === "") return null;
      // "+44" stays text: a dialling code or a formula in disguise, never a count
      const n = t.charCodeAt(0) === 43 ? undefined : numberOf(t, decimal);
      if (n !== undefined && Number.isFinite(n)) return n;
      // a header keeps its text: a column may be called "x" or "NA"
      if (ri !== firstRow && (isMissingMarker(t) || FLAGGED_MISSING.test(t))) {
        markers++;
        return null;
      }
      if (n === undefined && numberText(t) !== undefined && delimiter === ";") {
        note({ row: ri, col: ci, text: raw, code: "ambiguousNumber", params: { address: cell(ri, ci), value: t } });
        return raw;
      }
      const f = FLAGGED.exec(t);
      if (f) {
        const v = numberOf(f[1], decimal);
        if (v !== undefined && Number.isFinite(v)) {
          note({ row: ri, col: ci, text: raw, code: "flag", params: { address: cell(ri, ci), value: t, number: v, flags: [...f[2]] as EurostatFlag[] } });
          return v;
        }
      }
      return raw;
    }),
  );
  return { rows, delimiter, decimalComma: decimal === true, markers, notes };
}

/** CSV text to rows of cell values (readCsv's rows). */
export function parseCsv(text: string): CsvCell[][] {
  return readCsv(text).rows;
}

/**
 * Eurostat TSV: the first header field is `dim1,dim2,…,geo\TIME_PERIOD` and every row's first
 * field the dimension codes joined with commas. Splits that field into one column per
 * dimension, in place, so each dimension can be read (and filtered) as a column.
 */
function splitEurostatDimensions(fields: string[][]): void {
  const header = fields.findIndex((r) => r.length > 0);
  if (header < 0) return;
  const first = fields[header][0];
  const slash = first.indexOf("\\");
  if (slash < 0 || !first.includes(",")) return;
  const dims = first.slice(0, slash).split(",");
  const width = dims.length;
  const ok = fields.slice(header + 1).every((r) => r.length === 0 || r[0].split(",").length === width);
  if (!ok) return;
  fields[header].splice(0, 1, ...dims.map((d) => d.trim()));
  for (let r = header + 1; r < fields.length; r++) if (fields[r].length > 0) fields[r].splice(0, 1, ...fields[r][0].split(",").map((d) => d.trim()));
}

/** The text's encoding, from its byte-order mark or its bytes. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/**
 * Decodes a text file: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or without one when
 * every other byte of the start is zero), else Windows-1252 (Excel's "CSV" on Western Windows).
 * `undefined` when the bytes are not text (zero bytes in something not UTF-16).
 */
export function decodeText(buffer: Uint8Array): { text: string; encoding: TextEncoding } | undefined {
  const b = buffer;
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(b.subarray(2)), encoding: "utf-16le" };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(b.subarray(2)), encoding: "utf-16be" };
  const head = b.subarray(0, 8192);
  if (head.includes(0)) {
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < head.length; i++) {
      if (head[i] !== 0) continue;
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
    const half = head.length / 2;
    const encoding = oddZeros > 0.3 * half && evenZeros === 0 ? "utf-16le" : evenZeros > 0.3 * half && oddZeros === 0 ? "utf-16be" : undefined;
    if (!encoding) return undefined;
    const text = new TextDecoder(encoding).decode(b);
    // text, not binary that happens to have zeros in every other byte: no control characters
    return /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text.slice(0, 4096)) ? undefined : { text, encoding };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(b), encoding: "utf-8" };
  } catch {
    return { text: windows1252(b), encoding: "windows-1252" };
  }
}

/**
 * Windows-1252: Latin-1 but for 0x80-0x9F (the WHATWG encoding index; Node's TextDecoder reads
 * "windows-1252" as Latin-1, so the euro sign and curly quotes would be lost).
 */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function windows1252(b: Uint8Array): string {
  const latin1 = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1");
  return latin1.replace(/[\u0080-\u009f]/g, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80]);
}
