import { netBrainDrain, relativeSkillShare, selectionRatio, skilledEmigrationRate } from "../indicators/braindrain";
import { circulationByRegion, circulationIndexOfMatrix, returnRate } from "../indicators/circulation";
import { aggregatedCv, flowsCv, giniWithin, migrationInequality, weightedGini } from "../indicators/connectivity";
import { distanceDecay, meanDistance, medianDistance } from "../indicators/distance";
import { flowsFromStocks, StockDecrease } from "../indicators/estimation";
import { preferenceIndex, velocityIndex } from "../indicators/impact";
import { pivotFlows } from "../indicators/longformat";
import { aggregateNetMigrationRate, connectivity, Corridor, Flows, giniIndex, margins, migrationEffectivenessIndex, regionSummary } from "../indicators/matrix";
import { Matrix, MeasureError } from "../indicators/types";
import { grossMigrationRate, migrationEffectiveness, migrationIntensity, netMigration, netMigrationRate } from "../indicators/rates";
import { grossOutboundEnrolmentRatio, inboundMobilityRate, outboundMobilityRatio, studentNetFlow, studentNetFlowRatio } from "../indicators/students";
import { columnLetters } from "./address";
import type { RegionData } from "./region-data";
import { isRateRole } from "./roles";
import { NumberFormat, Role } from "./types";

/*
 * The native texts of Exchange's sums (src/indicators/matrix.ts), so that every effectiveness
 * and circulation formula is written with the same pieces as the engine computes them: the net
 * f − c, the gross f + c, the gap Σ|f − c| and the reciprocated share 1 − gap ÷ gross.
 */
const net = (f: string, c: string) => `${f}-${c}`;
const gross = (f: string, c: string) => `${f}+${c}`;
/** Σ|x| over a range or an array expression. */
const gapOver = (x: string) => `SUMPRODUCT(ABS(${x}))`;
const reciprocated = (gap: string, grossText: string) => `1-${gap}/${grossText}`;
const pairReciprocityFormula = (f: string, c: string) => reciprocated(`ABS(${net(f, c)})`, `(${gross(f, c)})`);

/** A region's flows off the diagonal: the SUM of its diagonal cell is 0 for a blank or text, so it is ignored whatever it holds. */
const offDiagonalSum = (cells: string, diagonal: string) => `SUM(${cells})-SUM(${diagonal})`;
const columnSum = (column: string) => `SUM(${column})`;

/**
 * The indicators a report computes for each row of a country table. Each entry ties one
 * catalog function (the add-in formula), its measure in src/indicators (the engine's value)
 * and the same formula written with Excel 2010 functions that LibreOffice also computes (the
 * native formula): the three faces of one definition, checked against each other by
 * recalculating reports in LibreOffice (tests/hosts). A measure is used when the table has
 * a column for each of its inputs.
 */

/** How a native formula guards an input: a count (≥ 0) or a fraction (0 to 1). */
export type Domain = "count" | "fraction";

export interface TableMeasure {
  /** Column header in the report. */
  readonly label: string;
  /** The catalog function (its reference entry gives the definition and the source). */
  readonly fn: string;
  readonly inputs: readonly Role[];
  readonly domains: readonly Domain[];
  readonly compute: (...xs: number[]) => number;
  /** The formula body over the inputs' cell references, without the input guard. */
  readonly native: (...refs: string[]) => string;
  /** Extra conditions the engine enforces (e.g. a part not above its whole), as native tests. */
  readonly nativeChecks?: (...refs: string[]) => string[];
  readonly format: NumberFormat;
}

/** Migration effectiveness (in − out) ÷ (in + out): a table column, and a matrix summary's per-region column. */
export const EFFECTIVENESS: TableMeasure = {
  label: "Migration effectiveness",
  fn: "MIGRATION.EFFECTIVENESS",
  inputs: ["immigrants", "emigrants"],
  domains: ["count", "count"],
  compute: migrationEffectiveness,
  native: (i, o) => `(${net(i, o)})/(${gross(i, o)})`,
  format: "ratio",
};

export const TABLE_MEASURES: readonly TableMeasure[] = [
  {
    label: "Skilled emigration rate",
    fn: "BRAINDRAIN.RATE",
    inputs: ["skilledEmigrants", "skilledResidents"],
    domains: ["count", "count"],
    compute: skilledEmigrationRate,
    native: (mh, nh) => `${mh}/(${mh}+${nh})`,
    format: "percent",
  },
  {
    label: "Net skilled emigration",
    fn: "BRAINDRAIN.NET",
    inputs: ["skilledEmigrants", "skilledImmigrants"],
    domains: ["count", "count"],
    compute: (e, i) => netBrainDrain(e, i),
    native: (e, i) => `${e}-${i}`,
    format: "count",
  },
  {
    label: "Selection ratio (skilled ÷ total emigration rate)",
    fn: "BRAINDRAIN.SELECTION",
    inputs: ["skilledRate", "totalRate"],
    domains: ["fraction", "fraction"],
    compute: selectionRatio,
    native: (s, t) => `${s}/${t}`,
    format: "ratio",
  },
  {
    label: "Relative skill share",
    fn: "BRAINDRAIN.RELATIVE",
    inputs: ["skilledEmigrants", "emigrants", "skilledResidents", "residents"],
    domains: ["count", "count", "count", "count"],
    compute: relativeSkillShare,
    native: (mh, m, nh, n) => `(${mh}/${m})/(${nh}/${n})`,
    nativeChecks: (mh, m, nh, n) => [`${mh}<=${m}`, `${nh}<=${n}`],
    format: "ratio",
  },
  {
    label: "Net migration (immigrants − emigrants)",
    fn: "MIGRATION.NET",
    inputs: ["immigrants", "emigrants"],
    domains: ["count", "count"],
    compute: netMigration,
    native: (i, o) => net(i, o),
    format: "count",
  },
  {
    label: "Net migration per 1,000 population",
    fn: "MIGRATION.NETRATE",
    inputs: ["immigrants", "emigrants", "population"],
    domains: ["count", "count", "count"],
    compute: (i, o, p) => netMigrationRate(i, o, p),
    native: (i, o, p) => `1000*(${net(i, o)})/${p}`,
    format: "perThousand",
  },
  {
    label: "Gross migration per 1,000 population",
    fn: "MIGRATION.GROSSRATE",
    inputs: ["immigrants", "emigrants", "population"],
    domains: ["count", "count", "count"],
    compute: (i, o, p) => grossMigrationRate(i, o, p),
    native: (i, o, p) => `1000*(${gross(i, o)})/${p}`,
    format: "perThousand",
  },
  EFFECTIVENESS,
  {
    label: "Immigrants as share of population",
    fn: "MIGRATION.INTENSITY",
    inputs: ["immigrants", "population"],
    domains: ["count", "count"],
    compute: migrationIntensity,
    native: (m, p) => `${m}/${p}`,
    format: "percent",
  },
  {
    label: "Emigrants as share of population",
    fn: "MIGRATION.INTENSITY",
    inputs: ["emigrants", "population"],
    domains: ["count", "count"],
    compute: migrationIntensity,
    native: (m, p) => `${m}/${p}`,
    format: "percent",
  },
  {
    label: "Return rate",
    fn: "CIRCULATION.RETURNRATE",
    inputs: ["returnees", "emigrants"],
    domains: ["count", "count"],
    compute: returnRate,
    native: (r, e) => `${r}/${e}`,
    nativeChecks: (r, e) => [`${r}<=${e}`],
    format: "percent",
  },
  {
    label: "Outbound mobility ratio",
    fn: "STUDENTS.OUTBOUNDRATIO",
    inputs: ["outboundStudents", "tertiaryEnrolment"],
    domains: ["count", "count"],
    compute: outboundMobilityRatio,
    native: (o, e) => `${o}/${e}`,
    format: "percent",
  },
  {
    label: "Inbound mobility rate",
    fn: "STUDENTS.INBOUNDRATE",
    inputs: ["inboundStudents", "tertiaryEnrolment"],
    domains: ["count", "count"],
    compute: inboundMobilityRate,
    native: (i, e) => `${i}/${e}`,
    format: "percent",
  },
  {
    label: "Net flow of mobile students",
    fn: "STUDENTS.NETFLOW",
    inputs: ["inboundStudents", "outboundStudents"],
    domains: ["count", "count"],
    compute: studentNetFlow,
    native: (i, o) => `${i}-${o}`,
    format: "count",
  },
  {
    label: "Net flow ratio of mobile students",
    fn: "STUDENTS.NETFLOWRATIO",
    inputs: ["inboundStudents", "outboundStudents", "tertiaryEnrolment"],
    domains: ["count", "count", "count"],
    compute: studentNetFlowRatio,
    native: (i, o, e) => `(${i}-${o})/${e}`,
    format: "percent",
  },
  {
    label: "Gross outbound enrolment ratio",
    fn: "STUDENTS.GROSSOUTBOUND",
    inputs: ["outboundStudents", "tertiaryAgePopulation"],
    domains: ["count", "count"],
    compute: grossOutboundEnrolmentRatio,
    native: (o, p) => `${o}/${p}`,
    format: "percent",
  },
];

/**
 * The native formula of a measure over cell references: the definition, guarded so that each
 * bad input gives the error the engine and the add-in functions give (cells.ts, numberIn), in
 * the same order: inputs are checked one after the other, a blank is #N/A and text or TRUE/FALSE
 * #VALUE! (Excel arithmetic would read a blank as 0 and "12,610" as a number); then a negative
 * count, a rate outside [0, 1] or a failed check (a part above its whole) is #NUM!, and an error
 * in a source cell (NaN or ±Infinity written as #NUM!) passes through the comparisons. A zero
 * denominator gives #DIV/0! by itself. COUNT is not used: LibreOffice counts TRUE as a number.
 */
export function nativeFormula(m: TableMeasure, refs: readonly string[], factors?: readonly (number | undefined)[]): string {
  const values = scaledRefs(refs, factors);
  return guardedFormula(refs, m.domains, m.nativeChecks ? m.nativeChecks(...values) : [], m.native(...values), values);
}

/**
 * The references as the measure reads them: a column whose header states a unit (./units) is
 * multiplied by its factor, `(ref*1000)`, as the engine multiplies its values.
 */
export function scaledRefs(refs: readonly string[], factors?: readonly (number | undefined)[]): string[] {
  return refs.map((r, k) => (factors?.[k] !== undefined && factors[k] !== 1 ? `(${r}*${factors[k]})` : r));
}

/**
 * `body` over `refs`, behind the input guard described at nativeFormula. The blank and text
 * tests look at the cells themselves; the domain tests at `values` (the cells in the role's
 * unit, ./units), which default to the cells.
 */
export function guardedFormula(refs: readonly string[], domains: readonly Domain[], checks: readonly string[], body: string, values: readonly string[] = refs): string {
  const domain = values.flatMap((r, k) => (domains[k] === "fraction" ? [`${r}>=0`, `${r}<=1`] : [`${r}>=0`]));
  let f = `IF(AND(${[...domain, ...checks].join(",")}),${body},#NUM!)`;
  for (let k = refs.length - 1; k >= 0; k--) f = `IF(ISBLANK(${refs[k]}),#N/A,IF(OR(ISTEXT(${refs[k]}),ISLOGICAL(${refs[k]})),#VALUE!,${f}))`;
  return f;
}

/** The add-in formula: the catalog function over the same references. */
export function addinFormula(m: TableMeasure, refs: readonly string[], factors?: readonly (number | undefined)[]): string {
  // A scaled column: its numbers multiplied, anything else (blank, text) passed on as the cell is.
  const args = refs.map((r, k) => (factors?.[k] !== undefined && factors[k] !== 1 ? `IF(ISNUMBER(${r}),${r}*${factors[k]},${r})` : r));
  return `${m.fn}(${args.join(",")})`;
}

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
export interface MatrixMeasure {
  readonly label: string;
  /** The catalog function (its reference entry gives the definition and the source). */
  readonly fn: string;
  readonly compute: (m: Matrix | Flows, data: RegionData) => number;
  readonly native?: (at: MatrixRefs) => string;
  readonly addin: (at: MatrixRefs) => string;
  readonly format: NumberFormat;
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
    native: (at) => `SUMPRODUCT((ROW(${at.whole})-ROW(${at.first})<>COLUMN(${at.whole})-COLUMN(${at.first}))*ISNUMBER(${at.whole})*(${at.whole}>0))/${at.n * (at.n - 1)}`,
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

/**
 * The other numbers a report shows, each with its one format (the key figures and table
 * measures above carry theirs): numbers of people as counts with thousands separators, shares
 * and rates as percentages, indices and ratios to 3 decimals, rates per 1,000 to 1 decimal.
 */
export interface ShownMeasure {
  readonly label: string;
  readonly format: NumberFormat;
}

/** The number of regions of a matrix (a key figure). */
export const REGION_COUNT: ShownMeasure = { label: "Regions", format: "count" };

/** A flow or stock of people between two regions (a matrix cell, a corridor's flow and counterflow). */
export const FLOW: ShownMeasure = { label: "Flow", format: "count" };

/** A per-region value as the engine gives it: a number, a classification, or why there is none. */
export type RegionValue = number | string | MeasureError;

/** What a per-region column's formulas refer to, for one region of the matrix. */
export interface RegionRefs {
  /** The region's row of the matrix (its outflows) and its column (its inflows), each with its diagonal cell. */
  readonly row: string;
  readonly column: string;
  readonly diagonal: string;
  /** The whole matrix (absolute) and the region's position in it, from 1. */
  readonly whole: string;
  readonly index: number;
  /** The region's cell in another column of the per-region table, e.g. "B22". */
  readonly cell: (key: RegionColumnKey) => string;
}

/**
 * A column of a matrix summary's per-region table: its measure in src/indicators (the engine's
 * values, one per region), its native and add-in formulas for one region, its format, and its
 * total (the totals row) where a total means something.
 */
export interface RegionColumn {
  readonly label: string;
  /** The catalog function (its reference entry gives the definition and the source). */
  readonly fn: string;
  readonly compute: (m: Flows) => readonly RegionValue[];
  readonly native: (at: RegionRefs) => string;
  readonly addin: (at: RegionRefs) => string;
  readonly format: NumberFormat;
  readonly nativeArray?: boolean;
  /** The engine's total and its formula (native and add-in alike) over the column's cells. */
  readonly total?: { readonly compute: (m: Flows) => number; readonly formula: (column: string) => string };
}

export type RegionColumnKey = "outflow" | "inflow" | "turnover" | "net" | "effectiveness" | "circulation" | "classification";

/**
 * The per-region columns of a matrix summary (MIGRATION.SUMMARY, MIGRATION.EFFECTIVENESS,
 * CIRCULATION.BYREGION), in their order on the sheet after the region (column A).
 */
export const REGION_COLUMNS: { readonly [K in RegionColumnKey]: RegionColumn } = {
  outflow: {
    label: "Outflow",
    fn: "MIGRATION.SUMMARY",
    compute: (m) => margins(m).outflows,
    native: (at) => offDiagonalSum(at.row, at.diagonal),
    addin: (at) => offDiagonalSum(at.row, at.diagonal),
    format: "count",
    total: { compute: (m) => margins(m).total, formula: columnSum },
  },
  inflow: {
    label: "Inflow",
    fn: "MIGRATION.SUMMARY",
    compute: (m) => margins(m).inflows,
    native: (at) => offDiagonalSum(at.column, at.diagonal),
    addin: (at) => offDiagonalSum(at.column, at.diagonal),
    format: "count",
    total: { compute: (m) => margins(m).total, formula: columnSum },
  },
  turnover: {
    label: "Turnover",
    fn: "MIGRATION.SUMMARY",
    compute: (m) => regionSummary(m).map((s) => s.turnover),
    native: (at) => gross(at.cell("outflow"), at.cell("inflow")),
    addin: (at) => gross(at.cell("outflow"), at.cell("inflow")),
    format: "count",
    // Every flow is one region's outflow and another's inflow.
    total: { compute: (m) => 2 * margins(m).total, formula: columnSum },
  },
  net: {
    label: "Net migration",
    fn: "MIGRATION.SUMMARY",
    compute: (m) => regionSummary(m).map((s) => s.net),
    native: (at) => net(at.cell("inflow"), at.cell("outflow")),
    addin: (at) => net(at.cell("inflow"), at.cell("outflow")),
    format: "count",
    // The inflows and the outflows both add up to the total of the flows.
    total: { compute: () => 0, formula: columnSum },
  },
  effectiveness: {
    label: "Effectiveness",
    fn: EFFECTIVENESS.fn,
    compute: (m) => regionSummary(m).map((s) => s.effectiveness),
    // net ÷ turnover, the table's cells; the add-in formula is the table measure over inflow and outflow.
    native: (at) => `${at.cell("net")}/${at.cell("turnover")}`,
    addin: (at) => addinFormula(EFFECTIVENESS, [at.cell("inflow"), at.cell("outflow")]),
    format: EFFECTIVENESS.format,
  },
  circulation: {
    label: "Circulation index",
    fn: "CIRCULATION.BYREGION",
    compute: circulationByRegion,
    // 1 − Σj|Mij − Mji| ÷ turnover; the diagonal cancels in the gap (Mii − Mii).
    native: (at) => reciprocated(gapOver(`${at.row}-TRANSPOSE(${at.column})`), at.cell("turnover")),
    addin: (at) => `INDEX(CIRCULATION.BYREGION(${at.whole}),${at.index})`,
    format: "ratio",
    nativeArray: true,
  },
  classification: {
    label: "Classification",
    fn: EFFECTIVENESS.fn,
    compute: (m) => regionSummary(m).map((s) => (s.effectiveness instanceof MeasureError ? s.effectiveness : classify(s.effectiveness))),
    native: (at) => classifyFormula(at.cell("effectiveness")),
    addin: (at) => classifyFormula(at.cell("effectiveness")),
    format: "text",
  },
};

/** The column letter of a per-region column: the table has the region in A, then REGION_COLUMNS in order. */
export function regionColumnLetter(key: RegionColumnKey): string {
  return columnLetters(1 + REGION_KEYS.indexOf(key));
}

export const REGION_KEYS = Object.keys(REGION_COLUMNS) as RegionColumnKey[];

/** What a corridor column's formulas refer to, for one ordered pair of regions. */
export interface CorridorRefs {
  /** The pair's cell of the matrix (origin → destination) and the reverse pair's. */
  readonly pair: string;
  readonly reverse: string;
  /** The corridor's cell in another column of the Corridors table, e.g. "C5". */
  readonly cell: (key: CorridorColumnKey) => string;
}

/** A column of the Corridors sheet: its value from the engine's corridor (MIGRATION.CORRIDORS), its formulas, its format. */
export interface CorridorColumn {
  readonly label: string;
  readonly fn: string;
  readonly compute: (c: Corridor) => number;
  readonly native: (at: CorridorRefs) => string;
  readonly addin: (at: CorridorRefs) => string;
  readonly format: NumberFormat;
}

export type CorridorColumnKey = "flow" | "counterflow" | "net" | "reciprocity";

/** The columns of the Corridors sheet, in their order after origin and destination (MIGRATION.CORRIDORS). */
export const CORRIDOR_COLUMNS: { readonly [K in CorridorColumnKey]: CorridorColumn } = {
  flow: { label: "Flow", fn: "MIGRATION.CORRIDORS", compute: (c) => c.flow, native: (at) => at.pair, addin: (at) => at.pair, format: FLOW.format },
  counterflow: { label: "Counterflow", fn: "MIGRATION.CORRIDORS", compute: (c) => c.counterflow, native: (at) => at.reverse, addin: (at) => at.reverse, format: FLOW.format },
  net: {
    label: "Net",
    fn: "MIGRATION.CORRIDORS",
    compute: (c) => c.net,
    native: (at) => net(at.cell("flow"), at.cell("counterflow")),
    addin: (at) => net(at.cell("flow"), at.cell("counterflow")),
    format: FLOW.format,
  },
  reciprocity: {
    label: "Reciprocity",
    fn: "MIGRATION.CORRIDORS",
    compute: (c) => c.reciprocity,
    // pairReciprocity: 1 − |f − c| ÷ (f + c)
    native: (at) => pairReciprocityFormula(at.cell("flow"), at.cell("counterflow")),
    addin: (at) => pairReciprocityFormula(at.cell("flow"), at.cell("counterflow")),
    format: "ratio",
  },
};

export const CORRIDOR_KEYS = Object.keys(CORRIDOR_COLUMNS) as CorridorColumnKey[];

/** What a cell of a pivoted long list refers to. */
export interface PivotRefs {
  /** The list's origin, destination and flow columns, absolute, with their sheet. */
  readonly origins: string;
  readonly destinations: string;
  readonly flows: string;
  /** The labels of the cell's row and column as texts, e.g. `($A$4&"")`. */
  readonly origin: string;
  readonly destination: string;
  /** Further factors selecting the list's rows, each `*(…)` (one period's rows); empty for every row. */
  readonly selection: string;
}

/** A matrix cell built from the list's rows: the engine's pivot, the cell's formulas, its format. */
export interface PivotMeasure {
  readonly label: string;
  readonly fn: string;
  readonly compute: typeof pivotFlows;
  readonly native: (at: PivotRefs) => string;
  readonly addin: (at: PivotRefs) => string;
  readonly format: NumberFormat;
}

/**
 * A long list pivoted into a matrix (MIGRATION.MATRIX): each cell adds up the list's rows for
 * its pair. Labels are matched as Excel compares TRIM(label&"") (labels.ts); a blank or
 * negative flow of the pair makes the cell #N/A, where the engine refuses the pair.
 */
export const PIVOT: PivotMeasure = {
  label: FLOW.label,
  fn: "MIGRATION.MATRIX",
  compute: pivotFlows,
  native: pivotCellFormula,
  addin: pivotCellFormula,
  format: FLOW.format,
};

function pivotCellFormula(at: PivotRefs): string {
  const match = `(TRIM(${at.origins}&"")=${at.origin})*(TRIM(${at.destinations}&"")=${at.destination})${at.selection}`;
  return `IF(SUMPRODUCT(${match}*(ISBLANK(${at.flows})+(${at.flows}<0)))>0,NA(),SUMPRODUCT(${match}*${at.flows}))`;
}

/** What an estimated flow refers to: the stocks of its pair and of the reverse pair at the start and the end, and both stock tables. */
export interface StockChangeRefs {
  readonly start: string;
  readonly end: string;
  readonly reverseStart: string;
  readonly reverseEnd: string;
  /** The whole start and end stock tables (absolute), and the pair's position in them, from 1. */
  readonly starts: string;
  readonly ends: string;
  readonly row: number;
  readonly column: number;
  readonly method: StockDecrease;
}

export interface StockChangeMeasure {
  readonly label: string;
  readonly fn: string;
  readonly compute: typeof flowsFromStocks;
  readonly native: (at: StockChangeRefs) => string;
  readonly addin: (at: StockChangeRefs) => string;
  readonly format: NumberFormat;
}

/**
 * A flow estimated from migrant stocks (MIGRATION.FLOWSFROMSTOCKS): the rise in the pair's
 * stock, MAX(0, end − start), plus for the "return" method the fall in the reverse pair's
 * stock, MAX(0, start − end).
 */
export const ESTIMATED_FLOW: StockChangeMeasure = {
  label: FLOW.label,
  fn: "MIGRATION.FLOWSFROMSTOCKS",
  compute: flowsFromStocks,
  native: (at) => {
    const rise = `MAX(0,${at.end}-${at.start})`;
    return at.method === "return" ? `${rise}+MAX(0,${at.reverseStart}-${at.reverseEnd})` : rise;
  },
  addin: (at) => `INDEX(MIGRATION.FLOWSFROMSTOCKS(${at.starts},${at.ends},"${at.method}"),${at.row},${at.column})`,
  format: FLOW.format,
};

/** How a country table's input column is shown: a rate (0 to 1) as a percentage, a year as a year, else a count of people. */
export function inputFormat(role: Role): NumberFormat {
  if (role === "year") return "year";
  return isRateRole(role) ? "percent" : "count";
}

/** The off-diagonal cells of the matrix, as an array condition. */
const offDiagonal = (at: MatrixRefs) => `ROW(${at.whole})-ROW(${at.first})<>COLUMN(${at.whole})-COLUMN(${at.first})`;
/** A flow read as 0 when blank or text, as the engine reads it. */
const flowOf = (at: MatrixRefs) => `IF(ISNUMBER(${at.whole}),${at.whole},0)`;
const pairs = (at: MatrixRefs) => at.n * (at.n - 1);

/** The measures a table with these mapped roles allows, in catalog order. */
export function measuresFor(roles: ReadonlySet<Role>): TableMeasure[] {
  return TABLE_MEASURES.filter((m) => m.inputs.every((r) => roles.has(r)));
}

/**
 * Classification of a region by its migration effectiveness (in − out) / (in + out):
 * above +0.1 net gain, below −0.1 net drain, otherwise balanced circulation. The threshold is
 * stated on the report; 0.1 means inflows and outflows differ by less than about 22%.
 */
export const BALANCE_THRESHOLD = 0.1;

export function classify(effectiveness: number): string {
  if (effectiveness > BALANCE_THRESHOLD) return "net gain";
  if (effectiveness < -BALANCE_THRESHOLD) return "net drain";
  return "balanced circulation";
}

/** The same classification as a native formula over the effectiveness cell. */
export function classifyFormula(effectivenessRef: string): string {
  return `IF(${effectivenessRef}>${BALANCE_THRESHOLD},"net gain",IF(${effectivenessRef}<-${BALANCE_THRESHOLD},"net drain","balanced circulation"))`;
}
