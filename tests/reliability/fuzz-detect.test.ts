/**
 * Fuzzing the report engine's reading step: arbitrary 2-D blocks (ragged
 * rows; numbers incl. NaN, ±Infinity and -0; formula-like, tab- and CR-prefixed text; header
 * words from the role vocabulary; booleans, nulls and empty strings; 0..30 rows × 0..12
 * columns at a random place on the sheet) go through detect, applyOverrides and planReport.
 *
 * Each either returns a well-formed result or throws an Error with a one-line message —
 * never a TypeError or the like, never anything that is not an Error, never a hang (jest's
 * timeout bounds each property). The seed is fixed (tests/support/seed.ts); `npm run fuzz`
 * explores others.
 */
import { reasonsText } from "../../src/messages/reasons";
import fc from "fast-check";
import { parseCell } from "../../src/report/address";
import { applyOverrides, detect } from "../../src/report/detect";
import { planReport } from "../../src/report/plan";
import { ROLES } from "../../src/report/roles";
import type { CellValue, Detection, Overrides, PlannedCell, ReportPlan, Role, Shape, SourceBlock } from "../../src/report/types";
import { LANGS } from "../../src/messages/lang";
import { renderProblem } from "../../src/messages/problems";
import { PROBLEM_KIND } from "../../src/report/problem-codes";

/** Runs per property; the README quotes these. */
export const DETECT_FUZZ_RUNS = Number(process.env.DETECT_FUZZ_RUNS || 1500);
export const OVERRIDES_FUZZ_RUNS = Number(process.env.OVERRIDES_FUZZ_RUNS || 1000);
export const PLAN_FUZZ_RUNS = Number(process.env.PLAN_FUZZ_RUNS || 1200);

jest.setTimeout(60_000);

const NOW = new Date(Date.UTC(2024, 0, 2, 3, 4));
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

// ---------------------------------------------------------------------------------------------
// Cells and blocks

/** Text a careless writer would turn into a formula, or Excel treats specially. */
export const INJECTION_TEXT = ["=1+1", "+", "-", "@", "=SUM(A1)", "+44", "-x", "@x", "\tx", "\rx", "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\")"];
const HEADER_WORDS = [
  "region", "country", "code", "iso3", "year", "period", "group", "sex", "origin", "destination", "flow", "emigrants", "immigrants",
  "skilled emigrants", "skilled residents", "skilled immigrants", "residents", "population", "returnees", "inbound students",
  "outbound students", "tertiary enrolment", "tertiary age population", "total emigration rate", "skilled emigration rate", "name", "pop",
  "Population (thousands)", "origin ", "Origin", "share", "total",
];
const OTHER_TEXT = ["", " ", "..", "n/a", "-", ":", "1,000", "1.234,5", "12,5", "12%", "2010-2015", "2020", "TRUE", "#N/A", "'quoted", "\u00a0", "x\ny"];

const numberCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 100_000 }),
  fc.integer({ min: 1990, max: 2030 }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, 0.5, 1e308, -1e-308),
);
const textCell: fc.Arbitrary<CellValue> = fc.oneof(fc.constantFrom(...INJECTION_TEXT), fc.constantFrom(...HEADER_WORDS), fc.constantFrom(...OTHER_TEXT), fc.string({ maxLength: 6 }));
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: numberCell, weight: 4 },
  { arbitrary: textCell, weight: 3 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom<CellValue>(null, ""), weight: 2 },
);
/** Mostly numbers: the body of a table, matrix or list. */
const dataCell: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 100_000 }), weight: 12 },
  { arbitrary: anyCell, weight: 2 },
);
const labelCell: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constantFrom(...INJECTION_TEXT), weight: 3 },
  { arbitrary: fc.constantFrom("A", "B", "C", "D", "North", "South"), weight: 3 },
  // Spellings Excel's = and TRIM make one label (labels.ts).
  { arbitrary: fc.constantFrom("north", "North ", " NORTH", "a", "B ", "south  "), weight: 1 },
  { arbitrary: anyCell, weight: 1 },
);

/** 0..30 rows of 0..12 cells, each row its own length. */
const raggedRows = fc.array(fc.array(anyCell, { maxLength: 12 }), { maxLength: 30 });
/** 0..30 × 0..12, rectangular. */
const rectRows = fc.integer({ min: 0, max: 12 }).chain((w) => fc.array(fc.array(anyCell, { minLength: w, maxLength: w }), { maxLength: 30 }));
/** Header from the vocabulary, a label column, numbers below: the shapes detection accepts. */
const tableLike = fc.integer({ min: 2, max: 12 }).chain((w) =>
  fc
    .tuple(fc.array(fc.oneof(fc.constantFrom(...HEADER_WORDS), textCell), { minLength: w, maxLength: w }), fc.array(fc.tuple(labelCell, fc.array(dataCell, { minLength: w - 1, maxLength: w - 1 })), { minLength: 1, maxLength: 29 }))
    .map(([header, rows]) => [header as CellValue[], ...rows.map(([l, r]) => [l, ...r])]),
);
const longLike = fc
  .tuple(fc.shuffledSubarray(["origin", "destination", "flow", "year", "group", "Origin", "flows"], { minLength: 2, maxLength: 5 }), fc.array(fc.tuple(labelCell, labelCell, dataCell, dataCell, labelCell), { minLength: 1, maxLength: 29 }))
  .map(([header, rows]) => [header as CellValue[], ...rows.map((r) => r.slice(0, header.length))]);
const matrixLike = fc.integer({ min: 1, max: 11 }).chain((n) =>
  fc
    .tuple(fc.boolean(), fc.boolean(), fc.array(labelCell, { minLength: n, maxLength: n }), fc.array(fc.array(dataCell, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }))
    .map(([rowLabels, colLabels, labels, m]) => {
      const body = m.map((r, i) => (colLabels ? [labels[i], ...r] : r));
      return rowLabels ? [[colLabels ? "" : null, ...labels].slice(colLabels ? 0 : 1), ...body] : body;
    }),
);

const rowsArb = fc.oneof(raggedRows, rectRows, tableLike, longLike, matrixLike);

const blockOf = (rows: fc.Arbitrary<CellValue[][]>): fc.Arbitrary<SourceBlock> => fc
  .tuple(rows, fc.oneof(fc.constant(0), fc.integer({ min: 0, max: MAX_ROWS - 31 })), fc.oneof(fc.constant(0), fc.integer({ min: 0, max: MAX_COLS - 13 })), fc.constantFrom("Data", "My data", "It's", "=x"))
  .map(([values, top, left, sheet]) => ({ sheet, top, left, values, provenance: `${sheet}!block` }));
export const blockArb = blockOf(rowsArb);
/** For planning: mostly blocks shaped like the three inputs, so more of them reach a plan. */
const plannableBlockArb = blockOf(fc.oneof({ arbitrary: rowsArb, weight: 1 }, { arbitrary: tableLike, weight: 2 }, { arbitrary: longLike, weight: 2 }, { arbitrary: matrixLike, weight: 2 }));

const overridesArb: fc.Arbitrary<Overrides> = fc.record(
  {
    shape: fc.constantFrom<Shape>("table", "matrix", "long"),
    map: fc.dictionary(
      fc.oneof({ arbitrary: fc.constantFrom<string>(...ROLES), weight: 5 }, { arbitrary: fc.constantFrom("nope", "", "constructor", "__proto__", "toString"), weight: 1 }),
      fc.oneof(fc.integer({ min: -2, max: 14 }), fc.constantFrom(...HEADER_WORDS, ...INJECTION_TEXT, "3", " 0 ", "", "zz"), fc.constant(null)),
      { maxKeys: 4 },
    ) as fc.Arbitrary<Partial<Record<Role, string | number | null>>>,
  },
  { requiredKeys: [] },
);

// ---------------------------------------------------------------------------------------------
// What a well-formed outcome is

const width = (b: SourceBlock) => b.values.reduce((m, r) => Math.max(m, r.length), 0);

/** One line: no line break or other control character, even where it quotes the user's text (quoteText). */
const ONE_LINE = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]+$/;

/**
 * A thrown value is an Error with a one-line, non-empty message, and not a programming error.
 * Messages quote the user's text on one line ("'↵x' (3)"), so a CR, LF or tab in a cell or an
 * override never breaks a message over lines.
 */
function checkThrown(thrown: unknown, where: string): void {
  if (!(thrown instanceof Error)) throw new Error(`${where} threw a non-Error: ${String(thrown)}`);
  for (const bad of [TypeError, RangeError, ReferenceError, SyntaxError]) {
    if (thrown instanceof bad) throw new Error(`${where} crashed with ${thrown.name}: ${thrown.message}`);
  }
  if (thrown.message.trim() === "" || !ONE_LINE.test(thrown.message)) throw new Error(`${where} threw a message that is not one line: ${JSON.stringify(thrown.message)}`);
}

/** Runs f; returns its result or undefined when it threw an acceptable Error. */
function attempt<T>(where: string, f: () => T): T | undefined {
  try {
    return f();
  } catch (thrown) {
    checkThrown(thrown, where);
    return undefined;
  }
}

function checkDetection(d: Detection, block: SourceBlock): void {
  expect(["table", "matrix", "long"]).toContain(d.shape);
  expect(Number.isFinite(d.confidence) && d.confidence >= 0 && d.confidence <= 1).toBe(true);
  expect(Array.isArray(d.reasons) && d.reasons.length > 0).toBe(true);
  for (const lang of LANGS) {
    for (const r of reasonsText(d.reasons, lang)) if (r.length === 0 || !ONE_LINE.test(r)) throw new Error(`a reason is empty or not one line: ${JSON.stringify(r)}`);
    for (const p of d.problems) {
      const text = renderProblem(p, lang);
      if (text.length === 0 || !ONE_LINE.test(text)) throw new Error(`a problem does not render as one line in ${lang}: ${JSON.stringify(text)}`);
    }
  }
  expect(Number.isInteger(d.headerRow) && d.headerRow >= -1 && d.headerRow < block.values.length).toBe(true);
  const w = width(block);
  const seen = new Set<number>();
  for (const c of d.columns) {
    expect(Number.isInteger(c.index) && c.index >= 0 && c.index < w).toBe(true);
    expect(seen.has(c.index)).toBe(false);
    seen.add(c.index);
    expect(typeof c.header).toBe("string");
    expect(c.role === null || (ROLES as readonly string[]).includes(c.role)).toBe(true);
    expect(Number.isFinite(c.confidence) && c.confidence >= 0 && c.confidence <= 1).toBe(true);
  }
  if (d.shape === "matrix") expect(d.columns).toEqual([]);
  for (const p of d.problems) {
    expect(p.kind).toBe(PROBLEM_KIND[p.code]);
    const at = parseCell(p.address);
    expect(at).toBeDefined();
    expect(p.address).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
    // On the sheet, and inside the block.
    expect(at!.row >= block.top && at!.row < Math.min(block.top + block.values.length, MAX_ROWS)).toBe(true);
    expect(at!.col >= block.left && at!.col < Math.min(block.left + w, MAX_COLS)).toBe(true);
  }
}

/** Every planned cell with where it is, for messages. */
function plannedCells(plan: ReportPlan): { at: string; cell: PlannedCell }[] {
  const out: { at: string; cell: PlannedCell }[] = [];
  for (const s of plan.sheets) {
    for (const c of s.cells) out.push({ at: `${s.name} cell (${c.row},${c.col})`, cell: c.cell });
    for (const t of s.tables) {
      t.rows.forEach((r, i) => r.forEach((cell, j) => out.push({ at: `${s.name} ${t.name} row ${i} col ${j}`, cell })));
      t.totals?.forEach((cell, j) => out.push({ at: `${s.name} ${t.name} totals col ${j}`, cell }));
    }
  }
  return out;
}

const ERRORS = ["#VALUE!", "#N/A", "#NUM!", "#DIV/0!"];

/** Text cells planned from the data carry no formula; numbers are finite or planned errors. */
function checkPlan(plan: ReportPlan, block: SourceBlock): void {
  expect(plan.sheets.length).toBeGreaterThan(0);
  const dataText = new Set<string>();
  for (const r of block.values) for (const v of r) if (typeof v === "string" && v !== "") dataText.add(v);
  for (const { at, cell } of plannedCells(plan)) {
    const v = cell.value;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new Error(`${at}: planned number ${v}`);
    } else if (v !== null && typeof v === "object") {
      if (!ERRORS.includes(v.error)) throw new Error(`${at}: planned error ${JSON.stringify(v)}`);
    } else if (typeof v === "string" && dataText.has(v) && (cell.native !== undefined || cell.addin !== undefined)) {
      throw new Error(`${at}: text from the data ${JSON.stringify(v)} planned with a formula (${cell.native ?? cell.addin})`);
    }
    for (const f of [cell.native, cell.addin]) if (f !== undefined) expect(typeof f === "string" && !f.startsWith("=")).toBe(true);
  }
  for (const t of plan.sheets.flatMap((s) => s.tables)) for (const h of t.header) expect(typeof h).toBe("string");
  for (const h of plan.headline) if (typeof h.value === "number") expect(Number.isFinite(h.value)).toBe(true);
}

// ---------------------------------------------------------------------------------------------

const tally = { detected: 0, overridden: 0, planned: 0 };
const assertOptions = (numRuns: number) => ({ numRuns });

describe("detection and mapping under arbitrary blocks", () => {
  afterAll(() => {
    // Enough runs reach the interesting paths: not every block is refused.
    expect(tally.detected).toBeGreaterThan(DETECT_FUZZ_RUNS * 0.2);
    expect(tally.planned).toBeGreaterThan(PLAN_FUZZ_RUNS * 0.05);
    if (process.env.FUZZ_VERBOSE) console.log(tally);
  });

  test(`detect: ${DETECT_FUZZ_RUNS} blocks, a well-formed detection or a one-line Error`, () => {
    fc.assert(
      fc.property(blockArb, (block) => {
        const d = attempt("detect", () => detect(block));
        if (d) {
          tally.detected++;
          checkDetection(d, block);
        }
      }),
      assertOptions(DETECT_FUZZ_RUNS),
    );
  });

  test(`applyOverrides: ${OVERRIDES_FUZZ_RUNS} blocks × arbitrary overrides, a well-formed detection or a one-line Error`, () => {
    fc.assert(
      fc.property(blockArb, overridesArb, (block, overrides) => {
        const d = attempt("detect", () => detect(block));
        if (!d) return;
        const o = attempt("applyOverrides", () => applyOverrides(block, d, overrides));
        if (o) {
          tally.overridden++;
          checkDetection(o, block);
        }
      }),
      assertOptions(OVERRIDES_FUZZ_RUNS),
    );
  });

  test(`planReport: ${PLAN_FUZZ_RUNS} detected blocks in every sharing mode, a sound plan or a one-line Error`, () => {
    fc.assert(
      fc.property(plannableBlockArb, fc.option(overridesArb, { nil: undefined }), fc.constantFrom("native", "addin", "values") as fc.Arbitrary<"native" | "addin" | "values">, (block, overrides, mode) => {
        let d = attempt("detect", () => detect(block));
        if (!d) return;
        if (overrides) d = attempt("applyOverrides", () => applyOverrides(block, d!, overrides)) ?? d;
        const plan = attempt("planReport", () => planReport(block, d!, { mode, now: NOW }));
        if (plan) {
          tally.planned++;
          checkPlan(plan, block);
        }
      }),
      assertOptions(PLAN_FUZZ_RUNS),
    );
  });
});

// Non-finite numbers in the data (NaN, ±Infinity from an upstream formula) or sums that overflow
// are planned as #NUM!, never as a number.
test("a NaN origin label is planned as #NUM!, never as the number NaN", () => {
  const block: SourceBlock = { sheet: "Data", top: 0, left: 0, values: [["Origin", "group", "flows", "destination"], [NaN, "=1+1", 0, 0], ["A", "A", 0, 0]], provenance: "Data!A1:D3" };
  const plan = planReport(block, detect(block), { mode: "native", now: NOW });
  for (const { at, cell } of plannedCells(plan)) if (typeof cell.value === "number") expect([at, Number.isFinite(cell.value)]).toEqual([at, true]);
});

test("a flow near Number.MAX_VALUE whose turnover total overflows is refused, never planned as Infinity", () => {
  const block: SourceBlock = { sheet: "Data", top: 0, left: 0, values: [[0, 0, 0], [8.98846567431158e307, 0, 0], [0, 0, 0]], provenance: "Data!A1:C3" };
  expect(() => planReport(block, detect(block), { mode: "native", now: NOW })).toThrow(/too large to add up/);
});

test("a NaN immigrants cell is planned as #NUM!, never as the number NaN", () => {
  const block: SourceBlock = { sheet: "Data", top: 0, left: 0, values: [["region", "immigrants", "population"], ["A", NaN, 10], ["B", 1, 20]], provenance: "Data!A1:C3" };
  const plan = planReport(block, detect(block), { mode: "values", now: NOW });
  for (const { at, cell } of plannedCells(plan)) if (typeof cell.value === "number") expect([at, Number.isFinite(cell.value)]).toEqual([at, true]);
});

test("the total of a column holding NaN is #NUM!, never NaN", () => {
  const block: SourceBlock = { sheet: "Data", top: 0, left: 0, values: [["region", "returnees", "emigrants"], ["A", 0, NaN], ["B", 1, 2]], provenance: "Data!A1:C3" };
  const plan = planReport(block, detect(block), { mode: "native", now: NOW });
  const totals = plan.sheets[0].tables[0].totals ?? [];
  for (const cell of totals) if (typeof cell.value === "number") expect(Number.isFinite(cell.value)).toBe(true);
});

// Found by fuzzing (seed 534190534): the turnover total of two flows of 8.98e307 overflows,
// so Excel's sums show #NUM!; the engine refuses the matrix instead of caching Infinity and an MEI of 0.
test("a 2×2 matrix whose flows add up past the largest number is refused, naming the reason", () => {
  const block: SourceBlock = { sheet: "Data", top: 0, left: 0, values: [["", 8.98846567431158e307], [8.98846567431158e307, 0]], provenance: "Data!block" };
  for (const mode of ["native", "addin", "values"] as const) {
    expect(() => planReport(block, detect(block), { mode, now: NOW })).toThrow(/too large to add up/);
  }
});
