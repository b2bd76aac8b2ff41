import { netBrainDrain, relativeSkillShare, selectionRatio, skilledEmigrationRate } from "../indicators/braindrain";
import { circulationIndexOfMatrix, returnRate } from "../indicators/circulation";
import { aggregatedCv, flowsCv, giniWithin, migrationInequality, weightedGini } from "../indicators/connectivity";
import { distanceDecay, meanDistance, medianDistance } from "../indicators/distance";
import { preferenceIndex, velocityIndex } from "../indicators/impact";
import { aggregateNetMigrationRate, connectivity, giniIndex, margins, migrationEffectivenessIndex } from "../indicators/matrix";
import type { Matrix } from "../indicators/types";
import { grossMigrationRate, migrationEffectiveness, migrationIntensity, netMigration, netMigrationRate } from "../indicators/rates";
import { grossOutboundEnrolmentRatio, inboundMobilityRate, outboundMobilityRatio, studentNetFlow, studentNetFlowRatio } from "../indicators/students";
import type { RegionData } from "./region-data";
import { isRateRole } from "./roles";
import { NumberFormat, Role } from "./types";

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
  native: (i, o) => `(${i}-${o})/(${i}+${o})`,
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
    native: (i, o) => `${i}-${o}`,
    format: "count",
  },
  {
    label: "Net migration per 1,000 population",
    fn: "MIGRATION.NETRATE",
    inputs: ["immigrants", "emigrants", "population"],
    domains: ["count", "count", "count"],
    compute: (i, o, p) => netMigrationRate(i, o, p),
    native: (i, o, p) => `1000*(${i}-${o})/${p}`,
    format: "perThousand",
  },
  {
    label: "Gross migration per 1,000 population",
    fn: "MIGRATION.GROSSRATE",
    inputs: ["immigrants", "emigrants", "population"],
    domains: ["count", "count", "count"],
    compute: (i, o, p) => grossMigrationRate(i, o, p),
    native: (i, o, p) => `1000*(${i}+${o})/${p}`,
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
  readonly compute: (m: Matrix, data: RegionData) => number;
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
    native: (at) => `SUM(${at.column("B")})`,
    addin: (at) => `SUM(${at.column("B")})`,
    format: "count",
  },
  {
    label: "Migration effectiveness index (MEI)",
    fn: "MIGRATION.MEI",
    compute: migrationEffectivenessIndex,
    native: (at) => `SUMPRODUCT(ABS(${at.column("E")}))/SUM(${at.column("D")})`,
    addin: (at) => `MIGRATION.MEI(${at.whole})`,
    format: "ratio",
  },
  {
    label: "Brain circulation index",
    fn: "CIRCULATION.INDEX",
    compute: circulationIndexOfMatrix,
    native: (at) => `1-SUMPRODUCT(ABS(${at.whole}-TRANSPOSE(${at.whole})))/(2*${at.totalCell})`,
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
    native: (at) => `SUMPRODUCT(ABS(${at.column("E")}))/2/SUM(${at.populations})`,
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

/** The per-region columns of a matrix summary (MIGRATION.SUMMARY, CIRCULATION.BYREGION), in order after the region. */
export const REGION_COLUMNS = {
  outflow: { label: "Outflow", format: "count" },
  inflow: { label: "Inflow", format: "count" },
  turnover: { label: "Turnover", format: "count" },
  net: { label: "Net migration", format: "count" },
  effectiveness: { label: "Effectiveness", format: EFFECTIVENESS.format },
  circulation: { label: "Circulation index", format: "ratio" },
} as const satisfies Record<string, ShownMeasure>;

/** The columns of the Corridors sheet after origin and destination (MIGRATION.CORRIDORS). */
export const CORRIDOR_COLUMNS = {
  flow: { label: "Flow", format: FLOW.format },
  counterflow: { label: "Counterflow", format: FLOW.format },
  net: { label: "Net", format: FLOW.format },
  reciprocity: { label: "Reciprocity", format: "ratio" },
} as const satisfies Record<string, ShownMeasure>;

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
