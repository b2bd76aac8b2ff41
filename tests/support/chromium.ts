/**
 * Headless Chromium for the task pane's browser tests: Debian's `chromium` package, driven by
 * playwright-core (never `npx playwright install`, which downloads browsers from the network).
 * A missing Chromium is installed with apt when we are root; otherwise the tests fail with the
 * command to run. They are never skipped.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

export const CHROMIUM = "/usr/bin/chromium";

/** The one command that installs what these tests need (Debian/Ubuntu). */
export const INSTALL_COMMAND = "apt-get update && apt-get install -y chromium";

/** Flags for a quiet, offline headless run (no sandbox: CI runs as root in a container). */
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** The path of Chromium, installing it with apt when it is missing and we are root. */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (!root) throw new Error(`Chromium is not installed at ${CHROMIUM}; the task pane's browser tests need it. Install it with: sudo sh -c '${INSTALL_COMMAND}'`);
  // Test files may run in parallel workers: one installs, the others wait for it.
  const lock = join(tmpdir(), "migration-analytics-chromium-install.lock");
  if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 20 * 60_000) rmSync(lock, { recursive: true, force: true }); // stale
  let mine = false;
  try {
    mkdirSync(lock);
    mine = true;
  } catch {
    const deadline = Date.now() + 20 * 60_000;
    while (existsSync(lock) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  }
  if (mine) {
    try {
      process.stderr.write(`Chromium is missing; installing it: ${INSTALL_COMMAND}\n`);
      execFileSync("sh", ["-c", INSTALL_COMMAND.replace("apt-get install", "apt-get -o DPkg::Lock::Timeout=300 install")], {
        stdio: ["ignore", "inherit", "inherit"],
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  if (!existsSync(CHROMIUM)) throw new Error(`'${INSTALL_COMMAND}' ran but ${CHROMIUM} is still missing`);
  return CHROMIUM;
}
