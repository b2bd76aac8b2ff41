/**
 * The bad-input catalog's entries for the index families (MIGRATION.INEQUALITY … MIGRATION.LUMP):
 * a 4-region system with its populations and distances, spoilt one class of bad input at a time.
 * Where a bad cell is accepted (a blank flow is 0) the documented value is the measure's own on
 * the matrix the cell stands for, computed with src/indicators.
 */
import { ageIndices } from "../../src/indicators/age";
import { aggregatedCv, flowsCv, giniWithin, migrationInequality, weightedGini } from "../../src/indicators/connectivity";
import { distanceDecay, meanDistance, medianDistance } from "../../src/indicators/distance";
import { preferenceIndex, velocityIndex } from "../../src/indicators/impact";
import { MeasureError } from "../../src/indicators/types";
import type { BadInputClass, Expected, ExpectedCell, FunctionCase } from "./bad-input";

const M4 = [
  [0, 10, 10, 5],
  [20, 0, 20, 8],
  [30, 30, 0, 12],
  [4, 6, 9, 0],
];
const POP4 = [[100], [200], [300], [400]];
const DIST4 = [
  [0, 1, 2, 3],
  [1, 0, 1.5, 2],
  [2, 1.5, 0, 2.5],
  [3, 2, 2.5, 0],
];
const BIG = 1000;

function withCell(m: readonly (readonly unknown[])[], v: unknown, i = 0, j = 1): unknown[][] {
  return m.map((row, r) => row.map((x, c) => (r === i && c === j ? v : x)));
}
function ones(n = BIG): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : 1)));
}

function sparseFlows(): number[][] {
  return Array.from({ length: BIG }, (_, i) => Array.from({ length: BIG }, (_, j) => (i !== j && i < 12 && j < 12 ? 1 + ((i + 2 * j) % 7) : 0)));
}
function bigDistances(): number[][] {
  return Array.from({ length: BIG }, (_, i) => Array.from({ length: BIG }, (_, j) => 1 + Math.abs(i - j)));
}

const CODE = { invalid: "#VALUE!", missing: "#N/A", outOfDomain: "#NUM!", zeroDenominator: "#DIV/0!" } as const;

/** What a measure gives, as the catalog documents it: its value, or the error its failure becomes. */
function outcomeOf(f: () => number): Expected {
  try {
    return { value: f() };
  } catch (e) {
    if (!(e instanceof MeasureError)) throw e;
    const error = CODE[e.kind];
    return { thrown: error === "#VALUE!" || error === "#N/A" ? { error, message: e.message } : { error } };
  }
}

/** A scalar function of a matrix (and, after it, the arguments `rest`); `measure` computes its value on a matrix of numbers. */
interface MatrixIndex {
  readonly fn: string;
  readonly rest: readonly unknown[];
  /** The value on matrix m; `extra` is the populations (a list) or the distances (a table) when the function takes them. */
  measure(m: number[][], extra?: number[] | number[][]): number;
}

const SCALAR: readonly MatrixIndex[] = [
  { fn: "MIGRATION.INEQUALITY", rest: ["independence"], measure: (m) => migrationInequality(m, "independence") },
  { fn: "MIGRATION.GINIORIGIN", rest: [], measure: (m) => giniWithin(m, "origin") },
  { fn: "MIGRATION.GINIDESTINATION", rest: [], measure: (m) => giniWithin(m, "destination") },
  { fn: "MIGRATION.WEIGHTEDGINI", rest: [null], measure: (m) => weightedGini(m, "mean") },
  { fn: "MIGRATION.CV", rest: [], measure: flowsCv },
  { fn: "MIGRATION.ACV", rest: [], measure: aggregatedCv },
  { fn: "MIGRATION.PREFERENCE", rest: [POP4], measure: (m, p: number[] = POP4.flat()) => preferenceIndex(m, p) },
  { fn: "MIGRATION.VELOCITY", rest: [POP4], measure: (m, p: number[] = POP4.flat()) => velocityIndex(m, p) },
  { fn: "MIGRATION.MEANDISTANCE", rest: [DIST4], measure: (m, d: number[][] = DIST4) => meanDistance(m, d) },
  { fn: "MIGRATION.MEDIANDISTANCE", rest: [DIST4], measure: (m, d: number[][] = DIST4) => medianDistance(m, d) },
  { fn: "MIGRATION.DISTANCEDECAY", rest: [DIST4], measure: (m, d: number[][] = DIST4) => distanceDecay(m, d) },
];

function matrixCases(x: MatrixIndex): FunctionCase[] {
  const c = (cls: BadInputClass, matrix: () => unknown[][], expect: Expected, input?: string, rest: readonly unknown[] = x.rest): FunctionCase => ({
    fn: x.fn,
    cls,
    ...(input === undefined ? {} : { input }),
    args: () => [matrix(), ...rest],
    expect,
  });
  const zeroAt = withCell(M4, 0) as number[][];
  const cases = [
    c("text", () => withCell(M4, "abc"), { thrown: { error: "#VALUE!", message: 'matrix (row 1, column 2) is text ("abc"), not a number' } }),
    c("thousands", () => withCell(M4, "12,610"), { thrown: { error: "#VALUE!", message: 'matrix (row 1, column 2) is text ("12,610"), not a number' } }),
    c("boolean", () => withCell(M4, true), { thrown: { error: "#VALUE!", message: "matrix (row 1, column 2) is TRUE, not a number" } }),
    c("blank", () => withCell(M4, null), outcomeOf(() => x.measure(zeroAt)), "a blank flow (no flow, 0)"),
    c("blank", () => withCell(M4, ""), outcomeOf(() => x.measure(zeroAt)), 'a blank flow ("", no flow, 0)'),
    c("notFinite", () => withCell(M4, NaN), { thrown: { error: "#NUM!" } }),
    c("notFinite", () => withCell(M4, Infinity), { thrown: { error: "#NUM!" } }),
    c("negative", () => withCell(M4, -5), { thrown: { error: "#NUM!" } }),
    c("nonSquare", () => M4.slice(0, 3), { thrown: { error: "#VALUE!", message: "matrix must be a square origin × destination matrix; it is 3×4 (select the numbers only, without labels)" } }),
    c("empty", () => [], { thrown: { error: "#VALUE!", message: "matrix is empty" } }),
    c("text", () => withCell(M4, "abc", 2, 2), outcomeOf(() => x.measure(M4)), '"abc" on the diagonal, which is ignored'),
  ];
  const first = x.rest[0];
  if (first === POP4) {
    const single = (v: unknown) => [M4, POP4.map((row, k) => (k === 1 ? [v] : row))];
    cases.push(
      { fn: x.fn, cls: "text", args: () => single("abc"), expect: { thrown: { error: "#VALUE!", message: 'populations (item 2) is text ("abc"), not a number' } } },
      { fn: x.fn, cls: "blank", args: () => single(null), expect: { thrown: { error: "#N/A", message: "populations (item 2) is blank" } } },
      { fn: x.fn, cls: "negative", args: () => single(-200), expect: { thrown: { error: "#NUM!" } } },
      { fn: x.fn, cls: "notFinite", args: () => single(NaN), expect: { thrown: { error: "#NUM!" } } },
      { fn: x.fn, cls: "mismatchedShapes", args: () => [M4, POP4.slice(0, 3)], expect: { thrown: { error: "#VALUE!", message: "populations has 3 values but the matrix has 4 regions" } } },
      { fn: x.fn, cls: "singleCell", args: () => [[[5]], [[100]]], expect: outcomeOf(() => x.measure([[0]], [100])) },
      {
        fn: x.fn,
        cls: "millionCells",
        input: `a ${BIG}×${BIG} matrix with 1 in every off-diagonal cell; populations 1000 each`,
        args: () => [ones(), Array.from({ length: BIG }, () => [1000])],
        expect: outcomeOf(() => x.measure(ones(), new Array(BIG).fill(1000))),
      },
    );
  } else if (first === DIST4) {
    const dist = (v: unknown) => [M4, withCell(DIST4, v)];
    cases.push(
      { fn: x.fn, cls: "text", args: () => dist("abc"), expect: { thrown: { error: "#VALUE!", message: 'distances (row 1, column 2) is text ("abc"), not a number' } } },
      { fn: x.fn, cls: "boolean", args: () => dist(false), expect: { thrown: { error: "#VALUE!", message: "distances (row 1, column 2) is FALSE, not a number" } } },
      { fn: x.fn, cls: "blank", args: () => dist(null), expect: { thrown: { error: "#N/A", message: "distances (row 1, column 2) is blank" } } },
      { fn: x.fn, cls: "negative", args: () => dist(-1), expect: { thrown: { error: "#NUM!" } } },
      { fn: x.fn, cls: "notFinite", args: () => dist(Infinity), expect: { thrown: { error: "#NUM!" } } },
      { fn: x.fn, cls: "mismatchedShapes", args: () => [M4, DIST4.slice(0, 3).map((r) => r.slice(0, 3))], expect: { thrown: { error: "#VALUE!", message: "distances must be 4×4 like the matrix; it is 3×3 (select the numbers only, without labels)" } } },
      { fn: x.fn, cls: "singleCell", args: () => [[[5]], [[0]]], expect: outcomeOf(() => x.measure([[0]], [[0]])) },
      x.fn === "MIGRATION.DISTANCEDECAY"
        ? {
            // The fit costs O(n³) a step in the regions with flows (docs/functions.md): here the
            // range is large but only its first 12 regions have flows, as in a sparse workbook.
            fn: x.fn,
            cls: "millionCells",
            input: `a ${BIG}×${BIG} matrix whose first 12 regions exchange 1 + (i + 2j) mod 7 people and the rest nothing; distances 1 + |i − j|`,
            args: () => [sparseFlows(), bigDistances()],
            expect: outcomeOf(() => x.measure(sparseFlows(), bigDistances())),
          }
        : {
            fn: x.fn,
            cls: "millionCells",
            input: `a ${BIG}×${BIG} matrix with 1 in every off-diagonal cell; distances 1 + |i − j|`,
            args: () => [ones(), bigDistances()],
            expect: outcomeOf(() => x.measure(ones(), bigDistances())),
          },
    );
  } else {
    cases.push(
      c("singleCell", () => [[5]], outcomeOf(() => x.measure([[0]]))),
      c("millionCells", () => ones(), outcomeOf(() => x.measure(ones())), `a ${BIG}×${BIG} matrix with 1 in every off-diagonal cell`),
    );
  }
  return cases;
}

const AGES = [[15], [16], [17], [18], [19], [20], [21], [22]];
const RATES = [[0.05], [0.07], [0.1], [0.12], [0.11], [0.09], [0.08], [0.06]];
const AGE_ROWS = [
  "gross migraproduction rate",
  "peak rate",
  "peak age",
  "peak breadth",
  "peak share",
  "age of maximum upward rate of change",
  "age of maximum downward rate of change",
  "asymmetry",
] as const;

/** MIGRATION.AGEINDICES' table for these ages and rates (study range 15–22, breadth 1), as the measure computes it. */
function ageTable(ages: number[], rates: number[], ageMin: number, ageMax: number, breadth: number): ExpectedCell[][] {
  const x = ageIndices(ages, rates, ageMin, ageMax, breadth);
  const values = [x.grossMigraproduction, x.peakRate, x.peakAge, x.peakBreadth, x.peakShare, x.maxUpwardAge, x.maxDownwardAge, x.asymmetry];
  return [["measure", "value"], ...AGE_ROWS.map((label, k): ExpectedCell[] => [label, values[k] as number])];
}

function ageCase(cls: BadInputClass, rates: unknown[][], expect: Expected, ages: unknown[][] = AGES, input?: string): FunctionCase {
  return { fn: "MIGRATION.AGEINDICES", cls, ...(input === undefined ? {} : { input }), args: () => [ages, rates, 14, 23, 1], expect };
}
const rateAt = (v: unknown) => RATES.map((row, k) => (k === 1 ? [v] : row));

const AGE_CASES: FunctionCase[] = [
  ageCase("text", rateAt("abc"), { thrown: { error: "#VALUE!", message: 'rates (item 2) is text ("abc"), not a number' } }),
  ageCase("decimalComma", rateAt("0,07"), { thrown: { error: "#VALUE!", message: 'rates (item 2) is text ("0,07"), not a number' } }),
  ageCase("boolean", rateAt(true), { thrown: { error: "#VALUE!", message: "rates (item 2) is TRUE, not a number" } }),
  ageCase("blank", rateAt(null), { thrown: { error: "#N/A", message: "rates (item 2) is blank" } }),
  ageCase("blank", RATES, { thrown: { error: "#N/A", message: "ages (item 3) is blank" } }, AGES.map((row, k) => (k === 2 ? [""] : row))),
  ageCase("notFinite", rateAt(NaN), { thrown: { error: "#NUM!" } }),
  ageCase("notFinite", RATES, { thrown: { error: "#NUM!" } }, AGES.map((row, k) => (k === 2 ? [Infinity] : row))),
  ageCase("negative", rateAt(-0.07), { thrown: { error: "#NUM!" } }),
  ageCase("rateOutOfRange", rateAt(1.7), { value: ageTable(AGES.flat(), RATES.flat().map((r, k) => (k === 1 ? 1.7 : r)), 14, 23, 1) }, AGES, "a rate of 1.7 (more moves than people): accepted, a rate is not a share"),
  ageCase("mismatchedShapes", RATES.slice(0, 7), { thrown: { error: "#VALUE!", message: "ages has 8 values but rates has 7" } }),
  ageCase("mismatchedShapes", RATES, { thrown: { error: "#VALUE!", message: "the ages must increase (age 3, 16, does not follow 16)" } }, AGES.map((row, k) => (k === 2 ? [16] : row)), "ages 15, 16, 16, …: not increasing"),
  ageCase("empty", [], { thrown: { error: "#VALUE!", message: "rates is empty" } }),
  ageCase("singleCell", [[0.1]], { thrown: { error: "#N/A", message: "no age lies strictly between age_min (14) and age_max (23)" } }, [[10]], "one age (10), outside the study range"),
  {
    fn: "MIGRATION.AGEINDICES",
    cls: "millionCells",
    input: "ages 0 … 999,999 in a column, the rate at age k (k mod 100) ÷ 100",
    args: () => [Array.from({ length: BIG * BIG }, (_, k) => [k]), Array.from({ length: BIG * BIG }, (_, k) => [(k % 100) / 100]), null, null, null],
    expect: { value: ageTable(Array.from({ length: BIG * BIG }, (_, k) => k), Array.from({ length: BIG * BIG }, (_, k) => (k % 100) / 100), 5, 65, 5) },
  },
];

const LABELS4 = [["A"], ["B"], ["C"], ["D"]];

const INDICES_CASES: FunctionCase[] = [
  { fn: "MIGRATION.INDICES", cls: "text", args: () => [withCell(M4, "abc"), null, null], expect: { thrown: { error: "#VALUE!", message: 'matrix (row 1, column 2) is text ("abc"), not a number' } } },
  { fn: "MIGRATION.INDICES", cls: "boolean", args: () => [withCell(M4, false), null, null], expect: { thrown: { error: "#VALUE!", message: "matrix (row 1, column 2) is FALSE, not a number" } } },
  {
    fn: "MIGRATION.INDICES",
    cls: "blank",
    input: "a blank flow (0), no populations or distances",
    args: () => [withCell(M4, null), null, null],
    expect: { shape: [13, 2], cells: [[0, 0, "measure"], [1, 0, "connectivity"], [1, 1, 11 / 12], [10, 0, "CV"], [10, 1, flowsCv(withCell(M4, 0) as number[][])]] },
  },
  { fn: "MIGRATION.INDICES", cls: "blank", args: () => [M4, POP4.map((row, k) => (k === 1 ? [null] : row)), null], expect: { thrown: { error: "#N/A", message: "populations (item 2) is blank" } } },
  { fn: "MIGRATION.INDICES", cls: "blank", args: () => [M4, null, withCell(DIST4, "")], expect: { thrown: { error: "#N/A", message: "distances (row 1, column 2) is blank" } } },
  { fn: "MIGRATION.INDICES", cls: "notFinite", args: () => [withCell(M4, -Infinity), null, null], expect: { thrown: { error: "#NUM!" } } },
  { fn: "MIGRATION.INDICES", cls: "negative", args: () => [withCell(M4, -5), null, null], expect: { thrown: { error: "#NUM!" } } },
  {
    fn: "MIGRATION.INDICES",
    cls: "negative",
    input: "a negative distance: the distance family's rows show #NUM!, the others compute",
    args: () => [M4, POP4, withCell(DIST4, -1)],
    expect: { shape: [19, 2], cells: [[1, 1, 1], [15, 0, "velocity"], [16, 0, "mean distance"], [16, 1, { error: "#NUM!" }], [17, 1, { error: "#NUM!" }], [18, 1, { error: "#NUM!" }]] },
  },
  { fn: "MIGRATION.INDICES", cls: "mismatchedShapes", args: () => [M4, POP4.slice(0, 2), null], expect: { thrown: { error: "#VALUE!", message: "populations has 2 values but the matrix has 4 regions" } } },
  { fn: "MIGRATION.INDICES", cls: "empty", args: () => [[[]], null, null], expect: { thrown: { error: "#VALUE!", message: "matrix is empty" } } },
  {
    fn: "MIGRATION.INDICES",
    cls: "singleCell",
    input: "[[5]]: one region, no flows between regions; each index shows its own error",
    args: () => [[[5]], null, null],
    expect: { shape: [13, 2], cells: [[1, 1, { error: "#DIV/0!" }], [4, 1, { error: "#DIV/0!" }], [10, 1, { error: "#DIV/0!" }], [12, 1, { error: "#DIV/0!" }]] },
  },
  {
    fn: "MIGRATION.INDICES",
    cls: "millionCells",
    input: `a ${BIG}×${BIG} matrix with 1 in every off-diagonal cell`,
    args: () => [ones(), null, null],
    expect: {
      shape: [13, 2],
      cells: [[0, 0, "measure"], [1, 1, 1], [2, 1, 0], [3, 1, 0], [4, 1, 0], [5, 1, { error: "#DIV/0!" }], [6, 1, { error: "#DIV/0!" }], [7, 1, 0], [10, 1, 0], [11, 1, 0], [12, 0, "MEI"], [12, 1, 0]],
    },
  },
];

const LUMP_CASES: FunctionCase[] = [
  { fn: "MIGRATION.LUMP", cls: "text", args: () => [withCell(M4, "abc"), LABELS4, 2, null], expect: { thrown: { error: "#VALUE!", message: 'matrix (row 1, column 2) is text ("abc"), not a number' } } },
  { fn: "MIGRATION.LUMP", cls: "text", args: () => [M4, LABELS4, "two", null], expect: { thrown: { error: "#VALUE!", message: 'top is text ("two"), not a number' } } },
  { fn: "MIGRATION.LUMP", cls: "boolean", args: () => [M4, LABELS4, true, null], expect: { thrown: { error: "#VALUE!", message: "top is TRUE, not a number" } } },
  {
    fn: "MIGRATION.LUMP",
    cls: "blank",
    input: "a blank flow (0); turnover A 69, B 84, C 111, D 44: B and C stay",
    args: () => [withCell(M4, null), LABELS4, 2, null],
    expect: { value: [["origin \\ destination", "B", "C", "Other"], ["B", 0, 20, 28], ["C", 30, 0, 42], ["Other", 6, 19, 9]] },
  },
  { fn: "MIGRATION.LUMP", cls: "blank", args: () => [M4, LABELS4, "", null], expect: { thrown: { error: "#N/A", message: "top is blank" } } },
  { fn: "MIGRATION.LUMP", cls: "notFinite", args: () => [M4, LABELS4, NaN, null], expect: { thrown: { error: "#NUM!" } } },
  { fn: "MIGRATION.LUMP", cls: "negative", args: () => [M4, LABELS4, -2, null], expect: { thrown: { error: "#NUM!" } } },
  { fn: "MIGRATION.LUMP", cls: "negative", args: () => [withCell(M4, -5), LABELS4, 2, null], expect: { thrown: { error: "#NUM!" } } },
  { fn: "MIGRATION.LUMP", cls: "mismatchedShapes", args: () => [M4, LABELS4.slice(0, 3), 2, null], expect: { thrown: { error: "#VALUE!", message: "labels has 3 labels but the matrix has 4 regions" } } },
  { fn: "MIGRATION.LUMP", cls: "empty", args: () => [[], LABELS4, 2, null], expect: { thrown: { error: "#VALUE!", message: "matrix is empty" } } },
  { fn: "MIGRATION.LUMP", cls: "singleCell", args: () => [[[5]], [["A"]], 1, null], expect: { value: [["origin \\ destination", "A"], ["A", 0]] } },
  {
    fn: "MIGRATION.LUMP",
    cls: "duplicateLabels",
    input: "labels A, A, C, D: kept as given",
    args: () => [M4, [["A"], ["A"], ["C"], ["D"]], 2, "rest"],
    expect: { value: [["origin \\ destination", "A", "C", "rest"], ["A", 0, 20, 28], ["C", 30, 0, 42], ["rest", 16, 19, 9]] },
  },
  {
    fn: "MIGRATION.LUMP",
    cls: "millionCells",
    input: `a ${BIG}×${BIG} matrix with 1 in every off-diagonal cell, top 3 (ties go to the first regions)`,
    args: () => [ones(), Array.from({ length: BIG }, (_, k) => [`R${k + 1}`]), 3, null],
    expect: { value: [["origin \\ destination", "R1", "R2", "R3", "Other"], ["R1", 0, 1, 1, 997], ["R2", 1, 0, 1, 997], ["R3", 1, 1, 0, 997], ["Other", 997, 997, 997, 997 * 996]] },
  },
];

/** Every entry of the index families, for FUNCTION_CASES. */
export const INDEX_CASES: readonly FunctionCase[] = [...SCALAR.flatMap(matrixCases), ...AGE_CASES, ...INDICES_CASES, ...LUMP_CASES];
