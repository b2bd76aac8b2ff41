import { parseCsv } from "../../src/report/csv";
import { readSample } from "../support/samples";

describe("parseCsv", () => {
  test("numbers become numbers, empty fields and NA become blanks", () => {
    expect(parseCsv("a,b,c\n1,,NA\n-2.5,1e3,x\n")).toEqual([
      ["a", "b", "c"],
      [1, null, null],
      [-2.5, 1000, "x"],
    ]);
  });
  test("quoted fields keep commas, doubled quotes and line breaks, and stay text", () => {
    expect(parseCsv('"China, Hong Kong SAR*","say ""hi""","line\nbreak","42"\r\n')).toEqual([["China, Hong Kong SAR*", 'say "hi"', "line\nbreak", "42"]]);
  });
  test("a byte-order mark and blank lines are ignored; a last line without a newline is read", () => {
    expect(parseCsv("\ufeffx,y\n\n1,2")).toEqual([
      ["x", "y"],
      [1, 2],
    ]);
  });
  test("text that looks like a formula stays text", () => expect(parseCsv("=1+1,@SUM(A1),+3x")).toEqual([["=1+1", "@SUM(A1)", "+3x"]]));
  test("the UN DESA sample: 1,645 rows of 12 fields, quoted names with commas intact", () => {
    const rows = readSample("undesa-migrant-stock-totals-1990-2020.csv");
    expect(rows).toHaveLength(1646);
    rows.forEach((r) => expect(r).toHaveLength(12));
    expect(rows.some((r) => r[1] === "China, Hong Kong SAR*")).toBe(true);
  });
});
