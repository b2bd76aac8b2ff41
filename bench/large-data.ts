/**
 * Synthetic 1,000,000-cell inputs for the large-workbook checks (issue 6, item 3), written as
 * CSV text line by line (seeded, so every run is the same data):
 * - a country table: 100,000 rows × 10 columns (country, code, year, immigrants, emigrants,
 *   population and four more numeric columns);
 * - a long flow list: 250,000 rows × 4 columns (origin, destination, flow, year).
 */
import { createWriteStream } from "fs";
import { once } from "events";
import { prng } from "./lib";

async function writeLines(path: string, header: string, rows: number, line: (r: number) => string): Promise<void> {
  const out = createWriteStream(path);
  let buf = `${header}\n`;
  for (let r = 0; r < rows; r++) {
    buf += `${line(r)}\n`;
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  }
  out.end(buf);
  await once(out, "finish");
}

/** 100,000 rows × 10 columns: 1,000 countries × 100 years. */
export function writeCountryTableCsv(path: string, rows = 100_000): Promise<void> {
  const rand = prng(21);
  const countries = 1000;
  return writeLines(path, "country,code,year,immigrants,emigrants,population,births,deaths,refugees,students", rows, (r) => {
    const c = r % countries;
    const pop = 1_000_000 + c * 10_000 + Math.floor(rand() * 50_000);
    return `Country ${c + 1},C${String(c + 1).padStart(4, "0")},${1900 + Math.floor(r / countries)},${Math.floor(rand() * 50_000)},${Math.floor(rand() * 40_000)},${pop},${Math.floor(pop * 0.012)},${Math.floor(pop * 0.009)},${Math.floor(rand() * 5000)},${Math.floor(rand() * 3000)}`;
  });
}

/** 250,000 rows × 4 columns: every pair of 100 regions, over 25 years. */
export function writeLongListCsv(path: string, rows = 250_000, regions = 100): Promise<void> {
  const rand = prng(7);
  return writeLines(path, "orig,dest,flow,year", rows, (r) => {
    const pair = r % (regions * regions);
    return `Region ${Math.floor(pair / regions) + 1},Region ${(pair % regions) + 1},${Math.floor(rand() * 5000)},${2000 + Math.floor(r / (regions * regions))}`;
  });
}
