/**
 * A 1,000,000-cell selection through the Office.js host and the Excel test double:
 * readSelection (chunked reads) → detect → plan → writeReport (chunked writes), for a
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

export { countryTableValues, longListValues } from "./large-data";

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
