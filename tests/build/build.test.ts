/**
 * The build must fail loudly, not ship a bundle Excel cannot load: custom-functions-metadata
 * prints errors for a bad function and writes no file, and nothing else would notice.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { ROOT } from "../../scripts/lib/bundle";

const { checkFunctionsMetadata, CATALOG } = require("../../scripts/check-functions-metadata");

function build(modules: string): { status: number | null; output: string } {
  const dist = mkdtempSync(join(tmpdir(), "dist-"));
  try {
    const r = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, env: { ...process.env, FUNCTION_MODULES: modules, DIST_DIR: dist }, encoding: "utf8" });
    return { status: r.status, output: r.stdout + r.stderr };
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}

describe("checkFunctionsMetadata", () => {
  const complete = JSON.stringify({ functions: CATALOG.map((id: string) => ({ id, name: id, description: "d", helpUrl: "u", parameters: [{ name: "x", description: "x" }] })) });
  test("complete metadata passes", () => expect(checkFunctionsMetadata(complete)).toEqual([]));
  test("no file is a problem", () => expect(checkFunctionsMetadata(undefined)).toEqual([expect.stringMatching(/wrote no functions.json/)]));
  test("a missing catalog function, a missing description or help link are problems", () => {
    const m = JSON.parse(complete);
    m.functions = m.functions.filter((f: { id: string }) => f.id !== "MIGRATION.GINI");
    m.functions[0].description = "";
    delete m.functions[1].helpUrl;
    const problems = checkFunctionsMetadata(JSON.stringify(m));
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/MIGRATION.GINI is absent/), expect.stringMatching(/no description/), expect.stringMatching(/no help URL/)]));
  });
});

describe("npm run build", () => {
  test("fails when metadata generation reports an error (a bad function name)", () => {
    const r = build("./tests/fixtures/bad-name-functions.ts");
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/custom function name "NAME!" should contain only/);
    expect(r.output).toMatch(/wrote no functions.json/);
  }, 120000);
  test("fails when catalog functions are absent from functions.json", () => {
    const r = build("./tests/fixtures/one-function.ts");
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/MIGRATION\.GINI is absent/);
  }, 120000);
});
