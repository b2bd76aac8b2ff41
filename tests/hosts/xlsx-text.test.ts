import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { xlsxText } from "../../src/hosts/ooxml";
import { writeReportXlsx } from "../../src/hosts/xlsx";
import type { PlannedSheet, ReportPlan } from "../../src/report/types";
import { expectExcelOpens, xlsxIn } from "../support/excel-opens";
import { readZip, sheetXml, stringCells } from "../support/zip";

/** Labels XML cannot carry as they are, or that read as an OOXML escape. */
const LABELS = ["\rCR", "a\r\nb", "bell\u0007", "esc\u001b[0m", "_x000D_", "_x0041_ and _x00e9_", "x_x005F_y", "tab\there", "line\nfeed", "plain _x41_ text"];

describe("xlsxText: text as an .xlsx string stores it (OOXML _xHHHH_ escapes)", () => {
  test("a CR and other control characters become _xHHHH_", () => {
    expect(xlsxText("\rCR")).toBe("_x000D_CR");
    expect(xlsxText("a\r\nb")).toBe("a_x000D_\nb");
    expect(xlsxText("\u0000\u0007\u000b\u001f")).toBe("_x0000__x0007__x000B__x001F_");
    expect(xlsxText("\ufffe")).toBe("_xFFFE_");
  });
  test("text that reads as an escape keeps its underscore escaped (_x005F_)", () => {
    expect(xlsxText("_x000D_")).toBe("_x005F_x000D_");
    expect(xlsxText("_x00e9_ and _x0041_")).toBe("_x005F_x00e9_ and _x005F_x0041_");
    expect(xlsxText("x_x005F_y")).toBe("x_x005F_x005F_y");
  });
  test("tab, LF, ordinary text and near-escapes stay as they are", () => {
    for (const t of ["tab\there", "line\nfeed", "Côte d'Ivoire", "_x41_", "_x00G0_", "=1+1", ""]) expect(xlsxText(t)).toBe(t);
  });
});

describe("the .xlsx hosts give every label back exactly", () => {
  const dir = mkdtempSync(join(tmpdir(), "xlsx-text-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const summary: PlannedSheet = {
    name: "Summary",
    cells: LABELS.map((t, k) => ({ row: k, col: 0, cell: { value: t, format: "text" as const } })),
    tables: [{ name: "Labels", top: 0, left: 2, header: ["Region"], rows: LABELS.map((t) => [{ value: t }]) }],
    charts: [],
    widths: [],
    freezeRows: 0,
  };
  const plan: ReportPlan = { mode: "values", shape: "table", sourceSheet: "Data", headline: [], sheets: [summary] };
  const source = { sheet: "Data", top: 0, left: 0, values: LABELS.map((t) => [t]) };

  /** The labels as exceljs reads them back: column A of both sheets, and the table's column C (below its header). */
  async function textsOf(path: string): Promise<Record<string, unknown[]>> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const column = (sheet: string, col: string, firstRow: number) => LABELS.map((_, k) => wb.getWorksheet(sheet)!.getCell(`${col}${firstRow + k}`).value);
    return { source: column("Data", "A", 1), cells: column("Summary", "A", 1), table: column("Summary", "C", 2) };
  }

  test("the source copy, free cells and table cells, read back by exceljs and as the standard says; no raw CR in the XML", async () => {
    const path = join(dir, "labels.xlsx");
    await writeReportXlsx(plan, path, { source });
    const zip = readZip(path);
    const strings = zip.get("xl/sharedStrings.xml") ?? "";
    for (const part of [sheetXml(zip, "Data"), sheetXml(zip, "Summary"), strings]) {
      expect(part).not.toMatch(/[\r\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    }
    expect(strings).toMatch(/<t(?: [^>]*)?>_x000D_CR<\/t>/);
    expect(strings).toContain("_x005F_x0041_ and _x005F_x00e9_");
    // exceljs decodes the escapes in shared strings.
    expect(await textsOf(path)).toEqual({ source: LABELS, cells: LABELS, table: LABELS });
    // Read as ECMA-376 defines it (XML entities, then _xHHHH_ escapes; what Excel and LibreOffice do).
    const [d, s] = [stringCells(zip, "Data"), stringCells(zip, "Summary")];
    expect(LABELS.map((_, k) => d.get(`A${k + 1}`))).toEqual(LABELS);
    expect(LABELS.map((_, k) => s.get(`A${k + 1}`))).toEqual(LABELS);
    expect(LABELS.map((_, k) => s.get(`C${k + 2}`))).toEqual(LABELS);
  });

  test("the file is schema-valid and keeps Excel's rules", () => {
    expectExcelOpens(xlsxIn(dir));
  });
});
