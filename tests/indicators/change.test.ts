/**
 * The change in the circulation index between two periods: worked examples, properties over
 * generated matrices (fixed seed), and Korea 2012 → 2020 against base R
 * (tests/fixtures/peer-periods.json, made by scripts/peer-reference/periods.R).
 */
import fc from "fast-check";
import { circulationChange, circulationChangeByRegion } from "../../src/indicators/change";
import { circulationByRegion, circulationIndexOfMatrix } from "../../src/indicators/circulation";
import { MeasureError } from "../../src/indicators/types";
import { matrixArb } from "../support/arbitraries";
import { KOREA } from "../support/peer-periods";
import { HYP, BALANCED } from "../support/matrices";

/** Two matrices of the same order. */
const pairArb = fc.integer({ min: 2, max: 8 }).chain((n) => fc.tuple(matrixArb(n, n, 1000), matrixArb(n, n, 1000)));

function valueOr(f: () => number): number | string {
  try {
    return f();
  } catch (e) {
    if (e instanceof MeasureError) return e.kind;
    throw e;
  }
}

describe("circulationChange", () => {
  test("from the hypothetical system (2/3) to a fully two-way one (1): +1/3", () => {
    expect(circulationChange(HYP, BALANCED)).toBeCloseTo(1 / 3, 15);
    expect(circulationChange(BALANCED, HYP)).toBeCloseTo(-1 / 3, 15);
  });
  test("matrices of different sizes are refused", () => {
    expect(() => circulationChange(HYP, [[0, 1], [1, 0]])).toThrow(/same regions, in the same order/);
    expect(() => circulationChangeByRegion(HYP, [[0, 1], [1, 0]])).toThrow(MeasureError);
  });
  test("a period without flows has no index, so no change", () => {
    const none = HYP.map((row) => row.map(() => 0));
    expect(valueOr(() => circulationChange(HYP, none))).toBe("zeroDenominator");
  });
  test("Korea 2012 → 2020, 17 regions: the system's change and each region's, as base R gives them", () => {
    const { first_matrix, last_matrix } = KOREA.change;
    expect(circulationChange(first_matrix, last_matrix)).toBeCloseTo(KOREA.change.circulation, 12);
    const byRegion = circulationChangeByRegion(first_matrix, last_matrix);
    expect(byRegion).toHaveLength(17);
    byRegion.forEach((v, i) => expect(v as number).toBeCloseTo(KOREA.change.circulation_by_region[i], 12));
  });
});

describe("circulationChangeByRegion", () => {
  test("the hypothetical system to the balanced one: each region moves to 1", () => {
    const before = circulationByRegion(HYP) as number[];
    circulationChangeByRegion(HYP, BALANCED).forEach((v, i) => expect(v as number).toBeCloseTo(1 - before[i], 15));
  });
  test("a region without flows in either period has no change; the others still have one", () => {
    const isolated = [
      [0, 10, 0],
      [20, 0, 0],
      [0, 0, 0],
    ];
    const out = circulationChangeByRegion(isolated, HYP);
    expect((out[2] as MeasureError).kind).toBe("zeroDenominator");
    // region 1: 1 − 10/30 before, 1 − 30/70 after (HYP's pairs 10/20 and 10/30)
    expect(out[0] as number).toBeCloseTo(4 / 7 - 2 / 3, 15);
    expect((circulationChangeByRegion(HYP, isolated)[2] as MeasureError).kind).toBe("zeroDenominator");
  });
});

describe("properties (fixed seed)", () => {
  test("CHANGE(m, m) = 0, for the system and for every region that has flows", () => {
    fc.assert(
      fc.property(matrixArb(2, 8), (m) => {
        expect(valueOr(() => circulationChange(m, m))).toEqual(valueOr(() => circulationIndexOfMatrix(m) * 0));
        circulationChangeByRegion(m, m).forEach((v, i) => expect(v instanceof MeasureError ? v.kind : v).toEqual(circulationByRegion(m)[i] instanceof MeasureError ? "zeroDenominator" : 0));
      }),
    );
  });

  test("the change is last − first: swapping the periods changes its sign; changes add up over three periods", () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const ab = valueOr(() => circulationChange(a, b));
        if (typeof ab !== "number") return;
        expect(circulationChange(b, a)).toBeCloseTo(-ab, 12);
        const mid = a.map((row, i) => row.map((x, j) => Math.round((x + b[i][j]) / 2)));
        const viaMid = valueOr(() => circulationChange(a, mid) + circulationChange(mid, b));
        if (typeof viaMid === "number") expect(viaMid).toBeCloseTo(ab, 12);
      }),
    );
  });

  test("relabelling: the same permutation of the regions of both matrices permutes the regional changes and keeps the system's", () => {
    const withPermutation = pairArb.chain(([a, b]) => fc.tuple(fc.constant(a), fc.constant(b), fc.shuffledSubarray([...a.keys()], { minLength: a.length, maxLength: a.length })));
    fc.assert(
      fc.property(withPermutation, ([a, b, p]) => {
        const permute = (m: number[][]) => p.map((i) => p.map((j) => m[i][j]));
        const system = valueOr(() => circulationChange(a, b));
        const permuted = valueOr(() => circulationChange(permute(a), permute(b)));
        if (typeof system === "number") expect(permuted as number).toBeCloseTo(system, 12);
        else expect(permuted).toBe(system);
        const regions = circulationChangeByRegion(a, b);
        circulationChangeByRegion(permute(a), permute(b)).forEach((v, k) => {
          const w = regions[p[k]];
          if (typeof w === "number") expect(v as number).toBeCloseTo(w, 12);
          else expect((v as MeasureError).kind).toBe(w.kind);
        });
      }),
    );
  });

  test("by region and the system agree: the system's index is the regions' indices weighted by their gross exchange Σj(Mij + Mji)", () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const weighted = (m: number[][]) => {
          const gross = m.map((row, i) => row.reduce((s, x, j) => s + x + m[j][i], 0));
          const index = circulationByRegion(m);
          let sum = 0;
          gross.forEach((g, i) => (sum += g === 0 ? 0 : g * (index[i] as number)));
          return sum / gross.reduce((s, g) => s + g, 0);
        };
        const system = valueOr(() => circulationChange(a, b));
        if (typeof system !== "number") return;
        expect(weighted(b) - weighted(a)).toBeCloseTo(system, 12);
        // and each region's change is its own index's change
        const first = circulationByRegion(a);
        const last = circulationByRegion(b);
        circulationChangeByRegion(a, b).forEach((v, i) => {
          const f = first[i];
          const l = last[i];
          if (typeof f === "number" && typeof l === "number") expect(v as number).toBeCloseTo(l - f, 15);
          else expect(v).toBeInstanceOf(MeasureError);
        });
      }),
    );
  });
});
