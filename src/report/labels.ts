import { CellValue } from "./types";

/**
 * How region labels are compared, one rule for the engine, the cells it writes and the native
 * formulas that recompute them. Excel's `=` and MATCH ignore case but not spaces, and its TRIM
 * removes leading and trailing spaces and collapses runs of spaces inside; the Flow Matrix
 * formulas compare TRIM(label&"") case-insensitively, so the engine does the same:
 * "North", "north" and " North " are one region, shown as first spelled (trimmed).
 * Other white space (tabs, non-breaking spaces) is not trimmed, by Excel or here.
 */

/** Excel's TRIM: leading and trailing spaces (U+0020) removed, inner runs of spaces made one. */
export function excelTrim(s: string): string {
  // Most labels ("Region 12", "United Kingdom") have single inner spaces only: kept as they are,
  // without the two replacements (a long list reads two labels a row).
  if (s.indexOf("  ") < 0 && s.charCodeAt(0) !== 32 && s.charCodeAt(s.length - 1) !== 32) return s;
  return s.replace(/ {2,}/g, " ").replace(/^ | $/g, "");
}

/**
 * A number as Excel turns it into text (`n&""`) for integers and for most fractions: 15
 * significant digits. (Excel writes exponents with two digits, "1E-07", where this gives
 * "1e-7"; a label that small is not a region code.)
 */
function excelNumberText(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e15 ? String(n) : String(Number(n.toPrecision(15)));
}

/** The key two labels share when Excel's TRIM(a&"")=TRIM(b&"") holds; "" for a blank. */
export function labelKey(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return excelNumberText(v).toLowerCase();
  if (typeof v === "boolean") return v ? "true" : "false";
  return excelTrim(v).toLowerCase();
}

/** A label as the report writes it: text trimmed as TRIM does, numbers kept, TRUE/FALSE as words. */
export function shownLabel(v: string | number | boolean): string | number {
  if (typeof v === "string") return excelTrim(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

/** Labels merged by key, each shown as first spelled: `of(v)` is the label the report uses for the cell value `v`. */
export class LabelBook {
  private readonly first = new Map<string, string | number>();

  of(v: string | number | boolean): string | number {
    const key = labelKey(v);
    let shown = this.first.get(key);
    if (shown === undefined) this.first.set(key, (shown = shownLabel(v)));
    return shown;
  }
}
