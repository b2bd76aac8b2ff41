/**
 * The command line's chord diagram: its files are checked before any work (an existing file
 * needs --force, like the report), it is drawn from the detected data, and written beside the
 * report after it.
 */
import { existsSync, statSync } from "fs";
import { rename, unlink, writeFile } from "fs/promises";
import { dirname, resolve } from "path";
import type { ReportChart } from "../chart/report-chart";
import type { Detection, SourceBlock } from "../report/types";
import type { CliOptions } from "./args";
import { ChartError, renderChartError } from "../messages/file-errors";
import { CliError, codedError, EXIT, ExitCode } from "./errors";

/** A failure of --chart, worded in the language the command line speaks. */
const fail = (code: ExitCode, error: ChartError): CliError => codedError(code, (lang) => renderChartError(error, lang));

/** Refuses chart files that would overwrite the input, the report or each other, or a file without --force. */
export function checkChartFiles(options: CliOptions, input: string, output: string): void {
  const chart = options.chart;
  if (!chart) return;
  if (options.stocks) throw fail(EXIT.usage, { code: "withStocks", params: {} });
  const files = [chart.svg, chart.png].filter((f): f is string => f !== undefined);
  for (const f of files) {
    if (resolve(f) === resolve(input) || resolve(f) === resolve(output)) throw fail(EXIT.usage, { code: "isInputOrReport", params: { file: f } });
    if (existsSync(f) && statSync(f).isDirectory()) throw fail(EXIT.outputExists, { code: "isFolder", params: { file: f } });
    if (existsSync(f) && !options.force) throw fail(EXIT.outputExists, { code: "exists", params: { file: f } });
    if (!existsSync(dirname(resolve(f)))) throw fail(EXIT.other, { code: "noFolder", params: { file: f, folder: dirname(resolve(f)) } });
  }
  if (files.length === 2 && resolve(files[0]) === resolve(files[1])) throw fail(EXIT.usage, { code: "sameFile", params: {} });
}

/** The diagram of the data; a shape or a cell it cannot draw is a usage error naming why. */
export function drawChart(options: CliOptions, block: SourceBlock, detection: Detection, now: Date): ReportChart {
  // Loaded only when asked for: resvg is a native module and d3 is not needed otherwise.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, as said above
  const { reportChart } = require("../chart/report-chart") as typeof import("../chart/report-chart");
  try {
    return reportChart(block, detection, { source: block.provenance, now, ...(options.period !== undefined ? { period: options.period } : {}), ...(options.chart?.top !== undefined ? { top: options.chart.top } : {}), ...(options.chart?.order ? { order: options.chart.order } : {}) });
  } catch (e) {
    const why = (e as Error).message;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded already by report-chart above
    const { ChartInputError } = require("../chart/chord-data") as typeof import("../chart/chord-data");
    // A list the report's reader refuses keeps only its English words (the drawing passes the message on).
    if (e instanceof ChartInputError && e.problem !== "badList") throw fail(EXIT.usage, { code: "cannotDraw", params: { why, problem: e.problem, cells: e.cells } });
    throw fail(EXIT.usage, { code: "cannotDraw", params: { why } });
  }
}

/** Writes the SVG and PNG asked for (each through a temporary file); returns the paths written. */
export async function writeChartFiles(options: CliOptions, chart: ReportChart): Promise<string[]> {
  const written: string[] = [];
  for (const [file, data] of [
    [options.chart?.svg, chart.svg],
    [options.chart?.png, chart.png],
  ] as const) {
    if (file === undefined) continue;
    const tmp = `${file}.${process.pid}.partial`;
    try {
      await writeFile(tmp, data);
      await rename(tmp, file);
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      throw fail(EXIT.other, { code: "cannotWrite", params: { file, why: (e as Error).message } });
    }
    written.push(resolve(file));
  }
  return written;
}
