import { Period, periodsIn } from "../cells/period";
import { Label, pivotFlows } from "../indicators/longformat";
import { flowsOf } from "../indicators/matrix";
import { MeasureError } from "../indicators/types";
import { fraction } from "../indicators/guards";
import { cell, columnLetters, range, reportSheet } from "./address";
import { computed, errorOf, evaluate, value } from "./cells";
import { LongInput, numberIn, rowSpan, TableInput } from "./input";
import { LabelBook } from "./labels";
import { LIVE_PIVOT_LIMIT } from "./long-sheet";
import { median } from "./median";
import { styled, textCell } from "./layout";
import { completeSum, functionsOf, inputFormat, PIVOT, MATRIX_KEY_FIGURES, REGION_COLUMNS, REGION_KEYS, RegionColumnKey, regionColumnLetter, RegionRefs, MatrixMeasure, MatrixRefs, measuresFor, nativeFormula, addinFormula, TableMeasure, Domain } from "./measures";
import { isRateRole, ROLE_LABELS } from "./roles";
import { ChartSpec, placeCharts } from "./chart-placement";
import { PlannedCell, PlannedError, PlannedSheet, Role } from "./types";

/**
 * The Trends sheet: one row per period of a long list of flows or a country table, each figure
 * a live formula over that period's rows of the source data. Rows are grouped by period as
 * src/cells/period.ts reads them (the trimmed text of the cell), and the formulas select a
 * period's rows with TRIM(cell&"")="key" (cell=year where every period cell is a number: the
 * same rows), so a recalculation groups them alike.
 */

/** The sheet holding each period's flow matrix (long lists): the Trends and Trajectories sheets read it. */
export const PERIOD_FLOWS_SHEET = "Period Flows";
const TRENDS_TOP = 3; // header row of the Trends table
/**
 * Above this many (table rows × periods × measures), the medians are written as values: each is
 * an array formula over every row of the table, and LibreOffice spent over 4 minutes of CPU on
 * 60 of them over 100,000 rows (more than 40 µs a row) before it was stopped. At this limit a
 * recalculation spends a few seconds on them (the IAB panel: 29,000; UN DESA: 69,000). Totals
 * and row counts (SUMPRODUCT) stay live.
 */
export const LIVE_MEDIAN_LIMIT = 100_000;

/** A list's or table's rows grouped by period, and how formulas select them. */
export interface PeriodPanel {
  readonly periods: readonly Period[];
  /** The input rows (0-based, as in the input's columns) of each period, by key. */
  readonly rows: ReadonlyMap<string, readonly number[]>;
  /** Input rows whose period cell is blank or holds no period: in no period. */
  readonly outside: readonly number[];
  /** The period column's header, e.g. "Year". */
  readonly what: string;
  /** A whole column of the source data over the input's rows, absolute, with its sheet. */
  readonly column: (col: number) => string;
  /** The condition selecting a period's rows, as a number array (1 = the row is in the period). */
  readonly select: (key: string) => string;
  /** The selection needs array evaluation (it matches rows left out of the input by position). */
  readonly array: boolean;
}

/** The periods of an input with a year column; undefined when it has none or fewer than two periods. */
export function panelOf(input: LongInput | TableInput): PeriodPanel | undefined {
  const year = input.shape === "long" ? input.year : input.columns.year;
  if (!year) return undefined;
  const read = periodsIn(year.values);
  if (read.periods.length < 2) return undefined;
  const { from, to, column } = rowSpan(input);
  // Rows inside the range that are not the input's (totals and aggregates such as "World",
  // blank rows) must match no period: they are named by their sheet row.
  // (Marked in an array over the span: a Set of 100,000 rows took 18 ms to build.)
  const inInput = new Uint8Array(to - from + 1);
  for (const r of input.rowsAt) inInput[r - from] = 1;
  const skipped: number[] = [];
  for (let r = from; r <= to; r++) if (inInput[r - from] === 0) skipped.push(r + 1);
  const P = column(year.col);
  const without = skipped.length > 0 ? `*ISNA(MATCH(ROW(${P}),{${skipped.join(";")}},0))` : "";
  // Where every period cell is a number (years as numbers, the usual case), P=1990 selects the
  // same rows as TRIM(P&"")="1990" (a number's text is its key) at a fraction of the cost: text
  // work over every row took LibreOffice over a second per formula on 100,000 rows.
  const numeric = year.values.every((v) => typeof v === "number" || v === null);
  // The key is digits, spaces, dashes and slashes (period.ts): safe inside a string literal.
  const test = (key: string) => (numeric ? `(${P}=${key})` : `(TRIM(${P}&"")="${key}")`);
  return {
    periods: read.periods,
    rows: read.rows,
    outside: [...read.others, ...read.blanks].sort((a, b) => a - b),
    what: "period",
    column,
    select: (key) => (without ? `${test(key)}${without}` : `--${test(key)}`),
    array: without !== "",
  };
}

/** A period as a cell shows it: a year as a number, a span of years as its text. */
export function periodCell(p: Period): PlannedCell {
  return /^\d{4}$/.test(p.key) ? value(Number(p.key), "year") : value(p.key, "text");
}

export interface TrendsResult {
  readonly sheets: PlannedSheet[];
  readonly notes: string[];
  readonly functions: string[];
}

// ---------------------------------------------------------------------------------------------
// Long lists of flows

/** The key figures the Trends sheet shows for flows, by catalog function (their definitions in measures/matrix.ts). */
const FLOW_TREND_FUNCTIONS = ["MIGRATION.SUMMARY", "MIGRATION.MEI", "CIRCULATION.INDEX", "MIGRATION.CONNECTIVITY", "MIGRATION.GINI"] as const;
const FLOW_TREND_FIGURES: readonly MatrixMeasure[] = FLOW_TREND_FUNCTIONS.map((fn) => MATRIX_KEY_FIGURES.find((k) => k.fn === fn)!);

/** Each period's flows, pivoted over the regions of the whole list, and where the Period Flows sheet holds them. */
export interface PeriodFlows {
  readonly panel: PeriodPanel;
  readonly labels: readonly Label[];
  /** Per period (in time order), the n × n flows (the diagonal as listed; the measures ignore it). */
  readonly matrices: readonly number[][][];
  /** Per period, per region: the migration effectiveness (net ÷ turnover), or the error the cell shows. */
  readonly effectiveness: readonly (readonly (number | PlannedError)[])[];
  /** The Period Flows cell holding a region's effectiveness in a period (a `{{sheet}}!` reference). */
  readonly effectivenessRef: (period: number, region: number) => string;
}

/**
 * Why a long list's periods cannot be compared, or undefined: a listed flow in a period is
 * blank, text or negative (its period's matrix cannot be summarised), or a row has no origin
 * or destination.
 */
function flowProblem(input: LongInput, panel: PeriodPanel): string | undefined {
  const bad: string[] = [];
  for (const p of panel.periods) {
    for (const r of panel.rows.get(p.key)!) {
      const o = input.origin.values[r];
      const d = input.destination.values[r];
      const f = numberIn(input.flow.values[r]);
      if (typeof o !== "string" && typeof o !== "number") bad.push(`origin ${cell(input.rowsAt[r], input.origin.col)} is blank`);
      else if (typeof d !== "string" && typeof d !== "number") bad.push(`destination ${cell(input.rowsAt[r], input.destination.col)} is blank`);
      else if (f instanceof MeasureError || !(f >= 0) || !Number.isFinite(f)) bad.push(`flow ${cell(input.rowsAt[r], input.flow.col)} in ${p.key} is not a count`);
    }
  }
  if (bad.length === 0) return undefined;
  return `${bad.slice(0, 5).join("; ")}${bad.length > 5 ? ` and ${bad.length - 5} more` : ""}`;
}

/**
 * The Trends sheet of a long list of flows with two or more periods, and the Period Flows sheet
 * it reads: each period's matrix over every region of the list (a region with no row in a
 * period has no flows then), each cell a SUMPRODUCT over the list's rows of its period and
 * pair, live while the list is small enough (periods × regions² × rows within the live-pivot
 * limit, as the Flow Matrix sheet), with its outflow, inflow, turnover, net and effectiveness.
 * The key figures of each period are the summary's key figures over that period's block.
 */
export function planFlowTrends(input: LongInput, panel: PeriodPanel): { result: TrendsResult; flows?: PeriodFlows } {
  const problem = flowProblem(input, panel);
  if (problem) {
    return { result: { sheets: [], notes: [`No Trends or Trajectories sheets: some rows of the periods cannot be read as flows (${problem}).`], functions: [] } };
  }
  // Regions of the whole list, in the order first listed: every period is compared over the same regions.
  const book = new LabelBook();
  const labelsSeen = new Map<string | number, number>();
  const labels: Label[] = [];
  const ofRow = (r: number, c: "origin" | "destination") => {
    const shown = book.of(input[c].values[r] as Label);
    if (!labelsSeen.has(shown)) {
      labelsSeen.set(shown, labels.length);
      labels.push(shown);
    }
    return shown;
  };
  const perPeriod = panel.periods.map((p) => {
    const rows = panel.rows.get(p.key)!;
    return { o: rows.map((r) => ofRow(r, "origin")), d: rows.map((r) => ofRow(r, "destination")), f: rows.map((r) => input.flow.values[r] as number) };
  });
  const n = labels.length;
  const matrices = perPeriod.map(({ o, d, f }) => {
    const p = pivotFlows(o, d, f);
    const at = new Map(p.labels.map((l, i) => [l, i]));
    const idx = labels.map((l) => at.get(l));
    return idx.map((i) => idx.map((j) => (i === undefined || j === undefined ? 0 : (p.matrix[i][j] as number))));
  });

  // Period Flows: for period k a heading row, a header row, then one row per region.
  const BLOCK = n + 3;
  const blockTop = (k: number) => 2 + k * BLOCK; // the heading row
  const headerRow = (k: number) => blockTop(k) + 1;
  const rowOf = (k: number, i: number) => blockTop(k) + 2 + i;
  // Each region's totals right of the matrix: the summary's per-region columns up to effectiveness, from the registry.
  const TOTALS = ["outflow", "inflow", "turnover", "net", "effectiveness"] as const satisfies readonly RegionColumnKey[];
  const totalsCol = (key: RegionColumnKey) => n + 1 + (TOTALS as readonly RegionColumnKey[]).indexOf(key);
  const live = panel.periods.length * n * n * input.rows <= LIVE_PIVOT_LIMIT;
  const O = panel.column(input.origin.col);
  const D = panel.column(input.destination.col);
  const F = panel.column(input.flow.col);

  const cells: PlannedSheet["cells"][number][] = [
    { row: 0, col: 0, cell: styled(value(`Flows from each origin (row) to each destination (column) in each ${panel.what}, pivoted from the list, with each region's totals`), "title") },
  ];
  const effectiveness: (number | PlannedError)[][] = [];
  panel.periods.forEach((p, k) => {
    const m = matrices[k];
    const top = headerRow(k);
    // Each period's block: a heading, then a header row and the regions' rows, styled as headings.
    cells.push({ row: blockTop(k), col: 0, cell: styled(value(`${capital(panel.what)} ${p.key}`), "heading") });
    cells.push({ row: top, col: 0, cell: styled(value("Origin \\ destination"), "heading") });
    labels.forEach((l, j) => cells.push({ row: top, col: 1 + j, cell: styled(value(l, "text"), "heading") }));
    TOTALS.forEach((key) => cells.push({ row: top, col: totalsCol(key), cell: styled(value(REGION_COLUMNS[key].label), "heading") }));
    const flows = flowsOf(m);
    const totals = TOTALS.map((key) => REGION_COLUMNS[key].compute(flows));
    effectiveness.push(totals[TOTALS.indexOf("effectiveness")].map((v) => (v instanceof MeasureError ? errorOf(v) : (v as number))));
    labels.forEach((l, i) => {
      const r = rowOf(k, i);
      cells.push({ row: r, col: 0, cell: styled(value(l, "text"), "keyLabel") });
      m[i].forEach((v, j) => {
        // As the Flow Matrix sheet: labels compared as TRIM(label&"") (labels.ts), the list's flows
        // as SUMPRODUCT's second array, so rows of other periods (whatever they hold) add nothing.
        // (Built only when live: a large list's block is 100,000 cells of values.)
        const f = live ? PIVOT.periodNative({ origins: O, destinations: D, flows: F, origin: `($A$${r + 1}&"")`, destination: `(${columnLetters(1 + j)}$${top + 1}&"")`, selection: "" }, panel.select(p.key)) : undefined;
        cells.push({ row: r, col: 1 + j, cell: computed(v, f, f, "count", panel.array) });
      });
      const at: RegionRefs = {
        row: range(r, 1, r, n),
        column: range(headerRow(k) + 1, 1 + i, headerRow(k) + n, 1 + i),
        diagonal: cell(r, 1 + i),
        whole: range(headerRow(k) + 1, 1, headerRow(k) + n, n, true),
        index: i + 1,
        cell: (key) => cell(r, totalsCol(key)),
      };
      TOTALS.forEach((key, c) => {
        const column = REGION_COLUMNS[key];
        const v = totals[c][i];
        cells.push({ row: r, col: totalsCol(key), cell: computed(v instanceof MeasureError ? errorOf(v) : (v as number), column.native(at), column.addin(at), column.format) });
      });
    });
  });
  const flowsSheet: PlannedSheet = {
    name: PERIOD_FLOWS_SHEET,
    cells,
    tables: [],
    charts: [],
    widths: [Math.max(20, Math.min(40, Math.max(...labels.map((l) => String(l).length)) + 2)), ...labels.map((l) => Math.max(10, Math.min(30, String(l).length + 2))), 12, 12, 12, 14, 13],
    freezeRows: 0,
  };

  // Trends: one row per period; the key figures' formulas over the period's block.
  const header = [capital(panel.what), "Rows", ...FLOW_TREND_FIGURES.map((f) => f.label)];
  const rows: PlannedCell[][] = panel.periods.map((p, k) => {
    const r = TRENDS_TOP + 1 + k;
    const first = headerRow(k) + 1;
    const last = headerRow(k) + n;
    const onFlows = (a: string) => reportSheet(PERIOD_FLOWS_SHEET, a);
    const blockColumn = (letter: string) => totalsCol(REGION_KEYS.find((key) => regionColumnLetter(key) === letter)!);
    const refs: MatrixRefs = {
      whole: onFlows(range(first, 1, last, n, true)),
      first: onFlows(cell(first, 1, true)),
      n,
      // The summary's per-region columns the key figures read are here in the block.
      column: (letter) => onFlows(range(first, blockColumn(letter), last, blockColumn(letter))),
      totalCell: cell(r, 2),
    };
    const count = panel.rows.get(p.key)!.length;
    const rowsFormula = `SUMPRODUCT(${panel.select(p.key)})`;
    return [
      periodCell(p),
      computed(count, rowsFormula, rowsFormula, "count", panel.array),
      ...FLOW_TREND_FIGURES.map((f) => computed(evaluate(() => f.compute(matrices[k], {})), f.native?.(refs), f.addin(refs), f.format, f.nativeArray)),
    ];
  });
  const circulation = FLOW_TREND_FIGURES.find((f) => f.fn === "CIRCULATION.INDEX")!;
  const mei = FLOW_TREND_FIGURES.find((f) => f.fn === "MIGRATION.MEI")!;
  const chart: ChartSpec = { kind: "line", title: `Brain circulation index and MEI by ${panel.what}`, table: "Trends", categoryColumn: header[0], valueColumn: circulation.label, moreValueColumns: [mei.label] };
  const trendsWidths = [12, 10, ...FLOW_TREND_FIGURES.map((f) => Math.max(12, Math.min(30, f.label.length + 2)))];
  const trendsBase: Omit<PlannedSheet, "charts"> = {
    name: "Trends",
    cells: [textCell(0, 0, `Key figures of the flows in each ${panel.what}, in time order`, "title", trendsWidths, header.length), textCell(1, 0, `Each ${panel.what}'s figures are computed over its flows as pivoted on the ${PERIOD_FLOWS_SHEET} sheet, over the same ${n} regions in every ${panel.what} (a region with no row in a ${panel.what} has no flows then). Rows = the list's rows in the ${panel.what}.`, "note", trendsWidths, header.length)],
    tables: [{ name: "Trends", top: TRENDS_TOP, left: 0, header, rows }],
    widths: trendsWidths,
    freezeRows: TRENDS_TOP + 1,
  };
  const trends: PlannedSheet = { ...trendsBase, charts: placeCharts(trendsBase, [chart]) };
  const notes = [
    `The Trends sheet has one row per ${panel.what} (${panel.periods.map((p) => p.key).join(", ")}); the ${PERIOD_FLOWS_SHEET} sheet pivots each ${panel.what}'s rows of the list into a ${n} × ${n} matrix over every region of the list${live ? ", each cell a live SUMPRODUCT over the list's rows of its period and pair" : ": written as values, since live formulas over a list this long for every period would make recalculation slow"}. The Gini index of each ${panel.what} is a value, as on the summary.`,
  ];
  if (panel.outside.length > 0) notes.push(`${panel.outside.length} rows of the list hold no ${panel.what} (first: ${cell(input.rowsAt[panel.outside[0]], input.year!.col)}) and are in no ${panel.what} of the Trends sheet.`);
  const flows: PeriodFlows = { panel, labels, matrices, effectiveness, effectivenessRef: (k, i) => reportSheet(PERIOD_FLOWS_SHEET, cell(rowOf(k, i), totalsCol("effectiveness"))) };
  return { result: { sheets: [trends, flowsSheet], notes, functions: [...FLOW_TREND_FUNCTIONS, ...functionsOf(TOTALS.map((key) => REGION_COLUMNS[key]))] }, flows };
}

// ---------------------------------------------------------------------------------------------
// Country tables

/** A measure's value on one input row, or undefined when the row's inputs give none (the engine's error). */
function measureOn(input: TableInput, m: TableMeasure, r: number): number | undefined {
  const xs = m.inputs.map((role) => numberIn(input.columns[role]!.values[r]));
  if (xs.some((x) => x instanceof MeasureError)) return undefined;
  const v = evaluate(() => m.compute(...(xs as number[])));
  return typeof v === "number" ? v : undefined;
}

/**
 * A measure's median over a period's rows as one array formula: for each row of the period whose
 * inputs are numbers (not TRUE/FALSE) in the measure's domain and pass its checks, the measure;
 * other rows give "" (MEDIAN skips text in an array), as the engine leaves out a row whose
 * measure is an error.
 */
function medianFormula(m: TableMeasure, ranges: readonly string[], select: string): string {
  const numbers = ranges.map((a) => `ISNUMBER(${a})*(1-ISLOGICAL(${a}))`).join("*");
  const domain = ranges.flatMap((a, k) => ((m.domains[k] as Domain) === "fraction" ? [`(${a}>=0)`, `(${a}<=1)`] : [`(${a}>=0)`]));
  const checks = (m.nativeChecks?.(...ranges) ?? []).map((c) => `(${c})`);
  return `MEDIAN(IF(${select},IF(${numbers},IFERROR(IF(${[...domain, ...checks].join("*")},${m.native(...ranges)},""),""),""),""))`;
}

/**
 * The Trends sheet of a country table with two or more periods: per period its rows, the total
 * of each count the measures use, the median of each measure over the period's rows, and each
 * measure of counts recomputed from the period's totals (as the summary's totals row).
 */
export function planTableTrends(input: TableInput, panel: PeriodPanel): TrendsResult {
  const roles = new Set(Object.keys(input.columns) as Role[]);
  const measures = measuresFor(roles);
  const ofCounts = measures.filter((m) => m.inputs.every((r) => !isRateRole(r)));
  const countRoles = [...new Set(ofCounts.flatMap((m) => m.inputs))];
  const colOf = (role: Role) => panel.column(input.columns[role]!.col);

  // The table's own rates (IAB's total and skilled emigration rates) are what a panel of rates
  // is about: their medians come first. Each reads as a measure of one fraction, itself.
  const inputRates: TableMeasure[] = (Object.keys(input.columns) as Role[])
    .filter(isRateRole)
    .map((role) => ({ label: ROLE_LABELS[role], fn: "", inputs: [role], domains: ["fraction"], compute: (x: number) => fraction(x, ROLE_LABELS[role]), native: (a: string) => a, format: inputFormat(role) }));
  const header = [capital(panel.what), "Rows", ...countRoles.map((r) => `${ROLE_LABELS[r]} (total)`)];
  for (const m of inputRates) header.push(`Median ${lower(m.label)}`);
  for (const m of measures) {
    header.push(`Median ${lower(m.label)}`);
    if (ofCounts.includes(m)) header.push(`${m.label} (totals)`);
  }
  const liveMedians = input.rows * panel.periods.length * (inputRates.length + measures.length) <= LIVE_MEDIAN_LIMIT;
  const rows: PlannedCell[][] = panel.periods.map((p, k) => {
    const r = TRENDS_TOP + 1 + k;
    const inPeriod = panel.rows.get(p.key)!;
    const select = panel.select(p.key);
    const line: PlannedCell[] = [periodCell(p), computed(inPeriod.length, `SUMPRODUCT(${select})`, `SUMPRODUCT(${select})`, "count", panel.array)];
    const sumCell = new Map<Role, string>();
    const sums = new Map<Role, number | undefined>();
    countRoles.forEach((role, c) => {
      const values = inPeriod.map((i) => input.columns[role]!.values[i]);
      const complete = values.every((v) => typeof v === "number");
      const total = complete ? (values as number[]).reduce((a, b) => a + b, 0) : undefined;
      sums.set(role, total);
      sumCell.set(role, cell(r, 2 + c));
      const R = colOf(role);
      // SUMPRODUCT's second array reads text as 0; a blank, text or TRUE/FALSE in the period has no total (#N/A), as the summary's totals row.
      const f = completeSum(R, select);
      line.push(computed(total ?? { error: "#N/A" }, f, f, "count", panel.array));
    });
    for (const m of [...inputRates, ...measures]) {
      const xs = inPeriod.map((i) => measureOn(input, m, i)).filter((v): v is number => v !== undefined);
      const f = liveMedians ? medianFormula(m, m.inputs.map(colOf), select) : undefined;
      line.push(computed(median(xs), f, f, m.format, liveMedians));
      if (ofCounts.includes(m)) {
        const refs = m.inputs.map((role) => sumCell.get(role)!);
        const missing = m.inputs.some((role) => sums.get(role) === undefined);
        const v = missing ? ({ error: "#N/A" } as PlannedError) : evaluate(() => m.compute(...m.inputs.map((role) => sums.get(role)!)));
        line.push(computed(v, nativeFormula(m, refs), addinFormula(m, refs), m.format));
      }
    }
    return line;
  });

  const rates = [...inputRates, ...measures].filter((m) => m.format === "percent").slice(0, 3);
  const shown = rates.length > 0 ? rates : measures.slice(0, 1);
  const chart: ChartSpec = {
    kind: "line",
    title: `Median ${shown.length > 1 ? "rates" : lower(shown[0].label)} by ${panel.what}`,
    table: "Trends",
    categoryColumn: header[0],
    valueColumn: `Median ${lower(shown[0].label)}`,
    moreValueColumns: shown.slice(1).map((m) => `Median ${lower(m.label)}`),
  };
  const groups = input.columns.group ? ` (every ${lower(ROLE_LABELS.group)} of the table together: keep one with a filter for its own trend)` : "";
  const notes = [
    `The Trends sheet has one row per ${panel.what} (${panel.periods.map((p) => p.key).join(", ")}): the median of each rate of the table and of each measure over the ${panel.what}'s rows${groups}, rows whose inputs give no value left out; totals of counts over the ${panel.what}'s rows (none when one is blank or text); and each measure of counts recomputed from those totals. Each is a live formula over the source data; the medians are array formulas (Ctrl+Shift+Enter in Excel 2010–2019).`,
  ];
  if (!liveMedians) notes.push(`The Trends sheet's medians are values: live, each would be an array formula over all ${input.rows} rows of the table, which would make recalculation slow. They are recomputed when the report is rebuilt; the totals stay live.`);
  if (panel.outside.length > 0) notes.push(`${panel.outside.length} rows of the table hold no ${panel.what} (first: ${cell(input.rowsAt[panel.outside[0]], input.columns.year!.col)}) and are in no ${panel.what} of the Trends sheet.`);
  const tableWidths = header.map((h, k) => (k === 0 ? 12 : Math.max(10, Math.min(28, h.length + 2))));
  const sheetBase: Omit<PlannedSheet, "charts"> = {
    name: "Trends",
    cells: [textCell(0, 0, `Medians and totals of the table's measures in each ${panel.what}, in time order`, "title", tableWidths, header.length), textCell(1, 0, `Medians are over the ${panel.what}'s rows${groups}; "(totals)" columns are the measure of the ${panel.what}'s summed counts, as the summary's totals row.`, "note", tableWidths, header.length)],
    tables: [{ name: "Trends", top: TRENDS_TOP, left: 0, header, rows }],
    widths: tableWidths,
    freezeRows: TRENDS_TOP + 1,
  };
  const sheet: PlannedSheet = { ...sheetBase, charts: placeCharts(sheetBase, [chart]) };
  return { sheets: [sheet], notes, functions: measures.map((m) => m.fn) };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function lower(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
