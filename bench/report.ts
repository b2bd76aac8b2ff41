/**
 * Benchmarks of the report engine: planning time for the IAB table (4,116 rows), a
 * synthetic 100,000-row long flow list and a 200×200 matrix; .xlsx write time; the whole CLI on
 * the IAB sample; peak memory of a 100,000-row run in a fresh process.
 * Run alone with `npx tsx bench/report.ts` or via `npm run bench`.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readFileSync } from "fs";
import { writeReportXlsx } from "../src/hosts/xlsx";
import { parseCsv } from "../src/report/csv";
import { planFromInput } from "../src/report/plan";
import { CellValue } from "../src/report/types";
import { LongInput, MatrixInput } from "../src/report/input";
import { sampleInput } from "../tests/support/inputs";
import { emit, medianMs, prng, requireCompiled, ROOT, round, timeMs } from "./lib";

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
 * A 233 × 233 matrix, the number of countries and areas in UN DESA's tables: the task pane's
 * detection and planning of it (the engine compiled as the bundle compiles it, not through
 * tsx), and the whole command line from start to written file, detection included.
 */
export function unDesaMatrix(): void {
  const n = 233;
  const input = syntheticMatrix(n);
  const values: CellValue[][] = [["origin \\ destination", ...input.labels], ...input.cells.map((r, i) => [input.labels[i], ...r])];
  const block = { sheet: "Data", top: 0, left: 0, values, provenance: "bench" };
  const { detect } = requireCompiled<typeof import("../src/report/detect")>(join(ROOT, "src", "report", "detect.ts"));
  const { planReport } = requireCompiled<typeof import("../src/report/plan")>(join(ROOT, "src", "report", "plan.ts"));
  const options = { mode: "native" as const, now: new Date(0), hostDrawsCharts: true };
  const once = () => planReport(block, detect(block), options);
  const first = timeMs(once); // as in a pane just opened: nothing optimised yet
  const median = medianMs(once, 7, 2);
  emit({ name: "task pane: detect + plan, matrix 233×233", figures: { firstMs: round(first, 0), medianMs: round(median, 0) }, unit: "ms", target: "first < 300", met: first < 300 });

  const dir = mkdtempSync(join(tmpdir(), "bench-undesa-"));
  try {
    const csv = join(dir, "m233.csv");
    writeFileSync(csv, values.map((r) => r.map((v) => (typeof v === "string" && v.includes("\\") ? `"${v}"` : String(v ?? ""))).join(",")).join("\n") + "\n");
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [join(ROOT, "bin", "migration-report.js"), csv, "-o", join(dir, "r.xlsx"), "--quiet"], { encoding: "utf8" });
    const cliMs = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`CLI failed: ${r.stderr}`);
    emit({ name: "CLI report, matrix 233×233 (CSV in, .xlsx out)", figures: { ms: round(cliMs, 0) }, unit: "ms (one run, process start and detection included)", target: "< 1000", met: cliMs < 1000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
