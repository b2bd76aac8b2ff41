/**
 * Run in a fresh process by bench/report.ts: the whole command line on a synthetic
 * 100,000-row long flow list (CSV in, .xlsx report out), then the process's peak memory.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../src/cli/main";
import { syntheticLongList } from "./report";

async function main(): Promise<void> {
  const list = syntheticLongList(100_000, 100);
  const dir = mkdtempSync(join(tmpdir(), "bench-memory-"));
  try {
    const csv = join(dir, "flows.csv");
    const lines = ["orig,dest,flow,year", ...list.origin.values.map((o, r) => `${o},${list.destination.values[r]},${list.flow.values[r]},${list.year!.values[r]}`)];
    writeFileSync(csv, lines.join("\n"));
    const before = process.resourceUsage().maxRSS;
    const t0 = performance.now();
    const code = await run([csv, "-o", join(dir, "report.xlsx"), "--quiet"], { stdout: () => undefined, stderr: (s) => process.stderr.write(`${s}\n`), now: () => new Date(0) });
    if (code !== 0) throw new Error(`CLI exit ${code}`);
    console.log(JSON.stringify({ cliMs: Math.round(performance.now() - t0), peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), rssBeforeMB: Math.round(before / 1024) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
