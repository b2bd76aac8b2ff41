/**
 * The index families against the R packages migest 2.0.5 and migration.indices 0.3.1 on the
 * real data they ship: Korea's 17 regions in 2020 (flows, centroid distances, populations), the
 * World Bank's 226 × 226 matrix, and two IPUMS-I migration age profiles. The values were computed
 * in R by scripts/peer-reference/indices.R and stored in tests/fixtures/peer-indices.json. Where our
 * definition departs from migest's (CV, median distance, the age profile's breadth and units),
 * the fixture also holds an independent computation of ours in base R / matrixStats.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { ageIndices } from "../../src/indicators/age";
import { aggregatedCv, flowsCv, giniWithin, migrationInequality, weightedGini } from "../../src/indicators/connectivity";
import { distanceDecay, meanDistance, medianDistance } from "../../src/indicators/distance";
import { preferenceIndex, velocityIndex } from "../../src/indicators/impact";
import { lumpByTurnover } from "../../src/indicators/lump";
import { giniIndex, connectivity } from "../../src/indicators/matrix";

interface ConnectivityValues {
  connectivity: number;
  inequality_equal: number;
  inequality_sim: number;
  gini_total: number;
  gini_orig_standardized: number;
  gini_dest_standardized: number;
  mwg_orig: number;
  mwg_dest: number;
  mwg_mean: number;
  cv: number;
  acv: number;
}
interface Fixture {
  korea: {
    labels: string[];
    matrix: number[][];
    distances: number[][];
    populations: number[];
    connectivity: ConnectivityValues;
    impact: { preference: number; velocity: number };
    distance: { mean: number; median: number; decay: number };
    migration_indices: { inequality_equal: number; acv: number; gini_row_standardized: number; gini_col_standardized: number; weighted_gini_out: number; weighted_gini_in: number };
    independent: { median_distance: number; cv: number };
    lump: { top: number; long: { orig: string; dest: string; flow: number }[] };
  };
  ages: { sample: string; ages: number[]; rates: number[]; migest: Record<string, number>; independent: { peak_breadth: number; peak_share: number } }[];
  world: { matrix: number[][]; connectivity: ConnectivityValues; migration_indices: { acv: number }; independent: { cv: number } };
}

const F: Fixture = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "peer-indices.json"), "utf8"));

/** Agreement to `digits` significant digits (the peers print 15). */
function expectNear(actual: number, expected: number, digits = 12): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * 10 ** -digits + 1e-300);
}

describe.each([
  ["Korea 2020 (17 regions)", F.korea.matrix, F.korea.connectivity],
  ["World Bank (226 countries)", F.world.matrix, F.world.connectivity],
])("connectivity family on %s equals migest's index_connectivity", (_, m, r) => {
  test("connectivity and the total flows Gini (existing measures, same data)", () => {
    expectNear(connectivity(m), r.connectivity);
    expectNear(giniIndex(m, true), r.gini_total);
  });
  test("inequality against equal flows and against the independence (Poisson) fit", () => {
    expectNear(migrationInequality(m, "equal"), r.inequality_equal);
    // migest fits with R's glm (tolerance 1e-8); ours is fitted to 1e-12: they agree to 9 digits.
    expectNear(migrationInequality(m, "independence"), r.inequality_sim, 9);
  });
  test("standardised origin and destination Gini", () => {
    expectNear(giniWithin(m, "origin"), r.gini_orig_standardized);
    expectNear(giniWithin(m, "destination"), r.gini_dest_standardized);
  });
  test("migration-weighted Gini: origin, destination, mean", () => {
    expectNear(weightedGini(m, "origin"), r.mwg_orig);
    expectNear(weightedGini(m, "destination"), r.mwg_dest);
    expectNear(weightedGini(m, "mean"), r.mwg_mean);
  });
  test("ACV", () => expectNear(aggregatedCv(m), r.acv));
});

describe("Korea 2020 against migration.indices directly", () => {
  const k = F.korea;
  const mi = k.migration_indices;
  test("migration.inequality is our inequality in persons (× T)", () => {
    const total = k.matrix.flat().reduce((a, b) => a + b, 0);
    expectNear(migrationInequality(k.matrix, "equal") * total, mi.inequality_equal);
  });
  test("the standardised row and column Gini are percentages of ours", () => {
    expectNear(giniWithin(k.matrix, "origin") * 100, mi.gini_row_standardized);
    expectNear(giniWithin(k.matrix, "destination") * 100, mi.gini_col_standardized);
  });
  test("weighted out- and in-field Gini, and migration.acv", () => {
    expectNear(weightedGini(k.matrix, "origin"), mi.weighted_gini_out);
    expectNear(weightedGini(k.matrix, "destination"), mi.weighted_gini_in);
    expectNear(aggregatedCv(k.matrix), mi.acv);
  });
});

describe("CV: ours is the population SD ÷ mean of the off-diagonal flows, not migest's", () => {
  test.each([
    ["Korea", F.korea.matrix, F.korea.independent.cv, F.korea.connectivity.cv],
    ["World Bank", F.world.matrix, F.world.independent.cv, F.world.connectivity.cv],
  ])("%s: equals the independent computation and differs from migest's cv", (_, m, independent, migest) => {
    expectNear(flowsCv(m), independent);
    expect(Math.abs(flowsCv(m) - migest)).toBeGreaterThan(1);
  });
  test("migest's cv over all n² cells changes with the scale of the flows; ours does not", () => {
    const m = F.korea.matrix;
    const migestCv = (x: number[][]) => {
      const cells = x.flat();
      const n = cells.length;
      const mean = cells.reduce((a, b) => a + b, 0) / n;
      return Math.sqrt(cells.reduce((a, b) => a + (b - mean) ** 2, 0) / (n * (n - 1)) / mean);
    };
    expectNear(migestCv(m), F.korea.connectivity.cv); // the formula as migest codes it
    const doubled = m.map((row) => row.map((v) => 2 * v));
    expectNear(migestCv(doubled), migestCv(m) * Math.SQRT2);
    expectNear(flowsCv(doubled), flowsCv(m));
  });
});

describe("impact family on Korea 2020 equals migest's index_impact", () => {
  const k = F.korea;
  test("index of preference", () => expectNear(preferenceIndex(k.matrix, k.populations), k.impact.preference));
  test("index of velocity, populations in persons", () => expectNear(velocityIndex(k.matrix, k.populations), k.impact.velocity));
});

describe("distance family on Korea 2020 (centroid distances, km)", () => {
  const k = F.korea;
  test("mean distance equals migest's", () => expectNear(meanDistance(k.matrix, k.distances), k.distance.mean));
  test("distance decay equals migest's glm coefficient of log(distance)", () => expectNear(distanceDecay(k.matrix, k.distances), k.distance.decay, 9));
  test("median distance equals matrixStats' interpolated weightedMedian of the pooled distances, not migest's order-dependent value", () => {
    const ours = medianDistance(k.matrix, k.distances);
    expectNear(ours, k.independent.median_distance);
    expect(Math.abs(ours - k.distance.median)).toBeGreaterThan(1); // 76.5 km against migest's 74.7 km
  });
});

describe.each(F.ages.map((a) => [a.sample, a] as const))("age profile %s against migest's index_age", (_, a) => {
  const x = ageIndices(a.ages, a.rates);
  test("gross migraproduction, peak age and the ages of the largest rise and fall equal migest's", () => {
    expectNear(x.grossMigraproduction, a.migest.gmr);
    expect(x.peakAge).toBe(a.migest.peak_age);
    expect(x.maxUpwardAge).toBe(a.migest.murc);
    expect(x.maxDownwardAge).toBe(a.migest.mdrc);
    expectNear(x.asymmetry as number, a.migest.asymmetry);
  });
  test("the peak rate is migest's ÷ 100 (rates as given, not in %)", () => expectNear(x.peakRate * 100, a.migest.peak_mi));
  test("peak breadth and share are over the ages peak ± 5 inclusive (independent computation), not migest's list positions", () => {
    expectNear(x.peakBreadth, a.independent.peak_breadth);
    expectNear(x.peakShare, a.independent.peak_share);
    // migest's window is one year younger: positions peak − 5 … peak + 5 are ages peak − 6 … peak + 4.
    const shifted = a.rates.filter((_, k) => a.ages[k] >= x.peakAge - 6 && a.ages[k] <= x.peakAge + 4).reduce((s, r) => s + r, 0);
    expectNear(shifted * 100, a.migest.peak_breadth);
  });
});

describe("lumping Korea 2020 to the top 5 regions by turnover equals migest's sum_lump", () => {
  const k = F.korea;
  const { kept, matrix } = lumpByTurnover(k.matrix, k.lump.top);
  const names = [...kept.map((i) => k.labels[i]), "Other"];
  test("the same regions are kept", () => {
    const peer = new Set(k.lump.long.flatMap((r) => [r.orig, r.dest]));
    expect(new Set(names)).toEqual(peer);
  });
  test("every flow of the long table is the cell of our matrix", () => {
    for (const r of k.lump.long) expect(matrix[names.indexOf(r.orig)][names.indexOf(r.dest)]).toBe(r.flow);
    expect(k.lump.long).toHaveLength(names.length ** 2);
  });
});
