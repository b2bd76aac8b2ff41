/**
 * A data problem as data: the cell, a code and its parameters. Detection (detect-problems.ts)
 * makes them; the renderers in src/messages word them in English or Ukrainian for the command
 * line and the task pane alike, so nothing re-reads the block to say what a problem is.
 */

import type { CellValue, Role } from "./types";

/** The column of a country table or long list a problem's cell is in. */
export interface ProblemColumn {
  /** 0-based column within the block (what a mapping by index names). */
  readonly index: number;
  /** Its letters on the source sheet. */
  readonly letters: string;
  /** The header as found ("" when the block has none). */
  readonly header: string;
  readonly role: Role;
}

/**
 * What a bad numeric cell does to the report: in a country table it is read as missing (its
 * measures show #N/A); a long list's flow or a matrix cell that is not a count stops the report.
 */
export type BadCellOutcome = "missing" | "refused";

/** A numeric cell that does not hold a count or rate; `column` absent: a cell of the matrix. */
interface BadCell {
  readonly column?: ProblemColumn;
  readonly outcome: BadCellOutcome;
}

/** The labels a row cannot do without. */
export type LabelRole = "region" | "origin" | "destination";

/** What each problem names, by code. Cells are A1 addresses on the source sheet; rows are sheet rows (1-based). */
export interface ProblemParams {
  /** Text that reads as a plain number ("42"): never converted, named. */
  readonly numberStoredAsText: BadCell & { readonly value: string };
  /** Text that reads as a number with thousands separators ("12,610", "12 610"). */
  readonly thousands: BadCell & { readonly value: string };
  /** Text that reads as a number with a decimal comma ("0,25"); `number` is it with a point ("0.25"). */
  readonly decimalComma: BadCell & { readonly value: string; readonly number: string };
  /** A cell of spaces only: text to Excel, not a blank. */
  readonly spacesOnly: BadCell;
  /** A statistical office's mark for a missing value ("..", ":", "NA"). */
  readonly missingMarker: BadCell & { readonly value: string };
  /** Other text. */
  readonly text: BadCell & { readonly value: string };
  /** TRUE or FALSE. */
  readonly boolean: BadCell & { readonly value: boolean };
  /** NaN or ±Infinity. */
  readonly notFinite: BadCell & { readonly value: number };
  /** A negative count (or rate, `rate`). */
  readonly negative: BadCell & { readonly value: number; readonly rate: boolean };
  /** A blank in a country table's numeric column: read as missing. */
  readonly blankMissing: { readonly column: ProblemColumn };
  /** A blank flow in a long list: the report is refused. */
  readonly blankRefused: { readonly column: ProblemColumn };
  /** A blank row inside the data: skipped. */
  readonly blankRow: { readonly row: number };
  /** A row without its region, origin or destination: skipped in a list, labelled by its row number in a table. */
  readonly missingLabel: { readonly role: LabelRole; readonly row: number; readonly skipped: boolean };
  /** A cell of the time column that holds no period: the report is refused. */
  readonly period: { readonly value: CellValue; readonly column: ProblemColumn };
  /** A header used by two columns. */
  readonly duplicateHeader: { readonly header: CellValue; readonly firstAt: string; readonly index: number };
  /** A long list's origin–destination pair (with year and group) listed again: the flows are added up. */
  readonly duplicatePair: { readonly origin: string; readonly destination: string; readonly context: readonly string[]; readonly firstRow: number };
  /** A matrix label used twice on one side. */
  readonly duplicateLabel: { readonly label: CellValue; readonly firstAt: string };
  /** A country (or code) given more rows than one, in the same year and group: the report is refused. */
  readonly repeatedRow: {
    readonly what: "country" | "code";
    readonly label: CellValue;
    /** The year and group of the repeated rows, as found. */
    readonly context: readonly CellValue[];
    /** Every cell holding the label. */
    readonly addresses: readonly string[];
    /** Whether a year or group column is mapped (else the advice suggests mapping one). */
    readonly contextMapped: boolean;
  };
  /** A label spelled another way than its first cell, counted as the same region (labels.ts). */
  readonly labelVariant: { readonly label: string; readonly countedAs: string; readonly firstAt: string };
  /** A row with more or fewer cells than the first row (CSV input can be ragged). */
  readonly ragged: { readonly row: number; readonly cells: number; readonly firstRow: number; readonly width: number };
}

export type ProblemCode = keyof ProblemParams;

/** The groups the pane lists problems under. */
export type ProblemKind = "text" | "negative" | "blank" | "notFinite" | "duplicate" | "variant" | "ragged" | "period";

/** Each code's group. */
export const PROBLEM_KIND: { readonly [C in ProblemCode]: ProblemKind } = {
  numberStoredAsText: "text",
  thousands: "text",
  decimalComma: "text",
  spacesOnly: "text",
  missingMarker: "text",
  text: "text",
  boolean: "text",
  notFinite: "notFinite",
  negative: "negative",
  blankMissing: "blank",
  blankRefused: "blank",
  blankRow: "blank",
  missingLabel: "blank",
  period: "period",
  duplicateHeader: "duplicate",
  duplicatePair: "duplicate",
  duplicateLabel: "duplicate",
  repeatedRow: "duplicate",
  labelVariant: "variant",
  ragged: "ragged",
};

export const PROBLEM_CODES = Object.keys(PROBLEM_KIND) as ProblemCode[];

/** Something wrong in the data, with the cell it is in (A1 address on the source sheet). */
export type DataProblem = {
  readonly [C in ProblemCode]: { readonly address: string; readonly kind: ProblemKind; readonly code: C; readonly params: ProblemParams[C] };
}[ProblemCode];

/** A problem of a code with its parameters, its group filled in. */
export function dataProblem<C extends ProblemCode>(address: string, code: C, params: ProblemParams[C]): DataProblem {
  return { address, kind: PROBLEM_KIND[code], code, params } as DataProblem;
}
