/**
 * Large .xlsx input: a 1,000,000-cell workbook (100,000 rows × 10 columns)
 * is read by the CLI's streaming reader in a fresh process within the memory target (< 1 GB
 * peak RSS; exceljs's in-memory load took about 2 KB per cell). Times are printed, not
 * asserted (shared machines); bench/large-xlsx.ts measures them against the 10 s target.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { cliRun, readOnlyRun, writeCountryTableXlsx } from "../../bench/large-xlsx";
import { readZip } from "../support/zip";

jest.setTimeout(300_000);

const DIR = mkdtempSync(join(tmpdir(), "large-xlsx-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

test("a 1,000,000-cell .xlsx country table is read through the streaming path, and reported through the CLI, in under 1 GB", async () => {
  const xlsx = join(DIR, "table.xlsx");
  await writeCountryTableXlsx(xlsx);
  const r = readOnlyRun(xlsx);
  console.log(`1,000,000-cell .xlsx read: ${Math.round(r.readMs)} ms in the child (${Math.round(r.ms)} ms with start-up), peak RSS ${Math.round(r.peakRssMB)} MB`);
  expect(r.stderr).not.toMatch(/Error/);
  expect(r.status).toBe(0);
  expect(r.address).toBe("A1:J100001");
  expect([r.rows, r.cols]).toEqual([100_001, 10]);
  expect(r.first).toEqual(["country", "code", "year", "immigrants", "emigrants", "population", "births", "deaths", "refugees", "students"]);
  expect(r.last.slice(0, 3)).toEqual(["Country 100000", "C100000", 2020]);
  expect(r.peakRssMB).toBeLessThan(1024);

  // a range keeps only its cells
  const part = readOnlyRun(xlsx, "B50001:D50010");
  expect(part.status).toBe(0);
  expect([part.rows, part.cols]).toEqual([10, 3]);
  expect(part.first).toEqual(["C050000", 2020, expect.any(Number)]);
  expect(part.peakRssMB).toBeLessThan(1024);

  // and the whole report from it, through the command line
  const out = join(DIR, "table-report.xlsx");
  const cli = cliRun(xlsx, out);
  console.log(`1,000,000-cell .xlsx report: ${Math.round(cli.ms)} ms, peak RSS ${Math.round(cli.peakRssMB)} MB`);
  expect([cli.status, cli.stderr.split("\n").filter((l) => /error/i.test(l))]).toEqual([0, []]);
  expect(cli.stdout).toMatch(/rows: 100,000\n/);
  const zip = readZip(out, (name) => name === "xl/workbook.xml" || name === "xl/tables/table1.xml");
  expect([...(zip.get("xl/workbook.xml") ?? "").matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1])).toEqual(["Countries", "Migration Summary", "Definitions"]);
  expect(zip.get("xl/tables/table1.xml")).toMatch(/ref="A5:[A-Z]+100005"/);
  expect(cli.peakRssMB).toBeLessThan(1024);
});
