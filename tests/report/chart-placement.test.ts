/**
 * Charts are placed, not piled: each sized by its bars and anchored beside the table it draws
 * from (when the sheet still prints one landscape page wide at full size) or below it, never
 * over a cell with content or another chart.
 */
import { chartRows, ChartSpec, placeCharts } from "../../src/report/chart-placement";
import { PlannedChart, PlannedSheet, PlannedTable } from "../../src/report/types";
import { planFromInput } from "../../src/report/plan";
import { TableInput } from "../../src/report/input";
import { sampleInput } from "../support/inputs";
import { SAMPLE_PLAN_NAMES, samplePlan } from "../support/sample-plans";

/** Each cell that holds something (tables' headers, rows, totals; free cells over their spans) as "row:col". */
function filled(sheet: Omit<PlannedSheet, "charts">): Set<string> {
  const out = new Set<string>();
  for (const t of sheet.tables) {
    const rows = [t.header.map((h) => ({ value: h })), ...t.rows, ...(t.totals ? [t.totals] : [])];
    rows.forEach((r, i) => r.forEach((c, j) => c.value !== null && out.add(`${t.top + i}:${t.left + j}`)));
  }
  for (const c of sheet.cells) if (c.cell.value !== null) for (let j = c.col; j < c.col + (c.span ?? 1); j++) out.add(`${c.row}:${j}`);
  return out;
}

/** The overlaps of the charts with content and with each other (empty when placed well). */
function clashes(sheet: PlannedSheet): string[] {
  const full = filled(sheet);
  const out: string[] = [];
  sheet.charts.forEach((c, k) => {
    for (let i = c.top; i < c.top + c.rows; i++) for (let j = c.left; j < c.left + c.cols; j++) if (full.has(`${i}:${j}`)) out.push(`${c.title} over ${i}:${j}`);
    sheet.charts.slice(k + 1).forEach((d) => {
      if (c.top < d.top + d.rows && d.top < c.top + c.rows && c.left < d.left + d.cols && d.left < c.left + c.cols) out.push(`${c.title} over ${d.title}`);
    });
  });
  return out;
}

/** Beside the table (from its header row, right of it) or below it (under its last row, from its first column). */
function besideOrBelow(c: PlannedChart, t: PlannedTable): "beside" | "below" | "elsewhere" {
  const bottom = t.top + 1 + t.rows.length + (t.totals ? 1 : 0);
  if (c.top === t.top && c.left > t.left + t.header.length - 1) return "beside";
  if (c.top >= bottom && c.left === t.left) return "below";
  return "elsewhere";
}

const table = (name: string, top: number, columns: number, rows: number): PlannedTable => ({
  name,
  top,
  left: 0,
  header: ["Region", ...Array.from({ length: columns - 1 }, (_, j) => `V${j}`)],
  rows: Array.from({ length: rows }, (_, i) => [{ value: `R${i}` }, ...Array.from({ length: columns - 1 }, () => ({ value: i, format: "count" as const }))]),
});
const spec = (t: string, title = `Chart of ${t}`): ChartSpec => ({ kind: "bar", title, table: t, categoryColumn: "Region", valueColumn: "V0" });
const base = (tables: PlannedTable[], widths: number[], cells: PlannedSheet["cells"] = []): Omit<PlannedSheet, "charts"> => ({ name: "S", cells, tables, widths, freezeRows: 0 });

test("a chart's height follows its bars: 15 to 45 rows", () => {
  expect([1, 12, 33, 60, 1000].map(chartRows)).toEqual([15, 15, 34, 45, 45]);
});

test("beside a narrow table, one column apart, clear of a text in the rows it takes", () => {
  const sheet = base([table("T", 4, 3, 12)], [12, 12, 12], [{ row: 5, col: 4, cell: { value: "a note", style: "note" } }]);
  const [c] = placeCharts(sheet, [spec("T")]);
  // 3 × 89 px + 10 × 64 px (default widths) = 907 px, within a landscape page's 921.
  expect(c).toMatchObject({ top: 4, left: 6, rows: 15, cols: 7 });
  expect(clashes({ ...sheet, charts: [c] })).toEqual([]);
});

test("below a table too wide to have it beside on a landscape page; a second chart below the first", () => {
  const sheet = base([table("T", 2, 10, 20)], Array.from({ length: 10 }, () => 14));
  const charts = placeCharts(sheet, [spec("T", "first"), spec("T", "second")]);
  expect(charts.map((c) => besideOrBelow(c, sheet.tables[0]))).toEqual(["below", "below"]);
  expect(charts[0]).toMatchObject({ top: 2 + 1 + 20 + 1, left: 0, rows: chartRows(20), cols: 5 }); // 5 × 103 px ≥ 448
  expect(charts[1].top).toBe(charts[0].top + charts[0].rows + 1);
  expect(clashes({ ...sheet, charts })).toEqual([]);
});

test("two tables one above the other: the first chart beside its table reaches the second's rows, so the second goes below", () => {
  const sheet = base([table("A", 0, 2, 10), table("B", 12, 2, 5)], [12, 12]);
  const charts = placeCharts(sheet, [spec("A"), spec("B")]);
  expect(charts.map((c, k) => besideOrBelow(c, sheet.tables[k]))).toEqual(["beside", "below"]);
  expect(charts[0]).toMatchObject({ top: 0, left: 3, rows: 15 }); // rows 1 to 15, past table B's header (row 13)
  expect(charts[1]).toMatchObject({ top: 19, left: 0 }); // under table B (rows 13 to 18)
  expect(clashes({ ...sheet, charts })).toEqual([]);
});

test("a chart naming a table the sheet does not have is a planner's mistake", () => {
  expect(() => placeCharts(base([table("T", 0, 2, 3)], []), [spec("Other")])).toThrow(/table Other/);
});

describe.each(SAMPLE_PLAN_NAMES)("%s", (name) => {
  const plan = samplePlan(name);
  test("each chart beside or below its table, over no content and no other chart", () => {
    for (const s of plan.sheets) {
      expect([s.name, clashes(s)]).toEqual([s.name, []]);
      for (const c of s.charts) {
        const t = s.tables.find((x) => x.name === c.table)!;
        expect([s.name, c.title, besideOrBelow(c, t)]).not.toContainEqual("elsewhere");
        expect(c.rows).toBe(chartRows(t.rows.length));
      }
    }
  });
});

test("the samples with few enough regions have their chart (Erasmus, UK, stocks), below their summary table", () => {
  for (const name of ["erasmus", "uk", "stocks"] as const) {
    const s = samplePlan(name).sheets[0];
    expect([name, s.charts.map((c) => besideOrBelow(c, s.tables[0]))]).toEqual([name, ["below"]]);
  }
});

test("a country table of a few regions: its bar chart below the indicators, clear of them", () => {
  const all = sampleInput("undesa") as TableInput;
  const keep = all.columns.year!.values.map((y, r) => (y === 2020 ? r : -1)).filter((r) => r >= 0).slice(0, 12);
  const columns = Object.fromEntries(Object.entries(all.columns).map(([role, c]) => [role, { col: c!.col, values: keep.map((r) => c!.values[r]) }]));
  const input: TableInput = { ...all, rows: keep.length, rowsAt: keep.map((r) => all.rowsAt[r]), columns };
  const sheet = planFromInput(input, { mode: "native", source: "t", now: new Date(0), hostDrawsCharts: true }).sheets[0];
  expect(sheet.charts).toHaveLength(1);
  expect(besideOrBelow(sheet.charts[0], sheet.tables[0])).toBe("below"); // the indicators are too wide to have it beside on a landscape page
  expect(clashes(sheet)).toEqual([]);
});
