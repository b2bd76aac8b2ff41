/**
 * Large inputs through the command line: a 1,000,000-cell CSV in a fresh
 * process, its wall time and peak RSS (the child's own maxRSS, from /usr/bin/time -f %M; NaN
 * where /usr/bin/time is missing). Two inputs: a country table (100,000 rows × 10
 * columns) and a long flow list (250,000 rows × 4). Target: under 10 s and under 1 GB each.
 * Then the same two 1,000,000-cell blocks as a selection through the Office.js host and the
 * Excel test double (bench/office-large.ts): syncs and the largest request; target < 5 MB.
 * Run alone with `npx tsx bench/large.ts` or via `npm run bench`.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { writeCountryTableCsv, writeLongListCsv } from "./large-data";
import { emit, ROOT, round } from "./lib";
import { countryTableValues, longListValues, officeLargeRun } from "./office-large";
import { PAYLOAD_LIMIT_BYTES } from "../tests/support/excel-double";

/** Runs the CLI on `csv` in a child process; wall time (ms) and the child's peak RSS (MB). */
export function cliRun(csv: string, out: string): { ms: number; peakRssMB: number; status: number | null; stderr: string } {
  const args = [join(ROOT, "bin", "migration-report.js"), csv, "-o", out, "--force", "--quiet"];
  const time = "/usr/bin/time";
  const t0 = process.hrtime.bigint();
  const r = existsSync(time)
    ? spawnSync(time, ["-f", "maxrss-kb=%M", process.execPath, ...args], { encoding: "utf8" })
    : spawnSync(process.execPath, args, { encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const kb = /maxrss-kb=(\d+)/.exec(r.stderr)?.[1];
  return { ms, peakRssMB: kb ? Number(kb) / 1024 : NaN, status: r.status, stderr: r.stderr };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-large-"));
  try {
    const inputs: [string, string, (p: string) => Promise<void>][] = [
      ["country table, 100,000 rows × 10 columns", "table.csv", (p) => writeCountryTableCsv(p)],
      ["long list, 250,000 rows × 4 columns", "long.csv", (p) => writeLongListCsv(p)],
    ];
    for (const [label, file, write] of inputs) {
      const csv = join(dir, file);
      await write(csv);
      const r = cliRun(csv, join(dir, `${file}.xlsx`));
      if (r.status !== 0) throw new Error(`CLI failed on ${label}: ${r.stderr}`);
      emit({
        name: `CLI report, 1,000,000-cell CSV (${label})`,
        figures: { ms: round(r.ms, 0), peakRssMB: round(r.peakRssMB, 0) },
        unit: "ms (one run, process start included) and MB (child's peak RSS)",
        target: "< 10000 ms and < 1024 MB",
        met: r.ms < 10_000 && r.peakRssMB < 1024,
      });
      rmSync(csv, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  for (const [label, make] of [
    ["long list, 250,000 rows × 4", () => longListValues()],
    ["country table, 100,000 rows × 10", () => countryTableValues()],
  ] as const) {
    const { double, ...r } = await officeLargeRun(make());
    emit({
      name: `office host: 1,000,000-cell selection (${label})`,
      figures: {
        shape: r.shape,
        cells: r.cells,
        readSyncs: r.readSyncs,
        writeSyncs: r.writeSyncs,
        syncs: r.syncs,
        largestRequestBytes: r.largestRequestBytes,
        largestResponseBytes: r.largestResponseBytes,
        wallMs: round(r.ms, 0),
        doubleMs: round(double.stats.doubleMs, 0),
      },
      unit: "syncs, bytes and ms (Excel test double; wallMs includes the double's own time, doubleMs)",
      target: "every request and response < 5 MB",
      met: r.largestRequestBytes < PAYLOAD_LIMIT_BYTES && r.largestResponseBytes < PAYLOAD_LIMIT_BYTES,
    });
  }
}

if (require.main === module) {
  run().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
