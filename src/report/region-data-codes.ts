/**
 * Why a distances or populations range cannot be used (./region-data), as a code and its
 * parameters; src/messages/region-data.ts words each in English and Ukrainian. Lists keep their
 * first few items and their total, so that a message stays short.
 */
import type { CellValue } from "./types";

export type RegionDataInput = "distances" | "populations";

/** The first few of a list and how many it holds. */
export interface FirstOf<T> {
  readonly items: readonly T[];
  readonly total: number;
}

/** A cell named in a message: its A1 address on the range's sheet, and what it holds. */
export interface CellShown {
  readonly address: string;
  readonly value: CellValue;
}

/** A region's label, as the matrix or the range holds it. */
type Label = string | number;

export interface RegionDataParams {
  /** A label listed twice in the range's first row or column (the two cells of each). */
  readonly repeatedLabel: { readonly sheet: string; readonly side: "firstRow" | "firstColumn"; readonly repeats: FirstOf<{ readonly label: Label; readonly first: string; readonly second: string }> };
  /** The range's labels and the matrix's regions do not pair up: regions missing from the range, labels that are no region. */
  readonly unpaired: { readonly sheet: string; readonly side: "firstRow" | "firstColumn"; readonly missing: FirstOf<Label>; readonly extra: FirstOf<{ readonly label: Label; readonly address: string }> };
  /** A distances range with labels in its first row and column, some of those cells blank or not labels. */
  readonly notLabels: { readonly sheet: string; readonly cells: FirstOf<string> };
  /** Distances by position: the range's size is not the matrix's. */
  readonly distancesSize: { readonly sheet: string; readonly rows: number; readonly columns: number; readonly regions: number };
  /** Cells off the diagonal that are not a number of 0 or more. */
  readonly notDistances: { readonly sheet: string; readonly cells: FirstOf<CellShown> };
  /** A populations range wider than two columns (or rows). */
  readonly populationsShape: { readonly sheet: string; readonly rows: number; readonly columns: number; readonly regions: number };
  /** Values beside no label in a labelled populations range. */
  readonly unlabelledValues: { readonly sheet: string; readonly cells: FirstOf<string> };
  /** Populations by position: not one per region. */
  readonly populationsCount: { readonly sheet: string; readonly values: number; readonly regions: number };
  /** Cells that are not a number of 0 or more. */
  readonly notPopulations: { readonly sheet: string; readonly cells: FirstOf<CellShown> };
  /** The data is a country table: distances and populations pair with a matrix's or a flow list's regions. */
  readonly notRegions: Record<string, never>;
}

export type RegionDataCode = keyof RegionDataParams;

/** A code with its parameters and the range it is about, as the renderers take it. */
export type RegionDataProblem = { [C in RegionDataCode]: { readonly input: RegionDataInput; readonly code: C; readonly params: RegionDataParams[C] } }[RegionDataCode];
