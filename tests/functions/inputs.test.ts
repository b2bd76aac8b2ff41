/**
 * The functions read the ranges Excel gives them and write into none of them (some keep a
 * range's rows as they are, without a copy, so a write would reach the caller's cells): each
 * catalog function's reference example, called on frozen ranges, gives what it gives on fresh
 * ones. The bundle is strict code, where a write into a frozen array throws.
 */
import * as fs from "fs";
import * as path from "path";
import { excelArguments, loadFunctions, LoadedFunctions } from "../../scripts/gen-reference";
import { FunctionName, REFERENCE } from "../../src/functions/reference";

const ROOT = path.resolve(__dirname, "..", "..");
const CATALOG: string[] = JSON.parse(fs.readFileSync(path.join(ROOT, "src", "functions", "catalog.json"), "utf8")).functions;

let fns: LoadedFunctions;
beforeAll(() => {
  fns = loadFunctions();
});

function deepFrozen<T>(v: T): T {
  if (Array.isArray(v)) {
    for (const x of v) deepFrozen(x);
    Object.freeze(v);
  }
  return v;
}

function outcome(fn: (...args: unknown[]) => unknown, args: unknown[]): unknown {
  try {
    return fn(...args);
  } catch (e) {
    return e;
  }
}

test("the bundle is strict code (where a write into a frozen range throws, so the test below sees any write)", () => {
  const code = fs.readFileSync(path.join(ROOT, "dist", "functions.js"), "utf8");
  expect(code.startsWith('"use strict"') || code.includes('"use strict";')).toBe(true);
});

test.each(CATALOG)("%s writes into none of the ranges it is given", (id) => {
  const meta = fns.metadata.get(id)!;
  const fn = fns.registered.get(id) as (...args: unknown[]) => unknown;
  const args = excelArguments(meta, REFERENCE[id as FunctionName]);
  const fresh = JSON.parse(JSON.stringify(args)) as unknown[];
  const frozen = deepFrozen(JSON.parse(JSON.stringify(args)) as unknown[]);
  expect(outcome(fn, frozen)).toEqual(outcome(fn, fresh));
});
