/**
 * Add-in mode as Excel stores JavaScript custom functions: `_xldudf_` and the function's name
 * with its dots as underscores (`MIGRATION.MEI(` → `_xldudf_MIGRATION_MEI(`, docs/addin-formulas.md),
 * each with the engine's value cached and no recalculation forced on open; read back by the
 * .xlsx reader as the names users type.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { typedFormula, XlsxFile } from "../../src/cli/read-xlsx";
import { readInput } from "../../src/cli/read-input";
import { engine } from "../../src/cli/engine";
import { fromFileFormula, toFileFormula } from "../../src/hosts/file-formula";
import { writeReportXlsx } from "../../src/hosts/xlsx";
import { SAMPLES } from "../support/samples";
import { readZip, sheetXml } from "../support/zip";

const DIR = mkdtempSync(join(tmpdir(), "xlsx-addin-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const CATALOG: string[] = JSON.parse(readFileSync(join(__dirname, "..", "..", "src", "functions", "catalog.json"), "utf8")).functions;

test("every catalog function is stored as _xldudf_ with underscores for dots, and read back by its name", () => {
  expect(CATALOG.length).toBeGreaterThanOrEqual(29);
  for (const name of CATALOG) {
    const typed = `${name}('Flow Matrix'!$B$4:$E$7,"${name}(x)")`;
    const stored = toFileFormula(typed);
    expect(stored).toBe(`_xldudf_${name.replace(".", "_")}('Flow Matrix'!$B$4:$E$7,"${name}(x)")`);
    expect(fromFileFormula(stored)).toBe(typed);
  }
  expect(toFileFormula("migration.mei(A1:B2)")).toBe("_xldudf_migration_mei(A1:B2)");
  // Names that are not the add-in's stay as they are.
  expect(toFileFormula("OTHER.MEI(A1)+SUM(A1)")).toBe("OTHER.MEI(A1)+SUM(A1)");
  expect(fromFileFormula("_xldudf_OTHER_THING(A1)")).toBe("_xldudf_OTHER_THING(A1)");
});

describe("an add-in mode report", () => {
  let path: string;
  let mei: number;
  beforeAll(async () => {
    const { block } = await readInput(join(SAMPLES, "uk-interregional-flows-2018.csv"));
    const plan = engine.plan(block, engine.detect(block), { mode: "addin", source: "uk", now: new Date(0) });
    mei = plan.headline.find((h) => h.code === "mei")!.value as number;
    path = join(DIR, "uk-addin.xlsx");
    await writeReportXlsx(plan, path, { source: block });
  });

  test("custom-function calls are stored with _xldudf_, each with the engine's value cached", () => {
    const zip = readZip(path);
    const summary = sheetXml(zip, "Migration Summary");
    const cell = new RegExp(`<f>_xldudf_MIGRATION_MEI\\('Flow Matrix'!\\$B\\$4:\\$M\\$15\\)</f><v>([^<]+)</v>`).exec(summary);
    expect(cell).not.toBeNull();
    expect(Number(cell![1])).toBe(mei);
    for (const [part, xml] of zip) {
      if (!part.startsWith("xl/worksheets/")) continue;
      for (const m of xml.matchAll(/<f[^>]*>([^<]*)<\/f>/g)) expect(m[1]).not.toMatch(/(?<![\w.])(BRAINDRAIN|CIRCULATION|MIGRATION|STUDENTS)\./);
    }
    expect(summary.match(/<f>_xldudf_/g)!.length).toBeGreaterThan(3);
    // The cached results stay: no recalculation on open (Excel without the add-in would show #NAME?).
    expect(zip.get("xl/workbook.xml")).not.toContain("fullCalcOnLoad");
  });

  test("the .xlsx reader reads the cached values, and the formulas as users type them", async () => {
    const file = XlsxFile.open(path);
    try {
      const k = file.sheets.findIndex((s) => s.name === "Migration Summary");
      const cells = await file.readSheet(k);
      const xml = sheetXml(readZip(path), "Migration Summary");
      const m = /<c r="([A-Z]+)(\d+)"[^>]*><f>(_xldudf_MIGRATION_MEI[^<]*)<\/f>/.exec(xml)!;
      const col = m[1].charCodeAt(0) - 65;
      expect(cells[Number(m[2]) - 1][col]).toBe(mei);
      expect(typedFormula(m[3])).toBe("MIGRATION.MEI('Flow Matrix'!$B$4:$M$15)");
      expect(typedFormula("_xlfn._xlws.SORT(A1:A3)&amp;_xldudf_STUDENTS_NETFLOW(A1,B1)")).toBe("SORT(A1:A3)&STUDENTS.NETFLOW(A1,B1)");
    } finally {
      file.close();
    }
  });
});
