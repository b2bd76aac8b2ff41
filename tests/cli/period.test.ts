/**
 * --period: the report for one period of a panel (a country table or a long list with a year
 * or period column); the latest by default; an unknown period is a usage error naming the
 * periods found. --map year= picks or drops the time column.
 */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { parseArgs } from "../../src/cli/args";
import { CliError, EXIT } from "../../src/cli/errors";
import { run } from "../../src/cli/main";
import { SAMPLES } from "../support/samples";

const DIR = mkdtempSync(join(tmpdir(), "cli-period-"));

async function cli(...args: string[]): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await run([...args, "-q", "--force"], { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l), now: () => new Date(Date.UTC(2026, 0, 1)) });
  return { code, stdout, stderr };
}

/** The summary sheet's title and its table's rows, as written. */
async function summary(file: string): Promise<{ title: string; rows: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("Migration Summary")!;
  const table = Object.values((ws as unknown as { tables: Record<string, { table: { tableRef?: string; ref?: string } }> }).tables)[0];
  const ref = table.table.tableRef ?? table.table.ref ?? "";
  const [, top, bottom] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(ref)!.map(Number);
  return { title: String(ws.getCell("A1").value), rows: bottom - top };
}

test("parseArgs: --period takes a period; an empty one is a usage error", () => {
  const p = parseArgs(["in.csv", "--period", " 1990-1995 "]);
  expect(p.kind === "run" && p.options.period).toBe("1990-1995");
  expect(parseArgs(["in.csv"]).kind === "run" && "period" in (parseArgs(["in.csv"]) as { options: object }).options).toBe(false);
  expect(() => parseArgs(["in.csv", "--period="])).toThrow(CliError);
  expect(() => parseArgs(["in.csv", "--period"])).toThrow(/--period needs a value/);
});

test("the IAB table: --period 1995 reports that year's rows; an unknown period exits 2 naming those found", async () => {
  const iab = join(SAMPLES, "iab-emigration-rates-1980-2010.csv");
  const out = join(DIR, "iab-1995.xlsx");
  const r = await cli(iab, "-o", out, "--period", "1995");
  expect(r.code).toBe(EXIT.ok);
  expect(r.stdout).toContain("  period: 1995");
  expect(r.stdout).toContain("  rows: 585");
  // The title row, and the table: a header and 585 rows (no totals: each country is on three rows, one per group).
  const s = await summary(out);
  expect(s.title).toBe("Migration summary: iab-emigration-rates-1980-2010.csv, 1995 (of 7 periods, 1980–2010)");
  expect(s.rows).toBe(585);

  const bad = await cli(iab, "-o", join(DIR, "iab-2006.xlsx"), "--period", "2006");
  expect(bad.code).toBe(EXIT.usage);
  expect(bad.stderr[bad.stderr.length - 1]).toBe('migration-report: --period: the data hold no period "2006"; the periods found are 1980, 1985, 1990, 1995, 2000, 2005, 2010');
}, 60_000);

test("a long list with a year0 column: the latest by default, --period for another; --map year= unmaps the column", async () => {
  const csv = join(DIR, "abel.csv");
  writeFileSync(csv, ["orig,dest,year0,flow", "A,B,1990,5", "B,A,1990,3", "A,B,1995,40", "B,A,1995,60", "C,A,1995,10"].join("\n"));
  const latest = await cli(csv, "-o", join(DIR, "abel.xlsx"));
  expect(latest.code).toBe(EXIT.ok);
  expect(latest.stdout).toEqual(expect.arrayContaining(["  period: 1995", "  total flows: 110"]));
  const first = await cli(csv, "-o", join(DIR, "abel-1990.xlsx"), "--period", "1990");
  expect(first.stdout).toEqual(expect.arrayContaining(["  period: 1990", "  total flows: 8"]));
  // Without its time column the list repeats the pairs A → B and B → A: refused, naming them.
  const unmapped = await cli(csv, "-o", join(DIR, "abel-none.xlsx"), "--map", "year=");
  expect(unmapped.code).not.toBe(EXIT.ok);
  expect(unmapped.stderr[unmapped.stderr.length - 1]).toMatch(/column C 'year0'/);
  const none = await cli(csv, "-o", join(DIR, "abel-none.xlsx"), "--map", "year=", "--period", "1990");
  expect(none.code).not.toBe(EXIT.ok);
  expect(none.stderr[none.stderr.length - 1]).toMatch(/column C 'year0'/);
}, 60_000);
