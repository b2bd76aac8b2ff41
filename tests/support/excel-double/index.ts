/**
 * A test double of the Excel JavaScript API (Office.js) for the add-in's host code: plain
 * TypeScript with no Node APIs, so browser tests can bundle it and install it as `Excel`.
 *
 *   const double = createExcelDouble({ sheets: [{ name: "Data", values }], selection: "Data!A1:D40" });
 *   globalThis.Excel = double.Excel;          // or installExcelDouble(...)
 *   ...run the code under test...
 *   double.workbook.sheet("Migration Summary")!.formulas("A5:C6");
 *   double.stats.syncs, double.stats.largestRequestBytes
 *
 * What it models (where the add-in's correctness depends on it):
 * - `load` + `sync`: reading a property that was not loaded and synced throws PropertyNotLoaded;
 *   *OrNullObject proxies know `isNullObject` after the next sync.
 * - Queued writes, applied in order at `sync`; a failing operation rejects the sync with a
 *   RichApi.Error-like error (`code`, `debugInfo`), leaving the operations before it applied.
 * - A1 addresses (cells, ranges, whole columns/rows, sheet-qualified), getRange /
 *   getRangeByIndexes / getCell / getResizedRange / getAbsoluteResizedRange / getRow /
 *   getIntersection(OrNullObject) / getUsedRange(OrNullObject) / getSelectedRange / getActiveCell.
 * - Cells: `values` / `formulas` writes parsed as Excel parses typed input ("=…" a formula,
 *   "'…" text, "+x"/"-x"/"@x" a formula, "12"/"1,234"/"5%" numbers, "TRUE" a boolean, "#N/A"
 *   an error, "2020-01-02" a date serial; null leaves a cell as it is; "" clears it), the 2-D
 *   shape checked against the range; `numberFormat`; `format.columnWidth` (points);
 *   `format.font.bold`. Reads give what Office.js gives (blank "", errors as text).
 * - Worksheets (add with Excel's name rules, getItem, getItemOrNullObject, getActiveWorksheet,
 *   delete, activate, rename, items/count), tables (add with a header row, unique workbook-wide
 *   names, no overlap), charts (add, title, legend, series with setXAxisValues / setValues,
 *   setPosition), freezePanes, application.suspend…UntilNextSync.
 * - Counters: syncs, and per request the bytes sent (UTF-8 length of the request body as
 *   Office.js builds it: object paths, instantiations, actions; wire.ts) and received (JSON of
 *   the loaded results). A request or response over 5 MB fails as on Excel on the web
 *   (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded).
 * - Requirement sets: by default only what the manifest declares (ExcelApi 1.7); a member of a
 *   newer set fails with ApiNotFound when called, as Office.js does; `Office.context.requirements`
 *   answers for the same sets (`apiSets` models a newer Excel: EXCEL_ON_THE_WEB, EXCEL_DESKTOP).
 * - Unbounded ranges (whole columns or rows): null for values, formulas and number formats;
 *   writes to them refused.
 * - Formulas checked for syntax by @borgar/fx (formula.ts) and refused when they do not parse;
 *   Range.formulaArray (ExcelApiDesktop 1.1) array-enters them.
 * - Defined names (workbook and sheet scope) sharing one namespace with tables.
 * - Calculation: the user's mode (readable; settable only with ExcelApi 1.8, and counted),
 *   formulas written under suspended calculation counted until Application.calculate.
 * - Selections of several areas, or of a chart or picture: getSelectedRange fails with
 *   InvalidSelection.
 * - Faults: `failOnSync(n, { afterOps })` makes the n-th sync (counted over the double's
 *   life, 1-based) fail after applying `afterOps` of its operations (default: half);
 *   `failWhen(op => …)` fails the first operation matching a predicate; `failLargerThan(bytes)`
 *   fails larger requests whole with GeneralException, as Excel on the web has.
 *
 * What it does NOT model: calculating (a formula cell's value reads as ""), dynamic-array
 * spills, number-format rendering (`text`), styles, borders, fills, fonts other than bold, row
 * heights, merged cells, hidden rows/columns, data validation, conditional formats, events,
 * protection, RangeAreas, table totals rows, table styles or resizing, charts beyond the stored
 * type/title/legend/series/position, latency, and Excel's own result handling (ids are not
 * replaced by reference ids after a request).
 */
import { DoubleError, buildWorkbook, CalculationMode, Initial, LogEntry, WorkbookModel } from "./model";
import { ClientObject, Engine, Op, RequestContext } from "./proxies";
import { requestBody } from "./wire";

export { DoubleError } from "./model";
export type { CalculationMode, ChartModel, NameModel, SheetModel, Stored, TableModel, WorkbookModel, LogEntry } from "./model";
export * as addresses from "./address";

/** Excel on the web's limit on a request's (and a response's) payload. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface InitialWorkbook {
  readonly sheets: { name: string; values: Initial[][]; top?: number; left?: number }[];
  readonly activeSheet?: string;
  /** "Data!A1:D40" or "A1:D40" (on the active sheet); "Data!A1:B4,D1:E4" selects several areas. */
  readonly selection?: string;
  /** A chart or picture is selected instead of cells. */
  readonly selectedObject?: "chart" | "picture";
  /** Defined names: workbook scope, or a sheet's own with `sheet`. */
  readonly names?: { name: string; refersTo: string; sheet?: string }[];
  /** The user's calculation mode (default Automatic). */
  readonly calculationMode?: CalculationMode;
}

/**
 * The requirement sets the double offers by default: exactly what manifest.xml declares
 * (ExcelApi 1.7), so that the host is tested as the oldest Excel that loads the add-in sees it.
 * Tests that model a newer Excel pass `apiSets`.
 */
export const DECLARED_API_SETS: Readonly<Record<string, string>> = { ExcelApi: "1.7" };

/** Excel on the web today: ExcelApi 1.20, no desktop-only sets. */
export const EXCEL_ON_THE_WEB: Readonly<Record<string, string>> = { ExcelApi: "1.20" };
/** Microsoft 365 on Windows or Mac today: ExcelApi 1.20 and ExcelApiDesktop 1.1. */
export const EXCEL_DESKTOP: Readonly<Record<string, string>> = { ExcelApi: "1.20", ExcelApiDesktop: "1.1" };

export interface DoubleOptions {
  payloadLimitBytes?: number;
  /** Requirement sets offered, name → highest version (default DECLARED_API_SETS). */
  apiSets?: Readonly<Record<string, string>>;
}

function versionAtMost(version: string, max: string | undefined): boolean {
  if (max === undefined) return false;
  const [a1, a2 = 0] = version.split(".").map(Number);
  const [b1, b2 = 0] = max.split(".").map(Number);
  return a1 < b1 || (a1 === b1 && a2 <= b2);
}

export interface RequestRecord {
  /** 1-based number of the sync over the double's life. */
  readonly sync: number;
  readonly bytes: number;
  readonly responseBytes: number;
  readonly ops: number;
  /** What the batch suspended (application.suspend…UntilNextSync). */
  readonly suspended: string[];
  /** The error code if the sync failed. */
  readonly failed?: string;
}

export interface DoubleStats {
  syncs: number;
  runs: number;
  readonly requests: RequestRecord[];
  readonly largestRequestBytes: number;
  readonly largestResponseBytes: number;
  readonly totalRequestBytes: number;
  /** Milliseconds spent inside the double's syncs (to subtract from a benchmark's time). */
  doubleMs: number;
  reset(): void;
}

/** What failWhen sees of an operation. */
export interface OpInfo {
  readonly sync: number;
  readonly index: number;
  readonly desc: string;
}

export interface ExcelDouble {
  /** Install as the global `Excel`. */
  readonly Excel: DoubleExcelApi;
  /** Install as the global `Office`: Office.context.requirements answers for the double's sets. */
  readonly Office: { readonly context: { readonly requirements: { isSetSupported(name: string, version?: string): boolean } } };
  readonly workbook: WorkbookModel;
  readonly stats: DoubleStats;
  failOnSync(n: number, options?: { afterOps?: number; code?: string; message?: string }): void;
  failWhen(predicate: ((op: OpInfo) => boolean) | undefined, code?: string): void;
  /**
   * Requests over `bytes` fail whole with `code`, nothing of them applied: Excel on the web
   * answering an oversized request with GeneralException (github.com/OfficeDev/office-js/issues/1314). Undefined: off.
   */
  failLargerThan(bytes: number | undefined, code?: string): void;
}

export interface DoubleExcelApi {
  run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: unknown, batch: (context: RequestContext) => Promise<T>): Promise<T>;
  readonly ChartType: Record<string, string>;
  readonly ChartSeriesBy: Record<string, string>;
  readonly ErrorCodes: Record<string, string>;
  readonly CalculationType: Record<string, string>;
  readonly BorderIndex: Record<string, string>;
  readonly BorderLineStyle: Record<string, string>;
  readonly VerticalAlignment: Record<string, string>;
  readonly PageOrientation: Record<string, string>;
  readonly RequestContext: typeof RequestContext;
}

/**
 * UTF-8 length of a string (what a request's JSON weighs on the wire). Measured with the
 * platform's encoder, independently of the host's own estimate, so the two can disagree.
 */
const encoder = new TextEncoder();
export function utf8Length(s: string): number {
  return encoder.encode(s).length;
}

const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

export function createExcelDouble(initial: InitialWorkbook, options: DoubleOptions = {}): ExcelDouble {
  const workbook = buildWorkbook(initial);
  const limit = options.payloadLimitBytes ?? PAYLOAD_LIMIT_BYTES;
  const apiSets = options.apiSets ?? DECLARED_API_SETS;
  const supports = (set: string, version = "1.1") => versionAtMost(version, apiSets[set]);
  let sizeFault: { bytes: number; code: string } | undefined;
  const requests: RequestRecord[] = [];
  const stats: DoubleStats = {
    syncs: 0,
    runs: 0,
    requests,
    get largestRequestBytes() {
      return requests.reduce((m, r) => Math.max(m, r.bytes), 0);
    },
    get largestResponseBytes() {
      return requests.reduce((m, r) => Math.max(m, r.responseBytes), 0);
    },
    get totalRequestBytes() {
      return requests.reduce((m, r) => m + r.bytes, 0);
    },
    doubleMs: 0,
    reset() {
      stats.syncs = 0;
      stats.runs = 0;
      stats.doubleMs = 0;
      requests.length = 0;
    },
  };
  const syncFaults = new Map<number, { afterOps?: number; code?: string; message?: string }>();
  let opFault: { predicate: (op: OpInfo) => boolean; code: string } | undefined;

  const engine: Engine = {
    workbook,
    supports,
    async sync(ctx: RequestContext): Promise<void> {
      await Promise.resolve(); // a round trip is never synchronous
      const ops = ctx._queue;
      ctx._queue = [];
      if (ctx._closed) throw new DoubleError("InvalidRequestContext", "This request context is no longer valid.");
      if (ops.length === 0) return; // Office.js sends nothing
      const t0 = now();
      const n = ++stats.syncs;
      ctx._suspended = new Set();
      const record = (bytes: number, responseBytes: number, failed?: string) =>
        requests.push({ sync: n, bytes, responseBytes, ops: ops.length, suspended: [...ctx._suspended], ...(failed ? { failed } : {}) });
      try {
        const bytes = utf8Length(requestBody(ops.map((o) => o.wire), ctx._ids));
        if (bytes > limit) {
          record(bytes, 0, "RequestPayloadSizeLimitExceeded");
          throw new DoubleError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${bytes} bytes > ${limit}).`);
        }
        if (sizeFault && bytes > sizeFault.bytes) {
          record(bytes, 0, sizeFault.code);
          throw new DoubleError(sizeFault.code, "An internal error has occurred.");
        }
        const fault = syncFaults.get(n);
        const results: { target: ClientObject; values: Record<string, unknown> }[] = [];
        let error: DoubleError | undefined;
        for (let i = 0; i < ops.length; i++) {
          const op = ops[i];
          if (fault && i === (fault.afterOps ?? Math.floor(ops.length / 2))) {
            error = new DoubleError(fault.code ?? "GeneralException", fault.message ?? `Injected failure of sync ${n} at operation ${i} (${op.desc}).`, op.desc);
            break;
          }
          if (opFault?.predicate({ sync: n, index: i, desc: op.desc })) {
            error = new DoubleError(opFault.code, `Injected failure of ${op.desc}.`, op.desc);
            break;
          }
          try {
            op.run();
            if (op.load) results.push({ target: op.load.target, values: op.load.target._read(op.load.props) });
            if (op.write) logOp(workbook, n, op);
          } catch (e) {
            if (!(e instanceof DoubleError)) throw e;
            error = new DoubleError(e.code, e.message, e.debugInfo.errorLocation ?? op.desc);
            break;
          }
        }
        const plain = results.map((r) => (r.values.items ? { ...r.values, items: (r.values.items as { values: unknown }[]).map((i) => i.values) } : r.values));
        const responseBytes = error ? 0 : utf8Length(JSON.stringify(plain));
        if (!error && responseBytes > limit) {
          error = new DoubleError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${responseBytes} bytes > ${limit}).`);
        }
        record(bytes, responseBytes, error?.code);
        if (error) throw error;
        for (const { target, values } of results) {
          for (const [k, v] of Object.entries(values)) {
            if (k === "items") {
              const items = v as { proxy: ClientObject; values: Record<string, unknown> }[];
              for (const it of items) for (const [ik, iv] of Object.entries(it.values)) it.proxy._loaded.set(ik, iv);
              target._loaded.set("items", items.map((it) => it.proxy));
            } else target._loaded.set(k, v);
          }
        }
      } finally {
        ctx._suspended = new Set(); // suspension lasts until the sync, whatever its outcome
        stats.doubleMs += now() - t0;
      }
    },
  };

  const Excel: DoubleExcelApi = {
    async run<T>(...args: unknown[]): Promise<T> {
      const batch = args[args.length - 1] as (context: RequestContext) => Promise<T>;
      const ctx = new RequestContext(engine);
      stats.runs++;
      try {
        const result = await batch(ctx);
        if (ctx._queue.length > 0) await ctx.sync(); // Excel.run sends what is still queued
        return result;
      } finally {
        ctx._closed = true;
      }
    },
    ChartType: { barClustered: "BarClustered", columnClustered: "ColumnClustered", line: "Line", pie: "Pie", xyscatter: "XYScatter", barStacked: "BarStacked", columnStacked: "ColumnStacked" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
    BorderIndex: { edgeTop: "EdgeTop", edgeBottom: "EdgeBottom", edgeLeft: "EdgeLeft", edgeRight: "EdgeRight", insideVertical: "InsideVertical", insideHorizontal: "InsideHorizontal", diagonalDown: "DiagonalDown", diagonalUp: "DiagonalUp" },
    BorderLineStyle: { none: "None", continuous: "Continuous", dash: "Dash", dashDot: "DashDot", dashDotDot: "DashDotDot", dot: "Dot", double: "Double", slantDashDot: "SlantDashDot" },
    VerticalAlignment: { top: "Top", center: "Center", bottom: "Bottom", justify: "Justify", distributed: "Distributed" },
    PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
    ErrorCodes: {
      generalException: "GeneralException",
      invalidArgument: "InvalidArgument",
      itemAlreadyExists: "ItemAlreadyExists",
      itemNotFound: "ItemNotFound",
      invalidOperation: "InvalidOperation",
      responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    },
    RequestContext,
  } as DoubleExcelApi;

  const Office = { context: { requirements: { isSetSupported: (name: string, version?: string) => supports(name, version ?? "1.1") } } };
  return {
    Excel,
    Office,
    workbook,
    stats,
    failLargerThan(bytes, code = "GeneralException") {
      sizeFault = bytes === undefined ? undefined : { bytes, code };
    },
    failOnSync(n, opts = {}) {
      syncFaults.set(n, opts);
    },
    failWhen(predicate, code = "GeneralException") {
      opFault = predicate ? { predicate, code } : undefined;
    },
  };
}

function logOp(wb: WorkbookModel, sync: number, op: Op): void {
  const entry: LogEntry = { sync, op: op.desc, ...(op.touched?.sheet !== undefined ? { sheet: op.touched.sheet } : {}), ...(op.touched?.address !== undefined ? { address: op.touched.address } : {}) };
  wb.log.push(entry);
}

/** Creates a double and installs it as the globals `Excel` and `Office`; `uninstall` puts back what was there. */
export function installExcelDouble(initial: InitialWorkbook, options?: DoubleOptions): ExcelDouble & { uninstall(): void } {
  const double = createExcelDouble(initial, options);
  const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };
  const before = { Excel: g.Excel, Office: g.Office };
  g.Excel = double.Excel;
  g.Office = double.Office;
  return {
    ...double,
    uninstall: () => {
      g.Excel = before.Excel;
      g.Office = before.Office;
    },
  };
}
