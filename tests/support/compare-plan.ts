/**
 * Compares a ReportPlan's numbers with what a spreadsheet computed from the written file: every
 * cell that src/hosts/xlsx.ts writes as a formula in the plan's mode is looked up in the
 * recalculated copy and compared with the engine's value.
 */
import { formulaFor } from "../../src/hosts/common";
import type { CellValue, PlannedCell, PlannedError, ReportPlan } from "../../src/report/types";
import { cell as a1 } from "../../src/report/address";
import { ReadCell, readSheetCells } from "./libreoffice";

/** A formula cell the host wrote: where, the formula as planned, and the engine's value. */
export interface PlannedFormulaCell {
  readonly sheet: string; // the final sheet name in the workbook
  readonly address: string;
  readonly formula: string;
  readonly expected: CellValue | PlannedError;
}

/**
 * Where each planned cell lands, as src/hosts/xlsx.ts lays it out: free cells at (row, col);
 * table header at `top`, body rows below it, the totals row right under the last body row.
 * `sheetNames` are the final names, in the plan's order (the `sheetNames` writeReportXlsx
 * returns, without the source sheet that comes first when a source was copied).
 */
export function plannedFormulaCells(plan: ReportPlan, sheetNames: readonly string[]): PlannedFormulaCell[] {
  const out: PlannedFormulaCell[] = [];
  const add = (sheet: string, row: number, col: number, c: PlannedCell | undefined) => {
    if (!c) return;
    const formula = formulaFor(c, plan.mode);
    if (formula !== undefined) out.push({ sheet, address: a1(row, col), formula, expected: c.value });
  };
  plan.sheets.forEach((s, k) => {
    const name = sheetNames[k];
    for (const { row, col, cell } of s.cells) add(name, row, col, cell);
    for (const t of s.tables) {
      t.rows.forEach((r, i) => r.forEach((c, j) => add(name, t.top + 1 + i, t.left + j, c)));
      t.totals?.forEach((c, j) => add(name, t.top + 1 + t.rows.length, t.left + j, c));
    }
  });
  return out;
}

export interface Mismatch {
  readonly sheet: string;
  readonly address: string;
  readonly formula: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

function isError(v: unknown): v is { error: string } {
  return typeof v === "object" && v !== null && typeof (v as { error?: unknown }).error === "string";
}

/** Equal within a relative tolerance; values within `absolute` of zero count as equal. */
export function sameValue(expected: CellValue | PlannedError, actual: ReadCell["value"] | undefined, relative = 1e-9, absolute = 1e-12): boolean {
  if (isError(expected)) return isError(actual) && actual.error === expected.error;
  if (expected === null || expected === "") return actual === null || actual === undefined || actual === "";
  if (typeof expected === "number") {
    if (typeof actual !== "number") return false;
    const diff = Math.abs(expected - actual);
    return diff <= absolute || diff <= relative * Math.max(Math.abs(expected), Math.abs(actual));
  }
  return expected === actual;
}

/**
 * Reads the recalculated file and returns every planned formula cell whose value differs from
 * the engine's (an empty list means all agree), plus how many cells were compared.
 */
export async function compareWithFile(
  plan: ReportPlan,
  sheetNames: readonly string[],
  recalculatedPath: string,
  relative = 1e-9,
): Promise<{ compared: number; mismatches: Mismatch[] }> {
  const expected = plannedFormulaCells(plan, sheetNames);
  const bySheet = new Map<string, Map<string, ReadCell>>();
  const mismatches: Mismatch[] = [];
  for (const e of expected) {
    let cells = bySheet.get(e.sheet);
    if (!cells) bySheet.set(e.sheet, (cells = await readSheetCells(recalculatedPath, e.sheet)));
    const got = cells.get(e.address);
    if (!got || got.formula === undefined || !sameValue(e.expected, got.value, relative)) {
      mismatches.push({ sheet: e.sheet, address: e.address, formula: e.formula, expected: e.expected, actual: got ? (got.formula === undefined ? `(no formula) ${JSON.stringify(got.value)}` : got.value) : "(empty)" });
    }
  }
  return { compared: expected.length, mismatches };
}
