/**
 * Large workbooks through the Office.js host (issue 6, item 3): a 1,000,000-cell selection read
 * in chunks and a report written in chunks, against the Excel test double. Every request and
 * response stays under Excel on the web's 5 MB, and the user's data is unchanged. Syncs and
 * timings are measured by bench/large.ts, not asserted here.
 */
import type { CellValue } from "../../src/report/types";
import { countryTableValues, longListValues, officeLargeRun } from "../../bench/office-large";
import { PAYLOAD_LIMIT_BYTES } from "../support/excel-double";

jest.setTimeout(120_000);

const cases: [string, () => CellValue[][], string[]][] = [
  ["a 250,000-row × 4 long list", () => longListValues(), ["Data", "Migration Summary", "Flow Matrix", "Corridors", "Definitions"]],
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
