/**
 * One reading of a spreadsheet cell's value, for everything that reads the user's cells:
 * detection, the report's planner and (in time) the functions' argument readers. It depends on
 * nothing else in the code base, so any of them can use it.
 *
 * A cell is:
 * - `blank`: empty (null, or the empty string a host gives for an empty cell);
 * - `spaces`: text of white space only. Excel's ISBLANK is FALSE and its arithmetic gives
 *   #VALUE!, so a number reader treats it as text; a layout reader (is this row empty?) as blank;
 * - `number`: a finite number; `notFinite`: NaN or ±Infinity (an upstream error turned number);
 * - `numberText`: text that reads as a number ("12,610", "3,5", "42"): never converted, named;
 * - `missingMarker`: text statistical offices put for a missing value (UN "..", Eurostat ":");
 * - `text`: any other text; `boolean`: TRUE or FALSE.
 *
 * The custom functions also receive error values (#N/A, #VALUE!… as objects): `hostCellKind`
 * names those `error` and reads every other value with `cellKind`.
 */

/** A cell value as hosts hand it over. */
export type Cell = string | number | boolean | null | undefined;

export type CellKind = "blank" | "spaces" | "number" | "notFinite" | "numberText" | "missingMarker" | "text" | "boolean";

export function cellKind(v: Cell): CellKind {
  if (typeof v === "number") return Number.isFinite(v) ? "number" : "notFinite";
  if (isBlankCell(v)) return "blank";
  if (typeof v === "boolean") return "boolean";
  if (v.trim() === "") return "spaces";
  if (numberText(v)) return "numberText";
  if (isMissingMarker(v)) return "missingMarker";
  return "text";
}

/** A cell's kind as a custom function receives it: a cell's value, or an error value (an object). */
export type HostCellKind = CellKind | "error";

export function hostCellKind(v: unknown): HostCellKind {
  const t = typeof v;
  if (t === "number" || t === "string" || t === "boolean" || v === null || v === undefined) return cellKind(v as Cell);
  return "error";
}

/** `cellKind(v) === "blank"`, as a type guard, for readers that test only that. */
export function isBlankCell(v: unknown): v is null | undefined | "" {
  return v === null || v === undefined || v === "";
}

/** Empty for laying out a block (rows, frames, labels): blank, or spaces only. */
export function isEmptyCell(v: Cell): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** How a text cell reads as a number, if it does: the separators it uses decide the advice. */
export type NumberText = "plain" | "thousands" | "decimalComma";

const PLAIN = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
/** Thousands grouped by a comma, apostrophe or space, with an optional decimal point: "12,610", "1 234.5". */
export const THOUSANDS = /^[-+]?\d{1,3}([,'\u00a0\u202f ]\d{3})+(\.\d+)?$/;
const DOT_THOUSANDS = /^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/; // 1.234.567 or 1.234,5 (continental)
const SPACE_THOUSANDS_DECIMAL_COMMA = /^[-+]?\d{1,3}([\u00a0\u202f ]\d{3})+,\d+$/;
const DECIMAL_COMMA = /^[-+]?\d*,\d+$/;

export function numberText(s: string): NumberText | undefined {
  if (!startsLikeNumber(s)) return undefined; // cheap exit for ordinary text
  const t = s.trim();
  if (PLAIN.test(t)) return "plain";
  if (THOUSANDS.test(t) || SPACE_THOUSANDS_DECIMAL_COMMA.test(t)) return "thousands";
  if (DOT_THOUSANDS.test(t)) return "thousands"; // "1.234" alone was read as a decimal above
  if (DECIMAL_COMMA.test(t)) return "decimalComma";
  return undefined;
}

/** First non-space character is a digit, sign, point or comma (no regex: runs on every text cell). */
export function startsLikeNumber(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 32 || ch === 160) continue;
    return (ch >= 48 && ch <= 57) || ch === 43 || ch === 45 || ch === 46 || ch === 44;
  }
  return false;
}

/** Text that statistical offices put where a number is missing (UN "..", Eurostat ":"). */
const MISSING_MARKERS = new Set(["..", "...", "…", "-", "–", "—", ":", "x", "*", "n/a", "na", "n.a.", "nan", "null"]);

export function isMissingMarker(s: string): boolean {
  return s.length <= 4 && MISSING_MARKERS.has(s.trim().toLowerCase());
}
