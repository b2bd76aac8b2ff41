/**
 * Flows estimated from migrant stocks, as the task pane offers them: when the
 * option appears (a long list whose mapped year column holds two or more years), what the
 * controller passes to planReport, and the words in both languages. The DOM side is in
 * tests/browser/taskpane.test.ts.
 */
import { headlineLabel } from "../../src/messages/headline";
import { stockList } from "../support/stocks";
import { detect } from "../../src/report/detect";
import * as planModule from "../../src/report/plan";
import type { CellValue, ReportPlan, SourceBlock } from "../../src/report/types";
import { Controller, PaneHost } from "../../src/taskpane/controller";
import { STRINGS } from "../../src/taskpane/i18n";
import { detectionFor, NO_STOCKS, Selection, stocksFor, stockYearsOf, withColumnRole, withShape } from "../../src/taskpane/state";
import { readSample } from "../support/samples";

const values: CellValue[][] = stockList();
const block: SourceBlock = { sheet: "Stocks", top: 0, left: 0, values, provenance: "Stocks!A1:D13" };

function selectionOf(b: SourceBlock): Selection {
  return { block: b, address: `${b.sheet}!A1`, sheet: b.sheet, detected: detect(b) };
}

function estimated(plan: ReportPlan): unknown[][] {
  const sheet = plan.sheets.find((s) => s.name === "Estimated Flows")!;
  return sheet.tables[0].rows.map((r) => r.map((c) => c.value));
}

/** A host that hands over `read` and keeps the plans it is asked to write. */
function fakeHost(read: SourceBlock): PaneHost & { plans: ReportPlan[] } {
  const plans: ReportPlan[] = [];
  return {
    plans,
    readSelection: async () => ({ block: read, address: `${read.sheet}!A1:D${read.values.length}`, sheet: read.sheet }),
    writeReport: async (plan) => {
      plans.push(plan);
      return { sheets: plan.sheets.map((s) => s.name), activated: plan.sheets[0].name, syncs: 1, largestRequestBytes: 1 };
    },
  };
}

async function paneWith(read: SourceBlock) {
  const host = fakeHost(read);
  const controller = new Controller(host, "en", () => new Date(0));
  const causes: string[] = [];
  controller.subscribe((_, cause) => causes.push(cause));
  controller.setEnvironment("excel");
  await controller.useSelection();
  return { host, controller, causes };
}

describe("when the option appears", () => {
  const stocks = selectionOf(block);

  test("a long list whose year column holds two years: offered, between the first and the last year", () => {
    expect(stocks.detected.shape).toBe("long");
    expect(stockYearsOf(stocks, stocks.detected)).toEqual(["2010", "2015"]);
    // Three years: still the first and the last.
    const three = selectionOf({ ...block, values: [...values, ["A", "B", 2012, 110]] });
    expect(stockYearsOf(three, three.detected)).toEqual(["2010", "2015"]);
  });

  test("one year, no year column, or the year column unmapped: not offered", () => {
    const oneYear = selectionOf({ ...block, values: values.slice(0, 7) });
    expect(oneYear.detected.shape).toBe("long");
    expect(stockYearsOf(oneYear, oneYear.detected)).toBeUndefined();

    const uk = selectionOf({ sheet: "Data", top: 0, left: 0, values: readSample("uk-interregional-flows-2018.csv") as CellValue[][], provenance: "Data!A1" });
    expect(uk.detected.shape).toBe("long");
    expect(stockYearsOf(uk, uk.detected)).toBeUndefined();

    const noYear = detectionFor(stocks, withColumnRole({ roles: {} }, stocks.detected, 2, null));
    expect(noYear.columns.some((c) => c.role === "year")).toBe(false);
    expect(stockYearsOf(stocks, noYear)).toBeUndefined();
  });

  test("a list the report cannot read yet (no flow column) or another shape: not offered", () => {
    const noFlow = detectionFor(stocks, withColumnRole({ roles: {} }, stocks.detected, 3, null));
    expect(stockYearsOf(stocks, noFlow)).toBeUndefined();
    const table = detectionFor(stocks, withShape(stocks, "table"));
    expect(table.shape).toBe("table");
    expect(stockYearsOf(stocks, table)).toBeUndefined();
  });

  test("the report is asked for stocks only when offered and checked", () => {
    const years = ["2010", "2015"] as const;
    expect(stocksFor({ stockYears: years, stocks: NO_STOCKS })).toBeUndefined();
    expect(stocksFor({ stockYears: years, stocks: { estimate: true, method: "return" } })).toBe("return");
    expect(stocksFor({ stockYears: undefined, stocks: { estimate: true, method: "return" } })).toBeUndefined();
  });
});

describe("what the controller passes to planReport", () => {
  let spy: jest.SpyInstance;
  /** The options of the latest call to planReportAsync (the pane plans in chunks; same steps as planReport). */
  const lastOptions = () => spy.mock.calls[spy.mock.calls.length - 1][2];
  beforeEach(() => (spy = jest.spyOn(planModule, "planReportAsync")));
  afterEach(() => spy.mockRestore());

  test("unchecked by default: the usual report, no stocks", async () => {
    const { host, controller } = await paneWith(block);
    expect(controller.state.stockYears).toEqual(["2010", "2015"]);
    expect(controller.state.stocks).toEqual({ estimate: false, method: "zero" });
    await controller.build();
    expect(controller.state.failure).toBeUndefined();
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0][2]).not.toHaveProperty("stocks");
    expect(host.plans[0].sheets.map((s) => s.name)).not.toContain("Estimated Flows");
  });

  test("checked with “return”: planReport gets stocks: \"return\" and the Estimated Flows sheet is written", async () => {
    const { host, controller, causes } = await paneWith(block);
    controller.setEstimateFlows(true);
    controller.setStocksMethod("return");
    expect(causes.slice(-2)).toEqual(["stocks", "stocks"]);
    await controller.build();
    expect(controller.state.failure).toBeUndefined();
    expect(spy.mock.calls[0][2]).toMatchObject({ mode: "native", hostDrawsCharts: true, stocks: "return" });
    const plan = host.plans[0];
    expect(plan.sheets.map((s) => s.name)).toEqual(["Migration Summary", "Stocks 2010", "Stocks 2015", "Estimated Flows", "Corridors", "Definitions"]);
    expect(estimated(plan)).toEqual([
      ["A", 0, 30, 5],
      ["B", 0, 0, 15],
      ["C", 10, 20, 0],
    ]);
    expect(plan).toEqual(planModule.planReport(block, detect(block), { mode: "native", now: new Date(0), hostDrawsCharts: true, stocks: "return" }));
    expect(controller.state.result?.headline[0]).toEqual({ code: "estimatedFlows", value: { first: "2010", last: "2015", method: "return" } });
    // A change of method drops the result shown: it no longer describes what would be built.
    controller.setStocksMethod("zero");
    expect(controller.state.result).toBeUndefined();
    await controller.build();
    expect(lastOptions()).toMatchObject({ stocks: "zero" });
    expect(estimated(host.plans[1])).toEqual([
      ["A", 0, 30, 0],
      ["B", 0, 0, 15],
      ["C", 0, 20, 0],
    ]);
  });

  test("the method is kept while unchecked; unmapping the year hides the option and nothing is passed", async () => {
    const { host, controller } = await paneWith(block);
    controller.setStocksMethod("return");
    expect(controller.state.stocks).toEqual({ estimate: false, method: "return" });
    controller.setEstimateFlows(true);
    controller.chooseRole(2, null);
    expect(controller.state.stockYears).toBeUndefined();
    expect(controller.state.stocks.estimate).toBe(true);
    await controller.build();
    expect(spy.mock.calls[0][2]).not.toHaveProperty("stocks");
    // Without its year the list repeats each pair once a year: adding the years up would count
    // people twice, so the report is refused, naming the year column, and nothing is written.
    expect(host.plans).toHaveLength(0);
    expect(String((controller.state.failure?.error as Error).message)).toMatch(/column C 'year'/);
    // The year back: offered again, with the user's pick.
    controller.chooseRole(2, "year");
    expect(controller.state.stockYears).toEqual(["2010", "2015"]);
    await controller.build();
    expect(spy.mock.calls[1][2]).toMatchObject({ stocks: "return" });
    expect(host.plans[0].sheets.map((s) => s.name)).toContain("Estimated Flows");
  });

  test("a new selection starts unchecked again", async () => {
    const { controller } = await paneWith(block);
    controller.setEstimateFlows(true);
    await controller.useSelection();
    expect(controller.state.stocks).toEqual(NO_STOCKS);
    expect(controller.state.stockYears).toEqual(["2010", "2015"]);
  });
});

test("the option's words in both languages: the years, and one sentence per method", () => {
  expect(STRINGS.en.stocksEstimate("2010", "2015")).toBe("These are migrant stocks (by place of birth and residence): estimate flows between 2010 and 2015");
  expect(STRINGS.uk.stocksEstimate("2010", "2015")).toBe("Це чисельність мігрантів (за місцем народження й місцем проживання): оцінити потоки між 2010 і 2015 роками");
  for (const lang of ["en", "uk"] as const) {
    const s = STRINGS[lang];
    for (const text of [s.stocksTitle, s.stocksHint, s.stocksMethodLegend]) expect(text).toMatch(/\S/);
    for (const m of ["zero", "return"] as const) {
      expect(s.stocksMethods[m].name).toContain(m);
      expect(s.stocksMethods[m].desc.split(/[.!?](\s|$)/).filter((x) => x && x.trim()).length).toBe(1);
    }
  }
  expect(headlineLabel({ code: "estimatedFlows", value: { first: "2010", last: "2015", method: "zero" } }, "uk", true)).toBe("Оцінені потоки");
});
