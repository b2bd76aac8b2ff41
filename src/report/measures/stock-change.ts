import { flowsFromStocks, StockDecrease } from "../../indicators/estimation";
import { FormulaEntry } from "./entry";
import { FLOW } from "./shown";

/** What an estimated flow refers to: the stocks of its pair and of the reverse pair at the start and the end, and both stock tables. */
export interface StockChangeRefs {
  readonly start: string;
  readonly end: string;
  readonly reverseStart: string;
  readonly reverseEnd: string;
  /** The whole start and end stock tables (absolute), and the pair's position in them, from 1. */
  readonly starts: string;
  readonly ends: string;
  readonly row: number;
  readonly column: number;
  readonly method: StockDecrease;
}

export type StockChangeMeasure = FormulaEntry<StockChangeRefs, typeof flowsFromStocks>;

/**
 * A flow estimated from migrant stocks (MIGRATION.FLOWSFROMSTOCKS): the rise in the pair's
 * stock, MAX(0, end − start), plus for the "return" method the fall in the reverse pair's
 * stock, MAX(0, start − end).
 */
export const ESTIMATED_FLOW: StockChangeMeasure = {
  label: FLOW.label,
  fn: "MIGRATION.FLOWSFROMSTOCKS",
  compute: flowsFromStocks,
  native: (at) => {
    const rise = `MAX(0,${at.end}-${at.start})`;
    return at.method === "return" ? `${rise}+MAX(0,${at.reverseStart}-${at.reverseEnd})` : rise;
  },
  addin: (at) => `INDEX(MIGRATION.FLOWSFROMSTOCKS(${at.starts},${at.ends},"${at.method}"),${at.row},${at.column})`,
  format: FLOW.format,
};
