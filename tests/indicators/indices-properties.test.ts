/**
 * Properties of the index families on random systems (fixed seed): the bounds each index
 * promises, invariance under relabelling the regions (the same permutation applied to rows,
 * columns, populations and distances), scale-freeness where the definition has it, and
 * lumping preserving the total of all flows.
 */
import fc from "fast-check";
import { ageIndices } from "../../src/indicators/age";
import { aggregatedCv, flowsCv, giniWithin, migrationInequality, pairwiseAbsSum, weightedGini } from "../../src/indicators/connectivity";
import { distanceDecay, meanDistance, medianDistance } from "../../src/indicators/distance";
import { preferenceIndex, velocityIndex } from "../../src/indicators/impact";
import { lumpByTurnover } from "../../src/indicators/lump";
import { MeasureError } from "../../src/indicators/types";
import { matrixArb } from "../support/arbitraries";

const SEED = 20260514;
const RUNS = 150;
const options = { seed: SEED, numRuns: RUNS };

/** A system: flows, populations and a symmetric table of distances between points on a line. */
interface System {
  m: number[][];
  p: number[];
  d: number[][];
}
const systemArb: fc.Arbitrary<System> = matrixArb(3, 9, 5000).chain((m) =>
  fc
    .tuple(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: m.length, maxLength: m.length }), fc.array(fc.integer({ min: 0, max: 500 }), { minLength: m.length, maxLength: m.length }))
    .map(([p, x]) => ({ m, p, d: x.map((a, i) => x.map((b, j) => (i === j ? 0 : 1 + Math.abs(a - b)))) })),
);
/** A system with its regions in another order. */
const relabelledArb = systemArb.chain((s) =>
  fc.shuffledSubarray(
    s.m.map((_, i) => i),
    { minLength: s.m.length, maxLength: s.m.length },
  ).map((perm) => ({ s, t: { m: perm.map((i) => perm.map((j) => s.m[i][j])), p: perm.map((i) => s.p[i]), d: perm.map((i) => perm.map((j) => s.d[i][j])) } })),
);

/** The measure's value, or undefined when it has none for these flows (an error it is allowed to give). */
function valueOf(f: () => number): number | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof MeasureError) return undefined;
    throw e;
  }
}

const measures: [string, (s: System) => number][] = [
  ["inequality (equal)", (s) => migrationInequality(s.m, "equal")],
  ["inequality (independence)", (s) => migrationInequality(s.m, "independence")],
  ["Gini origin", (s) => giniWithin(s.m, "origin")],
  ["Gini destination", (s) => giniWithin(s.m, "destination")],
  ["weighted Gini origin", (s) => weightedGini(s.m, "origin")],
  ["weighted Gini destination", (s) => weightedGini(s.m, "destination")],
  ["weighted Gini mean", (s) => weightedGini(s.m, "mean")],
  ["CV", (s) => flowsCv(s.m)],
  ["ACV", (s) => aggregatedCv(s.m)],
  ["preference", (s) => preferenceIndex(s.m, s.p)],
  ["velocity", (s) => velocityIndex(s.m, s.p)],
  ["mean distance", (s) => meanDistance(s.m, s.d)],
  ["median distance", (s) => medianDistance(s.m, s.d)],
  ["distance decay", (s) => distanceDecay(s.m, s.d)],
];

/** Σ over ordered pairs |a − b| of a list, by its O(K²) definition. */
function naivePairs(xs: number[]): number {
  let s = 0;
  for (const a of xs) for (const b of xs) s += Math.abs(a - b);
  return s;
}

describe("the pairwise sums behind the Gini family", () => {
  test("sorts its values and equals the O(N²) definition Σ|x_a − x_b|, ties and short and long runs alike", () => {
    // Whole numbers below 2³¹ only (sorted as integers), or any numbers, 2³¹ and above among them.
    const whole = fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })), { maxLength: 300 });
    const any = fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 2 ** 31 - 2, max: 2 ** 32 }), fc.double({ min: 0, max: 1e6, noNaN: true })), { maxLength: 300 });
    fc.assert(
      fc.property(fc.oneof(whole, any), (xs) => {
        const x = Float64Array.from(xs);
        const got = pairwiseAbsSum(x);
        for (let k = 1; k < x.length; k++) expect(x[k - 1]).toBeLessThanOrEqual(x[k]);
        expect(Math.abs(got - naivePairs(xs))).toBeLessThanOrEqual(1e-9 * Math.max(1, naivePairs(xs)));
      }),
      options,
    );
  });
  test("equal the O(N²) definitions within rows, within columns and over all cells: ties, zeros, whole and fractional flows alike", () => {
    const cell = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(0));
    const square = fc.integer({ min: 3, max: 12 }).chain((n) => fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }));
    fc.assert(
      fc.property(square, (m) => {
        const n = m.length;
        const row = (i: number) => m[i].filter((_, j) => j !== i);
        const column = (j: number) => m.map((r) => r[j]).filter((_, i) => i !== j);
        const all = naivePairs(m.flatMap((_, i) => row(i)));
        const near = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.max(1e-300, Math.abs(want)));
        if (all > 0) {
          let withinRows = 0;
          let withinColumns = 0;
          for (let k = 0; k < n; k++) {
            withinRows += naivePairs(row(k));
            withinColumns += naivePairs(column(k));
          }
          near(giniWithin(m, "origin"), withinRows / all);
          near(giniWithin(m, "destination"), withinColumns / all);
        } else {
          expect(() => giniWithin(m, "origin")).toThrow(MeasureError);
        }
        const out = m.map((_, i) => row(i).reduce((a, b) => a + b, 0));
        const inn = m.map((_, j) => column(j).reduce((a, b) => a + b, 0));
        const total = out.reduce((a, b) => a + b, 0);
        if (total > 0 && out.every((o) => o > 0) && inn.every((d) => d > 0)) {
          let o = 0;
          let d = 0;
          for (let k = 0; k < n; k++) {
            o += (naivePairs(row(k)) / (2 * (n - 2) * out[k])) * (inn[k] / total);
            d += (naivePairs(column(k)) / (2 * (n - 2) * inn[k])) * (out[k] / total);
          }
          near(weightedGini(m, "origin"), o / n);
          near(weightedGini(m, "destination"), d / n);
        }
      }),
      options,
    );
  });
});

describe("bounds", () => {
  test("inequality, origin and destination Gini lie in [0, 1]; the Gini parts add up to at most 1", () => {
    fc.assert(
      fc.property(systemArb, ({ m }) => {
        for (const v of [valueOf(() => migrationInequality(m, "equal")), valueOf(() => migrationInequality(m, "independence"))]) {
          if (v === undefined) continue;
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        const o = valueOf(() => giniWithin(m, "origin"));
        const d = valueOf(() => giniWithin(m, "destination"));
        if (o !== undefined && d !== undefined) {
          expect(o).toBeGreaterThanOrEqual(0);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(o + d).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      options,
    );
  });
  test("CV, ACV, weighted Gini, preference and velocity are ≥ 0; the CV of n(n − 1) flows is at most √(n(n − 1) − 1)", () => {
    fc.assert(
      fc.property(systemArb, (s) => {
        for (const [, f] of measures.slice(4, 11)) {
          const v = valueOf(() => f(s));
          if (v !== undefined) expect(v).toBeGreaterThanOrEqual(0);
        }
        const cv = valueOf(() => flowsCv(s.m));
        const n = s.m.length;
        if (cv !== undefined) expect(cv).toBeLessThanOrEqual(Math.sqrt(n * (n - 1) - 1) + 1e-9);
      }),
      options,
    );
  });
  test("the mean and median distance lie between the shortest and the longest distance travelled", () => {
    fc.assert(
      fc.property(systemArb, ({ m, d }) => {
        const used = m.flatMap((row, i) => row.flatMap((f, j) => (i !== j && f > 0 ? [d[i][j]] : [])));
        if (used.length === 0) return;
        const lo = Math.min(...used);
        const hi = Math.max(...used);
        for (const v of [meanDistance(m, d), medianDistance(m, d)]) {
          expect(v).toBeGreaterThanOrEqual(lo - 1e-9);
          expect(v).toBeLessThanOrEqual(hi + 1e-9);
        }
      }),
      options,
    );
  });
  test("age indices: the peak share is a fraction, the peak rate at most the highest rate, the peak age one of the ages", () => {
    const profile = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 80 });
    fc.assert(
      fc.property(profile, (rates) => {
        if (rates.every((r) => r === 0)) return;
        const ages = rates.map((_, k) => k);
        const x = ageIndices(ages, rates, 2, rates.length - 2, 3);
        expect(x.peakShare).toBeGreaterThan(0);
        expect(x.peakShare).toBeLessThanOrEqual(1 + 1e-12);
        expect(x.peakRate).toBeLessThanOrEqual(Math.max(...rates));
        expect(ages).toContain(x.peakAge);
        expect(x.maxUpwardAge).toBeGreaterThan(2);
        expect(x.maxDownwardAge).toBeLessThan(rates.length - 2);
      }),
      options,
    );
  });
});

describe("invariance under relabelling the regions", () => {
  test.each(measures)("%s", (_, f) => {
    fc.assert(
      fc.property(relabelledArb, ({ s, t }) => {
        const a = valueOf(() => f(s));
        const b = valueOf(() => f(t));
        expect(b === undefined).toBe(a === undefined);
        if (a !== undefined && b !== undefined) expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a)));
      }),
      { ...options, numRuns: 60 },
    );
  });
});

describe("scale", () => {
  test("multiplying every flow by 3 leaves the shares-based indices unchanged and multiplies velocity by 3", () => {
    fc.assert(
      fc.property(systemArb, (s) => {
        const t = { ...s, m: s.m.map((row) => row.map((v) => 3 * v)) };
        for (const [name, f] of measures) {
          if (name === "distance decay") continue; // the flows are rounded first, so scale matters a little
          const a = valueOf(() => f(s));
          const b = valueOf(() => f(t));
          if (a === undefined || b === undefined) continue;
          const expected = name === "velocity" ? 3 * a : a;
          expect(Math.abs(b - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
        }
      }),
      { ...options, numRuns: 60 },
    );
  });
});

describe("lumping", () => {
  test("preserves the total of all flows, keeps min(top, n) regions and their flows among themselves", () => {
    fc.assert(
      fc.property(matrixArb(1, 10, 1000), fc.integer({ min: 1, max: 12 }), (m, top) => {
        const { kept, matrix } = lumpByTurnover(m, top);
        const total = m.reduce((s, row, i) => s + row.reduce((a, v, j) => a + (i === j ? 0 : v), 0), 0);
        const lumpedTotal = matrix.reduce((s, row) => s + row.reduce((a, v) => a + v, 0), 0);
        expect(lumpedTotal).toBe(total);
        expect(kept).toHaveLength(Math.min(top, m.length));
        expect(matrix).toHaveLength(top >= m.length ? m.length : top + 1);
        kept.forEach((i, a) => kept.forEach((j, b) => expect(matrix[a][b]).toBe(i === j ? 0 : m[i][j])));
      }),
      options,
    );
  });
  test("no merged region has a larger turnover than a kept one", () => {
    fc.assert(
      fc.property(matrixArb(2, 10, 1000), fc.integer({ min: 1, max: 9 }), (m, top) => {
        const { kept } = lumpByTurnover(m, top);
        const turnover = m.map((row, i) => row.reduce((a, v, j) => a + (i === j ? 0 : v + m[j][i]), 0));
        const minKept = Math.min(...kept.map((i) => turnover[i]));
        turnover.forEach((t, i) => {
          if (!kept.includes(i)) expect(t).toBeLessThanOrEqual(minKept);
        });
      }),
      options,
    );
  });
});
