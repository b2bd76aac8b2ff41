import { NumberFormat } from "../types";

/**
 * A registry entry: one catalog function's measure as the engine computes it (`compute`) and as
 * the formulas a report writes for one cell over the references `Refs` (native: classic
 * functions; add-in: the catalog function), shown in its one format.
 */
export interface FormulaEntry<Refs, Compute> {
  /** The header or label the report shows. */
  readonly label: string;
  /** The catalog function (its reference entry gives the definition and the source). */
  readonly fn: string;
  readonly compute: Compute;
  readonly native: (at: Refs) => string;
  readonly addin: (at: Refs) => string;
  readonly format: NumberFormat;
}
