/**
 * Generates the function reference, docs/functions.md and docs/reference.html (the page every
 * function's helpUrl points to), from what Excel loads: the metadata in dist/functions.json and
 * the functions in dist/functions.js. Each function's meaning, formula and citation come from its
 * definition (src/indicators/definitions/, which the Definitions sheet of a report also shows);
 * its example arguments and notes from src/functions/reference.ts. Every example result is
 * computed here by calling the built function the way Excel does, never typed in.
 *
 * Run `npm run docs` (build, then `npx tsx scripts/gen-reference.ts`).
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { FunctionName, REFERENCE, ReferenceEntry, ExampleArgument, ExampleCell } from "../src/functions/reference";
import { definitionOf, MeasureDefinition } from "../src/indicators/definitions";
import { CustomFunctionsError, makeCustomFunctions } from "./lib/custom-functions-runtime";

const ROOT = path.resolve(__dirname, "..");
export const DIST = path.join(ROOT, "dist");
export const OUTPUTS = { markdown: path.join(ROOT, "docs", "functions.md"), html: path.join(ROOT, "docs", "reference.html") } as const;
const CATALOG: string[] = JSON.parse(fs.readFileSync(path.join(ROOT, "src", "functions", "catalog.json"), "utf8")).functions;

// ---------------------------------------------------------------------------------------------
// What Excel loads

export interface ParameterMetadata {
  name: string;
  description?: string;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
  type?: string;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  helpUrl: string;
  parameters: ParameterMetadata[];
  result?: { dimensionality?: string };
}

/** One cell of a computed result: a number, a text, or an Excel error. */
export type ResultCell = number | string | boolean | CustomFunctionsError;
/** A result as a function returns it, or the error it throws. */
export type ExampleResult = ResultCell | ResultCell[][];

export interface LoadedFunctions {
  metadata: Map<string, FunctionMetadata>;
  registered: Map<string, Function>;
}

/**
 * Loads dist/functions.json and runs dist/functions.js in a fresh `vm` context whose only
 * global is a stand-in for Excel's `CustomFunctions`; returns the metadata and what the bundle
 * associated.
 */
export function loadFunctions(dist = DIST): LoadedFunctions {
  const json = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")) as { functions: FunctionMetadata[] };
  const cf = makeCustomFunctions();
  const file = path.join(dist, "functions.js");
  vm.runInContext(fs.readFileSync(file, "utf8"), vm.createContext({ CustomFunctions: cf }), { filename: file });
  return { metadata: new Map(json.functions.map((f) => [f.id, f])), registered: cf.registered };
}

/** The HTML anchor of a function: lower case, the dot replaced by a hyphen (BRAINDRAIN.RATE → braindrain-rate). */
export function anchorOf(id: string): string {
  return id.toLowerCase().replace(/\./g, "-");
}

/** The arguments of an example as Excel passes them: range parameters as 2-D arrays, omitted optional ones as null. */
export function excelArguments(meta: FunctionMetadata, entry: ReferenceEntry): ExampleArgument[] {
  const args = entry.example.args;
  if (args.length > meta.parameters.length) throw new Error(`${meta.id}: the example has ${args.length} arguments but the function takes ${meta.parameters.length}`);
  return meta.parameters.map((p, k) => {
    const a = k < args.length ? args[k] : null;
    if (a === null) {
      if (!p.optional) throw new Error(`${meta.id}: the example leaves out the required argument ${p.name}`);
      return null;
    }
    if (Array.isArray(a)) {
      if (p.dimensionality !== "matrix") throw new Error(`${meta.id}: ${p.name} is a scalar parameter; give the example a single value`);
      if (a.length === 0 || a.some((row) => !Array.isArray(row) || row.length === 0 || row.length !== a[0].length)) {
        throw new Error(`${meta.id}: ${p.name} is not a rectangular 2-D array`);
      }
    } else if (p.dimensionality === "matrix") {
      throw new Error(`${meta.id}: ${p.name} is a range parameter; give the example a 2-D array (e.g. [[120]])`);
    }
    return a;
  });
}

/** Calls the registered function with the example's arguments (a copy), returning its result or the Excel error it throws. */
export function runExample(fns: LoadedFunctions, id: string): ExampleResult {
  const meta = fns.metadata.get(id);
  const fn = fns.registered.get(id);
  const entry = REFERENCE[id as FunctionName];
  if (!meta) throw new Error(`${id} is not in dist/functions.json`);
  if (!fn) throw new Error(`${id} is not registered by dist/functions.js`);
  if (!entry) throw new Error(`${id} has no entry in src/functions/reference.ts`);
  const args = JSON.parse(JSON.stringify(excelArguments(meta, entry))) as ExampleArgument[];
  let out: unknown;
  try {
    out = fn(...args);
  } catch (e) {
    if (e instanceof CustomFunctionsError) return e;
    throw new Error(`${id} threw something other than an Excel error on its example: ${String(e)}`);
  }
  return checkResult(id, out);
}

function checkResult(id: string, out: unknown): ExampleResult {
  const cell = (v: unknown): ResultCell => {
    if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v instanceof CustomFunctionsError) return v;
    throw new Error(`${id} returned a cell Excel cannot show: ${String(v)}`);
  };
  if (Array.isArray(out)) return out.map((row: unknown) => (Array.isArray(row) ? row.map(cell) : [cell(row)]));
  return cell(out);
}

/** The Excel error codes in a result, in order of appearance, each once. */
export function errorCodesIn(result: ExampleResult): string[] {
  const cells = Array.isArray(result) ? result.flat() : [result];
  return [...new Set(cells.filter((c): c is CustomFunctionsError => c instanceof CustomFunctionsError).map((c) => c.code))];
}

// ---------------------------------------------------------------------------------------------
// Text

/** A number to 6 significant digits; whole numbers in full (a count is not rounded). */
export function formatNumber(x: number): string {
  if (Object.is(x, -0)) return "0";
  if (Number.isInteger(x) || !Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}

function formatResultCell(c: ResultCell): string {
  if (c instanceof CustomFunctionsError) return c.code;
  if (typeof c === "number") return formatNumber(c);
  if (typeof c === "boolean") return c ? "TRUE" : "FALSE";
  return c;
}

/** An input cell as the user typed it. */
function formatInputCell(c: ExampleCell): string {
  if (c === null) return "(blank)";
  if (typeof c === "boolean") return c ? "TRUE" : "FALSE";
  return String(c);
}

/** The syntax line, optional arguments in [ ]: BRAINDRAIN.NET(skilled_emigrants, skilled_immigrants, [base]). */
export function syntaxOf(meta: FunctionMetadata): string {
  return `${meta.name}(${meta.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
}

/**
 * The example as a formula with array constants (en-US separators: "," between columns, ";"
 * between rows), or undefined when an argument holds a blank, which a constant cannot.
 */
export function exampleFormula(meta: FunctionMetadata, args: readonly ExampleArgument[]): string | undefined {
  const constant = (v: ExampleCell): string | undefined => {
    if (v === null) return undefined;
    if (typeof v === "string") return `"${v.replace(/"/g, '""')}"`;
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    return String(v);
  };
  let last = args.length;
  while (last > 0 && args[last - 1] === null) last--;
  const parts: string[] = [];
  for (let k = 0; k < last; k++) {
    const a = args[k];
    if (a === null) {
      parts.push("");
      continue;
    }
    if (!Array.isArray(a)) {
      const c = constant(a);
      if (c === undefined) return undefined;
      parts.push(c);
      continue;
    }
    const rows: string[] = [];
    for (const row of a) {
      const cells = row.map(constant);
      if (cells.some((c) => c === undefined)) return undefined;
      rows.push(cells.join(","));
    }
    parts.push(a.length === 1 && a[0].length === 1 ? rows[0] : `{${rows.join(";")}}`);
  }
  return `=${meta.name}(${parts.join(", ")})`;
}

/** Inline text: `code` spans and plain text, alternately. */
function spans(text: string): { code: boolean; text: string }[] {
  return text.split("`").map((t, k) => ({ code: k % 2 === 1, text: t }));
}

// ---- HTML

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function htmlInline(text: string): string {
  return spans(text)
    .map((s) => (s.code ? `<code>${escapeHtml(s.text)}</code>` : escapeHtml(s.text)))
    .join("");
}

function htmlGrid(rows: string[][], cellClass?: (r: number, c: number) => string | undefined): string {
  const body = rows
    .map((row, r) => {
      const tds = row.map((v, c) => {
        const cls = cellClass?.(r, c);
        return `<td${cls ? ` class="${cls}"` : ""}>${escapeHtml(v)}</td>`;
      });
      return `<tr>${tds.join("")}</tr>`;
    })
    .join("");
  return `<table class="grid"><tbody>${body}</tbody></table>`;
}

function htmlInput(a: ExampleArgument): string {
  if (a === null) return `<span class="muted">(left out)</span>`;
  if (!Array.isArray(a)) return `<code>${escapeHtml(formatInputCell(a))}</code>`;
  if (a.length === 1 && a[0].length === 1) return `<code>${escapeHtml(formatInputCell(a[0][0]))}</code>`;
  return htmlGrid(
    a.map((row) => row.map(formatInputCell)),
    (r, c) => (a[r][c] === null ? "blank" : typeof a[r][c] === "number" ? "num" : undefined),
  );
}

function htmlResult(result: ExampleResult): string {
  if (!Array.isArray(result)) return `<code class="${result instanceof CustomFunctionsError ? "error" : "value"}">${escapeHtml(formatResultCell(result))}</code>`;
  if (result.length === 1 && result[0].length === 1) return htmlResult(result[0][0]);
  return htmlGrid(
    result.map((row) => row.map(formatResultCell)),
    (r, c) => (result[r][c] instanceof CustomFunctionsError ? "error" : typeof result[r][c] === "number" ? "num" : undefined),
  );
}

// ---- Markdown

/** Markdown prose: characters that would start emphasis, links, HTML or code are escaped. */
function mdEscape(s: string): string {
  return s.replace(/[\\`*_[\]<>~]/g, (c) => `\\${c}`).replace(/&(?=#?\w+;)/g, "&amp;");
}

function mdInline(text: string): string {
  return spans(text)
    .map((s) => (s.code ? `\`${s.text}\`` : mdEscape(s.text)))
    .join("");
}

/** A paragraph that must not start a list, a heading or a quote. */
function mdParagraph(text: string): string {
  const md = mdInline(text);
  return /^(\d+[.)]\s|[-+*#>]|=+\s*$)/.test(md) ? `\\${md}` : md;
}

function mdCell(s: string): string {
  return mdEscape(s).replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function mdGrid(rows: string[][]): string {
  const cols = rows[0].length;
  const head = `|${" |".repeat(cols)}`;
  const rule = `|${"---|".repeat(cols)}`;
  return [head, rule, ...rows.map((row) => `| ${row.map((v) => (v === "" ? " " : mdCell(v))).join(" | ")} |`)].join("\n");
}

function mdInput(a: ExampleArgument): string {
  if (a === null) return "(left out)";
  if (!Array.isArray(a)) return `\`${formatInputCell(a)}\``;
  if (a.length === 1 && a[0].length === 1) return `\`${formatInputCell(a[0][0])}\``;
  return mdGrid(a.map((row) => row.map(formatInputCell)));
}

function mdResult(result: ExampleResult): string {
  if (!Array.isArray(result)) return `\`${formatResultCell(result)}\``;
  if (result.length === 1 && result[0].length === 1) return mdResult(result[0][0]);
  return mdGrid(result.map((row) => row.map(formatResultCell)));
}

// ---------------------------------------------------------------------------------------------
// The page

const TITLE = "Migration Analytics for Excel — function reference";
const GENERATED = "Generated by scripts/gen-reference.ts from dist/functions.json, dist/functions.js, src/indicators/definitions and src/functions/reference.ts: do not edit by hand; run `npm run docs`.";
const INTRO = [
  "Shares and rates are returned as fractions: format the cell as %. Per-1,000 rates take an optional `per`.",
  "Range arguments accept a cell, a range or an array constant. A blank cell is a missing value (#N/A), never a silent 0; in an origin × destination matrix a blank is no recorded flow (0) and the diagonal is ignored.",
  "Errors: text or a wrong shape gives #VALUE! with a message naming the argument; a negative count #NUM!; a zero denominator #DIV/0!; a missing value #N/A. In a spilled result each bad element carries its own error and the rest still compute.",
  "Some Excel desktop builds pass a blank cell as 0, which no function can tell from a real zero: where a function expects a number, check for blanks yourself (ISBLANK, COUNTBLANK).",
  "Every example below is computed by calling the function as Excel does; “In a cell” gives it as a formula with array constants (English separators) that you can paste into Excel.",
];

interface Section {
  id: string;
  anchor: string;
  meta: FunctionMetadata;
  definition: MeasureDefinition;
  entry: ReferenceEntry;
  args: ExampleArgument[];
  formula?: string;
  result: ExampleResult;
}

function sections(fns: LoadedFunctions): Section[] {
  return CATALOG.map((id) => {
    const meta = fns.metadata.get(id);
    if (!meta) throw new Error(`${id} is in the catalog but not in dist/functions.json: rebuild (npx webpack --mode production)`);
    const entry = REFERENCE[id as FunctionName];
    if (!entry) throw new Error(`${id} has no entry in src/functions/reference.ts`);
    const definition = definitionOf(id);
    if (!definition) throw new Error(`${id} has no definition in src/indicators/definitions`);
    // The meaning is the tooltip Excel shows; one text, so the reference and the report agree with it.
    if (definition.meaning !== meta.description) throw new Error(`${id}: its meaning in src/indicators/definitions differs from its description in src/functions (the JSDoc): make them the same`);
    const anchor = anchorOf(id);
    const fragment = new URL(meta.helpUrl).hash.slice(1);
    if (fragment !== anchor) throw new Error(`${id}: its helpUrl points to #${fragment}, but its section is #${anchor}`);
    const args = excelArguments(meta, entry);
    return { id, anchor, meta, definition, entry, args, formula: exampleFormula(meta, args), result: runExample(fns, id) };
  });
}

function families(list: Section[]): [string, Section[]][] {
  const out = new Map<string, Section[]>();
  for (const s of list) {
    const family = s.id.split(".")[0];
    out.set(family, [...(out.get(family) ?? []), s]);
  }
  return [...out];
}

function renderMarkdown(list: Section[]): string {
  const lines: string[] = [`# ${TITLE}`, "", `<!-- ${GENERATED.replace(/`/g, "")} -->`, ""];
  for (const p of INTRO) lines.push(`- ${mdInline(p)}`);
  lines.push("", "## Contents", "");
  for (const [family, members] of families(list)) {
    lines.push(`- **${family}**: ${members.map((s) => `[${s.id}](#${s.anchor})`).join(", ")}`);
  }
  for (const s of list) {
    const { meta, definition, entry } = s;
    lines.push("", `<a id="${s.anchor}"></a>`, "", `## ${s.id}`, "", mdParagraph(definition.meaning), "", "```text", syntaxOf(meta), "```", "");
    lines.push("| Argument | | Description |", "|---|---|---|");
    for (const p of meta.parameters) lines.push(`| \`${p.name}\` | ${p.optional ? "optional" : "required"} | ${mdCell(p.description ?? "")} |`);
    lines.push("", "**Formula**", "", "```text", definition.formula, "```", "");
    lines.push("**Example**", "", `Data: ${mdInline(entry.example.data)}`, "");
    meta.parameters.forEach((p, k) => {
      const input = mdInput(s.args[k]);
      lines.push(input.includes("\n") ? `\`${p.name}\`:\n\n${input}\n` : `\`${p.name}\`: ${input}\n`);
    });
    if (s.formula) lines.push("In a cell:", "", "```text", s.formula, "```", "");
    const result = mdResult(s.result);
    lines.push(result.includes("\n") ? `Result:\n\n${result}` : `Result: ${result}`, "");
    lines.push("**Notes**", "");
    for (const n of entry.notes) lines.push(`- ${mdInline(n)}`);
    lines.push("", `**Source:** ${mdInline(definition.citation)}`);
  }
  return `${lines.join("\n")}\n`;
}

const CSS = `
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #ffffff; --muted: #5c5c5c; --line: #d0d0d0; --head: #f3f3f3; --accent: #185abd; --error: #a4262c; --code: #f5f5f5; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8e8e8; --bg: #1f1f1f; --muted: #a8a8a8; --line: #484848; --head: #2b2b2b; --accent: #6ea8fe; --error: #ff8a80; --code: #2b2b2b; }
}
* { box-sizing: border-box; }
body { margin: 0; padding: 12px 16px 48px; max-width: 56rem; font: 14px/1.5 "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.4rem; margin: 0.4em 0; }
h2 { font-size: 1.15rem; margin: 0; padding-top: 0.4em; }
h3 { font-size: 0.95rem; margin: 1.1em 0 0.3em; }
a { color: var(--accent); }
p, ul { margin: 0.4em 0; }
ul { padding-left: 1.3em; }
code, pre { font-family: Consolas, "Cascadia Mono", Menlo, monospace; font-size: 0.92em; }
code { background: var(--code); padding: 0 0.25em; border-radius: 3px; overflow-wrap: anywhere; }
pre { background: var(--code); padding: 0.5em 0.7em; border-radius: 4px; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
pre code { padding: 0; }
table { border-collapse: collapse; margin: 0.4em 0; }
th, td { border: 1px solid var(--line); padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
th { background: var(--head); }
.scroll { overflow-x: auto; max-width: 100%; }
table.grid td { font-family: Consolas, "Cascadia Mono", Menlo, monospace; font-size: 0.9em; white-space: nowrap; }
table.grid td.num { text-align: right; }
td.blank, .muted { color: var(--muted); font-style: italic; }
.error { color: var(--error); font-weight: 600; }
.formula { font-family: "Cambria Math", Cambria, "STIX Two Math", "Times New Roman", serif; font-size: 1.05em; background: var(--code); padding: 0.4em 0.7em; border-left: 3px solid var(--accent); }
.generated, .back { color: var(--muted); font-size: 0.85em; }
nav ul { list-style: none; padding-left: 0; }
nav li { margin: 0.15em 0; }
section.function { border-top: 1px solid var(--line); margin-top: 1.5em; padding-top: 0.5em; }
dl.example dt { font-weight: 600; margin-top: 0.4em; }
dl.example dd { margin: 0.1em 0 0 0; }
`;

function renderHtml(list: Section[]): string {
  const out: string[] = [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(TITLE)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    `<h1 id="top">${escapeHtml(TITLE)}</h1>`,
    `<p class="generated">${htmlInline(GENERATED)}</p>`,
    `<ul class="intro">${INTRO.map((p) => `<li>${htmlInline(p)}</li>`).join("")}</ul>`,
    '<nav id="contents" aria-label="Contents">',
    "<h2>Contents</h2>",
  ];
  for (const [family, members] of families(list)) {
    out.push(`<h3>${escapeHtml(family)}</h3>`, "<ul>");
    for (const s of members) out.push(`<li><a href="#${escapeHtml(s.anchor)}">${escapeHtml(s.id)}</a> — ${escapeHtml(s.definition.meaning)}</li>`);
    out.push("</ul>");
  }
  out.push("</nav>");
  for (const s of list) {
    const { meta, definition, entry } = s;
    out.push(
      `<section class="function" id="${escapeHtml(s.anchor)}">`,
      `<h2>${escapeHtml(s.id)}</h2>`,
      `<p>${escapeHtml(definition.meaning)}</p>`,
      "<h3>Syntax</h3>",
      `<pre><code>${escapeHtml(syntaxOf(meta))}</code></pre>`,
      "<h3>Arguments</h3>",
      '<div class="scroll"><table><thead><tr><th>Argument</th><th></th><th>Description</th></tr></thead><tbody>',
      ...meta.parameters.map((p) => `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.optional ? "optional" : "required"}</td><td>${escapeHtml(p.description ?? "")}</td></tr>`),
      "</tbody></table></div>",
      "<h3>Formula</h3>",
      `<p class="formula">${escapeHtml(definition.formula)}</p>`,
      "<h3>Example</h3>",
      `<p>${htmlInline(entry.example.data)}</p>`,
      '<dl class="example">',
      ...meta.parameters.map((p, k) => `<dt><code>${escapeHtml(p.name)}</code></dt><dd><div class="scroll">${htmlInput(s.args[k])}</div></dd>`),
      ...(s.formula ? [`<dt>In a cell</dt><dd><pre><code>${escapeHtml(s.formula)}</code></pre></dd>`] : []),
      `<dt>Result</dt><dd><div class="scroll">${htmlResult(s.result)}</div></dd>`,
      "</dl>",
      "<h3>Notes</h3>",
      `<ul>${entry.notes.map((n) => `<li>${htmlInline(n)}</li>`).join("")}</ul>`,
      "<h3>Source</h3>",
      `<p class="source">${htmlInline(definition.citation)}</p>`,
      '<p class="back"><a href="#contents">Back to contents</a></p>',
      "</section>",
    );
  }
  out.push("</body>", "</html>", "");
  return out.join("\n");
}

/** The whole reference, from the built add-in in `dist`. */
export function renderReference(dist = DIST): { markdown: string; html: string } {
  const list = sections(loadFunctions(dist));
  return { markdown: renderMarkdown(list), html: renderHtml(list) };
}

function main(): void {
  if (!fs.existsSync(path.join(DIST, "functions.js"))) {
    console.error("dist/functions.js is missing: build first (npx webpack --mode production), or run npm run docs.");
    process.exit(1);
  }
  const { markdown, html } = renderReference();
  fs.mkdirSync(path.dirname(OUTPUTS.markdown), { recursive: true });
  fs.writeFileSync(OUTPUTS.markdown, markdown);
  fs.writeFileSync(OUTPUTS.html, html);
  // webpack copied the previous docs/reference.html into dist before this ran: refresh that copy too.
  fs.writeFileSync(path.join(DIST, "reference.html"), html);
  console.log(`wrote ${path.relative(ROOT, OUTPUTS.markdown)}, ${path.relative(ROOT, OUTPUTS.html)} (${CATALOG.length} functions)`);
}

if (require.main === module) main();
