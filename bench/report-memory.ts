/**
 * Run in a fresh process by bench/report.ts: plans and writes the report of a synthetic
 * 100,000-row long list, then prints its timings and the process's peak memory as JSON.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { saveReportXlsx } from "../src/hosts/xlsx";
import { planFromInput } from "../src/report/plan";
import { syntheticLongList } from "./report";

async function main(): Promise<void> {
  const input = syntheticLongList(100_000, 100);
  const t0 = performance.now();
  const plan = planFromInput(input, { mode: "native", source: "bench", now: new Date(0) });
  const t1 = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "bench-memory-"));
  try {
    const values = [["orig", "dest", "flow", "year"], ...input.origin.values.map((o, r) => [o, input.destination.values[r], input.flow.values[r], input.year!.values[r]])];
    const { bytes } = await saveReportXlsx(plan, join(dir, "report.xlsx"), { source: { sheet: "Data", top: 0, left: 0, values: values as never } });
    const t2 = performance.now();
    console.log(JSON.stringify({ planMs: Math.round(t1 - t0), xlsxWriteMs: Math.round(t2 - t1), bytes, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
