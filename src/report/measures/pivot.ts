import { pivotFlows } from "../../indicators/longformat";
import { FormulaEntry } from "./entry";
import { FLOW } from "./shown";

/** What a cell of a pivoted long list refers to. */
export interface PivotRefs {
  /** The list's origin, destination and flow columns, absolute, with their sheet. */
  readonly origins: string;
  readonly destinations: string;
  readonly flows: string;
  /** The labels of the cell's row and column as texts, e.g. `($A$4&"")`. */
  readonly origin: string;
  readonly destination: string;
  /** Further factors selecting the list's rows, each `*(…)` (one period's rows); empty for every row. */
  readonly selection: string;
}

/** A matrix cell built from the list's rows: the engine's pivot, the cell's formulas, its format. */
export interface PivotMeasure extends FormulaEntry<PivotRefs, typeof pivotFlows> {
  /**
   * The same cell over one period's rows (the Period Flows sheet), `period` the factor that
   * selects them: the flows are SUMPRODUCT's second array, so rows of other periods add nothing
   * whatever they hold; the engine refuses a blank or negative flow of any period.
   */
  readonly periodNative: (at: PivotRefs, period: string) => string;
}

/**
 * A long list pivoted into a matrix (MIGRATION.MATRIX): each cell adds up the list's rows for
 * its pair. Labels are matched as Excel compares TRIM(label&"") (labels.ts); a blank or
 * negative flow of the pair makes the cell #N/A, where the engine refuses the pair.
 */
export const PIVOT: PivotMeasure = {
  label: FLOW.label,
  fn: "MIGRATION.MATRIX",
  compute: pivotFlows,
  native: pivotCellFormula,
  addin: pivotCellFormula,
  format: FLOW.format,
  periodNative: (at, period) => `SUMPRODUCT(${period}*${pairMatch(at)},${at.flows})`,
};

/** The rows of the cell's pair: labels compared as TRIM(label&""). */
const pairMatch = (at: PivotRefs) => `(TRIM(${at.origins}&"")=${at.origin})*(TRIM(${at.destinations}&"")=${at.destination})`;

function pivotCellFormula(at: PivotRefs): string {
  const match = `${pairMatch(at)}${at.selection}`;
  return `IF(SUMPRODUCT(${match}*(ISBLANK(${at.flows})+(${at.flows}<0)))>0,NA(),SUMPRODUCT(${match}*${at.flows}))`;
}
