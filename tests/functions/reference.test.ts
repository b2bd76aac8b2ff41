/**
 * The generated function reference (docs/functions.md, docs/reference.html) must match what
 * scripts/gen-reference.ts makes from the built add-in now, cover every catalog function with
 * the anchor its helpUrl points to, and show computed examples that do what their entries say.
 */
import { execSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { anchorOf, DIST, errorCodesIn, escapeHtml, exampleFormula, ExampleResult, excelArguments, formatNumber, loadFunctions, LoadedFunctions, OUTPUTS, renderReference, runExample, syntaxOf } from "../../scripts/gen-reference";
import { FunctionName, REFERENCE } from "../../src/functions/reference";
import { DEFINITIONS } from "../../src/indicators/definitions";
import { planDefinitions } from "../../src/report/definitions-sheet";

const ROOT = path.resolve(__dirname, "..", "..");
const CATALOG: string[] = JSON.parse(fs.readFileSync(path.join(ROOT, "src", "functions", "catalog.json"), "utf8")).functions;

let fns: LoadedFunctions;
let rendered: { markdown: string; html: string };
const results = new Map<string, ExampleResult>();

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, "functions.js"))) execSync("npx webpack --mode production", { cwd: ROOT, stdio: "inherit" });
  fns = loadFunctions();
  rendered = renderReference();
  for (const id of CATALOG) results.set(id, runExample(fns, id));
}, 180_000);

test("the committed docs equal freshly generated output", () => {
  const stale = (Object.keys(OUTPUTS) as (keyof typeof OUTPUTS)[])
    .filter((kind) => !fs.existsSync(OUTPUTS[kind]) || fs.readFileSync(OUTPUTS[kind], "utf8") !== rendered[kind])
    .map((kind) => `${path.relative(ROOT, OUTPUTS[kind])} is out of date: run \`npm run docs\``);
  expect(stale).toEqual([]);
});

test("reference.ts has an entry for exactly the catalog functions", () => {
  expect(Object.keys(REFERENCE).sort()).toEqual([...CATALOG].sort());
});

describe.each(CATALOG)("%s", (id) => {
  const entry = REFERENCE[id as FunctionName];
  const definition = DEFINITIONS[id as FunctionName];

  test("has an HTML section with the anchor its helpUrl points to", () => {
    const meta = fns.metadata.get(id)!;
    const fragment = new URL(meta.helpUrl).hash.slice(1);
    expect(fragment).toBe(anchorOf(id));
    expect(rendered.html.split(`<section class="function" id="${fragment}">`)).toHaveLength(2);
    expect(rendered.html).toContain(`<a href="#${fragment}">${id}</a>`);
  });

  test("has a Markdown section with its anchor, syntax, formula and source", () => {
    const meta = fns.metadata.get(id)!;
    const md = rendered.markdown;
    const start = md.indexOf(`<a id="${anchorOf(id)}"></a>\n\n## ${id}\n`);
    expect(start).toBeGreaterThan(-1);
    const next = md.indexOf('<a id="', start + 1);
    const section = md.slice(start, next < 0 ? undefined : next);
    expect(section).toContain(syntaxOf(meta));
    expect(section).toContain(definition.formula);
    expect(section).toContain("**Source:**");
    for (const p of meta.parameters) expect(section).toContain(`| \`${p.name}\` | ${p.optional ? "optional" : "required"} |`);
  });

  test("its HTML section shows the escaped formula, source and notes", () => {
    const start = rendered.html.indexOf(`<section class="function" id="${anchorOf(id)}">`);
    const section = rendered.html.slice(start, rendered.html.indexOf("</section>", start));
    expect(section).toContain(`<p>${escapeHtml(definition.meaning)}</p>`);
    expect(section).toContain(escapeHtml(definition.formula));
    expect(section).toContain(escapeHtml(definition.citation));
    expect(section.match(/<li>/g)).toHaveLength(entry.notes.length);
  });

  test("its example's computed result holds exactly the errors it says it demonstrates", () => {
    const result = results.get(id)!;
    expect(errorCodesIn(result)).toEqual([...(entry.example.demonstrates ?? [])]);
  });

  test("its example's arguments have the shapes Excel passes, and its section shows every cell of the computed result", () => {
    const meta = fns.metadata.get(id)!;
    expect(() => excelArguments(meta, entry)).not.toThrow();
    const start = rendered.html.indexOf(`<section class="function" id="${anchorOf(id)}">`);
    const section = rendered.html.slice(start, rendered.html.indexOf("</section>", start));
    const shown = section.slice(section.indexOf("<dt>Result</dt>"), section.indexOf("</dl>"));
    const result = results.get(id)!;
    for (const cell of Array.isArray(result) ? result.flat() : [result]) {
      const text = typeof cell === "number" ? formatNumber(cell) : typeof cell === "string" ? cell : typeof cell === "boolean" ? String(cell).toUpperCase() : cell.code;
      expect(shown).toContain(`>${escapeHtml(text)}<`);
    }
  });
});

test("the Definitions sheet of a report shows each function's meaning, formula and source as its reference section does", () => {
  const sheet = planDefinitions(CATALOG, new Map(), [], { source: "data.csv", built: new Date(0), mode: "native", detection: [] });
  const rows = sheet.tables[0].rows.map((r) => r.map((c) => c.value));
  expect(rows.map((r) => r[1])).toEqual(CATALOG);
  for (const [, id, meaning, formula, source] of rows) {
    const start = rendered.html.indexOf(`<section class="function" id="${anchorOf(String(id))}">`);
    const section = rendered.html.slice(start, rendered.html.indexOf("</section>", start));
    // The meaning is the tooltip Excel shows for the function (its description in the metadata).
    expect(meaning).toBe(fns.metadata.get(String(id))!.description);
    expect(section).toContain(`<p>${escapeHtml(String(meaning))}</p>`);
    expect(section).toContain(`<p class="formula">${escapeHtml(String(formula))}</p>`);
    expect(section).toContain(`<p class="source">${escapeHtml(String(source))}</p>`);
  }
});

test("the page is self-contained: no scripts, no external resources", () => {
  const { html } = rendered;
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<link/i);
  expect(html).not.toMatch(/\b(src|href)\s*=\s*"(?!#)/i);
  expect(html).not.toMatch(/@import|url\(/i);
  expect(html).toMatch(/^<!doctype html>/);
});

test("text is escaped as HTML", () => {
  expect(escapeHtml(`<b a="1">&'`)).toBe("&lt;b a=&quot;1&quot;&gt;&amp;&#39;");
  // CIRCULATION.INDEX's formula holds "i < j": it must appear escaped, never raw.
  expect(DEFINITIONS["CIRCULATION.INDEX"].formula).toContain("i < j");
  expect(rendered.html).toContain("i &lt; j");
  expect(rendered.html).not.toContain("i < j");
});

test("numbers show 6 significant digits, whole numbers in full", () => {
  expect(formatNumber(0.19499207)).toBe("0.194992");
  expect(formatNumber(8.800559385555945e-6)).toBe("0.00000880056");
  expect(formatNumber(-103228)).toBe("-103228");
  expect(formatNumber(-0)).toBe("0");
});

test("an example becomes a pasteable formula with array constants", () => {
  const meta = fns.metadata.get("MIGRATION.CORRIDORS")!;
  expect(exampleFormula(meta, excelArguments(meta, REFERENCE["MIGRATION.CORRIDORS"]))).toBe(
    '=MIGRATION.CORRIDORS({0,20,125;87,0,107;314,37,0}, {"BE","BG","CZ"}, 3)',
  );
  // A blank cell cannot be written as a constant: no formula then.
  const rr = fns.metadata.get("CIRCULATION.RETURNRATE")!;
  expect(exampleFormula(rr, excelArguments(rr, REFERENCE["CIRCULATION.RETURNRATE"]))).toBeUndefined();
});
