/**
 * The .xlsx host (src/hosts/xlsx.ts): the file it writes, read back with exceljs and as XML;
 * labels stay text, formulas carry the engine's values, tables are real Excel tables.
 */
import { existsSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { engine } from "../../src/cli/engine";
import { readInput } from "../../src/cli/read-input";
import { formulaFor, NUMBER_FORMATS, uniqueSheetName } from "../../src/hosts/common";
import { needsArrayEntry, toFileFormula } from "../../src/hosts/file-formula";
import { writeReportXlsx } from "../../src/hosts/xlsx";
import type { PlannedCell, PlannedSheet, ReportPlan, SharingMode } from "../../src/report/types";
import { expectExcelOpens, xlsxIn } from "../support/excel-opens";
import { SAMPLES } from "../support/samples";
import { cellText, cellXml, readZip, sheetXml, stringCells } from "../support/zip";

const DIR = mkdtempSync(join(tmpdir(), "xlsx-host-"));
let n = 0;
const outPath = () => join(DIR, `r${++n}.xlsx`);
/** Files written with the source block under another name than the plan's formulas use. */
const renamedSource = new Set<string>();

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
    headline: [{ code: "regions", value: 5 }],
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

/** Writes a plan (with the source block unless `source` is null) and returns the path and the sheet names. */
async function write(p: ReportPlan, source: typeof SOURCE | null = SOURCE): Promise<{ path: string; sheetNames: string[] }> {
  const path = outPath();
  const { sheetNames, bytes } = await writeReportXlsx(p, path, source ? { source } : {});
  expect(bytes).toBeGreaterThan(0);
  return { path, sheetNames };
}

describe("writeReportXlsx", () => {
  test("source copy: same sheet name, same cells, values as they are, tricky text stays text", async () => {
    const { path, sheetNames } = await write(plan("native"));
    expect(sheetNames[0]).toBe("Data");
    const wb = await reopen(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(sheetNames);
    const ws = wb.getWorksheet("Data")!;
    expect(ws).toBeDefined();
    SOURCE.values.forEach((r, i) =>
      r.forEach((v, j) => {
        const c = ws.getCell(SOURCE.top + i + 1, SOURCE.left + j + 1);
        expect(c.value).toBe(v);
      }),
    );
    expect(ws.getCell("A1").value).toBeNull();
    const zip = readZip(path);
    const xml = sheetXml(zip, "Data");
    expect(xml).not.toContain("<f");
    for (const address of ["B3", "B4", "B5", "B6", "B7"]) expect(cellXml(xml, address)).toMatch(/t="(s|inlineStr)"/);
    const texts = stringCells(zip, "Data");
    expect(["B3", "B4", "B5", "B6", "B7"].map((a) => texts.get(a))).toEqual(TRICKY);
  });

  test("labels that look like formulas arrive as text in every mode", async () => {
    for (const mode of ["native", "addin", "values"] as const) {
      const { path } = await write(plan(mode));
      const wb = await reopen(path);
      const ws = wb.getWorksheet("Migration Summary")!;
      TRICKY.forEach((t, k) => {
        expect(ws.getCell(2, k + 1).value).toBe(t); // free cells, row 2
        expect(ws.getCell(5 + k, 1).value).toBe(t); // the table's Region column
      });
      expect(wb.getWorksheet("Definitions")!.getCell("A2").value).toBe("=not a formula");
      const zip = readZip(path);
      const xml = sheetXml(zip, "Migration Summary");
      const texts = stringCells(zip, "Migration Summary");
      for (const address of ["A2", "B2", "C2", "D2", "E2", "A5", "A6", "A7", "A8", "A9"]) {
        const c = cellXml(xml, address)!;
        expect(c).toMatch(/t="(s|inlineStr)"/);
        expect(c).not.toContain("<f");
      }
      expect(["A2", "B2", "C2", "D2", "E2"].map((a) => texts.get(a))).toEqual(TRICKY);
      expect(["A5", "A6", "A7", "A8", "A9"].map((a) => texts.get(a))).toEqual(TRICKY);
      expect(cellText(zip, "Definitions", "A2")).toBe("=not a formula");
    }
  });

  test("labels that look like formulas, through the engine: text in the source copy and in the report", async () => {
    const values = [["orig", "dest", "flow"], ["=SUM(A1)", "@x", 5], ["@x", "=SUM(A1)", 3]];
    const block = { sheet: "Data", top: 0, left: 0, values, provenance: "t" };
    const p = engine.plan(block, engine.detect(block), { mode: "native", source: "t", now: new Date(0) });
    const path = outPath();
    await writeReportXlsx(p, path, { source: block });
    const zip = readZip(path);
    const data = sheetXml(zip, "Data");
    expect(cellXml(data, "A2")).not.toMatch(/<f[ >]/);
    expect(cellText(zip, "Data", "A2")).toBe("=SUM(A1)");
    expect(cellText(zip, "Data", "B3")).toBe("=SUM(A1)");
    // Every cell of the report that holds one of the labels holds it as a string, not a formula.
    for (const s of p.sheets) {
      const xml = sheetXml(zip, s.name);
      const texts = stringCells(zip, s.name);
      for (const m of xml.matchAll(/<f[ >][^<]*SUM\(A1\)/g)) throw new Error(`${s.name}: a label became a formula: ${m[0]}`);
      for (const [address, text] of texts) if (text === "=SUM(A1)" || text === "@x") expect(cellXml(xml, address)).not.toMatch(/<f[ >]/);
    }
    const summary = stringCells(zip, "Migration Summary");
    expect([...summary.values()]).toEqual(expect.arrayContaining(["=SUM(A1)", "@x"]));
  });

  test("unique, valid sheet names, also next to the source sheet; cross-sheet references follow the rename", async () => {
    // The source sheet is called "Migration Summary" (say, a report's own sheet used as input):
    // the report's summary becomes "Migration Summary (2)" and references to it follow.
    const p = plan("native");
    const defs = p.sheets[1];
    p.sheets[1] = { ...defs, cells: [...defs.cells, { row: 2, col: 1, cell: { value: 36, native: "{{Migration Summary}}!A3", format: "count" } }] };
    const source = { ...SOURCE, sheet: "Migration Summary" };
    const { path, sheetNames } = await write(p, source);
    renamedSource.add(path);
    expect(sheetNames[0]).toBe("Migration Summary");
    const names = sheetNames.slice(1);
    expect(names[0]).toBe("Migration Summary (2)");
    expect(names[1]).toBe("Definitions");
    expect(names[2].length).toBeLessThanOrEqual(31);
    expect(names[2]).not.toMatch(/[[\]:*?/\\]/);
    expect(names[3]).toBe("Definitions (2)");
    const back = await reopen(path);
    expect(back.worksheets.map((w) => w.name)).toEqual(["Migration Summary", ...names]);
    // The source copy is on the source's sheet, untouched by the report.
    expect(back.getWorksheet("Migration Summary")!.getCell("B2").value).toBe("Region");
    expect(back.getWorksheet("Migration Summary")!.getCell("A1").value).toBeNull();
    expect(back.getWorksheet("Migration Summary (2)")!.getCell("B3").formula).toBe("'Definitions'!A1");
    expect(back.getWorksheet("Definitions")!.getCell("B3").formula).toBe("'Migration Summary (2)'!A3");
    // The source name is checked, case-insensitively too.
    const lower = await write(plan("native"), { ...SOURCE, sheet: "migration summary" });
    renamedSource.add(lower.path);
    expect(lower.sheetNames.slice(0, 2)).toEqual(["migration summary", "Migration Summary (2)"]);
  });

  test("a real Excel table with header and rows, styled; totals as a bold, ruled row under it", async () => {
    const { path } = await write(plan("native"));
    const entries = readZip(path);
    const tables = [...entries.keys()].filter((k) => /^xl\/tables\/table\d+\.xml$/.test(k));
    expect(tables).toHaveLength(1);
    const t = entries.get(tables[0])!;
    expect(t).toMatch(/name="Summary"/);
    expect(t).toMatch(/ref="A4:D9"/);
    expect(t).toMatch(/<tableColumn [^>]*name="Per 1,000"/);
    expect(t).toMatch(/<tableStyleInfo name="TableStyleMedium2"[^>]*showRowStripes="1"/);
    expect(t).toMatch(/<autoFilter ref="A4:D9"/);
    expect(t).not.toMatch(/totalsRowCount="[1-9]/);
    const ws = (await reopen(path)).getWorksheet("Migration Summary")!;
    const read = ws as unknown as { getTables(): { table: { name: string; tableRef?: string; ref?: string } }[] };
    expect(read.getTables().map((x) => x.table.name)).toEqual(["Summary"]);
    expect(["A4", "B4", "C4", "D4"].map((a) => ws.getCell(a).value)).toEqual(["Region", "Emigrants", "Rate", "Per 1,000"]);
    expect(ws.getCell("A10").value).toBe("Total");
    expect(ws.getCell("B10").formula).toBe("SUM(B5:B9)");
    expect(ws.getCell("B10").result).toBe(36);
    for (const a of ["A10", "B10"]) {
      expect(ws.getCell(a).font?.bold).toBe(true);
      expect(ws.getCell(a).border).toMatchObject({ top: { style: "thin" }, bottom: { style: "double" } });
    }
    expect(ws.getCell("B10").numFmt).toBe("#,##0");
    // Body cells are neither bold nor ruled.
    expect(ws.getCell("B9").font?.bold).toBeFalsy();
    expect(ws.getCell("B9").border?.bottom).toBeUndefined();
  });

  test("table names are unique in the workbook and valid", async () => {
    const p = plan("native");
    const summary = p.sheets[0];
    const table = summary.tables[0];
    p.sheets[2] = { ...p.sheets[2], tables: [{ ...table, name: "summary" }, { ...table, left: 6, name: "2020 flows" }] };
    const { path } = await write(p);
    const entries = readZip(path);
    const names = [...entries.keys()]
      .filter((k) => /^xl\/tables\/table\d+\.xml$/.test(k))
      .map((k) => /<table [^>]*name="([^"]+)"/.exec(entries.get(k)!)![1]);
    expect(names).toHaveLength(3);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(3);
    expect(names[0]).toBe("Summary");
    for (const n of names) expect(n).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
    const back = await reopen(path);
    expect(back.worksheets.map((w) => w.name)).toHaveLength(5);
  });

  test("formula cells carry the engine's value as cached result, errors as error values", async () => {
    const { path } = await write(plan("native"));
    const xml = sheetXml(readZip(path), "Migration Summary");
    // B5: 'Data'!C3 with result 10 (the first of the column's shared formula)
    expect(cellXml(xml, "B5")).toMatch(/<f( [^>]*)?>(&apos;|')Data(&apos;|')!C3<\/f><v>10<\/v>/);
    // B7: result 0 is kept
    expect(cellXml(xml, "B7")).toMatch(/<v>0<\/v>/);
    // C8: population blank → #DIV/0! as an error result
    expect(cellXml(xml, "C8")).toMatch(/t="e"/);
    expect(cellXml(xml, "C8")).toMatch(/<v>#DIV\/0!<\/v>/);
    // array formula and _xlfn prefix
    expect(cellXml(xml, "C3")).toMatch(/<f t="array" ref="C3">/);
    expect(cellXml(xml, "D3")).toMatch(/_xlfn\.STDEV\.S/);
    // every formula cell has a cached value
    const formulas = [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*>(<f[\s\S]*?)<\/c>/g)];
    expect(formulas.length).toBeGreaterThan(15);
    for (const m of formulas) expect(m[2]).toMatch(/<v>/);
    const ws = (await reopen(path)).getWorksheet("Migration Summary")!;
    expect(ws.getCell("C5").formula).toBe("'Data'!C3/'Data'!D3");
    expect(ws.getCell("C5").result).toBeCloseTo(0.1, 15);
  });

  test("table body formulas filled down are stored as shared formulas; each row keeps its own cached value", async () => {
    const { path } = await write(plan("native"));
    const xml = sheetXml(readZip(path), "Migration Summary");
    const master = /<f t="shared" ref="B5:B9" si="(\d+)">(&apos;|')Data(&apos;|')!C3<\/f><v>10<\/v>/.exec(cellXml(xml, "B5")!);
    expect(master).not.toBeNull();
    expect(cellXml(xml, "B6")).toBe(`<c r="B6" s="${/ s="(\d+)"/.exec(cellXml(xml, "B5")!)![1]}"><f t="shared" si="${master![1]}"/><v>20</v></c>`);
    expect(cellXml(xml, "C5")).toMatch(/<f t="shared" ref="C5:C9" si="\d+">/);
    // The free cells and the totals row are not shared.
    expect(cellXml(xml, "B10")).toMatch(/<f>SUM\(B5:B9\)<\/f>/);
    // Readers translate the shared formula row by row (exceljs: the master's formula and a reference to it).
    const ws = (await reopen(path)).getWorksheet("Migration Summary")!;
    expect(ws.getCell("B6").result).toBe(20);
    const b6 = ws.getCell("B6").value as { sharedFormula?: string; formula?: string };
    expect(b6.sharedFormula ?? b6.formula).toMatch(/^(B5|'Data'!C4)$/);
    // Values mode and add-in mode use the same column runs where there is a formula.
    const addin = sheetXml(readZip((await write(plan("addin"))).path), "Migration Summary");
    expect(cellXml(addin, "C5")).toMatch(/<f t="shared" ref="C5:C9" si="\d+">_xldudf_BRAINDRAIN_RATE\((&apos;|')Data(&apos;|')!C3,(&apos;|')Data(&apos;|')!D3\)<\/f>/);
  });

  test("modes: addin writes add-in formulas, values writes plain values", async () => {
    const { path: pa } = await write(plan("addin"));
    const wa = (await reopen(pa)).getWorksheet("Migration Summary")!;
    // As Excel stores custom functions (exceljs reads the stored form).
    expect(wa.getCell("C5").formula).toBe("_xldudf_BRAINDRAIN_RATE('Data'!C3,'Data'!D3)");
    expect(wa.getCell("C3").formula).toBeUndefined(); // no add-in formula: the value
    expect(wa.getCell("C3").value).toBe(3);
    expect(wa.getCell("D3").formula).toBe("_xldudf_BRAINDRAIN_SD('Data'!C3:C4)");

    const { path: pv } = await write(plan("values"));
    const xml = sheetXml(readZip(pv), "Migration Summary");
    expect(xml).not.toContain("<f");
    const wv = (await reopen(pv)).getWorksheet("Migration Summary")!;
    expect(wv.getCell("C5").value).toBeCloseTo(0.1, 15);
    expect(wv.getCell("C8").value).toEqual({ error: "#DIV/0!" });
    expect(wv.getCell("B10").value).toBe(36);
  });

  test("native mode recalculates on open; add-in and values modes keep the cached results", async () => {
    const calc = async (mode: SharingMode) => /<calcPr[^>]*>/.exec(readZip((await write(plan(mode))).path).get("xl/workbook.xml")!)?.[0] ?? "";
    expect(await calc("native")).toMatch(/fullCalcOnLoad="1"/);
    expect(await calc("addin")).not.toMatch(/fullCalcOnLoad/);
    expect(await calc("values")).not.toMatch(/fullCalcOnLoad/);
  });

  test("number formats, frozen header and widths", async () => {
    const { path } = await write(plan("native"));
    const wb = await reopen(path);
    const ws = wb.getWorksheet("Migration Summary")!;
    expect(ws.getCell("B5").numFmt).toBe(NUMBER_FORMATS.count);
    expect(ws.getCell("B5").numFmt).toBe("#,##0");
    expect(ws.getCell("B6").numFmt).toBe("#,##0"); // a shared formula's member keeps its format
    expect(ws.getCell("C5").numFmt).toBe("0.0%");
    expect(ws.getCell("D5").numFmt).toBe(NUMBER_FORMATS.perThousand);
    expect(ws.getCell("C3").numFmt).toBe("0.000");
    expect(ws.getCell("D3").numFmt).toBe("0.000"); // an index or ratio: three decimals
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
    // The source copy: fitted widths; its header row is frozen only when the block starts at A1.
    const data = wb.getWorksheet("Data")!;
    expect(data.getColumn(2).width!).toBeGreaterThanOrEqual("=SUM(A1)".length);
    expect((data.views ?? []).every((v) => v.state !== "frozen")).toBe(true);
    const atA1 = await reopen((await write(plan("native"), { ...SOURCE, top: 0, left: 0 })).path);
    expect(atA1.getWorksheet("Data")!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  test("a table with no rows is written as a header line, not a broken table", async () => {
    const p: ReportPlan = {
      mode: "native",
      shape: "long",
      sourceSheet: "Data",
      headline: [],
      sheets: [sheet("Empty", { tables: [{ name: "Nothing", top: 0, left: 0, header: ["A", "A"], rows: [] }] })],
    };
    const { path, sheetNames } = await write(p, null);
    expect(sheetNames).toEqual(["Empty"]);
    const entries = readZip(path);
    expect([...entries.keys()].some((k) => k.startsWith("xl/tables/"))).toBe(false);
    const ws = (await reopen(path)).getWorksheet("Empty")!;
    expect([ws.getCell("A1").value, ws.getCell("B1").value]).toEqual(["A", "A 2"]);
    expect(ws.getCell("A1").font?.bold).toBe(true);
  });

  test("an invalid source sheet name fails before anything is written", async () => {
    const { block } = await readInput(join(SAMPLES, "erasmus-student-mobility-2012-13.csv"));
    const p = engine.plan(block, engine.detect(block), { mode: "native", source: "x", now: new Date(0) });
    const path = outPath();
    await expect(writeReportXlsx(p, path, { source: { ...block, sheet: "bad:name" } })).rejects.toThrow(/not a valid sheet name/);
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.${process.pid}.partial`)).toBe(false);
  });

  test("the file is stamped with `now`", async () => {
    const path = outPath();
    await writeReportXlsx(plan("native"), path, { source: SOURCE, now: new Date("2024-01-02T03:04:05Z") });
    expect(readZip(path).get("docProps/core.xml")).toContain("2024-01-02T03:04:05Z");
    expect((await reopen(path)).creator).toBe("Migration Analytics for Excel");
  });
});

test("every file this suite wrote is schema-valid and keeps Excel's rules", () => {
  // (Files whose source sheet was renamed under a plan that still references 'Data' are left out.)
  expectExcelOpens(xlsxIn(DIR).filter((p) => !renamedSource.has(p)));
});
