/** RowTemplate fills a formula down as Excel's shared formulas do, and shifts nothing else. */
import { RowTemplate } from "../../src/hosts/row-template";

test("relative rows move with the row, absolute rows and columns stay", () => {
  const t = new RowTemplate("'Data'!D2-'Data'!E2+$F$2+G$2+$H2", 5);
  expect(t.at(5)).toBe("'Data'!D2-'Data'!E2+$F$2+G$2+$H2");
  expect(t.at(9)).toBe("'Data'!D6-'Data'!E6+$F$2+G$2+$H6");
  expect(t.moves).toBe(true);
});

test("both ends of a range move", () => {
  expect(new RowTemplate("SUM(B2:B10)/COUNT(B2:C10)", 0).at(3)).toBe("SUM(B5:B13)/COUNT(B5:C13)");
});

test("string literals, quoted sheet names and planned {{sheet}} names are never shifted", () => {
  const t = new RowTemplate(`IF(A2="A2","B7",'Sheet A1'!C2&{{AB1}}!D2)`, 0);
  expect(t.at(1)).toBe(`IF(A3="A2","B7",'Sheet A1'!C3&{{AB1}}!D3)`);
});

test("function names with digits and names longer than a column are not references", () => {
  const t = new RowTemplate("LOG10(A2)+ATAN2(B2,C2)+ABCD1+_xlfn.STDEV.S(D2:D3)", 0);
  expect(t.at(2)).toBe("LOG10(A4)+ATAN2(B4,C4)+ABCD1+_xlfn.STDEV.S(D4:D5)");
});

test("a formula with no relative row is the same on every row", () => {
  const t = new RowTemplate("SUM($B$2:$B$9)*2", 3);
  expect(t.moves).toBe(false);
  expect(t.at(1000)).toBe("SUM($B$2:$B$9)*2");
});

test("numbers in scientific notation are not cells", () => {
  expect(new RowTemplate("1E2*A2+2.5E10", 0).at(1)).toBe("1E2*A3+2.5E10");
});

test("matches says whether a formula is the template filled to a row, as at() would build it", () => {
  const t = new RowTemplate("IF(A2>0,'Data'!B2/A2,NA())", 1);
  expect(t.matches("IF(A2>0,'Data'!B2/A2,NA())", 1)).toBe(true);
  expect(t.matches("IF(A9>0,'Data'!B9/A9,NA())", 8)).toBe(true);
  expect(t.matches("IF(A9>0,'Data'!B9/A8,NA())", 8)).toBe(false);
  expect(t.matches("IF(A9>0,'Data'!B9/A9,NA())x", 8)).toBe(false);
  expect(t.matches("IF(A9>0,'Data'!B9/A9,NA(", 8)).toBe(false);
  expect(t.matches("IF(A10>0,'Data'!B10/A10,NA())", 8)).toBe(false);
});
