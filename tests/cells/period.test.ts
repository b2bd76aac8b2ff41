import { comparePeriods, periodsIn, readPeriod } from "../../src/cells/period";

describe("readPeriod", () => {
  it.each([
    [1990, "1990", 1990, 1990],
    ["2010", "2010", 2010, 2010],
    [" 2010 ", "2010", 2010, 2010],
    ["1990-1995", "1990-1995", 1990, 1995],
    ["1990\u20131995", "1990\u20131995", 1990, 1995],
    ["1990 - 95", "1990 - 95", 1990, 1995],
    ["2012/13", "2012/13", 2012, 2013],
    ["2012-13", "2012-13", 2012, 2013],
    ["2012/2013", "2012/2013", 2012, 2013],
    ["1999/00", "1999/00", 1999, 2000],
  ])("reads %p as %p (%p to %p)", (cell, key, start, end) => {
    expect(readPeriod(cell)).toEqual({ key, start, end });
  });

  it.each([[1990.5], [12], [5000], ["abc"], ["1995-1990"], ["2010-01-01"], [true], [null], [""], ["19900"], [1799]])("finds no period in %p", (cell) => {
    expect(readPeriod(cell)).toBeUndefined();
  });
});

describe("periodsIn", () => {
  it("groups rows by the cell's trimmed text, number and text alike, in time order", () => {
    const col = periodsIn([2010, "2005", "2010 ", null, "n/a", "2005-2010", "  "]);
    expect(col.periods.map((p) => p.key)).toEqual(["2005", "2005-2010", "2010"]);
    expect(col.rows.get("2010")).toEqual([0, 2]);
    expect(col.rows.get("2005")).toEqual([1]);
    expect(col.others).toEqual([4]);
    expect(col.blanks).toEqual([3, 6]);
  });

  it("orders a year before the span that starts with it", () => {
    const a = readPeriod(2005)!;
    const b = readPeriod("2005-2010")!;
    expect(comparePeriods(a, b)).toBeLessThan(0);
    expect(comparePeriods(b, a)).toBeGreaterThan(0);
  });
});
