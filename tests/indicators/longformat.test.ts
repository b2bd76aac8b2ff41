import { pivotFlows } from "../../src/indicators/longformat";
import { margins, migrationEffectivenessIndex } from "../../src/indicators/matrix";
import { MeasureError } from "../../src/indicators/types";
import { ukFlows } from "../support/samples";

describe("pivotFlows", () => {
  test("labels in order of first appearance, repeated pairs added, unlisted pairs 0", () => {
    const p = pivotFlows(["A", "A", "B", "A"], ["B", "C", "A", "B"], [5, 2, 3, 1]);
    expect(p.labels).toEqual(["A", "B", "C"]);
    expect(p.matrix).toEqual([
      [0, 6, 2],
      [3, 0, 0],
      [0, 0, 0],
    ]);
  });
  test("the number 1 and the text \"1\" are one region", () => expect(pivotFlows([1, "2"], ["2", "1"], [4, 5]).labels).toEqual([1, "2"]));
  test("a flow that is an error keeps its error in the cell", () => {
    const missing = new MeasureError("missing", "flows (row 2) is blank");
    const p = pivotFlows(["A", "A"], ["B", "B"], [5, missing]);
    expect(p.matrix[0][1]).toBe(missing);
  });
  test("lists of different lengths are invalid; a negative flow is out of domain", () => {
    expect(() => pivotFlows(["A"], ["B", "C"], [1])).toThrow(/same length/);
    expect(() => pivotFlows(["A"], ["B"], [-1])).toThrow(/negative/);
  });
  test("UK 2018: 12 regions, 1,591,416 moves, London's net loss of 103,228 and MEI 0.0649", () => {
    const { orig, dest, flow } = ukFlows();
    const { labels, matrix } = pivotFlows(orig, dest, flow);
    const m = matrix as number[][];
    expect(labels).toHaveLength(12);
    const { outflows, inflows, total } = margins(m);
    expect(total).toBe(1591416);
    const london = labels.indexOf("London");
    expect(inflows[london] - outflows[london]).toBe(-103228);
    expect(migrationEffectivenessIndex(m)).toBeCloseTo(0.06486550342587985, 14);
  });
});
