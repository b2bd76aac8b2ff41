/**
 * migration-report: read → detect → plan → write. Every expected failure is one line on stderr,
 * `migration-report: <message>`, and an exit code from errors.ts; never a stack trace (set
 * MIGRATION_REPORT_DEBUG=1 to see one for an unexpected error).
 */
import { existsSync, realpathSync, statSync } from "fs";
import { basename, dirname, extname, join, resolve } from "path";
import { quoteText } from "../indicators/quote";
import { columnIndex, columnLetters } from "../report/address";
import { writeReportXlsx } from "../hosts/xlsx";
import { aggregateRows } from "../report/aggregate-rows";
import { findMatrixBlock, matrixAlignmentReasons, matrixRangeHint, MatrixSearch } from "../report/matrix-block";
import { headerUnitNotes } from "../report/units";
import type { Detection, Overrides, ReportPlan, Role, SourceBlock } from "../report/types";
import { CliOptions, parseArgs, requestedLang } from "./args";
import { checkChartFiles, drawChart, writeChartFiles } from "./chart-files";
import { CliError, EXIT } from "./errors";
import { filterRows } from "./filter";
import { readInput, readSideRange } from "./read-input";
import { RegionDataError, RegionDataRequest } from "../report/region-data";
import type { Engine } from "./engine";
import { PRINTED_PROBLEMS, problemLines } from "./problems";
import { cliStrings, CliStrings, langFromEnv } from "../messages/cli";
import { headlineLabel, headlineValue } from "../messages/headline";
import { formatNumber, Lang, LOCALE } from "../messages/lang";
import { aggregateRowText, reasonText, reasonsText } from "../messages/reasons";
import { renderInputNote } from "../messages/input-notes";
import { regionDataText } from "../messages/region-data";
import { refusalText } from "../messages/refusals";
import { reason } from "../report/reason";
import { isRefusal } from "../report/refusal";
import type { UnknownPeriodError } from "../report/input-periods";

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

function size(bytes: number, lang: Lang): string {
  const [b, kb, mb] = lang === "uk" ? ["Б", "КБ", "МБ"] : ["B", "KB", "MB"];
  const one = (x: number) => fixed(x, 1, lang);
  if (bytes < 1024) return `${bytes} ${b}`;
  if (bytes < 1024 * 1024) return `${one(bytes / 1024)} ${kb}`;
  return `${one(bytes / 1024 / 1024)} ${mb}`;
}

/** A number with `digits` decimals, as the language writes it (0.93, 0,93). */
function fixed(x: number, digits: number, lang: Lang): string {
  return x.toLocaleString(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/** A `--map` column, by header name (case- and space-insensitive) or by sheet column letter. */
export function resolveColumn(column: string, block: SourceBlock, detection: Detection, s: CliStrings = cliStrings("en")): number | null {
  if (column === "") return null;
  const norm = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();
  const headers = detection.headerRow >= 0 ? (block.values[detection.headerRow] ?? []).map((v) => (v === null ? "" : String(v))) : [];
  const byName = headers.findIndex((h) => norm(h) === norm(column));
  if (byName >= 0) return byName;
  if (/^[A-Za-z]{1,3}$/.test(column)) {
    const index = columnIndex(column) - block.left;
    const width = block.values[0]?.length ?? 0;
    if (index >= 0 && index < width) return index;
    throw new CliError(EXIT.usage, s.mapOutside(column.toUpperCase(), width, columnLetters(block.left)));
  }
  const known = headers.filter((h) => h.trim() !== "");
  throw new CliError(EXIT.usage, s.mapNoColumn(quoteText(column, "'"), known.map((h) => quoteText(h, "'")).join(", ")));
}

function formatHeadline(value: number | string, lang: Lang): string {
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return formatNumber(value, lang);
  return Number(value.toPrecision(4)).toLocaleString(LOCALE[lang], { maximumFractionDigits: 6 });
}

/** An error's message in `lang`: a refusal of the engine worded from its code, else the message as it is. */
function messageOf(e: unknown, lang: Lang): string {
  return isRefusal(e) ? refusalText(e, lang) : (e as Error).message;
}

/** "1990, 1995, …": the periods found, as the refusal of an unknown period lists them. */
function periodList(keys: readonly string[]): string {
  const shown = keys.length > 12 ? [...keys.slice(0, 6), "…", ...keys.slice(-5)] : keys;
  return shown.join(", ");
}

async function build(options: CliOptions, io: Io, loadEngine: () => Engine, lang: Lang): Promise<number> {
  const s = cliStrings(lang);
  const progress = options.quiet ? () => undefined : io.stderr;
  const input = options.input;
  const output = options.output ?? defaultOutput(input);

  if (existsSync(input) && existsSync(output) && samePath(input, output)) {
    throw new CliError(EXIT.usage, s.outputIsInput(output));
  }
  if (existsSync(output)) {
    if (statSync(output).isDirectory()) throw new CliError(EXIT.outputExists, s.outputIsFolder(output));
    if (!options.force) throw new CliError(EXIT.outputExists, s.outputExists(output));
  }
  if (!existsSync(dirname(resolve(output)))) throw new CliError(EXIT.other, s.noFolder(output, dirname(resolve(output))));
  checkChartFiles(options, input, output);

  let t = Date.now();
  if (existsSync(input) && statSync(input).isFile()) progress(s.reading(input, size(statSync(input).size, lang)));
  const read = await readInput(input, { sheet: options.sheet, range: options.range });
  let { block } = read;
  const rows = block.values.length;
  const cols = block.values[0]?.length ?? 0;
  progress(s.readSheet(block.sheet, read.address, rows, cols, Date.now() - t));
  const shownNotes = 5;
  for (const note of read.notes.slice(0, shownNotes)) progress(`  ${renderInputNote(note, lang)}`);
  if (read.notes.length > shownNotes) progress(`  ${s.moreNotes(read.notes.length - shownNotes)}`);

  const regionData = await readRegionData(options, block.sheet, progress, s);

  if (options.filter.length > 0) {
    block = filterRows(block, options.filter, lang);
    progress(s.kept(block.values.length - 1, options.filter.map((f) => s.filterWhere(f.column, f.value)).join(s.and)));
  }

  t = Date.now();
  const engine = loadEngine();
  let detection: Detection;
  try {
    detection = engine.detect(block);
  } catch (e) {
    throw new CliError(EXIT.undetectable, s.cannotMakeOut(read.address, messageOf(e, lang)));
  }
  const overrides = toOverrides(options, block, detection, s);
  if (overrides.shape !== undefined || overrides.map !== undefined) {
    try {
      detection = engine.applyOverrides(block, detection, overrides);
    } catch (e) {
      throw new CliError(EXIT.usage, messageOf(e, lang));
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
        const bottom = (b: SourceBlock) => b.top + b.values.length;
        const found = reason("matrixFound", { range: search.range, rowsAround: search.block.top > block.top || bottom(search.block) < bottom(block) });
        block = search.block;
        progress(`  ${reasonText(found, lang)}`);
        detection = { ...inner, reasons: [...inner.reasons, found] };
      }
    }
  }
  if (!(detection.confidence > 0)) {
    throw new CliError(EXIT.undetectable, s.noData(read.address, reasonsText(detection.reasons, lang).join("; ")));
  }
  // A matrix is matched by label, as in the task pane (input-from-block.ts): what is left out or reordered is said.
  for (const r of matrixAlignmentReasons(block, detection)) progress(`  ${reasonText(r, lang)}`);
  // Totals and aggregates among a table's or list's rows are left out of the regions (input-from-block.ts).
  const aggregates = aggregateRows(block, detection);
  if (aggregates.count > 0) {
    const shown = 5;
    const rows = aggregates.items.slice(0, 10).map((a) => ({ row: block.top + a.row + 1, address: a.address, label: a.label, role: a.role, reason: a.reason }));
    for (const row of rows.slice(0, shown)) progress(`  ${aggregateRowText(row, lang)}`);
    if (aggregates.count > shown) progress(`  ${s.moreAggregates(aggregates.count - shown)}`);
    detection = { ...detection, reasons: [...detection.reasons, reason("aggregatesLeftOut", { count: aggregates.count, rows })] };
  }
  const first = detection.reasons.length ? reasonText(detection.reasons[0], lang) : undefined;
  progress(s.detected(detection.shape, fixed(detection.confidence, 2, lang), Date.now() - t, first));
  for (const line of problemLines(detection.problems, engine.maxProblems, lang, PRINTED_PROBLEMS)) progress(line);
  for (const note of headerUnitNotes(block, detection)) progress(`  ${renderInputNote(note, lang)}`);

  t = Date.now();
  let plan: ReportPlan;
  try {
    plan = engine.plan(block, detection, { mode: options.mode, source: block.provenance, now: io.now(), ...(options.stocks ? { stocks: options.stocks } : {}), ...(regionData ? { regionData } : {}), ...(options.period !== undefined ? { period: options.period } : {}) });
  } catch (e) {
    if (e instanceof RegionDataError) {
      const option = `--${e.input} ${e.input === "distances" ? options.distances : options.populations}`;
      throw new CliError(EXIT.usage, `${option}: ${e.message}`, (l) => `${option}: ${regionDataText(e, l)}`);
    }
    // A period the data do not hold is a usage error: the message names the periods found.
    if ((e as Error).name === "UnknownPeriodError") {
      const { asked, periods } = e as UnknownPeriodError;
      throw new CliError(EXIT.usage, periods.length === 0 ? s.noPeriodColumn(quoteText(asked)) : s.unknownPeriod(quoteText(asked), periodList(periods)));
    }
    const hints = search.kind === "ambiguous" ? search.ranges : [matrixRangeHint(block, detection)].filter((h): h is string => h !== undefined);
    const also = hints.length === 1 ? s.alsoMatrix(hints[0]) : hints.length > 1 ? s.alsoMatrices(hints.join(", ")) : "";
    throw new CliError(EXIT.undetectable, `${s.cannotBuild(read.address, messageOf(e, lang))}${also}`);
  }
  const cells = plan.sheets.reduce((n, s) => n + s.cells.length + s.tables.reduce((m, tb) => m + (tb.rows.length + 1) * tb.header.length, 0), 0);
  progress(s.planned(plan.sheets.length, cells, options.mode, Date.now() - t));

  let chart: ReturnType<typeof drawChart> | undefined;
  if (options.chart) {
    t = Date.now();
    chart = drawChart(options, block, detection, io.now());
    progress(s.drew(chart.figure.matrix.labels.length, chart.figure.layout.ribbons.length, Date.now() - t));
  }

  t = Date.now();
  const source = { sheet: block.sheet, top: block.top, left: block.left, values: block.values };
  progress(s.writing(output));
  if (existsSync(output) && !options.force) throw new CliError(EXIT.outputExists, s.appeared(output));
  let bytes: number;
  let sheetNames: string[];
  try {
    ({ bytes, sheetNames } = await writeReportXlsx(plan, output, { source, now: io.now(), ...(chart ? { pictures: [chart.picture] } : {}) }));
  } catch (e) {
    throw new CliError(EXIT.other, s.cannotWrite(output, (e as Error).message));
  }
  progress(s.wrote(size(bytes, lang), Date.now() - t));

  io.stdout(s.report(resolve(output)));
  if (chart) for (const f of await writeChartFiles(options, chart)) io.stdout(s.chordFile(f));
  io.stdout(`  ${s.summary(detection.shape, block.provenance, sheetNames.join(", "), plan.mode)}`);
  for (const h of plan.headline) io.stdout(`  ${headlineLabel(h, lang)}: ${formatHeadline(headlineValue(h, lang), lang)}`);
  return EXIT.ok;
}

/** The --distances and --populations ranges, read (copied into the report as values: the command line copies only the data's cells). */
async function readRegionData(options: CliOptions, sheetRead: string, progress: (line: string) => void, s: CliStrings): Promise<RegionDataRequest | undefined> {
  const read = async (option: "distances" | "populations", spec: string | undefined) => {
    if (spec === undefined) return undefined;
    try {
      const r = await readSideRange(options.input, spec, sheetRead);
      progress(s.readSide(option, r.block.sheet, r.address));
      return r.block;
    } catch (e) {
      if (e instanceof CliError) throw new CliError(e.code, `--${option} ${spec}: ${e.message}`, (l) => `--${option} ${spec}: ${e.inLang ? e.inLang(l) : e.message}`);
      throw e;
    }
  };
  const distances = await read("distances", options.distances);
  const populations = await read("populations", options.populations);
  if (!distances && !populations) return undefined;
  return { ...(distances ? { distances } : {}), ...(populations ? { populations } : {}), live: false };
}

function toOverrides(options: CliOptions, block: SourceBlock, detection: Detection, s: CliStrings): Overrides {
  const map: Partial<Record<Role, string | number | null>> = {};
  for (const { role, column } of options.map) map[role] = resolveColumn(column, block, detection, s);
  return {
    ...(options.shape !== undefined ? { shape: options.shape } : {}),
    ...(options.map.length > 0 ? { map } : {}),
  };
}

/**
 * Runs the CLI; returns the exit code. Never throws. The messages are in the language --lang
 * gives, else the locale's (`env`: LC_ALL, LC_MESSAGES, LANG), else English.
 */
export async function run(argv: readonly string[], io: Io = processIo, engine?: Engine, env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  const lang = requestedLang(argv) ?? langFromEnv(env);
  try {
    const parsed = parseArgs(argv, lang);
    if (parsed.kind === "help") {
      io.stdout(cliStrings(lang).usage.trimEnd());
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
    return await build(parsed.options, io, load, lang);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`${PROGRAM}: ${e.inLang ? e.inLang(lang) : e.message}`);
      return e.code;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`${PROGRAM}: ${message.split("\n")[0] || cliStrings(lang).unexpected}`);
    if (process.env.MIGRATION_REPORT_DEBUG && e instanceof Error && e.stack) io.stderr(e.stack);
    return EXIT.other;
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
