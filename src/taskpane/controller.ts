/**
 * The task pane's controller: reads the selection through the host, runs the engine's
 * detection, applies the user's choices, plans the report and has the host write it. It holds
 * the state and tells the view when it changed; it never touches the DOM.
 */
import type { StockDecrease } from "../indicators/estimation";
import { throwIfCancelled } from "../report/cancel";
import { detectAsync } from "../report/detect";
import { planReportAsync } from "../report/plan";
import type { ReportPlan, Role, Shape, SharingMode, SourceBlock } from "../report/types";
import type { Lang } from "./i18n";
import { Activity, detectionFor, HostNotice, initialState, matrixInSelection, NO_CHOICES, NO_STOCKS, PaneState, periodFor, regionDataFor, RegionRangeKind, Selection, stocksFor, timeOf, withColumnRole, withDimension, withKeptRow, withShape } from "./state";

/** The Office.js host (src/hosts/office.ts) as the pane uses it. */
export interface PaneHost {
  readSelection(options?: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal }): Promise<{ block: SourceBlock; address: string; sheet: string; selected?: string }>;
  writeReport(
    plan: ReportPlan,
    options?: { onProgress?: (p: { step: string; fraction: number }) => void; signal?: AbortSignal },
  ): Promise<{ sheets: string[]; activated: string; syncs: number; largestRequestBytes: number; notices?: readonly HostNotice[] }>;
}

/** What the view is told: the new state, and what changed, so it can move focus sensibly. */
export type ChangeCause = "language" | "environment" | "busy" | "progress" | "read" | "choice" | "mode" | "stocks" | "regions" | "period" | "built" | "failed";
export type Listener = (state: PaneState, cause: ChangeCause) => void;

/** Lets the browser paint the progress before a long synchronous step. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class Controller {
  private current: PaneState;
  private abort?: AbortController;
  private readonly listeners: Listener[] = [];

  constructor(
    private readonly host: PaneHost,
    lang: Lang,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.current = initialState(lang);
  }

  get state(): PaneState {
    return this.current;
  }

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }

  private set(patch: Partial<PaneState>, cause: ChangeCause): void {
    this.current = { ...this.current, ...patch };
    for (const l of this.listeners) l(this.current, cause);
  }

  setEnvironment(environment: PaneState["environment"]): void {
    this.set({ environment }, "environment");
  }

  setLanguage(lang: Lang): void {
    if (lang !== this.current.lang) this.set({ lang }, "language");
  }

  setMode(mode: SharingMode): void {
    if (mode !== this.current.mode) this.set({ mode, result: undefined }, "mode");
  }

  /** The user says the long list holds migrant stocks (or takes that back): estimate flows from them. */
  setEstimateFlows(estimate: boolean): void {
    if (this.current.busy || estimate === this.current.stocks.estimate) return;
    this.set({ stocks: { ...this.current.stocks, estimate }, result: undefined }, "stocks");
  }

  /** How falls in the stocks count when flows are estimated. */
  setStocksMethod(method: StockDecrease): void {
    if (this.current.busy || method === this.current.stocks.method) return;
    this.set({ stocks: { ...this.current.stocks, method }, result: undefined }, "stocks");
  }

  /** The period the report is built for (a key of state.periods); undefined: the latest. */
  setPeriod(period: string | undefined): void {
    if (this.current.busy || period === this.current.period) return;
    if (period !== undefined && !this.current.periods?.includes(period)) return;
    this.set({ period, result: undefined }, "period");
  }

  /** Stops the read or build under way; the host undoes what it began. */
  cancel(): void {
    this.abort?.abort();
  }

  async useSelection(): Promise<void> {
    if (this.current.busy || this.current.environment !== "excel") return;
    await this.reading(async (signal, read) => {
      this.progress({ kind: "detecting", done: 0, total: 0 });
      await nextFrame();
      // Detected in chunks of cells, the pane painting, showing progress and heeding Cancel between them.
      const detected = await detectAsync(read.block, {
        signal,
        onProgress: (p) => this.progress({ kind: "detecting", done: p.done, total: p.total }),
      });
      throwIfCancelled(signal);
      // A matrix under title rows or above notes is read where it is, as the command line reads it.
      const matrix = matrixInSelection(read.block, detected);
      const selection: Selection = matrix ? { ...read, block: matrix.block, detected: matrix.detected, matrixAt: matrix.range } : { ...read, detected };
      this.set({ busy: undefined, selection, choices: NO_CHOICES, detection: selection.detected, ...timeOf(selection, selection.detected), stocks: NO_STOCKS }, "read");
    });
  }

  /**
   * Reads the selection as the distances between or the populations of the matrix's regions
   * (the same read as the data's); the report matches it to the regions when it is built.
   */
  async useSelectionFor(kind: RegionRangeKind): Promise<void> {
    if (this.current.busy || this.current.environment !== "excel" || !this.current.detection) return;
    await this.reading(async (_signal, read) => {
      const picked = { block: read.block, address: read.address, sheet: read.sheet };
      this.set({ busy: undefined, regionRanges: { ...this.current.regionRanges, [kind]: picked } }, "regions");
    });
  }

  /**
   * Reads the selection with the pane busy and its progress shown, then hands it to `use`; a
   * failure or Cancel (during the read or `use`) is the pane's failure to read.
   */
  private async reading(use: (signal: AbortSignal, read: Awaited<ReturnType<PaneHost["readSelection"]>>) => Promise<void>): Promise<void> {
    const abort = (this.abort = new AbortController());
    this.set({ busy: { kind: "reading", done: 0, total: 0 }, failure: undefined, result: undefined }, "busy");
    try {
      const read = await this.host.readSelection({
        signal: abort.signal,
        onProgress: (done, total) => this.progress({ kind: "reading", done, total }),
      });
      throwIfCancelled(abort.signal);
      await use(abort.signal, read);
    } catch (err) {
      this.set({ busy: undefined, failure: { error: err, during: "read", cancelled: abort.signal.aborted } }, "failed");
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
  }

  /** Forgets the range picked for the distances or the populations. */
  clearRegionRange(kind: RegionRangeKind): void {
    if (this.current.busy || !this.current.regionRanges?.[kind]) return;
    const rest = { ...this.current.regionRanges };
    delete rest[kind];
    this.set({ regionRanges: rest, result: undefined }, "regions");
  }

  /** The user picked a shape; roles start again from the engine's mapping for it. */
  chooseShape(shape: Shape): void {
    const { selection } = this.current;
    if (!selection || this.current.busy) return;
    const choices = withShape(selection, shape);
    this.apply(choices);
  }

  /** The user gave a column (0-based in the block) a role, or none. */
  chooseRole(column: number, role: Role | null): void {
    const { selection, detection } = this.current;
    if (!selection || !detection || this.current.busy) return;
    this.apply(withColumnRole(this.current.choices, detection, column, role));
  }

  /** The user ticks (leave out) or unticks (keep as a region) a row the engine leaves out as a total or aggregate. */
  keepRow(row: number, keep: boolean): void {
    if (!this.current.selection || this.current.busy) return;
    this.apply(withKeptRow(this.current.choices, row, keep));
  }

  /** The user keeps one value of a long list's dimension column (sex, age, indicator), or none. */
  chooseDimension(dimension: { col: number; header: string; values: readonly string[] }, value: string | null): void {
    if (!this.current.selection || this.current.busy) return;
    this.apply(withDimension(this.current.choices, dimension, value));
  }

  private apply(choices: PaneState["choices"]): void {
    const selection = this.current.selection!;
    try {
      const detection = detectionFor(selection, choices);
      this.set({ choices, detection, ...timeOf(selection, detection, this.current.period), failure: undefined, result: undefined }, "choice");
    } catch (err) {
      // The previous choices stay; the view shows them again with the reason.
      this.set({ failure: { error: err, during: "choice", cancelled: false } }, "failed");
    }
  }

  async build(): Promise<void> {
    const { selection, detection, mode } = this.current;
    const stocks = stocksFor(this.current);
    const regionData = regionDataFor(this.current);
    const period = periodFor(this.current);
    if (!selection || !detection || this.current.busy || this.current.environment !== "excel") return;
    const abort = (this.abort = new AbortController());
    this.set({ busy: { kind: "planning", done: 0, total: 0 }, failure: undefined, result: undefined }, "busy");
    try {
      await nextFrame();
      // Planned in chunks of rows, the pane painting, showing progress and heeding Cancel between them.
      const plan = await planReportAsync(
        selection.block,
        detection,
        { mode, now: this.now(), hostDrawsCharts: true, ...(stocks ? { stocks } : {}), ...(regionData ? { regionData } : {}), ...(period !== undefined ? { period } : {}) },
        { signal: abort.signal, onProgress: (p) => this.progress({ kind: "planning", done: p.done, total: p.total }) },
      );
      throwIfCancelled(abort.signal);
      this.progress({ kind: "writing", step: "", fraction: 0 });
      const written = await this.host.writeReport(plan, {
        signal: abort.signal,
        onProgress: (p) => this.progress({ kind: "writing", step: p.step, fraction: p.fraction }),
      });
      this.set({ busy: undefined, result: { ...written, mode, headline: plan.headline } }, "built");
    } catch (err) {
      this.set({ busy: undefined, failure: { error: err, during: "build", cancelled: abort.signal.aborted } }, "failed");
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
  }

  private progress(busy: Activity): void {
    if (this.current.busy) this.set({ busy }, "progress");
  }
}
