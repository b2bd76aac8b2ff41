/**
 * Large workbooks: 1,000,000-cell CSV files through the command line, in a
 * child process as a user runs it. The run must succeed and write a report with the expected
 * sheets. No timing here: time and peak memory are measured by bench/large.ts.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { writeCountryTableCsv, writeLongListCsv } from "../../bench/large-data";
import { readZip } from "../support/zip";

jest.setTimeout(300_000);

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "migration-report.js");
const DIR = mkdtempSync(join(tmpdir(), "large-cli-"));

afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/**
 * The sheet names of an .xlsx, from xl/workbook.xml read straight out of the zip (loading a
 * 2,000,000-cell report into exceljs would take gigabytes in the test process).
 */
function sheetNames(xlsx: string): string[] {
  const xml = readZip(xlsx, (name) => name === "xl/workbook.xml").get("xl/workbook.xml");
  if (xml === undefined) throw new Error(`${xlsx} has no xl/workbook.xml`);
  return [...xml.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));
}

function cli(csv: string, out: string) {
  return spawnSync(process.execPath, [BIN, csv, "-o", out], { encoding: "utf8", env: { ...process.env, MIGRATION_REPORT_DEBUG: "1" } });
}

test("a 250,000-row × 4 long flow list (1,000,000 cells) gives a complete report", async () => {
  const csv = join(DIR, "long.csv");
  await writeLongListCsv(csv);
  const out = join(DIR, "long-report.xlsx");
  const r = cli(csv, out);
  expect(r.stderr).toMatch(/read sheet 'Data' A1:D250001: 250,001 rows x 4 columns/);
  expect(r.status).toBe(0);
  expect(existsSync(out) && statSync(out).size > 0).toBe(true);
  expect(sheetNames(out)).toEqual(["Data", "Migration Summary", "Trends", "Trajectories", "Flow Matrix", "Corridors", "Period Flows", "Definitions"]);
  expect(r.stdout).toMatch(/regions: 100\n/);
});

test("a 100,000-row × 10 country table (1,000,000 cells) gives a complete report", async () => {
  const csv = join(DIR, "table.csv");
  await writeCountryTableCsv(csv);
  const out = join(DIR, "table-report.xlsx");
  const r = cli(csv, out);
  expect(r.stderr).toMatch(/read sheet 'Data' A1:J100001: 100,001 rows x 10 columns/);
  expect(r.stderr).toMatch(/detected table/);
  expect(r.status).toBe(0);
  expect(existsSync(out) && statSync(out).size > 0).toBe(true);
  expect(sheetNames(out)).toEqual(["Data", "Migration Summary", "Definitions"]);
  expect(r.stdout).toMatch(/rows: 100,000\n/);
  // The indicator table is one Excel table over all 100,000 rows, its formulas filled down as
  // shared formulas, each cell with the engine's value cached.
  const zip = readZip(out, (name) => name === "xl/tables/table1.xml" || name === "xl/worksheets/sheet2.xml");
  const table = zip.get("xl/tables/table1.xml") ?? "";
  const ref = /<table [^>]*ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/.exec(table);
  expect(ref && Number(ref[4]) - Number(ref[2])).toBe(100_000);
  const summary = zip.get("xl/worksheets/sheet2.xml") ?? "";
  const lastRow = Number(ref?.[4]);
  const last = new RegExp(`<row r="${lastRow}">(.*?)</row>`).exec(summary)?.[1] ?? "";
  expect(last).toMatch(/<f t="shared" si="\d+"\/><v>-?[\d.e+-]+<\/v>/);
  expect(summary.match(/<f t="shared" ref="/g)?.length).toBeGreaterThanOrEqual(9);
});
