/**
 * The air-gapped pane build (office.js from the npm package) that the browser suites serve:
 * made once per jest run and shared. Suites run in parallel workers, so the first to ask takes
 * a lock (an atomic mkdir) and builds; the others wait for its "done" or "failed" mark. Outside
 * a jest run with the global set-up (one suite run by path with another config), each call
 * builds into its own folder.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
const WAIT_MS = 600_000;

function build(dist: string): void {
  const r = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, env: { ...process.env, OFFICE_JS: "local", DIST_DIR: dist }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`the air-gapped build failed:\n${r.stdout}\n${r.stderr}`);
}

/** The folder holding the air-gapped build, and whether the caller owns it (and removes it). */
export async function airGappedBuild(prefix: string): Promise<{ dist: string; owned: boolean }> {
  const root = process.env.PANE_BUILD_ROOT;
  if (!root || !existsSync(root)) {
    const dist = mkdtempSync(join(tmpdir(), prefix));
    build(dist);
    return { dist, owned: true };
  }
  const dist = join(root, "dist");
  const done = join(root, "done");
  const failed = join(root, "failed");
  let builder = false;
  try {
    mkdirSync(join(root, "lock"));
    builder = true;
  } catch {
    // another suite is building it
  }
  if (builder) {
    try {
      build(dist);
      writeFileSync(done, "");
    } catch (e) {
      writeFileSync(failed, String((e as Error).message));
      throw e;
    }
    return { dist, owned: false };
  }
  for (let waited = 0; waited < WAIT_MS; waited += 250) {
    if (existsSync(done)) return { dist, owned: false };
    if (existsSync(failed)) throw new Error(readFileSync(failed, "utf8"));
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the shared air-gapped build in ${root} did not finish in ${WAIT_MS / 1000} s`);
}
