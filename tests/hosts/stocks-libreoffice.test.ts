/**
 * Estimated flows from a long list of migrant stocks, written as an .xlsx and recalculated by
 * LibreOffice: the live formulas give the engine's numbers.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { detect } from "../../src/report/detect";
import { planReport } from "../../src/report/plan";
import type { CellValue } from "../../src/report/types";
import { writeReportXlsx } from "../../src/hosts/xlsx";
import { compareWithFile } from "../support/compare-plan";
import { ensureLibreOffice, recalculate } from "../support/libreoffice";
import { stockList } from "../support/stocks";

const values: CellValue[][] = stockList();
const block = { sheet: "Stocks", top: 0, left: 0, values, provenance: "stocks test" };

test("LibreOffice computes the estimated flows and the summary from the live formulas", async () => {
  ensureLibreOffice();
  for (const method of ["zero", "return"] as const) {
    const plan = planReport(block, detect(block), { mode: "native", now: new Date(0), stocks: method });
    const path = join(mkdtempSync(join(tmpdir(), "stocks-")), `${method}.xlsx`);
    const { sheetNames } = await writeReportXlsx(plan, path, { source: block });
    expect(sheetNames).toEqual([block.sheet, ...plan.sheets.map((s) => s.name)]);
    const { compared, mismatches } = await compareWithFile(plan, sheetNames.slice(1), await recalculate(path));
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(30);
  }
}, 120_000);
