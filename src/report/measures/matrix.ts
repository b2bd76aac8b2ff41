import { aggregatedCv, flowsCv, giniWithin, migrationInequality, weightedGini } from "../../indicators/connectivity";
import { circulationIndexOfMatrix } from "../../indicators/circulation";
import { distanceDecay, meanDistance, medianDistance } from "../../indicators/distance";
import { preferenceIndex, velocityIndex } from "../../indicators/impact";
import { aggregateNetMigrationRate, connectivity, Flows, giniIndex, margins, migrationEffectivenessIndex } from "../../indicators/matrix";
import { Matrix } from "../../indicators/types";
import type { RegionData } from "../region-data";
import { FormulaEntry } from "./entry";
import { columnSum, gapOver, reciprocated } from "./formula-text";
import { regionColumnLetter } from "./regions";

/** What a matrix measure's formulas refer to on the summary sheet. */
export interface MatrixRefs {
  /** The n × n matrix (absolute, with its sheet) and its top-left cell. */
  readonly whole: string;
  readonly first: string;
  readonly n: number;
  /** A column of the per-region table, e.g. "D14:D46" for "D". */
  readonly column: (letter: string) => string;
  /** The key figure "Total flows". */
  readonly totalCell: string;
  /** The regions' distances (n × n) and populations (n × 1), as absolute ranges, when given. */
  readonly distances?: string;
  readonly populations?: string;
}

/**
 * A key figure of an origin × destination matrix: its measure in src/indicators (the engine's
 * value), the same as a classic-function formula (native; none where classic functions cannot
 * compute it in one cell) and as the catalog function (add-in), checked against each other by
 * the LibreOffice recalculation tests.
 */
export interface MatrixMeasure extends Omit<FormulaEntry<MatrixRefs, (m: Matrix | Flows, data: RegionData) => number>, "native"> {
  readonly native?: (at: MatrixRefs) => string;
  /** The native formula needs array evaluation (TRANSPOSE inside SUMPRODUCT). */
  readonly nativeArray?: boolean;
  /** Data beyond the matrix the measure needs: it is a key figure only when the report has it. */
  readonly needs?: keyof RegionData;
  /** Why there is no native formula, for the Definitions sheet (measures added with `needs`). */
  readonly valueReason?: string;
}

export const MATRIX_KEY_FIGURES: readonly MatrixMeasure[] = [
  {
    label: "Total flows (off the diagonal)",
    fn: "MIGRATION.SUMMARY",
    compute: (m) => margins(m).total,
    native: (at) => columnSum(at.column(regionColumnLetter("outflow"))),
    addin: (at) => columnSum(at.column(regionColumnLetter("outflow"))),
    format: "count",
  },
  {
    label: "Migration effectiveness index (MEI)",
    fn: "MIGRATION.MEI",
    compute: migrationEffectivenessIndex,
    native: (at) => `${gapOver(at.column(regionColumnLetter("net")))}/${columnSum(at.column(regionColumnLetter("turnover")))}`,
    addin: (at) => `MIGRATION.MEI(${at.whole})`,
    format: "ratio",
  },
  {
    label: "Brain circulation index",
    fn: "CIRCULATION.INDEX",
    compute: circulationIndexOfMatrix,
    native: (at) => reciprocated(gapOver(`${at.whole}-TRANSPOSE(${at.whole})`), `(2*${at.totalCell})`),
    addin: (at) => `CIRCULATION.INDEX(${at.whole})`,
    format: "ratio",
    nativeArray: true,
  },
  {
    label: "Connectivity (share of possible flows that occur)",
    fn: "MIGRATION.CONNECTIVITY",
    compute: connectivity,
    native: (at) => `SUMPRODUCT((${offDiagonal(at)})*ISNUMBER(${at.whole})*(${at.whole}>0))/${pairs(at)}`,
    addin: (at) => `MIGRATION.CONNECTIVITY(${at.whole})`,
    format: "percent",
  },
  {
    label: "Total flows Gini index (corrected)",
    fn: "MIGRATION.GINI",
    compute: (m) => giniIndex(m),
    // No native formula: the Gini index needs the flows sorted, which classic functions cannot do in one cell.
    addin: (at) => `MIGRATION.GINI(${at.whole})`,
    format: "ratio",
  },
  // The connectivity family (Bell et al. 2002). Off the diagonal a blank or text cell counts as 0, as in the engine.
  {
    label: "Inequality against equal flows",
    fn: "MIGRATION.INEQUALITY",
    compute: (m) => migrationInequality(m, "equal"),
    native: (at) => `SUM(IF(${offDiagonal(at)},ABS(${flowOf(at)}/${at.totalCell}-1/${pairs(at)})))/2`,
    addin: (at) => `MIGRATION.INEQUALITY(${at.whole})`,
    format: "ratio",
    nativeArray: true,
  },
  {
    label: "Coefficient of variation of the flows",
    fn: "MIGRATION.CV",
    compute: flowsCv,
    native: (at) => `SQRT(SUM(IF(${offDiagonal(at)},(${flowOf(at)}-${at.totalCell}/${pairs(at)})^2))/${pairs(at)})/(${at.totalCell}/${pairs(at)})`,
    addin: (at) => `MIGRATION.CV(${at.whole})`,
    format: "ratio",
    nativeArray: true,
  },
  // No native formula for these (the Definitions sheet says why): values, recomputed when the report is rebuilt.
  {
    label: "Inequality against the independence fit",
    fn: "MIGRATION.INEQUALITY",
    compute: (m) => migrationInequality(m, "independence"),
    addin: (at) => `MIGRATION.INEQUALITY(${at.whole},"independence")`,
    format: "ratio",
  },
  {
    label: "Origin Gini (standardised)",
    fn: "MIGRATION.GINIORIGIN",
    compute: (m) => giniWithin(m, "origin"),
    addin: (at) => `MIGRATION.GINIORIGIN(${at.whole})`,
    format: "ratio",
  },
  {
    label: "Destination Gini (standardised)",
    fn: "MIGRATION.GINIDESTINATION",
    compute: (m) => giniWithin(m, "destination"),
    addin: (at) => `MIGRATION.GINIDESTINATION(${at.whole})`,
    format: "ratio",
  },
  {
    label: "Migration-weighted Gini (mean)",
    fn: "MIGRATION.WEIGHTEDGINI",
    compute: (m) => weightedGini(m, "mean"),
    addin: (at) => `MIGRATION.WEIGHTEDGINI(${at.whole})`,
    format: "ratio",
  },
  {
    label: "Aggregated coefficient of variation (ACV)",
    fn: "MIGRATION.ACV",
    compute: aggregatedCv,
    addin: (at) => `MIGRATION.ACV(${at.whole})`,
    format: "ratio",
  },
  // The impact family (Bell et al. 2002; migest's index_impact), with the regions' populations.
  {
    label: "Aggregate net migration rate (ANMR)",
    fn: "MIGRATION.ANMR",
    compute: (m, d) => aggregateNetMigrationRate(m, d.populations!),
    // ½ Σ|net| ÷ total population, the net migration column of the per-region table.
    native: (at) => `${gapOver(at.column(regionColumnLetter("net")))}/2/SUM(${at.populations})`,
    addin: (at) => `MIGRATION.ANMR(${at.whole},${at.populations})`,
    format: "percent",
    needs: "populations",
  },
  {
    label: "Index of preference",
    fn: "MIGRATION.PREFERENCE",
    compute: (m, d) => preferenceIndex(m, d.populations!),
    // Σ_{i≠j} M_ij / (T · P_i/P · P_j/P) = P²/T · Σ_{i≠j} M_ij/(P_i P_j): the populations column times its transpose.
    native: (at) => `SUM(IF(${offDiagonal(at)},${flowOf(at)}/(${at.populations}*TRANSPOSE(${at.populations}))))*SUM(${at.populations})^2/${at.totalCell}`,
    addin: (at) => `MIGRATION.PREFERENCE(${at.whole},${at.populations})`,
    format: "ratio",
    nativeArray: true,
    needs: "populations",
  },
  {
    label: "Index of velocity",
    fn: "MIGRATION.VELOCITY",
    compute: (m, d) => velocityIndex(m, d.populations!),
    // P · Σ_{i≠j} M_ij/(P_i P_j)
    native: (at) => `SUM(IF(${offDiagonal(at)},${flowOf(at)}/(${at.populations}*TRANSPOSE(${at.populations}))))*SUM(${at.populations})`,
    addin: (at) => `MIGRATION.VELOCITY(${at.whole},${at.populations})`,
    format: "ratio",
    nativeArray: true,
    needs: "populations",
  },
  // The distance family (migest's index_distance), with the distances between the regions.
  {
    label: "Mean migration distance",
    fn: "MIGRATION.MEANDISTANCE",
    compute: (m, d) => meanDistance(m, d.distances!),
    // Σ_{i≠j} M_ij d_ij / Σ_{i≠j} M_ij; the distances' diagonal is never read.
    native: (at) => `SUM(IF(${offDiagonal(at)},${flowOf(at)}*${at.distances}))/${at.totalCell}`,
    addin: (at) => `MIGRATION.MEANDISTANCE(${at.whole},${at.distances})`,
    format: "decimal",
    nativeArray: true,
    needs: "distances",
  },
  {
    label: "Median migration distance",
    fn: "MIGRATION.MEDIANDISTANCE",
    compute: (m, d) => medianDistance(m, d.distances!),
    addin: (at) => `MIGRATION.MEDIANDISTANCE(${at.whole},${at.distances})`,
    format: "decimal",
    needs: "distances",
    valueReason: "The median migration distance is written as a value in the live-formula mode: it pools the flows by distance, sorts the distances and interpolates between the two around half the flows, which classic spreadsheet functions cannot do in one cell. It is recomputed when the report is rebuilt.",
  },
  {
    label: "Distance decay (Poisson model)",
    fn: "MIGRATION.DISTANCEDECAY",
    compute: (m, d) => distanceDecay(m, d.distances!),
    addin: (at) => `MIGRATION.DISTANCEDECAY(${at.whole},${at.distances})`,
    format: "ratio",
    needs: "distances",
    valueReason: "The distance decay is written as a value in the live-formula mode: it is a coefficient of a Poisson model with origin and destination effects, fitted by iteratively reweighted least squares, which classic spreadsheet functions cannot do in one cell. It is recomputed when the report is rebuilt.",
  },
];

/** The off-diagonal cells of the matrix, as an array condition. */
const offDiagonal = (at: MatrixRefs) => `ROW(${at.whole})-ROW(${at.first})<>COLUMN(${at.whole})-COLUMN(${at.first})`;
/** A flow read as 0 when blank or text, as the engine reads it. */
const flowOf = (at: MatrixRefs) => `IF(ISNUMBER(${at.whole}),${at.whole},0)`;
const pairs = (at: MatrixRefs) => at.n * (at.n - 1);
