import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { EXIT } from "../../src/cli/errors";
import { metadataLines, readInput, splitRange } from "../../src/cli/read-input";
import { renderInputNote } from "../../src/messages/input-notes";
import { failure } from "../support/cli";

const DIR = mkdtempSync(join(tmpdir(), "read-input-"));

async function book(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("First").getCell("A1").value = "first sheet";
  const ws = wb.addWorksheet("Data 2");
  ws.getCell("B3").value = "Region";
  ws.getCell("C3").value = { richText: [{ text: "Emi" }, { font: { bold: true }, text: "grants" }] };
  ws.getCell("D3").value = "When";
  ws.getCell("B4").value = "=SUM(A1)"; // text that looks like a formula
  ws.getCell("C4").value = { formula: "2*3", result: 6 };
  ws.getCell("D4").value = new Date(Date.UTC(2020, 0, 31));
  ws.getCell("B5").value = "North";
  ws.getCell("C5").value = { formula: "1-1", result: 0 }; // a falsy cached result
  ws.getCell("D5").value = { error: "#N/A" };
  ws.getCell("E6").value = { text: "link", hyperlink: "https://example.org" };
  ws.mergeCells("B7:C7");
  ws.getCell("B7").value = "merged";
  const path = join(DIR, "book.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}


test("an .xlsx sheet: used range, cached results, flattened rich text, dates as ISO text, merged-over cells blank", async () => {
  const path = await book();
  const { block, address, sheets } = await readInput(path, { sheet: "Data 2" });
  expect(sheets).toEqual(["First", "Data 2"]);
  expect(address).toBe("B3:E7");
  expect(block).toMatchObject({ sheet: "Data 2", top: 2, left: 1, provenance: "book.xlsx, sheet 'Data 2', B3:E7" });
  expect(block.values).toEqual([
    ["Region", "Emigrants", "When", null],
    ["=SUM(A1)", 6, "2020-01-31", null],
    ["North", 0, "#N/A", null],
    [null, null, null, "link"],
    ["merged", null, null, null],
  ]);
});

test("the first sheet by default; a range with its sheet; a sheet name in any case", async () => {
  const path = await book();
  expect((await readInput(path)).block.values).toEqual([["first sheet"]]);
  const r = await readInput(path, { range: "'Data 2'!B3:C4" });
  expect(r.block.values).toEqual([
    ["Region", "Emigrants"],
    ["=SUM(A1)", 6],
  ]);
  expect((await readInput(path, { sheet: "data 2" })).block.sheet).toBe("Data 2");
  expect(splitRange("'It''s'!A1:B2")).toEqual({ sheet: "It's", range: "A1:B2" });
});

test("a CSV: sheet 'Data', ragged rows padded, range applies", async () => {
  const path = join(DIR, "x.csv");
  writeFileSync(path, "region,emigrants,population\nA,1\nB,2,30\n");
  const r = await readInput(path);
  expect(r.block).toMatchObject({ sheet: "Data", top: 0, left: 0, provenance: "x.csv" });
  expect(r.block.values).toEqual([
    ["region", "emigrants", "population"],
    ["A", 1, null],
    ["B", 2, 30],
  ]);
  expect((await readInput(path, { range: "B2:C3" })).block).toMatchObject({ top: 1, left: 1, values: [[1, null], [2, 30]] });
  expect((await failure(readInput(path, { sheet: "Other" }))).code).toBe(EXIT.range);
});

test("failures carry their exit codes", async () => {
  const path = await book();
  expect((await failure(readInput(join(DIR, "missing.csv")))).code).toBe(EXIT.input);
  expect((await failure(readInput(path, { sheet: "Nope" }))).code).toBe(EXIT.range);
  expect((await failure(readInput(path, { range: "B3:" }))).code).toBe(EXIT.range);
  const old = join(DIR, "old.xls");
  writeFileSync(old, "x");
  expect((await failure(readInput(old))).message).toMatch(/save it as \.xlsx/);
  const blankSheet = new ExcelJS.Workbook();
  blankSheet.addWorksheet("Empty");
  const bp = join(DIR, "blank.xlsx");
  await blankSheet.xlsx.writeFile(bp);
  expect((await failure(readInput(bp))).code).toBe(EXIT.undetectable);
});

test("a UTF-16 semicolon export with decimal commas and flags: numbers, and notes naming what was changed", async () => {
  const path = join(DIR, "utf16.csv");
  const text = "Land;Anteil;Studenten\nÖsterreich;12,5;1.234 p\n\nBelgien;:;987\n";
  writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
  const r = await readInput(path);
  expect(r.block.values).toEqual([
    ["Land", "Anteil", "Studenten"],
    ["Österreich", 12.5, 1234],
    [null, null, null],
    ["Belgien", null, 987],
  ]);
  expect(r.notes.map((n) => [n.code, n.params])).toEqual([
    ["decoded", { encoding: "utf-16le", delimiter: "semicolon", decimalComma: true }],
    ["missingMarkers", { count: 1 }],
    ["flag", { address: "C2", value: "1.234 p", number: 1234, flags: ["p"] }],
  ]);
  expect(r.notes.map((n) => renderInputNote(n, "en"))).toEqual([
    "read as UTF-16LE text, semicolon-separated, with decimal commas",
    "1 cell(s) held a missing-value marker (such as '..', ':', '-', 'x' or 'NA') and are read as blank",
    "C2: '1.234 p' read as 1234; the flag 'p' (p: provisional) is not kept",
  ]);
  expect(r.notes.map((n) => renderInputNote(n, "uk"))).toEqual([
    "прочитано як текст UTF-16LE, роздільник — крапка з комою, десятковий знак — кома",
    "1 клітинка містила позначку пропущеного значення (як-от '..', ':', '-', 'x', 'NA') і прочитана як порожня",
    "C2: «1.234 p» прочитано як 1234; позначку «p» (p: попередні дані) не збережено",
  ]);
});

test("metadata lines above a CSV table (World Bank downloads) are not read; rows keep their numbers", async () => {
  const path = join(DIR, "wdi.csv");
  writeFileSync(path, '"Data Source","World Development Indicators",\n\n"Last Updated Date","2024-06-28",\n\n"Country Name","Country Code","1990","2020",\n"Austria","AUT","1","2",\n');
  const r = await readInput(path);
  expect(r.address).toBe("A5:D6");
  expect(r.block.top).toBe(4);
  expect(r.block.values[0]).toEqual(["Country Name", "Country Code", 1990, 2020]);
  expect(r.notes).toContainEqual({ code: "metadataLines", params: { first: 1, last: 4, text: "Data Source" } });
  expect(renderInputNote({ code: "metadataLines", params: { first: 1, last: 4, text: "Data Source" } }, "en")).toBe("lines 1–4 are metadata above the table ('Data Source' …), not read; the table starts on line 5");
  expect(metadataLines([["title"], ["a", "b", "c"]], 0)).toBe(0); // a line of three cells: not above a table of four
});

test("several sheets, none named: the one holding a table of numbers is read and the others named", async () => {
  const wb = new ExcelJS.Workbook();
  const contents = wb.addWorksheet("Contents");
  contents.getCell("A1").value = "Table 1";
  contents.getCell("B1").value = "Flows between regions";
  const t = wb.addWorksheet("Table 1");
  t.addRows([["", "A", "B"], ["A", 0, 1], ["B", 2, 0], ["C", 3, 4]]);
  const path = join(DIR, "contents-first.xlsx");
  await wb.xlsx.writeFile(path);
  const r = await readInput(path);
  expect(r.block.sheet).toBe("Table 1");
  expect(r.notes).toEqual([{ code: "oneSheet", params: { sheet: "Table 1", notRead: ["Contents"] } }]);
  expect(renderInputNote(r.notes[0], "en")).toBe("read sheet 'Table 1', the one sheet holding a table of numbers; not read: 'Contents'");
  wb.addWorksheet("Table 2").addRows([[1, 2], [3, 4]]);
  await wb.xlsx.writeFile(path);
  const f = await failure(readInput(path));
  expect(f.code).toBe(EXIT.undetectable);
  expect(f.message).toBe("contents-first.xlsx: several sheets hold tables of numbers: 'Table 1' (6 numbers), 'Table 2' (4 numbers); choose one with --sheet");
  expect(f.inLang?.("uk")).toBe("contents-first.xlsx: таблиці чисел є на кількох аркушах: «Table 1» (6 чисел), «Table 2» (4 числа); виберіть один за допомогою --sheet");
});
