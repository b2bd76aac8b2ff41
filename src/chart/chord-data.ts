/**
 * The flows a chord diagram draws, from the same cells and the same reading as the report: a
 * matrix's numeric part (a blank is no flow, the diagonal is left out), or a long list pivoted
 * as the Flow Matrix sheet pivots it (the latest year when there are several). A cell the
 * report would refuse (text, a negative count) stops the diagram with the cell named; a country
 * table has no flows to draw.
 */
import { isBlankCell } from "../cells/kind";
import { matrixCellAt } from "../report/input";
import { inputFromBlock } from "../report/input-from-block";
import { choosePeriod } from "../report/input-periods";
import { planPivot } from "../report/long-sheet";
import type { CellValue, Detection, SourceBlock } from "../report/types";
import type { FlowMatrix } from "./lump";

export type ChartInputProblem = "table" | "badCell" | "badList" | "noFlows";

/** Why the selection cannot be drawn; `cells` names the first cells at fault. */
export class ChartInputError extends Error {
  constructor(
    readonly problem: ChartInputProblem,
    message: string,
    readonly cells: readonly string[] = [],
  ) {
    super(message);
    this.name = "ChartInputError";
  }
}

export interface ChartFlows extends FlowMatrix {
  /** The year drawn, when the list holds several. */
  readonly year?: CellValue;
}

/** `period`: the period of a long list to draw (its key), as the report's --period; default: the latest. */
export function chartFlows(block: SourceBlock, detection: Detection, period?: string): ChartFlows {
  if (detection.shape === "table") throw new ChartInputError("table", "a chord diagram draws flows: it needs an origin × destination matrix or a long origin–destination–flow list, not a country table");
  const input = inputFromBlock(block, detection);
  let result: ChartFlows;
  if (input.shape === "matrix") {
    const bad: string[] = [];
    const flows = input.cells.map((row, i) =>
      row.map((v, j) => {
        if (i === j || isBlankCell(v)) return 0;
        if (typeof v === "number" && Number.isFinite(v) && v >= 0) return v;
        bad.push(matrixCellAt(input, i, j));
        return 0;
      }),
    );
    if (bad.length > 0) throw new ChartInputError("badCell", `flows must be counts of zero or more: ${bad.slice(0, 5).join(", ")}${bad.length > 5 ? ` and ${bad.length - 5} more` : ""} ${bad.length === 1 ? "is not" : "are not"}`, bad.slice(0, 5));
    result = { labels: input.labels.map(String), flows };
  } else if (input.shape === "long") {
    let pivot: ReturnType<typeof planPivot>;
    try {
      // The period asked for in any spelling of it, as the report reads it (input-periods.ts).
      const shown = period !== undefined ? choosePeriod(input, period).shown : undefined;
      pivot = planPivot(input, shown ? { year: shown.key } : {});
    } catch (e) {
      throw new ChartInputError("badList", (e as Error).message);
    }
    result = { labels: pivot.labels.map(String), flows: pivot.matrix.map((r, i) => r.map((v, j) => (i === j ? 0 : v))), ...(pivot.year !== undefined ? { year: pivot.year } : {}) };
  } else {
    throw new ChartInputError("table", "a chord diagram needs a matrix or a flow list");
  }
  if (result.labels.length < 2 || !result.flows.some((r) => r.some((v) => v > 0))) throw new ChartInputError("noFlows", "there are no flows between two different regions to draw");
  return result;
}
