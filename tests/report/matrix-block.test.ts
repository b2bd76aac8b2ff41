import { matrixLabelsOf } from "../../src/report/matrix-block";
import { detect } from "../../src/report/detect";
import type { SourceBlock } from "../../src/report/types";

const block = (): SourceBlock => ({
  sheet: "Data",
  top: 0,
  left: 0,
  provenance: "test",
  values: [
    ["", "Austria", "Belgium", "France", "Germany"],
    ["Germany", 5000, 3000, 7000, 0],
    ["France", 1000, 2000, 0, 6000],
    ["Austria", 0, 400, 900, 2500],
    ["Belgium", 300, 0, 4000, 1500],
  ],
});

describe("matrixLabelsOf", () => {
  test("the same block and detection give the alignment made the first time", () => {
    const b = block();
    const d = detect(b);
    const first = matrixLabelsOf(b, d);
    expect(first?.alignment.reordered).toBe(true);
    expect(matrixLabelsOf(b, d)).toBe(first);
  });
  test("another block or detection is aligned afresh, to the same labels", () => {
    const b = block();
    const d = detect(b);
    const first = matrixLabelsOf(b, d)!;
    const other = block();
    const again = matrixLabelsOf(other, detect(other))!;
    expect(again).not.toBe(first);
    expect(again.alignment).toEqual(first.alignment);
    const redetected = matrixLabelsOf(b, { ...d });
    expect(redetected).not.toBe(first);
    expect(redetected?.alignment).toEqual(first.alignment);
  });
  test("a block that is no matrix has no alignment, asked twice", () => {
    const b: SourceBlock = { sheet: "Data", top: 0, left: 0, provenance: "test", values: [["country", "rate"], ["DE", 0.1], ["FR", 0.2]] };
    const d = detect(b);
    expect(matrixLabelsOf(b, d)).toBeUndefined();
    expect(matrixLabelsOf(b, d)).toBeUndefined();
  });
});
