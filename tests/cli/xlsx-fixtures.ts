/**
 * Hand-written .xlsx files for the streaming reader's tests: parts exceljs never writes
 * (inline strings, t="str", cells without r attributes, phonetic runs, 1904 dates, absolute
 * relationship targets) zipped as they are given.
 */
import { writeFileSync } from "fs";
import { deflateRawSync } from "zlib";

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip of `entries` (name → text), deflated. */
export function writeZip(path: string, entries: Record<string, string>): void {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, "utf8");
    const packed = deflateRawSync(data);
    const nameBuf = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(packed.length, 20);
    cd.writeUInt32LE(data.length, 24);
    cd.writeUInt16LE(nameBuf.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    central.push(cd, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(path, Buffer.concat([...locals, cdBuf, end]));
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface FixtureSheet {
  readonly name: string;
  /** The <sheetData> element's content. */
  readonly rows: string;
  /** XML after </sheetData> (e.g. <mergeCells>). */
  readonly after?: string;
}

/** An .xlsx with the given sheets (in tab order), shared strings and cell styles. */
export function writeXlsx(
  path: string,
  sheets: readonly FixtureSheet[],
  opts: { sharedStrings?: readonly string[]; numFmts?: Record<number, string>; cellXfs?: readonly number[]; date1904?: boolean; absoluteTargets?: boolean } = {},
): void {
  const target = (t: string) => (opts.absoluteTargets ? `/xl/${t}` : t);
  const entries: Record<string, string> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  };
  const rels = sheets.map((_s, k) => `<Relationship Id="rId${k + 1}" Type="${REL}/worksheet" Target="${target(`worksheets/sheet${k + 1}.xml`)}"/>`);
  rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="${target("sharedStrings.xml")}"/>`);
  rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="${target("styles.xml")}"/>`);
  entries["xl/_rels/workbook.xml.rels"] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`;
  // sheetIds deliberately in reverse: the tab order is the order of <sheet> elements
  const sheetEls = sheets.map((s, k) => `<sheet name="${s.name}" sheetId="${sheets.length - k}" r:id="rId${k + 1}"/>`);
  entries["xl/workbook.xml"] = `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${opts.date1904 ? '<workbookPr date1904="1"/>' : "<workbookPr/>"}<sheets>${sheetEls.join("")}</sheets></workbook>`;
  sheets.forEach((s, k) => {
    entries[`xl/worksheets/sheet${k + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><dimension ref="A1"/><sheetData>${s.rows}</sheetData>${s.after ?? ""}</worksheet>`;
  });
  const sst = opts.sharedStrings ?? [];
  entries["xl/sharedStrings.xml"] = `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${sst.length}" uniqueCount="${sst.length}">${sst.map((x) => (x.startsWith("<") ? `<si>${x}</si>` : `<si><t>${x}</t></si>`)).join("")}</sst>`;
  const fmts = Object.entries(opts.numFmts ?? {}).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code}"/>`);
  const xfs = (opts.cellXfs ?? [0]).map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ""}/>`);
  entries["xl/styles.xml"] = `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${fmts.length ? `<numFmts count="${fmts.length}">${fmts.join("")}</numFmts>` : ""}<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs></styleSheet>`;
  writeZip(path, entries);
}
