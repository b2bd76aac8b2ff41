import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import {
  formulaFor,
  needsArrayEntry,
  NUMBER_FORMATS,
  reportSheetNames,
  saveReportXlsx,
  saveWorkbook,
  toFileFormula,
  uniqueSheetName,
  writeReportXlsx,
} from "../../src/hosts/xlsx";
import type { PlannedCell, PlannedSheet, ReportPlan, SharingMode } from "../../src/report/types";
import { cellXml, readZip, sheetXml } from "../support/zip";

const DIR = mkdtempSync(join(tmpdir(), "xlsx-host-"));
let n = 0;
const outPath = () => join(DIR, `r${++n}.xlsx`);

/** Labels that a careless writer would turn into formulas (or that Excel treats specially). */
const TRICKY = ["=SUM(A1)", "+44", "-x", "@x", "\tx"];

const SOURCE = {
  sheet: "Data",
  top: 1,
  left: 1,
  values: [
    ["Region", "Emigrants", "Population"],
    ["=SUM(A1)", 10, 100],
    ["+44", 20, 400],
    ["-x", 0, 50],
    ["@x", 5, null],
    ["\tx", 1, 10],
  ],
};

function sheet(name: string, extra: Partial<PlannedSheet> = {}): PlannedSheet {
  return { name, cells: [], tables: [], charts: [], widths: [], freezeRows: 0, ...extra };
}

const num = (value: number, native: string, addin: string, format: PlannedCell["format"]): PlannedCell => ({ value, native, addin, format });

function plan(mode: SharingMode): ReportPlan {
  const rows: PlannedCell[][] = SOURCE.values.slice(1).map((r, i) => {
    const row = i + 3; // sheet row of this data row on 'Data' (block starts at B2, header in row 2)
    const e = r[1] as number;
    const p = r[2] as number | null;
    return [
      { value: r[0], format: "text" },
      num(e, `'Data'!C${row}`, `'Data'!C${row}`, "count"),
      p === null || p === 0
        ? { value: { error: "#DIV/0!" }, native: `'Data'!C${row}/'Data'!D${row}`, addin: `BRAINDRAIN.RATE('Data'!C${row},'Data'!D${row})`, format: "percent" }
        : num(e / p, `'Data'!C${row}/'Data'!D${row}`, `BRAINDRAIN.RATE('Data'!C${row},'Data'!D${row})`, "percent"),
      p === null ? { value: null } : num((e / p) * 1000, `1000*'Data'!C${row}/'Data'!D${row}`, `1000*'Data'!C${row}/'Data'!D${row}`, "perThousand"),
    ];
  });
  return {
    mode,
    shape: "table",
    sourceSheet: "Data",
    headline: [{ label: "Regions", value: 5 }],
    sheets: [
      sheet("Migration Summary", {
        freezeRows: 4,
        cells: [
          { row: 0, col: 0, cell: { value: "Migration summary: a long title that should not widen column A at all" } },
          ...TRICKY.map((t, k) => ({ row: 1, col: k, cell: { value: t } })),
          { row: 2, col: 0, cell: num(36, "SUM('Data'!C3:C7)", "SUM('Data'!C3:C7)", "count") },
          { row: 2, col: 1, cell: { value: "See", native: "{{Definitions}}!A1", format: "text" } },
          { row: 2, col: 2, cell: { value: 3, native: "SUMPRODUCT(ABS('Data'!C3:E3-TRANSPOSE('Data'!C3:C5)))", nativeArray: true, format: "decimal" } },
          { row: 2, col: 3, cell: { value: 7.0710678118654755, native: "STDEV.S('Data'!C3:C4)", addin: "BRAINDRAIN.SD('Data'!C3:C4)", format: "ratio" } },
          { row: 2, col: 4, cell: { value: 2020, format: "year" } },
        ],
        tables: [
          {
            name: "Summary",
            top: 3,
            left: 0,
            header: ["Region", "Emigrants", "Rate", "Per 1,000"],
            rows,
            totals: [{ value: "Total" }, num(36, "SUM(B5:B9)", "SUM(B5:B9)", "count"), { value: null }, { value: null }],
          },
        ],
      }),
      sheet("Definitions", { widths: [30, 80], cells: [{ row: 0, col: 0, cell: { value: "Definitions" } }, { row: 1, col: 0, cell: { value: "=not a formula" } }] }),
      sheet("Top corridors: origin/destination [2020]*?"),
      sheet("Definitions"),
    ],
  };
}

async function reopen(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe("uniqueSheetName", () => {
  test("keeps a free, valid name", () => {
    expect(uniqueSheetName("Migration Summary", ["Data"])).toBe("Migration Summary");
  });
  test("numbers a taken name, case-insensitively", () => {
    expect(uniqueSheetName("Migration Summary", ["migration summary"])).toBe("Migration Summary (2)");
    expect(uniqueSheetName("Migration Summary", ["Migration Summary", "Migration Summary (2)"])).toBe("Migration Summary (3)");
  });
  test("replaces forbidden characters and keeps within 31 characters", () => {
    const name = uniqueSheetName("Top corridors: origin/destination [2020]*?", []);
    expect(name).not.toMatch(/[[\]:*?/\\]/);
    expect(name.length).toBeLessThanOrEqual(31);
    const long = "A".repeat(40);
    expect(uniqueSheetName(long, [])).toBe("A".repeat(31));
    const second = uniqueSheetName(long, ["A".repeat(31)]);
    expect(second).toBe(`${"A".repeat(27)} (2)`);
    expect(second.length).toBe(31);
  });
  test("never empty, never quoted at the ends, never 'History'", () => {
    expect(uniqueSheetName("", [])).toBe("Sheet");
    expect(uniqueSheetName("'quoted'", [])).toBe("quoted");
    expect(uniqueSheetName("History", [])).not.toBe("History");
  });
});

describe("formulas", () => {
  test("the mode picks the formula; values mode has none", () => {
    const c: PlannedCell = { value: 1, native: "A1", addin: "=BRAINDRAIN.X(A1)" };
    expect(formulaFor(c, "native")).toBe("A1");
    expect(formulaFor(c, "addin")).toBe("BRAINDRAIN.X(A1)");
    expect(formulaFor(c, "values")).toBeUndefined();
    expect(formulaFor({ value: 1, native: "A1" }, "addin")).toBeUndefined();
  });
  test("post-2007 functions get _xlfn. outside strings and sheet names", () => {
    expect(toFileFormula("STDEV.S(A1:A3)+stdev.p(B1:B2)")).toBe("_xlfn.STDEV.S(A1:A3)+_xlfn.stdev.p(B1:B2)");
    expect(toFileFormula(`IF(A1="STDEV.S(x)",IFNA(B1,0),'IFNA(Sheet'!A1)`)).toBe(`IF(A1="STDEV.S(x)",_xlfn.IFNA(B1,0),'IFNA(Sheet'!A1)`);
    expect(toFileFormula("SUM(A1)+STDEV(A1:A2)")).toBe("SUM(A1)+STDEV(A1:A2)");
    expect(toFileFormula("_xlfn.STDEV.S(A1:A2)")).toBe("_xlfn.STDEV.S(A1:A2)");
  });
  test("TRANSPOSE and MMULT need array entry", () => {
    expect(needsArrayEntry("SUMPRODUCT(ABS(B2:D2-TRANSPOSE(B2:B4)))")).toBe(true);
    expect(needsArrayEntry(`SUM(A1)&"TRANSPOSE(x)"`)).toBe(false);
  });
});

describe("writeReportXlsx", () => {
  test("source copy: same sheet name, same cells, values as they are, tricky text stays text", async () => {
    const path = outPath();
    await saveReportXlsx(plan("native"), path, { source: SOURCE });
    const wb = await reopen(path);
    const ws = wb.getWorksheet("Data")!;
    expect(ws).toBeDefined();
    SOURCE.values.forEach((r, i) =>
      r.forEach((v, j) => {
        const c = ws.getCell(SOURCE.top + i + 1, SOURCE.left + j + 1);
        expect(c.value).toBe(v);
      }),
    );
    expect(ws.getCell("A1").value).toBeNull();
    const xml = sheetXml(readZip(path), "Data");
    expect(xml).not.toContain("<f");
    for (const address of ["B3", "B4", "B5", "B6", "B7"]) expect(cellXml(xml, address)).toMatch(/t="(s|inlineStr)"/);
  });

  test("labels that look like formulas arrive as text in every mode", async () => {
    for (const mode of ["native", "addin", "values"] as const) {
      const path = outPath();
      await saveReportXlsx(plan(mode), path, { source: SOURCE });
      const wb = await reopen(path);
      const ws = wb.getWorksheet("Migration Summary")!;
      TRICKY.forEach((t, k) => {
        expect(ws.getCell(2, k + 1).value).toBe(t); // free cells, row 2
        expect(ws.getCell(5 + k, 1).value).toBe(t); // the table's Region column
      });
      expect(wb.getWorksheet("Definitions")!.getCell("A2").value).toBe("=not a formula");
      const xml = sheetXml(readZip(path), "Migration Summary");
      for (const address of ["A2", "B2", "C2", "D2", "E2", "A5", "A6", "A7", "A8", "A9"]) {
        const c = cellXml(xml, address)!;
        expect(c).toMatch(/t="(s|inlineStr)"/);
        expect(c).not.toContain("<f");
      }
    }
  });

  test("unique sheet names next to existing sheets; cross-sheet references follow the rename", async () => {
    const existing = new ExcelJS.Workbook();
    existing.addWorksheet("Migration Summary").getCell("A1").value = "the user's own sheet";
    const wb = writeReportXlsx(plan("native"), { workbook: existing, source: SOURCE });
    const p = plan("native");
    const names = reportSheetNames(wb, p);
    expect(names[0]).toBe("Migration Summary (2)");
    expect(names[1]).toBe("Definitions");
    expect(names[2].length).toBeLessThanOrEqual(31);
    expect(names[2]).not.toMatch(/[[\]:*?/\\]/);
    expect(names[3]).toBe("Definitions (2)");
    expect(wb.getWorksheet("Migration Summary")!.getCell("A1").value).toBe("the user's own sheet");
    const path = outPath();
    await saveWorkbook(wb, path);
    const back = await reopen(path);
    expect(back.worksheets.map((w) => w.name)).toEqual(["Migration Summary", "Data", ...names]);
    expect(back.getWorksheet("Migration Summary (2)")!.getCell("B3").formula).toBe("'Definitions'!A1");
  });

  test("a real Excel table with header and rows; totals as a row under it", async () => {
    const path = outPath();
    await saveReportXlsx(plan("native"), path, { source: SOURCE });
    const entries = readZip(path);
    const tables = [...entries.keys()].filter((k) => /^xl\/tables\/table\d+\.xml$/.test(k));
    expect(tables).toHaveLength(1);
    const t = entries.get(tables[0])!;
    expect(t).toMatch(/name="Summary"/);
    expect(t).toMatch(/ref="A4:D9"/);
    expect(t).toMatch(/<tableColumn [^>]*name="Per 1,000"/);
    const ws = (await reopen(path)).getWorksheet("Migration Summary")!;
    expect(["A4", "B4", "C4", "D4"].map((a) => ws.getCell(a).value)).toEqual(["Region", "Emigrants", "Rate", "Per 1,000"]);
    expect(ws.getCell("A10").value).toBe("Total");
    expect(ws.getCell("B10").formula).toBe("SUM(B5:B9)");
    expect(ws.getCell("B10").font?.bold).toBe(true);
  });

  test("formula cells carry the engine's value as cached result, errors as error values", async () => {
    const path = outPath();
    const p = plan("native");
    await saveReportXlsx(p, path, { source: SOURCE });
    const xml = sheetXml(readZip(path), "Migration Summary");
    // B5: 'Data'!C3 with result 10
    expect(cellXml(xml, "B5")).toMatch(/<f>(&apos;|')Data(&apos;|')!C3<\/f><v>10<\/v>/);
    // B7: result 0 is kept
    expect(cellXml(xml, "B7")).toMatch(/<v>0<\/v>/);
    // C8: population blank → #DIV/0! as an error result
    expect(cellXml(xml, "C8")).toMatch(/t="e"/);
    expect(cellXml(xml, "C8")).toMatch(/<v>#DIV\/0!<\/v>/);
    // array formula and _xlfn prefix
    expect(cellXml(xml, "C3")).toMatch(/<f t="array" ref="C3">/);
    expect(cellXml(xml, "D3")).toMatch(/_xlfn\.STDEV\.S/);
    const ws = (await reopen(path)).getWorksheet("Migration Summary")!;
    expect(ws.getCell("C5").formula).toBe("'Data'!C3/'Data'!D3");
    expect(ws.getCell("C5").result).toBeCloseTo(0.1, 15);
  });

  test("modes: addin writes add-in formulas, values writes plain values", async () => {
    const pa = outPath();
    await saveReportXlsx(plan("addin"), pa, { source: SOURCE });
    const wa = (await reopen(pa)).getWorksheet("Migration Summary")!;
    expect(wa.getCell("C5").formula).toBe("BRAINDRAIN.RATE('Data'!C3,'Data'!D3)");
    expect(wa.getCell("C3").formula).toBeUndefined(); // no add-in formula: the value
    expect(wa.getCell("C3").value).toBe(3);
    expect(wa.getCell("D3").formula).toBe("BRAINDRAIN.SD('Data'!C3:C4)");

    const pv = outPath();
    await saveReportXlsx(plan("values"), pv, { source: SOURCE });
    const xml = sheetXml(readZip(pv), "Migration Summary");
    expect(xml).not.toContain("<f");
    const wv = (await reopen(pv)).getWorksheet("Migration Summary")!;
    expect(wv.getCell("C5").value).toBeCloseTo(0.1, 15);
    expect(wv.getCell("C8").value).toEqual({ error: "#DIV/0!" });
    expect(wv.getCell("B10").value).toBe(36);
  });

  test("number formats, frozen header and widths", async () => {
    const path = outPath();
    await saveReportXlsx(plan("native"), path, { source: SOURCE });
    const wb = await reopen(path);
    const ws = wb.getWorksheet("Migration Summary")!;
    expect(ws.getCell("B5").numFmt).toBe(NUMBER_FORMATS.count);
    expect(ws.getCell("B5").numFmt).toBe("#,##0");
    expect(ws.getCell("C5").numFmt).toBe("0.0%");
    expect(ws.getCell("D5").numFmt).toBe("0.00");
    expect(ws.getCell("C3").numFmt).toBe("0.000");
    expect(ws.getCell("E3").numFmt).toBe("0");
    expect(ws.getCell("A5").numFmt).toBe("@");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    // Fitted widths: wide enough for the header and values, not for the long title.
    const a = ws.getColumn(1).width!;
    expect(a).toBeGreaterThanOrEqual("Region".length);
    expect(a).toBeLessThan(30);
    expect(ws.getColumn(4).width!).toBeGreaterThanOrEqual("Per 1,000".length);
    const defs = wb.getWorksheet("Definitions")!;
    expect(defs.getColumn(1).width).toBe(30);
    expect(defs.getColumn(2).width).toBe(80);
    expect((defs.views ?? []).every((v) => v.state !== "frozen")).toBe(true);
  });

  test("a table with no rows is written as a header line, not a broken table", async () => {
    const p: ReportPlan = {
      mode: "native",
      shape: "long",
      sourceSheet: "Data",
      headline: [],
      sheets: [sheet("Empty", { tables: [{ name: "Nothing", top: 0, left: 0, header: ["A", "A"], rows: [] }] })],
    };
    const path = outPath();
    await saveReportXlsx(p, path);
    const entries = readZip(path);
    expect([...entries.keys()].some((k) => k.startsWith("xl/tables/"))).toBe(false);
    const ws = (await reopen(path)).getWorksheet("Empty")!;
    expect([ws.getCell("A1").value, ws.getCell("B1").value]).toEqual(["A", "A 2"]);
  });
});
