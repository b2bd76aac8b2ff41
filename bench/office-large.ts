/**
 * A 1,000,000-cell selection through the Office.js host and the Excel test double (issue 6,
 * item 3): readSelection (chunked reads) → detect → plan → writeReport (chunked writes), for a
 * long list of 250,000 rows × 4 and a country table of 100,000 rows × 10. Figures: syncs, the
 * largest request and response, wall time. Target: no request or response over 5 MB.
 * Shared by bench/large.ts and tests/reliability/office-large.test.ts.
 */
import { readSelection, writeReport } from "../src/hosts/office";
import { columnLetters } from "../src/report/address";
import { detect } from "../src/report/detect";
import { planReport } from "../src/report/plan";
import type { CellValue } from "../src/report/types";
import { createExcelDouble, ExcelDouble } from "../tests/support/excel-double";
import { prng } from "./lib";

/** 250,000 rows × 4 (with the header row): every pair of 100 regions over 25 years, seeded. */
export function longListValues(rows = 250_000, regions = 100): CellValue[][] {
  const rand = prng(7);
  const out: CellValue[][] = [["orig", "dest", "flow", "year"]];
  for (let r = 0; r < rows; r++) {
    const pair = r % (regions * regions);
    out.push([`Region ${Math.floor(pair / regions) + 1}`, `Region ${(pair % regions) + 1}`, Math.floor(rand() * 5000), 2000 + Math.floor(r / (regions * regions))]);
  }
  return out;
}

/** 100,000 rows × 10: 1,000 countries × 100 years, with immigrants, emigrants, population, seeded. */
export function countryTableValues(rows = 100_000): CellValue[][] {
  const rand = prng(21);
  const out: CellValue[][] = [["country", "code", "year", "immigrants", "emigrants", "population", "births", "deaths", "refugees", "students"]];
  for (let r = 0; r < rows; r++) {
    const c = r % 1000;
    const pop = 1_000_000 + c * 10_000 + Math.floor(rand() * 50_000);
    out.push([`Country ${c + 1}`, `C${String(c + 1).padStart(4, "0")}`, 1900 + Math.floor(r / 1000), Math.floor(rand() * 50_000), Math.floor(rand() * 40_000), pop, Math.floor(pop * 0.012), Math.floor(pop * 0.009), Math.floor(rand() * 5000), Math.floor(rand() * 3000)]);
  }
  return out;
}

export interface OfficeLargeRun {
  readonly double: ExcelDouble;
  readonly shape: string;
  readonly cells: number;
  readonly readSyncs: number;
  readonly writeSyncs: number;
  readonly syncs: number;
  readonly largestRequestBytes: number;
  readonly largestResponseBytes: number;
  readonly sheets: string[];
  readonly ms: number;
}

/** The whole task-pane pipeline on `values` (a sheet "Data" at A1, selected whole). */
export async function officeLargeRun(values: CellValue[][]): Promise<OfficeLargeRun> {
  const cols = values[0].length;
  const d = createExcelDouble({ sheets: [{ name: "Data", values }], selection: `Data!A1:${columnLetters(cols - 1)}${values.length}` });
  const g = globalThis as unknown as { Excel: unknown };
  const previous = g.Excel;
  g.Excel = d.Excel;
  try {
    const t0 = process.hrtime.bigint();
    const read = await readSelection();
    const readSyncs = d.stats.syncs;
    const plan = planReport(read.block, detect(read.block), { mode: "native", now: new Date(0), hostDrawsCharts: true });
    const written = await writeReport(plan);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    return {
      double: d,
      shape: plan.shape,
      cells: values.length * cols,
      readSyncs,
      writeSyncs: written.writeSyncs,
      syncs: d.stats.syncs,
      largestRequestBytes: d.stats.largestRequestBytes,
      largestResponseBytes: d.stats.largestResponseBytes,
      sheets: d.workbook.sheets.map((s) => s.name),
      ms,
    };
  } finally {
    g.Excel = previous;
  }
}
