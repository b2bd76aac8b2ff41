import { readCountTable, readFlowCount, readFlowSums, readMatrix, readStocks, readVector } from "../../src/functions/cells";
import { flowsFromStocks, Stocks } from "../../src/indicators/estimation";
import { FlowCount, flowCountOf, Flows, flowsOf, FlowSums, flowSumsOf, margins } from "../../src/indicators/matrix";
import { prng } from "../support/random";
import { MeasureError } from "../../src/indicators/types";

/** What a reader throws, for comparing kind and message. */
function thrown(body: () => unknown): { kind: string; message: string } | undefined {
  try {
    body();
  } catch (e) {
    return e instanceof MeasureError ? { kind: e.kind, message: e.message } : { kind: "other", message: String(e) };
  }
  return undefined;
}

describe("readMatrix: Excel's cells read and checked in one pass, into Flows", () => {
  test("blanks are 0, the diagonal is 0 whatever it holds, numbers are kept", () => {
    const f = readMatrix(
      [
        ["stayers", 1, null],
        [2, -5, ""],
        [3, 4, true],
      ],
      "matrix",
    );
    expect(f).toBeInstanceOf(Flows);
    expect(f.n).toBe(3);
    expect(f.rows).toEqual([
      [0, 1, 0],
      [2, 0, 0],
      [3, 4, 0],
    ]);
  });
  test("a row of counts with 0 on its diagonal is the caller's own array; a row with a blank, or anything else on its diagonal (-0 too), is a copy", () => {
    const grid: unknown[][] = [
      [0, 1, 2],
      [3, -0, 4],
      [5, null, 0],
    ];
    const f = readMatrix(grid, "matrix");
    expect(f.rows[0]).toBe(grid[0]);
    expect(f.rows[1]).not.toBe(grid[1]);
    expect(Object.is(f.rows[1][1], 0)).toBe(true);
    expect(f.rows[2]).not.toBe(grid[2]);
    expect(f.rows[2]).toEqual([5, 0, 0]);
  });
  test("the Flows read from cells equals the one checked from the same numbers", () => {
    const m = [
      [0, 7, 1.5],
      [2, 0, 0],
      [9, 4, 0],
    ];
    expect(readMatrix(m, "matrix")).toEqual(flowsOf(m));
  });
  test("a bad cell is named only in its error; the first in reading order is the one reported", () => {
    expect(thrown(() => readMatrix([[0, "x"], [-1, 0]], "matrix"))).toEqual({ kind: "invalid", message: 'matrix (row 1, column 2) is text ("x"), not a number' });
    expect(thrown(() => readMatrix([[0, 1], [-1, 0]], "matrix"))).toEqual({ kind: "outOfDomain", message: "matrix (row 2, column 1) is negative (-1)" });
    expect(thrown(() => readMatrix([[0, 1], [NaN, 0]], "matrix"))?.message).toBe("matrix (row 2, column 1) is not a finite number");
    expect(thrown(() => readMatrix([[0, 1, 2]], "matrix"))?.message).toMatch(/must be a square origin × destination matrix; it is 1×3/);
  });
});

describe("readFlowSums and readFlowCount: a matrix read as readMatrix reads it, kept as its sums or its count of non-zero flows", () => {
  const cases: unknown[][][] = [
    [
      ["stayers", 1, null],
      [2, -5, ""],
      [3, 4, true],
    ],
    [[0, "x"], [-1, 0]],
    [[0, 1], [-1, 0]],
    [[0, 1], [NaN, 0]],
    [[0, 1], [null, 0]],
    [[0, 1, 2]],
    [[0, 1], [2]],
    [[5]],
    // An infinite cell is named before a later bad cell of its row, and before the next row's.
    [[0, Infinity, "x"], [1, 0, 2], [3, 4, 0]],
    [[0, 1, Infinity], ["x", 0, 1], [0, 0, 0]],
    [[Infinity, 1], [2, -0]],
    // Finite cells whose sum overflows are accepted; a bad cell after them is still the one named.
    [[0, 1e308, 1e308], [0, 0, 0], [0, 0, 0]],
    [[0, 1e308, 1e308, "x"], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    [[0, 1e308, 1e308, Infinity], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    [[0, 1e308, 1e308, Infinity, "x"], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]],
  ];
  test("the same cells accepted and the same first bad cell reported as readMatrix", () => {
    for (const m of cases) {
      const fromMatrix = thrown(() => readMatrix(m, "matrix"));
      expect(thrown(() => readFlowSums(m, "matrix"))).toEqual(fromMatrix);
      expect(thrown(() => readFlowCount(m, "matrix"))).toEqual(fromMatrix);
      if (!fromMatrix) {
        expect(readFlowSums(m, "matrix")).toEqual(flowSumsOf(readMatrix(m, "matrix")));
        expect(readFlowCount(m, "matrix")).toEqual(flowCountOf(readMatrix(m, "matrix")));
      }
    }
  });
  test("over seeded random matrices with bad cells anywhere, the same first bad cell as readMatrix, or sums equal to those of readMatrix's flows, bit for bit", () => {
    const rand = prng(20261206);
    const odd: unknown[] = ["", null, "x", -1, NaN, Infinity, 1e308, true, -0, 0, "12"];
    // Square roots fill all 53 bits, so that adding in another order shows in the last bit.
    let refused = 0;
    for (let k = 0; k < 3000; k++) {
      const n = 1 + Math.floor(rand() * 7);
      const m = Array.from({ length: n }, () => Array.from({ length: n }, () => (rand() < 0.06 ? odd[Math.floor(rand() * odd.length)] : Math.sqrt(rand()) * 10 ** Math.floor(rand() * 7))));
      const fromMatrix = thrown(() => readMatrix(m, "matrix"));
      expect(thrown(() => readFlowSums(m, "matrix"))).toEqual(fromMatrix);
      expect(thrown(() => readFlowCount(m, "matrix"))).toEqual(fromMatrix);
      if (fromMatrix) refused++;
      else {
        expect(readFlowSums(m, "matrix")).toEqual(flowSumsOf(readMatrix(m, "matrix")));
        expect(readFlowCount(m, "matrix")).toEqual(flowCountOf(readMatrix(m, "matrix")));
      }
    }
    expect(refused).toBeGreaterThan(300); // both branches well exercised
    expect(refused).toBeLessThan(2700);
  });
  test("its sums are those of margins, bit for bit, and the count of non-zero flows that of the off-diagonal cells", () => {
    const rand = prng(7);
    for (const n of [1, 2, 5, 33]) {
      const m = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (rand() < 0.3 ? 0 : i === j ? 1e9 : Math.sqrt(rand()) * 1e6)));
      const s = readFlowSums(m, "matrix");
      const g = margins(m);
      expect(s).toBeInstanceOf(FlowSums);
      expect(Array.from(s.outflows)).toEqual(g.outflows);
      expect(Array.from(s.inflows)).toEqual(g.inflows);
      expect(s.total).toBe(g.total);
      expect(readFlowCount(m, "matrix")).toEqual(new FlowCount(n, m.flatMap((row, i) => row.filter((v, j) => j !== i && v > 0)).length));
    }
  });
});

describe("readStocks: a table of stocks checked as readMatrix checks it, read in place", () => {
  const shape = "place of birth × place of residence table";
  const bad: unknown[][][] = [
    [[0, "x"], [-1, 0]],
    [[0, 1], [-1, 0]],
    [[0, 1], [NaN, 0]],
    [[0, 1], [Infinity, 0]],
    [[0, "12,610"], [1, 0]],
    [[0, false], [1, 0]],
    [[0, 1, 2]],
    [[0, 1], [2]],
  ];
  test("the same cells refused, with the same first bad cell named, as readMatrix", () => {
    for (const m of bad) {
      const fromMatrix = thrown(() => readMatrix(m, "stocks_start", shape));
      expect(fromMatrix).toBeDefined();
      expect(thrown(() => readStocks(m, "stocks_start", shape))).toEqual(fromMatrix);
    }
  });
  test("a row of numbers is the caller's own array, never written; a row with a blank or a non-number on the diagonal is a copy", () => {
    const grid: unknown[][] = [
      [-7, 1, 2],
      [3, "stayers", null],
      [4, 5, NaN],
    ];
    const before = JSON.stringify(grid.map((row) => row.map(String)));
    const s = readStocks(grid, "stocks_start", shape);
    expect(s).toBeInstanceOf(Stocks);
    expect(s.rows[0]).toBe(grid[0]);
    expect(s.rows[1]).not.toBe(grid[1]);
    expect(s.rows[1]).toEqual([3, 0, 0]);
    expect(s.rows[2]).toBe(grid[2]);
    flowsFromStocks(s, readStocks([[0, 9, 9], [9, 0, 9], [9, 9, 0]], "stocks_end", shape), "return");
    expect(JSON.stringify(grid.map((row) => row.map(String)))).toBe(before);
  });
  test("the flows from stocks read in place are those from the same tables read by readMatrix, bit for bit", () => {
    const rand = prng(20261205);
    const cell = (i: number, j: number): unknown => {
      const r = rand();
      if (i === j) return r < 0.3 ? "—" : r < 0.5 ? null : r < 0.6 ? -3 : Math.floor(r * 1e6);
      return r < 0.1 ? null : r < 0.15 ? "" : r < 0.6 ? Math.floor(r * 1e5) : r * 1e4;
    };
    for (const n of [1, 2, 3, 7, 40]) {
      for (let k = 0; k < 5; k++) {
        const a = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => cell(i, j)));
        const b = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => cell(i, j)));
        for (const method of ["zero", "return"] as const) {
          const got = flowsFromStocks(readStocks(a, "stocks_start", shape), readStocks(b, "stocks_end", shape), method);
          const want = flowsFromStocks(readMatrix(a, "stocks_start", shape), readMatrix(b, "stocks_end", shape), method);
          expect(got.flat().map((v) => Object.is(v, -0) ? "-0" : v)).toEqual(want.flat().map((v) => Object.is(v, -0) ? "-0" : v));
        }
      }
    }
  });
});

describe("readCountTable and readVector: names built only for a bad cell", () => {
  test("a count table keeps every cell, the diagonal too; a blank is 0; its sums come with it", () => {
    const t = readCountTable([[1, null], [3, 4]], "seed");
    expect(t.rows).toEqual([
      [1, 0],
      [3, 4],
    ]);
    expect(Array.from(t.rowSums)).toEqual([1, 7]);
    expect(Array.from(t.colSums)).toEqual([4, 4]);
    expect(thrown(() => readCountTable([[1, 2], [3, -4]], "seed"))?.message).toBe("seed (row 2, column 2) is negative (-4)");
  });
  test("a vector passes numbers through and names a bad item", () => {
    expect(readVector([[1], [2], [3]], "populations")).toEqual([1, 2, 3]);
    expect(thrown(() => readVector([[1], [null], [3]], "populations"))).toEqual({ kind: "missing", message: "populations (item 2) is blank" });
    expect(thrown(() => readVector([["a"]], "populations"))?.message).toBe('populations is text ("a"), not a number');
  });
});
