import { skilledEmigrationRate } from "../../src/indicators/braindrain";
import { elementwise2 } from "../../src/functions/elementwise";
import { isExcelError } from "../../scripts/lib/custom-functions-runtime";

const rate = (a: unknown, b: unknown) => elementwise2(["skilled_emigrants", "skilled_residents"], skilledEmigrationRate, a, b);

describe("elementwise broadcasting, as Excel arithmetic", () => {
  test("two single cells give a 1×1 result", () => expect(rate([[1]], [[3]])).toEqual([[0.25]]));
  test("a plain value (a constant typed into the formula) counts as a single cell", () => expect(rate(1, [[3]])).toEqual([[0.25]]));
  test("an overflow is #NUM!, not Infinity, in a single cell and in a range", () => {
    const ratio = (a: unknown, b: unknown) => elementwise2(["a", "b"], (x, y) => x / y, a, b);
    expect(isExcelError(ratio([[1]], [[5e-324]])[0][0], "#NUM!")).toBe(true);
    const out = ratio([[1], [2]], [[5e-324]]);
    expect(isExcelError(out[0][0], "#NUM!") && isExcelError(out[1][0], "#NUM!")).toBe(true);
  });
  test("a single cell against a 2×2 range gives a 2×2 result", () => {
    expect(rate([[1, 3], [5, 7]], [[1]])).toEqual([
      [0.5, 0.75],
      [5 / 6, 7 / 8],
    ]);
  });
  test("a row against a column of another size is an error naming both shapes", () => {
    expect(() => rate([[1, 2, 3]], [[1], [2], [3]])).toThrow(expect.objectContaining({ code: "#VALUE!", message: "skilled_emigrants is 1×3 but skilled_residents is 3×1: give ranges of the same size, or a single cell" }));
  });
  test("a ragged or empty array is not a range", () => {
    expect(() => rate([[1, 2], [3]], [[1]])).toThrow(expect.objectContaining({ code: "#VALUE!", message: "skilled_emigrants is not a rectangular range" }));
    expect(() => rate([[]], [[1]])).toThrow(expect.objectContaining({ code: "#VALUE!", message: "skilled_emigrants is empty" }));
  });
});

describe("per-cell errors name the argument and the cell", () => {
  const out = rate([[1], ["12 000"], [null], [true], [-4]], [[3]]);
  test("text, with the text quoted", () => {
    const e = out[1][0];
    expect(isExcelError(e, "#VALUE!") && e.message).toBe('skilled_emigrants (row 2) is text ("12 000"), not a number');
  });
  test("a blank is a missing value", () => {
    const e = out[2][0];
    expect(isExcelError(e, "#N/A") && e.message).toBe("skilled_emigrants (row 3) is blank");
  });
  test("TRUE is not a number", () => {
    const e = out[3][0];
    expect(isExcelError(e, "#VALUE!") && e.message).toBe("skilled_emigrants (row 4) is TRUE, not a number");
  });
  test("a negative count is #NUM!, which Excel shows without a message", () => {
    const e = out[4][0];
    expect(isExcelError(e, "#NUM!")).toBe(true);
    expect((e as { message?: string }).message).toBeUndefined();
  });
  test("the good cell still computes", () => expect(out[0][0]).toBe(0.25));
  test("in a 2-D range the message gives row and column", () => {
    const e = rate([[1, "x"]], [[1, 1]])[0][1];
    expect(isExcelError(e) && e.message).toBe('skilled_emigrants (column 2) is text ("x"), not a number');
    const e2 = rate([[1, 1], [1, "x"]], [[1]])[1][1];
    expect(isExcelError(e2) && e2.message).toBe('skilled_emigrants (row 2, column 2) is text ("x"), not a number');
  });
  test("long text is shortened in the message", () => {
    const e = rate([["a very long label that goes on and on and on"]], [[1]])[0][0];
    expect(isExcelError(e) && e.message).toBe('skilled_emigrants is text ("a very long label that goes on and on a…"), not a number');
  });
  test("text with line breaks is quoted on one line", () => {
    const e = rate([["12\r\n610"]], [[1]])[0][0];
    expect(isExcelError(e) && e.message).toBe('skilled_emigrants is text ("12↵610"), not a number');
  });
});

describe("the result of a range is its own: the arguments are left as they were", () => {
  // Writing the results into the input's rows would save allocating them (bench/column-floor.ts),
  // but a caller that reads its arguments again would then read results as inputs.
  test("a column's inputs keep their values and no result row is an input row", () => {
    const a = [[1], [3], ["x"]];
    const b = [[3], [1], [1]];
    const before = JSON.stringify([a, b]);
    const out = rate(a, b);
    expect(JSON.stringify([a, b])).toBe(before);
    out.forEach((row, r) => expect(row !== a[r] && row !== b[r]).toBe(true));
    expect(rate(a, b)).toEqual(out); // the same call again gives the same result
  });
});
