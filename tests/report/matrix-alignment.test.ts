import { alignMatrix, isIdentity } from "../../src/report/matrix-alignment";
import { matrixAlignmentReasons, matrixLabelMismatch } from "../../src/report/matrix-block";
import { detect } from "../../src/report/detect";
import { planReport } from "../../src/report/plan";
import type { CellValue, SourceBlock } from "../../src/report/types";
import { NATIONAL_MATRIX, NATIONAL_TOTAL } from "../support/matrices";

const grid = (m: number[][]) => (i: number, j: number) => m[i]?.[j] ?? null;

describe("alignMatrix", () => {
  test("labels in the same order: nothing to do", () => {
    const a = alignMatrix(["A", "B", "C"], ["a ", "B", "c"], grid([[0, 1, 2], [3, 0, 4], [5, 6, 0]]));
    expect(isIdentity(a, 3)).toBe(true);
  });
  test("columns in another order: each row paired with its label's column", () => {
    const a = alignMatrix(["Germany", "France", "Austria"], ["Austria", "France", "Germany"], grid([[1, 2, 0], [3, 0, 4], [0, 5, 6]]));
    expect(a.rows).toEqual([0, 1, 2]);
    expect(a.columns).toEqual([2, 1, 0]);
    expect(a.reordered).toBe(true);
    expect(a.leftOut).toEqual([]);
  });
  test("totals by name and labels on one side only are left out, each with why", () => {
    const a = alignMatrix(["A", "B", "C", "Total inflow [note 1]"], ["A", "B", "D", "Total outflow"], grid([[0, 1, 2, 3], [4, 0, 5, 9], [6, 7, 0, 13], [10, 8, 7, 25]]));
    expect(a.rows).toEqual([0, 1]);
    expect(a.columns).toEqual([0, 1]);
    const total = { kind: "aggregate", aggregate: { kind: "total", why: "a total" } };
    expect(a.leftOut).toEqual([
      { side: "row", index: 2, label: "C", why: "found only among the rows", reason: { kind: "oneSide" } },
      { side: "row", index: 3, label: "Total inflow [note 1]", why: "a total", reason: total },
      { side: "column", index: 2, label: "D", why: "found only among the columns", reason: { kind: "oneSide" } },
      { side: "column", index: 3, label: "Total outflow", why: "a total", reason: total },
    ]);
  });
  test("a row and a column that add up the others are totals whatever their labels", () => {
    const m = [
      [0, 1, 2, 3, 6],
      [4, 0, 5, 6, 15],
      [7, 8, 0, 9, 24],
      [1, 1, 1, 0, 3],
      [12, 10, 8, 18, 48],
    ];
    const a = alignMatrix(["A", "B", "C", "D", "Z"], ["A", "B", "C", "D", "Z"], grid(m));
    expect(a.leftOut.map((l) => [l.side, l.label, l.why])).toEqual([
      ["row", "Z", "the sum of the other rows"],
      ["column", "Z", "the sum of the other columns"],
    ]);
    expect(a.rows).toEqual([0, 1, 2, 3]);
  });
});

/** A block from rows of values, at A1 of sheet "S". */
const block = (values: CellValue[][]): SourceBlock => ({ sheet: "S", top: 0, left: 0, values, provenance: "test" });

const ALPHABETICAL: CellValue[][] = [
  ["", "Austria", "Belgium", "France", "Germany"],
  ["Germany", 5000, 3000, 7000, 0],
  ["France", 1000, 2000, 0, 6000],
  ["Austria", 0, 400, 900, 2500],
  ["Belgium", 300, 0, 4000, 1500],
];

describe("a matrix on a block", () => {
  test("columns in another order than the rows: read by label through a copy in the rows' order whose cells reference the source cells", () => {
    const b = block(ALPHABETICAL);
    const d = detect(b);
    expect(d.shape).toBe("matrix");
    expect(matrixLabelMismatch(b, d)).toBeUndefined();
    const plan = planReport(b, d, { mode: "native", now: new Date(0) });
    expect(plan.sheets.map((s) => s.name)).toEqual(["Migration Summary", "Flow Matrix", "Corridors", "Definitions"]);
    const copy = plan.sheets[1].tables[0];
    expect(copy.header).toEqual(["Origin \\ destination", "Germany", "France", "Austria", "Belgium"]);
    // Germany's row: its column (E) on the diagonal, then France (D), Austria (B), Belgium (C)
    expect(copy.rows[0].map((c) => c.native)).toEqual([undefined, "'S'!E2", "'S'!D2", "'S'!B2", "'S'!C2"]);
    expect(copy.rows[0].map((c) => c.value)).toEqual(["Germany", 0, 7000, 5000, 3000]);
    expect(copy.rows[3].map((c) => c.native)).toEqual([undefined, "'S'!E5", "'S'!D5", "'S'!B5", "'S'!C5"]);
    expect(copy.rows.every((r) => r.slice(1).every((c) => c.addin === c.native))).toBe(true);
    // the summary's formulas read the copy, never the source in place
    const summary = plan.sheets[0].tables.flatMap((t) => t.rows.flatMap((r) => r.map((c) => c.native ?? "")));
    expect(summary.some((f) => f.includes("{{Flow Matrix}}!"))).toBe(true);
    expect(summary.filter((f) => f.includes("'S'!"))).toEqual([]);
    // true total: the off-diagonal flows, added by hand; France → Germany is 6000 (E3), not the column in place
    expect(plan.headline.find((h) => h.code === "totalFlows")?.value).toBe(7000 + 5000 + 3000 + 6000 + 1000 + 2000 + 2500 + 900 + 400 + 1500 + 4000 + 300);
    expect(plan.headline.find((h) => h.code === "largestCorridor")?.value).toEqual({ origin: "Germany", destination: "France", flow: 7000 });
    const notes = plan.sheets[3].cells.map((c) => String(c.cell.value));
    expect(notes.some((t) => /columns are in another order than its rows/.test(t))).toBe(true);
  });
  test("labels on one side only and a totals row among the regions: left out and named; the rest read by label", () => {
    const values: CellValue[][] = [
      ["", "Austria", "Belgium", "Other", "France", "Germany", "Total"],
      ["Germany", 5000, 3000, 10, 7000, 0, 15010],
      ["Total", 6301, 5402, 38, 11904, 10005, 33650],
      ["France", 1000, 2000, 20, 0, 6000, 9020],
      ["Austria", 0, 400, 5, 900, 2500, 3805],
      ["Belgium", 300, 0, 0, 4000, 1500, 5800],
      ["Luxembourg", 1, 2, 3, 4, 5, 15],
    ];
    const b = block(values);
    const d = detect(b);
    const plan = planReport(b, d, { mode: "native", now: new Date(0) });
    const copy = plan.sheets.find((s) => s.name === "Flow Matrix")!.tables[0];
    expect(copy.rows.map((r) => r[0].value)).toEqual(["Germany", "France", "Austria", "Belgium"]);
    expect(copy.rows[1].map((c) => c.native)).toEqual([undefined, "'S'!F4", "'S'!E4", "'S'!B4", "'S'!C4"]);
    expect(plan.headline.find((h) => h.code === "totalFlows")?.value).toBe(7000 + 5000 + 3000 + 6000 + 1000 + 2000 + 2500 + 900 + 400 + 1500 + 4000 + 300);
    const notes = plan.sheets[plan.sheets.length - 1].cells.map((c) => String(c.cell.value));
    expect(notes).toContain("Row 'Total' (A3) is not a region of the matrix: a total; left out.");
    expect(notes).toContain("Row 'Luxembourg' (A7) is not a region of the matrix: found only among the rows; left out.");
    expect(notes).toContain("Column 'Other' (D1) is not a region of the matrix: found only among the columns; left out.");
    expect(notes).toContain("Column 'Total' (G1) is not a region of the matrix: a total; left out.");
  });
  test("fewer than two rows pair with a column of the same label: refused, naming the labels", () => {
    const b = block([["", "X", "Y", "Z"], ["A", 0, 1, 2], ["B", 3, 0, 4], ["X", 5, 6, 0]]);
    const d = detect(b);
    if (d.shape !== "matrix" || !d.matrixLabels?.row || !d.matrixLabels.column) return expect(d.shape).not.toBe("matrix");
    const refusal = matrixLabelMismatch(b, d);
    expect(refusal?.params.paired).toBe(1);
    expect(() => planReport(b, d, { mode: "values", now: new Date(0) })).toThrow(/only 1 of its rows pairs with a column of the same label/);
  });
  test("a matrix in order, without totals, is read as it is", () => {
    const values = [["", "A", "B", "C"], ["A", 0, 1, 2], ["B", 3, 0, 4], ["C", 5, 6, 0]];
    const b = block(values);
    expect(matrixLabelMismatch(b, detect(b))).toBeUndefined();
    expect(matrixAlignmentReasons(b, detect(b))).toEqual([]);
  });
});

describe("a matrix with a totals row and column after its regions, read where it is (as the task pane reads a selection)", () => {
  test("the regions are read in place, the totals left out and named on the Definitions sheet, the true total", () => {
    const b = { ...block(NATIONAL_MATRIX), top: 4, left: 0 };
    const d = detect(b);
    expect(d.shape).toBe("matrix");
    expect(matrixLabelMismatch(b, d)).toBeUndefined();
    const plan = planReport(b, d, { mode: "native", now: new Date(0) });
    expect(plan.headline.find((h) => h.code === "totalFlows")?.value).toBe(NATIONAL_TOTAL);
    const notes = plan.sheets[plan.sheets.length - 1].cells.map((c) => String(c.cell.value));
    expect(notes).toContain("Row 'Total inflow [note 1]' (A10) is not a region of the matrix: a total; left out.");
    expect(notes).toContain("Column 'Total outflow' (F5) is not a region of the matrix: a total; left out.");
    // the formulas reference the regions' cells on the sheet (B6:E9), not the totals
    const formulas = plan.sheets.flatMap((s) => s.tables.flatMap((t) => t.rows.flatMap((r) => r.map((c) => c.native ?? ""))));
    expect(formulas).toContain("SUM('S'!B6:E6)-SUM('S'!B6)");
    expect(formulas).toContain("SUM('S'!B9:E9)-SUM('S'!E9)");
    const sourceRefs = formulas.flatMap((f) => f.match(/'S'!\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?/g) ?? []);
    expect(sourceRefs.length).toBeGreaterThan(10);
    expect(sourceRefs.filter((r) => /F\$?\d|\$?10\b/.test(r))).toEqual([]);
  });
  test("a total between the regions: left out and named, the regions read through a copy", () => {
    const values = [NATIONAL_MATRIX[0], NATIONAL_MATRIX[1], NATIONAL_MATRIX[5], NATIONAL_MATRIX[2], NATIONAL_MATRIX[3], NATIONAL_MATRIX[4]];
    const b = block(values);
    const plan = planReport(b, detect(b), { mode: "native", now: new Date(0) });
    expect(plan.headline.find((h) => h.code === "totalFlows")?.value).toBe(NATIONAL_TOTAL);
    const notes = plan.sheets[plan.sheets.length - 1].cells.map((c) => String(c.cell.value));
    expect(notes).toContain("Row 'Total inflow [note 1]' (A3) is not a region of the matrix: a total; left out.");
    const copy = plan.sheets.find((s) => s.name === "Flow Matrix")!.tables[0];
    expect(copy.rows.map((r) => r[1].native)).toEqual(["'S'!B2", "'S'!B4", "'S'!B5", "'S'!B6"]);
  });
});
