/**
 * The task pane's state and the pure steps that change it. The user's choices (a shape, roles
 * for columns) are kept as engine Overrides and always applied to the first detection of the
 * block, so choices never pile up on one another and the engine re-derives reasons and
 * problems each time.
 */
import type { StockDecrease } from "../indicators/estimation";
import { applyOverrides, detect } from "../report/detect";
import { inputFromBlock } from "../report/input-from-block";
import { breakdownsOf } from "../report/dimensions";
import { periodsOf } from "../report/input-periods";
import { findMatrixBlock } from "../report/matrix-block";
import type { RegionDataRequest } from "../report/region-data";
import type { Detection, Overrides, ReportPlan, Role, Shape, SharingMode, SourceBlock } from "../report/types";
import type { Lang } from "./i18n";

/** What "Use selection" read, and what the engine first made of it. */
export interface Selection {
  readonly block: SourceBlock;
  readonly address: string;
  readonly sheet: string;
  /** The selection as the user made it ("A:D") when the host read only its filled part. */
  readonly selected?: string;
  readonly detected: Detection;
  /** The matrix's range when it was found inside the selection, under title rows or above notes (the block is then its cells). */
  readonly matrixAt?: string;
}

/** The user's changes to the detection. */
export interface Choices {
  readonly shape?: Shape;
  /** Role → 0-based block column, or null to leave the role unmapped. */
  readonly roles: Partial<Record<Role, number | null>>;
  /** Block rows kept as regions although their labels mark totals or aggregates (Detection.keepRows). */
  readonly keepRows?: readonly number[];
  /** One value chosen in a dimension column of a long list (Detection.dimensionFilters), with the values offered. */
  readonly filters?: readonly DimensionChoice[];
}

/** A dimension column of a long list (sex, age, indicator) and the value the user keeps. */
export interface DimensionChoice {
  /** Block column. */
  readonly col: number;
  readonly header: string;
  readonly value: string;
  readonly values: readonly string[];
}

export const NO_CHOICES: Choices = { roles: {} };

/**
 * Whether the long list holds migrant stocks (by place of birth and residence) from which the
 * report estimates flows, and with which method. The method is kept while the box is
 * unchecked, so checking it again brings back the user's pick.
 */
export interface StocksChoice {
  readonly estimate: boolean;
  readonly method: StockDecrease;
}

export const NO_STOCKS: StocksChoice = { estimate: false, method: "zero" };

export type Activity =
  | { readonly kind: "reading"; readonly done: number; readonly total: number }
  /** Cells looked at of an estimate of the cells detection looks at (0 of 0 before it starts). */
  | { readonly kind: "detecting"; readonly done: number; readonly total: number }
  /** Rows of the report planned of the rows there are (0 of 0 until the input is built). */
  | { readonly kind: "planning"; readonly done: number; readonly total: number }
  | { readonly kind: "writing"; readonly step: string; readonly fraction: number };

export interface BuildResult {
  readonly sheets: string[];
  readonly activated: string;
  readonly mode: SharingMode;
  readonly headline: ReportPlan["headline"];
  readonly syncs: number;
  readonly largestRequestBytes: number;
  /** What the host says about the written report (e.g. formulas written as values). */
  readonly notices?: readonly HostNotice[];
}

/** A notice from the host (src/hosts/office-write.ts, WriteNotice); kinds the pane does not know are not shown. */
export type HostNotice = { readonly kind: "arrayFormulasAsValues"; readonly cells: number } | { readonly kind: "manualCalculation" };

export interface Failure {
  readonly error: unknown;
  readonly during: "read" | "build" | "choice";
  readonly cancelled: boolean;
}

export interface PaneState {
  readonly lang: Lang;
  /** Whether Excel is there: "starting" until Office.onReady answers. */
  readonly environment: "starting" | "excel" | "outside" | "noOffice";
  readonly selection?: Selection;
  readonly choices: Choices;
  /** The detection with the user's choices applied. */
  readonly detection?: Detection;
  readonly mode: SharingMode;
  /**
   * The first and last year of a long list whose mapped year column holds two or more years:
   * only then is estimating flows from stocks offered.
   */
  readonly stockYears?: readonly [string, string];
  readonly stocks: StocksChoice;
  /** Ranges the user pointed to for the distances between and the populations of the matrix's regions. */
  readonly regionRanges?: RegionRanges;
  /**
   * The periods of the mapped year or period column (their keys, in time order), for a table
   * or a long list that has one; the report is built for one of them.
   */
  readonly periods?: readonly string[];
  /** The period the user picked; undefined: the latest (the report's default). */
  readonly period?: string;
  readonly busy?: Activity;
  /** What went wrong last (or a cancel); the view words it in the current language. */
  readonly failure?: Failure;
  readonly result?: BuildResult;
}

export function initialState(lang: Lang): PaneState {
  return { lang, environment: "starting", choices: NO_CHOICES, mode: "native", stocks: NO_STOCKS };
}

export function overridesOf(choices: Choices): Overrides {
  const map = Object.keys(choices.roles).length > 0 ? choices.roles : undefined;
  return { ...(choices.shape ? { shape: choices.shape } : {}), ...(map ? { map } : {}) };
}

/** The detection for these choices (throws the engine's sentence when they do not fit). */
export function detectionFor(selection: Selection, choices: Choices): Detection {
  const overrides = overridesOf(choices);
  const detection = !overrides.shape && !overrides.map ? selection.detected : applyOverrides(selection.block, selection.detected, overrides);
  const kept = choices.keepRows && choices.keepRows.length > 0 ? { ...detection, keepRows: choices.keepRows } : detection;
  return choices.filters && choices.filters.length > 0 ? { ...kept, dimensionFilters: choices.filters.map((f) => ({ col: f.col, value: f.value })) } : kept;
}

/** Choices after the user keeps `value` of dimension column `col` (null: no value chosen, every row read). */
export function withDimension(choices: Choices, dimension: { col: number; header: string; values: readonly string[] }, value: string | null): Choices {
  const rest = (choices.filters ?? []).filter((f) => f.col !== dimension.col);
  return { ...choices, filters: value === null ? rest : [...rest, { col: dimension.col, header: dimension.header, value, values: dimension.values }].sort((a, b) => a.col - b.col) };
}

/**
 * The dimension columns the pane offers a value in: those chosen so far, then those the report
 * would still refuse (src/report/dimensions.ts), in column order.
 */
export function dimensionsOffered(selection: Selection, choices: Choices, detection: Detection): { col: number; header: string; values: readonly string[]; value: string | null }[] {
  const chosen = (choices.filters ?? []).map((f) => ({ col: f.col, header: f.header, values: f.values, value: f.value as string | null }));
  const open = breakdownsOf(selection.block, detection)
    .filter((d) => !chosen.some((c) => c.col === d.col))
    .map((d) => ({ col: d.col, header: d.header, values: d.values, value: null }));
  return [...chosen, ...open].sort((a, b) => a.col - b.col);
}

/** Choices after the user ticks (leave out) or unticks (keep as a region) block row `row` of the left-out list. */
export function withKeptRow(choices: Choices, row: number, keep: boolean): Choices {
  const rest = (choices.keepRows ?? []).filter((r) => r !== row);
  return { ...choices, keepRows: keep ? [...rest, row].sort((a, b) => a - b) : rest };
}

/**
 * A matrix under title rows or above notes inside the selection (a national statistics sheet
 * selected whole): its cells, placed where they are, and its range; undefined when the selection
 * does not hold exactly one such matrix, or the engine does not read it as one.
 */
export function matrixInSelection(block: SourceBlock, detected: Detection): { block: SourceBlock; detected: Detection; range: string } | undefined {
  const search = findMatrixBlock(block, detected);
  if (search.kind !== "found") return undefined;
  try {
    const inner = detect(search.block);
    return inner.shape === "matrix" && inner.confidence > 0 ? { block: search.block, detected: inner, range: search.range } : undefined;
  } catch {
    return undefined; // not a matrix after all: the selection is read as detected
  }
}

/** Choices after the user picks a shape: roles start again from what the engine finds for it. */
export function withShape(selection: Selection, shape: Shape): Choices {
  return shape === selection.detected.shape ? NO_CHOICES : { shape, roles: {} };
}

/**
 * Choices after the user gives block column `index` the role `role` (null: not used). A role
 * lives in one column: giving it here takes it from wherever it was; the column's old role is
 * dropped (and, when the column becomes unused, recorded as unmapped).
 */
export function withColumnRole(choices: Choices, current: Detection, index: number, role: Role | null): Choices {
  const roles: Partial<Record<Role, number | null>> = {};
  for (const [r, target] of Object.entries(choices.roles) as [Role, number | null][]) if (target !== index && r !== role) roles[r] = target;
  const old = current.columns.find((c) => c.index === index)?.role ?? null;
  if (role === null) {
    if (old !== null) roles[old] = null;
  } else {
    roles[role] = index;
  }
  return { ...choices, roles };
}

/**
 * The periods (keys, in time order) of the mapped year or period column of a table or long
 * list, as the report reads them (input-periods.ts); undefined without one, or when the roles
 * do not yet make an input the report can use (e.g. no flow column).
 */
export function periodsFoundOf(selection: Selection, detection: Detection): readonly string[] | undefined {
  if (detection.shape === "matrix" || !detection.columns.some((c) => c.role === "year")) return undefined;
  try {
    const input = inputFromBlock(selection.block, detection);
    return input.shape === "matrix" ? undefined : periodsOf(input).map((p) => p.key);
  } catch {
    return undefined;
  }
}

/**
 * The first and last period when the detection is a long list with a year column holding two
 * or more periods (the periods the engine would estimate flows between); else undefined.
 */
export function stockYearsOf(selection: Selection, detection: Detection, periods = periodsFoundOf(selection, detection)): readonly [string, string] | undefined {
  return detection.shape === "long" && periods && periods.length >= 2 ? [periods[0], periods[periods.length - 1]] : undefined;
}

/** What the pane knows of the time after a read or a choice: the periods, the stocks' years, the pick kept if still there. */
export function timeOf(selection: Selection, detection: Detection, picked?: string): Pick<PaneState, "periods" | "stockYears" | "period"> {
  const periods = periodsFoundOf(selection, detection);
  return { periods, stockYears: stockYearsOf(selection, detection, periods), period: picked !== undefined && periods?.includes(picked) ? picked : undefined };
}

/**
 * The period the report is asked for: the user's pick when the data hold two or more periods
 * and it is not the latest (the report's default), else none. Flows estimated from stocks
 * span the first and last period, so no period is asked for then.
 */
export function periodFor(state: Pick<PaneState, "periods" | "period" | "stockYears" | "stocks">): string | undefined {
  if (stocksFor(state) || !state.periods || state.periods.length < 2 || state.period === undefined) return undefined;
  return state.periods.includes(state.period) ? state.period : undefined;
}

/** What the report is asked for: the method when the option is offered and checked, else nothing. */
export function stocksFor(state: Pick<PaneState, "stockYears" | "stocks">): StockDecrease | undefined {
  return state.stockYears && state.stocks.estimate ? state.stocks.method : undefined;
}

/** Which data about the regions a range holds: distances between them, or their populations. */
export type RegionRangeKind = "distances" | "populations";

/** A range read with "Read distances (populations) from the selection": its cells and where they are. */
export interface PickedRange {
  readonly block: SourceBlock;
  readonly address: string;
  readonly sheet: string;
}

export type RegionRanges = Partial<Record<RegionRangeKind, PickedRange>>;

/** Distances and populations are offered for a matrix or a flow list (their regions), not a country table. */
export function offersRegionRanges(state: Pick<PaneState, "detection">): boolean {
  return state.detection !== undefined && state.detection.shape !== "table";
}

/**
 * What the report is asked for: the picked ranges when they are offered, as references (the
 * report's copies are formulas over the user's cells, in the same workbook).
 */
export function regionDataFor(state: Pick<PaneState, "detection" | "regionRanges">): RegionDataRequest | undefined {
  const { distances, populations } = state.regionRanges ?? {};
  if (!offersRegionRanges(state) || (!distances && !populations)) return undefined;
  return { ...(distances ? { distances: distances.block } : {}), ...(populations ? { populations: populations.block } : {}), live: true };
}
