/**
 * The Excel test double itself (tests/support/excel-double): it must enforce what Office.js
 * enforces, or the host tests prove nothing.
 */
import { addresses, createExcelDouble, DoubleError, EXCEL_DESKTOP, EXCEL_ON_THE_WEB, ExcelDouble, PAYLOAD_LIMIT_BYTES, utf8Length } from "../support/excel-double";
import type { RequestContext } from "../support/excel-double/proxies";

function make(apiSets?: Record<string, string>): ExcelDouble {
  return createExcelDouble(
    {
      sheets: [
        { name: "Data", values: [["Region", "Flow"], ["North", 10], ["South", 20]] },
        { name: "My data", values: [[1, 2, 3]], top: 4, left: 1 },
      ],
      selection: "Data!A1:B3",
    },
    apiSets ? { apiSets } : {},
  );
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
    // What Office.js sends for it (ClientRequestBase.buildRequestMessageBodyAndRequestFlags):
    // the paths used, each instantiated, then the property set with the value as its argument.
    const sent =
      '{"AutoKeepReference":false,"Actions":[' +
      '{"Id":2,"ActionType":1,"Name":"","ObjectPathId":1},{"Id":4,"ActionType":1,"Name":"","ObjectPathId":3},' +
      '{"Id":6,"ActionType":1,"Name":"","ObjectPathId":5},{"Id":8,"ActionType":1,"Name":"","ObjectPathId":7},' +
      '{"Id":9,"ActionType":4,"Name":"Values","ObjectPathId":7,"ArgumentInfo":{"Arguments":[[["é"],[1]]]}}],' +
      '"ObjectPaths":{"1":{"Id":1,"ObjectPathType":1,"Name":""},"3":{"Id":3,"ObjectPathType":4,"Name":"Worksheets","ParentObjectPathId":1},' +
      '"5":{"Id":5,"ObjectPathType":3,"Name":"GetItem","ParentObjectPathId":3,"ArgumentInfo":{"Arguments":["Data"]}},' +
      '"7":{"Id":7,"ObjectPathType":3,"Name":"GetRange","ParentObjectPathId":5,"ArgumentInfo":{"Arguments":["C1:C2"]}}}}';
    expect(w.bytes).toBe(utf8Length(sent));
    expect(w.bytes).toBe(sent.length + 1);
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
    const d = make(EXCEL_ON_THE_WEB);
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

  test("failLargerThan: a request over the size fails whole with GeneralException, as Excel on the web answers", async () => {
    const d = make();
    d.failLargerThan(1000);
    await run(d, async (ctx) => {
      ctx.workbook.worksheets.add("Small");
      await ctx.sync();
      const ws = ctx.workbook.worksheets.add("Big");
      ws.getRange("A1:A100").values = Array.from({ length: 100 }, (_, i) => [`row ${i}`]);
      await expect(ctx.sync()).rejects.toMatchObject({ code: "GeneralException" });
    });
    expect(d.workbook.sheetNames).toEqual(["Data", "My data", "Small"]);
  });
});

describe("stricter rules", () => {
  test("requirement sets: by default only the declared ExcelApi 1.7; newer members fail with ApiNotFound when called", async () => {
    const d = make();
    expect(d.Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(d.Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
    expect(d.Office.context.requirements.isSetSupported("ExcelApiDesktop", "1.1")).toBe(false);
    await run(d, async (ctx) => {
      expect(() => ctx.application.suspendScreenUpdatingUntilNextSync()).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
      expect(() => {
        ctx.workbook.worksheets.getItem("Data").getRange("D1").formulaArray = "=SUM(B2:B3)";
      }).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
      ctx.application.suspendApiCalculationUntilNextSync(); // 1.6: offered
      ctx.workbook.worksheets.getItem("Data").freezePanes.freezeRows(1); // 1.7: offered
      await ctx.sync();
    });
    const old = make({ ExcelApi: "1.3" });
    await run(old, async (ctx) => {
      expect(() => ctx.workbook.getSelectedRange().getUsedRangeOrNullObject(true)).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
    });
  });

  test("Range.formulaArray (ExcelApiDesktop 1.1) array-enters a formula; reading it back", async () => {
    const d = make(EXCEL_DESKTOP);
    await run(d, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.getRange("D1").formulaArray = "=SUMPRODUCT(ABS(B2:B3-TRANSPOSE(B2:B3)))";
      await ctx.sync();
      const r = ws.getRange("D1").load("formulas,formulaArray");
      const plain = ws.getRange("B2").load("formulaArray");
      await ctx.sync();
      expect(r.formulas).toEqual([["=SUMPRODUCT(ABS(B2:B3-TRANSPOSE(B2:B3)))"]]);
      expect(r.formulaArray).toBe("=SUMPRODUCT(ABS(B2:B3-TRANSPOSE(B2:B3)))");
      expect(plain.formulaArray).toBeNull();
    });
    expect(d.workbook.sheet("Data")!.cell("D1")).toMatchObject({ formula: "=SUMPRODUCT(ABS(B2:B3-TRANSPOSE(B2:B3)))", arrayFormula: true });
  });

  test("unbounded ranges: null for values, formulas and number formats; writes refused", async () => {
    const d = make();
    await run(d, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      const cols = ws.getRange("A:B").load("values,formulas,numberFormat,address,cellCount");
      const rows = ws.getRange("2:3").load("values");
      await ctx.sync();
      expect(cols.values).toBeNull();
      expect(cols.formulas).toBeNull();
      expect(cols.numberFormat).toBeNull();
      expect(rows.values).toBeNull();
      expect(cols.address).toBe("Data!A:B");
      ws.getRange("C:C").values = [["x"]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      ws.getRange("5:5").numberFormat = [["0"]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  test("formulas are checked for syntax (@borgar/fx): a broken one is refused and nothing of the write lands", async () => {
    const d = make();
    await run(d, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.getRange("D1:G1").formulas = [["=SUM('My data'!B5:D5)", "={1,2;3,4}", "=IF(B2>0,\"x\",#N/A)", "=Data!A:A"]];
      await ctx.sync();
      for (const bad of ["=SUM(B2:", "=1+", "=SUM((B2)", '="open', "=SUM(B2))"]) {
        ws.getRange("D2:E2").formulas = [["=B2", bad]];
        await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      }
    });
    const ws = d.workbook.sheet("Data")!;
    expect(ws.formulas("D1:G1")).toEqual([["=SUM('My data'!B5:D5)", "={1,2;3,4}", '=IF(B2>0,"x",#N/A)', "=Data!A:A"]]);
    expect(ws.formulas("D2:E2")).toEqual([[null, null]]);
  });

  test("one namespace: a defined name (either scope) blocks a table of that name, and a table blocks the name", async () => {
    const d = createExcelDouble({
      sheets: [{ name: "Data", values: [["Region", "Flow"], ["North", 10]] }, { name: "Other", values: [["A", "B"], [1, 2]] }],
      names: [{ name: "Corridors", refersTo: "=Data!$A$1:$B$2" }, { name: "Local", refersTo: "=Other!$A$1", sheet: "Other" }],
    });
    await run(d, async (ctx) => {
      const wbNames = ctx.workbook.names.load("items/name");
      const sheetNames = ctx.workbook.worksheets.getItem("Other").names.load("items/name");
      await ctx.sync();
      expect(wbNames.items.map((n) => n.name)).toEqual(["Corridors"]);
      expect(sheetNames.items.map((n) => n.name)).toEqual(["Local"]);
      for (const name of ["Corridors", "corridors", "LOCAL"]) {
        const t = ctx.workbook.worksheets.getItem("Data").tables.add("A1:B2", true);
        t.name = name;
        await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
        d.workbook.sheet("Data")!.tables.length = 0; // the table the failed rename left behind
      }
      const t = ctx.workbook.worksheets.getItem("Other").tables.add("A1:B2", true);
      t.name = "Flows";
      await ctx.sync();
      ctx.workbook.names.add("Flows", "=Data!$A$1");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  test("calculation: the mode is observable; setting it needs ExcelApi 1.8; formulas written under suspension wait for calculate", async () => {
    const d = createExcelDouble({ sheets: [{ name: "Data", values: [[1], [2]] }], calculationMode: "Manual" }, { apiSets: EXCEL_ON_THE_WEB });
    await run(d, async (ctx) => {
      const app = ctx.application.load("calculationMode");
      await ctx.sync();
      expect(app.calculationMode).toBe("Manual");
      ctx.application.suspendApiCalculationUntilNextSync();
      ctx.workbook.worksheets.getItem("Data").getRange("B1:B2").formulas = [["=A1*2"], ["=A2*2"]];
      await ctx.sync();
      expect(d.workbook.uncalculated).toBe(2);
      ctx.workbook.worksheets.getItem("Data").getRange("C1").formulas = [["=A1"]]; // not suspended: calculated on entry
      await ctx.sync();
      expect(d.workbook.uncalculated).toBe(2);
      ctx.application.calculate("Recalculate");
      await ctx.sync();
      expect(d.workbook).toMatchObject({ uncalculated: 0, calculations: 1, calculationMode: "Manual", calculationModeChanges: 0 });
      ctx.application.calculationMode = "Automatic";
      await ctx.sync();
    });
    expect(d.workbook).toMatchObject({ calculationMode: "Automatic", calculationModeChanges: 1 });
    const old = createExcelDouble({ sheets: [{ name: "Data", values: [] }] });
    await run(old, async (ctx) => {
      expect(() => (ctx.application.calculationMode = "Manual")).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
    });
  });

  test("selections: several areas, a chart or a picture make getSelectedRange fail with InvalidSelection", async () => {
    for (const initial of [
      { selection: "Data!A1:A2,B1:B2" },
      { selection: "Data!A1", selectedObject: "chart" as const },
      { selection: "Data!A1", selectedObject: "picture" as const },
    ]) {
      const d = createExcelDouble({ sheets: [{ name: "Data", values: [[1, 2], [3, 4]] }], ...initial });
      await run(d, async (ctx) => {
        ctx.workbook.getSelectedRange().load("address");
        await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidSelection" });
      });
    }
  });
});
