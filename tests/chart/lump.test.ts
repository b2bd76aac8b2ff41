import fc from "fast-check";
import { lumpTop, turnover } from "../../src/chart/lump";
import { erasmus } from "../support/samples";
import reference from "./reference/sum-lump.json";
import { worldMatrix } from "./world";

type Row = { orig: string; dest: string; flow: number };
/** migest's sum_lump rows as {origin → destination: flow}, the Other → Other row apart. */
function fromR(rows: Row[]): { flows: Map<string, number>; otherToOther: number } {
  const flows = new Map<string, number>();
  let otherToOther = 0;
  for (const r of rows) {
    if (r.orig === "Other" && r.dest === "Other") otherToOther += r.flow;
    else if (r.orig !== r.dest && r.flow !== 0) flows.set(`${r.orig}→${r.dest}`, r.flow);
  }
  return { flows, otherToOther };
}
function fromLumped(l: ReturnType<typeof lumpTop>): Map<string, number> {
  const out = new Map<string, number>();
  l.flows.forEach((row, i) => row.forEach((v, j) => i !== j && v !== 0 && out.set(`${l.labels[i]}→${l.labels[j]}`, v)));
  return out;
}

const r = ["A", "B", "C", "D"];
// migest's sum_lump example matrix (rows are origins).
const m = { labels: r, flows: [[0, 100, 30, 10], [50, 0, 50, 5], [10, 40, 0, 40], [20, 25, 20, 0]] };
const offDiagonal = (f: readonly (readonly number[])[]) => f.reduce((s, row, i) => s + row.reduce((a, v, j) => a + (i === j ? 0 : v), 0), 0);

describe("turnover", () => {
  it("adds each region's moves out and in, leaving the diagonal out", () => {
    expect(turnover(m)).toEqual([140 + 80, 105 + 165, 90 + 100, 65 + 55]);
    expect(turnover({ labels: ["X", "Y"], flows: [[9, 1], [2, 9]] })).toEqual([3, 3]);
  });
});

describe("lumpTop", () => {
  it("keeps the regions with the largest turnover in their data order and sums the rest into Other", () => {
    const l = lumpTop(m, 2);
    expect(l.labels).toEqual(["A", "B", "Other"]);
    expect(l.lumped).toEqual(["C", "D"]);
    expect(l.flows).toEqual([
      [0, 100, 40],
      [50, 0, 55],
      [30, 65, 0],
    ]);
    // C → D and D → C are moves within Other: not drawable, counted.
    expect(l.hiddenWithinOther).toBe(60);
    expect(offDiagonal(l.flows) + l.hiddenWithinOther).toBe(offDiagonal(m.flows));
  });

  it("lumps nothing when at most one region would go into Other", () => {
    expect(lumpTop(m, 3)).toMatchObject({ labels: r, lumped: [], hiddenWithinOther: 0 });
    expect(lumpTop(m, 10).flows).toBe(m.flows);
  });

  it("breaks ties by data order and never names two arcs alike", () => {
    const tied = { labels: ["Other", "P", "Q", "R"], flows: [[0, 1, 1, 1], [1, 0, 1, 1], [1, 1, 0, 1], [1, 1, 1, 0]] };
    const l = lumpTop(tied, 2);
    expect(l.labels).toEqual(["Other", "P", "Other (2)"]);
    expect(l.otherLabel).toBe("Other (2)");
  });

  it("refuses a top that is not a whole number of at least 1", () => {
    expect(() => lumpTop(m, 0)).toThrow(/at least 1/);
    expect(() => lumpTop(m, 2.5)).toThrow(/whole number/);
  });

  it("keeps every move between kept regions and to or from Other (generated matrices)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 12 }).chain((n) => fc.tuple(fc.array(fc.array(fc.nat(1000), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }), fc.integer({ min: 1, max: n }))),
        ([flows, top]) => {
          const labels = flows.map((_, i) => `R${i}`);
          const l = lumpTop({ labels, flows }, top);
          expect(offDiagonal(l.flows) + l.hiddenWithinOther).toBe(offDiagonal(flows));
          const kept = l.labels.filter((x) => x !== l.otherLabel);
          const before = turnover({ labels, flows });
          const after = turnover(l);
          kept.forEach((label, k) => expect(after[k]).toBe(before[labels.indexOf(label)]));
          // Every kept region has at least the turnover of every lumped one.
          const lumpedMax = Math.max(-1, ...l.lumped.map((x) => before[labels.indexOf(x)]));
          kept.forEach((label) => expect(before[labels.indexOf(label)]).toBeGreaterThanOrEqual(lumpedMax));
        },
      ),
      { seed: 16, numRuns: 200 },
    );
  });

  it("lumps as migest's sum_lump on turnover does, with the threshold between the N-th and next turnover", () => {
    // tests/chart/reference/sum-lump.R computed these with migest's own R code.
    const small = fromR(reference.small.flows as Row[]);
    const l = lumpTop(m, 2);
    expect(fromLumped(l)).toEqual(small.flows);
    expect(l.hiddenWithinOther).toBe(small.otherToOther);
    const e = erasmus();
    const big = fromR(reference.erasmus.flows as Row[]);
    const le = lumpTop({ labels: e.labels, flows: e.matrix }, 10);
    expect(fromLumped(le)).toEqual(big.flows);
    expect(le.hiddenWithinOther).toBe(big.otherToOther);
    expect(le.labels).toHaveLength(11);
  });

  it("reduces the 232-place world matrix to the top 20 and Other", () => {
    const w = worldMatrix();
    expect(w.labels).toHaveLength(232);
    const l = lumpTop(w, 20);
    expect(l.labels).toHaveLength(21);
    expect(l.lumped).toHaveLength(212);
    expect(l.labels).toContain("India");
    expect(l.labels).toContain("United States of America");
    expect(offDiagonal(l.flows) + l.hiddenWithinOther).toBe(offDiagonal(w.flows));
  });
});
