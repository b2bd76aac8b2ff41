/**
 * The flow key figures of each period of a long list: the same numbers as the report's
 * registry of key figures, the same as the single-matrix measures on each period's rows, and
 * the numbers R computes on a real panel (Korea's 17 regions, 2012–2020, migest's
 * korea_gravity: tests/fixtures/peer-periods.json, made by scripts/peer-reference/periods.R).
 */
import fc from "fast-check";
import { periodsIn } from "../../src/cells/period";
import { circulationIndexOfMatrix } from "../../src/indicators/circulation";
import { Label } from "../../src/indicators/longformat";
import { connectivity, giniIndex, margins, migrationEffectivenessIndex } from "../../src/indicators/matrix";
import { FLOW_KEY_FIGURES, flowKeyFigures, flowKeyFiguresByPeriod } from "../../src/indicators/periods";
import { MeasureError } from "../../src/indicators/types";
import { MATRIX_KEY_FIGURES } from "../../src/report/measures";
import { matrixArb } from "../support/arbitraries";
import { KOREA } from "../support/peer-periods";

/** The off-diagonal cells of a matrix as a long list (region names R0, R1…). */
function listOf(m: readonly (readonly number[])[], name = (i: number): Label => `R${i}`): { o: Label[]; d: Label[]; f: number[] } {
  const o: Label[] = [];
  const d: Label[] = [];
  const f: number[] = [];
  m.forEach((row, i) =>
    row.forEach((x, j) => {
      if (i === j) return;
      o.push(name(i));
      d.push(name(j));
      f.push(x);
    }),
  );
  return { o, d, f };
}

/** The figures as plain values for comparison: a number, or the kind of error. */
function plain(v: number | MeasureError): number | string {
  return v instanceof MeasureError ? v.kind : v;
}

function expectSameFigures(a: readonly (number | MeasureError)[], b: readonly (number | MeasureError)[]): void {
  expect(a).toHaveLength(b.length);
  a.forEach((x, k) => {
    const y = b[k];
    if (typeof x === "number" && typeof y === "number") expect(x).toBeCloseTo(y, 12);
    else expect(plain(x)).toEqual(plain(y));
  });
}

describe("the key figures", () => {
  test("are those of the report's registry, one definition each, in the report's order", () => {
    const registry = FLOW_KEY_FIGURES.map((k) => MATRIX_KEY_FIGURES.find((r) => r.fn === k.fn));
    registry.forEach((r) => expect(r).toBeDefined());
    const positions = registry.map((r) => MATRIX_KEY_FIGURES.indexOf(r!));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    fc.assert(
      fc.property(matrixArb(2, 8), (m) => {
        FLOW_KEY_FIGURES.forEach((k, i) => {
          const ours = flowKeyFigures(listOf(m).o, listOf(m).d, listOf(m).f)[i];
          let theirs: number | MeasureError;
          try {
            theirs = registry[i]!.compute(m, {});
          } catch (e) {
            theirs = e as MeasureError;
          }
          expectSameFigures([ours], [theirs]);
        });
      }),
      { numRuns: 100 },
    );
  });

  test("Plane & Mulligan's hypothetical system: total 120, MEI 0.25, circulation 2/3, connectivity 1, Gini 0.2667", () => {
    const hyp = [
      [0, 10, 10],
      [20, 0, 20],
      [30, 30, 0],
    ];
    const { o, d, f } = listOf(hyp);
    expectSameFigures(flowKeyFigures(o, d, f), [120, 0.25, 2 / 3, 1, 0.26666666666666666]);
  });

  test("moves within a region are ignored, as a matrix's diagonal", () => {
    expectSameFigures(flowKeyFigures(["A", "B", "A"], ["B", "A", "A"], [10, 30, 500]), flowKeyFigures(["A", "B"], ["B", "A"], [10, 30]));
  });

  test("a flow in error spoils every figure of its list; no flows at all leave the divisions without a value", () => {
    const bad = new MeasureError("missing", "flows (row 2) is blank");
    expect(flowKeyFigures(["A", "B"], ["B", "A"], [5, bad])).toEqual(FLOW_KEY_FIGURES.map(() => bad));
    expect(flowKeyFigures(["A", "B"], ["B", "A"], [0, 0]).map(plain)).toEqual([0, "zeroDenominator", "zeroDenominator", 0, "zeroDenominator"]);
  });
});

describe("flowKeyFiguresByPeriod", () => {
  test("one row per period, in time order whatever the order of the rows", () => {
    const periods = periodsIn(["2012/13", 2010, "1990-1995", "2010 ", 2010]);
    const out = flowKeyFiguresByPeriod(periods, ["A", "A", "A", "B", "C"], ["B", "B", "B", "A", "A"], [1, 2, 3, 4, 5]);
    expect(out.map((p) => p.key)).toEqual(["1990-1995", "2010", "2012/13"]);
    expect(out.map((p) => p.figures[0])).toEqual([3, 2 + 4 + 5, 1]);
  });

  test("a list whose period column holds a non-period is refused", () => {
    expect(() => flowKeyFiguresByPeriod(periodsIn([2010, "soon"]), ["A", "B"], ["B", "A"], [1, 2])).toThrow(MeasureError);
    expect(() => flowKeyFiguresByPeriod(periodsIn([2010, null]), ["A", "B"], ["B", "A"], [1, 2])).toThrow(MeasureError);
  });

  test("a flow in error spoils its own period only", () => {
    const bad = new MeasureError("outOfDomain", "flows (row 2) is negative");
    const out = flowKeyFiguresByPeriod(periodsIn([2000, 2000, 2005, 2005]), ["A", "B", "A", "B"], ["B", "A", "B", "A"], [1, bad, 3, 1]);
    expect(out[0].figures.every((v) => v === bad)).toBe(true);
    // Gini: |3 − 1| twice ÷ (2 · (2 − 1) · 4) = 0.5
    expectSameFigures(out[1].figures, [4, 0.5, 0.5, 1, 0.5]);
  });

  test("a region with no row in a period counts in it with no flows: connectivity has the same n(n − 1) possible flows in every period", () => {
    const o = ["A", "B", "A", "C", "C", "A"];
    const d = ["B", "A", "C", "A", "B", "B"];
    const f = [10, 5, 4, 2, 1, 3];
    const col = periodsIn([2000, 2000, 2000, 2000, 2010, 2010]);
    const [first, last] = flowKeyFiguresByPeriod(col, o, d, f);
    // 2000: A→B, B→A, A→C, C→A of 6 possible; 2010: C→B, A→B of the same 6 (B is in no row of 2010 as origin, but is a region).
    expect(first.figures[3]).toBeCloseTo(4 / 6, 12);
    expect(last.figures[3]).toBeCloseTo(2 / 6, 12);
  });

  test("properties: one period gives the single-matrix measures; periods do not mix, each over every region of the list; relabelling and reordering change nothing", () => {
    const twoPeriods = fc.tuple(matrixArb(2, 7, 500), matrixArb(2, 7, 500), fc.integer({ min: 1, max: 1_000_000 }));
    fc.assert(
      fc.property(twoPeriods, ([a, b, shuffleSeed]) => {
        const single = (m: number[][]): (number | MeasureError)[] =>
          [(x: number[][]) => margins(x).total, migrationEffectivenessIndex, circulationIndexOfMatrix, connectivity, (x: number[][]) => giniIndex(x)].map((f) => {
            try {
              return f(m);
            } catch (e) {
              return e as MeasureError;
            }
          });
        const la = listOf(a);
        const lb = listOf(b, (i) => `Region ${i}`);
        // One period: the figures of the matrix itself.
        const one = flowKeyFiguresByPeriod(periodsIn(la.f.map(() => 2020)), la.o, la.d, la.f);
        expect(one).toHaveLength(1);
        expectSameFigures(one[0].figures, single(a));
        // Two periods in one list naming different regions, rows interleaved in a scrambled order:
        // each keeps its own flows, over every region of the list (the other period's regions
        // have no flows in it).
        const padded = (m: number[][], extra: number): number[][] => {
          const n = m.length + extra;
          return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i < m.length && j < m.length ? m[i][j] : 0)));
        };
        const rows = [...la.f.map((_, k) => ["2015-2020", la.o[k], la.d[k], la.f[k]] as const), ...lb.f.map((_, k) => [1990, lb.o[k], lb.d[k], lb.f[k]] as const)];
        let s = shuffleSeed;
        for (let k = rows.length - 1; k > 0; k--) {
          s = (s * 16807) % 2147483647;
          const j = s % (k + 1);
          [rows[k], rows[j]] = [rows[j], rows[k]];
        }
        const both = flowKeyFiguresByPeriod(
          periodsIn(rows.map((r) => r[0])),
          rows.map((r) => r[1]),
          rows.map((r) => r[2]),
          rows.map((r) => r[3]),
        );
        expect(both.map((p) => p.key)).toEqual(["1990", "2015-2020"]);
        expectSameFigures(both[0].figures, single(padded(b, a.length)));
        expectSameFigures(both[1].figures, single(padded(a, b.length)));
      }),
      { numRuns: 100 },
    );
  });
});

test("relabelling: renaming the regions by any one-to-one map (numbers or text) leaves every period's figures as they were", () => {
  const withNames = matrixArb(2, 7, 500).chain((m) => fc.tuple(fc.constant(m), fc.shuffledSubarray([...m.keys()], { minLength: m.length, maxLength: m.length }), fc.boolean()));
  fc.assert(
    fc.property(withNames, ([m, p, numeric]) => {
      const { o, d, f } = listOf(m);
      const rename = (l: Label): Label => {
        const k = p[Number(String(l).slice(1))];
        return numeric ? 100 + k : `Place ${k}`;
      };
      const periods = periodsIn(f.map((_, r) => (r % 2 === 0 ? "2010/11" : 2011)));
      const before = flowKeyFiguresByPeriod(periods, o, d, f);
      const after = flowKeyFiguresByPeriod(periods, o.map(rename), d.map(rename), f);
      expect(after.map((q) => q.key)).toEqual(before.map((q) => q.key));
      after.forEach((q, k) => expectSameFigures(q.figures, before[k].figures));
    }),
    { numRuns: 100 },
  );
});

describe("Korea 2012–2020 (17 regions) against R", () => {
  const { year, orig, dest, flow } = KOREA.list;
  const out = flowKeyFiguresByPeriod(periodsIn(year), orig, dest, flow);

  test("nine years, in time order, though the list's rows are shuffled", () => {
    expect(out.map((p) => p.key)).toEqual(KOREA.years.map((y) => String(y.year)));
  });

  test.each(KOREA.years.map((y, k) => [y.year, k] as const))("%s: total, MEI, circulation index, connectivity and Gini as migest and base R give them", (_, k) => {
    const r = KOREA.years[k];
    const [total, mei, circulation, conn, gini] = out[k].figures as number[];
    expect(total).toBe(r.total);
    expect(mei).toBeCloseTo(r.migest.effectiveness_percent / 100, 12);
    expect(mei).toBeCloseTo(r.independent.mei, 12);
    expect(circulation).toBeCloseTo(r.independent.circulation, 12);
    expect(conn).toBeCloseTo(r.migest.connectivity, 12);
    expect(gini).toBeCloseTo(r.migest.gini_total, 12);
  });
});
