/**
 * A refusal of the report engine as data: a code and its parameters. src/messages/refusals.ts
 * words it in English and Ukrainian for the task pane and the command line; the Error's message
 * is the English wording.
 */

import { refusalText } from "../messages/refusals";
import type { AggregateReason } from "./aggregates";
import type { LeftOut } from "./matrix-alignment";
import type { CellValue } from "./types";

/** What a refusal names, by code. Cells are A1 addresses on the source sheet. */
export interface RefusalParams {
  /** A unit in a header that does not fit the role the column is mapped to. */
  readonly unitMismatch: { readonly column: string; readonly header: string; readonly role: string; readonly roleLabel: string; readonly unit: UnitName; readonly expects: "count" | "rate" };
  /** A rate column (0 to 1) whose values look like percentages and whose header gives no unit. */
  readonly rateLooksPercent: { readonly column: string; readonly header: string; readonly role: string; readonly roleLabel: string; readonly largest: number; readonly at: string };
  /** Every row of a table or list is a total or aggregate: the first few, with the cell that marks each. */
  readonly allAggregates: { readonly rows: readonly { readonly row: number; readonly address: string; readonly label: string; readonly role: "region" | "code" | "origin" | "destination"; readonly reason: AggregateReason }[] };
  /** A matrix whose rows and columns do not pair up by label (fewer than two pairs, or a label repeated): what was found where. */
  readonly matrixLabels: {
    /** Rows paired with a column of the same label (fewer than two: nothing to report on). */
    readonly paired: number;
    /** A label appears twice on one side as labels are compared (case, spaces, footnote marks aside). */
    readonly repeated: boolean;
    readonly leftOut: readonly { readonly side: "row" | "column"; readonly label: string; readonly at: string; readonly reason: LeftOut["reason"] }[];
  };
  /** Rows of one origin–destination pair that differ in other columns: breakdowns to choose from. */
  readonly breakdowns: { readonly pairs: number; readonly columns: readonly { readonly column: string; readonly header: string; readonly values: readonly string[] }[]; readonly examples: readonly string[] };
  /** Detection: the cells read hold nothing. */
  readonly emptyBlock: Record<string, never>;
  /** Detection: one value, at this cell. */
  readonly singleValue: { readonly cell: string };
  /** Detection: text only, no numbers. */
  readonly onlyText: Record<string, never>;
  /** Detection: no header row, and the numbers are not a square matrix. */
  readonly noHeaderNotSquare: Record<string, never>;
  /** Detection: no column holds numbers below the header. */
  readonly noNumberColumn: Record<string, never>;
  /** Detection: a table needs a header row and none was found. */
  readonly noHeaderRow: Record<string, never>;
  /** Read as a matrix (the user's choice), the numbers are not square. */
  readonly notSquare: { readonly rows: number; readonly columns: number };
  /** A table or list with a header and no data rows below it. */
  readonly noDataRows: Record<string, never>;
  /** A role given to a column of a matrix, which has none. */
  readonly matrixNoColumns: Record<string, never>;
  /** A role name that is none of the roles. */
  readonly unknownRole: { readonly role: string; readonly roles: readonly string[] };
  /** A role the shape has no column for. */
  readonly roleNotInShape: { readonly shape: "table" | "matrix" | "long"; readonly role: string; readonly roles: readonly string[] };
  /** No column by that header (text) or block column (a number); the headers there are, with their block columns. */
  readonly noColumn: { readonly column: string | number; readonly headers: readonly { readonly header: string; readonly index: number }[] };
  /**
   * Regions listed twice in a table (one row per country, or per country, year and group) or in a
   * matrix's labels: the first few repeated labels with every cell of each, and how many more.
   */
  readonly repeatedLabels: { readonly shape: "table" | "matrix"; readonly repeats: readonly RepeatedLabel[]; readonly more: number };
  /** No row of a long list holds the values chosen in its dimension columns (on the command line --filter). */
  readonly noFilteredRows: { readonly filters: readonly { readonly column: string; readonly header: string; readonly value: string }[] };
  /** A header naming more than one column. */
  readonly ambiguousColumn: { readonly column: string; readonly indexes: readonly number[]; readonly headers: readonly { readonly header: string; readonly index: number }[] };
}

/** One label found in several cells: where (a table's country or code column, a matrix's row or column labels), its year and group, every cell. */
export interface RepeatedLabel {
  readonly what: "country" | "code" | "rowLabel" | "columnLabel";
  readonly label: CellValue;
  /** The year and group of the repeated rows, as found (a table's; empty in a matrix). */
  readonly context: readonly CellValue[];
  readonly count: number;
  readonly addresses: readonly string[];
}

/** The units a header can state (./units). */
export type UnitName = "thousands" | "millions" | "percent" | "perThousand" | "perHundredThousand";

export type RefusalCode = keyof RefusalParams;

/** A refusal's code with its parameters, as the renderers take it. */
export type Refusal = { [C in RefusalCode]: { readonly code: C; readonly params: RefusalParams[C] } }[RefusalCode];

export class ReportRefusal<C extends RefusalCode = RefusalCode> extends Error {
  constructor(
    readonly code: C,
    readonly params: RefusalParams[C],
  ) {
    super(refusalText({ code, params } as Refusal, "en"));
    this.name = "ReportRefusal";
  }
}

export function isRefusal(e: unknown): e is ReportRefusal {
  return e instanceof ReportRefusal;
}
