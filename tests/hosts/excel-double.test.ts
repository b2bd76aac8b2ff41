/**
 * The Excel test double itself (tests/support/excel-double): it must enforce what Office.js
 * enforces, or the host tests prove nothing.
 */
import { addresses, createExcelDouble, DoubleError, ExcelDouble, PAYLOAD_LIMIT_BYTES, utf8Length } from "../support/excel-double";
import type { RequestContext } from "../support/excel-double/proxies";

function make(): ExcelDouble {
  return createExcelDouble({
    sheets: [
      { name: "Data", values: [["Region", "Flow"], ["North", 10], ["South", 20]] },
      { name: "My data", values: [[1, 2, 3]], top: 4, left: 1 },
    ],
    selection: "Data!A1:B3",
  });
}

const run = <T>(d: ExcelDouble, f: (ctx: RequestContext) => Promise<T>) => d.Excel.run(f);

describe("load and sync", () => {
  test("reading a property before load + sync throws PropertyNotLoaded", async () => {
    const d = make();
    await run(d, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1:B3");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      expect(() => r.values).toThrow(/call the load method/); // loaded but not synced
      await ctx.sync();
      expect(r.values).toEqual([["Region", "Flow"], ["North", 10], ["South", 20]]);
      expect(() => r.address).toThrow(DoubleError); // not loaded
    });
  });

  test("load specs: comma lists, arrays, items/ of collections; unknown properties refused", async () => {
    const d = make();
    await run(d, async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      const r = ctx.workbook.getSelectedRange().load(["address", "rowCount,columnCount"]);
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Data", "My data"]);
      expect(() => sheets.items[0].id).toThrow(/not available/);
      expect([r.address, r.rowCount, r.columnCount]).toEqual(["Data!A1:B3", 3, 2]);
      expect(() => r.load("colour")).toThrow(/does not model/);
    });
  });

  test("writes are invisible before sync and applied in order at sync", async () => {
    const d = make();
    await run(d, async (ctx) => {
      const ws = ctx.workbook.worksheets.add("New");
      ws.getRange("A1:B1").values = [["a", 1]];
      ws.getRange("B1").values = [[2]];
      expect(d.workbook.sheetNames).toEqual(["Data", "My data"]);
      expect(d.stats.syncs).toBe(0);
      await ctx.sync();
      expect(d.workbook.sheet("New")!.values("A1:B1")).toEqual([["a", 2]]);
      expect(d.stats.syncs).toBe(1);
      await ctx.sync(); // nothing queued: no request
      expect(d.stats.syncs).toBe(1);
    });
  });

  test("Excel.run sends what is still queued when the batch returns; objects die with their run", async () => {
    const d = make();
    let kept: { values: unknown } | undefined;
    await run(d, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("C1");
      r.values = [["late"]];
      kept = r as unknown as { values: unknown };
    });
    expect(d.workbook.sheet("Data")!.cell("C1").value).toBe("late");
    expect(d.stats.syncs).toBe(1);
    expect(() => ((kept as { values: unknown }).values = [["x"]])).toThrow(/no longer valid/);
  });

  test("*OrNullObject: isNullObject known after sync without a load; operations on a null object fail", async () => {
    const d = make();
    await run(d, async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      const there = ctx.workbook.worksheets.getItemOrNullObject("data");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
      missing.delete();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidObjectPath" });
      ctx.workbook.worksheets.getItem("Nope").activate();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });
});

describe("addresses", () => {
  test("parsing and printing like Excel", () => {
    const { parseRef, formatRef, splitSheet, quoteSheetName } = addresses;
    expect(parseRef("B2:D20")).toEqual({ top: 1, left: 1, bottom: 19, right: 3 });
    expect(parseRef("$D$20:$B$2")).toEqual({ top: 1, left: 1, bottom: 19, right: 3 });
    expect(parseRef("AA10")).toEqual({ top: 9, left: 26, bottom: 9, right: 26 });
    expect(formatRef(parseRef("A:D")!)).toBe("A:D");
    expect(formatRef(parseRef("3:5")!)).toBe("3:5");
    expect(formatRef(parseRef("XFD1048576")!)).toBe("XFD1048576");
    for (const bad of ["A0", "XFE1", "A1048577", "A", "3", "A1:B2:C3", "", "1A"]) expect(parseRef(bad)).toBeUndefined();
    expect(splitSheet("'It''s here'!A1:B2")).toEqual({ sheet: "It's here", ref: "A1:B2" });
    expect(quoteSheetName("Data")).toBe("Data");
    expect(quoteSheetName("Migration Summary")).toBe("'Migration Summary'");
    expect(quoteSheetName("A1")).toBe("'A1'");
    expect(quoteSheetName("It's")).toBe("'It''s'");
  });

  test("ranges: getRange, getRangeByIndexes, getCell, getResizedRange, selection, used range, intersection", async () => {
    const d = make();
    await run(d, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("My data");
      const got = [
        ws.getRange("B2:D4"),
        ws.getRange("'My data'!C3"),
        ws.getRangeByIndexes(4, 1, 2, 3),
        ws.getRange("B2:D4").getCell(1, 1),
        ws.getRange("B2").getResizedRange(2, 1),
        ws.getRange("A:B"),
        ws.getUsedRange(),
        ctx.workbook.getSelectedRange(),
        ctx.workbook.getSelectedRange().getIntersectionOrNullObject("B2:Z9"),
        ctx.workbook.worksheets.getItem("Data").getRange("A:F").getUsedRangeOrNullObject(true),
      ].map((r) => r.load("address,rowCount,columnCount,rowIndex,columnIndex"));
      await ctx.sync();
      expect(got.map((r) => `${r.address} ${r.rowCount}x${r.columnCount} @${r.rowIndex},${r.columnIndex}`)).toEqual([
        "'My data'!B2:D4 3x3 @1,1",
        "'My data'!C3 1x1 @2,2",
        "'My data'!B5:D6 2x3 @4,1",
        "'My data'!C3 1x1 @2,2",
        "'My data'!B2:C4 3x2 @1,1",
        "'My data'!A:B 1048576x2 @0,0",
        "'My data'!B5:D5 1x3 @4,1",
        "Data!A1:B3 3x2 @0,0",
        "Data!B2:B3 2x1 @1,1",
        "Data!A1:B3 3x2 @0,0",
      ]);
      ws.getRange("Data!A1").load("address");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      ws.getRange("A1").getResizedRange(-1, 0).load("address");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      const none = ctx.workbook.getSelectedRange().getIntersectionOrNullObject("K1:K9");
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
    });
  });
});

describe("cells", () => {
  test("typed input is parsed as Excel does; the apostrophe keeps text; null leaves a cell, \"\" clears it", async () => {
    const d = make();
    await run(d, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.getRange("D1:D13").formulas = [["=SUM(B2:B3)"], ["'=SUM(B2:B3)"], ["+44"], ["-x"], ["@x"], ["12%"], ["1,234"], ["TRUE"], ["#N/A"], ["2020-01-02"], ["plain"], [7], [false]];
      ws.getRange("A1:B2").values = [[null, ""], [null, null]];
      await ctx.sync();
    });
    const ws = d.workbook.sheet("Data")!;
    expect(ws.formulas("D1:D13").flat()).toEqual(["=SUM(B2:B3)", "=SUM(B2:B3)", 44, "=-x", "=@x", 0.12, 1234, true, { error: "#N/A" }, 43832, "plain", 7, false]);
    expect(ws.cell("D2")).toEqual({ value: "=SUM(B2:B3)", numberFormat: "General", bold: false, quotePrefix: true });
    expect(ws.cell("D1").formula).toBe("=SUM(B2:B3)");
    expect(ws.values("A1:B2")).toEqual([["Region", null], ["North", 10]]);
  });

  test("the array must match the range; numberFormat, columnWidth, bold", async () => {
    const d = make();
    await run(d, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.getRange("A1:B2").values = [[1, 2]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument", message: expect.stringMatching(/doesn't match/) });
      const r = ws.getRange("B2:B3");
      r.numberFormat = [["0.0%"], [null]];
      r.format.columnWidth = 60;
      r.format.font.bold = true;
      const back = ws.getRange("B2:B3").load("numberFormat");
      const fmt = ws.getRange("B2:B3").format.load("columnWidth");
      const font = ws.getRange("A2:B2").format.font.load("bold");
      await ctx.sync();
      expect(back.numberFormat).toEqual([["0.0%"], ["General"]]);
      expect(fmt.columnWidth).toBe(60);
      expect(font.bold).toBeNull(); // mixed
      expect(r.numberFormat).toEqual([["0.0%"], [null]]); // a set value reads back locally
    });
    expect(d.workbook.sheet("Data")!.bold("B2:B3")).toEqual([[true], [true]]);
  });
});

describe("sheets, tables, charts", () => {
  test("sheet names follow Excel's rules; deleting the active sheet moves the selection", async () => {
    const d = make();
    await run(d, async (ctx) => {
      ctx.workbook.worksheets.add("data");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
      ctx.workbook.worksheets.add("a/b");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      const x = ctx.workbook.worksheets.add("X");
      x.activate();
      await ctx.sync();
      expect(d.workbook.activeSheet).toBe("X");
      x.delete();
      await ctx.sync();
      expect(d.workbook.sheetNames).toEqual(["Data", "My data"]);
      expect(d.workbook.activeSheet).toBe("My data");
    });
  });

  test("tables: header from the first row, unique names in the workbook, no overlap", async () => {
    const d = make();
    await run(d, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      const t = ws.tables.add("A1:B3", true);
      t.name = "Flows";
      const all = ctx.workbook.tables.load("items/name");
      await ctx.sync();
      expect(all.items.map((i) => i.name)).toEqual(["Flows"]);
      ws.tables.add("B2:C4", true);
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      ctx.workbook.worksheets.getItem("My data").tables.add("B5:D6", true).name = "flows";
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(d.workbook.tables.map((t) => [t.name, t.address, t.headers])).toEqual([
      ["Flows", "Data!A1:B3", ["Region", "Flow"]],
      ["Table2", "'My data'!B5:D6", ["1", "2", "3"]], // added, then its rename failed
    ]);
  });

  test("charts: series from a column with its header, categories, title, legend, position", async () => {
    const d = make();
    await run(d, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      const c = ws.charts.add(d.Excel.ChartType.barClustered, ws.getRange("B1:B3"), d.Excel.ChartSeriesBy.columns);
      c.series.getItemAt(0).setXAxisValues(ws.getRange("A2:A3"));
      c.title.text = "Flows";
      c.legend.visible = false;
      c.setPosition("D2", "J20");
      await ctx.sync();
    });
    const [chart] = d.workbook.sheet("Data")!.charts;
    expect(chart).toMatchObject({ type: "BarClustered", title: "Flows", legendVisible: false, position: { start: "D2", end: "J20" }, series: [{ name: "Flow", values: "Data!B2:B3", categories: "Data!A2:A3" }] });
  });
});

describe("counters and faults", () => {
  test("bytes per request: the JSON of what a sync sends and receives", async () => {
    const d = make();
    await run(d, async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("C1:C2").values = [["é"], [1]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Data").getRange("A1:B3").load("values");
      await ctx.sync();
    });
    const [w, r] = d.stats.requests;
    expect(w.bytes).toBe(utf8Length(JSON.stringify([{ p: 'worksheets.getItem("Data").getRange("C1:C2")', s: "values", v: [["é"], [1]] }])));
    expect(w.bytes).toBe(JSON.stringify([{ p: 'worksheets.getItem("Data").getRange("C1:C2")', s: "values", v: [["é"], [1]] }]).length + 1);
    expect(r.responseBytes).toBe(JSON.stringify([{ values: [["Region", "Flow"], ["North", 10], ["South", 20]] }]).length);
    expect(d.stats.largestRequestBytes).toBe(Math.max(w.bytes, r.bytes));
  });

  test("a request over 5 MB fails like Excel on the web, and nothing of it is applied", async () => {
    const d = make();
    const big = Array.from({ length: 60_000 }, (_, i) => [`row ${i} ${"x".repeat(80)}`]);
    await run(d, async (ctx) => {
      const ws = ctx.workbook.worksheets.add("Big");
      ws.getRange(`A1:A${big.length}`).values = big;
      await expect(ctx.sync()).rejects.toMatchObject({ name: "RichApi.Error", code: "RequestPayloadSizeLimitExceeded" });
    });
    expect(d.stats.requests[0].bytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(d.workbook.sheetNames).toEqual(["Data", "My data"]);
  });

  test("a response over 5 MB fails too, and nothing is loaded", async () => {
    const d = make();
    const big = Array.from({ length: 60_000 }, (_, i) => [`row ${i} ${"x".repeat(80)}`]);
    await run(d, async (ctx) => {
      const ws = ctx.workbook.worksheets.add("Big");
      for (let i = 0; i < 3; i++) {
        ws.getRange(`A${1 + i * 20_000}:A${(i + 1) * 20_000}`).values = big.slice(i * 20_000, (i + 1) * 20_000);
        await ctx.sync();
      }
      const r = ws.getRange(`A1:A${big.length}`).load("values");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
      expect(() => r.values).toThrow(/not available/);
    });
  });

  test("failOnSync: the n-th sync applies its first operations, then fails; failWhen picks an operation", async () => {
    const d = make();
    d.failOnSync(2, { afterOps: 1 });
    await run(d, async (ctx) => {
      ctx.workbook.worksheets.add("One");
      await ctx.sync();
      ctx.workbook.worksheets.add("Two");
      ctx.workbook.worksheets.add("Three");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "GeneralException" });
      d.failWhen((op) => op.desc === "Worksheet.activate", "AccessDenied");
      ctx.workbook.worksheets.getItem("One").activate();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied", debugInfo: { errorLocation: "Worksheet.activate" } });
    });
    expect(d.workbook.sheetNames).toEqual(["Data", "My data", "One", "Two"]);
    expect(d.stats.requests.map((r) => r.failed)).toEqual([undefined, "GeneralException", "AccessDenied"]);
  });

  test("suspend calls are recorded per request", async () => {
    const d = make();
    await run(d, async (ctx) => {
      ctx.application.suspendApiCalculationUntilNextSync();
      ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
      ctx.workbook.worksheets.add("S");
      await ctx.sync();
      ctx.workbook.worksheets.add("T");
      await ctx.sync();
    });
    expect(d.stats.requests.map((r) => r.suspended)).toEqual([["calculation", "screen"], []]);
  });
});
