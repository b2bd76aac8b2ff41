import { MeasureError, MeasureErrorKind } from "../indicators/types";

/**
 * Excel's errors for the measures' failures. Excel shows a message only beside #VALUE! and
 * #N/A (CustomFunctionsRuntime 1.3); #NUM! and #DIV/0! carry none, so none is passed.
 */

const CODE: Record<MeasureErrorKind, CustomFunctions.ErrorCode> = {
  invalid: "#VALUE!" as CustomFunctions.ErrorCode.invalidValue,
  missing: "#N/A" as CustomFunctions.ErrorCode.notAvailable,
  outOfDomain: "#NUM!" as CustomFunctions.ErrorCode.invalidNumber,
  zeroDenominator: "#DIV/0!" as CustomFunctions.ErrorCode.divisionByZero,
};

function takesMessage(code: CustomFunctions.ErrorCode): boolean {
  return code === CODE.invalid || code === CODE.missing;
}

export function excelErrorOf(kind: MeasureErrorKind, message: string): CustomFunctions.Error {
  const code = CODE[kind];
  return takesMessage(code) ? new CustomFunctions.Error(code, message) : new CustomFunctions.Error(code);
}

/** Anything thrown while computing, as the Excel error the cell should show. */
export function toExcelError(e: unknown): CustomFunctions.Error {
  if (e instanceof CustomFunctions.Error) return e;
  if (e instanceof MeasureError) return excelErrorOf(e.kind, e.message);
  // Not expected: report it in the cell rather than let the runtime show a generic failure.
  return new CustomFunctions.Error(CODE.invalid, `unexpected error: ${e instanceof Error ? e.message : String(e)}`);
}

/**
 * Runs a whole-call computation; any failure becomes the Excel error thrown to the cell.
 * A result that overflowed (±Infinity, or NaN from Infinity/Infinity) becomes #NUM!, as
 * Excel's own arithmetic does, rather than a wrong number presented as right.
 */
export function guard<T extends number | unknown[][]>(body: () => T): T {
  let result: T;
  try {
    result = body();
  } catch (e) {
    throw toExcelError(e);
  }
  if (typeof result === "number") {
    if (!Number.isFinite(result)) throw overflowError();
    return result;
  }
  const rows = result as unknown[][];
  for (let r = 0; r < rows.length; r++) overflowsToErrors(rows[r]);
  return result;
}

/**
 * `guard` for a table that is finite throughout by construction or by its measure's own check
 * (the fit checks that its grand total is finite, and its cells are not negative; a corridor's
 * flows are checked counts, its net their difference and its reciprocity a fraction of a
 * positive pair): failures become the Excel error thrown to the cell, and the table is not read
 * a second time (a 233 × 233 fit is ten passes over its cells, this would be an eleventh; for
 * the 54,000 rows of a 233-region list of corridors it was an eighth of the call).
 */
export function guardFinite<T extends unknown[][]>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * One row of a result, ±Infinity and NaN made #NUM!. A function of a row, so that V8 optimises
 * it after a few rows: the same loop inlined in `guard` was compiled mid-call (on-stack
 * replacement) and thrown away when the next call's body differed.
 */
function overflowsToErrors(row: unknown[]): void {
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v === "number" && !Number.isFinite(v)) row[c] = overflowError();
  }
}

/** A result too large for a number (Excel's own arithmetic says #NUM! too). */
export function overflowError(): CustomFunctions.Error {
  return new CustomFunctions.Error(CODE.outOfDomain);
}

/** An error found in the user's cells, kept as a measure error so it can sit inside a computed table. */
export function measureErrorOf(e: CustomFunctions.Error, where: string): MeasureError {
  const kind = (Object.keys(CODE) as MeasureErrorKind[]).find((k) => CODE[k] === e.code) ?? "invalid";
  return new MeasureError(kind, e.message ?? `${where} holds ${e.code}`);
}
