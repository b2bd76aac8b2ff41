/**
 * The bad-input catalog (tests/reliability/bad-input.ts), run: every function entry against
 * the BUILT dist/functions.js, called the way Excel calls it; every engine entry through
 * detect + planReport. Each gives exactly its documented result, throws nothing but a
 * CustomFunctions.Error, returns no NaN or Infinity as a number, and leaves the user's cells
 * as they were.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { CustomFunctionsError } from "../../scripts/lib/custom-functions-runtime";
import { loadBundle, readMetadata, ROOT } from "../../scripts/lib/bundle";
import { functions as CATALOG } from "../../src/functions/catalog.json";
import { CLASSES, ENGINE_CASES, engineOutcome, Expected, ExpectedCell, ExpectedError, FunctionCase, FUNCTION_CASES } from "./bad-input";
import { renderCatalog } from "../../scripts/gen-bad-input-catalog";

const cf = loadBundle();
const metadata = new Map(readMetadata().map((f) => [f.id, f]));
// The 1,000,000-cell cases must complete: a hang fails by jest's timeout. Their times are
// printed, not asserted (a timed test flakes on a loaded machine); npm run bench measures.
const timings: string[] = [];

afterAll(() => {
  if (timings.length > 0) console.log(`1,000,000-cell cases:\n${timings.join("\n")}`);
});

/** A deep copy that keeps NaN, ±Infinity and Excel error objects as they are. */
function copy(v: unknown): unknown {
  return Array.isArray(v) ? v.map(copy) : v;
}

/** Same cells, compared with Object.is (NaN equals NaN), without jest's slow deep equality on 1,000,000 cells. */
function sameCells(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, k) => sameCells(x, b[k]));
  return Object.is(a, b);
}

function describeError(e: unknown): string {
  return e instanceof CustomFunctionsError ? `${e.code}${e.message === undefined ? "" : ` "${e.message}"`}` : String(e);
}

function matchesError(actual: unknown, expected: ExpectedError): boolean {
  if (!(actual instanceof CustomFunctionsError) || actual.code !== expected.error) return false;
  if (expected.message === undefined) return actual.message === undefined;
  return expected.message instanceof RegExp ? actual.message !== undefined && expected.message.test(actual.message) : actual.message === expected.message;
}

function matchesCell(actual: unknown, expected: ExpectedCell): boolean {
  if (typeof expected === "object") return matchesError(actual, expected);
  return Object.is(actual, expected);
}

/** Every number in a result is finite; every cell a number, a string or an Excel error. */
function checkCells(value: unknown): void {
  const cells = Array.isArray(value) ? (value as unknown[][]).flat() : [value];
  for (const c of cells) {
    if (typeof c === "number") {
      if (!Number.isFinite(c)) throw new Error(`the result holds ${c} as a number`);
    } else if (typeof c !== "string" && !(c instanceof CustomFunctionsError)) throw new Error(`the result holds ${String(c)}, neither a number, text nor an Excel error`);
  }
}

function checkOutcome(outcome: { value?: unknown; thrown?: unknown }, expected: Expected): void {
  if (outcome.thrown !== undefined) {
    if (!(outcome.thrown instanceof CustomFunctionsError)) throw new Error(`threw something other than a CustomFunctions.Error: ${String(outcome.thrown)}`);
    if (!("thrown" in expected)) throw new Error(`threw ${describeError(outcome.thrown)}; documented: ${JSON.stringify(expected)}`);
    if (!matchesError(outcome.thrown, expected.thrown)) throw new Error(`threw ${describeError(outcome.thrown)}; documented ${expected.thrown.error} ${String(expected.thrown.message ?? "")}`);
    return;
  }
  const value = outcome.value;
  checkCells(value);
  if ("thrown" in expected) throw new Error(`returned a result; documented to fail with ${expected.thrown.error}`);
  if ("value" in expected) {
    if (typeof expected.value === "number") {
      expect(value).toBe(expected.value);
      return;
    }
    expect(Array.isArray(value)).toBe(true);
    const rows = value as unknown[][];
    expect(rows.map((r) => r.length)).toEqual(expected.value.map((r) => r.length));
    expected.value.forEach((row, i) =>
      row.forEach((e, j) => {
        if (!matchesCell(rows[i][j], e)) throw new Error(`cell [${i}][${j}] is ${describeError(rows[i][j])}; documented ${JSON.stringify(e)}`);
      }),
    );
    return;
  }
  expect(Array.isArray(value)).toBe(true);
  const rows = value as unknown[][];
  expect([rows.length, rows[0].length]).toEqual([...expected.shape]);
  for (const row of rows) expect(row.length).toBe(expected.shape[1]);
  if (expected.every !== undefined) {
    const every = expected.every;
    rows.forEach((row, i) =>
      row.forEach((c, j) => {
        if (!matchesCell(c, every)) throw new Error(`cell [${i}][${j}] is ${describeError(c)}; documented ${JSON.stringify(every)} everywhere`);
      }),
    );
  }
  for (const [i, j, e] of expected.cells ?? []) {
    if (!matchesCell(rows[i][j], e)) throw new Error(`cell [${i}][${j}] is ${describeError(rows[i][j])}; documented ${JSON.stringify(e)}`);
  }
}

function runCase(c: FunctionCase): void {
  const fn = cf.registered.get(c.fn);
  if (!fn) throw new Error(`${c.fn} is not registered by dist/functions.js`);
  const args = c.args();
  const f = metadata.get(c.fn)!;
  // Shaped as dist/functions.json tells Excel to pass them.
  expect(args).toHaveLength(f.parameters.length);
  f.parameters.forEach((p, k) => {
    if (args[k] === null) expect(p.optional).toBe(true);
    else if (p.dimensionality === "matrix") expect(Array.isArray(args[k]) && (args[k] as unknown[]).every(Array.isArray)).toBe(true);
    else expect(Array.isArray(args[k])).toBe(false);
  });
  const before = copy(args);
  const started = Date.now();
  let outcome: { value?: unknown; thrown?: unknown };
  try {
    outcome = { value: fn(...args) };
  } catch (thrown) {
    outcome = { thrown };
  }
  const ms = Date.now() - started;
  if (c.cls === "millionCells") {
    timings.push(`  ${c.fn}: ${ms} ms`);
  }
  checkOutcome(outcome, c.expect);
  // No change to the user's data.
  if (!sameCells(args, before)) throw new Error("the call changed its input cells");
}

test("the catalog covers every catalog function, with known classes only", () => {
  const covered = new Set(FUNCTION_CASES.map((c) => c.fn));
  expect([...covered].sort()).toEqual([...CATALOG].sort());
  for (const c of [...FUNCTION_CASES, ...ENGINE_CASES]) expect(Object.keys(CLASSES)).toContain(c.cls);
  // Every function meets the cell classes and the 1,000,000-cell range.
  for (const id of CATALOG) {
    const classes = new Set(FUNCTION_CASES.filter((c) => c.fn === id).map((c) => c.cls));
    for (const cls of ["text", "boolean", "blank", "notFinite", "negative", "empty", "millionCells"] as const) {
      if (!classes.has(cls)) throw new Error(`${id} has no ${cls} case`);
    }
  }
});

const small = FUNCTION_CASES.filter((c) => c.cls !== "millionCells");
const big = FUNCTION_CASES.filter((c) => c.cls === "millionCells");

describe.each(CATALOG)("%s", (id) => {
  const cases = small.filter((c) => c.fn === id).map((c, k) => [`${c.cls} #${k + 1}`, c] as const);
  test.each(cases)("%s gives its documented result", (_, c) => runCase(c));
});

describe("1,000,000-cell ranges complete", () => {
  test.each(big.map((c) => [c.fn, c] as const))("%s", (_, c) => runCase(c), 60_000);
});

describe("report engine (detect + planReport, native mode)", () => {
  test.each(ENGINE_CASES.map((c) => [`${c.cls}: ${c.input}`, c] as const))(
    "%s",
    (_, c) => {
      const values = c.block();
      const before = copy(values);
      const started = Date.now();
      const got = engineOutcome(values);
      const ms = Date.now() - started;
      if (c.cls === "millionCells") {
        timings.push(`  report engine (detect + plan): ${ms} ms`);
      }
      const e = c.expect;
      expect(got.detectError).toBe(e.detectError);
      if (e.detectError === undefined) {
        expect(got.shape).toBe(e.shape);
        expect(got.problems).toEqual(e.problems ?? []);
        expect(got.planError).toBe(e.planError);
        if (e.cellErrors) expect(got.cellErrors).toEqual(e.cellErrors);
        if (e.sheets) expect(got.sheets).toEqual(e.sheets);
        for (const note of e.notes ?? []) expect(got.definitions).toContain(note);
      }
      // No change to the user's data.
      if (!sameCells(values, before)) throw new Error("the engine changed the source cells");
    },
    60_000,
  );
});

test("docs/bad-input.md is generated from the catalog (run `npx tsx scripts/gen-bad-input-catalog.ts`)", () => {
  const committed = readFileSync(join(ROOT, "docs", "bad-input.md"), "utf8");
  if (committed !== renderCatalog()) throw new Error("docs/bad-input.md is out of date: run `npx tsx scripts/gen-bad-input-catalog.ts`");
});
