/**
 * Ukrainian function metadata (dist/functions.uk.json, loaded by Excel in Ukrainian through the
 * manifest's Override): the same functions, ids, names and arguments as functions.json, every
 * description translated; a missing or stale translation fails the build.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { DIST, readMetadata, ROOT } from "../../scripts/lib/bundle";

const { localizeFunctionsMetadata, readTable } = require("../../scripts/localize-functions-metadata");

const metadata = readMetadata();

test("functions.uk.json lists the same functions, ids, names, arguments and types, with Ukrainian descriptions", () => {
  const uk = JSON.parse(readFileSync(join(DIST, "functions.uk.json"), "utf8")).functions as typeof metadata;
  expect(uk.map((f) => [f.id, f.name, f.helpUrl, f.result])).toEqual(metadata.map((f) => [f.id, f.name, f.helpUrl, f.result]));
  uk.forEach((f, i) => {
    const en = metadata[i];
    expect(f.parameters.map((p) => ({ ...p, description: "" }))).toEqual(en.parameters.map((p) => ({ ...p, description: "" })));
    expect(f.description).not.toBe(en.description);
    expect(f.description).toMatch(/[а-яіїєґ]/i);
    f.parameters.forEach((p, k) => {
      expect(p.description).not.toBe(en.parameters[k].description);
      expect(p.description).toMatch(/[а-яіїєґ]/i);
    });
  });
});

test("a function or argument without a translation, or a stale entry, is a build problem", () => {
  const json = JSON.stringify({ functions: metadata });
  const table = readTable();
  expect(localizeFunctionsMetadata(json, table).problems).toEqual([]);
  const missing = JSON.parse(JSON.stringify(table));
  delete missing["MIGRATION.GINI"];
  delete missing["BRAINDRAIN.NET"].parameters.base;
  missing["MIGRATION.NOPE"] = { description: "x", parameters: {} };
  missing["MIGRATION.MEI"].parameters.extra = "x";
  const r = localizeFunctionsMetadata(json, missing);
  expect(r.json).toBeUndefined();
  expect(r.problems).toEqual(
    expect.arrayContaining([
      "MIGRATION.GINI has no uk description",
      "BRAINDRAIN.NET argument base has no uk description",
      "the uk table has an entry for MIGRATION.NOPE, which is not a function",
      "MIGRATION.MEI: the uk table describes an argument 'extra' the function does not have",
    ]),
  );
});

test("the manifest points Excel in Ukrainian at functions.uk.json", () => {
  const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
  expect(manifest).toMatch(/<bt:Url id="Functions.Metadata.Url" DefaultValue="https:\/\/localhost:3000\/functions.json">\s*(<!--[^]*?-->\s*)?<bt:Override Locale="uk-UA" Value="https:\/\/localhost:3000\/functions.uk.json" \/>/);
});

test("npm run build fails when a function lacks a Ukrainian description", () => {
  const dir = mkdtempSync(join(tmpdir(), "uk-table-"));
  const dist = mkdtempSync(join(tmpdir(), "dist-"));
  try {
    const table = readTable();
    delete table["MIGRATION.GINI"];
    const file = join(dir, "metadata.uk.json");
    writeFileSync(file, JSON.stringify(table));
    const r = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, env: { ...process.env, FUNCTIONS_UK_TABLE: file, DIST_DIR: dist }, encoding: "utf8" });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/functions\.uk\.json: MIGRATION\.GINI has no uk description/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(dist, { recursive: true, force: true });
  }
}, 120000);
