import fc from "fast-check";
import { aggregateNetMigrationRate, checkMatrix, connectivity, corridors, Exchange, Flows, flowsOf, giniIndex, margins, migrationEffectivenessIndex, pairReciprocity, regionSummary } from "../../src/indicators/matrix";
import { migrationIntensity } from "../../src/indicators/rates";
import { MeasureError } from "../../src/indicators/types";
import { matrixArb } from "../support/arbitraries";
import { erasmus } from "../support/samples";
import { HYP } from "../support/matrices";

// Plane & Mulligan (1997) hypothetical systems, as in the R package migration.indices
// (data/migration.hyp.R, filled by column): their published total Gini values are the check.
const HYP2 = [
  [0, 20, 20],
  [30, 0, 50],
  [20, 20, 0],
];

/** The pairwise definition, O(N²) in cells: the reference the sorted version must equal. */
function naiveGini(m: number[][], corrected: boolean): number {
  const cells = m.flatMap((row, i) => row.filter((_, j) => j !== i));
  let s = 0;
  for (const a of cells) for (const b of cells) s += Math.abs(a - b);
  const d = corrected ? cells.length - 1 : cells.length;
  return s / (2 * d * cells.reduce((x, y) => x + y, 0));
}

describe("checkMatrix", () => {
  test("an empty matrix, a ragged one and a non-square one are invalid", () => {
    expect(() => checkMatrix([])).toThrow(/empty/);
    expect(() => checkMatrix([[0, 1], [1]])).toThrow(/square/);
    expect(() => checkMatrix([[0, 1, 2], [1, 0, 3]])).toThrow(/square/);
  });
  test("a negative flow off the diagonal is out of domain; the diagonal is ignored", () => {
    expect(() => checkMatrix([[0, -1], [1, 0]])).toThrow(/negative/);
    expect(checkMatrix([[-99, 1], [1, NaN]])).toBe(2);
  });
});

describe("margins and regionSummary", () => {
  test("the hypothetical system: outflows 20, 40, 60 and inflows 50, 40, 30", () => {
    const { outflows, inflows, total } = margins(HYP);
    expect(outflows).toEqual([20, 40, 60]);
    expect(inflows).toEqual([50, 40, 30]);
    expect(total).toBe(120);
  });
  test("Erasmus 2012–13: 268,142 students; the UK received 27,182, sent 14,572, a net inflow of 12,610", () => {
    const { labels, matrix } = erasmus();
    const uk = labels.indexOf("UK");
    const s = regionSummary(matrix)[uk];
    expect(margins(matrix).total).toBe(268142);
    expect(s.inflow).toBe(27182);
    expect(s.outflow).toBe(14572);
    expect(s.net).toBe(12610);
    expect(s.turnover).toBe(41754);
    expect(s.effectiveness).toBeCloseTo(12610 / 41754, 15);
  });
  test("a diagonal of stayers does not count as migration", () => {
    const withStayers = HYP.map((row, i) => row.map((x, j) => (i === j ? 1e6 : x)));
    expect(regionSummary(withStayers)).toEqual(regionSummary(HYP));
  });
  test("a region without flows has no effectiveness", () => {
    const s = regionSummary([
      [0, 1, 0],
      [2, 0, 0],
      [0, 0, 0],
    ]);
    expect(s[2].effectiveness).toBeInstanceOf(MeasureError);
    expect(s[0].effectiveness).toBeCloseTo(1 / 3, 15);
  });
  test("properties: inflows and outflows each sum to the matrix total; nets sum to 0; effectiveness within [−1, 1]", () => {
    fc.assert(
      fc.property(matrixArb(1, 12), (m) => {
        const s = regionSummary(m);
        const total = margins(m).total;
        expect(s.reduce((a, r) => a + r.inflow, 0)).toBe(total);
        expect(s.reduce((a, r) => a + r.outflow, 0)).toBe(total);
        expect(s.reduce((a, r) => a + r.net, 0)).toBe(0);
        s.forEach((r) => r.effectiveness instanceof MeasureError || expect(Math.abs(r.effectiveness)).toBeLessThanOrEqual(1));
      }),
    );
  });
});

describe("migrationEffectivenessIndex (Bell et al. 2002)", () => {
  test("the hypothetical system: Σ|D − O| = 60 over Σ(D + O) = 240", () => expect(migrationEffectivenessIndex(HYP)).toBe(0.25));
  test("Erasmus 2012–13: 0.1515", () => expect(migrationEffectivenessIndex(erasmus().matrix)).toBeCloseTo(0.15150554556913873, 14));
  test("a symmetric matrix is pure exchange (0); one-way flows are 1", () => {
    expect(migrationEffectivenessIndex([[0, 7], [7, 0]])).toBe(0);
    expect(migrationEffectivenessIndex([[0, 7], [0, 0]])).toBe(1);
  });
  test("no flows at all has no index", () => expect(() => migrationEffectivenessIndex([[0, 0], [0, 0]])).toThrow(MeasureError));
  test("property: within [0, 1]", () => {
    fc.assert(fc.property(matrixArb(2, 10), (m) => margins(m).total === 0 || (expect(migrationEffectivenessIndex(m)).toBeGreaterThanOrEqual(0), expect(migrationEffectivenessIndex(m)).toBeLessThanOrEqual(1))));
  });
});

describe("aggregateNetMigrationRate", () => {
  test("the hypothetical system with populations 100, 200, 300: ½ · 60 / 600 = 0.05", () => expect(aggregateNetMigrationRate(HYP, [100, 200, 300])).toBeCloseTo(0.05, 15));
  test("identity: ANMR = crude intensity × MEI", () => {
    const populations = fc.array(fc.integer({ min: 1, max: 1e7 }), { minLength: 12, maxLength: 12 });
    fc.assert(
      fc.property(matrixArb(2, 12), populations, (m, pops) => {
        const p = pops.slice(0, m.length);
        const { total } = margins(m);
        if (total === 0) return;
        const intensity = migrationIntensity(total, p.reduce((a, b) => a + b, 0));
        expect(aggregateNetMigrationRate(m, p)).toBeCloseTo(intensity * migrationEffectivenessIndex(m), 12);
      }),
    );
  });
  test("one population per region is required", () => expect(() => aggregateNetMigrationRate(HYP, [1, 2])).toThrow(/3 regions/));
  test("a zero total population has no rate", () => expect(() => aggregateNetMigrationRate(HYP, [0, 0, 0])).toThrow(MeasureError));
});

describe("connectivity", () => {
  test("every flow present: 1; one missing of six: 5/6", () => {
    expect(connectivity(HYP)).toBe(1);
    expect(connectivity([[0, 10, 0], [20, 0, 20], [30, 30, 0]])).toBeCloseTo(5 / 6, 15);
  });
  test("Erasmus 2012–13: 935 of the 1,056 country pairs exchanged students", () => expect(connectivity(erasmus().matrix)).toBeCloseTo(935 / 1056, 15));
  test("a single region has no pairs", () => expect(() => connectivity([[0]])).toThrow(MeasureError));
});

describe("giniIndex (Plane & Mulligan 1997)", () => {
  test("published values: 0.2222 and 0.1875 uncorrected; 0.2667 corrected", () => {
    expect(giniIndex(HYP, false)).toBeCloseTo(0.2222222222, 9);
    expect(giniIndex(HYP2, false)).toBeCloseTo(0.1875, 12);
    expect(giniIndex(HYP, true)).toBeCloseTo(0.2666666667, 9);
    expect(giniIndex(HYP)).toBe(giniIndex(HYP, true));
  });
  test("Erasmus 2012–13: 0.7944 corrected, 0.7937 uncorrected", () => {
    expect(giniIndex(erasmus().matrix)).toBeCloseTo(0.7944244227107368, 12);
    expect(giniIndex(erasmus().matrix, false)).toBeCloseTo(0.793672126855897, 12);
  });
  test("the sorted computation equals the pairwise definition", () => {
    fc.assert(fc.property(matrixArb(2, 7), fc.boolean(), (m, corrected) => margins(m).total === 0 || expect(giniIndex(m, corrected)).toBeCloseTo(naiveGini(m, corrected), 12)));
  });
  test("properties: within [0, 1], unchanged by scaling, 0 when all flows are equal", () => {
    fc.assert(
      fc.property(matrixArb(2, 10), fc.integer({ min: 2, max: 1000 }), (m, k) => {
        if (margins(m).total === 0) return;
        const g = giniIndex(m);
        expect(g).toBeGreaterThanOrEqual(0);
        expect(g).toBeLessThanOrEqual(1 + 1e-12);
        expect(giniIndex(m.map((r) => r.map((x) => x * k)))).toBeCloseTo(g, 12);
      }),
    );
    expect(giniIndex([[0, 4, 4], [4, 0, 4], [4, 4, 0]])).toBe(0);
  });
  test("all migration in one flow is 1 when corrected", () => expect(giniIndex([[0, 9, 0], [0, 0, 0], [0, 0, 0]])).toBeCloseTo(1, 15));
});

describe("corridors", () => {
  test("the hypothetical system, largest flow first, ties in matrix order", () => {
    const c = corridors(HYP);
    expect(c.map((x) => [x.origin, x.destination, x.flow])).toEqual([
      [2, 0, 30],
      [2, 1, 30],
      [1, 0, 20],
      [1, 2, 20],
      [0, 1, 10],
      [0, 2, 10],
    ]);
    expect(c[0]).toMatchObject({ counterflow: 10, net: 20 });
    expect(c[0].reciprocity).toBeCloseTo(0.5, 15);
  });
  test("top limits the list; pairs without a flow are left out", () => {
    expect(corridors(HYP, 2)).toHaveLength(2);
    expect(corridors([[0, 5], [0, 0]])).toHaveLength(1);
  });
  test("Erasmus 2012–13: the largest corridors are IT → ES (8,040) and its reverse ES → IT (7,425), then FR → UK (6,826)", () => {
    const { labels, matrix } = erasmus();
    const top = corridors(matrix, 3).map((c) => [labels[c.origin], labels[c.destination], c.flow, c.counterflow]);
    expect(top).toEqual([
      ["IT", "ES", 8040, 7425],
      ["ES", "IT", 7425, 8040],
      ["FR", "UK", 6826, 4458],
    ]);
  });
});

describe("corridors: picking the largest without sorting them all", () => {
  /** The definition: every ordered pair with a flow, largest first, ties in matrix order, then the first `top`. */
  function reference(m: number[][], top: number) {
    const list = m.flatMap((row, i) => row.map((f, j) => ({ origin: i, destination: j, flow: f, counterflow: m[j][i] })).filter((c) => c.origin !== c.destination && c.flow > 0));
    list.sort((a, b) => b.flow - a.flow || a.origin - b.origin || a.destination - b.destination);
    return top < list.length ? list.slice(0, top) : list;
  }
  test("property: any top (few, many, all) gives the definition's list, ties included", () => {
    // Flows of 0 to 3 make many ties and many zeros.
    const tops = fc.oneof(fc.integer({ min: 0, max: 80 }), fc.constant(Infinity));
    fc.assert(
      fc.property(matrixArb(1, 12, 3), tops, (m, top) => {
        const got = corridors(m, top).map(({ origin, destination, flow, counterflow }) => ({ origin, destination, flow, counterflow }));
        expect(got).toEqual(reference(m, top));
      }),
      { seed: 1205, numRuns: 300 },
    );
  });
  test("each corridor's reciprocity is its pair's circulation index", () => {
    const [c] = corridors(HYP, 1);
    expect(c.reciprocity).toBe(pairReciprocity(c.flow, c.counterflow));
    expect(pairReciprocity(30, 10)).toBe(0.5);
  });
});

describe("corridors: the order of a comparator sort, without one", () => {
  /** A comparator sort of the positive cells' flat indices: largest flow first, ties by index. */
  function comparatorOrder(m: number[][]): number[] {
    const n = m.length;
    const cells: number[] = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && m[i][j] > 0) cells.push(i * n + j);
    const flow = (k: number) => m[Math.floor(k / n)][k % n];
    return Uint32Array.from(cells)
      .sort((a, b) => flow(b) - flow(a) || a - b)
      .reduce<number[]>((out, k) => (out.push(k), out), []);
  }
  // Whole flows (sorted as exact keys, up to flow · cells ≈ 2^53 and past it), and fractions,
  // near-equal and very large flows (sorted as numbers), with many ties and zeros.
  const wholeArb = fc.oneof(fc.constantFrom(0, 0, 1, 2, 2, 3, 1e13, 2e13, 1e13 + 1), fc.integer({ min: 0, max: 2 ** 31 }));
  const anyArb = fc.constantFrom(0, 0, 1, 2, 2, 3, 0.1, 0.2, 0.30000000000000004, 0.3, 1e-300, 5e-324, 2 ** 53, 2 ** 53 + 2, 1e300, 123456.789);
  const squareArb = fc
    .tuple(fc.integer({ min: 1, max: 24 }), fc.boolean())
    .chain(([n, whole]) => fc.array(fc.array(whole ? wholeArb : anyArb, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }));
  test("property: every corridor list (more than the few picked without sorting) is in the comparator's order", () => {
    fc.assert(
      fc.property(squareArb, (m) => {
        const got = corridors(m).map((c) => c.origin * m.length + c.destination);
        expect(got).toEqual(comparatorOrder(m));
        expect(corridors(m, 100).map((c) => c.origin * m.length + c.destination)).toEqual(comparatorOrder(m).slice(0, 100));
      }),
      { seed: 2412, numRuns: 400 },
    );
  });
});

describe("Flows: a matrix checked once", () => {
  test("flowsOf copies the off-diagonal cells row by row and zeroes the diagonal, whatever it held", () => {
    const f = flowsOf([
      [NaN, 1, 2],
      [3, -7, 4],
      [5, 6, 1e6],
    ]);
    expect(f.n).toBe(3);
    expect(f.rows).toEqual([
      [0, 1, 2],
      [3, 0, 4],
      [5, 6, 0],
    ]);
    expect(flowsOf(f)).toBe(f); // checked already: taken as it is
  });
  test("the first problem in reading order is the one reported: a bad cell before a short row", () => {
    expect(() => flowsOf([[0, -1, 0], [1, 0], [1, 1, 0]])).toThrow(/flow 1→2 is negative/);
    expect(() => flowsOf([[0, 1, 0], [1, 0], [1, -1, 0]])).toThrow(/square/);
    expect(() => flowsOf([[0, 1], [Infinity, 0]])).toThrow(/flow 2→1 is not a finite number/);
  });
  test("property: every measure gives the same number from the matrix and from its Flows", () => {
    fc.assert(
      fc.property(matrixArb(2, 10), (m) => {
        const f = flowsOf(m);
        expect(margins(f)).toEqual(margins(m));
        expect(regionSummary(f)).toEqual(regionSummary(m));
        expect(corridors(f, 5)).toEqual(corridors(m, 5));
        for (const measure of [migrationEffectivenessIndex, connectivity, giniIndex]) {
          let fromMatrix: unknown;
          let fromFlows: unknown;
          try {
            fromMatrix = measure(m);
          } catch (e) {
            fromMatrix = e;
          }
          try {
            fromFlows = measure(f);
          } catch (e) {
            fromFlows = e;
          }
          expect(fromFlows).toEqual(fromMatrix);
        }
      }),
      { seed: 1206, numRuns: 100 },
    );
  });
  test("a Flows built directly is used as it is (the reader that builds one has checked it)", () => {
    const f = new Flows(2, [
      [0, 3],
      [1, 0],
    ]);
    expect(margins(f)).toEqual({ outflows: [3, 1], inflows: [1, 3], total: 4 });
  });
});

describe("Exchange: the gap and gross sums", () => {
  test("adds |f − c| and f + c of each pair", () => {
    const e = new Exchange();
    e.add(100, 50);
    e.add(0, 30);
    expect(e.gap).toBe(80);
    expect(e.gross).toBe(180);
  });
});
