/**
 * Reports for one period: a panel (a country table or a long list with a year or period
 * column) is reported for the latest period by default, or for the period asked for; a period
 * the data do not hold is refused naming those they do, and a time column with cells that are
 * not periods is refused naming the cells.
 */
import { detect } from "../../src/report/detect";
import { choosePeriod, periodsOf, tableForPeriod, UnknownPeriodError } from "../../src/report/input-periods";
import { LongInput, TableInput } from "../../src/report/input";
import { planFromInput, planReport } from "../../src/report/plan";
import type { CellValue, ReportPlan, SourceBlock } from "../../src/report/types";
import { sampleInput } from "../support/inputs";
import { readSample } from "../support/samples";
import { stockList } from "../support/stocks";

const OPTIONS = { mode: "native" as const, source: "test", now: new Date(0), hostDrawsCharts: true };
const blockOf = (values: CellValue[][], sheet = "Data"): SourceBlock => ({ sheet, top: 0, left: 0, values, provenance: `${sheet}!A1` });
const definitions = (plan: ReportPlan) => plan.sheets.find((s) => s.name === "Definitions")!.cells.map((c) => String(c.cell.value));
const summaryRows = (plan: ReportPlan) => plan.sheets[0].tables[0].rows;

describe("the IAB panel (a country table, 1980–2010 every five years)", () => {
  const csv = readSample("iab-emigration-rates-1980-2010.csv");
  const header = csv[0];
  const [yearCol, originCol, rateCol] = ["year", "origin", "high_rate"].map((h) => header.indexOf(h));
  /** Sheet rows (1-based) of a year's countries in the CSV, the "World" aggregate left out. */
  const rowsOf = (year: number) => csv.flatMap((r, k) => (k > 0 && r[yearCol] === year && r[originCol] !== "World" ? [k + 1] : []));
  const input = sampleInput("iab") as TableInput;

  test("seven periods, in time order", () => {
    expect(periodsOf(input).map((p) => p.key)).toEqual(["1980", "1985", "1990", "1995", "2000", "2005", "2010"]);
  });

  test("by default the report of the latest period: 2010's rows only, said in the title and on the Definitions sheet", () => {
    const plan = planFromInput(input, OPTIONS);
    const rows = summaryRows(plan);
    expect(rows).toHaveLength(rowsOf(2010).length);
    expect(rows.length).toBe(585); // 195 countries × 3 (men and women, men, women)
    const yearAt = plan.sheets[0].tables[0].header.indexOf("Year");
    expect(new Set(rows.map((r) => r[yearAt].value))).toEqual(new Set([2010]));
    expect(plan.sheets[0].cells[0].cell.value).toBe("Migration summary: test, 2010 (of 7 periods, 1980–2010)");
    expect(definitions(plan)).toContain(
      "The table holds 7 periods, 1980 to 2010; this report shows the latest, 2010 (its rows only). Build it for another period with --period on the command line or the period picker in the task pane.",
    );
    expect(plan.headline[0]).toEqual({ code: "period", value: "2010" });
  });

  test("period 1995: its rows, each input a live reference to its own source cell", () => {
    const plan = planFromInput(input, { ...OPTIONS, period: "1995" });
    const rows = summaryRows(plan);
    const sheetRows = rowsOf(1995);
    expect(rows).toHaveLength(sheetRows.length);
    const head = plan.sheets[0].tables[0].header;
    const rate = head.indexOf("Skilled emigration rate");
    // Column H of the CSV is high_rate: each row references its 1995 row of the source.
    expect(rateCol).toBe(7);
    expect(rows.map((r) => r[rate].native)).toEqual(sheetRows.map((k) => `'Data'!H${k}`));
    const afghanistan = rows.find((r) => r[0].value === "Afghanistan" && r[head.indexOf("Group")].value === "Male and Female")!;
    const source = csv.find((r) => r[originCol] === "Afghanistan" && r[yearCol] === 1995 && r[header.indexOf("gender")] === "Male and Female")!;
    expect(afghanistan[rate].value).toBe(source[rateCol]);
    expect(plan.sheets[0].cells[0].cell.value).toBe("Migration summary: test, 1995 (of 7 periods, 1980–2010)");
    expect(definitions(plan).join(" ")).toContain("this report shows the period asked for, 1995");
  });

  test("through detection, as the CLI and the pane plan it: the same 2010 report", () => {
    const block = blockOf(csv);
    const plan = planReport(block, detect(block), { ...OPTIONS, period: "2010" });
    expect(summaryRows(plan)).toHaveLength(585);
    expect(summaryRows(planReport(block, detect(block), OPTIONS))).toEqual(summaryRows(plan));
  });

  test("an unknown period is refused, naming the periods found", () => {
    expect(() => planFromInput(input, { ...OPTIONS, period: "2006" })).toThrow(new UnknownPeriodError("2006", ["1980", "1985", "1990", "1995", "2000", "2005", "2010"]));
    expect(() => planFromInput(input, { ...OPTIONS, period: "2006" })).toThrow('the data hold no period "2006"; the periods found are 1980, 1985, 1990, 1995, 2000, 2005, 2010');
  });
});

describe("UN DESA stocks (a country table, 1990–2020)", () => {
  test("the latest period by default, one row per country; 2005 on request", () => {
    const input = sampleInput("undesa") as TableInput;
    expect(periodsOf(input).map((p) => p.key)).toEqual(["1990", "1995", "2000", "2005", "2010", "2015", "2020"]);
    const latest = planFromInput(input, OPTIONS);
    expect(summaryRows(latest)).toHaveLength(235);
    // One row per country now: the table has its totals row again.
    expect(latest.sheets[0].tables[0].totals).toBeDefined();
    const y2005 = planFromInput(input, { ...OPTIONS, period: "2005" });
    expect(summaryRows(y2005)).toHaveLength(235);
    expect(summaryRows(y2005).map((r) => r[0].value)).toEqual(summaryRows(latest).map((r) => r[0].value));
  });
});

describe("a long list over several periods", () => {
  const values: CellValue[][] = [
    ["origin", "destination", "year0", "flow"],
    ["A", "B", 1990, 5],
    ["B", "A", 1990, 3],
    ["A", "B", "1995", 40],
    ["B", "A", " 1995 ", 60],
    ["C", "A", 1995, 10],
  ];
  const block = blockOf(values);

  test("the latest period by default; --period 1990 pivots that period's rows", () => {
    const latest = planReport(block, detect(block), OPTIONS);
    expect(latest.headline).toEqual(expect.arrayContaining([{ code: "period", value: "1995" }, { code: "totalFlows", value: 110 }]));
    const matrix = latest.sheets.find((s) => s.name === "Flow Matrix")!;
    expect(matrix.cells[0].cell.value).toBe("Flows from each origin (row) to each destination (column), 1995");
    expect(matrix.tables[0].rows[0][2].native).toContain(`*(TRIM('Data'!$C$2:$C$6&"")="1995")`);
    const first = planReport(block, detect(block), { ...OPTIONS, period: "1990" });
    expect(first.headline).toEqual(expect.arrayContaining([{ code: "period", value: "1990" }, { code: "totalFlows", value: 8 }]));
    expect(first.sheets.find((s) => s.name === "Flow Matrix")!.tables[0].header).toEqual(["Origin \\ destination", "A", "B"]);
  });

  test("a period asked for in another spelling of the same span is found", () => {
    const spans = blockOf([["origin", "destination", "period", "flow"], ["A", "B", "2012/13", 1], ["B", "A", "2012/13", 2], ["A", "B", "2013/14", 3], ["B", "A", "2013/14", 4]]);
    const plan = planReport(spans, detect(spans), { ...OPTIONS, period: "2012-13" });
    expect(plan.headline).toEqual(expect.arrayContaining([{ code: "period", value: "2012/13" }, { code: "totalFlows", value: 3 }]));
  });

  test("an unknown period is refused naming those found; a matrix has none", () => {
    expect(() => planReport(block, detect(block), { ...OPTIONS, period: "2000" })).toThrow('the data hold no period "2000"; the periods found are 1990, 1995');
    const matrix = blockOf([[null, "A", "B"], ["A", 0, 1], ["B", 2, 0]]);
    expect(() => planReport(matrix, detect(matrix), { ...OPTIONS, period: "2000" })).toThrow(UnknownPeriodError);
  });

  test("cells of the time column that are not periods (or blank, with several periods) stop the report, naming them", () => {
    const bad = blockOf([...values, ["C", "B", "n.d.", 4], ["B", "C", null, 2]]);
    expect(() => planReport(bad, detect(bad), OPTIONS)).toThrow(
      'the year or period column has cells that are not periods, so their rows cannot be placed in time: C7 ("n.d."), C8 (blank). Write a year (2010) or a period (1990-1995, 2012/13) in them, or unmap the column (year=, or "not used" in the task pane)',
    );
  });

  test("one period: no choice made, nothing said about periods", () => {
    const one = blockOf([["origin", "destination", "year", "flow"], ["A", "B", 2010, 5], ["B", "A", 2010, 3]]);
    const plan = planReport(one, detect(one), OPTIONS);
    expect(plan.headline.some((h) => h.code === "period")).toBe(false);
    expect(plan.sheets[0].cells[0].cell.value).toBe("Migration summary: test");
  });
});

describe("the stocks path reads periods the same way", () => {
  test("flows between the first and last period; a period cannot be chosen for them", () => {
    const block = blockOf(stockList());
    const plan = planReport(block, detect(block), { ...OPTIONS, stocks: "zero" });
    expect(plan.headline[0]).toEqual({ code: "estimatedFlows", value: { first: "2010", last: "2015", method: "zero" } });
    expect(plan.sheets.map((s) => s.name)).toContain("Stocks 2010");
    expect(() => planReport(block, detect(block), { ...OPTIONS, stocks: "zero", period: "2010" })).toThrow(/a single period cannot be chosen/);
  });
});

describe("choosePeriod and tableForPeriod", () => {
  const table: TableInput = {
    shape: "table",
    sheet: "S",
    rowsAt: [4, 5, 6, 7],
    rows: 4,
    columns: { region: { col: 0, values: ["A", "A", "B", "B"] }, year: { col: 1, values: [2000, "2010", 2000, 2010] }, immigrants: { col: 2, values: [1, 2, 3, 4] } },
  };

  test("the latest unless asked; the rows of a period keep their source rows", () => {
    expect(choosePeriod(table)).toMatchObject({ shown: { key: "2010" }, asked: false });
    expect(choosePeriod(table, " 2000 ")).toMatchObject({ shown: { key: "2000" }, asked: true });
    const t = tableForPeriod(table, choosePeriod(table).shown!);
    expect(t.rowsAt).toEqual([5, 7]);
    expect(t.columns.immigrants!.values).toEqual([2, 4]);
    expect(t.rows).toBe(2);
  });

  test("no time column: nothing to choose, and a period asked for is refused", () => {
    const list: LongInput = { shape: "long", sheet: "S", rowsAt: [1], rows: 1, origin: { col: 0, values: ["A"] }, destination: { col: 1, values: ["B"] }, flow: { col: 2, values: [1] } };
    expect(choosePeriod(list)).toEqual({ periods: [], asked: false });
    expect(() => choosePeriod(list, "2010")).toThrow('there is no period "2010" to report on: the data have no year or period column (map one, e.g. year=<header>)');
  });
});
