import { prng } from "../support/random";
import fc from "fast-check";
import { flowsFromCountCells, flowsFromStocks, ipf } from "../../src/indicators/estimation";
import { readCountTable } from "../../src/functions/cells";
import { MeasureError, MeasureErrorKind } from "../../src/indicators/types";
import { matrixArb } from "../support/arbitraries";

const rowSums = (m: number[][]) => m.map((row) => row.reduce((a, b) => a + b, 0));
const colSums = (m: number[][]) => m[0].map((_, j) => m.reduce((a, row) => a + row[j], 0));

function expectTable(actual: number[][], expected: number[][], digits = 7): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((row, i) => {
    expect(row).toHaveLength(expected[i].length);
    row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], digits));
  });
}

/** Expects `f` to throw a MeasureError of this kind whose message matches. */
function expectError(f: () => unknown, kind: MeasureErrorKind, message: RegExp): void {
  let thrown: unknown;
  try {
    f();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(MeasureError);
  expect((thrown as MeasureError).kind).toBe(kind);
  expect((thrown as MeasureError).message).toMatch(message);
}

// ---------------------------------------------------------------------------------------------
// IPF. The fitted table is the unique table of the form a_i · b_j · seed_ij with the requested
// margins (Bishop, Fienberg & Holland 1975, ch. 3). So a hand-made answer is checked by
// exhibiting a and b and adding up its rows and columns.

describe("ipf: worked examples", () => {
  test("2×2, Willekens (1999): seed 5 2 / 1 7, rows 18 20, columns 16 22", () => {
    // Scaling rows and columns keeps the cross-product ratio θ = (5·7)/(2·1) = 17.5. With the
    // margins fixed, one cell decides the rest: x11 = t, x12 = 18 − t, x21 = 16 − t,
    // x22 = 20 − (16 − t) = 4 + t. Then t(4 + t) = 17.5 (18 − t)(16 − t)
    //   t² + 4t = 17.5 (288 − 34t + t²) = 5040 − 595t + 17.5t²
    //   16.5t² − 599t + 5040 = 0
    //   t = (599 − √(599² − 4·16.5·5040)) / 33 = (599 − √26161) / 33 ≈ 13.25019
    // (the other root, ≈ 23.05, exceeds the column total 16).
    const t = (599 - Math.sqrt(26161)) / 33;
    expect(t).toBeCloseTo(13.25019, 5);
    const { matrix, iterations, residual } = ipf(
      [
        [5, 2],
        [1, 7],
      ],
      [18, 20],
      [16, 22],
    );
    expectTable(matrix, [
      [t, 18 - t],
      [16 - t, 4 + t],
    ]);
    expect(iterations).toBeGreaterThan(1);
    expect(residual).toBeLessThanOrEqual(1e-10);
  });

  test("2×2 with a zero diagonal: the only table with these zeros is the totals themselves", () => {
    // Row 1 holds only x12 and row 2 only x21, so x12 = 10 and x21 = 20; the columns then are
    // 20 and 10, as requested. One row pass gets there and the column pass changes nothing.
    const { matrix, iterations, residual } = ipf(
      [
        [0, 3],
        [5, 0],
      ],
      [10, 20],
      [20, 10],
    );
    expect(matrix).toEqual([
      [0, 10],
      [20, 0],
    ]);
    expect(iterations).toBe(1);
    expect(residual).toBe(0);
  });

  test("3×3 with a zero diagonal", () => {
    // seed 0 2 1 / 1 0 1 / 3 1 0 with a = (1, 2, 1) and b = (2, 1, 3): a_i · seed_ij · b_j is
    //   row 1: 0, 1·2·1 = 2, 1·1·3 = 3          → 5
    //   row 2: 2·1·2 = 4, 0, 2·1·3 = 6          → 10
    //   row 3: 1·3·2 = 6, 1·1·1 = 1, 0          → 7
    //   columns: 4 + 6 = 10, 2 + 1 = 3, 3 + 6 = 9 (grand total 22 both ways)
    // so fitting the seed to rows 5 10 7 and columns 10 3 9 must give that table.
    const seed = [
      [0, 2, 1],
      [1, 0, 1],
      [3, 1, 0],
    ];
    const { matrix } = ipf(seed, [5, 10, 7], [10, 3, 9]);
    expectTable(matrix, [
      [0, 2, 3],
      [4, 0, 6],
      [6, 1, 0],
    ]);
    [0, 1, 2].forEach((i) => expect(matrix[i][i]).toBe(0));
  });

  test("4×4 with a zero diagonal", () => {
    // seed 0 1 2 1 / 2 0 1 1 / 1 1 0 2 / 1 2 1 0 with a = (1, 2, 1, 3) and b = (1, 1, 2, 1):
    //   row 1 (a = 1): 0, 1·1 = 1, 2·2 = 4, 1·1 = 1       → 6
    //   row 2 (a = 2): 2·2·1 = 4, 0, 2·1·2 = 4, 2·1·1 = 2 → 10
    //   row 3 (a = 1): 1·1 = 1, 1·1 = 1, 0, 2·1 = 2       → 4
    //   row 4 (a = 3): 3·1·1 = 3, 3·2·1 = 6, 3·1·2 = 6, 0 → 15
    //   columns: 0+4+1+3 = 8, 1+0+1+6 = 8, 4+4+0+6 = 14, 1+2+2+0 = 5 (grand total 35)
    const seed = [
      [0, 1, 2, 1],
      [2, 0, 1, 1],
      [1, 1, 0, 2],
      [1, 2, 1, 0],
    ];
    const expected = [
      [0, 1, 4, 1],
      [4, 0, 4, 2],
      [1, 1, 0, 2],
      [3, 6, 6, 0],
    ];
    const { matrix, residual } = ipf(seed, [6, 10, 4, 15], [8, 8, 14, 5]);
    expectTable(matrix, expected);
    expect(residual).toBeLessThanOrEqual(1e-10);
    // The same seed in other units (×1000) gives the same fit.
    expectTable(ipf(seed.map((row) => row.map((v) => v * 1000)), [6, 10, 4, 15], [8, 8, 14, 5]).matrix, expected);
  });

  test("a seed that already has the totals comes back unchanged after one iteration", () => {
    const seed = [
      [0, 8111, 12388],
      [8054, 0, 26101],
      [13187, 27267, 0],
    ];
    const r = ipf(seed, rowSums(seed), colSums(seed));
    expect(r.iterations).toBe(1);
    expectTable(r.matrix, seed, 6);
  });

  test("a rectangular seed (2×3) is fitted too", () => {
    // seed all ones: the fit is the independence table r_i · c_j / total.
    const { matrix } = ipf(
      [
        [1, 1, 1],
        [1, 1, 1],
      ],
      [40, 60],
      [50, 30, 20],
    );
    expectTable(matrix, [
      [20, 12, 8],
      [30, 18, 12],
    ]);
  });

  test("all totals 0: the fit is all zeros", () => {
    expect(ipf([[1, 2]], [0], [0, 0])).toEqual({ matrix: [[0, 0]], iterations: 0, residual: 0 });
  });

  test("sums that differ within the tolerance are met in the middle", () => {
    // rows sum to 30, columns to 30 + 3e-11 (relative 1e-12): both become 30 + 1.5e-11.
    const { matrix } = ipf(
      [
        [1, 1],
        [1, 1],
      ],
      [10, 20],
      [15, 15 + 3e-11],
    );
    expect(rowSums(matrix)[0]).toBeCloseTo(10, 9);
    expect(colSums(matrix)[1]).toBeCloseTo(15, 9);
  });

  test("200×200 converges to 1e-10", () => {
    const rand = prng(7);
    const n = 200;
    const seed = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j || rand() < 0.2 ? 0 : Math.floor(rand() ** 3 * 10000) + 1)));
    const { rows, cols } = feasibleTotals(seed, rand);
    const t0 = Date.now();
    const { matrix, iterations, residual } = ipf(seed, rows, cols);
    const ms = Date.now() - t0;
    expect(residual).toBeLessThanOrEqual(1e-10);
    expect(iterations).toBeLessThan(1000);
    const total = rows.reduce((a, b) => a + b, 0);
    rowSums(matrix).forEach((s, i) => expect(Math.abs(s - rows[i])).toBeLessThanOrEqual(2e-10 * total));
    colSums(matrix).forEach((s, j) => expect(Math.abs(s - cols[j])).toBeLessThanOrEqual(2e-10 * total));
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (seed[i][j] === 0) expect(matrix[i][j]).toBe(0);
    expect(ms).toBeLessThan(2000); // the benchmark's target is 100 ms; this only catches a hang
  });
});


/**
 * Totals that some scaling of the seed reaches: the margins of a_i · seed_ij · b_j for random
 * a and b. Returns a and b too: the fit must be that table (uniqueness).
 */
function feasibleTotals(seed: number[][], rand: () => number): { rows: number[]; cols: number[]; truth: number[][] } {
  const a = seed.map(() => 0.2 + rand() * 5);
  const b = seed[0].map(() => 0.2 + rand() * 5);
  const truth = seed.map((row, i) => row.map((v, j) => a[i] * v * b[j]));
  return { rows: rowSums(truth), cols: colSums(truth), truth };
}

describe("ipf: properties", () => {
  /** A seed of 1..8 rows and columns with some zeros but no row or column of zeros only. */
  const seedArb = fc
    .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }))
    .chain(([r, c]) => fc.array(fc.array(fc.oneof(fc.constant<number>(0), fc.integer({ min: 1, max: 1000 })), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }))
    .map((m) => {
      const out: number[][] = m.map((row) => [...row]);
      out.forEach((row, i) => {
        if (!row.some((v) => v !== 0)) row[i % row.length] = 1;
      });
      out[0].forEach((_, j) => {
        if (out.every((row) => row[j] === 0)) out[j % out.length][j] = 1;
      });
      return out;
    });
  const case_ = fc.tuple(seedArb, fc.integer({ min: 1, max: 2 ** 31 })).map(([seed, s]) => ({ seed, ...feasibleTotals(seed, prng(s)) }));

  test("the fitted margins equal the requested totals within the tolerance; zeros stay zeros; the fit is the unique a·seed·b table", () => {
    fc.assert(
      fc.property(case_, ({ seed, rows, cols, truth }) => {
        const tol = 1e-10;
        const { matrix, residual } = ipf(seed, rows, cols, 100_000, tol);
        const total = rows.reduce((a, b) => a + b, 0);
        expect(residual).toBeLessThanOrEqual(tol);
        // Rows within the tolerance; columns exact but for rounding in their sums.
        rowSums(matrix).forEach((s, i) => expect(Math.abs(s - rows[i])).toBeLessThanOrEqual(tol * total * 1.000001));
        colSums(matrix).forEach((s, j) => expect(Math.abs(s - cols[j])).toBeLessThanOrEqual(1e-12 * total));
        matrix.forEach((row, i) => row.forEach((v, j) => (seed[i][j] === 0 ? expect(v).toBe(0) : expect(v).toBeGreaterThan(0))));
        matrix.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - truth[i][j])).toBeLessThanOrEqual(1e-6 * total)));
      }),
    );
  });

  test("a seed read with its sums (the Excel face's reader) fits to the same table, bit for bit, as the plain seed", () => {
    fc.assert(
      fc.property(case_, ({ seed, rows, cols }) => {
        const plain = ipf(seed, rows, cols, 100_000, 1e-10);
        expect(ipf(readCountTable(seed, "seed"), rows, cols, 100_000, 1e-10)).toEqual(plain);
      }),
    );
  });

  test("the fit is invariant to scaling the seed", () => {
    fc.assert(
      fc.property(case_, fc.constantFrom(1e-6, 0.5, 3, 1e6), ({ seed, rows, cols }, k) => {
        const total = rows.reduce((a, b) => a + b, 0);
        const a = ipf(seed, rows, cols, 100_000).matrix;
        const b = ipf(
          seed.map((row) => row.map((v) => v * k)),
          rows,
          cols,
          100_000,
        ).matrix;
        a.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - b[i][j])).toBeLessThanOrEqual(1e-8 * total)));
      }),
    );
  });
});

describe("ipf: errors", () => {
  const SEED = [
    [5, 2],
    [1, 7],
  ];
  test("totals whose sums differ beyond the tolerance: both sums in the message", () => {
    expectError(() => ipf(SEED, [18, 20], [16, 23]), "outOfDomain", /row totals sum to 38 but the column totals sum to 39/);
    expectError(() => ipf(SEED, [18, 20], [16, 22 + 1e-6]), "outOfDomain", /sum to 38 but .* sum to 38\.000001/);
    // Within a looser tolerance the same totals fit.
    expect(() => ipf(SEED, [18, 20], [16, 22 + 1e-6], 1000, 1e-6)).not.toThrow();
  });
  test("a seed row or column of zeros with a positive total, naming it", () => {
    expectError(
      () =>
        ipf(
          [
            [1, 2],
            [0, 0],
          ],
          [3, 4],
          [3, 4],
        ),
      "outOfDomain",
      /seed row 2 is all zeros but its total is 4/,
    );
    expectError(
      () =>
        ipf(
          [
            [0, 2],
            [0, 3],
          ],
          [3, 4],
          [1, 6],
        ),
      "outOfDomain",
      /seed column 1 is all zeros but its total is 1/,
    );
    // A zero row whose total is 0 is fine.
    expect(
      ipf(
        [
          [1, 2],
          [0, 0],
        ],
        [3, 0],
        [1, 2],
      ).matrix,
    ).toEqual([
      [1, 2],
      [0, 0],
    ]);
  });
  test("no convergence: the residual reached is in the message", () => {
    // 2×2 with a zero diagonal: row 1 is x12 alone and column 2 is x12 alone, so rows 10 20
    // with columns 15 15 cannot both hold. After each column pass the rows are 15 and 15,
    // each 5 off: a residual of 5/30 = 0.167 that never shrinks.
    expectError(
      () =>
        ipf(
          [
            [0, 1],
            [1, 0],
          ],
          [10, 20],
          [15, 15],
        ),
      "outOfDomain",
      /did not converge within 1000 iterations: a total is still off by 0\.167 of the grand total \(tolerance 1e-10\)/,
    );
    // Willekens' example needs about 20 iterations: one is not enough.
    expectError(() => ipf(SEED, [18, 20], [16, 22], 1), "outOfDomain", /did not converge within 1 iterations: a total is still off by [0-9.e-]+ of the grand total/);
  });
  test("negative or non-finite seed cells and totals", () => {
    expectError(() => ipf([[5, -2], [1, 7]], [18, 20], [16, 22]), "outOfDomain", /seed \(row 1, column 2\) is negative \(-2\)/);
    expectError(() => ipf([[5, NaN], [1, 7]], [18, 20], [16, 22]), "outOfDomain", /seed \(row 1, column 2\) is not a finite number/);
    expectError(() => ipf([[5, Infinity], [1, 7]], [18, 20], [16, 22]), "outOfDomain", /not a finite number/);
    expectError(() => ipf(SEED, [18, -20], [16, 22]), "outOfDomain", /row total 2 is negative/);
    expectError(() => ipf(SEED, [18, 20], [-16, 22]), "outOfDomain", /column total 1 is negative/);
    expectError(() => ipf(SEED, [1e308, 1e308], [1e308, 1e308]), "outOfDomain", /too large/);
  });
  test("a fit that overflows is out of domain, not a table of Infinity or NaN", () => {
    expectError(() => ipf([[1e-300, 1e-300]], [1e300], [1e300 / 2, 1e300 / 2]), "outOfDomain", /overflows/);
  });
  test("a fit returned has every cell finite, whatever the magnitudes (the Excel face reads it no second time)", () => {
    const magnitude = fc.constantFrom(1e-300, 1e-150, 1e-5, 1, 1e5, 1e150, 1e300);
    const cell = fc.tuple(fc.integer({ min: 0, max: 9 }), magnitude).map(([k, m]) => k * m);
    const fit = fc.integer({ min: 1, max: 4 }).chain((rows) =>
      fc.integer({ min: 1, max: 4 }).chain((cols) =>
        fc.tuple(
          fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
          fc.array(fc.integer({ min: 1, max: 9 }), { minLength: rows, maxLength: rows }),
          fc.array(fc.integer({ min: 1, max: 9 }), { minLength: cols, maxLength: cols }),
          magnitude,
        ),
      ),
    );
    fc.assert(
      fc.property(fit, ([seed, r, c, scale]) => {
        // Row and column totals with the same grand total, at the chosen scale.
        const sr = r.reduce((a, b) => a + b, 0);
        const sc = c.reduce((a, b) => a + b, 0);
        const rows = r.map((x) => x * sc * scale);
        const cols = c.map((x) => x * sr * scale);
        let out: number[][];
        try {
          out = ipf(seed, rows, cols, 50).matrix;
        } catch (e) {
          expect(e).toBeInstanceOf(MeasureError);
          return;
        }
        for (const row of out) for (const v of row) expect(Number.isFinite(v)).toBe(true);
      }),
      { seed: 20261205, numRuns: 400 },
    );
  });
  test("wrong shapes are invalid", () => {
    expectError(() => ipf([], [], []), "invalid", /empty/);
    expectError(() => ipf([[]], [1], []), "invalid", /empty/);
    expectError(() => ipf([[1, 2], [3]], [1, 2], [1, 2]), "invalid", /not rectangular/);
    expectError(() => ipf(SEED, [18, 20, 0], [16, 22]), "invalid", /row_totals has 3 values but the seed has 2 rows/);
    expectError(() => ipf(SEED, [18, 20], [38]), "invalid", /col_totals has 1 values but the seed has 2 columns/);
  });
  test("max_iterations from 1 to 100,000 and tolerance in (0, 1)", () => {
    for (const n of [0, -1, 1.5, 100_001, NaN, Infinity]) expectError(() => ipf(SEED, [18, 20], [16, 22], n), "outOfDomain", /max_iterations must be a whole number from 1 to 100,000/);
    for (const t of [0, -1e-10, 1, NaN, Infinity]) expectError(() => ipf(SEED, [18, 20], [16, 22], 1000, t), "outOfDomain", /tolerance must be greater than 0 and less than 1/);
    expect(ipf(SEED, [18, 20], [16, 22], 100_000, 0.5).iterations).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Flows from stocks. Rows = place of birth, columns = place of residence; Δ = end − start.
// "zero": F_ij = max(0, Δ_ij). "return": F_ij = max(0, Δ_ij) + max(0, −Δ_ji).

describe("flowsFromStocks: worked examples", () => {
  test("2×2: born in 1 living in 2 rose by 4, born in 2 living in 1 fell by 3", () => {
    // Δ12 = 14 − 10 = +4 → flow 1→2 of 4. Δ21 = 2 − 5 = −3: "zero" ignores it; "return" counts
    // the 3 people born in 2 who left 1 as a return flow 1→2, so F12 = 4 + 3 = 7. The diagonal
    // (natives at home: 100 → 90, 200 → 210) is ignored.
    const start = [
      [100, 10],
      [5, 200],
    ];
    const end = [
      [90, 14],
      [2, 210],
    ];
    expect(flowsFromStocks(start, end, "zero")).toEqual([
      [0, 4],
      [0, 0],
    ]);
    expect(flowsFromStocks(start, end, "return")).toEqual([
      [0, 7],
      [0, 0],
    ]);
  });

  test("3×3 with a zero diagonal", () => {
    // Δ12 = 60 − 50 = +10   Δ13 = 15 − 20 = −5   Δ21 = 30 − 30 = 0
    // Δ23 = 25 − 10 = +15   Δ31 = 0 − 5 = −5     Δ32 = 45 − 40 = +5
    // zero:   F12 = 10, F23 = 15, F32 = 5, everything else 0.
    // return: add −Δ_bj to F_jb for each fall: Δ13 = −5 → F31 += 5; Δ31 = −5 → F13 += 5.
    const start = [
      [0, 50, 20],
      [30, 0, 10],
      [5, 40, 0],
    ];
    const end = [
      [0, 60, 15],
      [30, 0, 25],
      [0, 45, 0],
    ];
    expect(flowsFromStocks(start, end, "zero")).toEqual([
      [0, 10, 0],
      [0, 0, 15],
      [0, 5, 0],
    ]);
    expect(flowsFromStocks(start, end, "return")).toEqual([
      [0, 10, 5],
      [0, 0, 15],
      [5, 5, 0],
    ]);
  });

  test("4×4 with a zero diagonal", () => {
    // Δ12 = 7 − 10 = −3   Δ13 = 2 − 0 = +2   Δ14 = 5 − 5 = 0
    // Δ21 = 25 − 20 = +5  Δ23 = 8 − 8 = 0    Δ24 = 1 − 0 = +1
    // Δ31 = 3 − 0 = +3    Δ32 = 4 − 4 = 0    Δ34 = 9 − 12 = −3
    // Δ41 = 0 − 6 = −6    Δ42 = 2 − 0 = +2   Δ43 = 3 − 3 = 0
    // zero:   F13 = 2, F21 = 5, F24 = 1, F31 = 3, F42 = 2.
    // return: Δ12 = −3 → F21 = 5 + 3 = 8; Δ34 = −3 → F43 = 3; Δ41 = −6 → F14 = 6.
    const start = [
      [0, 10, 0, 5],
      [20, 0, 8, 0],
      [0, 4, 0, 12],
      [6, 0, 3, 0],
    ];
    const end = [
      [0, 7, 2, 5],
      [25, 0, 8, 1],
      [3, 4, 0, 9],
      [0, 2, 3, 0],
    ];
    expect(flowsFromStocks(start, end, "zero")).toEqual([
      [0, 0, 2, 0],
      [5, 0, 0, 1],
      [3, 0, 0, 0],
      [0, 2, 0, 0],
    ]);
    expect(flowsFromStocks(start, end, "return")).toEqual([
      [0, 0, 2, 6],
      [8, 0, 0, 1],
      [3, 0, 0, 0],
      [0, 2, 3, 0],
    ]);
  });

  test("the example of ffs_diff in the R package migest (natives on the diagonal, ignored)", () => {
    // Off the diagonal: Δ12 = +15, Δ13 = −5, Δ14 = +15, Δ21 = 0, Δ23 = +5, Δ24 = +5,
    // Δ31 = +20, Δ32 = 0, Δ34 = −30, Δ41 = −10, Δ42 = +25, Δ43 = −15.
    // return adds: Δ13 → F31 += 5 (25); Δ34 → F43 += 30; Δ41 → F14 += 10 (25); Δ43 → F34 += 15.
    const start = [
      [100, 10, 10, 0],
      [20, 55, 25, 10],
      [10, 40, 140, 65],
      [20, 25, 20, 200],
    ];
    const end = [
      [75, 25, 5, 15],
      [20, 45, 30, 15],
      [30, 40, 150, 35],
      [10, 50, 5, 200],
    ];
    expect(flowsFromStocks(start, end, "zero")).toEqual([
      [0, 15, 0, 15],
      [0, 0, 5, 5],
      [20, 0, 0, 0],
      [0, 25, 0, 0],
    ]);
    expect(flowsFromStocks(start, end, "return")).toEqual([
      [0, 15, 0, 25],
      [0, 0, 5, 5],
      [25, 0, 0, 15],
      [0, 25, 30, 0],
    ]);
  });

  test("the default method is \"zero\"", () => {
    expect(flowsFromStocks([[0, 5], [3, 0]], [[0, 2], [9, 0]])).toEqual(flowsFromStocks([[0, 5], [3, 0]], [[0, 2], [9, 0]], "zero"));
  });
});

describe("flowsFromStocks: properties", () => {
  const pair = fc.integer({ min: 1, max: 10 }).chain((n) => fc.tuple(matrixArb(n, n, 1000), matrixArb(n, n, 1000)));

  test("\"return\" flows ≥ \"zero\" flows element-wise; the diagonal is 0; totals are Σ rises and Σ |changes|", () => {
    fc.assert(
      fc.property(pair, ([start, end]) => {
        const zero = flowsFromStocks(start, end, "zero");
        const ret = flowsFromStocks(start, end, "return");
        let rises = 0;
        let changes = 0;
        start.forEach((row, i) =>
          row.forEach((s, j) => {
            if (i === j) return;
            const d = end[i][j] - s;
            rises += Math.max(0, d);
            changes += Math.abs(d);
          }),
        );
        const total = (m: number[][]) => rowSums(m).reduce((a, b) => a + b, 0);
        zero.forEach((row, i) =>
          row.forEach((v, j) => {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(ret[i][j]).toBeGreaterThanOrEqual(v);
            if (i === j) expect(v + ret[i][j]).toBe(0);
          }),
        );
        expect(total(zero)).toBe(rises);
        expect(total(ret)).toBe(changes);
      }),
    );
  });

  test("a period with no change gives no flows, whatever the diagonal", () => {
    fc.assert(
      fc.property(matrixArb(1, 10, 1000), fc.integer({ min: 0, max: 1000 }), (m, native) => {
        const moved = m.map((row, i) => row.map((v, j) => (i === j ? native : v)));
        for (const method of ["zero", "return"] as const) {
          expect(flowsFromStocks(m, moved, method).flat().every((v) => v === 0)).toBe(true);
        }
      }),
    );
  });

  test("swapping start and end turns \"return\" flows around (F becomes its transpose)", () => {
    fc.assert(
      fc.property(pair, ([start, end]) => {
        const forward = flowsFromStocks(start, end, "return");
        const backward = flowsFromStocks(end, start, "return");
        forward.forEach((row, i) => row.forEach((v, j) => expect(backward[j][i]).toBe(v)));
      }),
    );
  });
});

/** The definition cell by cell in one table of zeros: a rise in Δ_bj added at (b, j), a fall subtracted at (j, b). */
function byAdding(start: number[][], end: number[][], method: "zero" | "return"): number[][] {
  const n = start.length;
  const flows = start.map(() => new Array<number>(n).fill(0));
  for (let b = 0; b < n; b++) {
    for (let j = 0; j < n; j++) {
      if (b === j) continue;
      const d = end[b][j] - start[b][j];
      if (d > 0) flows[b][j] += d;
      else if (d < 0 && method === "return") flows[j][b] -= d;
    }
  }
  return flows;
}
describe("flowsFromStocks: each cell as adding its terms in turn to 0", () => {
  const stockArb = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom(0.1, 0.2, 0.3, 1e300, 2 ** 53));
  const pairArb = fc
    .integer({ min: 1, max: 12 })
    .chain((n) => fc.tuple(...[0, 1].map(() => fc.array(fc.array(stockArb, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }))));
  test("property: both methods give the same bits (the diagonal ignored)", () => {
    fc.assert(
      fc.property(pairArb, ([start, end]) => {
        for (const method of ["zero", "return"] as const) {
          const got = flowsFromStocks(start, end, method);
          const want = byAdding(start, end, method);
          got.forEach((row, i) => row.forEach((v, j) => expect(Object.is(v, want[i][j])).toBe(true)));
        }
      }),
      { seed: 1207, numRuns: 200 },
    );
  });
});

describe("flowsFromCountCells: two tables of cells, each checked as it is used", () => {
  /** A count as the stock readers take one: a number ≥ 0, finite (−0 included). */
  const isCount = (v: unknown) => typeof v === "number" && v >= 0 && v !== Infinity;
  const NOT_COUNTS: unknown[] = [null, "", "7", "x", true, -1, NaN, Infinity, -Infinity, {}];
  test("seeded: undefined exactly when a cell off the diagonal of either table is not a count; otherwise the same bits as flowsFromStocks", () => {
    const rand = prng(1206);
    let flows = 0;
    for (let k = 0; k < 3000; k++) {
      const n = 1 + Math.floor(rand() * 6);
      const share = [0, 0, 0.03, 0.2][Math.floor(rand() * 4)];
      const cell = () => (rand() < share ? NOT_COUNTS[Math.floor(rand() * NOT_COUNTS.length)] : rand() < 0.1 ? -0 : Math.sqrt(1 + Math.floor(rand() * 500)) * 10 ** Math.floor(rand() * 3));
      const start = Array.from({ length: n }, () => Array.from({ length: n }, cell));
      const end = Array.from({ length: n }, () => Array.from({ length: n }, cell));
      const counts = [start, end].every((t) => t.every((row, i) => row.every((v, j) => i === j || isCount(v))));
      for (const method of ["zero", "return"] as const) {
        const got = flowsFromCountCells(start, end, method);
        if (!counts) {
          expect(got).toBeUndefined();
          continue;
        }
        flows++;
        // The diagonal, whatever it holds, is not read: 0 there for the reference.
        const numbers = (t: unknown[][]) => t.map((row, i) => row.map((v, j) => (i === j ? 0 : (v as number))));
        const want = byAdding(numbers(start), numbers(end), method);
        got!.forEach((row, i) => row.forEach((v, j) => expect(Object.is(v, want[i][j])).toBe(true)));
      }
    }
    expect(flows).toBeGreaterThan(2000);
  });
  test("tables of different orders are undefined", () => {
    expect(flowsFromCountCells([[0]], [[0, 1], [1, 0]], "zero")).toBeUndefined();
  });
});

describe("flowsFromStocks: errors", () => {
  test("tables of different shapes, non-square or empty ones are invalid", () => {
    expectError(() => flowsFromStocks([[0, 1], [1, 0]], [[0, 1, 2], [1, 0, 2], [1, 2, 0]]), "invalid", /differ in shape: the start stocks are 2×2, the end stocks 3×3/);
    expectError(() => flowsFromStocks([[0, 1, 2], [1, 0, 2]], [[0, 1, 2], [1, 0, 2]]), "invalid", /start stocks table must be square/);
    expectError(() => flowsFromStocks([[0, 1], [1, 0]], [[0, 1], [1]]), "invalid", /end stocks table must be square/);
    expectError(() => flowsFromStocks([], []), "invalid", /empty/);
  });
  test("a negative or non-finite stock off the diagonal is out of domain; the diagonal is not checked", () => {
    expectError(() => flowsFromStocks([[0, -1], [1, 0]], [[0, 1], [1, 0]]), "outOfDomain", /start stocks: born in 1, living in 2 is negative/);
    expectError(() => flowsFromStocks([[0, 1], [1, 0]], [[0, 1], [NaN, 0]]), "outOfDomain", /end stocks: born in 2, living in 1 is not a finite number/);
    expect(flowsFromStocks([[-5, 1], [1, NaN]], [[0, 2], [1, 0]])).toEqual([
      [0, 1],
      [0, 0],
    ]);
  });
  test("an unknown method is invalid", () => {
    expectError(() => flowsFromStocks([[0]], [[0]], "net" as never), "invalid", /method must be "zero" or "return"/);
  });
});
