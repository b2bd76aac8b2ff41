/**
 * The Office.js host (src/hosts/office.ts) against the Excel test double
 * (tests/support/excel-double): the samples end to end (selection → detect → plan → write),
 * syncs and request sizes, chunked reads and writes, the source left alone, text kept as text,
 * unique names, clean-up after a failure or a cancellation.
 */
import { cell as cellAddress, columnLetters, range as rangeAddress } from "../../src/report/address";
import { detect } from "../../src/report/detect";
import { rowHeights } from "../../src/report/fit-widths";
import { planReport } from "../../src/report/plan";
import type { CellValue, PlannedSheet, ReportPlan } from "../../src/report/types";
import { fittedWidths, tableHeaders, tableWidth } from "../../src/hosts/common";
import { HostError, pacedFittedWidths, PREPARE_CHUNK_CELLS, readSelection, REQUEST_BUDGET_BYTES, widthPoints, writeReport } from "../../src/hosts/office";
import type { RequestContext } from "../support/excel-double/proxies";
import { PAYLOAD_LIMIT_BYTES } from "../support/excel-double";
import { readSample } from "../support/samples";
import { build, differences, Host, install, installWithApiSets, NOW, uninstall, withData } from "../support/office-host";

afterEach(uninstall);

// cellSyncs: the requests of cells the report needs under the 5 MB budget (UN DESA's latest year
// of 235 countries, with its Trends and Trajectories sheets over all seven, needs one).
const SAMPLES = [
  { file: "iab-emigration-rates-1980-2010.csv", shape: "table", cellSyncs: 1 },
  { file: "undesa-migrant-stock-totals-1990-2020.csv", shape: "table", cellSyncs: 1 },
  { file: "erasmus-student-mobility-2012-13.csv", shape: "matrix", cellSyncs: 1 },
  { file: "uk-interregional-flows-2018.csv", shape: "long", cellSyncs: 1 },
] as const;

describe("a report for each sample, written through the double", () => {
  const cases = [
    ...SAMPLES.map((s) => ({ ...s, host: "declared" as Host })),
    // The matrix and the long list have circulation formulas, which need array evaluation.
    ...SAMPLES.filter((s) => s.shape !== "table").flatMap((s) => [{ ...s, host: "web" as Host }, { ...s, host: "desktop" as Host }]),
  ];
  for (const { file, shape, host, cellSyncs } of cases) {
    test(`${file} in Excel offering the ${host} API: sheets, tables, formulas, formats, chart; 1 read sync, 2 for the names, ${cellSyncs} for the cells, 1 to finish`, async () => {
      const values = readSample(file);
      const d = withData(values, [], host);
      const before = d.workbook.sheet("Data")!.snapshot();
      const { read, plan, written, readSyncs, writeCallSyncs, requests } = await build(d);

      // The read: one sync, the whole block, where it is.
      expect(readSyncs).toBe(1);
      expect(read.sheet).toBe("Data");
      expect(read.block).toMatchObject({ sheet: "Data", top: 0, left: 0, provenance: `Data!A1:${columnLetters(values[0].length - 1)}${values.length}` });
      expect(read.block.values).toEqual(values.map((r) => r.map((v) => (v === "" ? null : v))));
      expect(plan.shape).toBe(shape);

      // The write: names (2 syncs), one sync of cells under suspended calculation (and screen
      // updating where ExcelApi 1.9 is offered), one to activate the summary and recalculate.
      expect(written.writeSyncs).toBe(cellSyncs + 1);
      expect(writeCallSyncs).toBe(written.syncs);
      expect(written.syncs).toBe(cellSyncs + 3);
      const writes = requests.slice(2);
      expect(writes).toHaveLength(cellSyncs + 1);
      for (const w of writes.slice(0, cellSyncs)) expect(w.suspended).toEqual(host === "declared" ? ["calculation"] : ["calculation", "screen"]);
      expect(writes[cellSyncs].suspended).toEqual([]);
      for (const r of requests) expect(r.bytes).toBeLessThan(REQUEST_BUDGET_BYTES + 64 * 1024);
      // The host's measure of the Office.js request is close to what the double serialized.
      const largest = Math.max(...writes.slice(0, cellSyncs).map((w) => w.bytes));
      expect(Math.abs(written.largestRequestBytes - largest)).toBeLessThan(0.02 * largest);
      // Calculation left as the user had it, and nothing left uncalculated.
      expect(d.workbook).toMatchObject({ calculationMode: "Automatic", calculationModeChanges: 0, uncalculated: 0, calculations: 1 });
      const arrays = plan.sheets.flatMap((sh) => [...sh.cells.map((c) => c.cell), ...sh.tables.flatMap((t) => t.rows.flat())]).filter((c) => c?.nativeArray).length;
      // A table's summary has none; its Trends sheet (a table with several years) has the medians.
      expect(arrays > 0).toBe(shape !== "table" || plan.sheets.some((sh) => sh.name === "Trends"));
      expect(written.notices).toEqual(host === "declared" && arrays > 0 ? [{ kind: "arrayFormulasAsValues", cells: arrays }] : []);

      // Sheets: the plan's names (nothing clashed), the summary active.
      expect(written.sheets).toEqual(plan.sheets.map((s) => s.name));
      expect(d.workbook.sheetNames).toEqual(["Data", ...written.sheets]);
      expect(written.activated).toBe(written.sheets[0]);
      expect(d.workbook.activeSheet).toBe(written.sheets[0]);

      const names = new Map(plan.sheets.map((s, k) => [s.name, written.sheets[k]]));
      plan.sheets.forEach((planned, k) => {
        const ws = d.workbook.sheet(written.sheets[k])!;
        expect(differences(ws, planned, "native", names)).toEqual([]);
        // Tables: real tables over header + rows; the totals row is outside, under them.
        const expected = planned.tables.filter((t) => t.rows.length > 0).map((t) => `${rangeAddress(t.top, t.left, t.top + t.rows.length, t.left + tableWidth(t) - 1)}`);
        expect(ws.tables.map((t) => t.address.split("!")[1])).toEqual(expected);
        ws.tables.forEach((t, i) => expect(t.headers).toEqual(tableHeaders(planned.tables[i].header, tableWidth(planned.tables[i]))));
        expect(ws.freezeRows).toBe(planned.freezeRows);
        fittedWidths(planned).forEach((w, j) => expect(ws.columnWidth(j)).toBeCloseTo(widthPoints(w), 2));
        expect(ws.charts).toHaveLength(planned.charts.length);
      });
      expect(d.workbook.tables.map((t) => t.name)).toEqual(plan.sheets.flatMap((s) => s.tables.filter((t) => t.rows.length > 0).map((t) => t.name)));

      // A native chart on the summary sheet wherever the plan has one (matrix and long shapes).
      const summaryPlan = plan.sheets[0];
      const charts = d.workbook.sheet(written.sheets[0])!.charts;
      if (shape === "table") expect(summaryPlan.charts).toHaveLength(0);
      else {
        expect(charts).toHaveLength(1);
        const c = summaryPlan.charts[0];
        const t = summaryPlan.tables.find((x) => x.name === c.table)!;
        const col = (h: string) => columnLetters(t.left + t.header.indexOf(h));
        expect(charts[0]).toMatchObject({ type: c.kind === "bar" ? "BarClustered" : "ColumnClustered", title: c.title, legendVisible: false });
        expect(charts[0].series).toEqual([
          {
            name: c.valueColumn,
            values: `'${written.sheets[0]}'!${col(c.valueColumn)}${t.top + 2}:${col(c.valueColumn)}${t.top + 1 + t.rows.length}`,
            categories: `'${written.sheets[0]}'!${col(c.categoryColumn)}${t.top + 2}:${col(c.categoryColumn)}${t.top + 1 + t.rows.length}`,
          },
        ]);
        expect(charts[0].position).toEqual({ start: cellAddress(c.top, c.left), end: cellAddress(c.top + c.rows - 1, c.left + c.cols - 1) });
      }

      // The source: not one operation touched it; its cells are as they were.
      expect(d.workbook.log.filter((e) => e.sheet === "Data")).toEqual([]);
      expect(d.workbook.sheet("Data")!.snapshot()).toEqual(before);
    });
  }

  test.each(["addin", "values"] as const)("IAB in %s mode: the mode's formulas, or values only", async (mode) => {
    const d = withData(readSample("iab-emigration-rates-1980-2010.csv"));
    const { plan, written } = await build(d, mode);
    const names = new Map(plan.sheets.map((s, k) => [s.name, written.sheets[k]]));
    plan.sheets.forEach((planned, k) => expect(differences(d.workbook.sheet(written.sheets[k])!, planned, mode, names)).toEqual([]));
    const formulas = d.workbook.sheet(written.sheets[0])!.formulas().flat().filter((f) => typeof f === "string" && f.startsWith("="));
    if (mode === "values") expect(formulas).toEqual([]);
    else expect(formulas.some((f) => String(f).includes("BRAINDRAIN.SELECTION("))).toBe(true);
  });
});

describe("readSelection", () => {
  test("reads the used part of a whole-column selection, on a sheet whose name needs quotes, at an offset", async () => {
    const values: CellValue[][] = [
      ["Region", "Emigrants", "Population"],
      ["North", 10, 100],
      ["South", "", 200],
    ];
    const d = install({ sheets: [{ name: "My data", values, top: 4, left: 2 }], selection: "'My data'!B:F" });
    const r = await readSelection();
    expect(d.stats.syncs).toBe(1);
    expect(r).toMatchObject({ sheet: "My data", address: "C5:E7", selected: "B:F" });
    expect(r.block).toEqual({ sheet: "My data", top: 4, left: 2, provenance: "'My data'!C5:E7", values: [values[0], values[1], ["South", null, 200]] });
  });

  test("text comes back as it is, even when it looks like a formula", async () => {
    const values: CellValue[][] = [["Region", "Value"], ["=SUM(A1)", 1], ["+44", 2], [" padded ", 3]];
    install({ sheets: [{ name: "Data", values }], selection: "Data!A1:B4" });
    expect((await readSelection()).block.values).toEqual(values);
  });

  test("an empty selection is refused in plain words", async () => {
    install({ sheets: [{ name: "Data", values: [["x"]] }], selection: "Data!D5:F9" });
    await expect(readSelection()).rejects.toThrow(/^The selection \(D5:F9\) is empty: select the cells/);
  });

  test("lists up to 25,000 rows and tables up to 5,000 rows × 40 columns take one sync, wherever they start", async () => {
    const list: CellValue[][] = Array.from({ length: 24_000 }, (_, i) => [`o${i % 50}`, `d${i % 40}`, i, 2000 + (i % 7)]);
    let d = install({ sheets: [{ name: "Data", values: list, top: 1000 }], selection: "Data!A:D" });
    let r = await readSelection();
    expect(d.stats.syncs).toBe(1);
    expect(r.block.top).toBe(1000);
    expect(JSON.stringify(r.block.values)).toBe(JSON.stringify(list));
    const table: CellValue[][] = Array.from({ length: 4000 }, (_, i) => Array.from({ length: 38 }, (_, j) => (j === 0 ? `r${i}` : i * j)));
    d = install({ sheets: [{ name: "Data", values: table, top: 500, left: 1 }], selection: "Data!A1:AN4600" });
    r = await readSelection();
    expect(d.stats.syncs).toBe(1);
    expect(r.address).toBe("B501:AM4500");
    expect(r.block.values).toEqual(table);
  });

  test("a large selection is read in row chunks, with progress; each chunk one sync under 5 MB", async () => {
    const rows = 30_001;
    const values: CellValue[][] = [["origin", "destination", "flow"], ...Array.from({ length: rows - 1 }, (_, i) => [`R${i % 97}`, `R${i % 89}`, i])];
    const d = withData(values);
    const progress: [number, number][] = [];
    const r = await readSelection({ chunkCells: 20_000, onProgress: (done, total) => progress.push([done, total]) });
    expect(r.block.values).toEqual(values);
    // windows of 500 rows × 40 columns and 2,000 rows × 10 columns, then chunks of 6,666 rows
    expect(d.stats.syncs).toBe(1 + Math.ceil((rows - 2500) / 6666));
    expect(progress[0]).toEqual([2500, rows]);
    expect(progress[progress.length - 1]).toEqual([rows, rows]);
    for (const q of d.stats.requests) expect(q.responseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });

  test("a chunk Excel refuses as too large is halved and read again", async () => {
    const long = "x".repeat(1000);
    const values: CellValue[][] = Array.from({ length: 3000 }, (_, i) => [`r${i}`, long, long, i]);
    const d = withData(values);
    const r = await readSelection();
    expect(r.block.values).toEqual(values);
    const failed = d.stats.requests.filter((q) => q.failed);
    expect(failed.map((q) => q.failed)).toEqual(expect.arrayContaining(["ResponsePayloadSizeLimitExceeded"]));
    expect(d.stats.requests.filter((q) => !q.failed).every((q) => q.responseBytes < PAYLOAD_LIMIT_BYTES)).toBe(true);
  });

  test("cancellation stops a chunked read with an AbortError", async () => {
    const values: CellValue[][] = Array.from({ length: 5000 }, (_, i) => [`r${i}`, i]);
    const d = withData(values);
    const abort = new AbortController();
    const p = readSelection({ chunkCells: 1000, signal: abort.signal, onProgress: (done) => done >= 1000 && abort.abort() });
    await expect(p).rejects.toMatchObject({ name: "AbortError" });
    expect(d.stats.syncs).toBeLessThan(5);
    expect(d.workbook.log).toEqual([]);
  });
});

describe("writeReport", () => {
  test("unique names when the report's sheets and tables already exist; references follow the new names", async () => {
    const values = readSample("uk-interregional-flows-2018.csv");
    const taken = ["Migration Summary", "Definitions", "Flow Matrix", "Migration Summary (2)"];
    const d = withData(values, taken.map((name) => ({ name, values: [[`keep ${name}`]] })));
    // An earlier report's table named like the plan's.
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Definitions");
      ws.getRange("A1:B2").values = [["Indicator", "Function"], ["x", "y"]];
      ws.tables.add("A1:B2", true).name = "Definitions";
      await context.sync();
    });
    const before = taken.map((n) => d.workbook.sheet(n)!.snapshot());
    const { plan, written } = await build(d);
    expect(written.sheets).toEqual(["Migration Summary (3)", "Flow Matrix (2)", "Corridors", "Definitions (2)"]);
    expect(d.workbook.activeSheet).toBe("Migration Summary (3)");
    const summary = d.workbook.sheet("Migration Summary (3)")!;
    expect(summary.formulas().flat().filter((f) => String(f).includes("Flow Matrix")).every((f) => String(f).includes("'Flow Matrix (2)'!"))).toBe(true);
    const names = new Map(plan.sheets.map((s, k) => [s.name, written.sheets[k]]));
    plan.sheets.forEach((planned, k) => expect(differences(d.workbook.sheet(written.sheets[k])!, planned, "native", names)).toEqual([]));
    expect(d.workbook.tables.map((t) => t.name)).toEqual(["Definitions", "RegionSummary", "FlowMatrix", "Corridors", "Definitions_2"]);
    taken.forEach((n, i) => expect(d.workbook.sheet(n)!.snapshot()).toEqual(before[i]));
  });

  test('labels "=SUM(A1)", "+44", "-x", "@x" and others arrive as text, never as formulas or numbers', async () => {
    const labels = ["=SUM(A1)", "+44", "-x", "@x", "\tx", "\rz", "1/2", "TRUE", "12%", "'quoted", "#N/A"];
    const values: CellValue[][] = [["Region", "Immigrants", "Emigrants", "Population"], ...labels.map((l, i) => [l, 100 + i, 50 + i, 1000 + i])];
    const d = withData(values);
    const before = d.workbook.sheet("Data")!.snapshot();
    const { plan, written } = await build(d);
    const summary = d.workbook.sheet(written.sheets[0])!;
    const t = plan.sheets[0].tables[0];
    const column = t.header.indexOf("Region");
    labels.forEach((label, i) => {
      const got = summary.cell(cellAddress(t.top + 1 + i, t.left + column));
      expect(got).toMatchObject({ value: label, quotePrefix: true });
      expect(got.formula).toBeUndefined();
    });
    expect(d.workbook.sheet("Data")!.snapshot()).toEqual(before);
  });

  test("the 2nd write sync failing mid-way leaves no sheet behind and says so in plain words", async () => {
    const values = readSample("uk-interregional-flows-2018.csv");
    const d = withData(values);
    const before = d.workbook.sheet("Data")!.snapshot();
    const read = await readSelection();
    const plan = planReport(read.block, detect(read.block), { mode: "native", now: NOW, hostDrawsCharts: true });
    // 1 sync for the names, then write syncs of ≤ 20 kB each: make the 2nd of them fail half-way.
    d.failOnSync(d.stats.syncs + 1 + 2, { code: "GeneralException", message: "An internal error has occurred." });
    const steps: string[] = [];
    const err = await writeReport(plan, { requestBudgetBytes: 20_000, onProgress: (p) => steps.push(p.step) }).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.message).toBe("Excel could not write the report (GeneralException: An internal error has occurred). The sheets it had started were removed.");
    expect(err.code).toBe("GeneralException");
    expect(steps).toContain("cleanup");
    // Sheets had been added (1st write sync) and cells written, then all were deleted.
    expect(d.workbook.log.filter((e) => e.op === "WorksheetCollection.add")).toHaveLength(plan.sheets.length);
    expect(d.workbook.log.filter((e) => e.op === "Worksheet.delete")).toHaveLength(plan.sheets.length);
    expect(d.workbook.sheetNames).toEqual(["Data"]);
    expect(d.workbook.activeSheet).toBe("Data");
    expect(d.workbook.tables).toEqual([]);
    expect(d.workbook.sheet("Data")!.snapshot()).toEqual(before);
  });

  test("a failure in the first write sync (the chart) also leaves nothing", async () => {
    const d = withData(readSample("erasmus-student-mobility-2012-13.csv"));
    const read = await readSelection();
    const plan = planReport(read.block, detect(read.block), { mode: "native", now: NOW, hostDrawsCharts: true });
    d.failWhen((op) => op.desc === "ChartCollection.add", "InvalidArgument");
    await expect(writeReport(plan)).rejects.toThrow(/^Excel could not write the report \(InvalidArgument: Injected failure of ChartCollection.add\)\. The sheets it had started were removed\.$/);
    expect(d.workbook.sheetNames).toEqual(["Data"]);
  });

  test("a workbook that refuses new sheets: nothing written, nothing to clean", async () => {
    const d = withData([["Region", "Immigrants", "Emigrants"], ["A", 1, 2], ["B", 3, 4]]);
    const read = await readSelection();
    const plan = planReport(read.block, detect(read.block), { mode: "native", now: NOW, hostDrawsCharts: true });
    d.failWhen((op) => op.desc === "WorksheetCollection.add", "AccessDenied");
    await expect(writeReport(plan)).rejects.toThrow(/^Excel did not allow the change: the workbook may be protected.* Nothing was written\.$/);
    expect(d.workbook.sheetNames).toEqual(["Data"]);
  });

  test("cancellation via AbortSignal leaves no sheets", async () => {
    const d = withData(readSample("iab-emigration-rates-1980-2010.csv"));
    const read = await readSelection();
    const plan = planReport(read.block, detect(read.block), { mode: "native", now: NOW, hostDrawsCharts: true });
    const abort = new AbortController();
    const seen: number[] = [];
    const p = writeReport(plan, {
      signal: abort.signal,
      requestBudgetBytes: 200_000,
      onProgress: ({ step, fraction }) => {
        if (step === "cells") seen.push(fraction);
        if (step === "cells" && seen.length === 2) abort.abort();
      },
    });
    await expect(p).rejects.toMatchObject({ name: "AbortError", message: "The report was cancelled. The sheets it had started were removed." });
    expect(d.workbook.log.some((e) => e.op === "Range.formulas")).toBe(true); // it had begun writing
    expect(d.workbook.sheetNames).toEqual(["Data"]);

    // Aborted before it starts: not one sync.
    const syncs = d.stats.syncs;
    const done = new AbortController();
    done.abort();
    await expect(writeReport(plan, { signal: done.signal })).rejects.toMatchObject({ name: "AbortError", message: "The report was cancelled. Nothing was written." });
    expect(d.stats.syncs).toBe(syncs);
  });

  test("column widths fitted in slices of rows equal fittedWidths of the whole sheet", async () => {
    const rows = 3 * PREPARE_CHUNK_CELLS;
    const longest = 4321;
    const sheet: PlannedSheet = {
      name: "S",
      cells: [
        { row: 0, col: 0, cell: { value: "A title longer than forty characters, which does not widen its column" } },
        { row: 1, col: 6, cell: { value: 12345678, format: "count" } },
      ],
      tables: [
        {
          name: "T",
          top: 2,
          left: 1,
          header: ["Region", "A rather long header"], // narrower than its rows: "Column3", "Column4"
          rows: Array.from({ length: rows }, (_, i) => [
            { value: `R${i}` },
            { value: i === longest ? 123456789.5 : i % 97, format: "decimal" },
            { value: i === rows - 1 ? "the last row's text" : "x" },
            { value: i / rows, format: "percent" },
          ]),
          totals: [{ value: "Total, all the regions" }, { value: 1, format: "count" }],
        },
        { name: "U", top: rows + 5, left: 0, header: ["Only a header"], rows: [] },
      ],
      charts: [],
      widths: [0, 0, 0, 0, 17],
      freezeRows: 3,
    };
    let turns = 0;
    const paced = await pacedFittedWidths(sheet, async () => void turns++);
    expect(paced).toEqual(fittedWidths(sheet));
    expect(turns).toBeGreaterThanOrEqual(Math.floor((rows * 4) / PREPARE_CHUNK_CELLS));
  });

  test("a minimal hand-made plan: text stays text, a reference to its own sheet resolves", async () => {
    const d = install({ sheets: [{ name: "Data", values: [["x"]] }] });
    const plan: ReportPlan = {
      mode: "native",
      shape: "table",
      sourceSheet: "Data",
      headline: [],
      sheets: [{ name: "Notes", cells: [{ row: 0, col: 0, cell: { value: "=not a formula" } }, { row: 2, col: 3, cell: { value: 1, native: "{{Notes}}!A1&\"\"", format: "count" } }], tables: [], charts: [], widths: [], freezeRows: 0 }],
    };
    const w = await writeReport(plan);
    expect(w).toMatchObject({ sheets: ["Notes"], activated: "Notes", syncs: 4, writeSyncs: 2 });
    const ws = d.workbook.sheet("Notes")!;
    expect(ws.cell("A1")).toMatchObject({ value: "=not a formula", quotePrefix: true });
    expect(ws.cell("D3")).toMatchObject({ formula: "='Notes'!A1&\"\"", numberFormat: "#,##0" });
  });
});

describe("what real Excel does that a lenient double would hide", () => {
  const COUNTRIES: CellValue[][] = [["Region", "Immigrants", "Emigrants"], ["A", 1, 2], ["B", 3, 4], ["C", 5, 6]];

  test("table names avoid defined names of workbook and sheet scope, which share the tables' namespace", async () => {
    const values = readSample("erasmus-student-mobility-2012-13.csv");
    const d0 = withData(values);
    const planned = planReport((await readSelection()).block, detect((await readSelection()).block), { mode: "native", now: NOW, hostDrawsCharts: true });
    void d0;
    const tableNames = planned.sheets.flatMap((s) => s.tables.filter((t) => t.rows.length > 0).map((t) => t.name));
    expect(tableNames.length).toBeGreaterThan(1);
    const d = withData(values, [{ name: "Other", values: [[1]] }], "declared", {
      names: [
        { name: tableNames[0], refersTo: "=Data!$A$1" },
        { name: tableNames[1], refersTo: "=Other!$A$1", sheet: "Other" },
      ],
    });
    const { written } = await build(d);
    const got = d.workbook.tables.map((t) => t.name.toLowerCase());
    expect(got).not.toContain(tableNames[0].toLowerCase());
    expect(got).not.toContain(tableNames[1].toLowerCase());
    expect(got).toContain(`${tableNames[0]}_2`.toLowerCase());
    expect(written.sheets).toEqual(planned.sheets.map((s) => s.name));
  });

  test("several areas, a chart or a picture selected: refused in plain words (InvalidSelection), nothing read", async () => {
    for (const more of [{ selection: "Data!A1:B4,D1:D4" }, { selectedObject: "chart" as const }, { selectedObject: "picture" as const }]) {
      withData(COUNTRIES, [], "declared", more);
      const e = await readSelection().catch((x) => x);
      expect(e).toBeInstanceOf(HostError);
      expect(e).toMatchObject({ code: "InvalidSelection" });
      expect(e.message).toMatch(/^Select one block of cells: the current selection has several areas or is not a range of cells/);
    }
  });

  test("whole-column and whole-row selections are read as their used part (Excel answers null for an unbounded range's values)", async () => {
    for (const selection of ["Data!A:C", "Data!1:4", "Data!B:B"]) {
      install({ sheets: [{ name: "Data", values: COUNTRIES }], selection });
      const r = await readSelection();
      expect(r.selected).toBe(selection.split("!")[1]);
      const width = selection.endsWith("B:B") ? 1 : 3;
      expect(r.block.values).toEqual(COUNTRIES.map((row) => row.slice(selection.endsWith("B:B") ? 1 : 0, selection.endsWith("B:B") ? 2 : 3)));
      expect(r.block.values[0]).toHaveLength(width);
    }
  });

  test("Excel on the web answering an oversized write with GeneralException: undone, retried in halves, written whole", async () => {
    const rows = 4_000;
    const values: CellValue[][] = [["Region", "Year", "Immigrants", "Emigrants", "Population"], ...Array.from({ length: rows }, (_, i) => [`Region ${i % 200}`, 1990 + Math.floor(i / 200), 1000 + i, 500 + (i % 700), 100_000 + i])];
    const d = withData(values, [], "web");
    d.failLargerThan(300_000);
    const { plan, written } = await build(d);
    expect(written.retries).toBeGreaterThan(0);
    const failed = d.stats.requests.filter((r) => r.failed);
    expect(failed.length).toBe(written.retries);
    expect(failed.every((r) => r.failed === "GeneralException")).toBe(true);
    expect(written.largestRequestBytes).toBeLessThanOrEqual(300_000);
    expect(d.workbook.sheetNames).toEqual(["Data", ...written.sheets]);
    expect(written.sheets).toEqual(plan.sheets.map((s) => s.name)); // the undone attempts left no names behind
    const names = new Map(plan.sheets.map((s, k) => [s.name, written.sheets[k]]));
    plan.sheets.forEach((planned, k) => expect(differences(d.workbook.sheet(written.sheets[k])!, planned, "native", names)).toEqual([]));
  }, 60_000);

  test("when even one row cannot be sent, everything is rolled back and the message says so", async () => {
    const d = withData(COUNTRIES);
    d.failLargerThan(40_000, "RequestPayloadSizeLimitExceeded");
    const plan = planReport((await readSelection()).block, detect((await readSelection()).block), { mode: "native", now: NOW, hostDrawsCharts: true });
    const first = plan.sheets[0];
    // One note longer than any request Excel accepts here.
    const huge: ReportPlan = { ...plan, sheets: [{ ...first, cells: [...first.cells, { row: 60, col: 0, cell: { value: "x".repeat(60_000) } }] }, ...plan.sheets.slice(1)] };
    const e = await writeReport(huge).catch((x) => x);
    expect(e).toBeInstanceOf(HostError);
    expect(e.message).toMatch(/^Excel refused even the smallest part of the report \(one row, or one table or chart\) as too large to send\. (The sheets it had started were removed|Nothing was written)\.$/);
    expect(d.workbook.sheetNames).toEqual(["Data"]);
  });

  test("a read chunk refused with GeneralException is halved and read again", async () => {
    const values: CellValue[][] = [["Region", "Flow"], ...Array.from({ length: 3_000 }, (_, i) => [`R${i}`, i])];
    const d = install({ sheets: [{ name: "Data", values }], selection: "Data!A1:B3001" }, "web");
    let refusals = 0;
    const proto = d.Excel.RequestContext.prototype;
    const sync = proto.sync;
    proto.sync = async function (this: RequestContext) {
      const rows = this._queue.map((o) => /getRange\("A(\d+):B(\d+)"\)$/.exec(o.wire.p)).find((m) => m);
      if (rows && Number(rows[2]) - Number(rows[1]) >= 400) {
        refusals++;
        this._queue = [];
        throw Object.assign(new Error("An internal error has occurred."), { code: "GeneralException" });
      }
      return sync.call(this);
    };
    try {
      const r = await readSelection({ chunkCells: 2_000 });
      expect(r.block.values).toEqual(values);
      expect(refusals).toBeGreaterThan(0);
    } finally {
      proto.sync = sync;
    }
  });

  test("calculation left as the user had it: recalculated after an automatic write, untouched (and said) in manual mode, after failures too", async () => {
    for (const mode of ["Automatic", "AutomaticExceptTables", "Manual"] as const) {
      const d = withData(COUNTRIES, [], "web", { calculationMode: mode });
      const { written } = await build(d);
      expect(d.workbook.calculationMode).toBe(mode);
      expect(d.workbook.calculationModeChanges).toBe(0);
      if (mode === "Manual") {
        expect(d.workbook.calculations).toBe(0);
        expect(written.notices).toEqual([{ kind: "manualCalculation" }]);
      } else {
        expect(d.workbook).toMatchObject({ uncalculated: 0, calculations: 1 });
        expect(written.notices).toEqual([]);
      }
      // A failure mid-write: calculation not left suspended, the mode unchanged.
      const f = withData(COUNTRIES, [], "web", { calculationMode: mode });
      // (InvalidArgument: a GeneralException on a request this large is taken for "too large" and retried in parts.)
      f.failOnSync(f.stats.syncs + 4, { afterOps: 3, code: "InvalidArgument" });
      await expect(build(f)).rejects.toBeInstanceOf(HostError);
      expect(f.workbook.calculationMode).toBe(mode);
      expect(f.workbook.calculationModeChanges).toBe(0);
      expect(f.workbook.sheetNames).toEqual(["Data"]);
    }
  });

  test("an Excel without the declared ExcelApi 1.7 is told so in plain words (ApiNotFound); nothing is read or written", async () => {
    const d = installWithApiSets({ sheets: [{ name: "Data", values: COUNTRIES }], selection: "Data!A1:C4" }, { ExcelApi: "1.3" });
    const read = await readSelection().catch((x) => x);
    expect(read).toMatchObject({ name: "HostError", code: "ApiNotFound" });
    expect(read.message).toMatch(/lacks a feature the add-in needs \(the Excel JavaScript API 1\.7\)/);
    const plan: ReportPlan = { mode: "values", shape: "table", sourceSheet: "Data", headline: [], sheets: [{ name: "Notes", cells: [{ row: 0, col: 0, cell: { value: "x" } }], tables: [], charts: [], widths: [], freezeRows: 0 }] };
    const write = await writeReport(plan).catch((x) => x);
    expect(write).toMatchObject({ name: "HostError", code: "ApiNotFound" });
    expect(write.message).toMatch(/Nothing was written\.$/);
    expect(d.stats.syncs).toBe(0);
  });

  test("where array formulas can only be values, the Definitions sheet names the cells and says why", async () => {
    const d = withData(readSample("erasmus-student-mobility-2012-13.csv"));
    const { plan, written } = await build(d);
    const defs = d.workbook.sheet(written.sheets[plan.sheets.findIndex((s) => s.name === "Definitions")])!;
    const text = defs.values().flat().filter((v): v is string => typeof v === "string").find((v) => v.startsWith("Values, not formulas"));
    expect(text).toMatch(/can neither array-enter a formula through an add-in nor compute dynamic arrays/);
    expect(text).toMatch(/'?Migration Summary'?!/);
    expect(written.notices[0]).toMatchObject({ kind: "arrayFormulasAsValues" });
  });
});

describe("the report's looks and page set-up, as the .xlsx host writes them", () => {
  test.each(["declared", "web"] as const)("the UK sample in Excel offering the %s API: header and totals rows, styled and merged cells, row heights, page set-up where ExcelApi 1.9 is offered", async (host) => {
    const d = withData(readSample("uk-interregional-flows-2018.csv"), [], host);
    const { plan, written } = await build(d);
    const summary = plan.sheets[0];
    const ws = d.workbook.sheet(written.sheets[0])!;
    const t = summary.tables[0];
    // The header row: bold on a fill over a rule, wrapped; the totals row: bold between rules.
    const header = cellAddress(t.top, t.left + 1);
    expect(ws.cell(header).bold).toBe(true);
    expect(ws.lookAt(header)).toMatchObject({ "fill.color": "#D9E1F2", "borders.EdgeBottom.style": "Continuous", wrapText: true });
    const total = cellAddress(t.top + 1 + t.rows.length, t.left + 1);
    expect(ws.cell(total).bold).toBe(true);
    expect(ws.lookAt(total)).toMatchObject({ "borders.EdgeTop.style": "Continuous", "borders.EdgeBottom.style": "Double" });
    // Free cells with a span are merged; rows the .xlsx host makes taller are as tall here.
    const merged = plan.sheets.flatMap((s, k) => s.cells.filter((c) => (c.span ?? 1) > 1).map((c) => ({ k, address: rangeAddress(c.row, c.col, c.row, c.col + c.span! - 1) })));
    expect(merged.length).toBeGreaterThan(0);
    for (const m of merged) expect(d.workbook.sheet(written.sheets[m.k])!.merges).toContain(m.address);
    const defs = plan.sheets.length - 1;
    const tall = [...rowHeights(plan.sheets[defs])];
    expect(tall.length).toBeGreaterThan(0);
    for (const [row, h] of tall) expect(d.workbook.sheet(written.sheets[defs])!.rowHeights.get(row)).toBe(h);
    // The page set-up needs ExcelApi 1.9: without it the sheets keep Excel's defaults.
    if (host === "declared") expect(ws.pageLayout).toEqual({});
    else {
      expect(ws.pageLayout).toMatchObject({
        orientation: summary.print!.orientation === "landscape" ? "Landscape" : "Portrait",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        leftMargin: 36,
        printTitleRows: `$${t.top + 1}:$${t.top + 1}`,
        leftFooter: summary.print!.footer.replace(/&/g, "&&"),
        centerFooter: "&A",
        rightFooter: "Page &P of &N",
      });
    }
  });
});
