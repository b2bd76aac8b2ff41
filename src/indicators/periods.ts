import type { PeriodColumn } from "../cells/period";
import { circulationIndexOfMatrix } from "./circulation";
import { Label, pivotFlows } from "./longformat";
import { connectivity, Flows, giniIndex, margins, migrationEffectivenessIndex } from "./matrix";
import { MeasureError, Rate } from "./types";

/**
 * The key figures of a flow system over time: a long origin–destination–flow list with a
 * period on each row is cut into one matrix per period (pivoted as MIGRATION.MATRIX pivots),
 * and each matrix gets the flow key figures the report shows. Each figure is the indicator the
 * report's registry (src/report/measures/matrix.ts, MATRIX_KEY_FIGURES) computes, not a second
 * definition of it: tests/indicators/periods.test.ts holds the two to the same numbers.
 */

/** The word that names a key figure in MIGRATION.PERIODS's `measure` argument. */
export type FlowKeyFigureName = "total" | "mei" | "circulation" | "connectivity" | "gini";

export interface FlowKeyFigure {
  readonly name: FlowKeyFigureName;
  /** The column heading of the figure (and another accepted spelling of its name). */
  readonly heading: string;
  /** The catalog function that computes the same figure of one matrix. */
  readonly fn: string;
  readonly compute: (m: Flows) => number;
}

/** The flow key figures, in the order the report lists them. */
export const FLOW_KEY_FIGURES: readonly FlowKeyFigure[] = [
  // Σ_{i≠j} Mij
  { name: "total", heading: "total flows", fn: "MIGRATION.SUMMARY", compute: (m) => margins(m).total },
  // Σi|Di − Oi| / Σi(Di + Oi) (Bell et al. 2002)
  { name: "mei", heading: "MEI", fn: "MIGRATION.MEI", compute: migrationEffectivenessIndex },
  // 1 − Σ_{i<j}|Mij − Mji| / Σ_{i<j}(Mij + Mji)
  { name: "circulation", heading: "circulation index", fn: "CIRCULATION.INDEX", compute: circulationIndexOfMatrix },
  // share of the n(n − 1) off-diagonal flows that are not 0
  { name: "connectivity", heading: "connectivity", fn: "MIGRATION.CONNECTIVITY", compute: connectivity },
  // Plane & Mulligan (1997), corrected denominator n(n − 1) − 1 (Bell et al. 2002)
  { name: "gini", heading: "total Gini", fn: "MIGRATION.GINI", compute: (m) => giniIndex(m) },
];

/** One period's figures, in the order of FLOW_KEY_FIGURES; a figure that cannot be computed is its error. */
export interface PeriodFigures {
  /** The period's key: the trimmed text of its cells (src/cells/period.ts). */
  readonly key: string;
  readonly figures: readonly (Rate | MeasureError)[];
}

/**
 * The flow key figures of a long list: `flows[r]` people moved from `origins[r]` to
 * `destinations[r]` (a flow the reader could not take is its error). A flow in error spoils
 * every figure of its list; a figure whose denominator is 0 is that figure's error alone.
 */
export function flowKeyFigures(origins: readonly Label[], destinations: readonly Label[], flows: readonly (number | MeasureError)[]): (Rate | MeasureError)[] {
  const { matrix } = pivotFlows(origins, destinations, flows);
  const rows: number[][] = new Array(matrix.length);
  for (let i = 0; i < matrix.length; i++) {
    const row = matrix[i];
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      if (j !== i && cell instanceof MeasureError) return FLOW_KEY_FIGURES.map(() => cell);
    }
    // Moves within a region (origin = destination) are ignored, as every matrix measure ignores the diagonal.
    row[i] = 0;
    rows[i] = row as number[];
  }
  const m = new Flows(rows.length, rows);
  return FLOW_KEY_FIGURES.map((k) => {
    try {
      return k.compute(m);
    } catch (e) {
      if (e instanceof MeasureError) return e;
      throw e;
    }
  });
}

/**
 * The flow key figures of each period, in time order. `periods` is the list's period column as
 * src/cells/period.ts reads it (its rows index the other three lists). Every period's matrix
 * holds every region of the whole list, in order of first appearance (a region with no row in
 * a period has no flows then), as the report's Trends sheet counts them: connectivity's
 * n(n − 1) possible flows are the same in every period, so periods compare.
 */
export function flowKeyFiguresByPeriod(
  periods: PeriodColumn,
  origins: readonly Label[],
  destinations: readonly Label[],
  flows: readonly (number | MeasureError)[],
): PeriodFigures[] {
  if (origins.length !== flows.length || destinations.length !== flows.length) {
    throw new MeasureError("invalid", `origins (${origins.length}), destinations (${destinations.length}) and flows (${flows.length}) must have the same length`);
  }
  if (periods.others.length > 0 || periods.blanks.length > 0) {
    throw new MeasureError("invalid", "every row of the list must hold a period");
  }
  // A list of one period is that period's list: no copy.
  if (periods.periods.length === 1) return [{ key: periods.periods[0].key, figures: flowKeyFigures(origins, destinations, flows) }];
  const regions = regionsOf(origins, destinations);
  return periods.periods.map((p) => {
    const rows = periods.rows.get(p.key)!;
    // Every region first, as a flow of 0 to itself (the diagonal, which no figure reads), so
    // the period's matrix has the list's regions in the list's order; then the period's rows.
    const n = regions.length;
    const o = new Array<Label>(n + rows.length);
    const d = new Array<Label>(n + rows.length);
    const f = new Array<number | MeasureError>(n + rows.length);
    for (let k = 0; k < n; k++) {
      o[k] = regions[k];
      d[k] = regions[k];
      f[k] = 0;
    }
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k];
      o[n + k] = origins[r];
      d[n + k] = destinations[r];
      f[n + k] = flows[r];
    }
    return { key: p.key, figures: flowKeyFigures(o, d, f) };
  });
}

/** The regions a list names, as origin or destination, in order of first appearance (keyed as pivotFlows keys them). */
function regionsOf(origins: readonly Label[], destinations: readonly Label[]): Label[] {
  const seen = new Set<string>();
  const out: Label[] = [];
  for (let r = 0; r < origins.length; r++) {
    for (const l of [origins[r], destinations[r]]) {
      const key = String(l);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(l);
      }
    }
  }
  return out;
}
