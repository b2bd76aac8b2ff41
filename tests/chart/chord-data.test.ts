import { chartFlows, ChartInputError } from "../../src/chart/chord-data";
import { detect } from "../../src/report/detect";
import type { CellValue, SourceBlock } from "../../src/report/types";
import { erasmus, readSample } from "../support/samples";

const block = (values: CellValue[][], sheet = "Data"): SourceBlock => ({ sheet, top: 0, left: 0, values, provenance: "test" });
const problem = (f: () => unknown): ChartInputError => {
  try {
    f();
  } catch (e) {
    if (e instanceof ChartInputError) return e;
    throw e;
  }
  throw new Error("no ChartInputError");
};

describe("chartFlows", () => {
  it("takes a matrix's numbers as the report reads them, the diagonal left out", () => {
    const b = block(readSample("erasmus-student-mobility-2012-13.csv"));
    const f = chartFlows(b, detect(b));
    const e = erasmus();
    expect(f.labels).toEqual(e.labels);
    expect(f.flows).toEqual(e.matrix.map((r, i) => r.map((v, j) => (i === j ? 0 : v))));
  });

  it("pivots a long list, and the latest year when it holds several", () => {
    const b = block(readSample("uk-interregional-flows-2018.csv"));
    const f = chartFlows(b, detect(b));
    expect(f.labels).toHaveLength(12);
    expect(f.flows.flat().reduce((a, v) => a + v, 0)).toBe(readSample("uk-interregional-flows-2018.csv").slice(1).reduce((a, r) => a + (r[2] as number), 0));
    const years = block([["origin", "destination", "year", "flow"], ["A", "B", 2019, 5], ["B", "A", 2019, 1], ["A", "B", 2020, 7], ["B", "A", 2020, 2], ["A", "C", 2020, 3]]);
    const y = chartFlows(years, detect(years));
    expect(y.year).toBe("2020"); // the period's key, as the report groups it
    expect(y.labels).toEqual(["A", "B", "C"]);
    expect(y.flows).toEqual([[0, 7, 3], [2, 0, 0], [0, 0, 0]]);
    // The period the report shows with --period (or the pane's picker) is the one drawn.
    const first = chartFlows(years, detect(years), "2019");
    expect([first.year, first.labels, first.flows]).toEqual(["2019", ["A", "B"], [[0, 5], [1, 0]]]);
  });

  it("names the cells it cannot draw, and refuses a country table or no flows", () => {
    const m = block([["", "A", "B", "C"], ["A", 0, 5, -2], ["B", 1, 0, 2], ["C", 3, 4, 0]]);
    const bad = problem(() => chartFlows(m, { ...detect(m), shape: "matrix" }));
    expect(bad.problem).toBe("badCell");
    expect(bad.cells).toEqual(["D2"]);
    const table = block(readSample("iab-emigration-rates-1980-2010.csv").slice(0, 20));
    expect(problem(() => chartFlows(table, detect(table))).problem).toBe("table");
    const zeros = block([["", "A", "B"], ["A", 9, 0], ["B", 0, 9]]);
    expect(problem(() => chartFlows(zeros, detect(zeros))).problem).toBe("noFlows");
  });
});
