/**
 * One reading of a cell's value (src/cells/kind.ts), used by detection and the report planner:
 * the kinds, and how the planner turns each into a number or the error the functions give.
 */
import { cellKind, isEmptyCell, isMissingMarker, numberText } from "../../src/cells/kind";
import { MeasureError } from "../../src/indicators/types";
import { numberIn } from "../../src/report/input";

test("each value has one kind", () => {
  const cases: [Parameters<typeof cellKind>[0], ReturnType<typeof cellKind>][] = [
    [null, "blank"], [undefined, "blank"], ["", "blank"],
    ["   ", "spaces"], ["\u00a0", "spaces"],
    [12, "number"], [-0, "number"], [NaN, "notFinite"], [-Infinity, "notFinite"],
    ["12,610", "numberText"], [" 42 ", "numberText"], ["3,5", "numberText"],
    ["..", "missingMarker"], [":", "missingMarker"], ["-", "missingMarker"], ["x", "missingMarker"], ["NA", "missingMarker"],
    ["abc", "text"], ["#N/A", "text"], ["TRUE", "text"],
    [true, "boolean"], [false, "boolean"],
  ];
  expect(cases.map(([v]) => [v, cellKind(v)])).toEqual(cases);
});

test("for laying out a block, a cell of spaces is empty; for numbers it is text", () => {
  expect([null, "", "  ", "x", 0].map(isEmptyCell)).toEqual([true, true, true, false, false]);
  expect(numberIn("  ")).toEqual(new MeasureError("invalid", 'text "  "'));
});

test("the planner's number: blank #N/A (missing), any text or TRUE/FALSE #VALUE! (invalid), NaN passed on", () => {
  const kinds = [null, "", " ", "12,610", "..", "abc", true].map((v) => {
    const x = numberIn(v);
    return x instanceof MeasureError ? x.kind : x;
  });
  expect(kinds).toEqual(["missing", "missing", "invalid", "invalid", "invalid", "invalid", "invalid"]);
  expect(numberIn(NaN)).toBeNaN();
  expect(numberIn(7)).toBe(7);
});

test("numberText tells the separators apart", () => {
  expect(["12,610", "12 610", "1.234.567", "1 234,5", "3,5", "42", "abc", "1.234"].map(numberText)).toEqual([
    "thousands", "thousands", "thousands", "thousands", "decimalComma", "plain", undefined, "plain",
  ]);
});

test("missing-value markers are short and known", () => {
  expect(["..", "…", "n/a", "N.A.", "-", "none", "...."].map(isMissingMarker)).toEqual([true, true, true, true, true, false, false]);
});
