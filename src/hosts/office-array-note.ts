/**
 * Where Excel can neither array-enter a formula (Range.formulaArray) nor evaluate an ordinary
 * one as an array (dynamic arrays), a formula that needs array evaluation would be computed
 * with implicit intersection: a wrong number or #VALUE!. Those cells get the engine's value
 * instead (office-blocks.ts), and the Definitions sheet says which and why, so a reader knows
 * that they will not recalculate.
 */
import { cell as cellAddress } from "../report/address";
import { DEFINITIONS_SHEET as DEFINITIONS, definitionsNote } from "../report/definitions-sheet";
import type { PlannedCell, PlannedSheet, ReportPlan } from "../report/types";
import { tableWidth } from "./common";
import { needsArray } from "./office-blocks";

/** Each cell of the plan whose formula needs array evaluation, as "Sheet!B4" (planned sheet names). */
export function arrayCells(plan: ReportPlan): string[] {
  const out: string[] = [];
  for (const s of plan.sheets) {
    for (const { row, col, cell } of s.cells) if (needsArray(cell, plan.mode)) out.push(`${s.name}!${cellAddress(row, col)}`);
    for (const t of s.tables) {
      const rows: PlannedCell[][] = t.totals ? [...t.rows, t.totals] : t.rows;
      const width = tableWidth(t); // once: it reads every row
      rows.forEach((r, i) => {
        for (let j = 0; j < width; j++) if (needsArray(r[j], plan.mode)) out.push(`${s.name}!${cellAddress(t.top + 1 + i, t.left + j)}`);
      });
    }
  }
  return out;
}

/** The sentence on the Definitions sheet for cells written as values (at most 20 named). */
export function arrayValueNote(cells: readonly string[]): string {
  const named = cells.length <= 20 ? cells.join(", ") : `${cells.slice(0, 20).join(", ")} and ${cells.length - 20} more`;
  return (
    `Values, not formulas: this version of Excel can neither array-enter a formula through an add-in nor compute dynamic arrays, ` +
    `so ${cells.length === 1 ? "the cell" : `the ${cells.length} cells`} whose formula needs array evaluation (${named}) ` +
    `hold${cells.length === 1 ? "s" : ""} the value the add-in computed and will not recalculate.`
  );
}

/** The plan with that note added under the Definitions sheet's last line; the plan itself when no cell needs it. */
export function withArrayValueNote(plan: ReportPlan): { plan: ReportPlan; cells: number } {
  const cells = arrayCells(plan);
  const k = plan.sheets.findIndex((s) => s.name === DEFINITIONS);
  if (cells.length === 0 || k < 0) return { plan, cells: cells.length };
  const sheet: PlannedSheet = plan.sheets[k];
  const last = Math.max(...sheet.cells.map((c) => c.row), ...sheet.tables.map((t) => t.top + t.rows.length + (t.totals ? 1 : 0)));
  const noted: PlannedSheet = { ...sheet, cells: [...sheet.cells, definitionsNote(last + 2, arrayValueNote(cells))] };
  return { plan: { ...plan, sheets: plan.sheets.map((s, i) => (i === k ? noted : s)) }, cells: cells.length };
}
