import { AgeIndices, ageIndices } from "../indicators/age";
import { aggregatedCv, flowsCv, giniWithin, GiniSide, InequalityExpectation, migrationInequality, weightedGini } from "../indicators/connectivity";
import { DistanceMatrix, distanceDecay, meanDistance, medianDistance } from "../indicators/distance";
import { preferenceIndex, velocityIndex } from "../indicators/impact";
import { lumpByTurnover } from "../indicators/lump";
import { aggregateNetMigrationRate, connectivity, Flows, giniIndex, migrationEffectivenessIndex } from "../indicators/matrix";
import { MeasureError, Vector } from "../indicators/types";
import { cellName, isBlank, readGrid, readLabels, readMatrix, readNumber, readOptionalChoice, readOptionalNumber, readVector, ResultCell } from "./cells";
import { guard, toExcelError } from "./errors";

// The system-wide families of Bell et al. (2002) beyond MEI, connectivity and the total Gini:
// inequality, the Gini family, CVs, impact, distance, age profiles, and the lumping of a matrix
// to its main regions. The measures are in src/indicators/ (connectivity, impact, distance, age,
// lump); this module reads the cells and maps failures to Excel errors. (A line comment, not
// JSDoc: the metadata generator would take a JSDoc block here for the first function's description.)

/**
 * Index of migration inequality: ½ Σ|Mij/T − Eij/ΣE| over the off-diagonal flows, against equal flows or the flows expected from the margins.
 * @customfunction MIGRATION.INEQUALITY
 * @helpurl https://localhost:3000/reference.html#migration-inequality
 * @param matrix Square origin × destination matrix (rows = origins), numbers only; blanks are no flow; the diagonal is ignored.
 * @param [expected] "equal" (default): every flow the same; "independence": the flows a Poisson model with origin and destination effects expects.
 * @returns A fraction from 0 (flows as expected) towards 1.
 */
export function migrationInequalityFn(matrix: any[][], expected?: any): number {
  return guard(() => {
    const m = readMatrix(matrix, "matrix");
    return migrationInequality(m, readOptionalChoice<InequalityExpectation>(expected, "expected", ["equal", "independence"], "equal"));
  });
}

/**
 * Standardised origin Gini: the share of the total flows Gini that lies within the rows (each origin's spread over destinations).
 * @customfunction MIGRATION.GINIORIGIN
 * @helpurl https://localhost:3000/reference.html#migration-giniorigin
 * @param matrix Square origin × destination matrix (rows = origins), numbers only; blanks are no flow; the diagonal is ignored.
 * @returns A fraction from 0 to 1.
 */
export function migrationGiniOrigin(matrix: any[][]): number {
  return guard(() => giniWithin(readMatrix(matrix, "matrix"), "origin"));
}

/**
 * Standardised destination Gini: the share of the total flows Gini that lies within the columns (each destination's spread over origins).
 * @customfunction MIGRATION.GINIDESTINATION
 * @helpurl https://localhost:3000/reference.html#migration-ginidestination
 * @param matrix Square origin × destination matrix (rows = origins), numbers only; blanks are no flow; the diagonal is ignored.
 * @returns A fraction from 0 to 1.
 */
export function migrationGiniDestination(matrix: any[][]): number {
  return guard(() => giniWithin(readMatrix(matrix, "matrix"), "destination"));
}

/**
 * Migration-weighted Gini (Bell et al. 2002): the regions' out-field or in-field Gini indices, weighted by migration.
 * @customfunction MIGRATION.WEIGHTEDGINI
 * @helpurl https://localhost:3000/reference.html#migration-weightedgini
 * @param matrix Square origin × destination matrix (rows = origins), numbers only; blanks are no flow; the diagonal is ignored.
 * @param [side] "origin" (out-fields), "destination" (in-fields) or "mean" (default) of the two.
 * @returns A number from 0 upwards (small: flows spread evenly).
 */
export function migrationWeightedGini(matrix: any[][], side?: any): number {
  return guard(() => {
    const m = readMatrix(matrix, "matrix");
    return weightedGini(m, readOptionalChoice<GiniSide>(side, "side", ["origin", "destination", "mean"], "mean"));
  });
}

/**
 * Coefficient of variation of the flows: standard deviation ÷ mean of the off-diagonal flows.
 * @customfunction MIGRATION.CV
 * @helpurl https://localhost:3000/reference.html#migration-cv
 * @param matrix Square origin × destination matrix (rows = origins), numbers only; blanks are no flow; the diagonal is ignored.
 * @returns A number from 0 (all flows equal) upwards.
 */
export function migrationCv(matrix: any[][]): number {
  return guard(() => flowsCv(readMatrix(matrix, "matrix")));
}

/**
 * Aggregated system-wide coefficient of variation: the regions' in-field and out-field CVs, weighted by their inflow and outflow shares.
 * @customfunction MIGRATION.ACV
 * @helpurl https://localhost:3000/reference.html#migration-acv
 * @param matrix Square origin × destination matrix (rows = origins), numbers only; blanks are no flow; the diagonal is ignored.
 * @returns A number from 0 (every field even) upwards.
 */
export function migrationAcv(matrix: any[][]): number {
  return guard(() => aggregatedCv(readMatrix(matrix, "matrix")));
}

/**
 * Index of preference: the flows against those expected if migrants chose origins and destinations in proportion to population.
 * @customfunction MIGRATION.PREFERENCE
 * @helpurl https://localhost:3000/reference.html#migration-preference
 * @param matrix Square origin × destination matrix (rows = origins), numbers only; blanks are no flow; the diagonal is ignored.
 * @param populations Population of each region in persons, in the order of the matrix rows (a row or a column).
 * @returns Σ of observed ÷ expected over the flows.
 */
export function migrationPreference(matrix: any[][], populations: any[][]): number {
  return guard(() => preferenceIndex(readMatrix(matrix, "matrix"), readVector(populations, "populations")));
}

/**
 * Index of velocity: each flow per person of its origin and per share of the population at its destination, summed.
 * @customfunction MIGRATION.VELOCITY
 * @helpurl https://localhost:3000/reference.html#migration-velocity
 * @param matrix Square origin × destination matrix (rows = origins), numbers only; blanks are no flow; the diagonal is ignored.
 * @param populations Population of each region in persons, in the order of the matrix rows (a row or a column).
 * @returns Σ Mij · P ÷ (Pi · Pj).
 */
export function migrationVelocity(matrix: any[][], populations: any[][]): number {
  return guard(() => velocityIndex(readMatrix(matrix, "matrix"), readVector(populations, "populations")));
}

/**
 * Mean migration distance: the distances between the regions, weighted by the flows.
 * @customfunction MIGRATION.MEANDISTANCE
 * @helpurl https://localhost:3000/reference.html#migration-meandistance
 * @param matrix Square origin × destination matrix (rows = origins), numbers only; blanks are no flow; the diagonal is ignored.
 * @param distances Distance between each pair of regions, a table the size of the matrix in the same order; its diagonal is ignored.
 * @returns The mean distance, in the unit of the distances.
 */
export function migrationMeanDistance(matrix: any[][], distances: any[][]): number {
  return guard(() => {
    const m = readMatrix(matrix, "matrix");
    return meanDistance(m, readDistances(distances, m.n));
  });
}

/**
 * Median migration distance: the flow-weighted median of the distances, interpolated.
 * @customfunction MIGRATION.MEDIANDISTANCE
 * @helpurl https://localhost:3000/reference.html#migration-mediandistance
 * @param matrix Square origin × destination matrix (rows = origins), numbers only; blanks are no flow; the diagonal is ignored.
 * @param distances Distance between each pair of regions, a table the size of the matrix in the same order; its diagonal is ignored.
 * @returns The median distance, in the unit of the distances.
 */
export function migrationMedianDistance(matrix: any[][], distances: any[][]): number {
  return guard(() => {
    const m = readMatrix(matrix, "matrix");
    return medianDistance(m, readDistances(distances, m.n));
  });
}

/**
 * Distance-decay parameter: the coefficient of log(distance) in a Poisson model of the flows with origin and destination effects.
 * @customfunction MIGRATION.DISTANCEDECAY
 * @helpurl https://localhost:3000/reference.html#migration-distancedecay
 * @param matrix Square origin × destination matrix (rows = origins), numbers only; blanks are no flow; the diagonal is ignored.
 * @param distances Distance between each pair of regions, greater than 0, a table the size of the matrix in the same order; its diagonal is ignored.
 * @returns Usually negative: how much a flow falls, in %, for each 1% more distance.
 */
export function migrationDistanceDecay(matrix: any[][], distances: any[][]): number {
  return guard(() => {
    const m = readMatrix(matrix, "matrix");
    return distanceDecay(m, readDistances(distances, m.n));
  });
}

/**
 * Summary indices of a migration age profile: gross migraproduction, peak rate, peak age, breadth and share of the peak, ages of fastest rise and fall, asymmetry.
 * @customfunction MIGRATION.AGEINDICES
 * @helpurl https://localhost:3000/reference.html#migration-ageindices
 * @param ages Ages in increasing order (a row or a column), e.g. 0, 1, 2…
 * @param rates Migration rate at each age (migrants ÷ population), the same size as ages.
 * @param [age_min] The study range starts above this age; default 5.
 * @param [age_max] The study range ends below this age; default 65.
 * @param [breadth] Years either side of the peak age counted in the peak's breadth; default 5.
 * @returns A table with a header row and one row per measure.
 */
export function migrationAgeIndices(ages: any[][], rates: any[][], age_min?: any, age_max?: any, breadth?: any): any[][] {
  return guard(() => {
    const a = readVector(ages, "ages");
    const r = readVector(rates, "rates");
    if (a.length !== r.length) throw new MeasureError("invalid", `ages has ${a.length} values but rates has ${r.length}`);
    const x = ageIndices(a, r, readOptionalNumber(age_min, "age_min", 5), readOptionalNumber(age_max, "age_max", 65), readOptionalNumber(breadth, "breadth", 5));
    const rows: [string, keyof AgeIndices][] = [
      ["gross migraproduction rate", "grossMigraproduction"],
      ["peak rate", "peakRate"],
      ["peak age", "peakAge"],
      ["peak breadth", "peakBreadth"],
      ["peak share", "peakShare"],
      ["age of maximum upward rate of change", "maxUpwardAge"],
      ["age of maximum downward rate of change", "maxDownwardAge"],
      ["asymmetry", "asymmetry"],
    ];
    const table: ResultCell[][] = [["measure", "value"]];
    for (const [label, key] of rows) {
      const v = x[key];
      table.push([label, v instanceof MeasureError ? toExcelError(v) : v]);
    }
    return table;
  });
}

/**
 * Every system-wide index the arguments allow: the connectivity family, the impact family (with populations) and the distance family (with distances).
 * @customfunction MIGRATION.INDICES
 * @helpurl https://localhost:3000/reference.html#migration-indices
 * @param matrix Square origin × destination matrix (rows = origins), numbers only; blanks are no flow; the diagonal is ignored.
 * @param [populations] Population of each region in persons, in the order of the matrix rows; adds the ANMR, preference and velocity.
 * @param [distances] Distance between each pair of regions, a table the size of the matrix; adds the mean and median distance and the distance decay.
 * @returns A table with a header row and one row per index.
 */
export function migrationIndices(matrix: any[][], populations?: any[][], distances?: any[][]): any[][] {
  return guard(() => {
    const m = readMatrix(matrix, "matrix");
    const p = isBlank(populations) ? undefined : readVector(populations, "populations");
    if (p !== undefined && p.length !== m.n) throw new MeasureError("invalid", `populations has ${p.length} values but the matrix has ${m.n} regions`);
    const d = isBlank(distances) ? undefined : readDistances(distances, m.n);
    const table: ResultCell[][] = [["measure", "value"]];
    for (const [label, value] of systemIndices(m, p, d)) table.push([label, value]);
    return table;
  });
}

/** The rows of MIGRATION.INDICES: each index's label and its value, or the error it gives. */
function systemIndices(m: Flows, populations?: Vector, distances?: DistanceMatrix): [string, ResultCell][] {
  const rows: [string, () => number][] = [
    ["connectivity", () => connectivity(m)],
    ["inequality (equal)", () => migrationInequality(m, "equal")],
    ["inequality (independence)", () => migrationInequality(m, "independence")],
    ["Gini, total flows", () => giniIndex(m, true)],
    ["Gini, origins (standardised)", () => giniWithin(m, "origin")],
    ["Gini, destinations (standardised)", () => giniWithin(m, "destination")],
    ["weighted Gini, origins", () => weightedGini(m, "origin")],
    ["weighted Gini, destinations", () => weightedGini(m, "destination")],
    ["weighted Gini, mean", () => weightedGini(m, "mean")],
    ["CV", () => flowsCv(m)],
    ["ACV", () => aggregatedCv(m)],
    ["MEI", () => migrationEffectivenessIndex(m)],
  ];
  if (populations !== undefined) {
    rows.push(["ANMR", () => aggregateNetMigrationRate(m, populations)], ["preference", () => preferenceIndex(m, populations)], ["velocity", () => velocityIndex(m, populations)]);
  }
  if (distances !== undefined) {
    rows.push(["mean distance", () => meanDistance(m, distances)], ["median distance", () => medianDistance(m, distances)], ["distance decay", () => distanceDecay(m, distances)]);
  }
  return rows.map(([label, f]) => {
    try {
      return [label, f()];
    } catch (e) {
      return [label, toExcelError(e)];
    }
  });
}

/**
 * The matrix reduced to its top regions by turnover (inflow + outflow), with one row and column for all the others; labels in the first row and column.
 * @customfunction MIGRATION.LUMP
 * @helpurl https://localhost:3000/reference.html#migration-lump
 * @param matrix Square origin × destination matrix (rows = origins), numbers only; blanks are no flow; the diagonal is ignored.
 * @param labels Region names in the order of the matrix rows (a row or a column).
 * @param top How many regions to keep, a whole number of at least 1.
 * @param [other_label] Name of the region holding the rest; default "Other".
 * @returns A labelled square matrix, the kept regions in their order and the others last.
 */
export function migrationLump(matrix: any[][], labels: any[][], top: any, other_label?: any): any[][] {
  return guard(() => {
    const m = readMatrix(matrix, "matrix");
    const names = readLabels(labels, "labels", m.n);
    const k = readNumber(readScalar(top, "top"), "top");
    const other = readScalar(other_label, "other_label");
    const otherName = isBlank(other) ? "Other" : typeof other === "boolean" ? String(other).toUpperCase() : (other as ResultCell);
    const { kept, matrix: lumped } = lumpByTurnover(m, k);
    const heads: ResultCell[] = kept.map((i) => names[i]);
    if (lumped.length > kept.length) heads.push(otherName);
    const out: ResultCell[][] = [["origin \\ destination", ...heads]];
    lumped.forEach((row, i) => out.push([heads[i], ...row]));
    return out;
  });
}

/** A scalar argument that may come as a 1×1 range; a larger range is #VALUE!. */
function readScalar(v: unknown, arg: string): unknown {
  if (!Array.isArray(v)) return v;
  const grid = readGrid(v, arg);
  if (grid.length !== 1 || grid[0].length !== 1) throw new MeasureError("invalid", `${arg} must be a single value, not a ${grid.length}×${grid[0].length} range`);
  return grid[0][0];
}

/**
 * A table of distances aligned with an n-region matrix: n × n, the diagonal ignored; off the
 * diagonal a blank is a missing distance (#N/A), text or TRUE/FALSE #VALUE!; the measure checks
 * the numbers (a negative distance is #NUM!).
 */
function readDistances(v: unknown, n: number): number[][] {
  const grid = readGrid(v, "distances");
  if (grid.length !== n || grid[0].length !== n) {
    throw new MeasureError("invalid", `distances must be ${n}×${n} like the matrix; it is ${grid.length}×${grid[0].length} (select the numbers only, without labels)`);
  }
  const out: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(n);
    for (let j = 0; j < n; j++) {
      const cell = grid[i][j];
      row[j] = i === j ? 0 : typeof cell === "number" ? cell : readNumber(cell, cellName("distances", i, j, n, n));
    }
    out[i] = row;
  }
  return out;
}
