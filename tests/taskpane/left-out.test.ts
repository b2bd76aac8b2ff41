/**
 * What the pane leaves out of the regions and how the user puts a row back, through the
 * controller and the engine path the command line uses; a matrix found under title rows in a
 * whole-sheet selection; a matrix read by label; note lines under a table; the engine's
 * refusals in Ukrainian. The DOM side is in tests/browser/taskpane.test.ts.
 */
import type { ReportPlan, SourceBlock, CellValue } from "../../src/report/types";
import type { HeadlineCode } from "../../src/report/headline";
import { Controller, PaneHost } from "../../src/taskpane/controller";
import { describeError } from "../../src/taskpane/errors";
import { leftOutList } from "../../src/taskpane/left-out";
import { NATIONAL_SHEET, NATIONAL_TOTAL } from "../support/matrices";

/** A host that hands over `read` and keeps the plans it is asked to write. */
function fakeHost(read: SourceBlock): PaneHost & { plans: ReportPlan[] } {
  const plans: ReportPlan[] = [];
  return {
    plans,
    readSelection: async () => ({ block: read, address: `'${read.sheet}'!A1:F${read.values.length}`, sheet: read.sheet }),
    writeReport: async (plan) => {
      plans.push(plan);
      return { sheets: plan.sheets.map((s) => s.name), activated: plan.sheets[0].name, syncs: 1, largestRequestBytes: 1 };
    },
  };
}

async function paneWith(read: SourceBlock, lang: "en" | "uk" = "en") {
  const host = fakeHost(read);
  const controller = new Controller(host, lang, () => new Date(0));
  controller.setEnvironment("excel");
  await controller.useSelection();
  return { host, controller };
}

const headline = (plan: ReportPlan, code: HeadlineCode) => plan.headline.find((h) => h.code === code)?.value;


describe("a national statistics sheet selected whole", () => {
  const block: SourceBlock = { sheet: "Table 1", top: 0, left: 0, values: NATIONAL_SHEET, provenance: "'Table 1'!A1:F12" };

  test("the matrix is found under its title rows and read where it is; its totals are listed as left out, in English and Ukrainian", async () => {
    const { controller } = await paneWith(block);
    const { selection, detection } = controller.state;
    expect(selection?.matrixAt).toBe("'Table 1'!A5:F10");
    expect(detection?.shape).toBe("matrix");
    const en = leftOutList(selection!.block, detection!, "en");
    expect(en).toEqual({
      shape: "matrix",
      entries: [
        { leftOut: true, text: "Total inflow [note 1] (A10): a total" },
        { leftOut: true, text: "Total outflow (column, F5): a total" },
      ],
    });
    expect(leftOutList(selection!.block, detection!, "uk")?.entries.map((e) => e.text)).toEqual(["Total inflow [note 1] (A10): підсумок", "Total outflow (стовпець, F5): підсумок"]);
  });

  test("the report built from it has the true total, and its formulas reference the regions' cells on the sheet", async () => {
    const { controller, host } = await paneWith(block);
    await controller.build();
    expect(controller.state.failure).toBeUndefined();
    const plan = host.plans[0];
    expect(headline(plan, "totalFlows")).toBe(NATIONAL_TOTAL);
    const formulas = plan.sheets.flatMap((s) => s.tables.flatMap((t) => t.rows.flatMap((r) => r.map((c) => c.native ?? ""))));
    expect(formulas).toContain("SUM('Table 1'!B6:E6)-SUM('Table 1'!B6)");
  });
});

describe("a country table with World and a UN aggregate code among its rows", () => {
  const values: CellValue[][] = [
    ["Country", "Location code", "Immigrants", "Emigrants"],
    ["World", 900, 9000, 9000],
    ["Austria", 40, 100, 50],
    ["Belgium", 56, 200, 70],
    ["Europe", 908, 5000, 4000],
    ["France", 250, 300, 90],
  ];
  const block: SourceBlock = { sheet: "Data", top: 2, left: 1, values, provenance: "Data!B3:E8" };

  test("the rows are listed, ticked, with their sheet rows and why", async () => {
    const { controller } = await paneWith(block);
    const list = leftOutList(controller.state.selection!.block, controller.state.detection!, "en");
    expect(list).toEqual({
      shape: "rows",
      entries: [
        { row: 1, leftOut: true, text: "World (row 4, B4): a total" },
        { row: 4, leftOut: true, text: "Europe (row 7, C7): a region or group (UN location code of 900 or more)" },
      ],
    });
    const uk = leftOutList(controller.state.selection!.block, controller.state.detection!, "uk");
    expect(uk?.entries.map((e) => e.text)).toEqual(["World (рядок 4, B4): підсумок", "Europe (рядок 7, C7): регіон або група (код території ООН 900 або більше)"]);
  });

  test("unticked, a row is kept as a region in the report; ticked again, it is left out again", async () => {
    const { controller, host } = await paneWith(block);
    await controller.build();
    expect(headline(host.plans[0], "rows")).toBe(3);

    controller.keepRow(4, true);
    expect(controller.state.detection?.keepRows).toEqual([4]);
    const list = leftOutList(controller.state.selection!.block, controller.state.detection!, "en");
    expect(list?.entries.map((e) => [e.row, e.leftOut])).toEqual([
      [1, true],
      [4, false],
    ]);
    await controller.build();
    const kept = host.plans[1];
    expect(headline(kept, "rows")).toBe(4);
    expect(kept.sheets[0].tables[0].rows.map((r) => r[0].value)).toEqual(["Austria", "Belgium", "Europe", "France"]);

    controller.keepRow(4, false);
    expect(controller.state.detection?.keepRows).toBeUndefined();
    await controller.build();
    expect(headline(host.plans[2], "rows")).toBe(3);
  });
});

describe("a long list with a breakdown by sex (T, M, F), as Eurostat publishes it", () => {
  const values: CellValue[][] = [["origin", "destination", "sex", "flow"]];
  const FLOWS: [string, string, number][] = [
    ["DE", "FR", 7000],
    ["FR", "DE", 6000],
    ["DE", "AT", 5000],
    ["AT", "DE", 2500],
  ];
  for (const [o, d, f] of FLOWS) for (const [sex, share] of [["T", 1], ["M", 0.5], ["F", 0.5]] as const) values.push([o, d, sex, f * share]);
  const block: SourceBlock = { sheet: "Data", top: 0, left: 0, values, provenance: "Data!A1:D13" };

  test("the sex column is offered with its values; the report is refused until one is kept; with T kept, the true total", async () => {
    const { controller, host } = await paneWith(block);
    const { dimensionsOffered } = await import("../../src/taskpane/state");
    const offered = dimensionsOffered(controller.state.selection!, controller.state.choices, controller.state.detection!);
    expect(offered).toEqual([{ col: 2, header: "sex", values: ["T", "M", "F"], value: null }]);
    await controller.build();
    expect(controller.state.failure).toBeDefined();
    expect(describeError(controller.state.failure!.error, "uk").text).toMatch(/^Пар «звідки — куди» з кількома рядками, що різняться в інших стовпцях: 4 \(стовпець C «sex»: T, M, F\)/);

    controller.chooseDimension(offered[0], "T");
    expect(controller.state.detection?.dimensionFilters).toEqual([{ col: 2, value: "T" }]);
    expect(dimensionsOffered(controller.state.selection!, controller.state.choices, controller.state.detection!)).toEqual([{ col: 2, header: "sex", values: ["T", "M", "F"], value: "T" }]);
    await controller.build();
    expect(controller.state.failure).toBeUndefined();
    // true total: the T rows, added by hand
    expect(headline(host.plans[0], "totalFlows")).toBe(7000 + 6000 + 5000 + 2500);

    controller.chooseDimension(offered[0], "F");
    await controller.build();
    expect(headline(host.plans[1], "totalFlows")).toBe((7000 + 6000 + 5000 + 2500) / 2);
  });
});

describe("a matrix whose columns are in another order than its rows, selected with its totals", () => {
  const values: CellValue[][] = [
    ["", "Austria", "Belgium", "France", "Germany", "Total"],
    ["Germany", 5000, 3000, 7000, 0, 15000],
    ["France", 1000, 2000, 0, 6000, 9000],
    ["Austria", 0, 400, 900, 2500, 3800],
    ["Belgium", 300, 0, 4000, 1500, 5800],
    ["Total", 6300, 5400, 11900, 10000, 33600],
  ];
  test("the pane lists the totals and builds the report by label, through the Flow Matrix copy", async () => {
    const block: SourceBlock = { sheet: "Data", top: 0, left: 0, values, provenance: "Data!A1:F6" };
    const { host, controller } = await paneWith(block);
    expect(controller.state.detection?.shape).toBe("matrix");
    expect(leftOutList(block, controller.state.detection!, "en")?.entries.map((e) => e.text)).toEqual(["Total (A6): a total", "Total (column, F1): a total"]);
    await controller.build();
    const plan = host.plans[0];
    expect(plan.sheets.map((s) => s.name)).toEqual(["Migration Summary", "Flow Matrix", "Corridors", "Definitions"]);
    // the diagonal is 0, so the true total is the grand total the sheet states
    expect(headline(plan, "totalFlows")).toBe(33600);
    expect(headline(plan, "largestCorridor")).toEqual({ origin: "Germany", destination: "France", flow: 7000 });
  });
});

describe("note lines under a country table", () => {
  test("listed with a box each, in English and Ukrainian; unticked, the line is read as a row again", async () => {
    const values: CellValue[][] = [
      ["Country", "Immigrants", "Emigrants", "Population"],
      ["Austria", 1797667, 600000, 9006000],
      ["France", 8524876, 2000000, 65274000],
      ["Germany", 15762457, 3500000, 83784000],
      ["Source: National Statistics Office, 2023", null, null, null],
    ];
    const block: SourceBlock = { sheet: "Data", top: 0, left: 0, values, provenance: "Data!A1:D5" };
    const { host, controller } = await paneWith(block);
    const list = leftOutList(block, controller.state.detection!, "en");
    expect(list?.entries).toEqual([{ row: 4, leftOut: true, text: "Source: National Statistics Office, 2023 (row 5, A5): a note or source line (text, no number)" }]);
    expect(leftOutList(block, controller.state.detection!, "uk")?.entries[0].text).toBe("Source: National Statistics Office, 2023 (рядок 5, A5): примітка або джерело (текст без чисел)");
    await controller.build();
    expect(headline(host.plans[0], "rows")).toBe(3);
    controller.keepRow(4, true);
    await controller.build();
    expect(headline(host.plans[1], "rows")).toBe(4);
  });
});
