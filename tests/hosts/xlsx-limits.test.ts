/**
 * The .xlsx host keeps within Excel's limits and stores formulas as Excel does: sheet names that
 * look like the planner's placeholders, table column names over 255 characters, cell text over
 * 32,767 (cut, with a note in the report), data beyond the grid (refused, saying why), column
 * widths over 255, formulas over 8,192 characters, the dynamic-array functions' `_xlws.` prefix,
 * sheet names with markup in chart references. Every file written here is also schema-valid and
 * keeps Excel's rules.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { chartXml } from "../../src/hosts/chart-xml";
import { EXCEL_LIMITS, tableHeaders } from "../../src/hosts/common";
import { toFileFormula } from "../../src/hosts/file-formula";
import { writeReportXlsx, XlsxSource } from "../../src/hosts/xlsx";
import { resolveSheetRefs } from "../../src/report/address";
import type { PlannedCell, PlannedSheet, ReportPlan } from "../../src/report/types";
import { excelRuleViolations } from "../support/excel-rules";
import { expectExcelOpens } from "../support/excel-opens";
import { cliReport, workbookWithSheets } from "../support/report-corpus";
import { cellText, readZip, sharedStrings, sheetXml, stringCells } from "../support/zip";

jest.setTimeout(300_000);
const DIR = mkdtempSync(join(tmpdir(), "xlsx-limits-"));
const written: string[] = [];
let n = 0;
const next = () => join(DIR, `r${++n}.xlsx`);
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

function sheet(name: string, extra: Partial<PlannedSheet> = {}): PlannedSheet {
  return { name, cells: [], tables: [], charts: [], widths: [], freezeRows: 0, ...extra };
}
function plan(sheets: PlannedSheet[], mode: ReportPlan["mode"] = "native"): ReportPlan {
  return { mode, shape: "table", sourceSheet: "Data", headline: [], sheets };
}
async function write(p: ReportPlan, source?: XlsxSource) {
  const path = next();
  const r = await writeReportXlsx(p, path, source ? { source } : {});
  written.push(path);
  return { path, ...r };
}

describe("sheet references", () => {
  test("placeholders are resolved outside quoted sheet names and string literals only", () => {
    const names = new Map([["Flow Matrix", "Flow Matrix (2)"], ["2020", "WRONG"]]);
    expect(resolveSheetRefs("'Data {{2020}}'!$A$2+{{Flow Matrix}}!B3", names)).toBe("'Data {{2020}}'!$A$2+'Flow Matrix (2)'!B3");
    expect(resolveSheetRefs(`IF(A1="{{2020}}",'It''s {{2020}}'!A1,{{2020}}!A1)`, names)).toBe(`IF(A1="{{2020}}",'It''s {{2020}}'!A1,'WRONG'!A1)`);
  });

  test("a source sheet named like a placeholder: every formula references it as it is", async () => {
    const input = join(DIR, "braces.xlsx");
    await workbookWithSheets(input, ["Data {{2020}}", "{{Definitions}}"]);
    for (const name of ["Data {{2020}}", "{{Definitions}}"]) {
      const path = await cliReport(DIR, `braces-${name.length}.xlsx`, [input, "--sheet", name]);
      written.push(path);
      const matrix = sheetXml(readZip(path), "Flow Matrix");
      const quoted = `'${name}'!$A$2`.replace(/&/g, "&amp;");
      expect(matrix).toContain(quoted);
      expect(matrix).not.toMatch(/''!|'Data '2020''|''Definitions''/);
      expect(excelRuleViolations(path)).toEqual([]);
    }
  });
});

describe("text", () => {
  test("table column names are cut to 255 characters, stay unique, and the header cells say the same", async () => {
    const long = "Region with a very long name ".repeat(12); // 348 characters
    const headers = tableHeaders([long, long, "x"], 3);
    expect(headers.map((h) => h.length <= EXCEL_LIMITS.tableColumnName)).toEqual([true, true, true]);
    expect(headers[1]).toMatch(/ 2$/);
    expect(new Set(headers.map((h) => h.toLowerCase())).size).toBe(3);
    const row: PlannedCell[] = [{ value: 1 }, { value: 2 }, { value: "a" }];
    const { path } = await write(plan([sheet("Flow Matrix", { tables: [{ name: "Flows", top: 0, left: 0, header: [long, long, "x"], rows: [row] }] })]));
    const zip = readZip(path);
    const names = [...(zip.get("xl/tables/table1.xml") ?? "").matchAll(/<tableColumn id="\d+" name="([^"]*)"/g)].map((m) => m[1]);
    expect(names).toEqual(headers);
    expect(["A1", "B1", "C1"].map((a) => cellText(zip, "Flow Matrix", a))).toEqual(headers);
  });

  test("cell text over 32,767 characters is cut there, ends with '…', and the report says which cells", async () => {
    const data = "d".repeat(40_000);
    const provenance = `Not used: ${Array.from({ length: 16_000 }, (_, k) => `'x${k + 5}'`).join(", ")}`;
    expect(provenance.length).toBeGreaterThan(100_000);
    const { path, note } = await write(
      plan([sheet("Migration Summary", { cells: [{ row: 0, col: 0, cell: { value: "Summary" } }] }), sheet("Definitions", { cells: [{ row: 0, col: 0, cell: { value: "Definitions" } }, { row: 3, col: 1, cell: { value: provenance } }] })]),
      { sheet: "Data", top: 0, left: 0, values: [["region", "note"], ["A", data]] },
    );
    const zip = readZip(path);
    for (const s of sharedStrings(zip)) expect(s.length).toBeLessThanOrEqual(EXCEL_LIMITS.cellText);
    const cut = cellText(zip, "Data", "B2")!;
    expect(cut).toHaveLength(EXCEL_LIMITS.cellText);
    expect(cut).toBe(`${data.slice(0, EXCEL_LIMITS.cellText - 1)}…`);
    expect(cellText(zip, "Definitions", "B4")).toBe(`${provenance.slice(0, EXCEL_LIMITS.cellText - 1)}…`);
    expect(note).toMatch(/at most 32,767 characters: the text of 2 cell\(s\) is cut there and ends with "…": 'Data'!B2 \(40,000 characters\), 'Definitions'!B4 \(\d{3},\d{3} characters\)/);
    // The note is on the Definitions sheet, under its last row.
    expect(stringCells(zip, "Definitions").get("A6")).toBe(note);
  });

  test("a formula longer than 8,192 characters as stored is written as its value, and the report says where", async () => {
    const long = Array.from({ length: 1200 }, (_, k) => `'Data'!B${k + 1}`).join("+"); // about 12,000 characters
    const { path, note } = await write(
      plan([sheet("Migration Summary", { cells: [{ row: 0, col: 0, cell: { value: 42, native: long } }, { row: 1, col: 0, cell: { value: 1, native: "'Data'!B1" } }] }), sheet("Definitions")]),
      { sheet: "Data", top: 0, left: 0, values: [["x", 1]] },
    );
    const xml = sheetXml(readZip(path), "Migration Summary");
    expect(xml).toContain('<c r="A1"><v>42</v></c>');
    expect(xml).toContain("<f>'Data'!B1</f>");
    expect(note).toMatch(/at most 8,192 characters: 1 cell\(s\) whose formula would be longer hold its value instead \(not live\): 'Migration Summary'!A1/);
  });

  test("no note when everything fits", async () => {
    const { note } = await write(plan([sheet("Definitions", { cells: [{ row: 0, col: 0, cell: { value: "short" } }] })]));
    expect(note).toBeUndefined();
  });
});

describe("the grid", () => {
  const grid = { values: [["a", 1]] };
  test("data beyond column XFD or row 1,048,576 is refused, saying where it reaches", async () => {
    const wide = { sheet: "Data", top: 0, left: 0, values: [Array.from({ length: 16_400 }, (_, k) => k)] };
    await expect(writeReportXlsx(plan([sheet("S")]), next(), { source: wide })).rejects.toThrow(/reaches column XFT \(column 16,400\), and an Excel sheet ends at column XFD \(16,384 columns\)/);
    const low = { sheet: "Data", top: 1_048_570, left: 0, values: Array.from({ length: 10 }, () => ["x"]) };
    await expect(writeReportXlsx(plan([sheet("S")]), next(), { source: low })).rejects.toThrow(/reaches row 1,048,580, and an Excel sheet has 1,048,576 rows/);
    await expect(writeReportXlsx(plan([sheet("S", { cells: [{ row: 0, col: 16_384, cell: { value: 1 } }] })]), next())).rejects.toThrow(/the report's sheet 'S' reaches column XFE/);
    // Exactly the grid's last cell is fine.
    const edge = { sheet: "Data", top: 1_048_575, left: 16_382, ...grid };
    const { path } = await write(plan([sheet("S")]), edge);
    expect(sheetXml(readZip(path), "Data")).toContain('<c r="XFD1048576"><v>1</v></c>');
  });

  test("through the command line: a 16,400-column CSV is refused with the reason; 16,384 columns fit, the long provenance cut with a note", async () => {
    const csv = (cols: number) => {
      const path = join(DIR, `wide-${cols}.csv`);
      const head = ["country", "immigrants", "emigrants", "population", ...Array.from({ length: cols - 4 }, (_, k) => `x${k + 5}`)];
      const rows = [0, 1, 2].map((r) => [`C${r}`, 100 + r, 50 + r, 1000 + r, ...Array.from({ length: cols - 4 }, (_, k) => (r + k) % 7)]);
      writeFileSync(path, [head, ...rows].map((r) => r.join(",")).join("\n") + "\n");
      return path;
    };
    await expect(cliReport(DIR, "too-wide.xlsx", [csv(16_400)])).rejects.toThrow(/exit 1: migration-report: cannot write .*too-wide\.xlsx: the data copied to sheet 'Data' reaches column XFT \(column 16,400\)/);
    const path = await cliReport(DIR, "widest.xlsx", [csv(16_384)]);
    written.push(path);
    const definitions = [...stringCells(readZip(path), "Definitions").values()];
    expect(definitions.some((t) => /^Cut to fit Excel: An Excel cell holds at most 32,767 characters: the text of 1 cell\(s\) is cut there/.test(t))).toBe(true);
    expect(excelRuleViolations(path)).toEqual([]);
  });

  test("column widths stay within Excel's 255", async () => {
    const { path } = await write(plan([sheet("S", { widths: [300, 20], cells: [{ row: 0, col: 0, cell: { value: "x" } }] })]));
    const xml = sheetXml(readZip(path), "S");
    expect(xml).toContain('<col min="1" max="1" width="255" customWidth="1"/>');
    expect(xml).toContain('<col min="2" max="2" width="20" customWidth="1"/>');
  });
});

describe("formulas and references as Excel stores them", () => {
  test("FILTER and SORT carry _xlfn._xlws., other new functions _xlfn.", () => {
    expect(toFileFormula("SORT(FILTER(A1:A5,A1:A5>0))+IFNA(STDEV.S(A1:A3),0)")).toBe("_xlfn._xlws.SORT(_xlfn._xlws.FILTER(A1:A5,A1:A5>0))+_xlfn.IFNA(_xlfn.STDEV.S(A1:A3),0)");
    expect(toFileFormula(`"SORT(x)"&'FILTER(s'!A1`)).toBe(`"SORT(x)"&'FILTER(s'!A1`);
  });

  test("a chart on a sheet whose name has markup: its references are escaped, the file valid", async () => {
    const rows: PlannedCell[][] = [[{ value: "A" }, { value: 3 }], [{ value: "B" }, { value: 5 }]];
    const s = sheet("R&D <Summary>", {
      tables: [{ name: "T", top: 0, left: 0, header: ["Region", "Net"], rows }],
      charts: [{ kind: "bar", title: "Net <by> region & more", table: "T", categoryColumn: "Region", valueColumn: "Net", top: 0, left: 4, rows: 15, cols: 7 }],
    });
    const { path } = await write(plan([s]));
    const chart = readZip(path).get("xl/charts/chart1.xml")!;
    expect(chart).toContain("<c:f>'R&amp;D &lt;Summary&gt;'!$A$2:$A$3</c:f>");
    expect(chartXml({ chart: s.charts[0], sheet: "a&b", first: 1, last: 1, categoryCol: 0, valueCol: 1, headerRow: 0, seriesName: "Net", categories: ["A"], values: [1], formatCode: "General" })).toContain("<c:f>'a&amp;b'!$B$1</c:f>");
    expect(excelRuleViolations(path)).toEqual([]);
  });
});

test("every file written here is schema-valid and keeps Excel's rules", () => {
  expectExcelOpens(written);
});
