/**
 * What detection found and why, as data: a code and its parameters. The task pane and the
 * command line word each in the user's language (src/messages/reasons.ts); the report's
 * Definitions sheet shows the English wording.
 */
import type { LeftOut } from "./matrix-alignment";
import type { AggregateReason } from "./aggregates";
import type { DataProblem, Role, Shape } from "./types";

/** A column of the block as the reasons name it: its letters on the source sheet and its header ("" when none). */
export interface ReasonColumn {
  readonly column: string;
  readonly header: string;
}

/** How a column came to its role. */
export type MappedHow =
  | { readonly kind: "user" }
  | { readonly kind: "periods" }
  | { readonly kind: "content" }
  | { readonly kind: "name" | "synonym" | "partial" }
  /** A header naming another role (e.g. an origin), read as the region. */
  | { readonly kind: "asRegion"; readonly named: Role };

/** A column that looks like a role another column holds, or a role the user unmapped. */
export type BeatenColumn = ReasonColumn & { readonly role: Role } & ({ readonly kind: "cleared" } | { readonly kind: "beaten"; readonly winner?: ReasonColumn });

/** What each reason names, by code. Rows are 1-based sheet rows; columns sheet letters. */
export interface ReasonParams {
  /** A country table: its data rows, distinct regions and periods (when mapped), and header row (null: none). */
  readonly table: { readonly rows: number; readonly regions?: number; readonly periods?: number; readonly headerRow: number | null };
  /** A long list: its flows, the distinct places of origin and destination, periods, header row. */
  readonly long: { readonly flows: number; readonly regions: number; readonly periods?: number; readonly headerRow: number | null };
  /** A matrix: n × n, where its labels are (none: numbered regions), and a corner cell it ignores. */
  readonly matrix: { readonly n: number; readonly labelRow?: number; readonly labelColumn?: string; readonly corner?: string };
  /** The row and column labels: the same regions in the same order, mostly the same, or different. */
  readonly matrixLabelOrder: { readonly n: number; readonly order: "same" | "reordered" | "different" };
  /** Blank matrix cells are no flow; the diagonal is kept and ignored. */
  readonly matrixBlanks: Record<string, never>;
  readonly mapped: { readonly columns: readonly (ReasonColumn & { readonly role: Role; readonly how: MappedHow })[] };
  readonly nothingMapped: Record<string, never>;
  readonly beaten: { readonly columns: readonly BeatenColumn[] };
  /** Columns left out: shares or rates with no role, columns without values, headers not recognised. */
  readonly notUsed: { readonly why: "share" | "empty" | "unknown"; readonly columns: readonly ReasonColumn[] };
  /** A rate column (a fraction) with values above 1. */
  readonly percentValues: ReasonColumn & { readonly max: number };
  readonly shapeByUser: { readonly shape: Shape };
  /** Problems in the cells used: in all, by kind, and how many are listed (when not all). */
  readonly problems: { readonly total: number; readonly byKind: readonly { readonly kind: DataProblem["kind"]; readonly count: number }[]; readonly listed?: number };
  /** The matrix was found inside the cells read, at this range; rows above or below it (titles, notes) are not read. */
  readonly matrixFound: { readonly range: string; readonly rowsAround: boolean };
  /** A matrix matched by label: columns reordered to the rows' order, rows and columns left out. */
  readonly matrixAligned: { readonly reordered: boolean; readonly leftOut: readonly { readonly side: "row" | "column"; readonly label: string; readonly at: string; readonly reason: LeftOut["reason"] }[] };
  /** Rows of a table or list that are totals or aggregates, left out (the first few named). */
  readonly aggregatesLeftOut: { readonly count: number; readonly rows: readonly { readonly row: number; readonly address: string; readonly label: string; readonly role: "region" | "code" | "origin" | "destination"; readonly reason: AggregateReason }[] };
}

export type ReasonCode = keyof ReasonParams;

export type Reason = { [C in ReasonCode]: { readonly code: C; readonly params: ReasonParams[C] } }[ReasonCode];

export function reason<C extends ReasonCode>(code: C, params: ReasonParams[C]): Reason {
  return { code, params } as Reason;
}
