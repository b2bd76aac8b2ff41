/**
 * The time column: found by its header (year, year0, period, academic year…) or, when the
 * header names no role, by its values (every cell a period, each period on several rows); a
 * column of counts that happen to lie between 1800 and 2200 is not taken for it. The user can
 * map it, and cells of it that hold no period are listed as problems.
 */
import { applyOverrides, detect } from "../../src/report/detect";
import { matchHeader } from "../../src/report/roles";
import type { CellValue, Detection, SourceBlock } from "../../src/report/types";

const blockOf = (values: CellValue[][]): SourceBlock => ({ sheet: "Data", top: 0, left: 0, values, provenance: "Data!A1" });
const yearHeader = (d: Detection) => d.columns.find((c) => c.role === "year")?.header;

/** A long list with a third column of `time` values, under `header`. */
function list(header: string, time: CellValue[]): CellValue[][] {
  const pairs = [["A", "B"], ["B", "A"], ["A", "C"], ["C", "A"], ["B", "C"], ["C", "B"]];
  return [["origin", "destination", header, "flow"], ...time.map((t, i) => [...pairs[i % pairs.length], t, 10 + i])];
}

describe("by name", () => {
  test.each([
    ["year", "name"],
    ["Year", "name"],
    ["YEAR0", "synonym"],
    ["year0", "synonym"],
    ["period", "name"],
    ["Period", "name"],
    ["time", "synonym"],
    ["date", "synonym"],
    ["Academic year", "synonym"],
    ["reference period", "synonym"],
    ["period_start", "synonym"],
    ["Time period", "synonym"],
  ])("%s is the year role (%s)", (header, kind) => {
    expect(matchHeader(header)[0]).toMatchObject({ role: "year", kind });
  });

  test("Abel's five-year flow estimates: year0 is the time column of the long list", () => {
    const d = detect(blockOf(list("year0", [1990, 1990, 1990, 1995, 1995, 1995])));
    expect(d.shape).toBe("long");
    expect(yearHeader(d)).toBe("year0");
    expect(d.reasons[0]).toEqual({ code: "long", params: { flows: 6, regions: 3, periods: 2, headerRow: 1 } });
  });

  test("a period column of spans and a table's academic-year column", () => {
    expect(yearHeader(detect(blockOf(list("period", ["1990-1995", "1990-1995", "1995-2000", "1995-2000"]))))).toBe("period");
    const table = detect(blockOf([["country", "academic year", "inbound students", "outbound students"], ["A", "2012/13", 5, 7], ["A", "2013/14", 6, 8], ["B", "2012/13", 1, 2], ["B", "2013/14", 3, 4]]));
    expect(table.shape).toBe("table");
    expect(yearHeader(table)).toBe("academic year");
    expect(table.reasons[0]).toEqual({ code: "table", params: { rows: 4, regions: 2, periods: 2, headerRow: 1 } });
  });
});

describe("by values, under a header that names no role", () => {
  test("whole years, each on several rows: the time column, and the reasons say why", () => {
    const d = detect(blockOf(list("Jahr", [2000, 2000, 2000, 2005, 2005, 2005])));
    expect(yearHeader(d)).toBe("Jahr");
    expect(d.columns.find((c) => c.role === "year")!.confidence).toBe(0.8);
    expect(d.reasons.find((r) => r.code === "mapped")?.params).toEqual({ columns: expect.arrayContaining([expect.objectContaining({ header: "Jahr", role: "year", how: { kind: "periods" } })]) });
    expect(d.problems).toEqual([]);
  });

  test("spans and academic years written as text are periods too", () => {
    expect(yearHeader(detect(blockOf(list("Zeitraum", ["1990-1995", "1990-1995", "1995-2000", "1995-2000"]))))).toBe("Zeitraum");
    expect(yearHeader(detect(blockOf(list("x", ["2012-13", "2012-13", "2013-14", "2013-14"]))))).toBe("x");
  });

  test("a country table's unnamed column of repeated years", () => {
    const d = detect(blockOf([["country", "when", "immigrants", "emigrants"], ["A", 2000, 5, 7], ["B", 2000, 6, 8], ["A", 2010, 1, 2], ["B", 2010, 3, 4]]));
    expect(d.shape).toBe("table");
    expect(yearHeader(d)).toBe("when");
  });

  test("false positive avoided: counts between 1800 and 2200 are not years when each appears once", () => {
    const counts = [1850, 1923, 2010, 1999, 2104, 1876];
    const table = detect(blockOf([["country", "Moves", "immigrants", "emigrants"], ...counts.map((n, i) => [`C${i}`, n, 5 + i, 7 + i])]));
    expect(yearHeader(table)).toBeUndefined();
    const long = detect(blockOf(list("Moves", counts)));
    expect(yearHeader(long)).toBeUndefined();
  });

  test("false positive avoided: repeated counts with one that appears once, a decimal, or a single value", () => {
    const table = (moves: CellValue[]) => detect(blockOf([["country", "Moves", "immigrants", "emigrants"], ...moves.map((n, i) => [`C${i}`, n, 5 + i, 7 + i])]));
    expect(yearHeader(table([1900, 1900, 2000, 2000, 2100]))).toBeUndefined();
    expect(yearHeader(table([1900, 1900, 2000.5, 2000.5]))).toBeUndefined();
    expect(yearHeader(table([1900, 1900, 1900, 1900]))).toBeUndefined();
  });

  test("a column named for a count keeps its role even when its values look like years", () => {
    const d = detect(blockOf([["country", "immigrants", "emigrants"], ["A", 1990, 1990], ["B", 2000, 2000], ["C", 1990, 2000], ["D", 2000, 1990]]));
    expect(yearHeader(d)).toBeUndefined();
    expect(d.columns.map((c) => c.role)).toEqual(["region", "immigrants", "emigrants"]);
  });
});

describe("the user's say", () => {
  test("year= maps another column as the time column, and year= with nothing unmaps it", () => {
    const b = blockOf([
      ["origin", "destination", "year0", "ref", "flow"],
      ["A", "B", 1990, "1990-1995", 5],
      ["B", "A", 1990, "1990-1995", 6],
      ["A", "B", 1995, "1995-2000", 7],
      ["B", "A", 1995, "1995-2000", 8],
    ]);
    const d = detect(b);
    expect(yearHeader(d)).toBe("year0");
    expect(yearHeader(applyOverrides(b, d, { map: { year: "ref" } }))).toBe("ref");
    expect(yearHeader(applyOverrides(b, d, { map: { year: null } }))).toBeUndefined();
  });

  test("cells of the time column that hold no period are problems naming the cells", () => {
    const d = detect(blockOf(list("year", [2000, "2000", "n.d.", 2005, 1.5, 2005])));
    const problems = d.problems.filter((p) => p.kind === "period");
    expect(problems.map((p) => p.address)).toEqual(["C4", "C6"]);
    expect(problems[0]).toMatchObject({ code: "period", params: { value: "n.d.", column: { letters: "C", header: "year", role: "year" } } });
  });
});

test("a column named for time whose cells are mostly not periods (days, hours) is not taken for the time column", () => {
  const d = detect(blockOf(list("date", ["2020-07-01", "2020-07-02", "2020-07-03", "2020-07-04"])));
  expect(yearHeader(d)).toBeUndefined();
  // Mostly periods, with a slip: mapped, and the slip listed as a problem.
  const slip = detect(blockOf(list("date", [2000, 2000, 2005, "2005?"])));
  expect(yearHeader(slip)).toBe("date");
  expect(slip.problems.filter((p) => p.kind === "period").map((p) => p.address)).toEqual(["C5"]);
});
