/**
 * A streaming .xlsx reader for the CLI: reads the zip's central directory,
 * the workbook, shared strings and styles parts, then inflates ONE worksheet's XML in chunks
 * and keeps only the cells wanted (the requested rectangle, or every cell when the used range
 * is needed) as plain CellValues. A 1,000,000-cell sheet takes about 1 s of CPU and 150 MB,
 * where loading it with exceljs took ~2 KB per cell.
 *
 * Values match what exceljs gave read-input.ts before: shared, inline and rich text
 * (flattened, _xHHHH_ escapes decoded), numbers, booleans, error cells as their text
 * ("#N/A"), formulas as their cached results, numbers in a date format (exceljs's test: the
 * format code, brackets and quoted text removed, has y m d h s or b) as ISO date text,
 * merged-over cells blank, and a hyperlink cell as its text.
 *
 * The sheet and shared strings are read on their bytes by ./xml-bytes when their XML is in the
 * regular form writers produce (ByteSheetScanner); any other part, and any part that is not
 * well-formed, by saxes (a streaming, conforming XML parser: SheetScanner), which gives the same
 * cells (tests/cli/read-xlsx-bytes.test.ts checks both on every regular form) or the error.
 * Entities, character references, CDATA and comments are XML's, and elements are matched by
 * their local name, so the prefixed parts written by Open XML SDK tools (`<x:worksheet>`,
 * `<x:c>`, `<x:si>`) read the same as Excel's. Namespaces are not resolved: a SpreadsheetML part
 * has one vocabulary per element name.
 */
import { closeSync, createReadStream, fstatSync, openSync, readSync } from "fs";
import { SaxesParser, SaxesTagPlain } from "saxes";
import { StringDecoder } from "string_decoder";
import { createInflateRaw, inflateRawSync } from "zlib";
import { fromFileFormula } from "../hosts/file-formula";
import { parseRange } from "../report/address";
import type { CellValue } from "../report/types";
import type { XlsxTrouble } from "../messages/file-errors";
import { ByteXml, ByteXmlHandler, NAME, NotRegularXml } from "./xml-bytes";

/** A failure to read the file as an .xlsx workbook (damaged zip, missing part, bad XML). */
export class XlsxReadError extends Error {
  /** `trouble`: why, as a code the command line words in its languages; `part`: the part it concerns. */
  constructor(
    message: string,
    readonly trouble?: XlsxTrouble,
    readonly part?: string,
  ) {
    super(message);
    this.name = "XlsxReadError";
  }
}

/** 0-based, inclusive. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The largest part read whole (workbook, shared strings, styles): a guard against zip bombs. */
const MAX_PART_BYTES = 512 * 2 ** 20;

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

// ---------------------------------------------------------------------------------------------
// zip

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) throw new XlsxReadError("the zip file is truncated", "truncated");
    done += n;
  }
  return buf;
}

/** The zip's entries, from its central directory (zip64 included). */
function centralDirectory(fd: number, fileSize: number): Map<string, ZipEntry> {
  const tailLen = Math.min(fileSize, 22 + 65_535 + 20);
  const tail = readAt(fd, fileSize - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxReadError("not a zip file: the file is damaged or is not an .xlsx workbook", "notZip");
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && tail.readUInt32LE(loc) === 0x07064b50) {
      const z64 = Number(tail.readBigUInt64LE(loc + 8));
      const rec = readAt(fd, z64, 56);
      if (rec.readUInt32LE(0) !== 0x06064b50) throw new XlsxReadError("bad zip64 end of central directory");
      count = Number(rec.readBigUInt64LE(32));
      cdSize = Number(rec.readBigUInt64LE(40));
      cdOffset = Number(rec.readBigUInt64LE(48));
    }
  }
  if (cdOffset + cdSize > fileSize) throw new XlsxReadError("the zip file is truncated", "truncated");
  const cd = readAt(fd, cdOffset, cdSize);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw new XlsxReadError("bad zip central directory");
    const method = cd.readUInt16LE(p + 10);
    let compressedSize = cd.readUInt32LE(p + 20);
    let size = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    let localOffset = cd.readUInt32LE(p + 42);
    const name = cd.toString("utf8", p + 46, p + 46 + nameLen).replace(/^\//, "");
    // zip64 extra field: the 0xFFFFFFFF fields, in order
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = cd.readUInt16LE(e);
      const len = cd.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = Number(cd.readBigUInt64LE(q));
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(cd.readBigUInt64LE(q));
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = Number(cd.readBigUInt64LE(q));
      }
      e += 4 + len;
    }
    entries.set(name.toLowerCase(), { name, method, compressedSize, size, localOffset });
    p = extraEnd + commentLen;
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------
// XML text

/** An element's name without its namespace prefix: `x:c` → `c`. */
function local(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * An attribute. SpreadsheetML's own attributes have no prefix even on prefixed elements
 * (`<x:c r="A1">`); only the relationship id is prefixed (`r:id`), found by `prefixed`.
 */
function attr(tag: SaxesTagPlain, name: string, prefixed = false): string | undefined {
  const a = tag.attributes as Record<string, string>;
  const v = a[name];
  if (v !== undefined || !prefixed) return v;
  for (const k in a) if (local(k) === name) return a[k];
  return undefined;
}

interface XmlHandlers {
  open?(name: string, tag: SaxesTagPlain): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** A saxes parser calling `h` with local element names; XML errors become XlsxReadErrors. */
function xmlParser(part: string, h: XmlHandlers): SaxesParser {
  const p = new SaxesParser({ xmlns: false, position: false });
  if (h.open) {
    const open = h.open;
    p.on("opentag", (tag) => open(local(tag.name), tag as SaxesTagPlain));
  }
  if (h.close) {
    const close = h.close;
    p.on("closetag", (tag) => close(local(tag.name)));
  }
  if (h.text) {
    p.on("text", h.text);
    p.on("cdata", h.text);
  }
  p.on("error", (e) => {
    throw new XlsxReadError(`${part} is not well-formed XML (${e.message})`);
  });
  return p;
}

/** Parses a whole part. */
function parseXml(part: string, xml: string, h: XmlHandlers): void {
  xmlParser(part, h).write(xml).close();
}

/** OOXML's _xHHHH_ escapes in text (as exceljs decodes them). */
function decodeEscapes(t: string): string {
  return t.indexOf("_x") < 0 ? t : t.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * Collects the text of string items (<si> in shared strings, <is> in a cell): their <t> runs
 * joined, phonetic runs (<rPh>) left out.
 */
class StringItemText {
  private depthRph = 0;
  private inT = false;
  private buf = "";
  open(name: string): void {
    if (name === "rPh") this.depthRph++;
    else if (name === "t" && this.depthRph === 0) this.inT = true;
  }
  close(name: string): void {
    if (name === "rPh") this.depthRph--;
    else if (name === "t") this.inT = false;
  }
  text(t: string): void {
    if (this.inT) this.buf += t;
  }
  take(): string {
    const out = decodeEscapes(this.buf);
    this.buf = "";
    this.inT = false;
    this.depthRph = 0;
    return out;
  }
}

/** Resolves a relationship target against the folder of the part that holds it. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

// ---------------------------------------------------------------------------------------------
// cells

/** exceljs's utils.isDateFmt. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** The built-in number formats exceljs knows (xlsx/defaultnumformats.js) that are dates. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A serial date as read-input.ts showed a Date: ISO date, or date and time. */
function serialToIso(serial: number, date1904: boolean): CellValue {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(/\.000Z$/, "Z");
}

function isoOf(text: string): CellValue {
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) return text;
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(/\.000Z$/, "Z");
}

/** "AB12" → [row, col], 0-based; undefined if not a cell reference (per cell, so no regex: see address.ts parseCell). */
function parseRef(ref: string): [number, number] | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c === 36 && i === 0) continue; // "$"
    else break;
  }
  if (col === 0) return undefined;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const start = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
  }
  if (i === start || row === 0) return undefined;
  return [row - 1, col - 1];
}

interface Context {
  readonly strings: readonly string[];
  /** Per style index (the s attribute): is its number format a date? */
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

/** What one <c> element held, gathered while its children are parsed. */
interface CellXml {
  t: string | undefined;
  s: number;
  /** The <v> text, if there was a <v>. */
  v: string | undefined;
  /** The inline string (<is>) text, if there was one. */
  inline: string | undefined;
  /** The <f> element's text, if there was an <f> ("" for a shared formula's followers). */
  formula: string | undefined;
}

/** Blanks the merged-over cells of `grid` (all of a merged range but its top-left cell). */
function blankMerged(grid: CellValue[][], merges: readonly Rect[]): CellValue[][] {
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const row = grid[r];
      if (!row) continue;
      for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && row[c] !== undefined) row[c] = null;
    }
  }
  return grid;
}

/** A cell's value from its type, style, value and inline text. */
function cellValue(c: CellXml, ctx: Context): CellValue {
  const v = c.v;
  switch (c.t) {
    case "s": {
      if (v === undefined) return null;
      return ctx.strings[parseInt(v, 10)] ?? null;
    }
    case "str":
      return v ?? null;
    case "inlineStr":
      if (v !== undefined && c.formula !== undefined) return v;
      return c.inline ?? v ?? null;
    case "b":
      return v === undefined ? null : parseInt(v, 10) !== 0;
    case "e":
      return v ?? null;
    case "d":
      return v === undefined ? null : isoOf(v);
    default: {
      if (v === undefined || v === "") return null;
      const n = parseFloat(v);
      if (!Number.isFinite(n)) return null;
      return ctx.dateStyles[c.s] ? serialToIso(n, ctx.date1904) : n;
    }
  }
}

/** Digits only (an optional '-'), at most 15 of them: the exact integer; else NaN. */
function simpleInt(buf: Buffer, start: number, end: number): number {
  let i = start;
  const neg = buf[i] === 45;
  if (neg) i++;
  if (i === end || end - i > 15) return NaN;
  let n = 0;
  for (; i < end; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return neg ? -n : n;
}

/** parseRef on the bytes of an attribute value: [row, col] packed as row * 16384 + col, or -1. */
function refAt(buf: Buffer, start: number, end: number): number {
  let i = start;
  let col = 0;
  if (buf[i] === 36) i++;
  for (; i < end; i++) {
    const c = buf[i];
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (col === 0 || col > 16_384) return -1;
  if (buf[i] === 36) i++;
  const row = simpleInt(buf, i, end);
  if (!(row >= 1 && row <= 0x7fffffff) || buf[i] === 45) return -1;
  return (row - 1) * 16_384 + (col - 1);
}

// module constants: read in the hot path without a property lookup on the imported module
const N_C = NAME.c;
const N_V = NAME.v;
const N_F = NAME.f;
const N_IS = NAME.is;
const N_ROW = NAME.row;
const N_SHEET_DATA = NAME.sheetData;
const N_MERGE_CELL = NAME.mergeCell;
const N_SI = NAME.si;
const N_T = NAME.t;
const N_RPH = NAME.rPh;

/** StringItemText's names for the elements it acts on. */
function itemName(name: number): string {
  return name === N_T ? "t" : name === N_RPH ? "rPh" : "";
}

/**
 * SheetScanner's reading on the bytes (./xml-bytes): the same grid and merges, with shared
 * string indexes, integers and cell references read from the bytes and no string built for
 * them. Parts outside the regular form throw NotRegularXml, and are read by SheetScanner.
 */
class ByteSheetScanner implements ByteXmlHandler {
  readonly grid: CellValue[][] = [];
  readonly merges: Rect[] = [];
  private readonly xml = new ByteXml(this);
  private row = -1;
  private col = -1;
  private inData = false;
  private done = false;
  private inCell = false;
  private cellRow = 0;
  private cellCol = 0;
  private readonly current: CellXml = { t: undefined, s: 0, v: undefined, inline: undefined, formula: undefined };
  /** The <v> text as an exact integer, when it was one run of digits (NaN: read `current.v`; for a number or a shared string index, `current.v` then stays ""). */
  private vInt = NaN;
  private inV = false;
  private inIs = false;
  private readonly item = new StringItemText();

  constructor(
    private readonly ctx: Context,
    private readonly clip: Rect | undefined,
  ) {}

  push(chunk: Buffer): void {
    this.xml.write(chunk);
  }

  end(): void {
    this.xml.end();
  }

  open(name: number, x: ByteXml, selfClosing: boolean, buf: Buffer): void {
    if (!this.inData) {
      if (name === N_SHEET_DATA) {
        if (selfClosing) this.done = true;
        else this.inData = true;
      } else if (name === N_MERGE_CELL) {
        const ref = x.attr("ref");
        const rect = ref !== undefined ? parseRange(ref) : undefined;
        if (rect) this.merges.push(rect);
      }
      return;
    }
    if (this.inCell) {
      const cell = this.current;
      if (name === N_V) {
        this.inV = true;
        cell.v = "";
        this.vInt = NaN;
      } else if (name === N_F) cell.formula = "";
      else if (name === N_IS) {
        this.inIs = true;
        this.item.take();
      } else if (this.inIs) this.item.open(itemName(name));
      return;
    }
    if (name === N_C) {
      const ref = x.valueOf1(114);
      let r = this.row;
      let c = this.col + 1;
      if (ref >= 0) {
        const rc = refAt(buf, ref, x.valueEnd);
        if (rc >= 0) {
          r = Math.floor(rc / 16_384);
          c = rc % 16_384;
        } else {
          const parsed = parseRef(x.attr("r") ?? "");
          if (parsed) [r, c] = parsed;
        }
      }
      if (r < 0) r = this.row = 0;
      this.col = c;
      const clip = this.clip;
      if (selfClosing || (clip && (r < clip.top || r > clip.bottom || c < clip.left || c > clip.right))) return;
      const cell = this.current;
      const t = x.valueOf1(116);
      cell.t = t < 0 ? undefined : x.valueEnd - t === 1 && buf[t] === 115 ? "s" : x.attr("t");
      const s = x.valueOf1(115);
      cell.s = s < 0 ? 0 : simpleInt(buf, s, x.valueEnd) | 0 || Number(x.attr("s")) | 0;
      cell.v = cell.inline = cell.formula = undefined;
      this.vInt = NaN;
      this.inCell = true;
      this.cellRow = r;
      this.cellCol = c;
    } else if (name === N_ROW) {
      const at = x.valueOf1(114);
      const n = at < 0 || buf[at] === 45 ? NaN : simpleInt(buf, at, x.valueEnd); // digits only, as /^\d+$/
      if (n === n) this.row = n - 1;
      else {
        const r = at < 0 ? undefined : x.attr("r");
        this.row = r !== undefined && /^\d+$/.test(r) ? Number(r) - 1 : this.row + 1;
      }
      this.col = -1;
    }
  }

  close(name: number): void {
    if (this.inCell) {
      if (name === N_V) this.inV = false;
      else if (name === N_IS) {
        this.inIs = false;
        this.current.inline = this.item.take();
      } else if (this.inIs) this.item.close(itemName(name));
      else if (name === N_C) {
        this.inCell = false;
        const cell = this.current;
        const n = this.vInt;
        let v: CellValue;
        if (n === n && (cell.t === undefined || cell.t === "n")) v = this.ctx.dateStyles[cell.s] ? serialToIso(n, this.ctx.date1904) : n;
        else if (n === n && cell.t === "s") v = n >= 0 ? (this.ctx.strings[n] ?? null) : null;
        else v = cellValue(cell, this.ctx);
        if (v !== null) (this.grid[this.cellRow] ??= [])[this.cellCol] = v;
      }
      return;
    }
    if (name === N_SHEET_DATA && this.inData) {
      this.inData = false;
      this.done = true;
    }
  }

  text(buf: Buffer, start: number, end: number): void {
    if (!this.inCell) return;
    if (this.inV) {
      const cell = this.current;
      if (cell.v === "" && this.vInt !== this.vInt) {
        const n = simpleInt(buf, start, end);
        if (n === n) {
          this.vInt = n;
          // a number or a shared string's index is read from vInt; other types want the text
          if (cell.t !== undefined && cell.t !== "n" && cell.t !== "s") cell.v = buf.toString("latin1", start, end);
          return;
        }
      }
      this.vInt = NaN;
      cell.v += ByteXml.text(buf, start, end);
    } else if (this.inIs) this.item.text(ByteXml.text(buf, start, end));
  }

  /** Blanks the merged-over cells, as SheetScanner.finish. */
  finish(): CellValue[][] {
    return blankMerged(this.grid, this.merges);
  }

  get finished(): boolean {
    return this.done;
  }
}

/**
 * Parses worksheet XML as it arrives, keeping the cells inside `clip` (all cells when no clip)
 * in `grid`, rows of sparse arrays, and the merged ranges.
 */
class SheetScanner {
  readonly grid: CellValue[][] = [];
  readonly merges: Rect[] = [];
  private readonly parser: SaxesParser;
  private row = -1;
  private col = -1;
  private inData = false;
  private done = false;
  /** The cell being read, when it lies inside the clip. */
  private cell: CellXml | undefined;
  private readonly current: CellXml = { t: undefined, s: 0, v: undefined, inline: undefined, formula: undefined };
  private cellRow = 0;
  private cellCol = 0;
  private inV = false;
  private inF = false;
  private inIs = false;
  private readonly item = new StringItemText();

  constructor(
    part: string,
    private readonly ctx: Context,
    private readonly clip: Rect | undefined,
  ) {
    this.parser = xmlParser(part, {
      open: (name, tag) => this.open(name, tag),
      close: (name) => this.close(name),
      text: (t) => this.text(t),
    });
  }

  push(text: string): void {
    if (text) this.parser.write(text);
  }

  end(): void {
    this.parser.close();
  }

  private open(name: string, tag: SaxesTagPlain): void {
    if (!this.inData) {
      if (name === "sheetData") {
        if (tag.isSelfClosing) this.done = true; // <sheetData/>: an empty sheet
        else this.inData = true;
      } else if (name === "mergeCell") {
        const ref = attr(tag, "ref");
        const rect = ref !== undefined ? parseRange(ref) : undefined;
        if (rect) this.merges.push(rect);
      }
      return;
    }
    const cell = this.cell;
    if (cell) {
      if (name === "v") {
        this.inV = true;
        cell.v = "";
      } else if (name === "f") {
        this.inF = true;
        cell.formula = "";
      } else if (name === "is") {
        this.inIs = true;
        this.item.take();
      } else if (this.inIs) this.item.open(name);
      return;
    }
    if (name === "c") {
      const ref = attr(tag, "r");
      let r = this.row;
      let c = this.col + 1;
      if (ref !== undefined) {
        const rc = parseRef(ref);
        if (rc) [r, c] = rc;
      }
      if (r < 0) r = this.row = 0;
      this.col = c;
      const clip = this.clip;
      if (tag.isSelfClosing || (clip && (r < clip.top || r > clip.bottom || c < clip.left || c > clip.right))) return;
      const s = attr(tag, "s");
      const cell = this.current; // one object reused for every cell: a million cells, no garbage
      cell.t = attr(tag, "t");
      cell.s = s === undefined ? 0 : Number(s) | 0;
      cell.v = cell.inline = cell.formula = undefined;
      this.cell = cell;
      this.cellRow = r;
      this.cellCol = c;
    } else if (name === "row") {
      const r = attr(tag, "r");
      this.row = r !== undefined && /^\d+$/.test(r) ? Number(r) - 1 : this.row + 1;
      this.col = -1;
    }
  }

  private close(name: string): void {
    const cell = this.cell;
    if (cell) {
      if (name === "v") this.inV = false;
      else if (name === "f") this.inF = false;
      else if (name === "is") {
        this.inIs = false;
        cell.inline = this.item.take();
      } else if (this.inIs) this.item.close(name);
      else if (name === "c") {
        this.cell = undefined;
        const v = cellValue(cell, this.ctx);
        if (v !== null) (this.grid[this.cellRow] ??= [])[this.cellCol] = v;
      }
      return;
    }
    if (name === "sheetData" && this.inData) {
      this.inData = false;
      this.done = true;
    }
  }

  private text(t: string): void {
    const cell = this.cell;
    if (!cell) return;
    if (this.inV) cell.v += t;
    else if (this.inF) cell.formula += t;
    else if (this.inIs) this.item.text(t);
  }

  /** Blanks the merged-over cells (all of a merged range but its top-left cell). */
  finish(): CellValue[][] {
    return blankMerged(this.grid, this.merges);
  }

  get finished(): boolean {
    return this.done;
  }
}

/**
 * A worksheet's XML read with one of the two readers, fed in chunks of `chunk` bytes: what
 * readSheet does with the sheet's inflated bytes, for a check that the byte reader and saxes
 * agree. The byte reader throws NotRegularXml for a part it leaves to saxes.
 */
export function readSheetXml(
  xml: Buffer,
  reader: "bytes" | "saxes",
  options: { strings?: readonly string[]; dateStyles?: readonly boolean[]; date1904?: boolean; clip?: Rect; chunk?: number } = {},
): CellValue[][] {
  const ctx: Context = { strings: options.strings ?? [], dateStyles: options.dateStyles ?? [], date1904: options.date1904 ?? false };
  const chunk = options.chunk ?? xml.length;
  const scanner = reader === "bytes" ? new ByteSheetScanner(ctx, options.clip) : new SheetScanner("the sheet", ctx, options.clip);
  const decoder = new StringDecoder("utf8");
  for (let i = 0; i < xml.length; i += chunk) {
    const piece = xml.subarray(i, i + chunk);
    if (scanner instanceof ByteSheetScanner) scanner.push(piece);
    else scanner.push(decoder.write(piece));
  }
  if (scanner instanceof SheetScanner) scanner.push(decoder.end());
  scanner.end();
  if (!scanner.finished) throw new XlsxReadError("the sheet is incomplete (no end of sheetData)");
  return scanner.finish();
}

/** The shared strings table read by ./xml-bytes (NotRegularXml: read it with saxes). */
export function byteSharedStrings(bytes: Buffer): string[] {
  const out: string[] = [];
  const item = new StringItemText();
  let inSi = false;
  const xml = new ByteXml({
    open(name) {
      if (name === N_SI) {
        inSi = true;
        item.take();
      } else if (inSi) item.open(itemName(name));
    },
    close(name) {
      if (name === N_SI) {
        inSi = false;
        out.push(item.take());
      } else if (inSi) item.close(itemName(name));
    },
    text(buf, start, end) {
      if (inSi) item.text(ByteXml.text(buf, start, end));
    },
  });
  xml.write(bytes);
  xml.end();
  return out;
}

// ---------------------------------------------------------------------------------------------
// workbook

export interface XlsxSheet {
  readonly name: string;
  readonly part: string;
}

/** An open .xlsx file: its worksheets, and a reader for one sheet's cells. */
export class XlsxFile {
  private constructor(
    private readonly path: string,
    private readonly entries: Map<string, ZipEntry>,
    private readonly fd: number,
    readonly sheets: readonly XlsxSheet[],
    private readonly date1904: boolean,
    private readonly workbookRels: Map<string, { type: string; target: string }>,
  ) {}

  /** Opens `path`: the zip directory and the workbook part. Throws XlsxReadError. */
  static open(path: string): XlsxFile {
    const fd = openSync(path, "r");
    try {
      const entries = centralDirectory(fd, fstatSync(fd).size);
      const text = (name: string): string | undefined => XlsxFile.text(fd, entries, name);
      let workbookPart = "xl/workbook.xml";
      const rootRels = text("_rels/.rels");
      if (rootRels) {
        for (const rel of rels(rootRels, "")) if (/\/officeDocument$/.test(rel.type)) workbookPart = rel.target;
      }
      const workbook = text(workbookPart);
      if (workbook === undefined) throw new XlsxReadError(`no workbook part (${workbookPart}) in the zip: not an .xlsx workbook`, "notWorkbook", workbookPart);
      const wbRels = new Map<string, { type: string; target: string }>();
      const relsText = text(relsPath(workbookPart));
      if (relsText) for (const rel of rels(relsText, workbookPart)) wbRels.set(rel.id, rel);
      const sheets: XlsxSheet[] = [];
      let d1904: string | undefined;
      parseXml(workbookPart, workbook, {
        open(name, tag) {
          if (name === "workbookPr") d1904 = attr(tag, "date1904");
          else if (name === "sheet") {
            const id = attr(tag, "id", true);
            const rel = id !== undefined ? wbRels.get(id) : undefined;
            const sheetName = attr(tag, "name");
            if (!rel || !/\/worksheet$/.test(rel.type) || sheetName === undefined) return; // chartsheets, dialog sheets
            sheets.push({ name: sheetName, part: rel.target });
          }
        },
      });
      return new XlsxFile(path, entries, fd, sheets, d1904 === "1" || d1904 === "true", wbRels);
    } catch (e) {
      closeSync(fd);
      throw e;
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  private static text(fd: number, entries: Map<string, ZipEntry>, name: string): string | undefined {
    return XlsxFile.bytes(fd, entries, name)?.toString("utf8");
  }

  /** A part's inflated bytes, whole. */
  private static bytes(fd: number, entries: Map<string, ZipEntry>, name: string): Buffer | undefined {
    const e = entries.get(name.toLowerCase());
    if (!e) return undefined;
    const { start } = XlsxFile.dataStart(fd, e);
    const raw = readAt(fd, start, e.compressedSize);
    if (e.method === 0) return raw;
    if (e.method !== 8) throw new XlsxReadError(`${e.name} uses zip compression method ${e.method}`);
    try {
      // one output buffer of the part's stated size (zlib's 16 KB chunks, joined, cost more than the inflating)
      return inflateRawSync(raw, { maxOutputLength: MAX_PART_BYTES, chunkSize: Math.min(Math.max(e.size, 1 << 16), MAX_PART_BYTES) });
    } catch (err) {
      throw new XlsxReadError(`${e.name} is damaged (${(err as Error).message})`);
    }
  }

  private static dataStart(fd: number, e: ZipEntry): { start: number } {
    const head = readAt(fd, e.localOffset, 30);
    if (head.readUInt32LE(0) !== 0x04034b50) throw new XlsxReadError(`bad zip entry header for ${e.name}`);
    return { start: e.localOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28) };
  }

  private part(type: RegExp, fallback: string): string {
    for (const rel of this.workbookRels.values()) if (type.test(rel.type)) return rel.target;
    return fallback;
  }

  /** The shared strings table, as plain text per item. */
  private sharedStrings(): string[] {
    const bytes = XlsxFile.bytes(this.fd, this.entries, this.part(/\/sharedStrings$/, "xl/sharedStrings.xml"));
    if (!bytes || bytes.length === 0) return [];
    try {
      return byteSharedStrings(bytes);
    } catch (e) {
      if (!(e instanceof NotRegularXml)) throw e;
    }
    const xml = bytes.toString("utf8");
    const out: string[] = [];
    const item = new StringItemText();
    let inSi = false;
    parseXml("the shared strings", xml, {
      open(name) {
        if (name === "si") {
          inSi = true;
          item.take();
        } else if (inSi) item.open(name);
      },
      close(name) {
        if (name === "si") {
          inSi = false;
          out.push(item.take());
        } else if (inSi) item.close(name);
      },
      text: (t) => item.text(t),
    });
    return out;
  }

  /** Per cell style (cellXfs index): whether its number format is a date format. */
  private dateStyles(): boolean[] {
    const xml = XlsxFile.text(this.fd, this.entries, this.part(/\/styles$/, "xl/styles.xml"));
    if (!xml) return [];
    const custom = new Map<number, string>();
    const xfIds: number[] = [];
    let inCellXfs = false;
    parseXml("the styles", xml, {
      open(name, tag) {
        if (name === "numFmt") {
          const id = attr(tag, "numFmtId");
          if (id !== undefined) custom.set(Number(id), attr(tag, "formatCode") ?? "");
        } else if (name === "cellXfs") inCellXfs = !tag.isSelfClosing;
        else if (name === "xf" && inCellXfs) xfIds.push(Number(attr(tag, "numFmtId") ?? 0));
      },
      close(name) {
        if (name === "cellXfs") inCellXfs = false;
      },
    });
    return xfIds.map((id) => id !== 0 && (custom.has(id) ? isDateFormat(custom.get(id)) : BUILTIN_DATE_FORMATS.has(id)));
  }

  /**
   * The cells of sheet `index`, streamed: rows of sparse arrays indexed by 0-based row and
   * column, holding only non-blank cells inside `clip` (every cell when clip is undefined).
   * Merged-over cells are null.
   */
  async readSheet(index: number, clip?: Rect): Promise<CellValue[][]> {
    const sheet = this.sheets[index];
    const entry = this.entries.get(sheet.part.toLowerCase());
    if (!entry) throw new XlsxReadError(`sheet '${sheet.name}' (${sheet.part}) is missing from the zip`);
    if (entry.method !== 0 && entry.method !== 8) throw new XlsxReadError(`${entry.name} uses zip compression method ${entry.method}`);
    if (entry.compressedSize === 0) throw new XlsxReadError(`${entry.name} is empty`);
    const ctx: Context = { strings: this.sharedStrings(), dateStyles: this.dateStyles(), date1904: this.date1904 };
    try {
      return await this.scanSheet(entry, new ByteSheetScanner(ctx, clip));
    } catch (e) {
      if (!(e instanceof NotRegularXml)) throw e;
    }
    return this.scanSheet(entry, new SheetScanner(entry.name, ctx, clip));
  }

  /** Streams a sheet's XML into `scanner`: the byte reader, or saxes for parts it leaves (NotRegularXml). */
  private async scanSheet(entry: ZipEntry, scanner: ByteSheetScanner | SheetScanner): Promise<CellValue[][]> {
    const { start } = XlsxFile.dataStart(this.fd, entry);
    const decoder = new StringDecoder("utf8");
    const source = createReadStream(this.path, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
    const stream = entry.method === 8 ? source.pipe(createInflateRaw({ chunkSize: 1 << 20 })) : source;
    try {
      await new Promise<void>((resolve, reject) => {
        source.on("error", reject);
        stream.on("error", (err: Error) => reject(new XlsxReadError(`${entry.name} is damaged (${err.message})`)));
        let failed = false;
        stream.on("data", (chunk: Buffer) => {
          if (failed) return;
          try {
            if (scanner instanceof ByteSheetScanner) scanner.push(chunk);
            else scanner.push(decoder.write(chunk));
          } catch (err) {
            failed = true;
            reject(err);
            source.destroy();
            stream.destroy();
          }
        });
        stream.on("end", () => resolve());
      });
    } finally {
      source.destroy();
      stream.destroy();
    }
    if (scanner instanceof SheetScanner) scanner.push(decoder.end());
    scanner.end();
    if (!scanner.finished) throw new XlsxReadError(`${entry.name} is incomplete (no end of sheetData)`);
    return scanner.finish();
  }
}

function rels(xml: string, base: string): { id: string; type: string; target: string }[] {
  const out: { id: string; type: string; target: string }[] = [];
  parseXml("the relationships", xml, {
    open(name, tag) {
      if (name !== "Relationship") return;
      const id = attr(tag, "Id");
      const target = attr(tag, "Target");
      if (id === undefined || target === undefined || attr(tag, "TargetMode") === "External") return;
      out.push({ id, type: attr(tag, "Type") ?? "", target: resolvePart(base, target) });
    },
  });
  return out;
}

/**
 * A formula's text as a cell's `<f>` element stores it, read as a user types it: XML (and `_xHHHH_`) decoded,
 * Excel's storage prefixes dropped (`_xlfn.`, `_xlfn._xlws.`) and the add-in's custom functions
 * by their names (`_xldudf_MIGRATION_MEI(` → `MIGRATION.MEI(`). Cells are read as their cached
 * results; this is the one translation for a caller that shows or keeps formulas.
 */
export function typedFormula(storedXml: string): string {
  return fromFileFormula(decodeEscapes(decodeXmlText(storedXml)));
}

const XML_ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** An element's text as stored in the XML (the five named entities and character references). */
function decodeXmlText(xml: string): string {
  return xml.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : XML_ENTITIES[e],
  );
}
