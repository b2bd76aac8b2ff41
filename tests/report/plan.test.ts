/**
 * The report engine's numbers equal the catalog functions' numbers on the same data: every
 * planned cell whose add-in formula is a catalog function over source cells is recomputed by
 * calling that function in the BUILT bundle with the referenced cells, as Excel would.
 */
import { columnIndex } from "../../src/report/address";
import { periodsOf } from "../../src/report/input-periods";
import { planFromInput } from "../../src/report/plan";
import { ReportInput } from "../../src/report/input";
import { CellValue, PlannedCell, ReportPlan } from "../../src/report/types";
import { loadBundle } from "../../scripts/lib/bundle";
import { CustomFunctionsError } from "../../scripts/lib/custom-functions-runtime";
import { sampleInput } from "../support/inputs";
import { readSample } from "../support/samples";

const cf = loadBundle();
const FILES = { erasmus: "erasmus-student-mobility-2012-13.csv", uk: "uk-interregional-flows-2018.csv", undesa: "undesa-migrant-stock-totals-1990-2020.csv", iab: "iab-emigration-rates-1980-2010.csv" } as const;

/** The source sheet "Data" as the CSV laid at A1. */
function dataSheet(name: keyof typeof FILES): CellValue[][] {
  return readSample(FILES[name]);
}

/** Evaluates `FN('Data'!B2:C3, 'Data'!D4, "word", …)` or `INDEX(FN(range), k)` over the data sheet with the bundle's function. */
function evaluateAddin(formula: string, data: CellValue[][]): unknown {
  const index = /^INDEX\((.+),(\d+)\)$/.exec(formula);
  if (index) {
    const inner = evaluateAddin(index[1], data) as unknown[][];
    return inner[Number(index[2]) - 1][0];
  }
  const m = /^([A-Z]+\.[A-Z]+)\((.*)\)$/.exec(formula);
  if (!m) return undefined;
  const args = m[2].split(",").map((a) => {
    const text = /^"(.*)"$/.exec(a); // a choice such as "independence"
    if (text) return text[1];
    const r = /^'Data'!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(a);
    if (!r) throw new Error(`not a reference to Data: ${a}`);
    const [top, left] = [Number(r[2]) - 1, columnIndex(r[1])];
    const [bottom, right] = r[3] ? [Number(r[4]) - 1, columnIndex(r[3])] : [top, left];
    return data.slice(top, bottom + 1).map((row) => row.slice(left, right + 1));
  });
  const fn = cf.registered.get(m[1]);
  if (!fn) throw new Error(`${m[1]} is not a catalog function`);
  while (args.length < cf.registered.get(m[1])!.length) args.push(null as never);
  return fn(...args);
}

/** The value Excel shows in the formula's own cell (the top-left of a spilled result). */
function shown(formula: string, data: CellValue[][]): unknown {
  const out = evaluateAddin(formula, data);
  return Array.isArray(out) ? out[0][0] : out;
}

function plannedCells(plan: ReportPlan): PlannedCell[] {
  return plan.sheets.flatMap((s) => [...s.cells.map((c) => c.cell), ...s.tables.flatMap((t) => [...t.rows.flat(), ...(t.totals ?? [])])]);
}

describe.each(["erasmus", "undesa", "iab"] as const)("%s: engine values equal the catalog functions on the source cells", (name) => {
  // A panel's report shows one period: one plan per period covers every row.
  const input = sampleInput(name) as ReportInput;
  const periods = input.shape === "matrix" ? [] : periodsOf(input).map((p) => p.key);
  const plans = (periods.length > 0 ? periods : [undefined]).map((period) => planFromInput(input, { mode: "addin", source: name, now: new Date(0), hostDrawsCharts: false, ...(period ? { period } : {}) }));
  const data = dataSheet(name);
  test("every cell with a catalog-function formula over the data", () => {
    let checked = 0;
    for (const c of plans.flatMap(plannedCells)) {
      if (!c.addin || !/^(INDEX\()?[A-Z]+\.[A-Z]+\(/.test(c.addin) || !c.addin.includes("'Data'!")) continue;
      const excel = shown(c.addin, data);
      if (excel instanceof CustomFunctionsError) expect(c.value).toEqual({ error: excel.code });
      else expect(c.value as number).toBeCloseTo(excel as number, 12);
      checked++;
    }
    expect(checked).toBeGreaterThan(name === "erasmus" ? 33 : 1000);
  });
});

test("Erasmus: the summary sheet's key figures and the UK row", () => {
  const plan = planFromInput(sampleInput("erasmus"), { mode: "native", source: "erasmus", now: new Date(0), hostDrawsCharts: false });
  const sheet = plan.sheets[0];
  const uk = sheet.tables[0].rows.find((r) => r[0].value === "UK")!;
  expect(uk.slice(1, 5).map((c) => c.value)).toEqual([14572, 27182, 41754, 12610]);
  expect(uk[7].value).toBe("net gain");
  expect(plan.headline).toEqual(expect.arrayContaining([{ code: "totalFlows", value: 268142 }]));
  expect(plan.sheets.map((s) => s.name)).toEqual(["Migration Summary", "Corridors", "Definitions"]);
});

test("UK: the long list is pivoted on a Flow Matrix sheet whose cells the summary references", () => {
  const plan = planFromInput(sampleInput("uk"), { mode: "native", source: "uk", now: new Date(0), hostDrawsCharts: false });
  expect(plan.sheets.map((s) => s.name)).toEqual(["Migration Summary", "Flow Matrix", "Corridors", "Definitions"]);
  const london = plan.sheets[0].tables[0].rows.find((r) => r[0].value === "London")!;
  expect(london[4].value).toBe(-103228);
  expect(london[1].native).toMatch(/^SUM\(\{\{Flow Matrix\}\}!/);
  expect(london[7].value).toBe("net drain");
});

test("a matrix with text or a negative flow is refused, naming the cells", () => {
  const input = sampleInput("erasmus") as Extract<ReportInput, { shape: "matrix" }>;
  const cells = input.cells.map((r) => [...r]);
  cells[0][1] = "n/a";
  cells[2][3] = -4;
  expect(() => planFromInput({ ...input, cells }, { mode: "native", source: "x", now: new Date(0), hostDrawsCharts: false })).toThrow(/C2 \("n\/a"\), E4 \(-4\)/);
});

test("labels that look like formulas are planned as plain text values", () => {
  const input: ReportInput = { shape: "matrix", sheet: "Data", labels: ["=SUM(A1)", "+44", "-x", "@x"], cells: [[0, 1, 2, 3], [1, 0, 2, 3], [1, 2, 0, 3], [1, 2, 3, 0]], top: 1, left: 1 };
  const plan = planFromInput(input, { mode: "native", source: "x", now: new Date(0), hostDrawsCharts: false });
  const labels = plan.sheets[0].tables[0].rows.map((r) => r[0]);
  expect(labels.map((c) => c.value)).toEqual(["=SUM(A1)", "+44", "-x", "@x"]);
  labels.forEach((c) => expect(c.native).toBeUndefined());
});

describe("from a block of cells through detection", () => {
  const { detect } = require("../../src/report/detect") as typeof import("../../src/report/detect");
  const { planReport } = require("../../src/report/plan") as typeof import("../../src/report/plan");
  test.each(["erasmus", "uk", "undesa", "iab"] as const)("%s: the same plan as from the hand-built input", (name) => {
    const values = dataSheet(name);
    const block = { sheet: "Data", top: 0, left: 0, values, provenance: name };
    const options = { mode: "native" as const, source: name, now: new Date(0) };
    const viaDetection = planReport(block, detect(block), options);
    const byHand = planFromInput(sampleInput(name), options);
    const strip = (p: ReportPlan) => p.sheets.filter((s) => s.name !== "Definitions");
    expect(strip(viaDetection)).toEqual(strip(byHand));
  });
  test("a block lower on the sheet, under a title row, references the right cells", () => {
    const values = [["Erasmus flows, 2012-13", null, null], [null, "A", "B"], ["A", 0, 5], ["B", 7, 0]] as CellValue[][];
    const block = { sheet: "My data", top: 9, left: 2, values, provenance: "x" };
    const plan = planReport(block, detect(block), { mode: "native", now: new Date(0) });
    const a = plan.sheets[0].tables[0].rows[0];
    expect(a[0].value).toBe("A");
    expect(a[1]).toMatchObject({ value: 5, native: "SUM('My data'!D12:E12)-SUM('My data'!D12)" });
  });
});
