import fc from "fast-check";
import { circulationByRegion, circulationIndex, circulationIndexOfMatrix, returnRate, stayRate } from "../../src/indicators/circulation";
import { MeasureError } from "../../src/indicators/types";
import { erasmus } from "../support/samples";
import { matrixArb } from "../support/arbitraries";
import { HYP } from "../support/matrices";

// Plane & Mulligan's (1997) hypothetical system, as in the R package migration.indices.

describe("circulationIndex of paired flows", () => {
  test("flows 100 and 50 against counterflows 100 and 0: 1 − 50/250 = 0.8", () => {
    expect(circulationIndex([100, 50], [100, 0])).toBeCloseTo(0.8, 15);
  });
  test("equal flows both ways are full circulation (1)", () => expect(circulationIndex([5, 7], [5, 7])).toBe(1));
  test("flows one way only are pure drain (0)", () => expect(circulationIndex([5, 7], [0, 0])).toBe(0));
  test("no movement at all has no index", () => expect(() => circulationIndex([0], [0])).toThrow(MeasureError));
  test("lists of different lengths are invalid", () => expect(() => circulationIndex([1, 2], [1])).toThrow(/differ in length/));
  test("a negative flow is out of domain", () => expect(() => circulationIndex([-1], [1])).toThrow(/negative/));
  test("properties: within [0, 1] and symmetric in its two arguments", () => {
    const pairs = fc.array(fc.tuple(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 })), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(pairs, (ps) => {
        const f = ps.map((p) => p[0]);
        const c = ps.map((p) => p[1]);
        if (f.every((x, k) => x + c[k] === 0)) return;
        const a = circulationIndex(f, c);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(1);
        expect(circulationIndex(c, f)).toBeCloseTo(a, 12);
      }),
    );
  });
});

describe("circulationIndexOfMatrix", () => {
  test("the hypothetical system: pairs 10/20, 10/30, 20/30 give 1 − 40/120", () => {
    expect(circulationIndexOfMatrix(HYP)).toBeCloseTo(2 / 3, 15);
  });
  test("Erasmus 2012–13: about 72% of student movement between pairs of countries is reciprocated", () => {
    expect(circulationIndexOfMatrix(erasmus().matrix)).toBeCloseTo(0.7165979219965541, 12);
  });
  test("equals the paired-list index over the upper and lower triangles", () => {
    fc.assert(
      fc.property(matrixArb(2, 8), (m) => {
        const f: number[] = [];
        const c: number[] = [];
        m.forEach((row, i) => row.forEach((x, j) => j > i && (f.push(x), c.push(m[j][i]))));
        if (f.every((x, k) => x + c[k] === 0)) return;
        expect(circulationIndexOfMatrix(m)).toBeCloseTo(circulationIndex(f, c), 12);
      }),
    );
  });
  test("a non-square matrix is invalid", () => expect(() => circulationIndexOfMatrix([[0, 1, 2], [1, 0, 2]])).toThrow(/square/));
});

describe("circulationByRegion", () => {
  test("the hypothetical system: 1 − 30/70, 1 − 20/80, 1 − 30/90", () => {
    const r = circulationByRegion(HYP) as number[];
    expect(r[0]).toBeCloseTo(4 / 7, 15);
    expect(r[1]).toBeCloseTo(0.75, 15);
    expect(r[2]).toBeCloseTo(2 / 3, 15);
  });
  test("a region with no flows gets an error, the others a value", () => {
    const r = circulationByRegion([
      [0, 5, 0],
      [5, 0, 0],
      [0, 0, 0],
    ]);
    expect(r[0]).toBe(1);
    expect(r[2]).toBeInstanceOf(MeasureError);
    expect((r[2] as MeasureError).kind).toBe("zeroDenominator");
  });
  test("property: every value within [0, 1]", () => {
    fc.assert(fc.property(matrixArb(2, 8), (m) => circulationByRegion(m).forEach((v) => v instanceof MeasureError || (expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(1 + 1e-12)))));
  });
});

describe("returnRate and stayRate", () => {
  test("150 of 600 emigrants returned: 25%", () => expect(returnRate(150, 600)).toBe(0.25));
  test("returnees cannot exceed the emigrants of their cohort (#NUM!, as stayers above the cohort)", () => {
    expect(() => returnRate(900, 600)).toThrow(expect.objectContaining({ kind: "outOfDomain", message: "returnees (900) exceeds emigrants (600)" }));
    expect(() => stayRate(900, 600)).toThrow(expect.objectContaining({ kind: "outOfDomain", message: "stayers (900) exceeds cohort (600)" }));
  });
  test("all emigrants returned: 100%", () => expect(returnRate(600, 600)).toBe(1));
  test("no emigrants: no return rate", () => expect(() => returnRate(0, 0)).toThrow(/emigrants is 0/));
  test("420 of 600 doctoral graduates stayed: 70%", () => expect(stayRate(420, 600)).toBe(0.7));
  test("stayers cannot exceed the cohort", () => expect(() => stayRate(700, 600)).toThrow(/exceeds cohort/));
});
