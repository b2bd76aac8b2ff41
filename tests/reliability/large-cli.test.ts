/**
 * Large workbooks (issue 6, item 3): 1,000,000-cell CSV files through the command line, in a
 * child process as a user runs it. The run must succeed and write a report with the expected
 * sheets. No timing here: time and peak memory are measured by bench/large.ts.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { inflateRawSync } from "zlib";
import { writeCountryTableCsv, writeLongListCsv } from "../../bench/large-data";

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
  const zip = readFileSync(xlsx);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let k = 0; k < entries; k++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength).replace(/^\//, "");
    if (name === "xl/workbook.xml") {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      const xml = (method === 8 ? inflateRawSync(data) : data).toString("utf8");
      return [...xml.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error(`${xlsx} has no xl/workbook.xml`);
}

function cli(csv: string, out: string) {
  return spawnSync(process.execPath, [BIN, csv, "-o", out], { encoding: "utf8", env: { ...process.env, MIGRATION_REPORT_DEBUG: "1" } });
}

test("a 250,000-row × 4 long flow list (1,000,000 cells) gives a streamed report", async () => {
  const csv = join(DIR, "long.csv");
  await writeLongListCsv(csv);
  const out = join(DIR, "long-report.xlsx");
  const r = cli(csv, out);
  expect(r.stderr).toMatch(/read sheet 'Data' A1:D250001: 250,001 rows x 4 columns/);
  expect(r.stderr).toMatch(/\(streamed: large report/);
  expect(r.status).toBe(0);
  expect(existsSync(out) && statSync(out).size > 0).toBe(true);
  expect(sheetNames(out)).toEqual(["Data", "Migration Summary", "Flow Matrix", "Corridors", "Definitions"]);
  expect(r.stdout).toMatch(/regions: 100\n/);
});

test("a 100,000-row × 10 country table (1,000,000 cells) gives a streamed report", async () => {
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
});
