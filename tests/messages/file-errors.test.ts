import { ChartErrorCode, ChartErrorParams, FileErrorCode, FileErrorParams, renderChartError, renderFileError } from "../../src/messages/file-errors";
import type { Lang } from "../../src/messages/lang";
import { expectBothLanguages } from "./samples";

const FILE: { [C in FileErrorCode]: FileErrorParams[C] } = {
  oldXls: { file: "flows.xls" },
  ods: { file: "flows.ods" },
  isFolder: { path: "/data/flows" },
  noSuchFile: { path: "/data/flows.csv" },
  permissionDenied: { path: "/data/flows.csv" },
  cannotRead: { path: "/data/flows.csv", why: "EIO: i/o error" },
  empty: { path: "/data/flows.csv" },
  badRange: { range: "B2:Q" },
  rangeBeyondSheet: { range: "A1:XFE2" },
  sheetNoData: { sheet: "Flows" },
  notXlsx: { file: "flows.xlsx", trouble: "notZip" },
  noSheets: { file: "flows.xlsx" },
  sheetAndRange: { sheet: "Flows", range: "Stocks!A1:C9" },
  noSheet: { sheet: "Stocks", file: "flows.xlsx", sheets: ["Flows", "Notes"] },
  csvOneSheet: { sheet: "Stocks", file: "flows.csv", csvSheet: "Data" },
  notText: { file: "flows.bin" },
  notRangeNorFile: { spec: "Distances!B2" },
};

/** What each failure's wording must name, in every language. */
const FILE_NAMES: { [C in FileErrorCode]: readonly string[] } = {
  oldXls: ["flows.xls", ".xlsx", ".csv"],
  ods: ["flows.ods", ".xlsx", ".csv"],
  isFolder: ["/data/flows"],
  noSuchFile: ["/data/flows.csv"],
  permissionDenied: ["/data/flows.csv"],
  cannotRead: ["/data/flows.csv", "EIO: i/o error"],
  empty: ["/data/flows.csv"],
  badRange: ["'B2:Q'", "A1:D20"],
  rangeBeyondSheet: ["'A1:XFE2'"],
  sheetNoData: ["'Flows'"],
  notXlsx: ["flows.xlsx", "zip"],
  noSheets: ["flows.xlsx"],
  sheetAndRange: ["--sheet 'Flows'", "--range 'Stocks!A1:C9'"],
  noSheet: ["'Stocks'", "flows.xlsx", "'Flows', 'Notes'"],
  csvOneSheet: ["'Stocks'", "flows.csv", "CSV", "'Data'"],
  notText: ["flows.bin", ".xlsx", "CSV"],
  notRangeNorFile: ["'Distances!B2'", "Distances!B2:R18"],
};

const CHART: { [C in ChartErrorCode]: ChartErrorParams[C] } = {
  withStocks: {},
  isInputOrReport: { file: "out/chord.svg" },
  isFolder: { file: "out/chord.svg" },
  exists: { file: "out/chord.svg" },
  noFolder: { file: "out/chord.svg", folder: "/work/out" },
  sameFile: {},
  cannotDraw: { why: "flows must be counts of zero or more: C4 is not", problem: "badCell", cells: ["C4"] },
  cannotWrite: { file: "out/chord.png", why: "ENOSPC: no space left on device" },
};

const CHART_NAMES: { [C in ChartErrorCode]: readonly string[] } = {
  withStocks: ["--chart", "--stocks", "Estimated Flows"],
  isInputOrReport: ["out/chord.svg"],
  isFolder: ["out/chord.svg"],
  exists: ["out/chord.svg", "--force"],
  noFolder: ["out/chord.svg", "/work/out"],
  sameFile: ["--chart-svg", "--chart-png"],
  cannotDraw: ["C4"],
  cannotWrite: ["out/chord.png", "ENOSPC: no space left on device"],
};

const checkBoth = (render: (lang: Lang) => string, names: readonly string[]) => expectBothLanguages(render, names, ["xlsx", "csv", "ods", "xls"]);

describe("failures to open the input in English and Ukrainian", () => {
  test.each(Object.keys(FILE) as FileErrorCode[])("%s: worded in both languages from its parameters, naming them", (code) => {
    checkBoth((lang) => renderFileError({ code, params: FILE[code] } as Parameters<typeof renderFileError>[0], lang), FILE_NAMES[code]);
  });

  test("the English words are those the command line always printed", () => {
    expect(renderFileError({ code: "noSuchFile", params: { path: "in.csv" } }, "en")).toBe("no such file: in.csv");
    expect(renderFileError({ code: "noSheet", params: FILE.noSheet }, "en")).toBe("no sheet 'Stocks' in flows.xlsx (sheets: 'Flows', 'Notes')");
    expect(renderFileError({ code: "notXlsx", params: { file: "a.xlsx", trouble: "notWorkbook", part: "xl/workbook.xml" } }, "en")).toBe(
      "cannot read a.xlsx as an .xlsx workbook (no workbook part (xl/workbook.xml) in the zip: not an .xlsx workbook)",
    );
  });

  test("an .xlsx the reader cannot open for a reason of its own: its words kept in both languages", () => {
    const params = { file: "a.xlsx", why: "xl/worksheets/sheet1.xml uses zip compression method 12" };
    expect(renderFileError({ code: "notXlsx", params }, "en")).toBe(`cannot read a.xlsx as an .xlsx workbook (${params.why})`);
    expect(renderFileError({ code: "notXlsx", params }, "uk")).toBe(`не вдалося прочитати a.xlsx як книгу .xlsx (${params.why})`);
  });

  test.each(["truncated", "notWorkbook"] as const)("an .xlsx that is %s: the trouble worded in Ukrainian", (trouble) => {
    checkBoth((lang) => renderFileError({ code: "notXlsx", params: { file: "a.xlsx", trouble } }, lang), ["a.xlsx", "zip"]);
  });
});

describe("failures of --chart in English and Ukrainian", () => {
  test.each(Object.keys(CHART) as ChartErrorCode[])("%s: worded in both languages from its parameters, naming them", (code) => {
    checkBoth((lang) => renderChartError({ code, params: CHART[code] } as Parameters<typeof renderChartError>[0], lang), CHART_NAMES[code]);
  });

  test("a drawing problem without a code keeps the drawing's words; with one, English keeps them too", () => {
    const why = "a gap of 90° between 4 arcs leaves too little of the circle";
    expect(renderChartError({ code: "cannotDraw", params: { why } }, "uk")).toBe(`не вдалося накреслити хордову діаграму: ${why}`);
    expect(renderChartError({ code: "cannotDraw", params: { why: "there are no flows between two different regions to draw", problem: "noFlows" } }, "en")).toBe(
      "cannot draw the chord diagram: there are no flows between two different regions to draw",
    );
    expect(renderChartError({ code: "cannotDraw", params: { why: "x", problem: "noFlows" } }, "uk")).toBe("не вдалося накреслити хордову діаграму: немає потоків між двома різними регіонами");
  });
});
