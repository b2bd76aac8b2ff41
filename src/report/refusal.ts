/**
 * A refusal of the report engine as data: a code and its parameters, with the English sentence
 * as the Error's message (what the command line prints). The task pane words the same code in
 * the user's language (src/taskpane/refusals.ts) instead of showing the English sentence.
 */

import type { LeftOut } from "./matrix-alignment";

/** What a refusal names, by code. Cells are A1 addresses on the source sheet. */
export interface RefusalParams {
  /** A unit in a header that does not fit the role the column is mapped to. */
  readonly unitMismatch: { readonly column: string; readonly header: string; readonly role: string; readonly roleLabel: string; readonly unit: UnitName; readonly expects: "count" | "rate" };
  /** A rate column (0 to 1) whose values look like percentages and whose header gives no unit. */
  readonly rateLooksPercent: { readonly column: string; readonly header: string; readonly role: string; readonly roleLabel: string; readonly largest: number; readonly at: string };
  /** Every row of a table or list is a total or aggregate. */
  readonly allAggregates: { readonly rows: readonly string[] };
  /** A matrix whose rows and columns do not pair up by label (fewer than two pairs, or a label repeated): what was found where. */
  readonly matrixLabels: {
    /** Rows paired with a column of the same label (fewer than two: nothing to report on). */
    readonly paired: number;
    /** A label appears twice on one side as labels are compared (case, spaces, footnote marks aside). */
    readonly repeated: boolean;
    readonly leftOut: readonly { readonly side: "row" | "column"; readonly label: string; readonly at: string; readonly reason: LeftOut["reason"] }[];
  };
  /** Rows of one origin–destination pair that differ in other columns: breakdowns to choose from. */
  readonly breakdowns: { readonly pairs: number; readonly columns: readonly { readonly column: string; readonly header: string; readonly values: readonly string[] }[]; readonly example: string };
}

/** The units a header can state (./units). */
export type UnitName = "thousands" | "millions" | "percent" | "perThousand" | "perHundredThousand";

export type RefusalCode = keyof RefusalParams;

export class ReportRefusal<C extends RefusalCode = RefusalCode> extends Error {
  constructor(
    readonly code: C,
    readonly params: RefusalParams[C],
    message: string,
  ) {
    super(message);
    this.name = "ReportRefusal";
  }
}

export function isRefusal(e: unknown): e is ReportRefusal {
  return e instanceof ReportRefusal;
}
