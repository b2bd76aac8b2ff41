/**
 * The task pane and the periods of a panel: what it finds (the periods of the mapped year or
 * period column), the period picker's choice as the controller passes it to planReport (the
 * latest by default, the same plan as the command line's), and the words in both languages.
 * The DOM side is in tests/browser/taskpane.test.ts.
 */
import { headlineLabel } from "../../src/messages/headline";
import { detect } from "../../src/report/detect";
import { UnknownPeriodError } from "../../src/report/input-periods";
import * as planModule from "../../src/report/plan";
import type { ReportPlan, SourceBlock } from "../../src/report/types";
import { Controller, PaneHost } from "../../src/taskpane/controller";
import { describeError } from "../../src/taskpane/errors";
import { STRINGS } from "../../src/taskpane/i18n";
import { periodFor, periodsFoundOf, Selection } from "../../src/taskpane/state";
import { readSample } from "../support/samples";
import { stockList } from "../support/stocks";

const iab: SourceBlock = { sheet: "IAB", top: 0, left: 0, values: readSample("iab-emigration-rates-1980-2010.csv"), provenance: "IAB!A1" };
const IAB_PERIODS = ["1980", "1985", "1990", "1995", "2000", "2005", "2010"];

function fakeHost(read: SourceBlock): PaneHost & { plans: ReportPlan[] } {
  const plans: ReportPlan[] = [];
  return {
    plans,
    readSelection: async () => ({ block: read, address: `${read.sheet}!A1`, sheet: read.sheet }),
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

describe("the periods found", () => {
  test("the IAB table: seven periods; a table without a year column, or a matrix: none", () => {
    const sel: Selection = { block: iab, address: "A1", sheet: "IAB", detected: detect(iab) };
    expect(periodsFoundOf(sel, sel.detected)).toEqual(IAB_PERIODS);
    const erasmus: SourceBlock = { sheet: "E", top: 0, left: 0, values: readSample("erasmus-student-mobility-2012-13.csv"), provenance: "E!A1" };
    expect(periodsFoundOf({ block: erasmus, address: "A1", sheet: "E", detected: detect(erasmus) }, detect(erasmus))).toBeUndefined();
    const uk: SourceBlock = { sheet: "U", top: 0, left: 0, values: readSample("uk-interregional-flows-2018.csv"), provenance: "U!A1" };
    expect(periodsFoundOf({ block: uk, address: "A1", sheet: "U", detected: detect(uk) }, detect(uk))).toBeUndefined();
  });

  test("shown as a count and a span, in both languages", () => {
    expect(STRINGS.en.periodsFound(7, "1980", "2010")).toBe("7 periods, 1980–2010");
    expect(STRINGS.uk.periodsFound(7, "1980", "2010")).toBe("Періодів: 7, 1980–2010");
    expect(STRINGS.en.periodsFound(1, "2018", "2018")).toBe("1 period, 2018");
    expect(STRINGS.en.periodLatest("2010")).toBe("2010 (latest)");
    expect(STRINGS.uk.periodLatest("2010")).toBe("2010 (останній)");
    expect(headlineLabel({ code: "period", value: "2010" }, "uk", true)).toBe("Період");
    for (const lang of ["en", "uk"] as const) for (const text of [STRINGS[lang].periodsTitle, STRINGS[lang].periodLabel, STRINGS[lang].periodHint, STRINGS[lang].problemKinds.period]) expect(text).toMatch(/\S/);
  });
});

describe("what the controller passes to planReport", () => {
  let spy: jest.SpyInstance;
  beforeEach(() => (spy = jest.spyOn(planModule, "planReportAsync")));
  afterEach(() => spy.mockRestore());

  test("by default no period is asked for: the latest, as on the command line", async () => {
    const { host, controller } = await paneWith(iab);
    expect(controller.state.periods).toEqual(IAB_PERIODS);
    expect(controller.state.period).toBeUndefined();
    await controller.build();
    expect(controller.state.failure).toBeUndefined();
    expect(spy.mock.calls[0][2]).not.toHaveProperty("period");
    expect(host.plans[0].headline[0]).toEqual({ code: "period", value: "2010" });
  });

  test("a period picked: planReport gets it, and the plan is the command line's for --period", async () => {
    const { host, controller, causes } = await paneWith(iab);
    controller.setPeriod("1995");
    expect(causes[causes.length - 1]).toBe("period");
    await controller.build();
    expect(spy.mock.calls[0][2]).toMatchObject({ period: "1995" });
    expect(host.plans[0]).toEqual(planModule.planReport(iab, detect(iab), { mode: "native", now: new Date(0), hostDrawsCharts: true, period: "1995" }));
    expect(host.plans[0].sheets[0].cells[0].cell.value).toBe("Migration summary: IAB!A1, 1995 (of 7 periods, 1980–2010)");
    // A new pick drops the result shown; a period the data do not hold is ignored.
    controller.setPeriod("1980");
    expect(controller.state.result).toBeUndefined();
    controller.setPeriod("1981");
    expect(controller.state.period).toBe("1980");
    // Back to the latest.
    controller.setPeriod(undefined);
    await controller.build();
    expect(spy.mock.calls[1][2]).not.toHaveProperty("period");
  });

  test("the pick is kept while the time column stays; unmapping it drops the periods and the pick", async () => {
    const { controller } = await paneWith(iab);
    controller.setPeriod("2000");
    const lowRate = controller.state.detection!.columns.find((c) => c.header === "low_rate")!.index;
    controller.chooseRole(lowRate, null);
    expect(controller.state.period).toBe("2000");
    const year = controller.state.detection!.columns.find((c) => c.role === "year")!.index;
    controller.chooseRole(year, null);
    expect(controller.state.periods).toBeUndefined();
    expect(controller.state.period).toBeUndefined();
    // A new selection starts from the latest again.
    controller.chooseRole(year, "year");
    controller.setPeriod("2000");
    await controller.useSelection();
    expect(controller.state.period).toBeUndefined();
  });

  test("flows estimated from stocks span the first and last period: no period is passed with them", async () => {
    const stocks: SourceBlock = { sheet: "Stocks", top: 0, left: 0, values: stockList(), provenance: "Stocks!A1" };
    const { controller } = await paneWith(stocks);
    expect(controller.state.periods).toEqual(["2010", "2015"]);
    controller.setPeriod("2010");
    expect(periodFor(controller.state)).toBe("2010");
    controller.setEstimateFlows(true);
    expect(periodFor(controller.state)).toBeUndefined();
    await controller.build();
    expect(controller.state.failure).toBeUndefined();
    expect(spy.mock.calls[0][2]).not.toHaveProperty("period");
    expect(spy.mock.calls[0][2]).toMatchObject({ stocks: "zero" });
  });
});

test("an unknown period in the pane's words, in both languages", () => {
  const err = new UnknownPeriodError("2006", ["2000", "2005", "2010"]);
  expect(describeError(err, "en").text).toBe("The data hold no period 2006; the periods found are 2000, 2005, 2010. Your data were not changed.");
  expect(describeError(err, "uk").text).toBe("У даних немає періоду 2006; знайдено періоди: 2000, 2005, 2010. Ваші дані не змінено.");
  expect(describeError(new UnknownPeriodError("2006", []), "uk").text).toBe("Періоду 2006 немає: у даних немає стовпця року чи періоду. Ваші дані не змінено.");
});
