/**
 * A1 addresses as Excel reads and writes them, for the Excel test double. Written on its own
 * (not shared with src/report/address.ts) so the double does not agree with the code under
 * test by construction.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** 0-based, inclusive corners. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function letters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnOf(text: string): number {
  let n = 0;
  for (const ch of text.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Splits "Sheet1!A1:B2" / "'It''s'!A1" into the sheet (unquoted) and the rest. */
export function splitSheet(address: string): { sheet?: string; ref: string } {
  const a = address.trim();
  const bang = a.lastIndexOf("!");
  if (bang < 0) return { ref: a };
  let sheet = a.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: a.slice(bang + 1) };
}

type Part = { row?: number; col?: number };

function parsePart(p: string): Part | undefined {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/.exec(p.trim());
  if (!m || (m[1] === "" && m[2] === "")) return undefined;
  const part: Part = {};
  if (m[1] !== "") part.col = columnOf(m[1]);
  if (m[2] !== "") part.row = Number(m[2]) - 1;
  if ((part.col !== undefined && part.col >= MAX_COLUMNS) || (part.row !== undefined && (part.row < 0 || part.row >= MAX_ROWS))) return undefined;
  return part;
}

/**
 * Parses "B2", "$B$2:D20", "A:D" (whole columns), "3:5" (whole rows), without a sheet.
 * Undefined when Excel would reject it.
 */
export function parseRef(ref: string): Rect | undefined {
  const pieces = ref.split(":");
  if (pieces.length > 2) return undefined;
  const a = parsePart(pieces[0]);
  const b = pieces.length === 2 ? parsePart(pieces[1]) : a;
  if (!a || !b) return undefined;
  const colsOnly = a.row === undefined && b.row === undefined && a.col !== undefined && b.col !== undefined;
  const rowsOnly = a.col === undefined && b.col === undefined && a.row !== undefined && b.row !== undefined;
  if (pieces.length === 1 && (a.row === undefined || a.col === undefined)) return undefined; // "A" or "3" alone
  if (colsOnly) return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(a.col!, b.col!), right: Math.max(a.col!, b.col!) };
  if (rowsOnly) return { left: 0, right: MAX_COLUMNS - 1, top: Math.min(a.row!, b.row!), bottom: Math.max(a.row!, b.row!) };
  if (a.row === undefined || a.col === undefined || b.row === undefined || b.col === undefined) return undefined;
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}

/** Excel's way of printing a range: "A1", "A1:D4", whole columns "A:D", whole rows "3:5". */
export function formatRef(r: Rect): string {
  if (r.top === 0 && r.bottom === MAX_ROWS - 1) return `${letters(r.left)}:${letters(r.right)}`;
  if (r.left === 0 && r.right === MAX_COLUMNS - 1) return `${r.top + 1}:${r.bottom + 1}`;
  const a = `${letters(r.left)}${r.top + 1}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${letters(r.right)}${r.bottom + 1}`;
}

/** A sheet name as Excel prints it in an address: quoted when it is not a plain identifier. */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function intersect(a: Rect, b: Rect): Rect | undefined {
  const r = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return r.top <= r.bottom && r.left <= r.right ? r : undefined;
}

export const rowsOf = (r: Rect) => r.bottom - r.top + 1;
export const columnsOf = (r: Rect) => r.right - r.left + 1;
