import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/**
 * Installs a Debian package the tests need when it is missing and we are root (as in CI);
 * otherwise throws with the exact command to run. A missing tool is a failure, never a skip.
 * Test files run in parallel workers: one installs under a lock, the others wait for it.
 */
export function ensureInstalled(what: string, find: () => string | null, command: string): string {
  const found = find();
  if (found) return found;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (!root) throw new Error(`${what} is not installed; the tests need it. Install it with: sudo sh -c '${command}'`);
  const lock = join(tmpdir(), `migration-analytics-install-${what.replace(/\W+/g, "-").toLowerCase()}.lock`);
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
      process.stderr.write(`${what} is missing; installing it: ${command}\n`);
      execFileSync("sh", ["-c", command.replace("apt-get install", "apt-get -o DPkg::Lock::Timeout=300 install")], {
        stdio: ["ignore", "inherit", "inherit"],
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  const installed = find();
  if (!installed) throw new Error(`'${command}' ran but ${what} is still missing`);
  return installed;
}

/** The path of a command on PATH, or null. */
export function which(cmd: string): string | null {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

/** Poppler's PDF tools (pdfimages, pdftotext, pdftoppm), for checks of what LibreOffice prints. */
export function ensurePoppler(): void {
  ensureInstalled("poppler-utils (pdfimages, pdftotext, pdftoppm)", () => which("pdfimages"), "apt-get update && apt-get install -y --no-install-recommends poppler-utils");
}
