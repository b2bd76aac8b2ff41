import { cell, columnIndex, columnLetters, parseRange, quoteSheet, range, resolveSheetRefs, reportSheet } from "../../src/report/address";

test("column letters round-trip: A, Z, AA, AZ, ZZ, AAA, XFD", () => {
  const cases: [number, string][] = [[0, "A"], [25, "Z"], [26, "AA"], [51, "AZ"], [701, "ZZ"], [702, "AAA"], [16383, "XFD"]];
  for (const [i, s] of cases) {
    expect(columnLetters(i)).toBe(s);
    expect(columnIndex(s)).toBe(i);
  }
});
test("cells and ranges, relative and absolute", () => {
  expect(cell(0, 1)).toBe("B1");
  expect(cell(33, 33, true)).toBe("$AH$34");
  expect(range(1, 1, 33, 33)).toBe("B2:AH34");
});
test("sheet names are quoted with inner quotes doubled", () => expect(quoteSheet("It's data")).toBe("'It''s data'"));
test("references to report sheets are resolved to the names the host gave them", () => {
  const f = `SUM(${reportSheet("Flow Matrix", "B2:C3")})+${reportSheet("Other", "A1")}`;
  expect(resolveSheetRefs(f, new Map([["Flow Matrix", "Flow Matrix (2)"]]))).toBe("SUM('Flow Matrix (2)'!B2:C3)+'Other'!A1");
});
test("ranges parse in either corner order; junk is rejected", () => {
  expect(parseRange("D20:B2")).toEqual({ top: 1, left: 1, bottom: 19, right: 3 });
  expect(parseRange("$A$1")).toEqual({ top: 0, left: 0, bottom: 0, right: 0 });
  expect(parseRange("A0:B1")).toBeUndefined();
  expect(parseRange("B2:C")).toBeUndefined();
});
