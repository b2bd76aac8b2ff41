import { netBrainDrain, relativeSkillShare, selectionRatio, skilledEmigrationRate } from "../../indicators/braindrain";
import { returnRate } from "../../indicators/circulation";
import { grossMigrationRate, migrationEffectiveness, migrationIntensity, netMigration, netMigrationRate } from "../../indicators/rates";
import { grossOutboundEnrolmentRatio, inboundMobilityRate, outboundMobilityRatio, studentNetFlow, studentNetFlowRatio } from "../../indicators/students";
import { isRateRole } from "../roles";
import { NumberFormat, Role } from "../types";
import { gross, net } from "./formula-text";

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
    native: (e, i) => net(e, i),
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
    native: (i, o) => net(i, o),
    format: "count",
  },
  {
    label: "Net flow ratio of mobile students",
    fn: "STUDENTS.NETFLOWRATIO",
    inputs: ["inboundStudents", "outboundStudents", "tertiaryEnrolment"],
    domains: ["count", "count", "count"],
    compute: studentNetFlowRatio,
    native: (i, o, e) => `(${net(i, o)})/${e}`,
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

/** How a country table's input column is shown: a rate (0 to 1) as a percentage, a year as a year, else a count of people. */
export function inputFormat(role: Role): NumberFormat {
  if (role === "year") return "year";
  return isRateRole(role) ? "percent" : "count";
}

/** The measures a table with these mapped roles allows, in catalog order. */
export function measuresFor(roles: ReadonlySet<Role>): TableMeasure[] {
  return TABLE_MEASURES.filter((m) => m.inputs.every((r) => roles.has(r)));
}
