import { cellKind } from "../cells/kind";
import { checkMatrix } from "../indicators/matrix";
import { MeasureError } from "../indicators/types";
import { quoteText } from "../indicators/quote";
import { onSheet } from "./address";
import { labelsByFunction, planDefinitions } from "./definitions-sheet";
import { EFFECTIVENESS, ESTIMATED_FLOW, MATRIX_KEY_FIGURES, PIVOT } from "./measures";
import { ReportInput, MatrixInput, matrixCellAt, numberIn } from "./input";
import { planMatrixCopy } from "./matrix-copy";
import { choosePeriod, periodNote, periodTitle, rowsShown, tableForPeriod, UnknownPeriodError } from "./input-periods";
import { planPivot } from "./long-sheet";
import { planMatrixSheets } from "./matrix-sheet";
import { alignRegionData, RegionDataError, RegionDataRequest } from "./region-data";
import { planTableSheetSteps } from "./table-sheet";
import { planEstimatedFlows } from "./stocks-sheet";
import { overTime } from "./over-time";
import { withPrint } from "./print";
import { StockDecrease } from "../indicators/estimation";
import { inputFromBlock } from "./input-from-block";
import { Detection, PlannedSheet, ReportPlan, SharingMode, SourceBlock } from "./types";
import { AsyncStepsOptions, PLAN_CHUNK_ROWS, runSteps, runStepsAsync, Steps } from "./steps";
import { fitSheet } from "./fit-widths";
import { reasonsText } from "../messages/reasons";


export interface PlanOptions {
  readonly mode: SharingMode;
  /** Where the data came from: a file name, or "Sheet1!A1:D40". */
  readonly source: string;
  readonly now: Date;
  /** Whether the host draws the planned charts (both of ours do); if not, the Definitions sheet says there is none. */
  readonly hostDrawsCharts?: boolean;
  /** Sentences on what was detected, for the Definitions sheet. */
  readonly detection?: string[];
  /**
   * The long list holds migrant stocks (by place of birth and residence) for two or more
   * years: the report estimates flows between the first and last year with this method.
   */
  readonly stocks?: StockDecrease;
  /** Distances between and populations of the matrix's regions (ranges the user points to): the distance and impact key figures. */
  readonly regionData?: RegionDataRequest;
  /**
   * The period to report on, by its key ("2005", "1990-1995"; cells/period.ts) or another
   * spelling of it ("2012-13" for "2012/13"); default: the latest when the data hold several.
   */
  readonly period?: string;
  /** Rows planned between two progress reports (default PLAN_CHUNK_ROWS); the plan is the same whatever it is. */
  readonly chunkRows?: number;
}

/**
 * Plans a report from the user's data: the summary sheet(s), the Definitions sheet, and
 * headline numbers. Every computed cell carries the engine's value and its formula for each
 * sharing mode; hosts only write what is planned.
 */
export function planFromInput(input: ReportInput, options: PlanOptions): ReportPlan {
  return runSteps(planFromInputSteps(input, options));
}

/** `planFromInput` as steps: yields the rows planned after each chunk of a country table's rows. */
export function* planFromInputSteps(input: ReportInput, options: PlanOptions): Steps<ReportPlan> {
  // The period shown: the one asked for, else the latest of two or more (input-periods.ts).
  if (options.stocks && options.period !== undefined) throw new Error("flows estimated from stocks run from the first period to the last: a single period cannot be chosen for them");
  if (input.shape === "matrix" && options.period !== undefined) throw new UnknownPeriodError(options.period, []);
  const time = input.shape === "matrix" ? undefined : choosePeriod(input, options.period);
  const shown = options.stocks ? undefined : time?.shown;
  const title = [`Migration summary: ${options.source}${shown ? `, ${periodTitle(time!)}` : ""}`, `Built ${options.now.toISOString().slice(0, 16).replace("T", " ")} UTC. Definitions, formulas and sources: see the Definitions sheet.`];
  let sheets: PlannedSheet[];
  let notes: string[];
  let functions: string[];
  // The names the summary gives the measures; the matrix planners use the key figures' labels.
  let labels = labelsByFunction(MATRIX_KEY_FIGURES);
  let headline: ReportPlan["headline"];

  const wantsRegionData = options.regionData?.distances !== undefined || options.regionData?.populations !== undefined;
  if (wantsRegionData && input.shape === "table") {
    throw new RegionDataError(options.regionData?.distances ? "distances" : "populations", "notRegions", {});
  }
  const regionData = (labels: readonly (string | number)[]) => (wantsRegionData ? alignRegionData(labels, options.regionData!) : undefined);
  if (options.stocks && input.shape !== "long") throw new Error("estimating flows from stocks needs a long list of stocks (origin = place of birth, destination = residence, a year column, the stock)");
  if (input.shape === "table") {
    const t = yield* planTableSheetSteps(shown ? tableForPeriod(input, shown) : input, title, options.chunkRows ?? PLAN_CHUNK_ROWS);
    sheets = [t.sheet];
    notes = t.notes;
    functions = t.measures.map((m) => m.fn);
    labels = labelsByFunction(t.measures);
    if (t.sheet.tables[0].header.includes("Classification")) {
      functions.push(EFFECTIVENESS.fn);
      labels.set(EFFECTIVENESS.fn, [...(labels.get(EFFECTIVENESS.fn) ?? []), "Classification"]);
    }
    headline = t.headline;
  } else if (input.shape === "matrix") {
    const m = matrixOf(input);
    // regions not in one block in place are read through a copy in the rows' order (matrix-copy.ts)
    const copy = input.placed ? planMatrixCopy({ ...input, placed: input.placed }) : undefined;
    const r = planMatrixSheets(input.labels, m, copy?.location ?? { prefix: onSheet(input.sheet, ""), top: input.top, left: input.left }, title, regionData(input.labels));
    sheets = copy ? [r.sheets[0], copy.sheet, ...r.sheets.slice(1)] : r.sheets;
    notes = [...(copy?.notes ?? []), ...r.notes];
    functions = r.functions;
    headline = r.headline;
  } else if (options.stocks) {
    const est = planEstimatedFlows(input, options.stocks);
    const r = planMatrixSheets(est.labels, est.matrix, est.location, title, regionData(est.labels));
    sheets = [r.sheets[0], ...est.sheets, ...r.sheets.slice(1)];
    notes = [...est.notes, ...r.notes];
    functions = [PIVOT.fn, ESTIMATED_FLOW.fn, ...r.functions];
    headline = [{ code: "estimatedFlows", value: { first: String(est.period[0]), last: String(est.period[1]), method: options.stocks } }, ...r.headline];
  } else {
    const p = planPivot(input, shown ? { year: shown.key } : {});
    const r = planMatrixSheets(p.labels, p.matrix, p.location, title, regionData(p.labels));
    sheets = [r.sheets[0], p.sheet, ...r.sheets.slice(1)];
    notes = [...p.notes, ...r.notes];
    functions = [PIVOT.fn, ...r.functions];
    headline = r.headline;
  }
  if (shown) {
    notes.unshift(periodNote(time!, input.shape === "table" ? "table" : "list")!);
    headline = [{ code: "period", value: shown.key }, ...headline];
  }
  if (input.shape !== "matrix" && !options.stocks) {
    // Two or more periods: the Trends and Trajectories sheets follow the summary.
    const t = overTime(input);
    sheets = [sheets[0], ...t.sheets, ...sheets.slice(1), ...t.working];
    notes.push(...t.notes);
    functions.push(...t.functions);
  }
  if (!options.hostDrawsCharts && sheets.some((s) => s.charts.length > 0)) {
    notes.push("This report has no chart: the program that wrote it cannot draw one. The task pane adds a native Excel chart (net migration by region) when it builds the report.");
  }
  if (input.notes) notes = [...input.notes, ...notes];
  const definitions = planDefinitions(functions, labels, notes, { source: options.source, built: options.now, mode: options.mode, detection: options.detection ?? [] });
  // Widths that show every cell whole, then the print set-up from those widths, once for both
  // hosts: one pass over the cells (about 30 ms for 30,000 cells), without progress reports.
  const fitted = [...sheets, definitions].map((s) => withPrint(fitSheet(s), title[0]));
  return { mode: options.mode, shape: input.shape, sheets: fitted, sourceSheet: input.sheet, headline };
}

/** The matrix as counts: blanks are no flow; text or negative flows off the diagonal stop the report, naming the cells. */
function matrixOf(input: MatrixInput): number[][] {
  const problems: string[] = [];
  const m = input.cells.map((row, i) =>
    row.map((v, j) => {
      if (i === j) return typeof v === "number" ? v : 0; // the diagonal is ignored
      if (cellKind(v) === "blank") return 0;
      const x = numberIn(v);
      if (x instanceof MeasureError || !(x >= 0) || !Number.isFinite(x)) {
        problems.push(`${matrixCellAt(input, i, j)} (${typeof v === "string" ? quoteText(v) : String(v)})`);
        return 0;
      }
      return x;
    }),
  );
  if (problems.length > 0) {
    throw new Error(`the matrix has cells that are not counts of people: ${problems.slice(0, 8).join(", ")}${problems.length > 8 ? ` and ${problems.length - 8} more` : ""}. Fix or clear them, or select the numbers only.`);
  }
  checkMatrix(m);
  return m;
}

/** Plans a report from a block of cells and its (possibly overridden) detection. */
export function planReport(block: SourceBlock, detection: Detection, options: ReportOptions): ReportPlan {
  return runSteps(planReportSteps(block, detection, options));
}

export type ReportOptions = Omit<PlanOptions, "detection" | "source"> & { source?: string };

/**
 * `planReport` for the task pane: the same steps, with the event loop given a turn after the
 * input is built and after each chunk of rows, progress reported (rows planned of the rows
 * there are), and `cancelled()` (cancel.ts) once `signal` is aborted. Resolves to the plan `planReport` makes.
 */
export function planReportAsync(block: SourceBlock, detection: Detection, options: ReportOptions, run: AsyncStepsOptions = {}): Promise<ReportPlan> {
  return runStepsAsync(planReportSteps(block, detection, options), run);
}

/** `planReport` as steps: one yield once the input is built (0 rows planned), then the planner's. */
export function* planReportSteps(block: SourceBlock, detection: Detection, options: ReportOptions): Steps<ReportPlan> {
  const input = inputFromBlock(block, detection);
  // A table's report plans the rows of the period it shows.
  yield { done: 0, total: input.shape === "matrix" ? input.labels.length : input.shape === "table" && !options.stocks ? rowsShown(input, options.period) : input.rows };
  return yield* planFromInputSteps(input, { ...options, source: options.source ?? block.provenance, detection: reasonsText(detection.reasons, "en") });
}
