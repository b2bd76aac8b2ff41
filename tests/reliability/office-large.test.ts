/**
 * Large workbooks through the Office.js host: a 1,000,000-cell selection read
 * in chunks and a report written in chunks, against the Excel test double. Every request and
 * response stays under Excel on the web's 5 MB, and the user's data is unchanged. Syncs and
 * timings are measured by bench/large.ts, not asserted here.
 */
import type { CellValue } from "../../src/report/types";
import { countryTableValues, longListValues, officeLargeRun } from "../../bench/office-large";
import { columnLetters, parseRange } from "../../src/report/address";
import { detect } from "../../src/report/detect";
import { planReport } from "../../src/report/plan";
import { tableWidth } from "../../src/hosts/common";
import { PREPARE_CHUNK_CELLS, readSelection, writeReport } from "../../src/hosts/office";
import { createExcelDouble, PAYLOAD_LIMIT_BYTES } from "../support/excel-double";

jest.setTimeout(120_000);

const cases: [string, () => CellValue[][], string[]][] = [
  ["a 250,000-row × 4 long list", () => longListValues(), ["Data", "Migration Summary", "Trends", "Trajectories", "Flow Matrix", "Corridors", "Period Flows", "Definitions"]],
  ["a 100,000-row × 10 country table", () => countryTableValues(), ["Data", "Migration Summary", "Definitions"]],
];

test.each(cases)("%s (1,000,000 cells): chunked read and write, no request over 5 MB, source unchanged", async (_, make, sheets) => {
  const values = make();
  expect(values.length * values[0].length).toBeGreaterThanOrEqual(1_000_000);
  const expected = JSON.stringify(values); // the data as the user has it, before the report
  const r = await officeLargeRun(values);
  expect(r.readSyncs).toBeGreaterThan(1); // read in chunks, not one 1,000,000-cell request
  expect(r.sheets).toEqual(sheets);
  expect(r.double.stats.requests.length).toBe(r.syncs);
  for (const q of r.double.stats.requests) {
    expect(q.failed).toBeUndefined();
    expect(q.bytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(q.responseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  }
  expect(r.largestRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  // The source sheet holds exactly what it held: same values, no formulas or formats added.
  const data = r.double.workbook.sheet("Data")!;
  expect(JSON.stringify(data.values())).toBe(expected);
  expect(data.usedAddress()).toBe(`A1:${values[0].length === 4 ? "D" : "J"}${values.length}`);
  expect(r.double.workbook.log.filter((e) => e.sheet === "Data")).toEqual([]);
});

test("a 100,000-row country table: the write step reports progress and gives the event loop a turn while it prepares the cells, before its first write sync", async () => {
  const values = countryTableValues();
  const d = createExcelDouble({ sheets: [{ name: "Data", values }], selection: `Data!A1:${columnLetters(values[0].length - 1)}${values.length}` });
  const g = globalThis as unknown as { Excel: unknown };
  const previous = g.Excel;
  g.Excel = d.Excel;
  try {
    const read = await readSelection();
    const plan = planReport(read.block, detect(read.block), { mode: "native", now: new Date(0), hostDrawsCharts: true });
    const table = plan.sheets[0].tables[0];
    expect(table.rows.length).toBe(100_000);
    const tableCells = (1 + table.rows.length + (table.totals ? 1 : 0)) * tableWidth(table); // ≤ all the cells written
    const widest = Math.max(...plan.sheets.flatMap((s) => [...s.tables.map(tableWidth), ...s.cells.map((c) => c.col + 1)]));

    // The double's syncs resolve in microtasks: a timer fires only when the host itself yields.
    const events: { step: string; fraction: number; syncs: number }[] = [];
    let start: number | undefined;
    let timer: { writeSyncs: number; fraction: number } | undefined;
    await writeReport(plan, {
      onProgress: (p) => {
        events.push({ ...p, syncs: d.stats.syncs });
        if (p.step === "cells" && start === undefined) {
          // The cells step begins (after the one sync for the names): set a timer.
          start = d.stats.syncs;
          setTimeout(() => (timer = { writeSyncs: d.stats.syncs - start!, fraction: events[events.length - 1].fraction }), 0);
        }
      },
    });
    // It fired before the first write sync, with a small part of the table prepared.
    expect(timer).toEqual({ writeSyncs: 0, fraction: expect.any(Number) });
    expect(timer!.fraction).toBeLessThan(0.1);

    const cells = events.filter((e) => e.step === "cells");
    const chunks = d.workbook.log.filter((e) => e.op === "Range.formulas");
    expect(chunks.length).toBeGreaterThan(10); // ~127 MB of payload in ≤ 4 MB requests
    expect(cells.length).toBeGreaterThanOrEqual(chunks.length);
    // Before the first write sync: an update for every PREPARE_CHUNK_CELLS cells of its chunks.
    const firstSync = chunks[0].sync;
    const firstSyncCells = chunks
      .filter((e) => e.sync === firstSync)
      .reduce((n, e) => {
        const r = parseRange(e.address!)!;
        return n + (r.bottom - r.top + 1) * (r.right - r.left + 1);
      }, 0);
    expect(cells.filter((e) => e.syncs === start).length).toBeGreaterThanOrEqual(Math.floor(firstSyncCells / PREPARE_CHUNK_CELLS));
    // Never more than PREPARE_CHUNK_CELLS (+ one row) of cells prepared between two updates.
    for (let k = 1; k < cells.length; k++) {
      expect(cells[k].fraction).toBeGreaterThanOrEqual(cells[k - 1].fraction);
      expect((cells[k].fraction - cells[k - 1].fraction) * tableCells).toBeLessThanOrEqual(PREPARE_CHUNK_CELLS + widest);
    }
    expect(events[events.length - 1]).toMatchObject({ step: "done", fraction: 1 });
  } finally {
    g.Excel = previous;
  }
});
