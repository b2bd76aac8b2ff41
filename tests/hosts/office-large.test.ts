/**
 * The Office.js host on large inputs, against the Excel test double: a 20,000-row country table
 * and a 200,000-row long list read in chunks and written in requests under Excel's 5 MB limit,
 * cancelled mid-way, with the source left alone.
 */
import { columnLetters } from "../../src/report/address";
import { detect } from "../../src/report/detect";
import { planReport } from "../../src/report/plan";
import type { CellValue } from "../../src/report/types";
import { readSelection, REQUEST_BUDGET_BYTES, writeReport } from "../../src/hosts/office";
import { PAYLOAD_LIMIT_BYTES } from "../support/excel-double";
import { build, differences, MB, NOW, uninstall, withData } from "../support/office-host";

afterEach(uninstall);

describe("writeReport on large inputs", () => {
  test("cancelled while the first chunk is being prepared: no write sync, no sheet", async () => {
    // A 20,000-row country table: its first 4 MB request takes several PREPARE_CHUNK_CELLS of cells.
    const rows = 20_000;
    // (One period: a table over several years would be reported for its latest year only.)
    const values: CellValue[][] = [["Region", "Group", "Immigrants", "Emigrants", "Population"], ...Array.from({ length: rows }, (_, i) => [`Region ${i % 500}`, `G${1990 + Math.floor(i / 500)}`, 1000 + i, 500 + (i % 700), 100_000 + i])];
    const d = withData(values);
    const read = await readSelection();
    const plan = planReport(read.block, detect(read.block), { mode: "native", now: NOW, hostDrawsCharts: true });
    const syncs = d.stats.syncs;
    const abort = new AbortController();
    const seen: number[] = [];
    const p = writeReport(plan, {
      signal: abort.signal,
      onProgress: ({ step, fraction }) => {
        if (step === "cells") seen.push(fraction);
        if (seen.length === 2) abort.abort(); // the 1st: the step begins; the 2nd: PREPARE_CHUNK_CELLS cells prepared
      },
    });
    await expect(p).rejects.toMatchObject({ name: "AbortError", message: "The report was cancelled. Nothing was written." });
    expect(seen[1]).toBeGreaterThan(0);
    expect(seen[1]).toBeLessThan(1);
    expect(d.workbook.log.filter((e) => e.op === "Range.formulas")).toEqual([]);
    expect(d.stats.syncs - syncs).toBe(3); // the names (2); the clean-up's probe (nothing to delete)
    expect(d.workbook.sheetNames).toEqual(["Data"]);
  }, 60_000);

  test("a plan too big for one request is written in ≤ 4 MB requests, one sync each", async () => {
    // A 20,000-row country table: ~25 MB of formulas and formats.
    const rows = 20_000;
    // (One period: a table over several years would be reported for its latest year only.)
    const values: CellValue[][] = [["Region", "Group", "Immigrants", "Emigrants", "Population"], ...Array.from({ length: rows }, (_, i) => [`Region ${i % 500}`, `G${1990 + Math.floor(i / 500)}`, 1000 + i, 500 + (i % 700), 100_000 + i])];
    const d = withData(values);
    const { plan, written, requests } = await build(d);
    const writes = requests.slice(2);
    const payload = writes.reduce((n, r) => n + r.bytes, 0);
    expect(payload).toBeGreaterThan(5 * MB);
    expect(writes).toHaveLength(written.writeSyncs);
    for (const r of writes) expect(r.bytes).toBeLessThan(REQUEST_BUDGET_BYTES + 64 * 1024);
    // Target: ≤ 3 write syncs up to 5 MB, then one more per 4 MB; and the one that finishes.
    expect(written.writeSyncs).toBeLessThanOrEqual(4 + Math.ceil((payload - 5 * MB) / (4 * MB)));
    const names = new Map(plan.sheets.map((s, k) => [s.name, written.sheets[k]]));
    expect(differences(d.workbook.sheet(written.sheets[0])!, plan.sheets[0], "native", names)).toEqual([]);
  }, 60_000);

  /** A long list of `rows` flows among `regions` regions (every ordered pair, repeated over years). */
  function longList(rows: number, regions: number): CellValue[][] {
    const values: CellValue[][] = [["origin", "destination", "flow", "year"]];
    for (let r = 0; r < rows; r++) {
      const pair = r % (regions * regions);
      values.push([`Region ${Math.floor(pair / regions) + 1}`, `Region ${(pair % regions) + 1}`, (r * 7919) % 5000, 2000 + Math.floor(r / (regions * regions))]);
    }
    return values;
  }

  test("200,000-row long list: the double holds it, read in chunks under 5 MB, source unchanged", async () => {
    const values = longList(200_000, 200);
    const d = withData(values);
    const before = d.workbook.sheet("Data")!.snapshot();
    const read = await readSelection();
    expect(JSON.stringify(read.block.values)).toBe(JSON.stringify(values)); // (toEqual is slow on 800,000 cells)
    expect(detect(read.block).shape).toBe("long");
    // The windows (5,000 rows × 40 columns, 20,000 rows × 10), then chunks of 50,000 rows (200,000 cells).
    expect(d.stats.syncs).toBe(1 + Math.ceil((200_001 - 25_000) / 50_000));
    for (const r of d.stats.requests) {
      expect(r.bytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
      expect(r.responseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    }
    expect(JSON.stringify(d.workbook.sheet("Data")!.snapshot())).toBe(JSON.stringify(before));
  }, 60_000);

  test("200,000-row long list end to end: every request under 5 MB, source unchanged", async () => {
    const regions = 200;
    const d = withData(longList(200_000, regions));
    const before = d.workbook.sheet("Data")!.snapshot();
    const { plan, written, requests } = await build(d);
    expect(plan.shape).toBe("long");
    for (const r of d.stats.requests) {
      expect(r.bytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
      expect(r.responseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    }
    // The planner writes so large a pivot as values (SUMPRODUCT over 200,000 rows per cell would
    // make recalculation crawl), and the five years' matrices of the Period Flows sheet as values
    // too: two requests of cells, each under the budget, then the finish.
    const writes = requests.slice(2);
    for (const w of writes) expect(w.bytes).toBeLessThan(REQUEST_BUDGET_BYTES);
    expect(plan.sheets.map((s) => s.name)).toEqual(["Migration Summary", "Trends", "Trajectories", "Flow Matrix", "Corridors", "Period Flows", "Definitions"]);
    expect(written.writeSyncs).toBe(3); // the cells (two requests); the finish
    expect(d.workbook.sheet(written.sheets[plan.sheets.findIndex((sh) => sh.name === "Flow Matrix")])!.tables[0].address).toBe(`'Flow Matrix'!A3:${columnLetters(regions)}${3 + regions}`);
    const names = new Map(plan.sheets.map((s, k) => [s.name, written.sheets[k]]));
    plan.sheets.forEach((planned, k) => expect(differences(d.workbook.sheet(written.sheets[k])!, planned, "native", names)).toEqual([]));
    expect(d.workbook.log.filter((e) => e.sheet === "Data")).toEqual([]);
    expect(d.workbook.sheet("Data")!.snapshot()).toEqual(before);
  }, 120_000);
});
