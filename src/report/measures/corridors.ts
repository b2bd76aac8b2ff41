import { Corridor } from "../../indicators/matrix";
import { FormulaEntry } from "./entry";
import { net, pairReciprocityFormula } from "./formula-text";
import { FLOW } from "./shown";

/** What a corridor column's formulas refer to, for one ordered pair of regions. */
export interface CorridorRefs {
  /** The pair's cell of the matrix (origin → destination) and the reverse pair's. */
  readonly pair: string;
  readonly reverse: string;
  /** The corridor's cell in another column of the Corridors table, e.g. "C5". */
  readonly cell: (key: CorridorColumnKey) => string;
}

/** A column of the Corridors sheet: its value from the engine's corridor (MIGRATION.CORRIDORS), its formulas, its format. */
export type CorridorColumn = FormulaEntry<CorridorRefs, (c: Corridor) => number>;

export type CorridorColumnKey = "flow" | "counterflow" | "net" | "reciprocity";

/** The columns of the Corridors sheet, in their order after origin and destination (MIGRATION.CORRIDORS). */
export const CORRIDOR_COLUMNS: { readonly [K in CorridorColumnKey]: CorridorColumn } = {
  flow: { label: "Flow", fn: "MIGRATION.CORRIDORS", compute: (c) => c.flow, native: (at) => at.pair, addin: (at) => at.pair, format: FLOW.format },
  counterflow: { label: "Counterflow", fn: "MIGRATION.CORRIDORS", compute: (c) => c.counterflow, native: (at) => at.reverse, addin: (at) => at.reverse, format: FLOW.format },
  net: {
    label: "Net",
    fn: "MIGRATION.CORRIDORS",
    compute: (c) => c.net,
    native: (at) => net(at.cell("flow"), at.cell("counterflow")),
    addin: (at) => net(at.cell("flow"), at.cell("counterflow")),
    format: FLOW.format,
  },
  reciprocity: {
    label: "Reciprocity",
    fn: "MIGRATION.CORRIDORS",
    compute: (c) => c.reciprocity,
    // pairReciprocity: 1 − |f − c| ÷ (f + c)
    native: (at) => pairReciprocityFormula(at.cell("flow"), at.cell("counterflow")),
    addin: (at) => pairReciprocityFormula(at.cell("flow"), at.cell("counterflow")),
    format: "ratio",
  },
};

export const CORRIDOR_KEYS = Object.keys(CORRIDOR_COLUMNS) as CorridorColumnKey[];
