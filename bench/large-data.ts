/**
 * Synthetic 1,000,000-cell inputs for the large-workbook checks, seeded so
 * every run is the same data, as rows of cells (the Office.js runs) or files (the CLI runs):
 * - a country table: 100,000 rows × 10 columns (country, code, year, immigrants, emigrants,
 *   population and four more numeric columns), 100,000 regions in one year (a panel is
 *   reported one period at a time, so a 100,000-row report needs as many regions);
 * - a long flow list: 250,000 rows × 4 columns (origin, destination, flow, year), every pair
 *   of 100 regions over 25 years.
 */
import { createWriteStream } from "fs";
import { once } from "events";
import type { CellValue } from "../src/report/types";
import { prng } from "./lib";

export const COUNTRY_TABLE_HEADER = ["country", "code", "year", "immigrants", "emigrants", "population", "births", "deaths", "refugees", "students"];
export const LONG_LIST_HEADER = ["orig", "dest", "flow", "year"];

/** The country table's data rows (no header). */
export function* countryTableRows(rows = 100_000): Generator<CellValue[]> {
  const rand = prng(21);
  for (let r = 0; r < rows; r++) {
    const c = r;
    const pop = 1_000_000 + c * 10_000 + Math.floor(rand() * 50_000);
    yield [
      `Country ${c + 1}`,
      `C${String(c + 1).padStart(6, "0")}`,
      2020,
      Math.floor(rand() * 50_000),
      Math.floor(rand() * 40_000),
      pop,
      Math.floor(pop * 0.012),
      Math.floor(pop * 0.009),
      Math.floor(rand() * 5000),
      Math.floor(rand() * 3000),
    ];
  }
}

/** The long list's data rows (no header). */
export function* longListRows(rows = 250_000, regions = 100): Generator<CellValue[]> {
  const rand = prng(7);
  for (let r = 0; r < rows; r++) {
    const pair = r % (regions * regions);
    yield [`Region ${Math.floor(pair / regions) + 1}`, `Region ${(pair % regions) + 1}`, Math.floor(rand() * 5000), 2000 + Math.floor(r / (regions * regions))];
  }
}

/** Header and rows as a block of cells. */
export const countryTableValues = (rows = 100_000): CellValue[][] => [COUNTRY_TABLE_HEADER, ...countryTableRows(rows)];
export const longListValues = (rows = 250_000, regions = 100): CellValue[][] => [LONG_LIST_HEADER, ...longListRows(rows, regions)];

/** Header and rows as CSV, written line by line (no cell here needs quoting). */
async function writeCsv(path: string, header: string[], rows: Iterable<CellValue[]>): Promise<void> {
  const out = createWriteStream(path);
  let buf = `${header.join(",")}\n`;
  for (const row of rows) {
    buf += `${row.join(",")}\n`;
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  }
  out.end(buf);
  await once(out, "finish");
}

export const writeCountryTableCsv = (path: string, rows = 100_000): Promise<void> => writeCsv(path, COUNTRY_TABLE_HEADER, countryTableRows(rows));
export const writeLongListCsv = (path: string, rows = 250_000, regions = 100): Promise<void> => writeCsv(path, LONG_LIST_HEADER, longListRows(rows, regions));
