/** Reads the entries of a zip file (an .xlsx is one), for tests that check the saved XML. */
import { readFileSync } from "fs";
import { inflateRawSync } from "zlib";

/**
 * Entries of the zip: path → text (UTF-8). Stored and deflated entries only, as .xlsx uses.
 * `want` picks the entries to inflate (a large report's sheets need not be, to read one file).
 */
export function readZip(path: string, want: (name: string) => boolean = () => true): Map<string, string> {
  const buf = readFileSync(path);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${path} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, string>();
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${path}: bad central directory`);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen).replace(/^\//, "");
    if (!want(name)) {
      p += 46 + nameLen + extraLen + commentLen;
      continue;
    }
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    if (method !== 0 && method !== 8) throw new Error(`${path}: ${name} uses compression method ${method}`);
    out.set(name, (method === 8 ? inflateRawSync(data) : data).toString("utf8"));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The XML of a sheet by its name, via workbook.xml and its relationships. */
export function sheetXml(entries: Map<string, string>, sheet: string): string {
  const wbXml = entries.get("xl/workbook.xml") ?? "";
  const rels = entries.get("xl/_rels/workbook.xml.rels") ?? "";
  // As stored: OOXML escape look-alikes escaped (`_x000D_` → `_x005F_x000D_`), then markup.
  const stored = sheet.replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const m = new RegExp(`<sheet [^>]*name="(?:${[stored, stored.replace(/'/g, "&apos;"), sheet].map(escapeRe).join("|")})"[^>]*r:id="([^"]+)"`).exec(wbXml);
  if (!m) throw new Error(`no sheet '${sheet}' in workbook.xml`);
  const target = new RegExp(`<Relationship [^>]*Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels);
  if (!target) throw new Error(`no relationship ${m[1]}`);
  const path = target[1].startsWith("/") ? target[1].slice(1) : `xl/${target[1]}`;
  const xml = entries.get(path);
  if (xml === undefined) throw new Error(`no part ${path}`);
  return xml;
}

/** The `<c>` element of one cell in a sheet's XML, or undefined. */
export function cellXml(xml: string, address: string): string | undefined {
  const m = new RegExp(`<c r="${address}"(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</c>)`).exec(xml);
  return m?.[0];
}

/** Text as ECMA-376 stores it: XML entities, then OOXML's _xHHHH_ escapes (as Excel and LibreOffice read it). */
export function decodeXmlText(xml: string): string {
  return xml
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9A-Fa-f]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&")
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The text of a string item (`<si>`, `<is>`): its `<t>` runs joined (phonetic runs `<rPh>` left out), decoded. */
function itemText(xml: string): string {
  return decodeXmlText([...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(""));
}

/** The shared string table (xl/sharedStrings.xml), decoded, by index. */
export function sharedStrings(entries: Map<string, string>): string[] {
  return [...(entries.get("xl/sharedStrings.xml") ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => itemText(m[1]));
}

/**
 * The string cells of a sheet, shared (t="s", looked up in the shared strings) or inline
 * (t="inlineStr"), decoded: address → text. Formula cells (t="str") are not string cells.
 */
export function stringCells(entries: Map<string, string>, sheet: string): Map<string, string> {
  const shared = sharedStrings(entries);
  const out = new Map<string, string>();
  for (const m of sheetXml(entries, sheet).matchAll(/<c r="([A-Z]+\d+)"((?:\s[^>]*?)?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const type = /\bt="([^"]+)"/.exec(m[2])?.[1];
    if (m[3] === undefined) continue;
    if (type === "s") {
      const i = /<v>(\d+)<\/v>/.exec(m[3])?.[1];
      if (i === undefined || shared[Number(i)] === undefined) throw new Error(`${sheet}!${m[1]}: no shared string ${i}`);
      out.set(m[1], shared[Number(i)]);
    } else if (type === "inlineStr") out.set(m[1], itemText(m[3]));
  }
  return out;
}

/** The text of one string cell (shared or inline), or undefined when the cell is not a string. */
export function cellText(entries: Map<string, string>, sheet: string, address: string): string | undefined {
  return stringCells(entries, sheet).get(address);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
