import fc from "fast-check";
import { chordLayout } from "../../src/chart/chord-layout";
import { erasmus } from "../support/samples";

const DEG = 180 / Math.PI;
const small = { labels: ["A", "B", "C", "D"], flows: [[0, 100, 30, 0], [50, 0, 50, 5], [10, 40, 7, 40], [20, 0, 20, 0]] };

/** Checks the geometry the figure promises; returns nothing, throws on the first fault. */
function checkGeometry(labels: string[], flows: number[][], gapDegrees: number) {
  const layout = chordLayout({ labels, flows }, { gapDegrees });
  const n = labels.length;
  const off = (i: number, j: number) => (i === j ? 0 : flows[i][j]);
  const grand = flows.reduce((s, r, i) => s + r.reduce((a, _, j) => a + off(i, j), 0), 0);
  const free = 360 - n * gapDegrees;
  // Arc angles proportional to each region's moves out + in, within 0.1°.
  for (const g of layout.groups) {
    const total = flows[g.index].reduce((a, _, j) => a + off(g.index, j), 0) + flows.reduce((a, r, i) => a + off(i, g.index), 0);
    expect(g.total).toBeCloseTo(total, 9);
    expect(Math.abs((g.endAngle - g.startAngle) * DEG - (total / (2 * grand)) * free)).toBeLessThan(0.1);
  }
  // The gaps: each arc starts gap° after the previous one ends.
  for (let k = 1; k < layout.groups.length; k++) expect((layout.groups[k].startAngle - layout.groups[k - 1].endAngle) * DEG).toBeCloseTo(gapDegrees, 6);
  // One ribbon per flow above zero, none for a zero flow or the diagonal; ends as wide as the flow.
  const expected = flows.flatMap((r, i) => r.map((v, j) => ({ i, j, v })).filter((x) => x.i !== x.j && x.v > 0));
  expect(layout.ribbons).toHaveLength(expected.length);
  const byGroup = new Map(layout.groups.map((g) => [g.index, g]));
  const ends = new Map<number, [number, number][]>();
  for (const r of layout.ribbons) {
    expect(r.flow).toBe(flows[r.origin][r.destination]);
    expect(r.origin).not.toBe(r.destination);
    expect(r.counterflow).toBe(flows[r.destination][r.origin]);
    const per = (free / (2 * grand)) / DEG; // radians per unit
    expect(r.source.endAngle - r.source.startAngle).toBeCloseTo(r.flow * per, 9);
    expect(r.target.endAngle - r.target.startAngle).toBeCloseTo(r.flow * per, 9);
    // Each end lies on its region's arc.
    const o = byGroup.get(r.origin)!;
    const d = byGroup.get(r.destination)!;
    expect(r.source.startAngle).toBeGreaterThanOrEqual(o.startAngle - 1e-9);
    expect(r.source.endAngle).toBeLessThanOrEqual(o.endAngle + 1e-9);
    expect(r.target.startAngle).toBeGreaterThanOrEqual(d.startAngle - 1e-9);
    expect(r.target.endAngle).toBeLessThanOrEqual(d.endAngle + 1e-9);
    for (const [g, s] of [[r.origin, r.source], [r.destination, r.target]] as const) {
      if (!ends.has(g)) ends.set(g, []);
      ends.get(g)!.push([s.startAngle, s.endAngle]);
    }
  }
  // Within an arc the ends do not overlap and fill it exactly.
  for (const [g, list] of ends) {
    list.sort((a, b) => a[0] - b[0]);
    for (let k = 1; k < list.length; k++) expect(list[k][0]).toBeGreaterThanOrEqual(list[k - 1][1] - 1e-9);
    const group = byGroup.get(g)!;
    expect(list.reduce((s, [a, b]) => s + b - a, 0)).toBeCloseTo(group.endAngle - group.startAngle, 9);
  }
  return layout;
}

describe("chordLayout", () => {
  it("sizes arcs by moves out + in, ribbons by their flow, with no ribbon for a zero flow (small matrix)", () => {
    const layout = checkGeometry(small.labels, small.flows, 4);
    // A: out 130, in 80 (210); B: 105 + 140; C: 90 + 100; D: 40 + 45; the diagonal 7 of C is left out; B → D 5 has a ribbon, A → D and D → B none.
    expect(layout.groups.map((g) => g.total)).toEqual([210, 245, 190, 85]);
    expect(layout.ribbons.some((r) => r.origin === 0 && r.destination === 3)).toBe(false);
    expect(layout.ribbons.some((r) => r.origin === 3 && r.destination === 1)).toBe(false);
    expect(layout.total).toBe(100 + 30 + 50 + 50 + 5 + 10 + 40 + 40 + 20 + 20);
    // Smallest ribbon first, so the largest is drawn on top.
    expect(layout.ribbons[0].flow).toBe(5);
    expect(layout.ribbons[layout.ribbons.length - 1].flow).toBe(100);
    // Data order by default; the first arc starts at twelve o'clock.
    expect(layout.groups.map((g) => g.label)).toEqual(["A", "B", "C", "D"]);
    expect(layout.groups[0].startAngle).toBe(0);
  });

  it("holds for the Erasmus matrix (33 countries, 268,142 students)", () => {
    const e = erasmus();
    const layout = checkGeometry(e.labels, e.matrix, 2);
    expect(layout.total).toBe(268142);
  });

  it("holds for generated matrices with zeros", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }).chain((n) => fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5000 })), { minLength: n, maxLength: n }), { minLength: n, maxLength: n })),
        (flows) => {
          fc.pre(flows.some((r, i) => r.some((v, j) => i !== j && v > 0)));
          checkGeometry(flows.map((_, i) => `R${i}`), flows, 3);
        },
      ),
      { seed: 1616, numRuns: 150 },
    );
  });

  it("orders the arcs by size when asked", () => {
    const layout = chordLayout(small, { order: "size" });
    expect(layout.groups.map((g) => g.label)).toEqual(["B", "A", "C", "D"]);
  });

  it("refuses what it cannot draw", () => {
    expect(() => chordLayout({ labels: ["A", "B"], flows: [[0, -1], [2, 0]] })).toThrow(/A → B is -1/);
    expect(() => chordLayout({ labels: ["A", "B"], flows: [[0, NaN], [2, 0]] })).toThrow(/counts of zero or more/);
    expect(() => chordLayout({ labels: ["A", "B"], flows: [[5, 0], [0, 5]] })).toThrow(/nothing to draw/);
    expect(() => chordLayout({ labels: ["A"], flows: [[1]] })).toThrow(/two regions/);
    expect(() => chordLayout({ labels: ["A", "B"], flows: [[0, 1]] })).toThrow(/2 × 2/);
  });
});
