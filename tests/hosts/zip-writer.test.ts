/** The zip writer's files are zips other readers accept: sizes, CRCs and names check out. */
import { createWriteStream, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { crc32, inflateRawSync } from "zlib";
import ExcelJS from "exceljs";
import { ZipWriter } from "../../src/hosts/zip-writer";
import { readZip } from "../support/zip";

const DIR = mkdtempSync(join(tmpdir(), "zip-writer-"));

/** Every entry, with the CRC and size of its inflated data checked against the central directory. */
function checkedEntries(path: string): { name: string; size: number }[] {
  const buf = readFileSync(path);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  expect(buf.readUInt32LE(eocd + 12) + buf.readUInt32LE(eocd + 16)).toBe(eocd); // directory ends where the end record starts
  let p = buf.readUInt32LE(eocd + 16);
  const out: { name: string; size: number }[] = [];
  for (let k = 0; k < count; k++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const crc = buf.readUInt32LE(p + 16);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    expect(buf.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = inflateRawSync(buf.subarray(start, start + compressed));
    expect(data.length).toBe(size);
    expect(crc32(data) >>> 0).toBe(crc);
    // The data descriptor after the data repeats CRC and sizes.
    const d = start + compressed;
    expect([buf.readUInt32LE(d), buf.readUInt32LE(d + 4), buf.readUInt32LE(d + 8), buf.readUInt32LE(d + 12)]).toEqual([0x08074b50, crc, compressed, size]);
    out.push({ name, size });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

test("entries written in pieces read back whole, with matching CRCs and sizes", async () => {
  const path = join(DIR, "pieces.zip");
  const zip = new ZipWriter(createWriteStream(path), { date: new Date(2020, 0, 2, 3, 4, 6) });
  const e = await zip.entry("dir/big.txt");
  let expected = "";
  for (let i = 0; i < 2000; i++) {
    const piece = `line ${i} ${"é".repeat(i % 7)}\n`;
    expected += piece;
    await e.write(piece);
  }
  await e.close();
  await zip.add("ünïcode name.xml", "<a/>");
  await zip.add("empty", "");
  const bytes = await zip.finish();
  expect(bytes).toBe(readFileSync(path).length);
  expect(checkedEntries(path)).toEqual([
    { name: "dir/big.txt", size: Buffer.byteLength(expected) },
    { name: "ünïcode name.xml", size: 4 },
    { name: "empty", size: 0 },
  ]);
  const entries = readZip(path);
  expect(entries.get("dir/big.txt")).toBe(expected);
  expect(entries.get("ünïcode name.xml")).toBe("<a/>");
});

test("a second entry cannot start while one is open", async () => {
  const zip = new ZipWriter(createWriteStream(join(DIR, "open.zip")));
  await zip.entry("a");
  await expect(zip.entry("b")).rejects.toThrow(/still open/);
});

test("a minimal workbook written with it opens in exceljs", async () => {
  const path = join(DIR, "book.xlsx");
  const zip = new ZipWriter(createWriteStream(path));
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  await zip.add("xl/worksheets/sheet1.xml", `<worksheet ${ns}><sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>`);
  await zip.add("xl/workbook.xml", `<workbook ${ns}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  await zip.add(
    "xl/_rels/workbook.xml.rels",
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  );
  await zip.add(
    "[Content_Types].xml",
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  await zip.add(
    "_rels/.rels",
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  await zip.finish();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  expect(wb.getWorksheet("S")?.getCell("A1").value).toBe(42);
});
