import { excelErrorOf, guard, guardFinite, measureErrorOf, toExcelError } from "../../src/functions/errors";
import { MeasureError } from "../../src/indicators/types";
import { isExcelError } from "../../scripts/lib/custom-functions-runtime";

describe("Excel errors of the measures' failures", () => {
  test("each kind has its Excel error; only #VALUE! and #N/A carry the message", () => {
    expect(excelErrorOf("invalid", "m")).toMatchObject({ code: "#VALUE!", message: "m" });
    expect(excelErrorOf("missing", "m")).toMatchObject({ code: "#N/A", message: "m" });
    expect(excelErrorOf("outOfDomain", "m")).toEqual(expect.objectContaining({ code: "#NUM!", message: undefined }));
    expect(excelErrorOf("zeroDenominator", "m")).toEqual(expect.objectContaining({ code: "#DIV/0!", message: undefined }));
  });
  test("guard turns anything thrown into an Excel error, never anything else", () => {
    expect(() => guard(() => { throw new MeasureError("missing", "x is blank"); })).toThrow(expect.objectContaining({ code: "#N/A", message: "x is blank" }));
    try {
      guard(() => { throw new TypeError("boom"); });
    } catch (e) {
      expect(isExcelError(e, "#VALUE!") && e.message).toBe("unexpected error: boom");
    }
    expect(guard(() => 42)).toBe(42);
  });
  test("an overflow is #NUM!, never Infinity or NaN presented as a result", () => {
    expect(() => guard(() => 1 / 5e-324)).toThrow(expect.objectContaining({ code: "#NUM!" }));
    const out = guard(() => [[1, Infinity, NaN]]);
    expect(out[0][0]).toBe(1);
    expect(isExcelError(out[0][1], "#NUM!") && isExcelError(out[0][2], "#NUM!")).toBe(true);
  });
  test("guardFinite turns anything thrown into an Excel error and returns a checked table as it is", () => {
    expect(() => guardFinite(() => { throw new MeasureError("outOfDomain", "the fit overflows"); })).toThrow(expect.objectContaining({ code: "#NUM!" }));
    const table = [[1, 2], [3, 4]];
    expect(guardFinite(() => table)).toBe(table);
  });
  test("an Excel error from the cells is passed on unchanged", () => {
    const e = new CustomFunctions.Error("#REF!" as CustomFunctions.ErrorCode);
    expect(toExcelError(e)).toBe(e);
    expect(measureErrorOf(new CustomFunctions.Error("#DIV/0!" as CustomFunctions.ErrorCode), "flows").kind).toBe("zeroDenominator");
  });
});
