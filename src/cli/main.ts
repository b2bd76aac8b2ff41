/**
 * migration-report: read → detect → plan → write. Every expected failure is one line on stderr,
 * `migration-report: <message>`, and an exit code from errors.ts; never a stack trace (set
 * MIGRATION_REPORT_DEBUG=1 to see one for an unexpected error).
 */
import { existsSync, realpathSync, statSync } from "fs";
import { basename, dirname, extname, join, resolve } from "path";
import { quoteText } from "../indicators/quote";
import { columnIndex } from "../report/address";
import { writeReportXlsx } from "../hosts/xlsx";
import { aggregateRows } from "../report/aggregate-rows";
import { findMatrixBlock, matrixAlignmentNotes, matrixRangeHint, MatrixSearch } from "../report/matrix-block";
import { headerUnitNotes } from "../report/units";
import type { Detection, Overrides, ReportPlan, Role, SourceBlock } from "../report/types";
import { CliOptions, parseArgs, USAGE } from "./args";
import { checkChartFiles, drawChart, writeChartFiles } from "./chart-files";
import { CliError, EXIT } from "./errors";
import { filterRows } from "./filter";
import { readInput, readSideRange } from "./read-input";
import { RegionDataError, RegionDataRequest } from "../report/region-data";
import type { Engine } from "./engine";
import { problemLines } from "./problems";

export const PROGRAM = "migration-report";

export interface Io {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly now: () => Date;
}

/**
 * Writes to a standard stream whose reader may have gone (`migration-report … | head -1`): a
 * closed pipe (EPIPE) ends the output quietly instead of killing the command with an unhandled
 * error; the report is still written and the exit code stays the build's.
 */
function pipeWriter(stream: NodeJS.WriteStream): (line: string) => void {
  let closed = false;
  let watching = false;
  return (line) => {
    if (!watching) {
      watching = true;
      stream.on("error", (e: NodeJS.ErrnoException) => {
        if (e.code !== "EPIPE") throw e;
        closed = true;
      });
    }
    if (!closed) stream.write(`${line}\n`);
  };
}

const processIo: Io = {
  stdout: pipeWriter(process.stdout),
  stderr: pipeWriter(process.stderr),
  now: () => new Date(),
};

/** `<input-basename>-report.xlsx` beside the input. */
export function defaultOutput(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}-report.xlsx`);
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/** A `--map` column, by header name (case- and space-insensitive) or by sheet column letter. */
export function resolveColumn(column: string, block: SourceBlock, detection: Detection): number | null {
  if (column === "") return null;
  const norm = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();
  const headers = detection.headerRow >= 0 ? (block.values[detection.headerRow] ?? []).map((v) => (v === null ? "" : String(v))) : [];
  const byName = headers.findIndex((h) => norm(h) === norm(column));
  if (byName >= 0) return byName;
  if (/^[A-Za-z]{1,3}$/.test(column)) {
    const index = columnIndex(column) - block.left;
    const width = block.values[0]?.length ?? 0;
    if (index >= 0 && index < width) return index;
    throw new CliError(EXIT.usage, `--map: column ${column.toUpperCase()} is outside the data read (${width} columns from column ${columnLetter(block.left)})`);
  }
  const known = headers.filter((h) => h.trim() !== "");
  throw new CliError(EXIT.usage, `--map: no column ${quoteText(column, "'")}${known.length ? ` (headers: ${known.map((h) => quoteText(h, "'")).join(", ")})` : ""}; give a header name or a column letter`);
}

function columnLetter(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function formatHeadline(value: number | string): string {
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString("en-US");
  return Number(value.toPrecision(4)).toLocaleString("en-US", { maximumFractionDigits: 6 });
}

async function build(options: CliOptions, io: Io, loadEngine: () => Engine): Promise<number> {
  const progress = options.quiet ? () => undefined : io.stderr;
  const input = options.input;
  const output = options.output ?? defaultOutput(input);

  if (existsSync(input) && existsSync(output) && samePath(input, output)) {
    throw new CliError(EXIT.usage, `the output ${output} is the input file; a report never overwrites its data (choose another -o)`);
  }
  if (existsSync(output)) {
    if (statSync(output).isDirectory()) throw new CliError(EXIT.outputExists, `${output} is a folder; give a file name with -o`);
    if (!options.force) throw new CliError(EXIT.outputExists, `${output} already exists; use --force to overwrite it or -o to choose another file`);
  }
  if (!existsSync(dirname(resolve(output)))) throw new CliError(EXIT.other, `cannot write ${output}: folder ${dirname(resolve(output))} does not exist`);
  checkChartFiles(options, input, output);

  let t = Date.now();
  if (existsSync(input) && statSync(input).isFile()) progress(`reading ${input} (${size(statSync(input).size)})`);
  const read = await readInput(input, { sheet: options.sheet, range: options.range });
  let { block } = read;
  const rows = block.values.length;
  const cols = block.values[0]?.length ?? 0;
  progress(`read sheet '${block.sheet}' ${read.address}: ${rows.toLocaleString("en-US")} rows x ${cols} columns in ${Date.now() - t} ms`);
  const shownNotes = 5;
  for (const note of read.notes.slice(0, shownNotes)) progress(`  ${note}`);
  if (read.notes.length > shownNotes) progress(`  … and ${read.notes.length - shownNotes} more note(s) on the cells read`);

  const regionData = await readRegionData(options, block.sheet, progress);

  if (options.filter.length > 0) {
    block = filterRows(block, options.filter);
    progress(`kept ${(block.values.length - 1).toLocaleString("en-US")} row(s) where ${options.filter.map((f) => `${f.column} = ${f.value}`).join(" and ")}`);
  }

  t = Date.now();
  const engine = loadEngine();
  let detection: Detection;
  try {
    detection = engine.detect(block);
  } catch (e) {
    throw new CliError(EXIT.undetectable, `cannot make out the data in ${read.address}: ${(e as Error).message}`);
  }
  const overrides = toOverrides(options, block, detection);
  if (overrides.shape !== undefined || overrides.map !== undefined) {
    try {
      detection = engine.applyOverrides(block, detection, overrides);
    } catch (e) {
      throw new CliError(EXIT.usage, `${(e as Error).message}`);
    }
  }
  // A matrix under title rows, with notes below (a national statistics sheet): read where it is, when it is the one such place.
  let search: MatrixSearch = { kind: "none" };
  if (options.range === undefined && overrides.shape === undefined && overrides.map === undefined) {
    search = findMatrixBlock(block, detection);
    if (search.kind === "found") {
      let inner: Detection | undefined;
      try {
        inner = engine.detect(search.block);
      } catch {
        inner = undefined; // not a matrix after all: the block is read as detected
      }
      if (inner && inner.shape === "matrix" && inner.confidence > 0) {
        block = search.block;
        progress(`  ${search.note}`);
        detection = { ...inner, reasons: [...inner.reasons, search.note] };
      }
    }
  }
  if (!(detection.confidence > 0)) {
    const why = detection.reasons.length ? `: ${detection.reasons.join("; ")}` : "";
    throw new CliError(EXIT.undetectable, `no country table, matrix or flow list found in ${read.address}${why}; try --range, --shape or --map`);
  }
  // A matrix is matched by label, as in the task pane (input-from-block.ts): what is left out or reordered is said.
  for (const note of matrixAlignmentNotes(block, detection)) progress(`  ${note}`);
  // Totals and aggregates among a table's or list's rows are left out of the regions (input-from-block.ts).
  const aggregates = aggregateRows(block, detection);
  if (aggregates.count > 0) {
    const shown = 5;
    for (const note of aggregates.notes.slice(0, shown)) progress(`  ${note}`);
    if (aggregates.count > shown) progress(`  … and ${aggregates.count - shown} more total or aggregate row(s) left out`);
    detection = { ...detection, reasons: [...detection.reasons, `${aggregates.count} row(s) are totals or aggregates, not regions, and are left out: ${aggregates.notes.slice(0, 10).join("; ")}${aggregates.count > 10 ? "; …" : ""}`] };
  }
  progress(`detected ${detection.shape} (confidence ${detection.confidence.toFixed(2)}) in ${Date.now() - t} ms${detection.reasons.length ? `: ${detection.reasons[0]}` : ""}`);
  for (const line of problemLines(detection.problems, engine.maxProblems)) progress(line);
  for (const note of headerUnitNotes(block, detection)) progress(`  ${note}`);

  t = Date.now();
  let plan: ReportPlan;
  try {
    plan = engine.plan(block, detection, { mode: options.mode, source: block.provenance, now: io.now(), ...(options.stocks ? { stocks: options.stocks } : {}), ...(regionData ? { regionData } : {}), ...(options.period !== undefined ? { period: options.period } : {}) });
  } catch (e) {
    if (e instanceof RegionDataError) throw new CliError(EXIT.usage, `--${e.input} ${e.input === "distances" ? options.distances : options.populations}: ${e.message}`);
    // A period the data do not hold is a usage error: the message names the periods found.
    if ((e as Error).name === "UnknownPeriodError") throw new CliError(EXIT.usage, `--period: ${(e as Error).message}`);
    const hints = search.kind === "ambiguous" ? search.ranges : [matrixRangeHint(block, detection)].filter((h): h is string => h !== undefined);
    const also =
      hints.length === 1
        ? `; the header row's labels are also the first column's, so this may be a matrix: give --range "${hints[0]}"`
        : hints.length > 1
          ? `; several places hold a matrix (${hints.join(", ")}): give one with --range`
          : "";
    throw new CliError(EXIT.undetectable, `cannot build a report from ${read.address}: ${(e as Error).message}${also}`);
  }
  const cells = plan.sheets.reduce((n, s) => n + s.cells.length + s.tables.reduce((m, tb) => m + (tb.rows.length + 1) * tb.header.length, 0), 0);
  progress(`planned ${plan.sheets.length} sheet(s), ${cells.toLocaleString("en-US")} cells, in ${options.mode} mode in ${Date.now() - t} ms`);

  let chart: ReturnType<typeof drawChart> | undefined;
  if (options.chart) {
    t = Date.now();
    chart = drawChart(options, block, detection, io.now());
    progress(`drew the chord diagram (${chart.figure.matrix.labels.length} regions, ${chart.figure.layout.ribbons.length} flows) in ${Date.now() - t} ms`);
  }

  t = Date.now();
  const source = { sheet: block.sheet, top: block.top, left: block.left, values: block.values };
  progress(`writing ${output}`);
  if (existsSync(output) && !options.force) throw new CliError(EXIT.outputExists, `${output} appeared while the report was built; use --force to overwrite it`);
  let bytes: number;
  let sheetNames: string[];
  try {
    ({ bytes, sheetNames } = await writeReportXlsx(plan, output, { source, now: io.now(), ...(chart ? { pictures: [chart.picture] } : {}) }));
  } catch (e) {
    throw new CliError(EXIT.other, `cannot write ${output}: ${(e as Error).message}`);
  }
  progress(`wrote ${size(bytes)} in ${Date.now() - t} ms`);

  io.stdout(`Report: ${resolve(output)}`);
  if (chart) for (const f of await writeChartFiles(options, chart)) io.stdout(`Chord diagram: ${f}`);
  io.stdout(`  ${detection.shape} data from ${block.provenance}; sheets: ${sheetNames.join(", ")}; mode: ${plan.mode}`);
  for (const h of plan.headline) io.stdout(`  ${h.label}: ${formatHeadline(h.value)}`);
  return EXIT.ok;
}

/** The --distances and --populations ranges, read (copied into the report as values: the command line copies only the data's cells). */
async function readRegionData(options: CliOptions, sheetRead: string, progress: (line: string) => void): Promise<RegionDataRequest | undefined> {
  const read = async (option: "distances" | "populations", spec: string | undefined) => {
    if (spec === undefined) return undefined;
    try {
      const r = await readSideRange(options.input, spec, sheetRead);
      progress(`read ${option} from sheet '${r.block.sheet}' ${r.address}`);
      return r.block;
    } catch (e) {
      if (e instanceof CliError) throw new CliError(e.code, `--${option} ${spec}: ${e.message}`);
      throw e;
    }
  };
  const distances = await read("distances", options.distances);
  const populations = await read("populations", options.populations);
  if (!distances && !populations) return undefined;
  return { ...(distances ? { distances } : {}), ...(populations ? { populations } : {}), live: false };
}

function toOverrides(options: CliOptions, block: SourceBlock, detection: Detection): Overrides {
  const map: Partial<Record<Role, string | number | null>> = {};
  for (const { role, column } of options.map) map[role] = resolveColumn(column, block, detection);
  return {
    ...(options.shape !== undefined ? { shape: options.shape } : {}),
    ...(options.map.length > 0 ? { map } : {}),
  };
}

/** Runs the CLI; returns the exit code. Never throws. */
export async function run(argv: readonly string[], io: Io = processIo, engine?: Engine): Promise<number> {
  try {
    const parsed = parseArgs(argv);
    if (parsed.kind === "help") {
      io.stdout(USAGE.trimEnd());
      return EXIT.ok;
    }
    if (parsed.kind === "version") {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- package.json is read where the CLI runs, not bundled
      io.stdout(String(require("../../package.json").version));
      return EXIT.ok;
    }
    // The engine is loaded once the input is read: usage and input errors stay fast.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, so usage and input errors stay fast
    const load = (): Engine => engine ?? (require("./engine") as typeof import("./engine")).engine;
    return await build(parsed.options, io, load);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`${PROGRAM}: ${e.message}`);
      return e.code;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`${PROGRAM}: ${message.split("\n")[0] || "unexpected error"}`);
    if (process.env.MIGRATION_REPORT_DEBUG && e instanceof Error && e.stack) io.stderr(e.stack);
    return EXIT.other;
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
