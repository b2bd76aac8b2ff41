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
import { CliError, EXIT } from "./errors";

/** Refuses chart files that would overwrite the input, the report or each other, or a file without --force. */
export function checkChartFiles(options: CliOptions, input: string, output: string): void {
  const chart = options.chart;
  if (!chart) return;
  if (options.stocks) throw new CliError(EXIT.usage, "--chart draws flows; with --stocks the list holds migrant stocks (draw the Estimated Flows sheet's matrix instead)");
  const files = [chart.svg, chart.png].filter((f): f is string => f !== undefined);
  for (const f of files) {
    if (resolve(f) === resolve(input) || resolve(f) === resolve(output)) throw new CliError(EXIT.usage, `the chart file ${f} is the input or the report; choose another name`);
    if (existsSync(f) && statSync(f).isDirectory()) throw new CliError(EXIT.outputExists, `${f} is a folder; give a file name`);
    if (existsSync(f) && !options.force) throw new CliError(EXIT.outputExists, `${f} already exists; use --force to overwrite it`);
    if (!existsSync(dirname(resolve(f)))) throw new CliError(EXIT.other, `cannot write ${f}: folder ${dirname(resolve(f))} does not exist`);
  }
  if (files.length === 2 && resolve(files[0]) === resolve(files[1])) throw new CliError(EXIT.usage, "--chart-svg and --chart-png name the same file");
}

/** The diagram of the data; a shape or a cell it cannot draw is a usage error naming why. */
export function drawChart(options: CliOptions, block: SourceBlock, detection: Detection, now: Date): ReportChart {
  // Loaded only when asked for: resvg is a native module and d3 is not needed otherwise.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, as said above
  const { reportChart } = require("../chart/report-chart") as typeof import("../chart/report-chart");
  try {
    return reportChart(block, detection, { source: block.provenance, now, ...(options.period !== undefined ? { period: options.period } : {}), ...(options.chart?.top !== undefined ? { top: options.chart.top } : {}), ...(options.chart?.order ? { order: options.chart.order } : {}) });
  } catch (e) {
    throw new CliError(EXIT.usage, `cannot draw the chord diagram: ${(e as Error).message}`);
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
      throw new CliError(EXIT.other, `cannot write ${file}: ${(e as Error).message}`);
    }
    written.push(resolve(file));
  }
  return written;
}
