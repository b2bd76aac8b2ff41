/**
 * --distances and --populations as a user runs them: migest's korea_gravity in a workbook with
 * Flows, Distances and Pop sheets (and a CSV of populations beside it); the report's key figures
 * against the values computed with migest in R; each refusal one line naming the option and the
 * cells or labels, with its exit code.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { parseArgs } from "../../src/cli/args";
import { EXIT } from "../../src/cli/errors";
import { excelRuleViolations } from "../support/excel-rules";
import { validateXlsx } from "../support/ooxml-schema";

jest.setTimeout(120_000);

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "migration-report.js");
const DIR = mkdtempSync(join(tmpdir(), "cli-region-"));
const korea = JSON.parse(readFileSync(join(ROOT, "tests", "fixtures", "peer-indices.json"), "utf8")).korea as {
  labels: string[];
  matrix: number[][];
  distances: number[][];
  populations: number[];
  impact: Record<string, number>;
  distance: Record<string, number>;
  independent: Record<string, number>;
};

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: DIR, encoding: "utf8", env: { ...process.env, MIGRATION_REPORT_DEBUG: "" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectRefused(r: { code: number | null; stderr: string }, code: number, message: RegExp): void {
  const lines = r.stderr.trim().split("\n");
  expect(lines[lines.length - 1]).toMatch(/^migration-report: /);
  expect(lines[lines.length - 1]).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.code).toBe(code);
}

/** The key figure's cell of a summary row: the first filled cell right of the label (which spans some columns). */
function valueCell(row: ExcelJS.Row): ExcelJS.Cell | undefined {
  for (let c = 2; c <= 16; c++) {
    const cell = row.getCell(c);
    if (cell.isMerged && cell.master.address !== cell.address) continue;
    if (cell.value !== null && cell.value !== undefined) return cell;
  }
  return undefined;
}

async function keyFigures(path: string): Promise<Map<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet("Migration Summary")!;
  const out = new Map<string, unknown>();
  ws.eachRow((row) => {
    const label = row.getCell(1).value;
    const v = valueCell(row)?.value as unknown;
    if (typeof label === "string") out.set(label, v && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : v);
  });
  return out;
}

const workbook = join(DIR, "korea.xlsx");
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const f = wb.addWorksheet("Flows");
  f.addRow(["", ...korea.labels]);
  korea.matrix.forEach((r, i) => f.addRow([korea.labels[i], ...r]));
  const d = wb.addWorksheet("Distances");
  // In reverse order, with a title above: matched by label.
  d.addRow(["Distances between centroids (km)"]);
  const rev = korea.labels.map((_l, i) => korea.labels.length - 1 - i);
  d.addRow(["km", ...rev.map((i) => korea.labels[i])]);
  rev.forEach((i) => d.addRow([korea.labels[i], ...rev.map((j) => korea.distances[i][j])]));
  const p = wb.addWorksheet("Pop");
  p.addRow(["region", "population"]);
  korea.populations.forEach((x, i) => p.addRow([korea.labels[i], x]));
  p.getCell("B5").value = "unknown";
  await wb.xlsx.writeFile(workbook);
  writeFileSync(join(DIR, "populations.csv"), ["population", ...korea.populations.map(String)].join("\n"));
});

test("parses --distances and --populations, and refuses them empty", () => {
  const parsed = parseArgs(["x.xlsx", "--distances", "Distances!A2:R19", "--populations=pop.csv"]);
  expect(parsed.kind === "run" && [parsed.options.distances, parsed.options.populations]).toEqual(["Distances!A2:R19", "pop.csv"]);
  expect(() => parseArgs(["x.xlsx", "--distances", " "])).toThrow(/--distances needs a range/);
});

test("a range of the workbook (labels in another order) and a CSV file: the distance and impact key figures are migest's", async () => {
  const out = join(DIR, "report.xlsx");
  const r = cli(workbook, "--sheet", "Flows", "--distances", "Distances!A2:R19", "--populations", "populations.csv", "-o", out);
  expect(r.stderr).toMatch(/read distances from sheet 'Distances' A2:R19/);
  expect(r.code).toBe(EXIT.ok);
  expect(r.stdout).toMatch(/sheets: Flows, Migration Summary, Corridors, Distances, Populations, Definitions/);
  const k = await keyFigures(out);
  expect(k.get("Index of preference")).toBeCloseTo(korea.impact.preference, 9);
  expect(k.get("Index of velocity")).toBeCloseTo(korea.impact.velocity, 9);
  expect(k.get("Mean migration distance")).toBeCloseTo(korea.distance.mean, 9);
  expect(k.get("Median migration distance")).toBeCloseTo(korea.independent.median_distance, 9);
  expect(k.get("Distance decay (Poisson model)")).toBeCloseTo(korea.distance.decay, 6);
  // The Distances and Populations sheets are valid SpreadsheetML and keep Excel's rules.
  expect(validateXlsx([out]).errors).toEqual([]);
  expect(excelRuleViolations(out)).toEqual([]);
});

test("add-in mode: the key figures call the catalog functions over the report's copies", async () => {
  const out = join(DIR, "addin.xlsx");
  const r = cli(workbook, "--sheet", "Flows", "--distances", "Distances!A2:R19", "--populations", "populations.csv", "--mode", "addin", "-o", out);
  expect(r.code).toBe(EXIT.ok);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const formulas: string[] = [];
  wb.getWorksheet("Migration Summary")!.eachRow((row) => {
    const v = valueCell(row)?.value as { formula?: string } | null | undefined;
    if (v && typeof v === "object" && v.formula) formulas.push(v.formula);
  });
  expect(formulas).toEqual(expect.arrayContaining(["_xldudf_MIGRATION_PREFERENCE('Flows'!$B$2:$R$18,'Populations'!$B$4:$B$20)", "_xldudf_MIGRATION_MEANDISTANCE('Flows'!$B$2:$R$18,'Distances'!$B$4:$R$20)"]));
  expect(excelRuleViolations(out)).toEqual([]);
});

test("refused, naming the cells: a population that is text", () => {
  expectRefused(cli(workbook, "--sheet", "Flows", "--populations", "Pop!A1:B18", "-o", join(DIR, "r2.xlsx")), EXIT.usage, /--populations Pop!A1:B18: the populations range on sheet 'Pop' has cells that are not populations .*B5 \(text "unknown"\)/);
});

test("refused, naming the labels: distances over a range whose labels do not pair up", () => {
  expectRefused(cli(workbook, "--sheet", "Flows", "--distances", "Distances!A2:Q18", "-o", join(DIR, "r3.xlsx")), EXIT.usage, /--distances Distances!A2:Q18: .*regions of the matrix missing from its first column: 'Seoul'/);
});

test("refused: distances for a country table", () => {
  const csv = join(DIR, "table.csv");
  writeFileSync(csv, "country,emigrants,immigrants\nA,1,2\nB,3,4\nC,5,6\n");
  writeFileSync(join(DIR, "three.csv"), "1\n2\n3\n");
  expectRefused(cli(csv, "--populations", "three.csv", "-o", join(DIR, "r7.xlsx")), EXIT.usage, /--populations three\.csv: distances and populations are matched with the regions of an origin × destination matrix or a flow list; this data is a country table/);
});

test("refused: a table without labels of the wrong size, an unknown sheet, something that is neither range nor file", () => {
  expectRefused(cli(workbook, "--sheet", "Flows", "--distances", "Distances!B3:Q18", "-o", join(DIR, "r4.xlsx")), EXIT.usage, /is 16 × 16 but the matrix has 17 regions/);
  expectRefused(cli(workbook, "--sheet", "Flows", "--distances", "Km!A1:R18", "-o", join(DIR, "r5.xlsx")), EXIT.range, /--distances Km!A1:R18: no sheet 'Km'/);
  expectRefused(cli(workbook, "--sheet", "Flows", "--populations", "pops.txt", "-o", join(DIR, "r6.xlsx")), EXIT.range, /--populations pops\.txt: 'pops\.txt' is neither a range/);
});
