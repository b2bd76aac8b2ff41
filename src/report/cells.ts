import { MeasureError } from "../indicators/types";
import { CellValue, NumberFormat, PlannedCell, PlannedError } from "./types";

/** Small constructors for planned cells, so sheet planners read as layouts. */

/** A value with no formula (labels, titles, text from the user's data). */
export function value(v: CellValue, format?: NumberFormat): PlannedCell {
  return format ? { value: v, format } : { value: v };
}

/** A computed value with its native and add-in formulas. */
export function computed(v: number | PlannedError, native: string | undefined, addin: string | undefined, format: NumberFormat, nativeArray = false): PlannedCell {
  return { value: v, native, addin, format, ...(nativeArray ? { nativeArray } : {}) };
}

const ERROR_OF: Record<MeasureError["kind"], PlannedError["error"]> = {
  invalid: "#VALUE!",
  missing: "#N/A",
  outOfDomain: "#NUM!",
  zeroDenominator: "#DIV/0!",
};

/** Runs a measure; its failure becomes the error the cell shows, as the add-in function would. */
export function evaluate(f: () => number): number | PlannedError {
  try {
    const y = f();
    return Number.isFinite(y) ? y : { error: "#NUM!" };
  } catch (e) {
    if (e instanceof MeasureError) return { error: ERROR_OF[e.kind] };
    throw e;
  }
}

export function errorOf(e: MeasureError): PlannedError {
  return { error: ERROR_OF[e.kind] };
}

export function isPlannedError(v: unknown): v is PlannedError {
  return typeof v === "object" && v !== null && "error" in v;
}
