/**
 * The functions over time as an Excel user composes them, through the BUILT dist/functions.js:
 * MIGRATION.PERIODS agrees with MIGRATION.MATRIX followed by the single-matrix functions, and
 * CIRCULATION.CHANGE with CIRCULATION.INDEX and CIRCULATION.BYREGION (properties with the fixed
 * seed); both on Korea's 2012–2020 panel give what R gives (tests/fixtures/peer-periods.json).
 */
import fc from "fast-check";
import { CustomFunctionsError } from "../../scripts/lib/custom-functions-runtime";
import { loadBundle } from "../../scripts/lib/bundle";
import { matrixArb } from "../support/arbitraries";
import { KOREA } from "../support/peer-periods";

const cf = loadBundle();
function fn(id: string): (...args: unknown[]) => unknown {
  const f = cf.registered.get(id);
  if (!f) throw new Error(`${id} is not registered`);
  return (...args) => {
    try {
      return f(...args);
    } catch (e) {
      if (e instanceof CustomFunctionsError) return e;
      throw e;
    }
  };
}
const PERIODS = fn("MIGRATION.PERIODS");
const MATRIX = fn("MIGRATION.MATRIX");
const SUMMARY = fn("MIGRATION.SUMMARY");
const MEI = fn("MIGRATION.MEI");
const INDEX = fn("CIRCULATION.INDEX");
const BYREGION = fn("CIRCULATION.BYREGION");
const CONNECTIVITY = fn("MIGRATION.CONNECTIVITY");
const GINI = fn("MIGRATION.GINI");
const CHANGE = fn("CIRCULATION.CHANGE");

const column = (values: readonly unknown[]) => values.map((v) => [v]);

/** A cell as compared here: a number to 12 decimals' worth, an error by its code. */
function same(actual: unknown, expected: unknown): void {
  if (expected instanceof CustomFunctionsError) {
    expect(actual).toBeInstanceOf(CustomFunctionsError);
    expect((actual as CustomFunctionsError).code).toBe(expected.code);
  } else if (typeof expected === "number") expect(actual as number).toBeCloseTo(expected, 12);
  else expect(actual).toEqual(expected);
}

/** A long list of a matrix's cells (the diagonal too, as lists often hold it), the rows in a scrambled order. */
function listOf(m: number[][], period: unknown, scramble: number): unknown[][][] {
  const rows: unknown[][] = [];
  m.forEach((row, i) => row.forEach((x, j) => rows.push([period, `R${i}`, `R${j}`, x])));
  let s = scramble;
  for (let k = rows.length - 1; k > 0; k--) {
    s = (s * 16807) % 2147483647;
    const j = s % (k + 1);
    [rows[k], rows[j]] = [rows[j], rows[k]];
  }
  return [0, 1, 2, 3].map((c) => rows.map((r) => [r[c]]));
}

test("one period: MIGRATION.PERIODS gives what MIGRATION.MATRIX followed by the single-matrix functions gives", () => {
  fc.assert(
    fc.property(matrixArb(2, 7, 1000), fc.integer({ min: 1, max: 2 ** 30 }), (m, scramble) => {
      const [p, o, d, f] = listOf(m, "2015/16", scramble);
      const pivoted = MATRIX(o, d, f) as unknown[][];
      const numbers = pivoted.slice(1).map((row) => row.slice(1));
      const summary = SUMMARY(numbers, null);
      const total = summary instanceof CustomFunctionsError ? summary : (summary as number[][]).slice(1).reduce((s, row) => s + row[1], 0);
      const out = PERIODS(p, o, d, f, null) as unknown[][];
      expect(out).toHaveLength(2);
      expect(out[1][0]).toBe("2015/16");
      [total, MEI(numbers), INDEX(numbers, null), CONNECTIVITY(numbers), GINI(numbers, null)].forEach((v, k) => same(out[1][k + 1], v));
    }),
    { numRuns: 60 },
  );
});

test("CIRCULATION.CHANGE is CIRCULATION.INDEX(last) − CIRCULATION.INDEX(first), and by region CIRCULATION.BYREGION's difference; CHANGE(m, m) = 0", () => {
  const pair = fc.integer({ min: 2, max: 7 }).chain((n) => fc.tuple(matrixArb(n, n, 1000), matrixArb(n, n, 1000)));
  fc.assert(
    fc.property(pair, ([a, b]) => {
      const first = INDEX(a, null);
      const last = INDEX(b, null);
      const change = (CHANGE(a, b, null) as unknown[][] | CustomFunctionsError);
      if (first instanceof CustomFunctionsError || last instanceof CustomFunctionsError) expect(change).toBeInstanceOf(CustomFunctionsError);
      else {
        same((change as number[][])[0][0], (last as number) - (first as number));
        same((CHANGE(a, a, null) as number[][])[0][0], 0);
      }
      const before = BYREGION(a) as unknown[][];
      const after = BYREGION(b) as unknown[][];
      (CHANGE(a, b, true) as unknown[][]).forEach(([v], i) => {
        const x = before[i][0];
        const y = after[i][0];
        if (typeof x === "number" && typeof y === "number") same(v, y - x);
        else expect((v as CustomFunctionsError).code).toBe("#DIV/0!");
      });
    }),
    { numRuns: 60 },
  );
});

describe("Korea 2012–2020, 17 regions, a shuffled list of 2,601 rows (within-region rows included)", () => {
  const { year, orig, dest, flow } = KOREA.list;
  const args = [column(["year", ...year]), column(["orig", ...orig]), column(["dest", ...dest]), column(["flow", ...flow])];

  test("MIGRATION.PERIODS: nine years in order, with the figures migest and base R give", () => {
    const out = PERIODS(...args, null) as unknown[][];
    expect(out[0]).toEqual(["period", "total flows", "MEI", "circulation index", "connectivity", "total Gini"]);
    expect(out.slice(1).map((r) => r[0])).toEqual(KOREA.years.map((y) => y.year));
    KOREA.years.forEach((y, k) => {
      const row = out[k + 1];
      expect(row[1]).toBe(y.total);
      same(row[2], y.migest.effectiveness_percent / 100);
      same(row[3], y.independent.circulation);
      same(row[4], y.migest.connectivity);
      same(row[5], y.migest.gini_total);
    });
    expect((PERIODS(...args, "circulation") as unknown[][]).map((r) => r[1])).toEqual(out.slice(1).map((r) => r[3]));
  });

  test("CIRCULATION.CHANGE from 2012 to 2020: the system's and each region's, as base R gives them", () => {
    const { first_matrix, last_matrix } = KOREA.change;
    same((CHANGE(first_matrix, last_matrix, null) as number[][])[0][0], KOREA.change.circulation);
    const byRegion = CHANGE(first_matrix, last_matrix, true) as number[][];
    expect(byRegion).toHaveLength(17);
    byRegion.forEach(([v], i) => same(v, KOREA.change.circulation_by_region[i]));
    // the same change read off MIGRATION.PERIODS' circulation column
    const circulation = PERIODS(...args, "circulation") as [number, number][];
    same(circulation[circulation.length - 1][1] - circulation[0][1], KOREA.change.circulation);
  });
});
