/**
 * MIGRATION.FLOWSFROMSTOCKS checks two tables of counts as it works out their flows, in one
 * pass, and reads anything else table by table: whichever way a call goes, it gives what reading
 * both tables first gives, the same flows or the same error naming the same cell.
 */
import * as cells from "../../src/functions/cells";
import { choiceOf, readOptionalChoice, readStocks } from "../../src/functions/cells";
import { guard } from "../../src/functions/errors";
import { migrationFlowsFromStocks } from "../../src/functions/estimation";
import * as estimation from "../../src/indicators/estimation";
import { flowsFromStocks, StockDecrease } from "../../src/indicators/estimation";
import { MeasureError } from "../../src/indicators/types";
import { prng } from "../support/random";

/** The call as it was made before the one-pass path: both tables read and checked, then the flows. */
function readingFirst(start: unknown, end: unknown, method: unknown): unknown[][] {
  return guard(() => {
    const shape = "place of birth × place of residence table";
    const s = readStocks(start, "stocks_start", shape);
    const e = readStocks(end, "stocks_end", shape);
    if (s.n !== e.n) throw new MeasureError("invalid", `stocks_start is ${s.n}×${s.n} but stocks_end is ${e.n}×${e.n}: give two tables of the same places in the same order`);
    return flowsFromStocks(s, e, readOptionalChoice<StockDecrease>(method, "method", ["zero", "return"], "zero"));
  });
}

function outcome(body: () => unknown): unknown {
  try {
    return { value: body() };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return { thrown: [err.code, err.message] };
  }
}

const errorValue = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable);
/** Cells that are not simply counts: blanks, text, numbers as text, TRUE, negatives, NaN, ±Infinity, an error value. */
const BAD: unknown[] = [null, "", " ", "text", "12", true, false, -1, -1e-300, NaN, Infinity, -Infinity, errorValue];
/** Counts at the edges: −0, tiny, huge, fractional. */
const EDGE = [-0, 0, 5e-324, 1e308, 0.1, 2 ** 53];

function table(rand: () => number, rows: number, cols: number, badShare: number): unknown[][] {
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => {
      const u = rand();
      if (u < badShare) return BAD[Math.floor(rand() * BAD.length)];
      if (u < badShare + 0.1) return EDGE[Math.floor(rand() * EDGE.length)];
      // Square roots times powers of ten: a different order of the arithmetic shows in the last bit.
      return Math.sqrt(1 + Math.floor(rand() * 1000)) * 10 ** Math.floor(rand() * 4);
    }),
  );
}

describe("MIGRATION.FLOWSFROMSTOCKS: checked as the flows are worked out", () => {
  test("seeded: 4,000 pairs of tables, with bad cells anywhere (the diagonal too), give what reading both tables first gives", () => {
    const rand = prng(20261206);
    const methods: unknown[] = [undefined, null, "zero", "return", " Return ", [["ZERO"]], "net", true, 3, [["zero", "return"]], errorValue];
    let withFlows = 0;
    for (let k = 0; k < 4000; k++) {
      const n = 1 + Math.floor(rand() * 6);
      const badShare = [0, 0, 0.02, 0.1, 0.4][Math.floor(rand() * 5)];
      const start = table(rand, n, n, badShare);
      // Now and then a second table of another order, or not square.
      const shape = rand();
      const end = shape < 0.05 ? table(rand, n + 1, n + 1, badShare) : shape < 0.08 ? table(rand, n, n + 1, badShare) : table(rand, n, n, badShare);
      const method = methods[Math.floor(rand() * methods.length)];
      const got = outcome(() => migrationFlowsFromStocks(start, end, method));
      const want = outcome(() => readingFirst(start, end, method));
      expect(got).toEqual(want);
      // Bit for bit where there are flows, −0 told from +0.
      const g = got as { value?: number[][] };
      const w = want as { value?: number[][] };
      if (g.value && w.value) {
        withFlows++;
        // (A cell whose flow overflows is an error value, compared as one.)
        g.value.forEach((row, i) => row.forEach((v, j) => (typeof v === "number" ? expect(Object.is(v, w.value![i][j])).toBe(true) : expect(v).toEqual(w.value![i][j]))));
      }
    }
    expect(withFlows).toBeGreaterThan(1000); // most draws reach the flows, through either path
  });

  test("two tables of counts take the one pass; a table with a blank takes it, is turned back at the blank, and is read table by table", () => {
    const onePass = jest.spyOn(estimation, "flowsFromCountCells");
    const tableByTable = jest.spyOn(cells, "readStocks");
    try {
      const counts = [
        [0, 5],
        [3, 0],
      ];
      expect(migrationFlowsFromStocks(counts, [[0, 9], [1, 0]], "zero")).toEqual([
        [0, 4],
        [0, 0],
      ]);
      expect(onePass).toHaveBeenCalledTimes(1);
      expect(onePass.mock.results[0].value).toEqual([
        [0, 4],
        [0, 0],
      ]);
      expect(tableByTable).not.toHaveBeenCalled();
      // Born in 1: 5 fewer living in 2 (a return 2 → 1); born in 2: 2 fewer living in 1 (1 → 2).
      expect(migrationFlowsFromStocks(counts, [[0, null], [1, 0]], "return")).toEqual([
        [0, 2],
        [5, 0],
      ]);
      expect(onePass).toHaveBeenCalledTimes(2);
      expect(onePass.mock.results[1].value).toBeUndefined();
      expect(tableByTable).toHaveBeenCalledTimes(2);
    } finally {
      onePass.mockRestore();
      tableByTable.mockRestore();
    }
  });

  test("a bad cell of the start table is named before an earlier one of the end table, as reading the start table first names it", () => {
    const start = [
      [0, 1, 2],
      [3, 0, "x"],
      [5, 6, 0],
    ];
    const end = [
      [0, -1, 2],
      [3, 0, 4],
      [5, 6, 0],
    ];
    expect(outcome(() => migrationFlowsFromStocks(start, end, "zero"))).toEqual({ thrown: ["#VALUE!", 'stocks_start (row 2, column 3) is text ("x"), not a number'] });
  });

  test("a blank off the diagonal is 0 and text on it is ignored, as when the tables are read first", () => {
    const start = [
      [0, null],
      [4, "—"],
    ];
    const end = [
      [7, 3],
      [1, 0],
    ];
    expect(migrationFlowsFromStocks(start, end, "return")).toEqual([
      [0, 6],
      [0, 0],
    ]);
  });

  test("the ranges are read, not written", () => {
    const start = Object.freeze([Object.freeze([0, 1]), Object.freeze([2, 0])]);
    const end = Object.freeze([Object.freeze([0, 3]), Object.freeze([1, 0])]);
    expect(migrationFlowsFromStocks(start as unknown as unknown[][], end as unknown as unknown[][], "return")).toEqual([
      [0, 3],
      [0, 0],
    ]);
  });
});

describe("choiceOf: the choice readOptionalChoice reads, without a message", () => {
  const choices = ["zero", "return"] as const;
  test("a word in any case with spaces around it, in a cell or a 1×1 range; blank is the default", () => {
    expect(choiceOf(" RETURN ", choices, "zero")).toBe("return");
    expect(choiceOf([["Zero"]], choices, "return")).toBe("zero");
    for (const blank of [undefined, null, "", [[null]], [[""]]]) expect(choiceOf(blank, choices, "return")).toBe("return");
  });
  test("undefined wherever readOptionalChoice throws", () => {
    for (const bad of ["net", " ", true, 0, NaN, [["zero", "return"]], [["zero"], ["return"]], [], [[]], errorValue, [[errorValue]]]) {
      expect(choiceOf(bad, choices, "zero")).toBeUndefined();
      expect(() => readOptionalChoice(bad, "method", choices, "zero")).toThrow();
    }
  });
});
