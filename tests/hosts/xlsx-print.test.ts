/**
 * How the .xlsx host shows a report: cell formats for titles, key figures, notes, table headers
 * and totals (plain formats every spreadsheet shows, not table styles); merged cells for spans;
 * wrapping columns; and the print set-up (one page wide, footer, repeated header rows).
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { footerCodes } from "../../src/hosts/ooxml";
import { writeReportXlsx } from "../../src/hosts/xlsx";
import type { PlannedSheet, ReportPlan } from "../../src/report/types";
import { validateXlsx } from "../support/ooxml-schema";
import { readZip, sheetXml } from "../support/zip";

const dir = mkdtempSync(join(tmpdir(), "xlsx-print-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOTE = "A note long enough to wrap: ".repeat(8).trim();
const summary: PlannedSheet = {
  name: "Summary",
  cells: [
    { row: 0, col: 0, cell: { value: "Migration summary: R&D flows.csv", style: "title" } },
    { row: 1, col: 0, cell: { value: "Built today", style: "subtitle" } },
    { row: 3, col: 0, cell: { value: "Key figures", style: "heading" } },
    { row: 4, col: 0, cell: { value: "Regions", style: "keyLabel" } },
    { row: 4, col: 1, cell: { value: 33, format: "count", style: "keyValue" } },
    { row: 5, col: 0, cell: { value: NOTE, style: "note" }, span: 3 },
  ],
  tables: [
    {
      name: "Flows",
      top: 7,
      left: 0,
      header: ["Region", "Flow", "Long text"],
      rows: [
        [{ value: "AT" }, { value: 1234.5, format: "count" }, { value: "x" }],
        [{ value: "BE" }, { value: 0.25, format: "percent" }, { value: "y" }],
      ],
      totals: [{ value: "Total" }, { value: 1235, format: "count" }, { value: null }],
    },
  ],
  charts: [],
  widths: [20, 12, 30],
  freezeRows: 8,
  wrapColumns: [2],
  print: { orientation: "landscape", titleRows: [7, 7], footer: "Migration summary: R&D flows.csv" },
};
const plan: ReportPlan = { mode: "values", shape: "table", sheets: [summary], sourceSheet: "Data", headline: [] };

test("styles: title, subtitle, heading, key figures, note, header and totals rows are cell formats", async () => {
  const path = join(dir, "styles.xlsx");
  await writeReportXlsx(plan, path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet("Summary")!;
  expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 15 });
  expect(ws.getCell("A2").font).toMatchObject({ italic: true });
  expect(ws.getCell("A4").font).toMatchObject({ bold: true, size: 12 });
  expect(ws.getCell("A5").fill).toMatchObject({ type: "pattern", pattern: "solid" });
  expect(ws.getCell("B5").font).toMatchObject({ bold: true });
  expect(ws.getCell("B5").fill).toMatchObject({ type: "pattern", pattern: "solid" });
  expect(ws.getCell("A6").alignment).toMatchObject({ wrapText: true, vertical: "top" });
  // The table's header: bold on a fill over a rule, as cell formats (LibreOffice ignores table styles).
  for (const a of ["A8", "B8", "C8"]) {
    expect(ws.getCell(a).font).toMatchObject({ bold: true });
    expect(ws.getCell(a).fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(ws.getCell(a).border.bottom).toMatchObject({ style: "thin" });
  }
  expect(ws.getCell("B11").font).toMatchObject({ bold: true });
  expect(ws.getCell("B11").border).toMatchObject({ top: { style: "thin" }, bottom: { style: "double" } });
  // The wrapping column wraps; the table's other columns align to the top of the taller rows.
  expect(ws.getCell("C9").alignment).toMatchObject({ wrapText: true });
  expect(ws.getCell("B9").numFmt).toBe("#,##0");
  // The note is merged across its span, and its row is tall enough for its lines.
  expect(ws.getCell("C6").isMerged).toBe(true);
  expect(ws.getRow(6).height).toBeGreaterThan(30);
});

test("print set-up: one page wide, landscape, repeated header row, footer with title, sheet name and page", async () => {
  const path = join(dir, "print.xlsx");
  await writeReportXlsx(plan, path, { source: { sheet: "Data", top: 0, left: 0, values: [["a"], [1]] } });
  const zip = readZip(path);
  const xml = sheetXml(zip, "Summary");
  expect(xml).toMatch(/^.*<worksheet[^>]*><sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr><sheetViews>/s);
  expect(xml).toContain('<mergeCells count="1"><mergeCell ref="A6:C6"/></mergeCells>');
  expect(xml).toContain('<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
  expect(xml).toContain("<oddFooter>&amp;LMigration summary: R&amp;&amp;D flows.csv&amp;C&amp;A&amp;RPage &amp;P of &amp;N</oddFooter>");
  // The data sheet (no print set-up) is sheet 0: the report's sheet is 1.
  expect(zip.get("xl/workbook.xml")).toContain(`<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">'Summary'!$8:$8</definedName></definedNames><calcPr`);
  expect(validateXlsx([path]).errors).toEqual([]);
});

test("the footer's codes: ampersands doubled, a long title cut to Excel's 255 characters", () => {
  expect(footerCodes("A & B")).toBe("&LA && B&C&A&RPage &P of &N");
  const long = footerCodes("x".repeat(400));
  expect(long.length).toBeLessThanOrEqual(255);
  expect(long).toMatch(/…&C&A&RPage &P of &N$/);
});
