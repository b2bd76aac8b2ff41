/**
 * What a colleague sees is what the author saw: native-mode reports of the report engine's
 * bad-input cases and of labels spelled several ways, written by the .xlsx host and recalculated
 * by LibreOffice headless, hold in every formula cell the value or error the engine cached
 * (numbers at 1e-9 relative, errors by code). One LibreOffice run converts all the files.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { writeReportXlsx } from "../../src/hosts/xlsx";
import { detect } from "../../src/report/detect";
import { planReport, ReportOptions } from "../../src/report/plan";
import type { CellValue, Detection, ReportPlan, SourceBlock } from "../../src/report/types";
import { ENGINE_CASES, ENGINE_NOW } from "../reliability/bad-input";
import { compareWithFile, Mismatch } from "../support/compare-plan";
import { ensureLibreOffice, recalculateAll } from "../support/libreoffice";
import { NATIONAL_MATRIX } from "../support/matrices";

jest.setTimeout(300_000);

const DIR = mkdtempSync(join(tmpdir(), "lo-parity-"));
const LIST_HEADER: CellValue[] = ["origin", "destination", "flow"];

/** Long lists whose labels differ in case or spaces: Excel's = and TRIM make them one region. */
const LABEL_VARIANTS: Record<string, { values: CellValue[][]; regions: number; total: number; stocks?: ReportOptions["stocks"] }> = {
  "case and surrounding spaces": {
    values: [LIST_HEADER, ["North", "South", 10], ["north", "East", 5], ["South ", "North", 7], ["South", "West", 3], ["East", "North", 8], ["EAST", "West", 2], [" West", "North", 6], ["West", "South", 4], ["North", "EAST", 9], ["north", "south", 4]],
    regions: 4,
    total: 58,
  },
  "one label with a trailing space": {
    values: [LIST_HEADER, ["A", "B ", 50], ["B", "A", 20], ["A", "C", 30], ["C", "A", 40], ["B ", "C", 60], ["C", "B", 10]],
    regions: 3,
    total: 210,
  },
  "runs of inner spaces, and numbers as labels": {
    values: [LIST_HEADER, ["New  York", "Boston", 12], ["New York", "Boston", 3], ["Boston", " new york", 7], [1, "Boston", 4], ["1", "New York", 5], ["Boston", " 1 ", 2]],
    regions: 3,
    total: 33,
  },
  "stocks for two years, spelled differently each year": {
    values: [
      ["origin", "destination", "year", "stock"],
      ["A", "B", 2010, 100], ["B", "A", 2010, 50], ["a", "C", 2010, 30], ["C", "A", 2010, 20],
      ["A ", "B", 2020, 130], ["B", "a", 2020, 40], ["A", "c", 2020, 45], ["C", "A", 2020, 25],
    ],
    regions: 3,
    total: 60,
    stocks: "return",
  },
};

/**
 * Long lists over several periods, written as numbers and as text (with spaces), and spans of
 * years: the Flow Matrix keeps the rows of one period as TRIM(year&"")="key" picks them.
 */
const PERIOD_LISTS: Record<string, { values: CellValue[][]; period?: string; total: number }> = {
  "years as numbers and as text with spaces, the latest by default": {
    values: [
      ["origin", "destination", "year", "flow"],
      ["A", "B", 2010, 100], ["B", "A", "2010", 50], ["A", "C", 2010, 30],
      ["A", "B", 2015, 7], ["B", "A", " 2015 ", 11], ["C", "A", "2015", 13], ["C", "B", 2015, 17],
    ],
    total: 48,
  },
  "five-year spans, the first asked for": {
    values: [
      ["orig", "dest", "period", "flow"],
      ["A", "B", "1990-1995", 5], ["B", "A", "1990-1995", 3], ["C", "A", "1990-1995 ", 2],
      ["A", "B", "1995-2000", 40], ["B", "C", "1995-2000", 60],
    ],
    period: "1990-1995",
    total: 10,
  },
};

/** A country table with every kind of bad cell in its number columns. */
const BAD_TABLE: CellValue[][] = [
  ["country", "skilled emigrants", "skilled residents", "immigrants", "emigrants", "population"],
  ["A", "abc", 880, 10, 5, 1000],
  ["B", -2, 50, " ", 7, 2000],
  ["C", 120, null, "1 234", 5, 1500],
  ["D", 15, "1,5", 12, true, 900],
  ["E", 40, 400, "#N/A", 3, ""],
  ["F", 30, 300, 20, 10, 0],
  ["G", 25, 250, 0, 0, 700],
];

/** Units in headers: a population in thousands and rates in per cent, with a blank and text among them. */
const UNITS_TABLE: CellValue[][] = [
  ["country", "immigrants", "emigrants", "population (thousands)", "skilled emigration rate (%)", "total emigration rate (%)"],
  ["A", 1_797_667, 600_000, 9_006, 20, 5],
  ["B", 2_005_479, 400_000, 11_590, 9.5, 3.2],
  ["C", 8_524_876, 2_000_000, null, 12, 4],
  ["D", 15_762_457, 3_500_000, "n/a", 7, 2.5],
  ["E", 400_000, 900_000, 0, 150, 1],
];


/**
 * A matrix whose columns are alphabetical and rows in another order, with a totals row among
 * the regions, a column whose label is not among the rows, and blank cells: read through the
 * Flow Matrix copy, each cell a reference to its source cell.
 */
const MATRIX_REORDERED: CellValue[][] = [
  ["", "Austria", "Belgium", "Elsewhere", "France", "Germany", "Total"],
  ["Germany", 5000, 3000, 10, 7000, null, 15010],
  ["Total", 6300, 5400, 35, 11900, 10000, 33635],
  ["France", 1000, null, 20, 0, 6000, 7020],
  ["Austria", 0, 400, 5, 900, 2500, 3805],
  ["Belgium", 300, 2000, 0, 4000, 1500, 7800],
  ["Luxembourg", 1, 2, 3, 4, 5, 15],
];

/** A country table with a country whose numbers are all missing and note lines under it (left out). */
const TABLE_WITH_NOTES: CellValue[][] = [
  ["Country", "Immigrants", "Emigrants", "Population"],
  ["Austria", 1_797_667, 600_000, 9_006_000],
  ["Chad", null, null, null],
  ["France", 8_524_876, 2_000_000, 65_274_000],
  ["Germany", 15_762_457, 3_500_000, 83_784_000],
  ["Source: National Statistics Office, population register.", null, null, null],
  ["Note: figures for 2022 are provisional.", null, null, null],
];

/** A long list broken down by sex (T, M, F), as Eurostat publishes it: the T rows kept (the pane's choice of a value). */
const BY_SEX: CellValue[][] = [["origin", "destination", "sex", "flow"]];
for (const [o, d, f] of [["DE", "FR", 7000], ["FR", "DE", 6000], ["DE", "AT", 5000], ["AT", "DE", 2500], ["FR", "AT", 1000]] as const) {
  for (const [sex, share] of [["T", 1], ["M", 0.4], [" f", 0.6]] as const) BY_SEX.push([o, d, sex, f * share]);
}

interface Report {
  readonly name: string;
  readonly plan: ReportPlan;
  readonly path: string;
  readonly sheetNames: readonly string[];
}

const reports: Report[] = [];
const results = new Map<string, { compared: number; mismatches: Mismatch[] }>();

async function write(name: string, values: CellValue[][], options: Partial<ReportOptions> = {}, choose: (d: Detection) => Detection = (d) => d): Promise<Report> {
  const block: SourceBlock = { sheet: "Data", top: 0, left: 0, values, provenance: "Data!A1" };
  const plan = planReport(block, choose(detect(block)), { mode: "native", now: ENGINE_NOW, ...options });
  const path = join(DIR, `r${reports.length + 1}.xlsx`);
  const { sheetNames } = await writeReportXlsx(plan, path, { source: block });
  const report = { name, plan, path, sheetNames: sheetNames.slice(1) };
  reports.push(report);
  return report;
}

const engineCases = ENGINE_CASES.filter((c) => c.cls !== "millionCells" && !c.expect.detectError && !c.expect.planError);

beforeAll(async () => {
  ensureLibreOffice();
  for (const c of engineCases) await write(`engine case: ${c.input}`, c.block());
  for (const [name, v] of Object.entries(LABEL_VARIANTS)) await write(`labels: ${name}`, v.values, v.stocks ? { stocks: v.stocks } : {});
  await write("country table with a bad cell of every kind", BAD_TABLE);
  for (const [name, v] of Object.entries(PERIOD_LISTS)) await write(`periods: ${name}`, v.values, v.period ? { period: v.period } : {});
  await write("country table with units in its headers", UNITS_TABLE);
  await write("matrix with its totals after the regions", NATIONAL_MATRIX);
  await write("matrix with columns in another order, a totals row and a one-sided label", MATRIX_REORDERED);
  await write("country table with notes under it", TABLE_WITH_NOTES);
  await write("long list by sex, T kept", BY_SEX, {}, (d) => ({ ...d, dimensionFilters: [{ col: 2, value: "T" }] }));
  await write("long list by sex, F kept", BY_SEX, {}, (d) => ({ ...d, dimensionFilters: [{ col: 2, value: "F" }] }));
  const copies = await recalculateAll(reports.map((r) => r.path));
  for (const [k, r] of reports.entries()) results.set(r.name, await compareWithFile(r.plan, r.sheetNames, copies[k]));
}, 300_000);

afterAll(() => {
  const all = [...results.values()];
  console.log(`LibreOffice parity: ${all.length} reports, ${all.reduce((n, r) => n + r.compared, 0)} formula cells compared, ${all.reduce((n, r) => n + r.mismatches.length, 0)} differ`);
});

test.each(engineCases.map((c) => [c.input]))("bad input, %s: every formula cell recalculates to the engine's value or error", (input) => {
  const r = results.get(`engine case: ${input}`)!;
  expect(r.mismatches).toEqual([]);
  expect(r.compared).toBeGreaterThan(0);
});

test.each(Object.keys(LABEL_VARIANTS).map((k) => [k]))("labels, %s: one region per label as Excel compares them, and LibreOffice agrees", (name) => {
  const { regions, total } = LABEL_VARIANTS[name];
  const report = reports.find((r) => r.name === `labels: ${name}`)!;
  const headline = Object.fromEntries(report.plan.headline.map((h) => [h.code, h.value]));
  expect([headline.regions, headline.totalFlows]).toEqual([regions, total]);
  const r = results.get(report.name)!;
  expect(r.mismatches).toEqual([]);
  expect(r.compared).toBeGreaterThan(20);
});

test.each(Object.keys(PERIOD_LISTS).map((k) => [k]))("periods, %s: one period's rows, and LibreOffice agrees", (name) => {
  const report = reports.find((r) => r.name === `periods: ${name}`)!;
  const headline = Object.fromEntries(report.plan.headline.map((h) => [h.code, h.value]));
  expect(headline.totalFlows).toBe(PERIOD_LISTS[name].total);
  expect(report.plan.sheets.find((s) => s.name === "Flow Matrix")!.tables[0].rows[0][1].native).toMatch(/\*\(TRIM\('Data'!\$C\$2:\$C\$\d+&""\)="[^"]+"\)/);
  const r = results.get(report.name)!;
  expect(r.mismatches).toEqual([]);
  expect(r.compared).toBeGreaterThan(20);
});

test("a country table with text, a negative, spaces, a blank, separators, a decimal comma, TRUE and '#N/A': every error as the engine cached it", () => {
  const report = reports.find((r) => r.name === "country table with a bad cell of every kind")!;
  const errors = report.plan.sheets[0].tables[0].rows.flatMap((row) => row.map((c) => c.value)).filter((v) => v !== null && typeof v === "object");
  // All four error codes occur, so the comparison covers each.
  expect(new Set(errors.map((e) => (e as { error: string }).error))).toEqual(new Set(["#VALUE!", "#NUM!", "#N/A", "#DIV/0!"]));
  const r = results.get(report.name)!;
  expect(r.mismatches).toEqual([]);
  expect(r.compared).toBeGreaterThan(60);
});

test("a country table whose headers state thousands and per cent: the formulas multiply as the engine did, and LibreOffice agrees", () => {
  const report = reports.find((r) => r.name === "country table with units in its headers")!;
  const table = report.plan.sheets[0].tables[0];
  const share = table.header.indexOf("Immigrants as share of population");
  expect(table.rows[0][share].value).toBe(1_797_667 / (9_006 * 1000));
  expect(table.rows[0][share].native).toContain("*1000");
  const r = results.get(report.name)!;
  expect(r.mismatches).toEqual([]);
  expect(r.compared).toBeGreaterThan(30);
});

test("a matrix with its totals row and column after the regions: the regions read in place, and LibreOffice agrees", () => {
  const report = reports.find((r) => r.name === "matrix with its totals after the regions")!;
  expect(report.plan.headline.find((h) => h.code === "totalFlows")?.value).toBe(3360);
  const r = results.get(report.name)!;
  expect(r.mismatches).toEqual([]);
  expect(r.compared).toBeGreaterThan(20);
});

test("a matrix with columns in another order, a totals row and labels on one side: read by label through live references, and LibreOffice agrees", () => {
  const report = reports.find((r) => r.name === "matrix with columns in another order, a totals row and a one-sided label")!;
  // true total: the off-diagonal flows between the four regions, added by hand (blanks are 0)
  expect(report.plan.headline.find((h) => h.code === "totalFlows")?.value).toBe(7000 + 5000 + 3000 + 6000 + 1000 + 2500 + 900 + 400 + 1500 + 4000 + 300);
  const copy = report.plan.sheets.find((s) => s.name === "Flow Matrix")!.tables[0];
  expect(copy.rows.map((row) => row[0].value)).toEqual(["Germany", "France", "Austria", "Belgium"]);
  expect(copy.rows[0][1].native).toBe("'Data'!F2");
  const r = results.get(report.name)!;
  expect(r.mismatches).toEqual([]);
  expect(r.compared).toBeGreaterThan(40);
});

test("a country table with note lines under it: the notes left out, the country without numbers kept, and LibreOffice agrees", () => {
  const report = reports.find((r) => r.name === "country table with notes under it")!;
  expect(report.plan.sheets[0].tables[0].rows.map((row) => row[0].value)).toEqual(["Austria", "Chad", "France", "Germany"]);
  const r = results.get(report.name)!;
  expect(r.mismatches).toEqual([]);
  expect(r.compared).toBeGreaterThan(20);
});

test.each([
  ["T", 7000 + 6000 + 5000 + 2500 + 1000],
  ["F", (7000 + 6000 + 5000 + 2500 + 1000) * 0.6],
])("a long list by sex with %s kept: the flow matrix's formulas read only those rows, and LibreOffice agrees", (sex, total) => {
  const report = reports.find((r) => r.name === `long list by sex, ${sex} kept`)!;
  expect(report.plan.headline.find((h) => h.code === "totalFlows")?.value).toBeCloseTo(total as number, 9);
  const r = results.get(report.name)!;
  expect(r.mismatches).toEqual([]);
  expect(r.compared).toBeGreaterThan(20);
});
