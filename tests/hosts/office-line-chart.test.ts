/**
 * The task pane's host draws the Trends sheet's line chart as Excel would hold it: a line chart
 * whose first series is added with the chart and each further series added after it, every
 * series over the table's rows with the periods as categories, and a legend to tell them apart.
 */
import { range as rangeAddress } from "../../src/report/address";
import { applyOverrides, detect } from "../../src/report/detect";
import { planReport } from "../../src/report/plan";
import { readSelection, writeReport } from "../../src/hosts/office";
import { columnLetters } from "../../src/report/address";
import { ExcelDouble, installExcelDouble } from "../support/excel-double";
import { flowPanel } from "../support/panels";

let double: (ExcelDouble & { uninstall(): void }) | undefined;
afterEach(() => {
  double?.uninstall();
  double = undefined;
});

it("draws the Trends line chart with a series for the circulation index and one for the MEI, and a legend", async () => {
  const values = flowPanel().values;
  double = installExcelDouble({ sheets: [{ name: "Data", values }], selection: `Data!A1:${columnLetters(values[0].length - 1)}${values.length}` });
  const read = await readSelection();
  const plan = planReport(read.block, applyOverrides(read.block, detect(read.block), { map: { year: "period" } }), { mode: "native", now: new Date(0), hostDrawsCharts: true });
  const written = await writeReport(plan);
  const k = plan.sheets.findIndex((s) => s.name === "Trends");
  const planned = plan.sheets[k];
  const t = planned.tables[0];
  const ws = double.workbook.sheet(written.sheets[k])!;
  expect(ws.charts).toHaveLength(1);
  const [chart] = ws.charts;
  expect(chart).toMatchObject({ type: "Line", title: "Brain circulation index and MEI by period", legendVisible: true });
  const col = (h: string) => t.left + t.header.indexOf(h);
  const rows = (c: number) => `${written.sheets[k]}!${rangeAddress(t.top + 1, c, t.top + t.rows.length, c)}`;
  expect(chart.series).toEqual([
    { name: "Brain circulation index", values: rows(col("Brain circulation index")), categories: rows(col("Period")) },
    { name: "Migration effectiveness index (MEI)", values: rows(col("Migration effectiveness index (MEI)")), categories: rows(col("Period")) },
  ]);
  // The summary's bar chart keeps one series and no legend.
  expect(double.workbook.sheet(written.sheets[0])!.charts[0]).toMatchObject({ type: "BarClustered", legendVisible: false });
});
