/**
 * The reports the test suites write, made again for the file checks (schema validation and
 * Excel's rules): every sample in every sharing mode, the sample workbook's sheets, flows from
 * stocks, awkward sheet names and labels, through the command line as users run it
 * (in-process, `run`).
 */
import { writeFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { SAMPLES, readSample } from "./samples";
import { stockList } from "./stocks";

export const MODES = ["native", "addin", "values"] as const;

export const SAMPLE_CSVS = ["erasmus-student-mobility-2012-13.csv", "uk-interregional-flows-2018.csv", "undesa-migrant-stock-totals-1990-2020.csv", "iab-emigration-rates-1980-2010.csv"];
export const SAMPLE_WORKBOOK = join(SAMPLES, "..", "sample-workbook.xlsx");
export const WORKBOOK_SHEETS = ["Erasmus 2012-13", "UK flows 2018", "UN DESA stocks", "IAB brain drain"];

/**
 * Source sheet names that trip a careless writer: a placeholder look-alike (the planner's
 * `{{name}}`), the name of a planned sheet, quotes, markup, an OOXML escape look-alike, leading
 * formula characters, non-Latin text, the 31-character maximum.
 */
export const AWKWARD_SHEETS = [
  "Data {{2020}}",
  "{{Definitions}}",
  "Migration Summary",
  `It's "R&D" <2020>`,
  "_x0041_ & ''q",
  "=SUM(A1) +44 -x @y",
  "Дані міграції 2020 · 数据",
  "A".repeat(31),
];

/** The CLI in this process; returns the report's path (fails the test with the CLI's message). */
export async function cliReport(dir: string, name: string, args: string[]): Promise<string> {
  const out = join(dir, name);
  const err: string[] = [];
  const code = await run([...args, "-o", out, "--force", "--quiet"], { stdout: () => undefined, stderr: (l) => err.push(l), now: () => new Date(Date.UTC(2026, 0, 2)) });
  if (code !== 0) throw new Error(`migration-report ${args.join(" ")} → exit ${code}: ${err.join("\n")}`);
  return out;
}

/** A workbook with the UK flows on a sheet of each given name. */
export async function workbookWithSheets(path: string, names: readonly string[]): Promise<void> {
  const rows = readSample("uk-interregional-flows-2018.csv");
  const wb = new ExcelJS.Workbook();
  for (const name of names) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  await wb.xlsx.writeFile(path);
}

/** Region labels that trip a careless writer: quotes, braces, brackets, markup, formula starts, control characters, 300 characters, non-Latin. */
export const AWKWARD_LABELS = [
  `"Quoted" 'region'`,
  "{{Definitions}} [x]",
  "R&D <b> & co",
  "=SUM(A1)",
  "+44 @home",
  "-minus\ttab\u0001ctl",
  `${"Long region name ".repeat(18)}end`, // 309 characters
  "Київська область",
  "_x0041_ literal",
];

function csvField(v: string | number): string {
  return typeof v === "number" ? String(v) : `"${v.replace(/"/g, '""')}"`;
}

/** A long flow list (origin, destination, flow) between the awkward labels, as CSV. */
export function awkwardLabelsCsv(path: string): void {
  const lines = ["origin,destination,flow"];
  AWKWARD_LABELS.forEach((o, i) => AWKWARD_LABELS.forEach((d, j) => i !== j && lines.push([o, d, 10 + ((i * 7 + j * 3) % 50)].map(csvField).join(","))));
  writeFileSync(path, lines.join("\n") + "\n");
}

/** The stock list of tests/support/stocks.ts as CSV. */
export function stocksCsv(path: string): void {
  writeFileSync(path, stockList().map((r) => r.map((v) => csvField(v as string | number)).join(",")).join("\n") + "\n");
}

/** Every report of the corpus, written into `dir`: their paths. */
export async function writeCorpus(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const csv of SAMPLE_CSVS) for (const mode of MODES) out.push(await cliReport(dir, `${csv}-${mode}.xlsx`, [join(SAMPLES, csv), "--mode", mode]));
  for (const sheet of WORKBOOK_SHEETS) for (const mode of MODES) out.push(await cliReport(dir, `workbook-${WORKBOOK_SHEETS.indexOf(sheet)}-${mode}.xlsx`, [SAMPLE_WORKBOOK, "--sheet", sheet, "--mode", mode]));
  const stocks = join(dir, "stocks.csv");
  stocksCsv(stocks);
  for (const method of ["zero", "return"]) for (const mode of MODES) out.push(await cliReport(dir, `stocks-${method}-${mode}.xlsx`, [stocks, "--stocks", method, "--mode", mode]));
  const awkward = join(dir, "awkward-sheets.xlsx");
  await workbookWithSheets(awkward, AWKWARD_SHEETS);
  for (const [k, sheet] of AWKWARD_SHEETS.entries()) for (const mode of MODES) out.push(await cliReport(dir, `sheet-${k}-${mode}.xlsx`, [awkward, "--sheet", sheet, "--mode", mode]));
  const labels = join(dir, "awkward-labels.csv");
  awkwardLabelsCsv(labels);
  for (const mode of MODES) out.push(await cliReport(dir, `labels-${mode}.xlsx`, [labels, "--mode", mode]));
  return out;
}
