/**
 * The distance and impact key figures recalculate in LibreOffice to what the engine cached:
 * reports of migest's korea_gravity (17 regions, with distances and populations) written by the
 * .xlsx host, in native mode, with the report's copies as values (the command line) and as
 * references to the source cells (the task pane), and with a zero distance and a zero
 * population, whose errors must agree too.
 */
import { readFileSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { writeReportXlsx } from "../../src/hosts/xlsx";
import { detect } from "../../src/report/detect";
import { planReport } from "../../src/report/plan";
import type { RegionDataRequest } from "../../src/report/region-data";
import type { CellValue, ReportPlan, SharingMode, SourceBlock } from "../../src/report/types";
import { compareWithFile, Mismatch } from "../support/compare-plan";
import { ensureLibreOffice, recalculateAll } from "../support/libreoffice";

jest.setTimeout(300_000);

const DIR = mkdtempSync(join(tmpdir(), "lo-region-"));
const korea = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "peer-indices.json"), "utf8")).korea as {
  labels: string[];
  matrix: number[][];
  distances: number[][];
  populations: number[];
};
const NOW = new Date("2026-01-01T00:00:00Z");
const n = korea.labels.length;

/** The matrix with labels at A1, and below it (row 21) the distances with labels and (column T) the populations. */
function sourceValues(distances: number[][], populations: number[]): CellValue[][] {
  const width = n + 4;
  const rows: CellValue[][] = [];
  const put = (r: number, c: number, v: CellValue) => {
    while (rows.length <= r) rows.push(new Array<CellValue>(width).fill(null));
    rows[r][c] = v;
  };
  korea.labels.forEach((l, j) => put(0, j + 1, l));
  korea.matrix.forEach((row, i) => {
    put(i + 1, 0, korea.labels[i]);
    row.forEach((v, j) => put(i + 1, j + 1, v));
  });
  korea.labels.forEach((l, j) => put(20, j + 1, l));
  distances.forEach((row, i) => {
    put(21 + i, 0, korea.labels[i]);
    row.forEach((v, j) => put(21 + i, j + 1, v));
  });
  populations.forEach((p, i) => {
    put(i + 1, n + 2, korea.labels[i]);
    put(i + 1, n + 3, p);
  });
  return rows;
}

const sub = (values: CellValue[][], top: number, left: number, rows: number, cols: number): SourceBlock => ({
  sheet: "Data",
  top,
  left,
  values: values.slice(top, top + rows).map((r) => r.slice(left, left + cols)),
  provenance: `Data!${top},${left}`,
});

interface Case {
  readonly name: string;
  readonly plan: ReportPlan;
  readonly path: string;
  readonly sheetNames: readonly string[];
}

const cases: Case[] = [];
const results = new Map<string, { compared: number; mismatches: Mismatch[] }>();

async function write(name: string, distances: number[][], populations: number[], live: boolean, mode: SharingMode = "native"): Promise<void> {
  const values = sourceValues(distances, populations);
  const matrix = sub(values, 0, 0, n + 1, n + 1);
  const regionData: RegionDataRequest = { distances: sub(values, 20, 0, n + 1, n + 1), populations: sub(values, 1, n + 2, n, 2), live };
  const plan = planReport(matrix, detect(matrix), { mode, now: NOW, regionData });
  const path = join(DIR, `r${cases.length + 1}.xlsx`);
  const source: SourceBlock = { sheet: "Data", top: 0, left: 0, values, provenance: "Data" };
  const { sheetNames } = await writeReportXlsx(plan, path, { source });
  cases.push({ name, plan, path, sheetNames: sheetNames.slice(1) });
}

/** korea_gravity as a long list (pivoted on a Flow Matrix sheet), the distances with labels in reverse order, copied as values. */
async function writeList(): Promise<void> {
  const values: CellValue[][] = [["origin", "destination", "flow"]];
  korea.matrix.forEach((r, i) => r.forEach((v, j) => i !== j && values.push([korea.labels[i], korea.labels[j], v])));
  const list: SourceBlock = { sheet: "List", top: 0, left: 0, values, provenance: "List" };
  const rev = korea.labels.map((_l, i) => n - 1 - i);
  const distances: SourceBlock = { sheet: "Km", top: 0, left: 0, values: [[null, ...rev.map((i) => korea.labels[i])], ...rev.map((i) => [korea.labels[i], ...rev.map((j) => korea.distances[i][j])])], provenance: "Km" };
  const populations: SourceBlock = { sheet: "Pop", top: 0, left: 0, values: rev.map((i) => [korea.labels[i], korea.populations[i]]), provenance: "Pop" };
  const plan = planReport(list, detect(list), { mode: "native", now: NOW, regionData: { distances, populations } });
  const path = join(DIR, `r${cases.length + 1}.xlsx`);
  const { sheetNames } = await writeReportXlsx(plan, path, { source: list });
  cases.push({ name: "a flow list, distances and populations in another order", plan, path, sheetNames: sheetNames.slice(1) });
}

const zeroDistance = korea.distances.map((r, i) => r.map((v, j) => (i === 0 && j === 1 ? 0 : v)));
const zeroPopulation = korea.populations.map((p, i) => (i === 7 ? 0 : p));

beforeAll(async () => {
  ensureLibreOffice();
  await write("copies as values", korea.distances, korea.populations, false);
  await write("copies referencing the source cells", korea.distances, korea.populations, true);
  await write("a zero distance and a zero population", zeroDistance, zeroPopulation, true);
  await writeList();
  const copies = await recalculateAll(cases.map((c) => c.path));
  for (const [k, c] of cases.entries()) results.set(c.name, await compareWithFile(c.plan, c.sheetNames, copies[k]));
}, 300_000);

afterAll(() => {
  const all = [...results.values()];
  console.log(`LibreOffice, distance and impact key figures: ${all.length} reports, ${all.reduce((s, r) => s + r.compared, 0)} formula cells compared, ${all.reduce((s, r) => s + r.mismatches.length, 0)} differ`);
});

function keyFigure(plan: ReportPlan, label: string) {
  const cells = plan.sheets[0].cells;
  const at = cells.find((c) => c.col === 0 && c.cell.value === label);
  if (!at) throw new Error(`no key figure ${label}`);
  return cells.find((c) => c.row === at.row && c.cell.style === "keyValue")!.cell;
}

test.each([["copies as values"], ["copies referencing the source cells"], ["a zero distance and a zero population"], ["a flow list, distances and populations in another order"]])("%s: every formula cell recalculates to the engine's value", (name) => {
  const r = results.get(name)!;
  expect(r.mismatches).toEqual([]);
  expect(r.compared).toBeGreaterThan(100);
});

test("the impact and mean-distance key figures are live formulas; the median and the decay are values", () => {
  const plan = cases[0].plan;
  for (const label of ["Aggregate net migration rate (ANMR)", "Index of preference", "Index of velocity", "Mean migration distance"]) expect(keyFigure(plan, label).native).toBeDefined();
  for (const label of ["Median migration distance", "Distance decay (Poisson model)"]) expect(keyFigure(plan, label).native).toBeUndefined();
});

test("a flow list's key figures are the matrix's", () => {
  const list = cases[3].plan;
  for (const label of ["Index of preference", "Index of velocity", "Mean migration distance", "Median migration distance", "Distance decay (Poisson model)"]) {
    expect(keyFigure(list, label).value).toBeCloseTo(keyFigure(cases[0].plan, label).value as number, 9);
  }
});

test("a zero distance makes the decay #NUM! and a zero population the preference and velocity #DIV/0!, in the engine and in LibreOffice alike", () => {
  const plan = cases[2].plan;
  expect(keyFigure(plan, "Distance decay (Poisson model)").value).toEqual({ error: "#NUM!" });
  expect(keyFigure(plan, "Index of preference").value).toEqual({ error: "#DIV/0!" });
  expect(keyFigure(plan, "Index of velocity").value).toEqual({ error: "#DIV/0!" });
  expect(typeof keyFigure(plan, "Mean migration distance").value).toBe("number");
});
