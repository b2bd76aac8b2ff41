/**
 * The command line piped into a reader that has gone (`migration-report … | head -1`): a closed
 * standard output ends the output quietly; the command neither dies with EPIPE nor prints a
 * stack trace, and the report is still written.
 */
import { spawn } from "child_process";
import { existsSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { SAMPLES } from "../support/samples";

jest.setTimeout(120_000);
const BIN = join(__dirname, "..", "..", "bin", "migration-report.js");
const DIR = mkdtempSync(join(tmpdir(), "cli-pipe-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** Runs the CLI with its standard output (or error) closed before it writes a line. */
function withClosed(stream: "stdout" | "stderr", args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, MIGRATION_REPORT_DEBUG: "" } });
    child[stream].destroy(); // the reader has gone: the child's next write to it fails with EPIPE
    let stderr = "";
    if (stream === "stdout") child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => done({ code, stderr }));
  });
}

test("stdout closed (| head): exit 0, no EPIPE, the report written", async () => {
  const out = join(DIR, "uk.xlsx");
  const r = await withClosed("stdout", [join(SAMPLES, "uk-interregional-flows-2018.csv"), "-o", out]);
  expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
  expect(r.code).toBe(0);
  expect(existsSync(out)).toBe(true);
});

test("stderr closed too (2>&1 | head): exit 0, the report written", async () => {
  const out = join(DIR, "uk2.xlsx");
  const r = await withClosed("stderr", [join(SAMPLES, "uk-interregional-flows-2018.csv"), "-o", out]);
  expect(r.code).toBe(0);
  expect(existsSync(out)).toBe(true);
});

test("--help into a closed pipe: exit 0", async () => {
  expect((await withClosed("stdout", ["--help"])).code).toBe(0);
});
