/**
 * The bad-input catalog: for every catalog function and for the report
 * engine, each class of bad input a messy workbook holds, with the documented result — the
 * exact Excel error (and, for #VALUE! and #N/A, its message), or the number or shape when the
 * input is legitimately accepted. tests/reliability/bad-input.test.ts runs every entry against
 * the BUILT bundle and the engine; scripts/gen-bad-input-catalog.ts writes docs/bad-input.md
 * from this same table.
 */
import { detect } from "../../src/report/detect";
import { planReport } from "../../src/report/plan";
import type { CellValue, DataProblem, Shape } from "../../src/report/types";
import type { ProblemCode } from "../../src/report/problem-codes";
import { renderProblem } from "../../src/messages/problems";
import { INDEX_CASES } from "./bad-input-indices";
import { PERIOD_CASES } from "./bad-input-periods";

/** The classes of bad input, in the order the documentation lists them. */
export const CLASSES = {
  text: "text",
  thousands: "number stored as text with thousands separators",
  decimalComma: "number stored as text with a decimal comma",
  boolean: "TRUE / FALSE",
  blank: "blank (null or \"\")",
  notFinite: "NaN, Infinity, -Infinity from upstream formulas",
  negative: "negative count (or negative parameter)",
  rateOutOfRange: "rate outside [0, 1]",
  mismatchedShapes: "mismatched shapes",
  nonSquare: "non-square matrix",
  empty: "empty range ([] and [[]])",
  singleCell: "single-cell range where a matrix is needed",
  millionCells: "1,000,000-cell range",
  duplicateLabels: "duplicated labels",
  missingLabels: "missing (blank) labels",
  mixedYears: "mixed years",
} as const;
export type BadInputClass = keyof typeof CLASSES;

export type ErrorCode = "#VALUE!" | "#N/A" | "#NUM!" | "#DIV/0!";
/** An Excel error: #VALUE! and #N/A carry a message (exact text, or a pattern); #NUM! and #DIV/0! none. */
export interface ExpectedError {
  readonly error: ErrorCode;
  readonly message?: string | RegExp;
}
export type ExpectedCell = number | string | ExpectedError;

export type Expected =
  /** The whole call fails: the formula's cell shows this error. */
  | { readonly thrown: ExpectedError }
  /** A result: one number, or a spilled array (each bad element carrying its own error). */
  | { readonly value: number | readonly (readonly ExpectedCell[])[] }
  /** A large spilled result: its size, and cells at [row, column] (all of them when `every` is set). */
  | { readonly shape: readonly [number, number]; readonly every?: ExpectedCell; readonly cells?: readonly (readonly [number, number, ExpectedCell])[] };

export interface FunctionCase {
  readonly fn: string;
  readonly cls: BadInputClass;
  /** What the cells hold, for the documentation (otherwise the arguments are shown). */
  readonly input?: string;
  /** The arguments as Excel passes them: 2-D arrays for ranges, a value for a scalar, null when omitted. */
  readonly args: () => unknown[];
  readonly expect: Expected;
}

export function err(error: ErrorCode, message?: string | RegExp): ExpectedError {
  return message === undefined ? { error } : { error, message };
}
const NUM = err("#NUM!");

/** A rows × cols range holding one value everywhere. */
export function filled(rows: number, cols: number, v: unknown): unknown[][] {
  return Array.from({ length: rows }, () => new Array(cols).fill(v));
}
/** The 1,000,000-cell side. */
export const BIG = 1000;

/** An element-wise function: its arguments on one valid row, and the result they give. */
interface Elementwise {
  readonly fn: string;
  /** Parameter names, in order (range arguments first, as the function declares them). */
  readonly names: readonly string[];
  /** Which arguments are element-wise ranges (the others are passed as given). */
  readonly ranges: readonly number[];
  readonly args: readonly unknown[];
  readonly ok: number;
}

const ELEMENTWISE: readonly Elementwise[] = [
  { fn: "BRAINDRAIN.RATE", names: ["skilled_emigrants", "skilled_residents"], ranges: [0, 1], args: [[[120]], [[880]]], ok: 0.12 },
  { fn: "BRAINDRAIN.NET", names: ["skilled_emigrants", "skilled_immigrants", "base"], ranges: [0, 1], args: [[[500]], [[200]], null], ok: 300 },
  { fn: "BRAINDRAIN.SELECTION", names: ["skilled_rate", "total_rate"], ranges: [0, 1], args: [[[0.5]], [[0.25]]], ok: 2 },
  { fn: "BRAINDRAIN.RELATIVE", names: ["skilled_emigrants", "total_emigrants", "skilled_residents", "total_residents"], ranges: [0, 1, 2, 3], args: [[[300]], [[1000]], [[2000]], [[10000]]], ok: 1.4999999999999998 },
  { fn: "BRAINDRAIN.COST", names: ["emigrants", "yearly_costs", "interest_rate"], ranges: [0], args: [[[3]], [[10], [20], [30]], null], ok: 180 },
  { fn: "CIRCULATION.RETURNRATE", names: ["returnees", "emigrants"], ranges: [0, 1], args: [[[150]], [[600]]], ok: 0.25 },
  { fn: "CIRCULATION.STAYRATE", names: ["stayers", "cohort"], ranges: [0, 1], args: [[[420]], [[600]]], ok: 0.7 },
  { fn: "MIGRATION.NET", names: ["inflow", "outflow"], ranges: [0, 1], args: [[[1200]], [[800]]], ok: 400 },
  { fn: "MIGRATION.NETRATE", names: ["inflow", "outflow", "population", "per"], ranges: [0, 1, 2], args: [[[1200]], [[800]], [[50000]], null], ok: 8 },
  { fn: "MIGRATION.GROSSRATE", names: ["inflow", "outflow", "population", "per"], ranges: [0, 1, 2], args: [[[1200]], [[800]], [[50000]], null], ok: 40 },
  { fn: "MIGRATION.EFFECTIVENESS", names: ["inflow", "outflow"], ranges: [0, 1], args: [[[1200]], [[800]]], ok: 0.2 },
  { fn: "MIGRATION.INTENSITY", names: ["migrants", "population"], ranges: [0, 1], args: [[[2000]], [[50000]]], ok: 0.04 },
  { fn: "MIGRATION.COURGEAUK", names: ["migrants", "population", "regions"], ranges: [0, 1, 2], args: [[[2000]], [[50000]], [[10]]], ok: 0.8685889638065035 },
  { fn: "STUDENTS.OUTBOUNDRATIO", names: ["outbound_students", "tertiary_enrolment"], ranges: [0, 1], args: [[[5000]], [[100000]]], ok: 0.05 },
  { fn: "STUDENTS.INBOUNDRATE", names: ["inbound_students", "tertiary_enrolment"], ranges: [0, 1], args: [[[8000]], [[100000]]], ok: 0.08 },
  { fn: "STUDENTS.NETFLOW", names: ["inbound_students", "outbound_students"], ranges: [0, 1], args: [[[8000]], [[5000]]], ok: 3000 },
  { fn: "STUDENTS.NETFLOWRATIO", names: ["inbound_students", "outbound_students", "tertiary_enrolment"], ranges: [0, 1, 2], args: [[[8000]], [[5000]], [[100000]]], ok: 0.03 },
  { fn: "STUDENTS.GROSSOUTBOUND", names: ["outbound_students", "tertiary_age_population"], ranges: [0, 1], args: [[[5000]], [[400000]]], ok: 0.0125 },
];

/**
 * The cell classes for an element-wise function, shown on its first argument (every range
 * argument is read by the same rule, src/functions/cells.ts readNumber): one bad cell gives a
 * 1×1 result holding the error; in a longer range only the bad elements carry errors.
 */
function elementwiseCases(e: Elementwise): FunctionCase[] {
  const a = e.names[0];
  const good = (e.args[0] as number[][])[0][0];
  const withFirst = (v: unknown) => () => e.args.map((x, k) => (k === 0 ? v : x));
  const one = (cls: BadInputClass, v: unknown, out: ExpectedCell): FunctionCase => ({ fn: e.fn, cls, args: withFirst([[v]]), expect: { value: [[out]] } });
  const cases: FunctionCase[] = [
    one("text", "abc", err("#VALUE!", `${a} is text ("abc"), not a number`)),
    { fn: e.fn, cls: "text", input: `${a} = {${good}; "abc"; blank}: each element carries its own result`, args: withFirst([[good], ["abc"], [null]]), expect: { value: [[e.ok], [err("#VALUE!", `${a} (row 2) is text ("abc"), not a number`)], [err("#N/A", `${a} (row 3) is blank`)]] } },
    one("thousands", "12,610", err("#VALUE!", `${a} is text ("12,610"), not a number`)),
    one("thousands", "12 610", err("#VALUE!", `${a} is text ("12 610"), not a number`)),
    one("decimalComma", "0,25", err("#VALUE!", `${a} is text ("0,25"), not a number`)),
    one("boolean", true, err("#VALUE!", `${a} is TRUE, not a number`)),
    one("boolean", false, err("#VALUE!", `${a} is FALSE, not a number`)),
    one("blank", null, err("#N/A", `${a} is blank`)),
    one("blank", "", err("#N/A", `${a} is blank`)),
    one("notFinite", NaN, NUM),
    one("notFinite", Infinity, NUM),
    one("notFinite", -Infinity, NUM),
    one("negative", -5, NUM),
  ];
  if (e.ranges.length > 1) {
    const b = e.names[1];
    const second = (e.args[1] as number[][])[0][0];
    cases.push({
      fn: e.fn,
      cls: "mismatchedShapes",
      args: () => e.args.map((x, k) => (k === 0 ? [[good, good]] : k === 1 ? [[second], [second]] : x)),
      expect: { thrown: err("#VALUE!", `${a} is 1×2 but ${b} is 2×1: give ranges of the same size, or a single cell`) },
    });
  }
  cases.push(
    { fn: e.fn, cls: "empty", args: withFirst([]), expect: { thrown: err("#VALUE!", `${a} is empty`) } },
    { fn: e.fn, cls: "empty", args: withFirst([[]]), expect: { thrown: err("#VALUE!", `${a} is empty`) } },
    {
      fn: e.fn,
      cls: "millionCells",
      input: `${BIG}×${BIG} ranges: ${e.ranges.map((k) => `${e.names[k]} = ${String((e.args[k] as number[][])[0][0])}`).join(", ")} in every cell`,
      args: () => e.args.map((x, k) => (e.ranges.includes(k) ? filled(BIG, BIG, (x as number[][])[0][0]) : x)),
      expect: { shape: [BIG, BIG], every: e.ok },
    },
  );
  return cases;
}

/** A 1000×1000 origin × destination matrix with 1 in every off-diagonal cell (and 0 on it). */
export function onesMatrix(n = BIG): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : 1)));
}
const BIG_ONES = `a ${BIG}×${BIG} matrix with 1 in every off-diagonal cell`;

/** Matrix functions on the 1,000,000-cell matrix: every region sends and receives 999. */
const MILLION_MATRIX: FunctionCase[] = [
  { fn: "CIRCULATION.INDEX", cls: "millionCells", input: BIG_ONES, args: () => [onesMatrix(), null], expect: { value: 1 } },
  { fn: "CIRCULATION.BYREGION", cls: "millionCells", input: BIG_ONES, args: () => [onesMatrix()], expect: { shape: [BIG, 1], every: 1 } },
  { fn: "MIGRATION.MEI", cls: "millionCells", input: BIG_ONES, args: () => [onesMatrix()], expect: { value: 0 } },
  { fn: "MIGRATION.ANMR", cls: "millionCells", input: `${BIG_ONES}; populations 1000 each`, args: () => [onesMatrix(), filled(BIG, 1, 1000)], expect: { value: 0 } },
  { fn: "MIGRATION.CONNECTIVITY", cls: "millionCells", input: BIG_ONES, args: () => [onesMatrix()], expect: { value: 1 } },
  { fn: "MIGRATION.GINI", cls: "millionCells", input: BIG_ONES, args: () => [onesMatrix(), null], expect: { value: 0 } },
  {
    fn: "MIGRATION.SUMMARY",
    cls: "millionCells",
    input: `${BIG_ONES}, no labels`,
    args: () => [onesMatrix(), null],
    expect: { shape: [BIG + 1, 6], cells: [[0, 0, "region"], [1, 0, 1], [1, 1, 999], [1, 2, 999], [1, 3, 1998], [1, 4, 0], [1, 5, 0], [BIG, 0, BIG], [BIG, 3, 1998]] },
  },
  {
    fn: "MIGRATION.CORRIDORS",
    cls: "millionCells",
    input: `${BIG_ONES}, no labels, top 3`,
    args: () => [onesMatrix(), null, 3],
    expect: { value: [["origin", "destination", "flow", "counterflow", "net", "reciprocity"], [1, 2, 1, 1, 0, 1], [1, 3, 1, 1, 0, 1], [1, 4, 1, 1, 0, 1]] },
  },
  {
    fn: "MIGRATION.IPF",
    cls: "millionCells",
    input: `seed: a ${BIG}×${BIG} range of 1; every row and column total ${BIG}`,
    args: () => [filled(BIG, BIG, 1), filled(BIG, 1, BIG), filled(1, BIG, BIG), null, null],
    expect: { shape: [BIG, BIG], every: 1 },
  },
  {
    fn: "MIGRATION.FLOWSFROMSTOCKS",
    cls: "millionCells",
    input: `${BIG}×${BIG} stocks: 1 everywhere at the start, 2 everywhere at the end`,
    args: () => [filled(BIG, BIG, 1), filled(BIG, BIG, 2), null],
    expect: { shape: [BIG, BIG], cells: [[0, 0, 0], [0, 1, 1], [1, 0, 1], [BIG - 1, BIG - 1, 0], [BIG - 1, 0, 1]] },
  },
  {
    fn: "MIGRATION.MATRIX",
    cls: "millionCells",
    input: "a long list of 1,000,000 rows: origin R(k mod 1000), destination R(k div 1000), flow 1",
    args: () => [
      Array.from({ length: BIG * BIG }, (_, k) => [`R${k % BIG}`]),
      Array.from({ length: BIG * BIG }, (_, k) => [`R${Math.floor(k / BIG)}`]),
      filled(BIG * BIG, 1, 1),
    ],
    expect: { shape: [BIG + 1, BIG + 1], cells: [[0, 0, "origin \\ destination"], [0, 1, "R0"], [1, 0, "R0"], [1, 1, 1], [1, 2, 1], [BIG, BIG, 1], [BIG, 0, "R999"]] },
  },
];

/** Cases of the functions that read a matrix, a list or labels (probed one class at a time). */
const SPECIAL: FunctionCase[] = [
  { fn: "CIRCULATION.RETURNRATE", cls: "rateOutOfRange", input: "returnees 900 of 600 emigrants (a return rate above 1)", args: () => [[[900]], [[600]]], expect: { value: [[NUM]] } },
  { fn: "CIRCULATION.STAYRATE", cls: "rateOutOfRange", input: "stayers 900 of a cohort of 600 (a stay rate above 1)", args: () => [[[900]], [[600]]], expect: { value: [[NUM]] } },
  { fn: "BRAINDRAIN.COST", cls: "rateOutOfRange", args: () => [[[2]], [[100, 100, 100]], 1.5], expect: { value: [[1950]] } },
  { fn: "BRAINDRAIN.COST", cls: "rateOutOfRange", args: () => [[[2]], [[100, 100, 100]], -0.5], expect: { value: [[350]] } },
  { fn: "BRAINDRAIN.COST", cls: "rateOutOfRange", args: () => [[[2]], [[100, 100, 100]], -1], expect: { thrown: err("#NUM!") } },
  { fn: "BRAINDRAIN.COST", cls: "rateOutOfRange", args: () => [[[2]], [[100, 100, 100]], -2], expect: { thrown: err("#NUM!") } },
  { fn: "BRAINDRAIN.COST", cls: "text", args: () => [[[2]], [[100, "abc", 100]], 0.1], expect: { thrown: err("#VALUE!", "yearly_costs (item 2) is text (\"abc\"), not a number") } },
  { fn: "BRAINDRAIN.COST", cls: "blank", args: () => [[[2]], [[100, null, 100]], 0.1], expect: { thrown: err("#N/A", "yearly_costs (item 2) is blank") } },
  { fn: "BRAINDRAIN.COST", cls: "negative", args: () => [[[2]], [[100, -100, 100]], 0.1], expect: { thrown: err("#NUM!") } },
  { fn: "BRAINDRAIN.COST", cls: "mismatchedShapes", args: () => [[[2]], [[100, 100], [100, 100]], 0.1], expect: { thrown: err("#VALUE!", "yearly_costs must be a single row or column, not a 2×2 range") } },
  { fn: "BRAINDRAIN.COST", cls: "empty", args: () => [[[2]], [], 0.1], expect: { thrown: err("#VALUE!", "yearly_costs is empty") } },
  { fn: "BRAINDRAIN.COST", cls: "decimalComma", args: () => [[[2]], [[100]], "0,05"], expect: { thrown: err("#VALUE!", "interest_rate is text (\"0,05\"), not a number") } },
  { fn: "BRAINDRAIN.COST", cls: "boolean", args: () => [[[2]], [[100]], true], expect: { thrown: err("#VALUE!", "interest_rate is TRUE, not a number") } },
  { fn: "BRAINDRAIN.COST", cls: "notFinite", args: () => [[[2]], [[100]], NaN], expect: { thrown: err("#NUM!") } },
  { fn: "BRAINDRAIN.COST", cls: "notFinite", args: () => [[[2]], [[100]], Infinity], expect: { thrown: err("#NUM!") } },
  { fn: "BRAINDRAIN.SELECTION", cls: "rateOutOfRange", args: () => [[[1.5]], [[0.5]]], expect: { value: [[err("#NUM!")]] } },
  { fn: "BRAINDRAIN.SELECTION", cls: "rateOutOfRange", args: () => [[[0.5]], [[1.5]]], expect: { value: [[err("#NUM!")]] } },
  { fn: "BRAINDRAIN.SELECTION", cls: "rateOutOfRange", args: () => [[[-0.1]], [[0.5]]], expect: { value: [[err("#NUM!")]] } },
  { fn: "BRAINDRAIN.SELECTION", cls: "rateOutOfRange", args: () => [[[0.5]], [[-0.1]]], expect: { value: [[err("#NUM!")]] } },
  { fn: "CIRCULATION.BYREGION", cls: "text", args: () => [[[0, "abc", 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"abc\"), not a number") } },
  { fn: "CIRCULATION.BYREGION", cls: "thousands", args: () => [[[0, "12,610", 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"12,610\"), not a number") } },
  { fn: "CIRCULATION.BYREGION", cls: "thousands", args: () => [[[0, "12 610", 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"12 610\"), not a number") } },
  { fn: "CIRCULATION.BYREGION", cls: "decimalComma", args: () => [[[0, "0,25", 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"0,25\"), not a number") } },
  { fn: "CIRCULATION.BYREGION", cls: "boolean", args: () => [[[0, true, 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is TRUE, not a number") } },
  { fn: "CIRCULATION.BYREGION", cls: "boolean", args: () => [[[0, false, 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is FALSE, not a number") } },
  { fn: "CIRCULATION.BYREGION", cls: "blank", args: () => [[[0, null, 10], [20, 0, 20], [30, 30, 0]]], expect: { value: [[0.33333333333333337], [0.5714285714285714], [0.6666666666666667]] } },
  { fn: "CIRCULATION.BYREGION", cls: "blank", args: () => [[[0, "", 10], [20, 0, 20], [30, 30, 0]]], expect: { value: [[0.33333333333333337], [0.5714285714285714], [0.6666666666666667]] } },
  { fn: "CIRCULATION.BYREGION", cls: "notFinite", args: () => [[[0, NaN, 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#NUM!") } },
  { fn: "CIRCULATION.BYREGION", cls: "notFinite", args: () => [[[0, Infinity, 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#NUM!") } },
  { fn: "CIRCULATION.BYREGION", cls: "notFinite", args: () => [[[0, -Infinity, 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#NUM!") } },
  { fn: "CIRCULATION.BYREGION", cls: "negative", args: () => [[[0, -5, 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#NUM!") } },
  { fn: "CIRCULATION.BYREGION", cls: "nonSquare", args: () => [[[0, 10, 10], [20, 0, 20]]], expect: { thrown: err("#VALUE!", "matrix must be a square origin × destination matrix; it is 2×3 (select the numbers only, without labels)") } },
  { fn: "CIRCULATION.BYREGION", cls: "empty", args: () => [[]], expect: { thrown: err("#VALUE!", "matrix is empty") } },
  { fn: "CIRCULATION.BYREGION", cls: "empty", args: () => [[[]]], expect: { thrown: err("#VALUE!", "matrix is empty") } },
  { fn: "CIRCULATION.BYREGION", cls: "singleCell", args: () => [[[5]]], expect: { value: [[err("#DIV/0!")]] } },
  { fn: "CIRCULATION.BYREGION", cls: "text", input: "\"abc\" on the diagonal, which is ignored", args: () => [[["abc", 10, 10], [20, 0, 20], [30, 30, 0]]], expect: { value: [[0.5714285714285714], [0.75], [0.6666666666666667]] } },
  { fn: "CIRCULATION.INDEX", cls: "text", args: () => [[[0, "abc", 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#VALUE!", "flows (row 1, column 2) is text (\"abc\"), not a number") } },
  { fn: "CIRCULATION.INDEX", cls: "thousands", args: () => [[[0, "12,610", 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#VALUE!", "flows (row 1, column 2) is text (\"12,610\"), not a number") } },
  { fn: "CIRCULATION.INDEX", cls: "thousands", args: () => [[[0, "12 610", 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#VALUE!", "flows (row 1, column 2) is text (\"12 610\"), not a number") } },
  { fn: "CIRCULATION.INDEX", cls: "decimalComma", args: () => [[[0, "0,25", 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#VALUE!", "flows (row 1, column 2) is text (\"0,25\"), not a number") } },
  { fn: "CIRCULATION.INDEX", cls: "boolean", args: () => [[[0, true, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#VALUE!", "flows (row 1, column 2) is TRUE, not a number") } },
  { fn: "CIRCULATION.INDEX", cls: "boolean", args: () => [[[0, false, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#VALUE!", "flows (row 1, column 2) is FALSE, not a number") } },
  { fn: "CIRCULATION.INDEX", cls: "blank", args: () => [[[0, null, 10], [20, 0, 20], [30, 30, 0]], null], expect: { value: 0.5454545454545454 } },
  { fn: "CIRCULATION.INDEX", cls: "blank", args: () => [[[0, "", 10], [20, 0, 20], [30, 30, 0]], null], expect: { value: 0.5454545454545454 } },
  { fn: "CIRCULATION.INDEX", cls: "notFinite", args: () => [[[0, NaN, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#NUM!") } },
  { fn: "CIRCULATION.INDEX", cls: "notFinite", args: () => [[[0, Infinity, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#NUM!") } },
  { fn: "CIRCULATION.INDEX", cls: "notFinite", args: () => [[[0, -Infinity, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#NUM!") } },
  { fn: "CIRCULATION.INDEX", cls: "negative", args: () => [[[0, -5, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#NUM!") } },
  { fn: "CIRCULATION.INDEX", cls: "nonSquare", args: () => [[[0, 10, 10], [20, 0, 20]], null], expect: { thrown: err("#VALUE!", "flows must be a square origin × destination matrix; it is 2×3 (select the numbers only, without labels)") } },
  { fn: "CIRCULATION.INDEX", cls: "empty", args: () => [[], null], expect: { thrown: err("#VALUE!", "flows is empty") } },
  { fn: "CIRCULATION.INDEX", cls: "empty", args: () => [[[]], null], expect: { thrown: err("#VALUE!", "flows is empty") } },
  { fn: "CIRCULATION.INDEX", cls: "singleCell", args: () => [[[5]], null], expect: { thrown: err("#DIV/0!") } },
  { fn: "CIRCULATION.INDEX", cls: "text", input: "\"abc\" on the diagonal, which is ignored", args: () => [[["abc", 10, 10], [20, 0, 20], [30, 30, 0]], null], expect: { value: 0.6666666666666667 } },
  { fn: "CIRCULATION.INDEX", cls: "mismatchedShapes", args: () => [[[100], [50]], [[100]]], expect: { thrown: err("#VALUE!", "flows is 2×1 but counterflows is 1×1: give ranges of the same size") } },
  { fn: "CIRCULATION.INDEX", cls: "mismatchedShapes", args: () => [[[100], [50]], [[100, 0]]], expect: { thrown: err("#VALUE!", "flows is 2×1 but counterflows is 1×2: give ranges of the same size") } },
  { fn: "CIRCULATION.INDEX", cls: "blank", args: () => [[[100], [null]], [[100], [0]]], expect: { thrown: err("#N/A", "flows (row 2) is blank") } },
  { fn: "CIRCULATION.INDEX", cls: "negative", args: () => [[[100], [-50]], [[100], [0]]], expect: { thrown: err("#NUM!") } },
  { fn: "CIRCULATION.INDEX", cls: "text", args: () => [[[100], ["abc"]], [[100], [0]]], expect: { thrown: err("#VALUE!", "flows (row 2) is text (\"abc\"), not a number") } },
  { fn: "MIGRATION.ANMR", cls: "text", args: () => [[[0, "abc", 10], [20, 0, 20], [30, 30, 0]], [[100], [200], [300]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"abc\"), not a number") } },
  { fn: "MIGRATION.ANMR", cls: "thousands", args: () => [[[0, "12,610", 10], [20, 0, 20], [30, 30, 0]], [[100], [200], [300]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"12,610\"), not a number") } },
  { fn: "MIGRATION.ANMR", cls: "thousands", args: () => [[[0, "12 610", 10], [20, 0, 20], [30, 30, 0]], [[100], [200], [300]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"12 610\"), not a number") } },
  { fn: "MIGRATION.ANMR", cls: "decimalComma", args: () => [[[0, "0,25", 10], [20, 0, 20], [30, 30, 0]], [[100], [200], [300]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"0,25\"), not a number") } },
  { fn: "MIGRATION.ANMR", cls: "boolean", args: () => [[[0, true, 10], [20, 0, 20], [30, 30, 0]], [[100], [200], [300]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is TRUE, not a number") } },
  { fn: "MIGRATION.ANMR", cls: "boolean", args: () => [[[0, false, 10], [20, 0, 20], [30, 30, 0]], [[100], [200], [300]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is FALSE, not a number") } },
  { fn: "MIGRATION.ANMR", cls: "blank", args: () => [[[0, null, 10], [20, 0, 20], [30, 30, 0]], [[100], [200], [300]]], expect: { value: 0.06666666666666667 } },
  { fn: "MIGRATION.ANMR", cls: "blank", args: () => [[[0, "", 10], [20, 0, 20], [30, 30, 0]], [[100], [200], [300]]], expect: { value: 0.06666666666666667 } },
  { fn: "MIGRATION.ANMR", cls: "notFinite", args: () => [[[0, NaN, 10], [20, 0, 20], [30, 30, 0]], [[100], [200], [300]]], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.ANMR", cls: "notFinite", args: () => [[[0, Infinity, 10], [20, 0, 20], [30, 30, 0]], [[100], [200], [300]]], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.ANMR", cls: "notFinite", args: () => [[[0, -Infinity, 10], [20, 0, 20], [30, 30, 0]], [[100], [200], [300]]], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.ANMR", cls: "negative", args: () => [[[0, -5, 10], [20, 0, 20], [30, 30, 0]], [[100], [200], [300]]], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.ANMR", cls: "nonSquare", args: () => [[[0, 10, 10], [20, 0, 20]], [[100], [200], [300]]], expect: { thrown: err("#VALUE!", "matrix must be a square origin × destination matrix; it is 2×3 (select the numbers only, without labels)") } },
  { fn: "MIGRATION.ANMR", cls: "empty", args: () => [[], [[100], [200], [300]]], expect: { thrown: err("#VALUE!", "matrix is empty") } },
  { fn: "MIGRATION.ANMR", cls: "empty", args: () => [[[]], [[100], [200], [300]]], expect: { thrown: err("#VALUE!", "matrix is empty") } },
  { fn: "MIGRATION.ANMR", cls: "singleCell", args: () => [[[5]], [[100], [200], [300]]], expect: { thrown: err("#VALUE!", "populations has 3 values but the matrix has 1 regions") } },
  { fn: "MIGRATION.ANMR", cls: "text", input: "\"abc\" on the diagonal, which is ignored", args: () => [[["abc", 10, 10], [20, 0, 20], [30, 30, 0]], [[100], [200], [300]]], expect: { value: 0.05 } },
  { fn: "MIGRATION.ANMR", cls: "mismatchedShapes", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], [[100], [200]]], expect: { thrown: err("#VALUE!", "populations has 2 values but the matrix has 3 regions") } },
  { fn: "MIGRATION.ANMR", cls: "blank", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], [[100], [null], [300]]], expect: { thrown: err("#N/A", "populations (item 2) is blank") } },
  { fn: "MIGRATION.ANMR", cls: "text", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], [[100], ["abc"], [300]]], expect: { thrown: err("#VALUE!", "populations (item 2) is text (\"abc\"), not a number") } },
  { fn: "MIGRATION.ANMR", cls: "negative", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], [[100], [-200], [300]]], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.ANMR", cls: "notFinite", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], [[100], [Infinity], [300]]], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.CONNECTIVITY", cls: "text", args: () => [[[0, "abc", 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"abc\"), not a number") } },
  { fn: "MIGRATION.CONNECTIVITY", cls: "thousands", args: () => [[[0, "12,610", 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"12,610\"), not a number") } },
  { fn: "MIGRATION.CONNECTIVITY", cls: "thousands", args: () => [[[0, "12 610", 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"12 610\"), not a number") } },
  { fn: "MIGRATION.CONNECTIVITY", cls: "decimalComma", args: () => [[[0, "0,25", 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"0,25\"), not a number") } },
  { fn: "MIGRATION.CONNECTIVITY", cls: "boolean", args: () => [[[0, true, 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is TRUE, not a number") } },
  { fn: "MIGRATION.CONNECTIVITY", cls: "boolean", args: () => [[[0, false, 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is FALSE, not a number") } },
  { fn: "MIGRATION.CONNECTIVITY", cls: "blank", args: () => [[[0, null, 10], [20, 0, 20], [30, 30, 0]]], expect: { value: 0.8333333333333334 } },
  { fn: "MIGRATION.CONNECTIVITY", cls: "blank", args: () => [[[0, "", 10], [20, 0, 20], [30, 30, 0]]], expect: { value: 0.8333333333333334 } },
  { fn: "MIGRATION.CONNECTIVITY", cls: "notFinite", args: () => [[[0, NaN, 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.CONNECTIVITY", cls: "notFinite", args: () => [[[0, Infinity, 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.CONNECTIVITY", cls: "notFinite", args: () => [[[0, -Infinity, 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.CONNECTIVITY", cls: "negative", args: () => [[[0, -5, 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.CONNECTIVITY", cls: "nonSquare", args: () => [[[0, 10, 10], [20, 0, 20]]], expect: { thrown: err("#VALUE!", "matrix must be a square origin × destination matrix; it is 2×3 (select the numbers only, without labels)") } },
  { fn: "MIGRATION.CONNECTIVITY", cls: "empty", args: () => [[]], expect: { thrown: err("#VALUE!", "matrix is empty") } },
  { fn: "MIGRATION.CONNECTIVITY", cls: "empty", args: () => [[[]]], expect: { thrown: err("#VALUE!", "matrix is empty") } },
  { fn: "MIGRATION.CONNECTIVITY", cls: "singleCell", args: () => [[[5]]], expect: { thrown: err("#DIV/0!") } },
  { fn: "MIGRATION.CONNECTIVITY", cls: "text", input: "\"abc\" on the diagonal, which is ignored", args: () => [[["abc", 10, 10], [20, 0, 20], [30, 30, 0]]], expect: { value: 1 } },
  { fn: "MIGRATION.CORRIDORS", cls: "text", args: () => [[[0, "abc", 10], [20, 0, 20], [30, 30, 0]], [["A", "B", "C"]], 2], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"abc\"), not a number") } },
  { fn: "MIGRATION.CORRIDORS", cls: "thousands", args: () => [[[0, "12,610", 10], [20, 0, 20], [30, 30, 0]], [["A", "B", "C"]], 2], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"12,610\"), not a number") } },
  { fn: "MIGRATION.CORRIDORS", cls: "thousands", args: () => [[[0, "12 610", 10], [20, 0, 20], [30, 30, 0]], [["A", "B", "C"]], 2], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"12 610\"), not a number") } },
  { fn: "MIGRATION.CORRIDORS", cls: "decimalComma", args: () => [[[0, "0,25", 10], [20, 0, 20], [30, 30, 0]], [["A", "B", "C"]], 2], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"0,25\"), not a number") } },
  { fn: "MIGRATION.CORRIDORS", cls: "boolean", args: () => [[[0, true, 10], [20, 0, 20], [30, 30, 0]], [["A", "B", "C"]], 2], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is TRUE, not a number") } },
  { fn: "MIGRATION.CORRIDORS", cls: "boolean", args: () => [[[0, false, 10], [20, 0, 20], [30, 30, 0]], [["A", "B", "C"]], 2], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is FALSE, not a number") } },
  { fn: "MIGRATION.CORRIDORS", cls: "blank", args: () => [[[0, null, 10], [20, 0, 20], [30, 30, 0]], [["A", "B", "C"]], 2], expect: { value: [["origin", "destination", "flow", "counterflow", "net", "reciprocity"], ["C", "A", 30, 10, 20, 0.5], ["C", "B", 30, 20, 10, 0.8]] } },
  { fn: "MIGRATION.CORRIDORS", cls: "blank", args: () => [[[0, "", 10], [20, 0, 20], [30, 30, 0]], [["A", "B", "C"]], 2], expect: { value: [["origin", "destination", "flow", "counterflow", "net", "reciprocity"], ["C", "A", 30, 10, 20, 0.5], ["C", "B", 30, 20, 10, 0.8]] } },
  { fn: "MIGRATION.CORRIDORS", cls: "notFinite", args: () => [[[0, NaN, 10], [20, 0, 20], [30, 30, 0]], [["A", "B", "C"]], 2], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.CORRIDORS", cls: "notFinite", args: () => [[[0, Infinity, 10], [20, 0, 20], [30, 30, 0]], [["A", "B", "C"]], 2], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.CORRIDORS", cls: "notFinite", args: () => [[[0, -Infinity, 10], [20, 0, 20], [30, 30, 0]], [["A", "B", "C"]], 2], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.CORRIDORS", cls: "negative", args: () => [[[0, -5, 10], [20, 0, 20], [30, 30, 0]], [["A", "B", "C"]], 2], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.CORRIDORS", cls: "nonSquare", args: () => [[[0, 10, 10], [20, 0, 20]], [["A", "B", "C"]], 2], expect: { thrown: err("#VALUE!", "matrix must be a square origin × destination matrix; it is 2×3 (select the numbers only, without labels)") } },
  { fn: "MIGRATION.CORRIDORS", cls: "empty", args: () => [[], [["A", "B", "C"]], 2], expect: { thrown: err("#VALUE!", "matrix is empty") } },
  { fn: "MIGRATION.CORRIDORS", cls: "empty", args: () => [[[]], [["A", "B", "C"]], 2], expect: { thrown: err("#VALUE!", "matrix is empty") } },
  { fn: "MIGRATION.CORRIDORS", cls: "singleCell", args: () => [[[5]], [["A", "B", "C"]], 2], expect: { thrown: err("#VALUE!", "labels has 3 labels but the matrix has 1 regions") } },
  { fn: "MIGRATION.CORRIDORS", cls: "text", input: "\"abc\" on the diagonal, which is ignored", args: () => [[["abc", 10, 10], [20, 0, 20], [30, 30, 0]], [["A", "B", "C"]], 2], expect: { value: [["origin", "destination", "flow", "counterflow", "net", "reciprocity"], ["C", "A", 30, 10, 20, 0.5], ["C", "B", 30, 20, 10, 0.8]] } },
  { fn: "MIGRATION.CORRIDORS", cls: "mismatchedShapes", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], [["A", "B"]], 2], expect: { thrown: err("#VALUE!", "labels has 2 labels but the matrix has 3 regions") } },
  { fn: "MIGRATION.CORRIDORS", cls: "duplicateLabels", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], [["A", "A", "C"]], 2], expect: { value: [["origin", "destination", "flow", "counterflow", "net", "reciprocity"], ["C", "A", 30, 10, 20, 0.5], ["C", "A", 30, 20, 10, 0.8]] } },
  { fn: "MIGRATION.CORRIDORS", cls: "missingLabels", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], [["A", null, "C"]], 3], expect: { value: [["origin", "destination", "flow", "counterflow", "net", "reciprocity"], ["C", "A", 30, 10, 20, 0.5], ["C", "", 30, 20, 10, 0.8], ["", "A", 20, 10, 10, 0.6666666666666667]] } },
  { fn: "MIGRATION.CORRIDORS", cls: "negative", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], null, -1], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.CORRIDORS", cls: "text", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], null, "abc"], expect: { thrown: err("#VALUE!", "top is text (\"abc\"), not a number") } },
  { fn: "MIGRATION.CORRIDORS", cls: "notFinite", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], null, NaN], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.CORRIDORS", cls: "notFinite", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], null, Infinity], expect: { value: [["origin", "destination", "flow", "counterflow", "net", "reciprocity"], [3, 1, 30, 10, 20, 0.5], [3, 2, 30, 20, 10, 0.8], [2, 1, 20, 10, 10, 0.6666666666666667], [2, 3, 20, 30, -10, 0.8], [1, 2, 10, 20, -10, 0.6666666666666667], [1, 3, 10, 30, -20, 0.5]] } },
  { fn: "MIGRATION.CORRIDORS", cls: "boolean", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], null, true], expect: { thrown: err("#VALUE!", "top is TRUE, not a number") } },
  { fn: "MIGRATION.COURGEAUK", cls: "negative", args: () => [[[2000]], [[50000]], [[-10]]], expect: { value: [[err("#NUM!")]] } },
  { fn: "MIGRATION.FLOWSFROMSTOCKS", cls: "text", args: () => [[[0, "abc", 10], [20, 0, 20], [30, 30, 0]], [[0, 10, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#VALUE!", "stocks_start (row 1, column 2) is text (\"abc\"), not a number") } },
  { fn: "MIGRATION.FLOWSFROMSTOCKS", cls: "thousands", args: () => [[[0, "12,610", 10], [20, 0, 20], [30, 30, 0]], [[0, 10, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#VALUE!", "stocks_start (row 1, column 2) is text (\"12,610\"), not a number") } },
  { fn: "MIGRATION.FLOWSFROMSTOCKS", cls: "decimalComma", args: () => [[[0, "0,25", 10], [20, 0, 20], [30, 30, 0]], [[0, 10, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#VALUE!", "stocks_start (row 1, column 2) is text (\"0,25\"), not a number") } },
  { fn: "MIGRATION.FLOWSFROMSTOCKS", cls: "boolean", args: () => [[[0, true, 10], [20, 0, 20], [30, 30, 0]], [[0, 10, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#VALUE!", "stocks_start (row 1, column 2) is TRUE, not a number") } },
  { fn: "MIGRATION.FLOWSFROMSTOCKS", cls: "blank", args: () => [[[0, null, 10], [20, 0, 20], [30, 30, 0]], [[0, 10, 10], [20, 0, 20], [30, 30, 0]], null], expect: { value: [[0, 10, 0], [0, 0, 0], [0, 0, 0]] } },
  { fn: "MIGRATION.FLOWSFROMSTOCKS", cls: "blank", args: () => [[[0, "", 10], [20, 0, 20], [30, 30, 0]], [[0, 10, 10], [20, 0, 20], [30, 30, 0]], null], expect: { value: [[0, 10, 0], [0, 0, 0], [0, 0, 0]] } },
  { fn: "MIGRATION.FLOWSFROMSTOCKS", cls: "notFinite", args: () => [[[0, NaN, 10], [20, 0, 20], [30, 30, 0]], [[0, 10, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.FLOWSFROMSTOCKS", cls: "notFinite", args: () => [[[0, Infinity, 10], [20, 0, 20], [30, 30, 0]], [[0, 10, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.FLOWSFROMSTOCKS", cls: "notFinite", args: () => [[[0, -Infinity, 10], [20, 0, 20], [30, 30, 0]], [[0, 10, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.FLOWSFROMSTOCKS", cls: "negative", args: () => [[[0, -1, 10], [20, 0, 20], [30, 30, 0]], [[0, 10, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.FLOWSFROMSTOCKS", cls: "mismatchedShapes", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], [[0, 1], [1, 0]], null], expect: { thrown: err("#VALUE!", "stocks_start is 3×3 but stocks_end is 2×2: give two tables of the same places in the same order") } },
  { fn: "MIGRATION.FLOWSFROMSTOCKS", cls: "nonSquare", args: () => [[[0, 10, 10], [20, 0, 20]], [[0, 10, 10], [20, 0, 20]], null], expect: { thrown: err("#VALUE!", "stocks_start must be a square place of birth × place of residence table; it is 2×3 (select the numbers only, without labels)") } },
  { fn: "MIGRATION.FLOWSFROMSTOCKS", cls: "empty", args: () => [[], [[0, 10, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#VALUE!", "stocks_start is empty") } },
  { fn: "MIGRATION.FLOWSFROMSTOCKS", cls: "empty", args: () => [[[]], [[0, 10, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#VALUE!", "stocks_start is empty") } },
  { fn: "MIGRATION.FLOWSFROMSTOCKS", cls: "singleCell", args: () => [[[5]], [[7]], null], expect: { value: [[0]] } },
  { fn: "MIGRATION.FLOWSFROMSTOCKS", cls: "text", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], [[0, 10, 10], [20, 0, 20], [30, 30, 0]], "abc"], expect: { thrown: err("#VALUE!", "method must be \"zero\" or \"return\" (got \"abc\")") } },
  { fn: "MIGRATION.FLOWSFROMSTOCKS", cls: "boolean", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], [[0, 10, 10], [20, 0, 20], [30, 30, 0]], true], expect: { thrown: err("#VALUE!", "method must be \"zero\" or \"return\" (got TRUE)") } },
  { fn: "MIGRATION.GINI", cls: "text", args: () => [[[0, "abc", 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"abc\"), not a number") } },
  { fn: "MIGRATION.GINI", cls: "thousands", args: () => [[[0, "12,610", 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"12,610\"), not a number") } },
  { fn: "MIGRATION.GINI", cls: "thousands", args: () => [[[0, "12 610", 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"12 610\"), not a number") } },
  { fn: "MIGRATION.GINI", cls: "decimalComma", args: () => [[[0, "0,25", 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"0,25\"), not a number") } },
  { fn: "MIGRATION.GINI", cls: "boolean", args: () => [[[0, true, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is TRUE, not a number") } },
  { fn: "MIGRATION.GINI", cls: "boolean", args: () => [[[0, false, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is FALSE, not a number") } },
  { fn: "MIGRATION.GINI", cls: "blank", args: () => [[[0, null, 10], [20, 0, 20], [30, 30, 0]], null], expect: { value: 0.38181818181818183 } },
  { fn: "MIGRATION.GINI", cls: "blank", args: () => [[[0, "", 10], [20, 0, 20], [30, 30, 0]], null], expect: { value: 0.38181818181818183 } },
  { fn: "MIGRATION.GINI", cls: "notFinite", args: () => [[[0, NaN, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.GINI", cls: "notFinite", args: () => [[[0, Infinity, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.GINI", cls: "notFinite", args: () => [[[0, -Infinity, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.GINI", cls: "negative", args: () => [[[0, -5, 10], [20, 0, 20], [30, 30, 0]], null], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.GINI", cls: "nonSquare", args: () => [[[0, 10, 10], [20, 0, 20]], null], expect: { thrown: err("#VALUE!", "matrix must be a square origin × destination matrix; it is 2×3 (select the numbers only, without labels)") } },
  { fn: "MIGRATION.GINI", cls: "empty", args: () => [[], null], expect: { thrown: err("#VALUE!", "matrix is empty") } },
  { fn: "MIGRATION.GINI", cls: "empty", args: () => [[[]], null], expect: { thrown: err("#VALUE!", "matrix is empty") } },
  { fn: "MIGRATION.GINI", cls: "singleCell", args: () => [[[5]], null], expect: { thrown: err("#DIV/0!") } },
  { fn: "MIGRATION.GINI", cls: "text", input: "\"abc\" on the diagonal, which is ignored", args: () => [[["abc", 10, 10], [20, 0, 20], [30, 30, 0]], null], expect: { value: 0.26666666666666666 } },
  { fn: "MIGRATION.GINI", cls: "boolean", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], "abc"], expect: { thrown: err("#VALUE!", "corrected must be TRUE or FALSE") } },
  { fn: "MIGRATION.GINI", cls: "boolean", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], 2], expect: { thrown: err("#VALUE!", "corrected must be TRUE or FALSE") } },
  { fn: "MIGRATION.IPF", cls: "text", args: () => [[[0, "abc", 1], [1, 0, 1], [3, 1, 0]], [[5], [10], [7]], [[10, 3, 9]], null, null], expect: { thrown: err("#VALUE!", "seed (row 1, column 2) is text (\"abc\"), not a number") } },
  { fn: "MIGRATION.IPF", cls: "text", args: () => [[[0, 2, 1], [1, 0, 1], [3, 1, 0]], [[5], ["abc"], [7]], [[10, 3, 9]], null, null], expect: { thrown: err("#VALUE!", "row_totals (item 2) is text (\"abc\"), not a number") } },
  { fn: "MIGRATION.IPF", cls: "thousands", args: () => [[[0, "12,610", 1], [1, 0, 1], [3, 1, 0]], [[5], [10], [7]], [[10, 3, 9]], null, null], expect: { thrown: err("#VALUE!", "seed (row 1, column 2) is text (\"12,610\"), not a number") } },
  { fn: "MIGRATION.IPF", cls: "thousands", args: () => [[[0, 2, 1], [1, 0, 1], [3, 1, 0]], [[5], ["12,610"], [7]], [[10, 3, 9]], null, null], expect: { thrown: err("#VALUE!", "row_totals (item 2) is text (\"12,610\"), not a number") } },
  { fn: "MIGRATION.IPF", cls: "decimalComma", args: () => [[[0, "0,25", 1], [1, 0, 1], [3, 1, 0]], [[5], [10], [7]], [[10, 3, 9]], null, null], expect: { thrown: err("#VALUE!", "seed (row 1, column 2) is text (\"0,25\"), not a number") } },
  { fn: "MIGRATION.IPF", cls: "decimalComma", args: () => [[[0, 2, 1], [1, 0, 1], [3, 1, 0]], [[5], ["0,25"], [7]], [[10, 3, 9]], null, null], expect: { thrown: err("#VALUE!", "row_totals (item 2) is text (\"0,25\"), not a number") } },
  { fn: "MIGRATION.IPF", cls: "boolean", args: () => [[[0, true, 1], [1, 0, 1], [3, 1, 0]], [[5], [10], [7]], [[10, 3, 9]], null, null], expect: { thrown: err("#VALUE!", "seed (row 1, column 2) is TRUE, not a number") } },
  { fn: "MIGRATION.IPF", cls: "boolean", args: () => [[[0, 2, 1], [1, 0, 1], [3, 1, 0]], [[5], [true], [7]], [[10, 3, 9]], null, null], expect: { thrown: err("#VALUE!", "row_totals (item 2) is TRUE, not a number") } },
  { fn: "MIGRATION.IPF", cls: "blank", args: () => [[[0, null, 1], [1, 0, 1], [3, 1, 0]], [[5], [10], [7]], [[10, 3, 9]], null, null], expect: { value: [[0, 0, 4.999999998890087], [5.999999998618413, 0, 4.000000001109913], [4.000000001381586, 3, 0]] } },
  { fn: "MIGRATION.IPF", cls: "blank", args: () => [[[0, 2, 1], [1, 0, 1], [3, 1, 0]], [[5], [null], [7]], [[10, 3, 9]], null, null], expect: { thrown: err("#N/A", "row_totals (item 2) is blank") } },
  { fn: "MIGRATION.IPF", cls: "blank", args: () => [[[0, "", 1], [1, 0, 1], [3, 1, 0]], [[5], [10], [7]], [[10, 3, 9]], null, null], expect: { value: [[0, 0, 4.999999998890087], [5.999999998618413, 0, 4.000000001109913], [4.000000001381586, 3, 0]] } },
  { fn: "MIGRATION.IPF", cls: "blank", args: () => [[[0, 2, 1], [1, 0, 1], [3, 1, 0]], [[5], [""], [7]], [[10, 3, 9]], null, null], expect: { thrown: err("#N/A", "row_totals (item 2) is blank") } },
  { fn: "MIGRATION.IPF", cls: "notFinite", args: () => [[[0, NaN, 1], [1, 0, 1], [3, 1, 0]], [[5], [10], [7]], [[10, 3, 9]], null, null], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.IPF", cls: "notFinite", args: () => [[[0, 2, 1], [1, 0, 1], [3, 1, 0]], [[5], [NaN], [7]], [[10, 3, 9]], null, null], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.IPF", cls: "notFinite", args: () => [[[0, Infinity, 1], [1, 0, 1], [3, 1, 0]], [[5], [10], [7]], [[10, 3, 9]], null, null], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.IPF", cls: "notFinite", args: () => [[[0, 2, 1], [1, 0, 1], [3, 1, 0]], [[5], [Infinity], [7]], [[10, 3, 9]], null, null], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.IPF", cls: "notFinite", args: () => [[[0, -Infinity, 1], [1, 0, 1], [3, 1, 0]], [[5], [10], [7]], [[10, 3, 9]], null, null], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.IPF", cls: "notFinite", args: () => [[[0, 2, 1], [1, 0, 1], [3, 1, 0]], [[5], [-Infinity], [7]], [[10, 3, 9]], null, null], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.IPF", cls: "negative", args: () => [[[0, -1, 1], [1, 0, 1], [3, 1, 0]], [[5], [10], [7]], [[10, 3, 9]], null, null], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.IPF", cls: "negative", args: () => [[[0, 2, 1], [1, 0, 1], [3, 1, 0]], [[5], [-1], [7]], [[10, 3, 9]], null, null], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.IPF", cls: "mismatchedShapes", args: () => [[[0, 2, 1], [1, 0, 1], [3, 1, 0]], [[5], [10]], [[10, 3, 9]], null, null], expect: { thrown: err("#VALUE!", "row_totals has 2 values but the seed has 3 rows") } },
  { fn: "MIGRATION.IPF", cls: "mismatchedShapes", args: () => [[[0, 2, 1], [1, 0, 1], [3, 1, 0]], [[5], [10], [7]], [[10, 3]], null, null], expect: { thrown: err("#VALUE!", "col_totals has 2 values but the seed has 3 columns") } },
  { fn: "MIGRATION.IPF", cls: "mismatchedShapes", args: () => [[[0, 2, 1], [1, 0, 1], [3, 1, 0]], [[5], [10], [7]], [[10, 3, 1]], null, null], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.IPF", cls: "empty", args: () => [[], [[5], [10], [7]], [[10, 3, 9]], null, null], expect: { thrown: err("#VALUE!", "seed is empty") } },
  { fn: "MIGRATION.IPF", cls: "empty", args: () => [[[]], [[5], [10], [7]], [[10, 3, 9]], null, null], expect: { thrown: err("#VALUE!", "seed is empty") } },
  { fn: "MIGRATION.IPF", cls: "singleCell", args: () => [[[4]], [[10]], [[10]], null, null], expect: { value: [[10]] } },
  { fn: "MIGRATION.IPF", cls: "negative", args: () => [[[0, 2, 1], [1, 0, 1], [3, 1, 0]], [[5], [10], [7]], [[10, 3, 9]], -5, null], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.IPF", cls: "negative", args: () => [[[0, 2, 1], [1, 0, 1], [3, 1, 0]], [[5], [10], [7]], [[10, 3, 9]], null, -1], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.IPF", cls: "text", args: () => [[[0, 2, 1], [1, 0, 1], [3, 1, 0]], [[5], [10], [7]], [[10, 3, 9]], "abc", null], expect: { thrown: err("#VALUE!", "max_iterations is text (\"abc\"), not a number") } },
  { fn: "MIGRATION.MATRIX", cls: "duplicateLabels", args: () => [[["A"], ["A"], ["B"]], [["B"], ["B"], ["A"]], [[5], [2], [3]]], expect: { value: [["origin \\ destination", "A", "B"], ["A", 0, 7], ["B", 3, 0]] } },
  { fn: "MIGRATION.MATRIX", cls: "missingLabels", args: () => [[["A"], [null], ["B"]], [["B"], ["C"], ["A"]], [[5], [2], [3]]], expect: { thrown: err("#N/A", "origins (row 2) is blank") } },
  { fn: "MIGRATION.MATRIX", cls: "missingLabels", args: () => [[["A"], [""], ["B"]], [["B"], ["C"], ["A"]], [[5], [2], [3]]], expect: { thrown: err("#N/A", "origins (row 2) is blank") } },
  { fn: "MIGRATION.MATRIX", cls: "text", args: () => [[["A"], ["A"], ["B"]], [["B"], ["C"], ["A"]], [[5], ["abc"], [3]]], expect: { value: [["origin \\ destination", "A", "B", "C"], ["A", 0, 5, err("#VALUE!", "flows (row 2) is text (\"abc\"), not a number")], ["B", 3, 0, 0], ["C", 0, 0, 0]] } },
  { fn: "MIGRATION.MATRIX", cls: "thousands", args: () => [[["A"], ["A"], ["B"]], [["B"], ["C"], ["A"]], [[5], ["12,610"], [3]]], expect: { value: [["origin \\ destination", "A", "B", "C"], ["A", 0, 5, err("#VALUE!", "flows (row 2) is text (\"12,610\"), not a number")], ["B", 3, 0, 0], ["C", 0, 0, 0]] } },
  { fn: "MIGRATION.MATRIX", cls: "decimalComma", args: () => [[["A"], ["A"], ["B"]], [["B"], ["C"], ["A"]], [[5], ["0,25"], [3]]], expect: { value: [["origin \\ destination", "A", "B", "C"], ["A", 0, 5, err("#VALUE!", "flows (row 2) is text (\"0,25\"), not a number")], ["B", 3, 0, 0], ["C", 0, 0, 0]] } },
  { fn: "MIGRATION.MATRIX", cls: "boolean", args: () => [[["A"], ["A"], ["B"]], [["B"], ["C"], ["A"]], [[5], [true], [3]]], expect: { value: [["origin \\ destination", "A", "B", "C"], ["A", 0, 5, err("#VALUE!", "flows (row 2) is TRUE, not a number")], ["B", 3, 0, 0], ["C", 0, 0, 0]] } },
  { fn: "MIGRATION.MATRIX", cls: "boolean", args: () => [[["A"], [true], ["B"]], [["B"], ["C"], ["A"]], [[5], [2], [3]]], expect: { thrown: err("#VALUE!", "origins (row 2) is TRUE, not a region name") } },
  { fn: "MIGRATION.MATRIX", cls: "blank", args: () => [[["A"], ["A"], ["B"]], [["B"], ["C"], ["A"]], [[5], [null], [3]]], expect: { value: [["origin \\ destination", "A", "B", "C"], ["A", 0, 5, err("#N/A", "flows (row 2) is blank")], ["B", 3, 0, 0], ["C", 0, 0, 0]] } },
  { fn: "MIGRATION.MATRIX", cls: "blank", args: () => [[["A"], ["A"], ["B"]], [["B"], ["C"], ["A"]], [[5], [""], [3]]], expect: { value: [["origin \\ destination", "A", "B", "C"], ["A", 0, 5, err("#N/A", "flows (row 2) is blank")], ["B", 3, 0, 0], ["C", 0, 0, 0]] } },
  { fn: "MIGRATION.MATRIX", cls: "notFinite", args: () => [[["A"], ["A"], ["B"]], [["B"], ["C"], ["A"]], [[5], [NaN], [3]]], expect: { value: [["origin \\ destination", "A", "B", "C"], ["A", 0, 5, err("#NUM!")], ["B", 3, 0, 0], ["C", 0, 0, 0]] } },
  { fn: "MIGRATION.MATRIX", cls: "notFinite", args: () => [[["A"], ["A"], ["B"]], [["B"], ["C"], ["A"]], [[5], [Infinity], [3]]], expect: { value: [["origin \\ destination", "A", "B", "C"], ["A", 0, 5, err("#NUM!")], ["B", 3, 0, 0], ["C", 0, 0, 0]] } },
  { fn: "MIGRATION.MATRIX", cls: "notFinite", args: () => [[["A"], ["A"], ["B"]], [["B"], ["C"], ["A"]], [[5], [-Infinity], [3]]], expect: { value: [["origin \\ destination", "A", "B", "C"], ["A", 0, 5, err("#NUM!")], ["B", 3, 0, 0], ["C", 0, 0, 0]] } },
  { fn: "MIGRATION.MATRIX", cls: "negative", args: () => [[["A"], ["A"], ["B"]], [["B"], ["C"], ["A"]], [[5], [-2], [3]]], expect: { value: [["origin \\ destination", "A", "B", "C"], ["A", 0, 5, err("#NUM!")], ["B", 3, 0, 0], ["C", 0, 0, 0]] } },
  { fn: "MIGRATION.MATRIX", cls: "mismatchedShapes", args: () => [[["A"], ["A"], ["B"]], [["B"], ["C"], ["A"]], [[5], [2]]], expect: { thrown: err("#VALUE!", "origins (3), destinations (3) and flows (2) must be the same size") } },
  { fn: "MIGRATION.MATRIX", cls: "mismatchedShapes", args: () => [[["A", "A"]], [["B"], ["C"], ["A"]], [[5], [2], [3]]], expect: { thrown: err("#VALUE!", "origins (2), destinations (3) and flows (3) must be the same size") } },
  { fn: "MIGRATION.MATRIX", cls: "empty", args: () => [[], [["B"], ["C"], ["A"]], [[5], [2], [3]]], expect: { thrown: err("#VALUE!", "origins is empty") } },
  { fn: "MIGRATION.MATRIX", cls: "empty", args: () => [[[]], [[]], [[]]], expect: { thrown: err("#VALUE!", "origins is empty") } },
  { fn: "MIGRATION.MATRIX", cls: "singleCell", args: () => [[["A"]], [["B"]], [[5]]], expect: { value: [["origin \\ destination", "A", "B"], ["A", 0, 5], ["B", 0, 0]] } },
  { fn: "MIGRATION.MATRIX", cls: "singleCell", args: () => [[["A"]], [["A"]], [[5]]], expect: { value: [["origin \\ destination", "A"], ["A", 5]] } },
  { fn: "MIGRATION.MEI", cls: "text", args: () => [[[0, "abc", 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"abc\"), not a number") } },
  { fn: "MIGRATION.MEI", cls: "thousands", args: () => [[[0, "12,610", 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"12,610\"), not a number") } },
  { fn: "MIGRATION.MEI", cls: "thousands", args: () => [[[0, "12 610", 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"12 610\"), not a number") } },
  { fn: "MIGRATION.MEI", cls: "decimalComma", args: () => [[[0, "0,25", 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"0,25\"), not a number") } },
  { fn: "MIGRATION.MEI", cls: "boolean", args: () => [[[0, true, 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is TRUE, not a number") } },
  { fn: "MIGRATION.MEI", cls: "boolean", args: () => [[[0, false, 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is FALSE, not a number") } },
  { fn: "MIGRATION.MEI", cls: "blank", args: () => [[[0, null, 10], [20, 0, 20], [30, 30, 0]]], expect: { value: 0.36363636363636365 } },
  { fn: "MIGRATION.MEI", cls: "blank", args: () => [[[0, "", 10], [20, 0, 20], [30, 30, 0]]], expect: { value: 0.36363636363636365 } },
  { fn: "MIGRATION.MEI", cls: "notFinite", args: () => [[[0, NaN, 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.MEI", cls: "notFinite", args: () => [[[0, Infinity, 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.MEI", cls: "notFinite", args: () => [[[0, -Infinity, 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.MEI", cls: "negative", args: () => [[[0, -5, 10], [20, 0, 20], [30, 30, 0]]], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.MEI", cls: "nonSquare", args: () => [[[0, 10, 10], [20, 0, 20]]], expect: { thrown: err("#VALUE!", "matrix must be a square origin × destination matrix; it is 2×3 (select the numbers only, without labels)") } },
  { fn: "MIGRATION.MEI", cls: "empty", args: () => [[]], expect: { thrown: err("#VALUE!", "matrix is empty") } },
  { fn: "MIGRATION.MEI", cls: "empty", args: () => [[[]]], expect: { thrown: err("#VALUE!", "matrix is empty") } },
  { fn: "MIGRATION.MEI", cls: "singleCell", args: () => [[[5]]], expect: { thrown: err("#DIV/0!") } },
  { fn: "MIGRATION.MEI", cls: "text", input: "\"abc\" on the diagonal, which is ignored", args: () => [[["abc", 10, 10], [20, 0, 20], [30, 30, 0]]], expect: { value: 0.25 } },
  { fn: "MIGRATION.NETRATE", cls: "negative", args: () => [[[1]], [[1]], [[100]], -1000], expect: { value: [[err("#NUM!")]] } },
  { fn: "MIGRATION.NETRATE", cls: "text", args: () => [[[1]], [[1]], [[100]], "abc"], expect: { thrown: err("#VALUE!", "per is text (\"abc\"), not a number") } },
  { fn: "MIGRATION.NETRATE", cls: "notFinite", args: () => [[[1]], [[1]], [[100]], Infinity], expect: { value: [[err("#NUM!")]] } },
  { fn: "MIGRATION.SUMMARY", cls: "text", args: () => [[[0, "abc", 10], [20, 0, 20], [30, 30, 0]], [["A"], ["B"], ["C"]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"abc\"), not a number") } },
  { fn: "MIGRATION.SUMMARY", cls: "thousands", args: () => [[[0, "12,610", 10], [20, 0, 20], [30, 30, 0]], [["A"], ["B"], ["C"]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"12,610\"), not a number") } },
  { fn: "MIGRATION.SUMMARY", cls: "thousands", args: () => [[[0, "12 610", 10], [20, 0, 20], [30, 30, 0]], [["A"], ["B"], ["C"]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"12 610\"), not a number") } },
  { fn: "MIGRATION.SUMMARY", cls: "decimalComma", args: () => [[[0, "0,25", 10], [20, 0, 20], [30, 30, 0]], [["A"], ["B"], ["C"]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is text (\"0,25\"), not a number") } },
  { fn: "MIGRATION.SUMMARY", cls: "boolean", args: () => [[[0, true, 10], [20, 0, 20], [30, 30, 0]], [["A"], ["B"], ["C"]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is TRUE, not a number") } },
  { fn: "MIGRATION.SUMMARY", cls: "boolean", args: () => [[[0, false, 10], [20, 0, 20], [30, 30, 0]], [["A"], ["B"], ["C"]]], expect: { thrown: err("#VALUE!", "matrix (row 1, column 2) is FALSE, not a number") } },
  { fn: "MIGRATION.SUMMARY", cls: "blank", args: () => [[[0, null, 10], [20, 0, 20], [30, 30, 0]], [["A"], ["B"], ["C"]]], expect: { value: [["region", "outflow", "inflow", "turnover", "net", "effectiveness"], ["A", 10, 50, 60, 40, 0.6666666666666666], ["B", 40, 30, 70, -10, -0.14285714285714285], ["C", 60, 30, 90, -30, -0.3333333333333333]] } },
  { fn: "MIGRATION.SUMMARY", cls: "blank", args: () => [[[0, "", 10], [20, 0, 20], [30, 30, 0]], [["A"], ["B"], ["C"]]], expect: { value: [["region", "outflow", "inflow", "turnover", "net", "effectiveness"], ["A", 10, 50, 60, 40, 0.6666666666666666], ["B", 40, 30, 70, -10, -0.14285714285714285], ["C", 60, 30, 90, -30, -0.3333333333333333]] } },
  { fn: "MIGRATION.SUMMARY", cls: "notFinite", args: () => [[[0, NaN, 10], [20, 0, 20], [30, 30, 0]], [["A"], ["B"], ["C"]]], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.SUMMARY", cls: "notFinite", args: () => [[[0, Infinity, 10], [20, 0, 20], [30, 30, 0]], [["A"], ["B"], ["C"]]], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.SUMMARY", cls: "notFinite", args: () => [[[0, -Infinity, 10], [20, 0, 20], [30, 30, 0]], [["A"], ["B"], ["C"]]], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.SUMMARY", cls: "negative", args: () => [[[0, -5, 10], [20, 0, 20], [30, 30, 0]], [["A"], ["B"], ["C"]]], expect: { thrown: err("#NUM!") } },
  { fn: "MIGRATION.SUMMARY", cls: "nonSquare", args: () => [[[0, 10, 10], [20, 0, 20]], [["A"], ["B"], ["C"]]], expect: { thrown: err("#VALUE!", "matrix must be a square origin × destination matrix; it is 2×3 (select the numbers only, without labels)") } },
  { fn: "MIGRATION.SUMMARY", cls: "empty", args: () => [[], [["A"], ["B"], ["C"]]], expect: { thrown: err("#VALUE!", "matrix is empty") } },
  { fn: "MIGRATION.SUMMARY", cls: "empty", args: () => [[[]], [["A"], ["B"], ["C"]]], expect: { thrown: err("#VALUE!", "matrix is empty") } },
  { fn: "MIGRATION.SUMMARY", cls: "singleCell", args: () => [[[5]], [["A"], ["B"], ["C"]]], expect: { thrown: err("#VALUE!", "labels has 3 labels but the matrix has 1 regions") } },
  { fn: "MIGRATION.SUMMARY", cls: "text", input: "\"abc\" on the diagonal, which is ignored", args: () => [[["abc", 10, 10], [20, 0, 20], [30, 30, 0]], [["A"], ["B"], ["C"]]], expect: { value: [["region", "outflow", "inflow", "turnover", "net", "effectiveness"], ["A", 20, 50, 70, 30, 0.42857142857142855], ["B", 40, 40, 80, 0, 0], ["C", 60, 30, 90, -30, -0.3333333333333333]] } },
  { fn: "MIGRATION.SUMMARY", cls: "mismatchedShapes", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], [["A"], ["B"]]], expect: { thrown: err("#VALUE!", "labels has 2 labels but the matrix has 3 regions") } },
  { fn: "MIGRATION.SUMMARY", cls: "duplicateLabels", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], [["A"], ["A"], ["C"]]], expect: { value: [["region", "outflow", "inflow", "turnover", "net", "effectiveness"], ["A", 20, 50, 70, 30, 0.42857142857142855], ["A", 40, 40, 80, 0, 0], ["C", 60, 30, 90, -30, -0.3333333333333333]] } },
  { fn: "MIGRATION.SUMMARY", cls: "missingLabels", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], [["A"], [null], ["C"]]], expect: { value: [["region", "outflow", "inflow", "turnover", "net", "effectiveness"], ["A", 20, 50, 70, 30, 0.42857142857142855], ["", 40, 40, 80, 0, 0], ["C", 60, 30, 90, -30, -0.3333333333333333]] } },
  { fn: "MIGRATION.SUMMARY", cls: "missingLabels", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], [["A"], [""], ["C"]]], expect: { value: [["region", "outflow", "inflow", "turnover", "net", "effectiveness"], ["A", 20, 50, 70, 30, 0.42857142857142855], ["", 40, 40, 80, 0, 0], ["C", 60, 30, 90, -30, -0.3333333333333333]] } },
  { fn: "MIGRATION.SUMMARY", cls: "boolean", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], [["A"], [true], ["C"]]], expect: { value: [["region", "outflow", "inflow", "turnover", "net", "effectiveness"], ["A", 20, 50, 70, 30, 0.42857142857142855], ["TRUE", 40, 40, 80, 0, 0], ["C", 60, 30, 90, -30, -0.3333333333333333]] } },
  { fn: "MIGRATION.SUMMARY", cls: "notFinite", args: () => [[[0, 10, 10], [20, 0, 20], [30, 30, 0]], [["A"], [NaN], ["C"]]], expect: { value: [["region", "outflow", "inflow", "turnover", "net", "effectiveness"], ["A", 20, 50, 70, 30, 0.42857142857142855], [err("#NUM!"), 40, 40, 80, 0, 0], ["C", 60, 30, 90, -30, -0.3333333333333333]] } },
];

export const FUNCTION_CASES: readonly FunctionCase[] = [...ELEMENTWISE.flatMap(elementwiseCases), ...SPECIAL, ...MILLION_MATRIX, ...INDEX_CASES, ...PERIOD_CASES];

/** What the report engine makes of a block: detect(), then planReport() in the native mode. */
export interface EngineOutcome {
  /** detect() refused the block with this message. */
  readonly detectError?: string;
  readonly shape?: Shape;
  /** The data problems detect() lists: address on the source sheet, code, and the sentence the command line prints for it. */
  readonly problems?: readonly (Pick<DataProblem, "address" | "code"> & { readonly message: string })[];
  /** planReport() refused the data with this message (it names the cells). */
  readonly planError?: string;
  /** Planned table cells holding an Excel error: sheet, the row's first cell (its region), column header, error. */
  readonly cellErrors?: readonly { readonly sheet: string; readonly row: CellValue; readonly column: string; readonly error: string }[];
  /** Sentences the Definitions sheet must hold. */
  readonly notes?: readonly string[];
  /** Planned sheet names. */
  readonly sheets?: readonly string[];
}

export interface EngineCase {
  readonly cls: BadInputClass;
  readonly input: string;
  /** The block's cells, read from Data!A1. */
  readonly block: () => CellValue[][];
  readonly expect: EngineOutcome;
}

export const ENGINE_NOW = new Date(0);

/** Runs detect + planReport on a block at Data!A1 and reads the outcome the catalog documents. */
export function engineOutcome(values: CellValue[][]): Required<Pick<EngineOutcome, "problems" | "cellErrors" | "sheets">> & EngineOutcome & { definitions: string[] } {
  const block = { sheet: "Data", top: 0, left: 0, values, provenance: "Data!A1" };
  let detection;
  try {
    detection = detect(block);
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    return { detectError: e.message, problems: [], cellErrors: [], sheets: [], definitions: [] };
  }
  const problems = detection.problems.map((p) => ({ address: p.address, code: p.code, message: renderProblem(p, "en") }));
  let plan;
  try {
    plan = planReport(block, detection, { mode: "native", now: ENGINE_NOW });
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    return { shape: detection.shape, problems, planError: e.message, cellErrors: [], sheets: [], definitions: [] };
  }
  const cellErrors: { sheet: string; row: CellValue; column: string; error: string }[] = [];
  for (const s of plan.sheets) {
    for (const t of s.tables) {
      for (const row of t.rows) {
        row.forEach((c, j) => {
          const v = c.value;
          if (v !== null && typeof v === "object" && "error" in v) {
            const first = row[0].value;
            cellErrors.push({ sheet: s.name, row: first !== null && typeof first === "object" ? null : first, column: t.header[j], error: v.error });
          }
        });
      }
    }
  }
  const definitions = plan.sheets[plan.sheets.length - 1].cells.map((c) => String(c.cell.value));
  return { shape: plan.shape, problems, cellErrors, sheets: plan.sheets.map((s) => s.name), definitions };
}

const HOW_TO_SELECT = "select a country table with a header row, a square origin × destination matrix with labels, or an origin–destination–flow list";
const TABLE_HEADER: CellValue[] = ["country", "skilled emigrants", "skilled residents"];
/** A country table whose row B holds `v` as its skilled emigrants. */
const table = (v: CellValue) => (): CellValue[][] => [TABLE_HEADER, ["A", 120, 880], ["B", v, 50]];
const MATRIX: CellValue[][] = [["", "A", "B", "C"], ["A", 0, 10, 10], ["B", 20, 0, 20], ["C", 30, 30, 0]];
/** The labelled matrix with cell [r][c] of the block replaced by `v`. */
const matrix = (r: number, c: number, v: CellValue) => (): CellValue[][] => MATRIX.map((row, i) => row.map((x, j) => (i === r && j === c ? v : x)));
const SKILLED = "'skilled emigrants' (skilledEmigrants)";
const RATE_COL = "Skilled emigration rate";
const onB = (error: string) => [{ sheet: "Migration Summary", row: "B", column: RATE_COL, error }];
const textIn = (what: string) => (v: string, code: ProblemCode, msg: string) => ({ address: "B3", code, message: `'${v}' in ${what} ${msg}` });
const tableText = textIn(SKILLED);
const THOUSANDS = "is a number stored as text with thousands separators: convert it to a number (remove the separators, or use Data ▸ Text to Columns); until then it is read as missing.";
const MATRIX_THOUSANDS = "is a number stored as text with thousands separators: convert it to a number (remove the separators, or use Data ▸ Text to Columns); until then the report cannot be built (fix or clear the cell).";
const ONCE = "Each region must appear once across the top and once down the side.";
const NOT_COUNTS = (cells: string) => `the matrix has cells that are not counts of people: ${cells}. Fix or clear them, or select the numbers only.`;

export const ENGINE_CASES: readonly EngineCase[] = [
  { cls: "text", input: "country table, a skilled-emigrants cell holds \"abc\"", block: table("abc"), expect: { shape: "table", problems: [tableText("abc", "text", "is text, not a number: it is read as missing.")], cellErrors: onB("#VALUE!") } },
  { cls: "thousands", input: "country table, a cell holds \"12,610\"", block: table("12,610"), expect: { shape: "table", problems: [tableText("12,610", "thousands", THOUSANDS)], cellErrors: onB("#VALUE!") } },
  { cls: "thousands", input: "country table, a cell holds \"12 610\"", block: table("12 610"), expect: { shape: "table", problems: [tableText("12 610", "thousands", THOUSANDS)], cellErrors: onB("#VALUE!") } },
  { cls: "decimalComma", input: "country table, a cell holds \"0,25\"", block: table("0,25"), expect: { shape: "table", problems: [tableText("0,25", "decimalComma", "is a number stored as text with a decimal comma: convert it to a number (0.25); until then it is read as missing.")], cellErrors: onB("#VALUE!") } },
  { cls: "boolean", input: "country table, a cell holds TRUE", block: table(true), expect: { shape: "table", problems: [{ address: "B3", code: "boolean", message: `TRUE in ${SKILLED} is a logical value, not a number: it is read as missing.` }], cellErrors: onB("#VALUE!") } },
  ...([null, ""] as const).map((v): EngineCase => ({ cls: "blank", input: `country table, a cell is blank (${v === null ? "null" : '""'})`, block: table(v), expect: { shape: "table", problems: [{ address: "B3", code: "blankMissing", message: `Blank in ${SKILLED}: read as missing, not as 0.` }], cellErrors: onB("#N/A") } })),
  ...[NaN, Infinity, -Infinity].map((v): EngineCase => ({ cls: "notFinite", input: `country table, a cell holds ${v}`, block: table(v), expect: { shape: "table", problems: [{ address: "B3", code: "notFinite", message: `${v} in ${SKILLED} is not a finite number: it is read as missing.` }], cellErrors: [{ sheet: "Migration Summary", row: "B", column: "Skilled emigrants", error: "#NUM!" }, ...onB("#NUM!")] } })),
  { cls: "negative", input: "country table, a cell holds -5", block: table(-5), expect: { shape: "table", problems: [{ address: "B3", code: "negative", message: `-5 in ${SKILLED} is negative: a count of people cannot be, so measures using it show #NUM!.` }], cellErrors: onB("#NUM!") } },
  { cls: "mismatchedShapes", input: "country table whose row 2 has 2 cells where the header has 3", block: () => [TABLE_HEADER, ["A", 120], ["B", 5, 50]], expect: { shape: "table", problems: [{ address: "C2", code: "ragged", message: "Row 2 has 2 cells where row 1 has 3: cells may have shifted; check the row (missing cells read as blank)." }, { address: "C2", code: "blankMissing", message: "Blank in 'skilled residents' (skilledResidents): read as missing, not as 0." }], cellErrors: [{ sheet: "Migration Summary", row: "A", column: RATE_COL, error: "#N/A" }] } },
  { cls: "missingLabels", input: "country table, a row without its country", block: () => [TABLE_HEADER, ["A", 120, 880], [null, 5, 50]], expect: { shape: "table", problems: [{ address: "A3", code: "missingLabel", message: "No region in row 3: if the label was a merged cell, unmerge it and fill the label down; the row is labelled by its row number." }], cellErrors: [] } },
  { cls: "thousands", input: "labelled 3×3 matrix, C2 holds \"12,610\"", block: matrix(1, 2, "12,610"), expect: { shape: "matrix", problems: [{ address: "C2", code: "thousands", message: `'12,610' in the matrix ${MATRIX_THOUSANDS}` }], planError: NOT_COUNTS('C2 ("12,610")') } },
  { cls: "blank", input: "labelled 3×3 matrix, C2 blank (no recorded flow)", block: matrix(1, 2, null), expect: { shape: "matrix", problems: [], cellErrors: [] } },
  ...[NaN, Infinity].map((v): EngineCase => ({ cls: "notFinite", input: `labelled 3×3 matrix, C2 holds ${v}`, block: matrix(1, 2, v), expect: { shape: "matrix", problems: [{ address: "C2", code: "notFinite", message: `${v} in the matrix is not a finite number: the report cannot be built (fix or clear the cell).` }], planError: NOT_COUNTS(`C2 (${v})`) } })),
  { cls: "negative", input: "labelled 3×3 matrix, C2 holds -5", block: matrix(1, 2, -5), expect: { shape: "matrix", problems: [{ address: "C2", code: "negative", message: "-5 in the matrix is negative: a count of people cannot be, so the report cannot be built (fix or clear the cell)." }], planError: NOT_COUNTS("C2 (-5)") } },
  { cls: "duplicateLabels", input: "labelled 3×3 matrix, column labels A, A, C", block: matrix(0, 2, "A"), expect: { shape: "matrix", problems: [{ address: "C1", code: "duplicateLabel", message: "The label 'A' is also in B1: each region must appear once." }], planError: `Region "A" appears twice in the column labels: B1 and C1. ${ONCE}` } },
  { cls: "duplicateLabels", input: "labelled 3×3 matrix, row labels A, A, C", block: matrix(2, 0, "A"), expect: { shape: "matrix", problems: [{ address: "A3", code: "duplicateLabel", message: "The label 'A' is also in A2: each region must appear once." }], planError: `Region "A" appears twice in the row labels: A2 and A3. ${ONCE}` } },
  {
    cls: "duplicateLabels",
    input: "country table, country B on two rows (totals would count it twice)",
    block: () => [TABLE_HEADER, ["A", 120, 880], ["B", 5, 50], ["C", 7, 70], ["b ", 5, 50]],
    expect: {
      shape: "table",
      problems: [{ address: "A5", code: "repeatedRow", message: 'Country "B" appears twice: A3 and A5. Totals would count it twice, so the report is refused: keep one row per country, or map a year or group column that tells the rows apart.' }],
      planError: 'Country "B" appears twice: A3 and A5. Each country needs one row (several years or groups need a year or group column that tells the rows apart); as it is, totals would count it twice.',
    },
  },
  {
    cls: "duplicateLabels",
    input: "country table with a year column, country B twice for 2010 and once for 2011",
    block: () => [["country", "year", "skilled emigrants", "skilled residents"], ["B", 2010, 5, 50], ["B", 2011, 6, 60], ["B", 2010, 7, 70]],
    expect: {
      shape: "table",
      problems: [{ address: "A4", code: "repeatedRow", message: 'Country "B" appears twice for 2010: A2 and A4. Totals would count it twice, so the report is refused: keep one row per country.' }],
      planError: 'Country "B" appears twice for 2010: A2 and A4. Each country needs one row (several years or groups need a year or group column that tells the rows apart); as it is, totals would count it twice.',
    },
  },
  { cls: "text", input: "labelled 3×3 matrix, D3 holds \"n/a\" (still read as a matrix)", block: matrix(2, 3, "n/a"), expect: { shape: "matrix", problems: [{ address: "D3", code: "missingMarker", message: "'n/a' in the matrix marks a missing value: the report cannot be built (fix or clear the cell)." }], planError: NOT_COUNTS('D3 ("n/a")') } },
  { cls: "text", input: "labelled 3×3 matrix, C2 holds \"1,2x\" (still read as a matrix)", block: matrix(1, 2, "1,2x"), expect: { shape: "matrix", problems: [{ address: "C2", code: "text", message: "'1,2x' in the matrix is text, not a number: the report cannot be built (fix or clear the cell)." }], planError: NOT_COUNTS('C2 ("1,2x")') } },
  { cls: "text", input: "country table, a cell holds \"12\\r\\n610\" (quoted on one line)", block: table("12\r\n610"), expect: { shape: "table", problems: [tableText("12↵610", "text", "is text, not a number: it is read as missing.")], cellErrors: onB("#VALUE!") } },
  { cls: "nonSquare", input: "2×3 numbers, no labels", block: () => [[1, 2, 3], [4, 5, 6]], expect: { detectError: `No header row was found, and the block is not a square matrix: ${HOW_TO_SELECT}.` } },
  { cls: "nonSquare", input: "4×3 numbers, no labels", block: () => [[0, 1, 2], [4, 0, 6], [1, 2, 0], [3, 3, 3]], expect: { detectError: `No header row was found, and the block is not a square matrix: ${HOW_TO_SELECT}.` } },
  { cls: "empty", input: "[]", block: () => [], expect: { detectError: `The block is empty: ${HOW_TO_SELECT}.` } },
  { cls: "empty", input: "[[]]", block: () => [[]], expect: { detectError: `The block is empty: ${HOW_TO_SELECT}.` } },
  { cls: "empty", input: "2×2 blank cells", block: () => [[null, null], [null, ""]], expect: { detectError: `The block is empty: ${HOW_TO_SELECT}.` } },
  { cls: "singleCell", input: "one cell holding 5", block: () => [[5]], expect: { detectError: `The block holds a single value (A1): ${HOW_TO_SELECT}.` } },
  { cls: "text", input: "long list, a flow holds \"x\"", block: () => [["origin", "destination", "flow"], ["A", "B", 5], ["B", "A", "x"]], expect: { shape: "long", problems: [{ address: "C3", code: "missingMarker", message: "'x' in 'flow' (flow) marks a missing value: the report cannot be built (fix or clear the cell)." }], planError: "some flows are blank, text or negative, so the matrix cannot be summarised: B → A" } },
  { cls: "missingLabels", input: "long list, a row without its origin", block: () => [["origin", "destination", "flow"], ["A", "B", 5], [null, "A", 3]], expect: { shape: "long", problems: [{ address: "A3", code: "missingLabel", message: "No origin in row 3: if the label was a merged cell, unmerge it and fill the label down; the row is skipped." }], cellErrors: [] } },
  {
    cls: "mixedYears",
    input: "long list with flows for 2019, 2020 and 2021",
    block: () => [["origin", "destination", "year", "flow"], ["A", "B", 2019, 5], ["B", "A", 2019, 3], ["A", "B", 2020, 7], ["B", "C", 2020, 2], ["C", "A", 2021, 4]],
    // B has no flows in 2021, C none in 2019: no effectiveness there on the Trajectories sheet.
    expect: {
      shape: "long",
      problems: [],
      cellErrors: [
        ...["Effectiveness 2021", "Change", "Classification 2021"].map((column) => ({ sheet: "Trajectories", row: "B", column, error: "#DIV/0!" as const })),
        ...["Effectiveness 2019", "Change", "Classification 2019"].map((column) => ({ sheet: "Trajectories", row: "C", column, error: "#DIV/0!" as const })),
      ],
      notes: ["Long list: 5 flows between 3 regions, 3 periods, header in row 1.", "The list holds 3 periods, 2019 to 2021; this report shows the latest, 2021 (its rows only, pivoted). Build it for another period with --period on the command line or the period picker in the task pane."],
    },
  },
  {
    cls: "millionCells",
    input: `a ${BIG}×${BIG} block: a ${BIG - 1}×${BIG - 1} matrix with labels in row 1 and column A`,
    block: () => Array.from({ length: BIG }, (_, i) => Array.from({ length: BIG }, (_, j): CellValue => (i === 0 && j === 0 ? "" : i === 0 ? `R${j}` : j === 0 ? `R${i}` : i === j ? 0 : (i * 7 + j * 3) % 100))),
    expect: { shape: "matrix", problems: [], cellErrors: [], sheets: ["Migration Summary", "Corridors", "Definitions"] },
  },
];
