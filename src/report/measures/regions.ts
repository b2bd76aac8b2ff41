import { circulationByRegion } from "../../indicators/circulation";
import { Flows, margins, regionSummary } from "../../indicators/matrix";
import { MeasureError } from "../../indicators/types";
import { columnLetters } from "../address";
import { FormulaEntry } from "./entry";
import { classify, classifyFormula } from "./classify";
import { columnSum, gapOver, gross, net, offDiagonalSum, reciprocated } from "./formula-text";
import { addinFormula, EFFECTIVENESS } from "./table";

/** A per-region value as the engine gives it: a number, a classification, or why there is none. */
export type RegionValue = number | string | MeasureError;

/** What a per-region column's formulas refer to, for one region of the matrix. */
export interface RegionRefs {
  /** The region's row of the matrix (its outflows) and its column (its inflows), each with its diagonal cell. */
  readonly row: string;
  readonly column: string;
  readonly diagonal: string;
  /** The whole matrix (absolute) and the region's position in it, from 1. */
  readonly whole: string;
  readonly index: number;
  /** The region's cell in another column of the per-region table, e.g. "B22". */
  readonly cell: (key: RegionColumnKey) => string;
}

/**
 * A column of a matrix summary's per-region table: its measure in src/indicators (the engine's
 * values, one per region), its native and add-in formulas for one region, its format, and its
 * total (the totals row) where a total means something.
 */
export interface RegionColumn extends FormulaEntry<RegionRefs, (m: Flows) => readonly RegionValue[]> {
  readonly nativeArray?: boolean;
  /** The engine's total and its formula (native and add-in alike) over the column's cells. */
  readonly total?: { readonly compute: (m: Flows) => number; readonly formula: (column: string) => string };
}

export type RegionColumnKey = "outflow" | "inflow" | "turnover" | "net" | "effectiveness" | "circulation" | "classification";

/**
 * The per-region columns of a matrix summary (MIGRATION.SUMMARY, MIGRATION.EFFECTIVENESS,
 * CIRCULATION.BYREGION), in their order on the sheet after the region (column A).
 */
export const REGION_COLUMNS: { readonly [K in RegionColumnKey]: RegionColumn } = {
  outflow: {
    label: "Outflow",
    fn: "MIGRATION.SUMMARY",
    compute: (m) => margins(m).outflows,
    native: (at) => offDiagonalSum(at.row, at.diagonal),
    addin: (at) => offDiagonalSum(at.row, at.diagonal),
    format: "count",
    total: { compute: (m) => margins(m).total, formula: columnSum },
  },
  inflow: {
    label: "Inflow",
    fn: "MIGRATION.SUMMARY",
    compute: (m) => margins(m).inflows,
    native: (at) => offDiagonalSum(at.column, at.diagonal),
    addin: (at) => offDiagonalSum(at.column, at.diagonal),
    format: "count",
    total: { compute: (m) => margins(m).total, formula: columnSum },
  },
  turnover: {
    label: "Turnover",
    fn: "MIGRATION.SUMMARY",
    compute: (m) => regionSummary(m).map((s) => s.turnover),
    native: (at) => gross(at.cell("outflow"), at.cell("inflow")),
    addin: (at) => gross(at.cell("outflow"), at.cell("inflow")),
    format: "count",
    // Every flow is one region's outflow and another's inflow.
    total: { compute: (m) => 2 * margins(m).total, formula: columnSum },
  },
  net: {
    label: "Net migration",
    fn: "MIGRATION.SUMMARY",
    compute: (m) => regionSummary(m).map((s) => s.net),
    native: (at) => net(at.cell("inflow"), at.cell("outflow")),
    addin: (at) => net(at.cell("inflow"), at.cell("outflow")),
    format: "count",
    // The inflows and the outflows both add up to the total of the flows.
    total: { compute: () => 0, formula: columnSum },
  },
  effectiveness: {
    label: "Effectiveness",
    fn: EFFECTIVENESS.fn,
    compute: (m) => regionSummary(m).map((s) => s.effectiveness),
    // net ÷ turnover, the table's cells; the add-in formula is the table measure over inflow and outflow.
    native: (at) => `${at.cell("net")}/${at.cell("turnover")}`,
    addin: (at) => addinFormula(EFFECTIVENESS, [at.cell("inflow"), at.cell("outflow")]),
    format: EFFECTIVENESS.format,
  },
  circulation: {
    label: "Circulation index",
    fn: "CIRCULATION.BYREGION",
    compute: circulationByRegion,
    // 1 − Σj|Mij − Mji| ÷ turnover; the diagonal cancels in the gap (Mii − Mii).
    native: (at) => reciprocated(gapOver(`${at.row}-TRANSPOSE(${at.column})`), at.cell("turnover")),
    addin: (at) => `INDEX(CIRCULATION.BYREGION(${at.whole}),${at.index})`,
    format: "ratio",
    nativeArray: true,
  },
  classification: {
    label: "Classification",
    fn: EFFECTIVENESS.fn,
    compute: (m) => regionSummary(m).map((s) => (s.effectiveness instanceof MeasureError ? s.effectiveness : classify(s.effectiveness))),
    native: (at) => classifyFormula(at.cell("effectiveness")),
    addin: (at) => classifyFormula(at.cell("effectiveness")),
    format: "text",
  },
};

/** The column letter of a per-region column: the table has the region in A, then REGION_COLUMNS in order. */
export function regionColumnLetter(key: RegionColumnKey): string {
  return columnLetters(1 + REGION_KEYS.indexOf(key));
}

export const REGION_KEYS = Object.keys(REGION_COLUMNS) as RegionColumnKey[];
