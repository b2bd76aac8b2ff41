/**
 * `npm run bench:peer`: our measures against the R packages of the field (migest,
 * migration.indices), side by side on the same random matrices, in one process tree: for every
 * measure of ./measures.ts and every size, a fresh Node process times our function and a fresh
 * R process times the peer, one after the other. Prints R ÷ ours per measure and size, for the
 * median of the first five calls (cold) and of calls after a warm-up (warm). A case whose cold
 * calls are quick is run in three fresh processes per side, alternating, and the medians of
 * theirs are shown: on a shared machine a few cold calls are easily swamped by another process.
 * Warm calls follow a warm-up that lasts until V8 has optimised and its young generation has
 * settled (ours.ts says why). After each size, a floor row: a bare loop building an n × n table,
 * and R's ffs_diff divided by it, the most any JavaScript could gain over R here.
 *
 * Needs R (Rscript with dplyr, tidyr, jsonlite) and the peers' sources: MIGEST_DIR and
 * MIGRATION_INDICES_DIR, each a package source folder with its R/ files (default ../peers/migest
 * and ../peers/migration.indices beside the repository). Without them it says what is missing
 * and exits 2: no comparison, no pass. Exits 1 when a value disagrees or a ratio is under 10.
 *
 * Both sides run on the same processor: every child is pinned (taskset) to the fastest of the
 * processors this process may use. On a virtual machine they can differ: one here ran the same
 * loop 1.5–1.9 times slower than the other, so a side that happened to land on it lost or gained
 * that much, and cold ratios moved by 2× from run to run.
 *
 * Options (environment): BENCH_PEER_SIZES (default 50,150,233); BENCH_PEER_BUDGET_S, the time
 * the R side may spend on one measure and size (default 30; at least one call is always made,
 * so a peer slower than that shows one cold call and no warm figure); BENCH_PEER_CPU, the
 * processor to pin to (default the fastest; "none" not to pin). Arguments: measure ids to run
 * only those.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { DIST, emit, median, ROOT } from "../lib";
import { measures, peerCase, tableFloor } from "./measures";

const TARGET = 10;
const COLD = 5;
const WARM = 15;
/** Fresh processes per side for a case whose cold calls take under 2 s. */
const REPEAT = 3;

interface Timing {
  value: number;
  cold: number[];
  warm: number[];
  /** The minor page faults of each cold call. */
  coldFaults?: number[];
}

function notDone(reason: string): never {
  console.error(`bench:peer not done: ${reason}`);
  process.exit(2);
}

function peerDirs(): { migest: string; indices: string } {
  const migest = resolve(process.env.MIGEST_DIR ?? join(ROOT, "..", "peers", "migest"));
  const indices = resolve(process.env.MIGRATION_INDICES_DIR ?? join(ROOT, "..", "peers", "migration.indices"));
  const need: [string, string, string[]][] = [
    ["MIGEST_DIR", migest, ["sum_region.R", "ipf2.R", "index_impact.R", "index_connectivity.R", "mig_tibble.R"]],
    ["MIGRATION_INDICES_DIR", indices, ["others.R", "gini.R", "acv.R"]],
  ];
  for (const [variable, dir, files] of need) {
    const missing = files.filter((f) => !existsSync(join(dir, "R", f)));
    if (missing.length) notDone(`the R sources are not in ${dir} (missing R/${missing.join(", R/")}); set ${variable} to the package's source folder`);
  }
  return { migest, indices };
}

function checkR(): void {
  const version = spawnSync("Rscript", ["--version"], { encoding: "utf8" });
  if (version.error || version.status !== 0) notDone("R is not installed (Rscript not found): apt-get install -y r-base-core r-cran-dplyr r-cran-tidyr r-cran-jsonlite");
  const pkgs = spawnSync("Rscript", ["-e", 'm <- Filter(function(p) !requireNamespace(p, quietly = TRUE), c("dplyr", "tidyr", "jsonlite")); cat(m); quit(status = length(m) > 0)'], {
    encoding: "utf8",
  });
  if (pkgs.status !== 0) notDone(`R lacks the packages ${pkgs.stdout.trim() || "(dplyr, tidyr, jsonlite)"}`);
}

/** R's jsonlite writes an empty vector as {} and a one-element one as a number. */
const times = (v: unknown): number[] => (Array.isArray(v) ? v : typeof v === "number" ? [v] : []);

function child(command: string, args: string[], env: NodeJS.ProcessEnv, what: string): Timing {
  const out = spawnSync(command, args, { encoding: "utf8", env, maxBuffer: 1 << 24 });
  const line = out.stdout?.trim().split("\n").pop();
  if (out.status !== 0 || !line) throw new Error(`${what} failed (exit ${out.status}):\n${out.stderr}`);
  const t = JSON.parse(line) as Timing;
  return { value: Number(t.value), cold: times(t.cold), warm: times(t.warm), coldFaults: times(t.coldFaults) };
}

const fmt = (ms: number | undefined): string => (ms === undefined ? "—" : ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(4));
const ratio = (r: number | undefined, o: number | undefined): number | undefined => (r === undefined || o === undefined ? undefined : r / o);
const fmtRatio = (x: number | undefined): string => (x === undefined ? "—" : x >= 100 ? `${x.toFixed(0)}×` : `${x.toFixed(1)}×`);
const med = (xs: number[]): number | undefined => (xs.length ? median(xs) : undefined);
/** The median over processes of each one's median cold (or warm) time. */
const across = (ts: Timing[], k: "cold" | "warm"): number | undefined => med(ts.map((t) => med(t[k])).filter((x): x is number => x !== undefined));

/**
 * What a first touch of a fresh page of memory costs here (µs, median of 5 fresh 8 MB buffers):
 * a call that allocates much pays it for every page the heap takes from the system. It was 11 µs
 * on the virtual machine these figures were first taken on, some ten times a bare machine's.
 */
function pageTouchUs(): number {
  const per: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = process.hrtime.bigint();
    const b = Buffer.allocUnsafeSlow(8 << 20);
    for (let i = 0; i < b.length; i += 4096) b[i] = 1;
    per.push(Number(process.hrtime.bigint() - t0) / 1e3 / (b.length / 4096));
  }
  return median(per);
}

/** The processors this process may run on (taskset's list), or none when taskset is missing. */
function allowedCpus(): number[] {
  const out = spawnSync("taskset", ["-cp", String(process.pid)], { encoding: "utf8" });
  if (out.error || out.status !== 0) return [];
  const list = out.stdout.split(":").pop()?.trim() ?? "";
  return list.split(",").flatMap((part) => {
    const [a, b] = part.split("-").map(Number);
    return b === undefined ? [a] : Array.from({ length: b - a + 1 }, (_, k) => a + k);
  });
}

/** ms for a fixed loop in a fresh Node process pinned to `cpu` (the best of three). */
function loopMs(cpu: number): number {
  const code = "let x=0;const t=process.hrtime.bigint();for(let i=0;i<5e7;i++)x+=i;console.log(Number(process.hrtime.bigint()-t)/1e6,x>0)";
  const runs = [0, 1, 2].map(() => Number(spawnSync("taskset", ["-c", String(cpu), process.execPath, "-e", code], { encoding: "utf8" }).stdout.split(" ")[0]));
  return Math.min(...runs);
}

/**
 * The processor every child runs on, and a line saying how it was chosen: the same one for R and
 * for us, so neither side gains by where the system happens to place it.
 */
function chooseCpu(): { pin: string[]; said: string } {
  const asked = process.env.BENCH_PEER_CPU;
  if (asked === "none") return { pin: [], said: "processes not pinned (BENCH_PEER_CPU=none)" };
  const cpus = allowedCpus();
  if (cpus.length === 0) return { pin: [], said: "processes not pinned (taskset not found)" };
  if (asked !== undefined) return { pin: ["taskset", "-c", asked], said: `every process pinned to processor ${asked} (BENCH_PEER_CPU)` };
  const speed = cpus.map((cpu) => ({ cpu, ms: loopMs(cpu) }));
  const best = speed.reduce((a, b) => (b.ms < a.ms ? b : a));
  const each = speed.map((s) => `${s.cpu}: ${s.ms.toFixed(0)} ms`).join(", ");
  return { pin: ["taskset", "-c", String(best.cpu)], said: `a fixed loop per processor (${each}); every process pinned to processor ${best.cpu}` };
}

/** The median over the processes of each one's median page faults per cold call. */
function faultsOf(ts: Timing[]): string {
  const m = med(ts.map((t) => med(t.coldFaults ?? [])).filter((x): x is number => x !== undefined));
  return m === undefined ? "—" : m.toFixed(0);
}

function main(): void {
  const dirs = peerDirs();
  checkR();
  if (!existsSync(join(DIST, "functions.js"))) notDone("dist/functions.js is missing: build first (npm run bench:peer builds it)");
  const sizes = (process.env.BENCH_PEER_SIZES ?? "50,150,233").split(",").map(Number);
  const budget = Number(process.env.BENCH_PEER_BUDGET_S ?? 30);
  const only = process.argv.slice(2);
  const chosen = only.length ? measures.filter((m) => only.includes(m.id)) : measures;
  if (chosen.length === 0) notDone(`no measure named ${only.join(", ")}; known: ${measures.map((m) => m.id).join(", ")}`);

  const tmp = mkdtempSync(join(tmpdir(), "bench-peer-"));
  const env = { ...process.env, MIGEST_DIR: dirs.migest, MIGRATION_INDICES_DIR: dirs.indices };
  const tsx = require.resolve("tsx/cjs");
  const cpu = chooseCpu();
  const pinned = (command: string, args: string[]): [string, string[]] => (cpu.pin.length ? [cpu.pin[0], [...cpu.pin.slice(1), command, ...args]] : [command, args]);
  let failed = false;
  const records: Record<string, unknown>[] = [];
  console.log(
    `R ${spawnSync("Rscript", ["-e", "cat(R.version.string)"], { encoding: "utf8" }).stdout}; Node ${process.version}; load average ${require("os").loadavg().map((x: number) => x.toFixed(2)).join(" ")}; first touch of a fresh 4 KB page ${pageTouchUs().toFixed(2)} µs; ${cpu.said}`,
  );
  console.log("| measure (R peer) | ours | n | R cold | ours cold | R / ours cold | R warm | ours warm | R / ours warm | page faults per cold call, R / ours | processes |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  try {
    for (const n of sizes) {
      const file = join(tmp, `case-${n}.json`);
      writeFileSync(file, JSON.stringify(peerCase(n)));
      let zeroFlows: { cold?: number; warm?: number; value: number } | undefined;
      for (const m of chosen) {
        const runOurs = () => child(...pinned(process.execPath, ["--expose-gc", "--require", tsx, join(__dirname, "ours.ts"), file, m.id, String(COLD), String(WARM), "10"]), env, `${m.ours} ${n}×${n}`);
        const runPeer = () => child(...pinned("Rscript", [join(__dirname, "peer.R"), file, m.setup ?? "", m.r, m.value, String(COLD), String(WARM), String(budget)]), env, `${m.peer} ${n}×${n}`);
        const ours = [runOurs()];
        const peer = [runPeer()];
        // A few cold calls are easily swamped by another process on a busy machine: a fast case
        // is run in more fresh processes, alternating, and each figure is the median of theirs.
        const fast = (t: Timing) => t.cold.reduce((a, b) => a + b, 0) < 2000;
        while (ours.length < REPEAT && fast(ours[0]) && fast(peer[0])) {
          ours.push(runOurs());
          peer.push(runPeer());
        }
        const agree = [...ours, ...peer].every((t) => Math.abs(t.value - peer[0].value) <= 1e-6 * Math.max(1, Math.abs(peer[0].value)));
        const figure = { r: { cold: across(peer, "cold"), warm: across(peer, "warm") }, ours: { cold: across(ours, "cold"), warm: across(ours, "warm") } };
        const cold = ratio(figure.r.cold, figure.ours.cold);
        const warm = ratio(figure.r.warm, figure.ours.warm);
        const short = [cold, warm].some((x) => x !== undefined && x < TARGET);
        if (!agree || short || cold === undefined) failed = true;
        const line = `| ${m.peer} | ${m.ours} | ${n} | ${fmt(figure.r.cold)} | ${fmt(figure.ours.cold)} | ${fmtRatio(cold)} | ${fmt(figure.r.warm)} | ${fmt(figure.ours.warm)} | ${fmtRatio(warm)} | ${faultsOf(peer)} / ${faultsOf(ours)} | ${ours.length} |${agree ? "" : ` values differ: R ${peer[0].value}, ours ${ours[0].value}`}`;
        console.log(line);
        records.push({ name: `peer ${m.id} ${n}x${n}`, figures: { ...figure, runs: { r: peer, ours } }, unit: "ms per call", target: `R / ours >= ${TARGET}`, met: agree && !short });
        if (m.id === "ffs_diff.zero") zeroFlows = { ...figure.r, value: peer[0].value };
      }
      // The floor row: what a bare loop pays for the same n × n table, and R's ffs_diff "zero"
      // (when it ran) divided by it. Information only; it sets no target.
      const floor = Array.from({ length: REPEAT }, () =>
        child(...pinned(process.execPath, ["--expose-gc", "--require", tsx, join(__dirname, "ours.ts"), file, tableFloor.id, String(COLD), String(WARM), "10"]), env, `floor ${n}×${n}`),
      );
      const floorCold = across(floor, "cold");
      const floorWarm = across(floor, "warm");
      const rc = zeroFlows?.cold;
      const rw = zeroFlows?.warm;
      console.log(
        `| ${tableFloor.peer} (R: ffs_diff "zero") | ${tableFloor.ours} | ${n} | ${fmt(rc)} | ${fmt(floorCold)} | ${fmtRatio(ratio(rc, floorCold))} | ${fmt(rw)} | ${fmt(floorWarm)} | ${fmtRatio(ratio(rw, floorWarm))} | — / ${faultsOf(floor)} | ${floor.length} |${!zeroFlows || floor.every((t) => Math.abs(t.value - zeroFlows!.value) <= 1e-6 * Math.abs(zeroFlows!.value)) ? "" : ` values differ: R ${zeroFlows.value}, the loop ${floor[0].value}`}`,
      );
      records.push({ name: `peer ${tableFloor.id} ${n}x${n}`, figures: { ours: { cold: floorCold, warm: floorWarm }, runs: { ours: floor } }, unit: "ms per call" });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(
    `times in ms, medians; cold = the first ${COLD} calls in a fresh process, warm = ${WARM} calls after a warm-up; a case whose cold calls take under 2 s is run in ${REPEAT} fresh processes per side and the median of theirs shown. Target: R / ours ≥ ${TARGET}.`,
  );
  for (const r of records) emit(r);
  process.exitCode = failed ? 1 : 0;
}

main();
