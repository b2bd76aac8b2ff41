/**
 * Which Excel JavaScript API the host may use. manifest.xml declares ExcelApi DECLARED_EXCEL_API:
 * Excel does not load the add-in without it, so the host calls its members unchecked
 * (getUsedRangeOrNullObject and the other *OrNullObject members are 1.4; suspending
 * calculation 1.6; freezePanes and a chart series' setXAxisValues 1.7). Everything newer is
 * asked for at run time with Office.context.requirements.isSetSupported, and the host works
 * without it:
 * - ExcelApi 1.9: suspendScreenUpdatingUntilNextSync (without it the screen updates while writing)
 *   and Worksheet.pageLayout (without it the report's sheets keep Excel's default page set-up);
 * - ExcelApiDesktop 1.1: Range.formulaArray, to array-enter a formula (Excel on Windows and Mac);
 * - ExcelApi 1.12: the API for dynamic arrays ("Range spilling … find ranges associated with
 *   dynamic array results": What's new in Excel JavaScript API 1.12,
 *   https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-12-requirement-set).
 *   Excel that has it computes every formula as an array formula (dynamic arrays), so a
 *   formula that needs array evaluation is right when written as an ordinary formula.
 * Availability by platform and build:
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 */
import { HostError } from "./office-errors";

/** The ExcelApi version manifest.xml requires (kept equal to it by tests/build/manifest.test.ts). */
export const DECLARED_EXCEL_API = "1.7";

type Requirements = { isSetSupported(name: string, version?: string): boolean };

function requirements(): Requirements | undefined {
  try {
    const office = (globalThis as { Office?: { context?: { requirements?: Requirements } } }).Office;
    const req = office?.context?.requirements;
    return typeof req?.isSetSupported === "function" ? req : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the host offers a requirement set. Without Office.context.requirements (a page
 * outside Office) only the declared set counts as present: nothing newer is assumed.
 */
export function supports(set: "ExcelApi" | "ExcelApiDesktop", version: string): boolean {
  const req = requirements();
  if (!req) return set === "ExcelApi" && compareVersions(version, DECLARED_EXCEL_API) <= 0;
  try {
    return req.isSetSupported(set, version) === true;
  } catch {
    return false;
  }
}

function compareVersions(a: string, b: string): number {
  const [a1, a2] = a.split(".").map(Number);
  const [b1, b2] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}

/** Refuses in plain words (code ApiNotFound, which the pane translates) when the declared set is missing. */
export function requireDeclaredApi(): void {
  if (!supports("ExcelApi", DECLARED_EXCEL_API)) {
    throw new HostError(
      `This version of Excel lacks a feature the add-in needs (the Excel JavaScript API ${DECLARED_EXCEL_API}): use Microsoft 365, Excel 2021 or later, or Excel on the web.`,
      "ApiNotFound",
    );
  }
}

/**
 * How a formula that needs array evaluation (PlannedCell.nativeArray) is written:
 * "formulaArray": array-entered through Range.formulaArray ({=…} in the formula bar);
 * "formula": as an ordinary formula, which dynamic-array Excel evaluates as an array;
 * "value": neither is possible (Excel would compute it with implicit intersection, a wrong
 * number or #VALUE!), so the cell gets the engine's value and the Definitions sheet says so.
 */
export type ArrayEntry = "formulaArray" | "formula" | "value";

export interface Capabilities {
  readonly suspendScreen: boolean;
  /** Worksheet.pageLayout: the print set-up (one page wide, repeated header rows, footer). */
  readonly pageLayout: boolean;
  readonly arrayEntry: ArrayEntry;
}

export function capabilities(): Capabilities {
  const arrayEntry: ArrayEntry = supports("ExcelApiDesktop", "1.1") ? "formulaArray" : supports("ExcelApi", "1.12") ? "formula" : "value";
  return { suspendScreen: supports("ExcelApi", "1.9"), pageLayout: supports("ExcelApi", "1.9"), arrayEntry };
}
