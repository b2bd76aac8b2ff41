/**
 * The streaming .xlsx reader (src/cli/read-xlsx.ts) behind readInput: every cell type, --sheet
 * and --range, several sheets, the same values as the old in-memory (exceljs) path on the
 * sample workbook and on every bundled sample, and damaged files (exit 3, one clear line).
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { EXIT } from "../../src/cli/errors";
import { readInput } from "../../src/cli/read-input";
import { isDateFormat, XlsxFile } from "../../src/cli/read-xlsx";
import type { CellValue } from "../../src/report/types";
import { readSample, SAMPLES } from "../support/samples";
import { legacyGrids } from "./legacy-read-xlsx";
import { writeXlsx, writeZip } from "./xlsx-fixtures";
import { failure } from "../support/cli";

jest.setTimeout(120_000);

const ROOT = join(__dirname, "..", "..");
const DIR = mkdtempSync(join(tmpdir(), "read-xlsx-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));


/** A sparse grid padded to its bounding rectangle from A1 (what the old and new paths hold). */
function dense(grid: CellValue[][]): CellValue[][] {
  const width = Math.max(0, ...grid.map((r) => (r ? r.length : 0)));
  return Array.from({ length: grid.length }, (_x, r) => Array.from({ length: width }, (_y, c) => grid[r]?.[c] ?? null));
}

/** Every sheet through the streaming reader, as dense grids. */
async function streamedGrids(path: string): Promise<Map<string, CellValue[][]>> {
  const file = XlsxFile.open(path);
  try {
    const out = new Map<string, CellValue[][]>();
    for (let k = 0; k < file.sheets.length; k++) out.set(file.sheets[k].name, dense(await file.readSheet(k)));
    return out;
  } finally {
    file.close();
  }
}

async function expectSameAsLegacy(path: string): Promise<void> {
  const old = await legacyGrids(path);
  const streamed = await streamedGrids(path);
  expect([...streamed.keys()]).toEqual([...old.keys()]);
  for (const [name, grid] of old) expect(streamed.get(name)).toEqual(dense(grid));
}

/** Every cell type exceljs writes, on one sheet "Types", and a second sheet. */
async function typesBook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Types");
  ws.getCell("A1").value = "shared string";
  ws.getCell("B1").value = "shared string"; // the same shared string twice
  ws.getCell("C1").value = { richText: [{ text: "rich " }, { font: { bold: true }, text: "text" }] };
  ws.getCell("D1").value = 'a < b & "c" \u00e9\u4e2d \ud83d\ude00';
  ws.getCell("E1").value = "";
  ws.getCell("A2").value = 42;
  ws.getCell("B2").value = -0.125;
  ws.getCell("C2").value = 1.5e-12;
  ws.getCell("D2").value = 1234.5;
  ws.getCell("D2").numFmt = "#,##0.00"; // a number format, not a date: stays a number
  ws.getCell("E2").value = 0.25;
  ws.getCell("E2").numFmt = "0%";
  ws.getCell("A3").value = true;
  ws.getCell("B3").value = false;
  ws.getCell("C3").value = { error: "#N/A" };
  ws.getCell("D3").value = { error: "#DIV/0!" };
  ws.getCell("A4").value = { formula: "A2*2", result: 84 };
  ws.getCell("B4").value = { formula: "A2-A2", result: 0 };
  ws.getCell("C4").value = { formula: 'A1&""', result: "shared string" };
  ws.getCell("D4").value = { formula: "A3", result: false };
  ws.getCell("E4").value = { formula: "NA()", result: { error: "#N/A" } };
  ws.getCell("F4").value = { formula: "A2" }; // no cached result: blank
  ws.getCell("A5").value = new Date(Date.UTC(2020, 0, 31));
  ws.getCell("B5").value = new Date(Date.UTC(2021, 5, 15, 12, 30, 0));
  ws.getCell("C5").value = 43861;
  ws.getCell("C5").numFmt = "dd/mm/yyyy"; // a custom date format
  ws.getCell("D5").value = { formula: "C5+1", result: new Date(Date.UTC(2020, 1, 1)) };
  ws.getCell("E5").value = 43861;
  ws.getCell("E5").numFmt = '[Red]0.00;"days"'; // brackets and quotes do not make a date
  ws.getCell("A6").style = { font: { bold: true } }; // styled, no value: blank
  ws.getCell("B6").value = { text: "a link", hyperlink: "https://example.org" };
  ws.getCell("C6").value = "=not a formula";
  ws.mergeCells("A7:C8");
  ws.getCell("A7").value = "merged";
  ws.getCell("H10").value = "far corner";
  const second = wb.addWorksheet("Second sheet");
  second.getCell("B2").value = "only";
  second.getCell("C3").value = 7;
  wb.addWorksheet("Empty");
  const path = join(DIR, "types.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

let TYPES = "";
beforeAll(async () => {
  TYPES = await typesBook();
});

test("every cell type: strings, rich text, numbers, booleans, errors, cached formula results, dates, blanks, merges, links", async () => {
  const { block, address, sheets } = await readInput(TYPES);
  expect(sheets).toEqual(["Types", "Second sheet", "Empty"]);
  expect(address).toBe("A1:H10");
  const v = block.values;
  expect(v[0].slice(0, 5)).toEqual(["shared string", "shared string", "rich text", 'a < b & "c" \u00e9\u4e2d \ud83d\ude00', ""]); // "" as before
  expect(v[1].slice(0, 5)).toEqual([42, -0.125, 1.5e-12, 1234.5, 0.25]);
  expect(v[2].slice(0, 4)).toEqual([true, false, "#N/A", "#DIV/0!"]);
  expect(v[3].slice(0, 6)).toEqual([84, 0, "shared string", false, "#N/A", null]);
  expect(v[4].slice(0, 5)).toEqual(["2020-01-31", "2021-06-15T12:30:00Z", "2020-01-31", "2020-02-01", 43861]);
  expect(v[5].slice(0, 3)).toEqual([null, "a link", "=not a formula"]);
  expect(v[6].slice(0, 3)).toEqual(["merged", null, null]);
  expect(v[7].slice(0, 3)).toEqual([null, null, null]);
  expect(v[9][7]).toBe("far corner");
  expect(v.every((row) => row.length === 8)).toBe(true);
});

test("the streamed values equal the old in-memory path's, on every sheet of a several-sheet workbook", async () => {
  await expectSameAsLegacy(TYPES);
  expect((await readInput(TYPES, { sheet: "Second sheet" })).block).toMatchObject({ top: 1, left: 1, values: [["only", null], [null, 7]] });
  expect((await failure(readInput(TYPES, { sheet: "Empty" }))).code).toBe(EXIT.undetectable);
});

test("--sheet and --range on the streamed path: clip, padding past the data, sheet in the range, any case", async () => {
  const r = await readInput(TYPES, { range: "B2:C4" });
  expect(r.address).toBe("B2:C4");
  expect(r.block).toMatchObject({ sheet: "Types", top: 1, left: 1, values: [[-0.125, 1.5e-12], [false, "#N/A"], [0, "shared string"]] });
  expect((await readInput(TYPES, { range: "G9:I11" })).block.values).toEqual([[null, null, null], [null, "far corner", null], [null, null, null]]);
  expect((await readInput(TYPES, { range: "B8:B8" })).block.values).toEqual([[null]]); // merged-over cell
  const s = await readInput(TYPES, { sheet: "second SHEET", range: "A1:C3" });
  expect(s.block).toMatchObject({ sheet: "Second sheet", provenance: "types.xlsx, sheet 'Second sheet', A1:C3" });
  expect(s.block.values).toEqual([[null, null, null], [null, "only", null], [null, null, 7]]);
  expect((await readInput(TYPES, { range: "'Second sheet'!C3:C3" })).block.values).toEqual([[7]]);
  const unknown = await failure(readInput(TYPES, { sheet: "Nope" }));
  expect(unknown.code).toBe(EXIT.range);
  expect(unknown.message).toBe("no sheet 'Nope' in types.xlsx (sheets: 'Types', 'Second sheet', 'Empty')");
  expect((await failure(readInput(TYPES, { range: "'Nope'!A1:B2" }))).code).toBe(EXIT.range);
  expect((await failure(readInput(TYPES, { range: "B3:" }))).code).toBe(EXIT.range);
  expect((await failure(readInput(TYPES, { range: "A1:XFE2" }))).code).toBe(EXIT.range);
  expect((await failure(readInput(TYPES, { sheet: "Types", range: "'Second sheet'!A1:B2" }))).code).toBe(EXIT.usage);
});

test("the bundled sample workbook: every sheet as the old in-memory path read it", async () => {
  const book = join(ROOT, "assets", "sample-workbook.xlsx");
  await expectSameAsLegacy(book);
  const old = await legacyGrids(book);
  for (const name of old.keys()) {
    const r = await readInput(book, { sheet: name });
    expect(r.block.sheet).toBe(name);
    expect(r.block.values.length).toBeGreaterThan(0);
  }
});

test("every bundled sample, saved as .xlsx: the same block as its CSV and as the old path", async () => {
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith(".csv"));
  expect(files.length).toBeGreaterThanOrEqual(4);
  for (const file of files) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    for (const row of readSample(file)) ws.addRow(row);
    const path = join(DIR, file.replace(/\.csv$/, ".xlsx"));
    await wb.xlsx.writeFile(path);
    await expectSameAsLegacy(path);
    const fromXlsx = await readInput(path);
    const fromCsv = await readInput(join(SAMPLES, file));
    expect(fromXlsx.address).toBe(fromCsv.address);
    expect(fromXlsx.block.values).toEqual(fromCsv.block.values);
  }
});

test("a sheet larger than the reader's chunks (several MB of XML) reads as the old path did", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Big");
  for (let r = 0; r < 20_000; r++) {
    ws.addRow([`Region ${r % 97} & <${r}>`, r * 1.5, r % 3 === 0, r % 7 === 0 ? null : -r, { formula: `B${r + 1}*2`, result: r * 3 }, r % 11 === 0 ? { error: "#VALUE!" } : `x${r}`]);
  }
  const path = join(DIR, "big.xlsx");
  await wb.xlsx.writeFile(path);
  await expectSameAsLegacy(path);
  const r = await readInput(path, { range: "B19990:C20000" });
  expect(r.block.values[0]).toEqual([19_989 * 1.5, true]);
  expect(r.block.values).toHaveLength(11);
});

test("parts exceljs does not write: inline strings, t=str, cells and rows without r, entities, _x escapes, phonetic runs", async () => {
  const path = join(DIR, "hand.xlsx");
  writeXlsx(
    path,
    [
      {
        name: "Hand &amp; made",
        rows:
          '<row r="1"><c r="A1" t="inlineStr"><is><t>inline</t></is></c><c r="B1" t="inlineStr"><is><r><t>in</t></r><r><rPr><b/></rPr><t xml:space="preserve">line rich</t></r></is></c>' +
          '<c r="C1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D1" t="s"><v>0</v></c><c r="E1" t="s"><v>1</v></c></row>' +
          '<row><c t="s"><v>2</v></c><c><v>3.25</v></c><c/><c t="b"><v>1</v></c></row>' + // no r attributes: A2, B2, C2 (blank), D2
          '<row r="4" spans="1:3"><c r="A4" s="1"><v>0</v></c><c r="B4" s="2"><v>1.5</v></c><c r="C4" s="3"><v>2</v></c><c r="D4" t="e"><v>#REF!</v></c><c r="E4"><v/></c></row>',
      },
    ],
    {
      sharedStrings: ["Tab&#9;and&#x41;&lt;&gt;", "line_x000D_break", '<r><t>Tokyo</t></r><rPh sb="0" eb="1"><t>トウキョウ</t></rPh>'],
      numFmts: { 164: "yyyy-mm-dd" },
      cellXfs: [0, 164, 14, 4],
      date1904: true,
    },
  );
  const r = await readInput(path);
  expect(r.sheets).toEqual(["Hand & made"]);
  expect(r.block.values).toEqual([
    ["inline", "inline rich", "ab", "Tab\tandA<>", "line\rbreak"],
    ["Tokyo", 3.25, null, true, null],
    [null, null, null, null, null],
    ["1904-01-01", "1904-01-02T12:00:00Z", 2, "#REF!", null],
  ]);
});

test("absolute relationship targets, tab order over sheetId", async () => {
  const path = join(DIR, "abs.xlsx");
  writeXlsx(
    path,
    [
      { name: "One", rows: '<row r="1"><c r="A1"><v>1</v></c></row>' },
      { name: "Two", rows: '<row r="2"><c r="B2"><v>2</v></c></row>', after: '<mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells>' },
    ],
    { absoluteTargets: true },
  );
  expect((await readInput(path)).sheets).toEqual(["One", "Two"]);
  expect((await readInput(path)).block.values).toEqual([[1]]);
  expect((await readInput(path, { sheet: "Two" })).block).toMatchObject({ top: 1, left: 1, values: [[2]] });
});

test("exceljs's date-format test", () => {
  expect(["yyyy-mm-dd", "mm-dd-yy", "h:mm", "[$-409]d-mmm", "dd/mm/yyyy hh:mm"].every(isDateFormat)).toBe(true);
  expect(["0", "#,##0.00", "0%", "General", '[Red]0.00;"days"', "@", undefined].some(isDateFormat)).toBe(false);
});

describe("damaged files: exit 3, one clear line", () => {
  const BIN = join(ROOT, "bin", "migration-report.js");

  async function expectUnreadable(path: string, why: RegExp): Promise<void> {
    const e = await failure(readInput(path));
    expect(e.code).toBe(EXIT.input);
    expect(e.message).toMatch(why);
  }

  test("not a zip, truncated, a zip without a workbook, a damaged sheet", async () => {
    const text = join(DIR, "text.xlsx");
    writeFileSync(text, "region,flow\nA,1\n");
    await expectUnreadable(text, /^cannot read text\.xlsx as an \.xlsx workbook \(not a zip file: the file is damaged or is not an \.xlsx workbook\)$/);

    const good = readFileSync(TYPES);
    const cut = join(DIR, "cut.xlsx");
    writeFileSync(cut, good.subarray(0, Math.floor(good.length / 2)));
    await expectUnreadable(cut, /^cannot read cut\.xlsx as an \.xlsx workbook \(/);

    const zip = join(DIR, "other.xlsx");
    writeZip(zip, { "readme.txt": "hello" });
    await expectUnreadable(zip, /^cannot read other\.xlsx as an \.xlsx workbook \(no workbook part \(xl\/workbook\.xml\) in the zip/);

    const nosheets = join(DIR, "nosheets.xlsx");
    writeXlsx(nosheets, []);
    await expectUnreadable(nosheets, /^nosheets\.xlsx has no sheets$/);

    // the sheet's deflated data overwritten with garbage (central directory intact)
    const bad = Buffer.from(readFileSync(TYPES));
    const at = bad.indexOf(Buffer.from("xl/worksheets/sheet1.xml"));
    for (let i = at + 40; i < at + 400; i++) bad[i] = (i * 131) & 0xff;
    const damaged = join(DIR, "damaged.xlsx");
    writeFileSync(damaged, bad);
    await expectUnreadable(damaged, /^cannot read damaged\.xlsx as an \.xlsx workbook \(.+\)$/);
  });

  test("through the CLI: exit 3 and the message, no stack trace", () => {
    const path = join(DIR, "notzip.xlsx");
    writeFileSync(path, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]));
    const r = spawnSync(process.execPath, [BIN, path, "-o", join(DIR, "out.xlsx")], { encoding: "utf8", env: { ...process.env, MIGRATION_REPORT_DEBUG: "" } });
    expect(r.status).toBe(EXIT.input);
    expect(r.stderr.trim().split("\n").pop()).toBe("migration-report: cannot read notzip.xlsx as an .xlsx workbook (not a zip file: the file is damaged or is not an .xlsx workbook)");
  });
});

/** A workbook as Open XML SDK tools write it: every SpreadsheetML element with the `x:` prefix. */
function prefixedBook(path: string): void {
  const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  writeZip(path, {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
    "_rels/.rels": `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="${rel}/officeDocument" Target="/xl/workbook.xml" Id="R1"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="utf-8"?><x:workbook ${ns}><x:sheets><x:sheet name="Flows &amp; totals" sheetId="1" r:id="R2"/></x:sheets></x:workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="${rel}/worksheet" Target="/xl/worksheets/sheet1.xml" Id="R2"/><Relationship Type="${rel}/sharedStrings" Target="/xl/sharedStrings.xml" Id="R3"/></Relationships>`,
    "xl/sharedStrings.xml": `<?xml version="1.0" encoding="utf-8"?><x:sst ${ns}><x:si><x:t>Origin</x:t></x:si><x:si><x:r><x:t>Côte </x:t></x:r><x:r><x:t><![CDATA[d'Ivoire & <co>]]></x:t></x:r></x:si><x:si><x:t>Mali</x:t></x:si></x:sst>`,
    "xl/worksheets/sheet1.xml":
      `<?xml version="1.0" encoding="utf-8"?><!-- written by a tool --><x:worksheet ${ns}><x:sheetData>` +
      '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c></x:row>' +
      '<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2"><x:v>0</x:v></x:c><x:c r="C2"><x:f>1+2</x:f><x:v>3</x:v></x:c></x:row>' +
      '<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>Mali &#8212; &amp;c</x:t></x:is></x:c><x:c r="B3"><x:v>4.5</x:v></x:c><x:c r="C3"><x:v><![CDATA[0]]></x:v></x:c></x:row>' +
      "</x:sheetData></x:worksheet>",
  });
}

test("Open XML SDK output: prefixed elements, prefixed shared strings, CDATA, entities and comments read like Excel's", async () => {
  const path = join(DIR, "prefixed.xlsx");
  prefixedBook(path);
  const r = await readInput(path);
  expect(r.sheets).toEqual(["Flows & totals"]);
  expect(r.block.values).toEqual([
    ["Origin", "Côte d'Ivoire & <co>", "Mali"],
    ["Côte d'Ivoire & <co>", 0, 3],
    ["Mali \u2014 &c", 4.5, 0],
  ]);
});

test("XML that is not well-formed is a damaged file, not a guess", async () => {
  const path = join(DIR, "bad-xml.xlsx");
  writeXlsx(path, [{ name: "S", rows: '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</c></row>' }]);
  expect((await failure(readInput(path))).message).toMatch(/not well-formed XML/);
});
