/**
 * The bad-input catalog's entries for the functions over time: MIGRATION.PERIODS on a small
 * two-period list, CIRCULATION.CHANGE on two 3-region matrices, spoilt one class of bad input
 * at a time. Where a bad cell is accepted (a blank flow in a matrix is 0) the documented value
 * is the measure's own on the matrix the cell stands for, computed with src/indicators.
 */
import { circulationChange } from "../../src/indicators/change";
import type { BadInputClass, ErrorCode, Expected, ExpectedError, FunctionCase } from "./bad-input";

// Its own small helpers, as bad-input-indices.ts has: bad-input.ts imports this module, so this
// one takes only types from it.
const BIG = 1000;
function err(error: ErrorCode, message?: string): ExpectedError {
  return message === undefined ? { error } : { error, message };
}

const FIRST = [
  [0, 10, 10],
  [20, 0, 20],
  [30, 30, 0],
];
const LAST = [
  [0, 15, 20],
  [15, 0, 25],
  [20, 25, 0],
];

function withCell(m: readonly (readonly unknown[])[], v: unknown, i = 0, j = 1): unknown[][] {
  return m.map((row, r) => row.map((x, c) => (r === i && c === j ? v : x)));
}

/** CHANGE with the bad cell in first_matrix (read first; last_matrix is read by the same rule). */
function changeCases(): FunctionCase[] {
  const c = (cls: BadInputClass, first: () => unknown[][], expect: Expected, input?: string, last: () => unknown[][] = () => LAST, byRegion: unknown = null): FunctionCase => ({
    fn: "CIRCULATION.CHANGE",
    cls,
    ...(input === undefined ? {} : { input }),
    args: () => [first(), last(), byRegion],
    expect,
  });
  const blankIsZero = circulationChange(withCell(FIRST, 0) as number[][], LAST);
  return [
    c("text", () => withCell(FIRST, "abc"), { thrown: err("#VALUE!", 'first_matrix (row 1, column 2) is text ("abc"), not a number') }),
    c("text", () => FIRST, { thrown: err("#VALUE!", 'last_matrix (row 3, column 1) is text ("abc"), not a number') }, '"abc" in last_matrix', () => withCell(LAST, "abc", 2, 0)),
    c("thousands", () => withCell(FIRST, "12,610"), { thrown: err("#VALUE!", 'first_matrix (row 1, column 2) is text ("12,610"), not a number') }),
    c("decimalComma", () => withCell(FIRST, "0,25"), { thrown: err("#VALUE!", 'first_matrix (row 1, column 2) is text ("0,25"), not a number') }),
    c("boolean", () => withCell(FIRST, true), { thrown: err("#VALUE!", "first_matrix (row 1, column 2) is TRUE, not a number") }),
    c("boolean", () => FIRST, { thrown: err("#VALUE!", "by_region must be TRUE or FALSE") }, 'by_region = "yes"', () => LAST, "yes"),
    c("blank", () => withCell(FIRST, null), { value: [[blankIsZero]] }, "a blank flow (no flow, 0)"),
    c("blank", () => withCell(FIRST, ""), { value: [[blankIsZero]] }, 'a blank flow ("", no flow, 0)'),
    c("notFinite", () => withCell(FIRST, NaN), { thrown: err("#NUM!") }),
    c("notFinite", () => withCell(FIRST, Infinity), { thrown: err("#NUM!") }),
    c("negative", () => withCell(FIRST, -5), { thrown: err("#NUM!") }),
    c("nonSquare", () => FIRST.slice(0, 2), { thrown: err("#VALUE!", "first_matrix must be a square origin × destination matrix; it is 2×3 (select the numbers only, without labels)") }),
    c("mismatchedShapes", () => FIRST, { thrown: err("#VALUE!", "first_matrix is 3×3 but last_matrix is 2×2: give matrices of the same regions, in the same order") }, "last_matrix 2×2", () => [
      [0, 1],
      [1, 0],
    ]),
    c("empty", () => [], { thrown: err("#VALUE!", "first_matrix is empty") }),
    c("empty", () => FIRST, { thrown: err("#VALUE!", "last_matrix is empty") }, "last_matrix empty", () => [[]]),
    c("singleCell", () => [[5]], { thrown: err("#DIV/0!") }, "1×1 matrices: no pair of regions, no index", () => [[7]]),
    {
      fn: "CIRCULATION.CHANGE",
      cls: "millionCells",
      input: `two ${BIG}×${BIG} matrices with 1 in every off-diagonal cell, by region`,
      args: () => [ones(), ones(), true],
      expect: { shape: [BIG, 1], every: 0 },
    },
  ];
}

function ones(): number[][] {
  return Array.from({ length: BIG }, (_, i) => Array.from({ length: BIG }, (_, j) => (i === j ? 0 : 1)));
}

/** A two-period list with a header row: A ⇄ B in 2000 (5 and 15) and in 2010 (10 and 10). */
const LIST: readonly (readonly unknown[])[] = [
  ["year", "orig", "dest", "flow"],
  [2000, "A", "B", 5],
  [2000, "B", "A", 15],
  [2010, "A", "B", 10],
  [2010, "B", "A", 10],
];
/** The figures of each period: total, MEI, circulation index, connectivity, total Gini. */
const Y2000 = [2000, 20, 0.5, 0.5, 1, 0.5];
const Y2010 = [2010, 20, 0, 1, 1, 0];
const HEADER = ["period", "total flows", "MEI", "circulation index", "connectivity", "total Gini"];

/** The list's four columns with cell [row][column] replaced by v (row 0 is the header). */
function list(v?: unknown, row = 2, col = 0): unknown[][][] {
  return [0, 1, 2, 3].map((c) => LIST.map((r, k) => [k === row && c === col && v !== undefined ? v : r[c]]));
}

const NOT_A_PERIOD = "not a period (a year such as 2010, a span such as 1990-1995, or an academic year such as 2012/13)";

function periodsCases(): FunctionCase[] {
  const c = (cls: BadInputClass, args: () => unknown[], expect: Expected, input?: string): FunctionCase => ({ fn: "MIGRATION.PERIODS", cls, ...(input === undefined ? {} : { input }), args, expect });
  const period = (v: unknown) => () => [...list(v), null];
  const flow = (v: unknown) => () => [...list(v, 2, 3), null];
  const spoilt = (e: ReturnType<typeof err>) => ({ value: [HEADER, [2000, e, e, e, e, e], Y2010] });
  return [
    c("text", period("soon"), { thrown: err("#VALUE!", `periods (row 3) is text ("soon"), ${NOT_A_PERIOD}`) }, 'period "soon"'),
    c("text", period("2010s"), { thrown: err("#VALUE!", `periods (row 3) is text ("2010s"), ${NOT_A_PERIOD}`) }, 'period "2010s"'),
    c("text", flow("abc"), spoilt(err("#VALUE!", 'flows (row 3) is text ("abc"), not a number')), 'flow "abc" in 2000: that period\'s figures only'),
    c("text", () => [...list(), "average"], { thrown: err("#VALUE!", 'measure must be "total", "mei", "circulation", "connectivity", "gini" or left out (got "average")') }, 'measure "average"'),
    c("thousands", flow("12,610"), spoilt(err("#VALUE!", 'flows (row 3) is text ("12,610"), not a number'))),
    c("thousands", period("2,010"), { thrown: err("#VALUE!", `periods (row 3) is text ("2,010"), ${NOT_A_PERIOD}`) }, 'period "2,010"'),
    c("decimalComma", flow("0,25"), spoilt(err("#VALUE!", 'flows (row 3) is text ("0,25"), not a number'))),
    c("boolean", period(true), { thrown: err("#VALUE!", `periods (row 3) is TRUE, ${NOT_A_PERIOD}`) }),
    c("boolean", flow(false), spoilt(err("#VALUE!", "flows (row 3) is FALSE, not a number"))),
    c("blank", period(null), { thrown: err("#N/A", "periods (row 3) is blank") }, "a blank period"),
    c("blank", period("  "), { thrown: err("#VALUE!", `periods (row 3) is text ("  "), ${NOT_A_PERIOD}`) }, "a period of spaces only (text, as Excel's ISBLANK says)"),
    c("blank", flow(null), spoilt(err("#N/A", "flows (row 3) is blank")), "a blank flow in 2000"),
    c("blank", () => [...list(null, 2, 1), null], { thrown: err("#N/A", "origins (row 3) is blank") }, "a blank origin"),
    c("notFinite", period(NaN), { thrown: err("#NUM!") }, "period NaN"),
    c("notFinite", flow(Infinity), spoilt(err("#NUM!")), "flow Infinity in 2000"),
    c("negative", flow(-5), spoilt(err("#NUM!")), "flow −5 in 2000"),
    c("negative", period(-2000), { thrown: err("#VALUE!", `periods (row 3) is -2000, ${NOT_A_PERIOD}`) }, "period −2000"),
    c("mixedYears", period(" 2000 "), { value: [HEADER, Y2000, Y2010] }, 'periods 2000 and " 2000 " (text with spaces): one period, as TRIM(cell&"") groups them'),
    // One flow a period: MEI 1, circulation 0, connectivity 1 of 2 possible flows, Gini |x − 0| twice ÷ (2 · 1 · x) = 1.
    c("mixedYears", period("2000/01"), { value: [HEADER, [2000, 5, 1, 0, 0.5, 1], ["2000/01", 15, 1, 0, 0.5, 1], Y2010] }, "periods 2000 and 2000/01: two periods, the year first"),
    c("mismatchedShapes", () => [...list().map((col, k) => (k === 0 ? col.slice(0, 3) : col)), null], { thrown: err("#VALUE!", "periods (3), origins (5), destinations (5) and flows (5) must be the same size") }),
    c("duplicateLabels", () => [...list("2000", 3, 0).map((col, k) => (k === 3 ? col.map((r, i) => (i === 3 ? [7] : r)) : col)), "total"], { value: [[2000, 27], [2010, 10]] }, "two rows for A → B in 2000 (5 and 7): added up"),
    c("empty", () => [[], [], [], [], null], { thrown: err("#VALUE!", "periods is empty") }),
    c("singleCell", () => [[[2010]], [["A"]], [["B"]], [[5]], null], { value: [HEADER, [2010, 5, 1, 0, 0.5, 1]] }, "one row, A → B 5 in 2010"),
    {
      // 1,000,000 cells: four columns of 250,000 rows.
      fn: "MIGRATION.PERIODS",
      cls: "millionCells",
      input: "a long list of 250,000 rows (four columns, 1,000,000 cells): period 2000 + 5·(k mod 4), origin R(q mod 250), destination R(q div 250) with q = k div 4, flow 1",
      args: () => {
        const rows = (BIG * BIG) / 4;
        const p = new Array<unknown[]>(rows);
        const o = new Array<unknown[]>(rows);
        const d = new Array<unknown[]>(rows);
        const f = new Array<unknown[]>(rows);
        for (let k = 0; k < rows; k++) {
          const q = Math.floor(k / 4);
          p[k] = [2000 + 5 * (k % 4)];
          o[k] = [`R${q % 250}`];
          d[k] = [`R${Math.floor(q / 250)}`];
          f[k] = [1];
        }
        return [p, o, d, f, null];
      },
      // Each period: 250 regions, 1 in every off-diagonal cell (the rows of within-region moves are ignored).
      expect: { value: [HEADER, ...[2000, 2005, 2010, 2015].map((y) => [y, 250 * 249, 0, 1, 1, 0])] },
    },
  ];
}

export const PERIOD_CASES: readonly FunctionCase[] = [...changeCases(), ...periodsCases()];
