/**
 * bin/migration-report.js runs the compiled command line (build/cli) only while it is current:
 * a source newer than the compiled file sends it back to the TypeScript sources through tsx.
 * Checked on a copy of the bin in a scratch folder laid out as the repository, with stand-ins
 * for the compiled file and the sources that say which one ran.
 */
import { spawnSync } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");

describe("bin/migration-report.js: compiled when current, else the sources", () => {
  let dir: string;
  const run = () => spawnSync(process.execPath, [join(dir, "bin", "migration-report.js")], { encoding: "utf8" });
  const stamp = (file: string, seconds: number) => utimesSync(join(dir, file), seconds, seconds);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "cli-startup-"));
    for (const d of ["bin", "build/cli", "src/cli"]) mkdirSync(join(dir, d), { recursive: true });
    copyFileSync(join(ROOT, "bin", "migration-report.js"), join(dir, "bin", "migration-report.js"));
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const stand = (name: string) => `exports.run = async () => { process.stdout.write("${name}"); return 0; };\n`;
    writeFileSync(join(dir, "build", "cli", "migration-report.js"), stand("compiled"));
    writeFileSync(join(dir, "src", "cli", "main.ts"), `export const run = async (): Promise<number> => { process.stdout.write("sources"); return 0; };\n`);
    writeFileSync(join(dir, "build", "cli", "sources.json"), JSON.stringify(["src/cli/main.ts"]));
    stamp("src/cli/main.ts", 1_000_000);
    stamp("build/cli/migration-report.js", 2_000_000);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("the compiled file runs while no source is newer", () => {
    expect(run().stdout).toBe("compiled");
  });
  test("a source edited after the build: the sources run", () => {
    stamp("src/cli/main.ts", 3_000_000);
    expect(run().stdout).toBe("sources");
  });
  test("no build, or a build without its list of sources: the sources run", () => {
    rmSync(join(dir, "build", "cli", "sources.json"));
    expect(run().stdout).toBe("sources");
    rmSync(join(dir, "build"), { recursive: true });
    expect(run().stdout).toBe("sources");
  });
});
