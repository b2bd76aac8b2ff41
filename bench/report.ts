/**
 * Benchmarks of the report engine: planning time for the IAB table (4,116 rows), a
 * synthetic 100,000-row long flow list and a 200×200 matrix; .xlsx write time; the whole CLI on
 * the IAB sample; peak memory of a 100,000-row run in a fresh process.
 * Run alone with `npx tsx bench/report.ts` or via `npm run bench`.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { loadavg, tmpdir } from "os";
import { join } from "path";
import { readFileSync } from "fs";
import { writeReportXlsx } from "../src/hosts/xlsx";
import { parseCsv } from "../src/report/csv";
import { planFromInput } from "../src/report/plan";
import { CellValue } from "../src/report/types";
import { LongInput, MatrixInput } from "../src/report/input";
import { sampleInput } from "../tests/support/inputs";
import { emit, median, medianMs, prng, ROOT, round } from "./lib";

const OPTIONS = { mode: "native" as const, source: "bench", now: new Date(0) };

/** A long list of `rows` flows among `regions` regions (every pair, repeated over years), seeded. */
export function syntheticLongList(rows: number, regions: number): LongInput {
  const rand = prng(7);
  const names = Array.from({ length: regions }, (_, i) => `Region ${i + 1}`);
  const origin: string[] = [];
  const destination: string[] = [];
  const flow: number[] = [];
  const year: number[] = [];
  for (let r = 0; r < rows; r++) {
    const pair = r % (regions * regions);
    origin.push(names[Math.floor(pair / regions)]);
    destination.push(names[pair % regions]);
    flow.push(Math.floor(rand() * 5000));
    year.push(2000 + Math.floor(r / (regions * regions)));
  }
  return { shape: "long", sheet: "Data", rowsAt: origin.map((_, r) => r + 1), rows, origin: { col: 0, values: origin }, destination: { col: 1, values: destination }, flow: { col: 2, values: flow }, year: { col: 3, values: year } };
}

export function syntheticMatrix(n: number): MatrixInput {
  const rand = prng(11);
  const cells = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Math.floor(rand() * 1000))));
  return { shape: "matrix", sheet: "Data", labels: cells.map((_, i) => `R${i + 1}`), cells, top: 1, left: 1 };
}

export async function run(): Promise<void> {
  const iab = sampleInput("iab");
  const long = syntheticLongList(100_000, 100);
  const matrix = syntheticMatrix(200);
  const engine = {
    "IAB table (4,116 rows)": medianMs(() => planFromInput(iab, OPTIONS), 5, 2),
    "long list (100,000 rows)": medianMs(() => planFromInput(long, OPTIONS), 5, 2),
    "matrix (200×200)": medianMs(() => planFromInput(matrix, OPTIONS), 5, 2),
  };
  emit({ name: "report engine (plan)", figures: Object.fromEntries(Object.entries(engine).map(([k, v]) => [k, round(v, 1)])), unit: "ms (median)", target: "100,000 rows < 200", met: engine["long list (100,000 rows)"] < 200 });

  // .xlsx write (the streaming SpreadsheetML writer the CLI uses) for the IAB table and the 200×200 matrix.
  const write = async (input: typeof iab, source: CellValue[][]) => {
    const plan = planFromInput(input, OPTIONS);
    const dir = mkdtempSync(join(tmpdir(), "bench-xlsx-"));
    try {
      const t = process.hrtime.bigint();
      await writeReportXlsx(plan, join(dir, "r.xlsx"), { source: { sheet: "Data", top: 0, left: 0, values: source } });
      return Number(process.hrtime.bigint() - t) / 1e6;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const iabRows = parseCsv(readFileSync(join(ROOT, "assets", "samples", "iab-emigration-rates-1980-2010.csv"), "utf8"));
  const matrixRows: CellValue[][] = [[null, ...matrix.labels], ...matrix.cells.map((r, i) => [matrix.labels[i], ...r])];
  emit({
    name: ".xlsx write",
    figures: { "IAB table": round(await write(iab, iabRows), 0), "matrix (200×200)": round(await write(matrix, matrixRows), 0) },
    unit: "ms (one run; no target of its own: it is part of the CLI run below)",
  });

  // The whole command line on the IAB sample, as a user runs it (fresh process: start-up included).
  const dir = mkdtempSync(join(tmpdir(), "bench-report-"));
  try {
    const out = join(dir, "iab.xlsx");
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [join(ROOT, "bin", "migration-report.js"), join(ROOT, "assets", "samples", "iab-emigration-rates-1980-2010.csv"), "-o", out, "--quiet"], { encoding: "utf8" });
    const cliMs = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`CLI failed: ${r.stderr}`);
    emit({ name: "CLI report, IAB sample", figures: { ms: round(cliMs, 0) }, unit: "ms (one run, process start included)", target: "< 3000", met: cliMs < 3000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  unDesaMatrix();

  // Peak memory of planning and writing 100,000 rows, in a fresh process so nothing else counts.
  const probe = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "bench", "report-memory.ts")], { cwd: ROOT, encoding: "utf8" });
  if (probe.status !== 0) throw new Error(`memory probe failed: ${probe.stderr}`);
  const figures = JSON.parse(probe.stdout.trim().split("\n").pop()!);
  emit({ name: "CLI report, 100,000-row long list (CSV in, .xlsx out)", figures, unit: "ms and MB", target: "peak RSS < 300 MB", met: figures.peakRssMB < 300 });
}

/**
 * Detection and planning bundled into one scope as the task pane's bundle has them (esbuild
 * here, webpack there: both hoist the modules into one scope, so calls across modules are plain
 * calls). Not a tsx import: tsx turns every export into a getter, which slows calls across modules.
 */
function bundleEngine(file: string): void {
  const { buildSync } = require("esbuild") as typeof import("esbuild");
  buildSync({
    stdin: { contents: `export { detect } from "./src/report/detect"; export { planReport } from "./src/report/plan";`, resolveDir: ROOT, loader: "ts" },
    outfile: file,
    bundle: true,
    platform: "node",
    target: "es2020",
    format: "cjs",
    minify: true,
    logLevel: "warning",
  });
}

/** Detection and planning of the block in `blockFile` once, in a fresh process (a pane just opened: nothing optimised yet). */
const PANE_RUN = `
const { detect, planReport } = require(process.argv[1]);
const block = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
planReport(block, detect(block), { mode: "native", now: new Date(0), hostDrawsCharts: true });
const c = process.cpuUsage(c0);
console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - t0) / 1e6, cpuMs: (c.user + c.system) / 1000 }));`;

/** The command line run with its own CPU time (user + system, from inside) written to stderr's last line. */
const CLI_RUN = `process.on("exit", () => { const c = process.cpuUsage(); process.stderr.write("\\n" + ((c.user + c.system) / 1000)); }); require(process.argv[1]);`;

const RUNS = 5;

/**
 * A 233 × 233 matrix, the number of countries and areas in UN DESA's tables: the task pane's
 * detection and planning of it, and the whole command line from start to written file,
 * detection included. Each run is a fresh process, as a user meets it; medians of five runs of
 * wall and CPU time, with the load average beside them (the CPU time is what the code costs
 * whatever else the machine runs).
 */
export function unDesaMatrix(): void {
  const n = 233;
  const input = syntheticMatrix(n);
  const values: CellValue[][] = [["origin \\ destination", ...input.labels], ...input.cells.map((r, i) => [input.labels[i], ...r])];
  const block = { sheet: "Data", top: 0, left: 0, values, provenance: "bench" };
  const dir = mkdtempSync(join(tmpdir(), "bench-undesa-"));
  try {
    const engineFile = join(dir, "engine.js");
    const blockFile = join(dir, "block.json");
    bundleEngine(engineFile);
    writeFileSync(blockFile, JSON.stringify(block));
    const load = loadavg()[0];
    const pane = Array.from({ length: RUNS }, () => {
      const r = spawnSync(process.execPath, ["-e", PANE_RUN, engineFile, blockFile], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`pane run failed: ${r.stderr}`);
      return JSON.parse(r.stdout.trim()) as { ms: number; cpuMs: number };
    });
    const paneMs = median(pane.map((p) => p.ms));
    emit({ name: "task pane: detect + plan, matrix 233×233 (first run in a fresh process)", figures: { medianMs: round(paneMs, 0), medianCpuMs: round(median(pane.map((p) => p.cpuMs)), 0), load: round(load, 1) }, unit: `ms (median of ${RUNS})`, target: "< 300", met: paneMs < 300 });

    const csv = join(dir, "m233.csv");
    writeFileSync(csv, values.map((r) => r.map((v) => (typeof v === "string" && v.includes("\\") ? `"${v}"` : String(v ?? ""))).join(",")).join("\n") + "\n");
    const cli = Array.from({ length: RUNS }, () => {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ["-e", CLI_RUN, join(ROOT, "bin", "migration-report.js"), csv, "-o", join(dir, "r.xlsx"), "--quiet", "--force"], { encoding: "utf8" });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.status !== 0) throw new Error(`CLI failed: ${r.stderr}`);
      return { ms, cpuMs: Number(r.stderr.trim().split("\n").pop()) };
    });
    const cliMs = median(cli.map((c) => c.ms));
    emit({ name: "CLI report, matrix 233×233 (CSV in, .xlsx out)", figures: { medianMs: round(cliMs, 0), medianCpuMs: round(median(cli.map((c) => c.cpuMs)), 0), load: round(loadavg()[0], 1) }, unit: `ms (median of ${RUNS}; process start and detection included)`, target: "< 1000", met: cliMs < 1000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
