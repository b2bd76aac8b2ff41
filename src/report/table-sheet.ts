import { MeasureError } from "../indicators/types";
import { cell, columnLetters, onSheet, range } from "./address";
import { computed, evaluate, flat, value } from "./cells";
import { numberIn, TableInput } from "./input";
import { median } from "./median";
import { isRateRole, ROLE_LABELS, TABLE_LABEL_ROLES } from "./roles";
import { addinFormula, BALANCE_THRESHOLD, classify, classifyFormula, columnSum, completeSum, EFFECTIVENESS, guardedFormula, inputFormat, measuresFor, nativeFormula, scaledRefs, TableMeasure } from "./measures";
import { ChartSpec, placeCharts } from "./chart-placement";
import { titleCells } from "./layout";
import { PlannedCell, PlannedSheet, PlannedTable, Role } from "./types";
import type { HeadlineItem } from "./headline";
import { PLAN_CHUNK_ROWS, Steps } from "./steps";

/** Where the indicator table starts on the summary sheet (rows above: title, notes). */
const TABLE_TOP = 4;


/** The pair whose balance classifies a row: skilled movers first, then all migrants, then students. */
export const BALANCE_PAIRS: readonly { inflow: Role; outflow: Role; what: string }[] = [
  { inflow: "skilledImmigrants", outflow: "skilledEmigrants", what: "skilled immigrants and skilled emigrants" },
  { inflow: "immigrants", outflow: "emigrants", what: "immigrants and emigrants" },
  { inflow: "inboundStudents", outflow: "outboundStudents", what: "inbound and outbound students" },
];

export interface TableSheetResult {
  readonly sheet: PlannedSheet;
  readonly measures: TableMeasure[];
  /** Sentences for the Definitions sheet (what the totals and classification mean here). */
  readonly notes: string[];
  readonly headline: HeadlineItem[];
}

/**
 * The summary sheet of a country table: one row per data row with its labels, its inputs
 * (live references to the source cells) and every indicator its columns allow; a classification
 * column where the table has an inflow/outflow pair; a totals row when each region appears once.
 * Planned in chunks of `chunkRows` rows, yielding the rows planned after each (see steps.ts).
 */
export function* planTableSheetSteps(input: TableInput, title: string[], chunkRows = PLAN_CHUNK_ROWS): Steps<TableSheetResult> {
  const roles = new Set(Object.keys(input.columns) as Role[]);
  const measures = measuresFor(roles);
  if (measures.length === 0) {
    throw new Error(`the table's columns allow no indicator: map at least a pair such as skilled emigrants and skilled residents, immigrants and emigrants, or the skilled and total emigration rates (found: ${[...roles].join(", ") || "none"})`);
  }
  const labelRoles = TABLE_LABEL_ROLES.filter((r) => roles.has(r));
  const inputRoles = [...new Set(measures.flatMap((m) => m.inputs))];
  const balance = BALANCE_PAIRS.find((p) => roles.has(p.inflow) && roles.has(p.outflow));

  const header = [...labelRoles.map((r) => ROLE_LABELS[r]), ...inputRoles.map((r) => ROLE_LABELS[r]), ...measures.map((m) => m.label), ...(balance ? ["Classification"] : [])];
  const firstInputCol = labelRoles.length;
  const firstMeasureCol = firstInputCol + inputRoles.length;
  // `'Sheet'!D2`: the quoted sheet and column letters worked out once, not per cell.
  const sheetPrefix = onSheet(input.sheet, "");
  const columnOf = new Map<Role, string>([...roles].map((role) => [role, columnLetters(input.columns[role]!.col)]));
  const src = (role: Role, r: number) => `${sheetPrefix}${columnOf.get(role)}${input.rowsAt[r] + 1}`;
  // A column whose header states a unit (./units) is read in the role's unit: value × factor.
  const factorOf = (role: Role): number | undefined => input.columns[role]?.factor;

  const rows: PlannedCell[][] = [];
  for (let r = 0; r < input.rows; r++) {
    const line: PlannedCell[] = labelRoles.map((role) => value(input.columns[role]!.values[r], role === "year" ? "year" : "text"));
    const numbers = new Map<Role, number | MeasureError>();
    const refOf = new Map<Role, string>();
    for (const role of inputRoles) {
      const v = input.columns[role]!.values[r];
      const f = factorOf(role);
      const n = numberIn(v);
      numbers.set(role, f !== undefined && typeof n === "number" ? n * f : n);
      const ref = src(role, r);
      refOf.set(role, ref);
      // The input itself, live: a formula referencing the source cell (its value when the cell is a number).
      // TRUE/FALSE is copied as its word: LibreOffice's SUM would add a logical cell as 1, Excel's skips it.
      const shown = f === undefined ? ref : `${ref}*${f}`;
      line.push(typeof v === "number" ? computed(f === undefined ? v : v * f, shown, shown, inputFormat(role)) : value(typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : v, "text"));
    }
    for (const m of measures) {
      const refs = m.inputs.map((role) => refOf.get(role) ?? src(role, r));
      const factors = m.inputs.map(factorOf);
      const v = evaluate(() => m.compute(...m.inputs.map((role) => must(numbers.get(role)!))));
      line.push(computed(v, nativeFormula(m, refs, factors), addinFormula(m, refs, factors), m.format));
    }
    if (balance) line.push(classification(input, balance, r, src));
    rows.push(line);
    if ((r + 1) % chunkRows === 0 && r + 1 < input.rows) yield { done: r + 1, total: input.rows };
  }

  const regions = input.columns.region?.values ?? [];
  const unique = regions.length > 0 && new Set(regions.map((v) => String(v))).size === regions.length;
  const table: PlannedTable = {
    name: "MigrationIndicators",
    top: TABLE_TOP,
    left: 0,
    header,
    rows,
    totals: unique ? totalsRow(input, labelRoles, inputRoles, measures, balance) : undefined,
  };

  const notes: string[] = [];
  if (!unique) notes.push("No totals row: a region appears on more than one row (several years or groups), so column sums would count it several times.");
  if (balance) {
    notes.push(
      `Classification compares ${balance.what}: effectiveness (in − out) ÷ (in + out) above +${BALANCE_THRESHOLD} is a net gain, below −${BALANCE_THRESHOLD} a net drain, in between balanced circulation.`,
    );
  } else notes.push("No classification column: the table has no pair of inflow and outflow columns (immigrants and emigrants, or their skilled or student counterparts).");

  const chartMeasure = measures.find((m) => m.format === "count") ?? measures[0];
  const chart: ChartSpec | undefined =
    labelRoles.includes("region") && input.rows <= 60
      ? { kind: "bar", title: `${chartMeasure.label} by region`, table: table.name, categoryColumn: "Region", valueColumn: chartMeasure.label }
      : undefined;
  if (!chart) notes.push("No chart: a bar chart is drawn for tables of up to 60 regions with a region column.");

  const widths = header.map((h, k) => (k < firstInputCol ? Math.max(12, Math.min(40, longestLabel(input, labelRoles[k]))) : Math.max(10, Math.min(28, h.length + 2))));
  const cells = titleCells(title, widths, header.length);
  const base: Omit<PlannedSheet, "charts"> = { name: "Migration Summary", cells, tables: [table], widths, freezeRows: TABLE_TOP + 1 };
  return {
    sheet: { ...base, charts: placeCharts(base, chart ? [chart] : []) },
    measures,
    notes,
    headline: headlineOf(input, measures, rows, firstMeasureCol),
  };
}

function must(v: number | MeasureError): number {
  if (v instanceof MeasureError) throw v;
  return v;
}

function classification(input: TableInput, pair: { inflow: Role; outflow: Role }, r: number, src: (role: Role, r: number) => string): PlannedCell {
  const factors = [input.columns[pair.inflow]!.factor, input.columns[pair.outflow]!.factor];
  const scale = (x: number | MeasureError, k: number) => (typeof x === "number" && factors[k] !== undefined ? x * factors[k]! : x);
  const i = scale(numberIn(input.columns[pair.inflow]!.values[r]), 0);
  const o = scale(numberIn(input.columns[pair.outflow]!.values[r]), 1);
  const e = evaluate(() => EFFECTIVENESS.compute(must(i), must(o)));
  const refs = [src(pair.inflow, r), src(pair.outflow, r)];
  const [a, b] = scaledRefs(refs, factors);
  const native = guardedFormula(refs, EFFECTIVENESS.domains, [], classifyFormula(EFFECTIVENESS.native(a, b)), [a, b]);
  const addin = classifyFormula(addinFormula(EFFECTIVENESS, refs, factors));
  return { value: typeof e === "number" ? classify(e) : e, native: flat(native), addin: flat(addin), format: "text" };
}

/**
 * Totals: each input column summed, and each measure of count inputs recomputed from the sums
 * (e.g. the skilled emigration rate of all regions together, not an average of rates).
 */
function totalsRow(input: TableInput, labelRoles: Role[], inputRoles: Role[], measures: TableMeasure[], balance: unknown): PlannedCell[] {
  const dataTop = TABLE_TOP + 1;
  const dataBottom = TABLE_TOP + input.rows;
  const totalsRowIndex = dataBottom + 1;
  const line: PlannedCell[] = labelRoles.map((_, k) => value(k === 0 ? "Total" : null));
  const sums = new Map<Role, number | undefined>();
  inputRoles.forEach((role, k) => {
    const c = labelRoles.length + k;
    if (isRateRole(role)) {
      line.push(value(null));
      return;
    }
    let s = 0;
    let complete = true;
    const factor = input.columns[role]!.factor;
    for (const v of input.columns[role]!.values) {
      if (typeof v === "number") s += factor === undefined ? v : v * factor;
      else complete = false;
    }
    sums.set(role, complete ? s : undefined);
    const column = range(dataTop, c, dataBottom, c);
    const f = columnSum(column);
    line.push(computed(complete ? s : { error: "#N/A" }, complete ? f : completeSum(column), f, "count"));
  });
  measures.forEach((m) => {
    if (m.inputs.some((r) => isRateRole(r))) {
      line.push(value(null));
      return;
    }
    const refs = m.inputs.map((role) => cell(totalsRowIndex, labelRoles.length + inputRoles.indexOf(role)));
    const v = evaluate(() => m.compute(...m.inputs.map((role) => sums.get(role) ?? NaN)));
    line.push(computed(m.inputs.some((role) => sums.get(role) === undefined) ? { error: "#N/A" } : v, nativeFormula(m, refs), addinFormula(m, refs), m.format));
  });
  if (balance) line.push(value(null));
  return line;
}

function longestLabel(input: TableInput, role: Role): number {
  let n = 0;
  for (const v of input.columns[role]?.values ?? []) n = Math.max(n, String(v ?? "").length);
  return n + 2;
}

function headlineOf(input: TableInput, measures: TableMeasure[], rows: PlannedCell[][], firstMeasureCol: number): HeadlineItem[] {
  const out: HeadlineItem[] = [{ code: "rows", value: input.rows }];
  measures.slice(0, 3).forEach((m, k) => {
    const values = rows.map((r) => r[firstMeasureCol + k].value).filter((v): v is number => typeof v === "number");
    const middle = median(values); // as MEDIAN: the mean of the two middle values of an even count
    if (typeof middle === "number") out.push({ code: "median", measure: m.label, value: middle });
  });
  return out;
}

