/**
 * The large reports the suites write (1,000,000-cell long list and country table through the
 * command line) are schema-valid and keep Excel's rules, like every other report
 * (xlsx-valid.test.ts). Their sheet parts (30-80 MB of XML) are validated streaming.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { writeCountryTableCsv, writeLongListCsv } from "../../bench/large-data";
import { excelRuleViolations } from "../support/excel-rules";
import { ensureXmllint, validateXlsx } from "../support/ooxml-schema";
import { cliReport } from "../support/report-corpus";

jest.setTimeout(900_000);
const DIR = mkdtempSync(join(tmpdir(), "xlsx-valid-large-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

let reports: string[] = [];
beforeAll(async () => {
  ensureXmllint();
  const long = join(DIR, "long.csv");
  await writeLongListCsv(long);
  const table = join(DIR, "table.csv");
  await writeCountryTableCsv(table);
  reports = [await cliReport(DIR, "long-report.xlsx", [long]), await cliReport(DIR, "table-report.xlsx", [table])];
});

test("every XML part of the 1,000,000-cell reports is valid against the ECMA-376 Transitional schemas", () => {
  const result = validateXlsx(reports);
  console.log(`schema (large): ${result.reports} reports, ${result.parts} XML parts, ${result.errors.length} schema errors`);
  expect(result.errors).toEqual([]);
});

test("the 1,000,000-cell reports keep Excel's rules beyond the schema", () => {
  for (const p of reports) expect(excelRuleViolations(p)).toEqual([]);
});
