/**
 * A1-style references for the formulas a report writes. Pure string work, shared by the
 * planner and the hosts.
 */

/** 0-based column index → letters (0 → A, 25 → Z, 26 → AA). */
export function columnLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Letters → 0-based column index (A → 0). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A cell address, e.g. cell(1, 2) = "C2"; `absolute` gives "$C$2". Row and column are 0-based. */
export function cell(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(col)}${d}${row + 1}`;
}

/** A range address from two 0-based corners, e.g. "B2:AH34". */
export function range(top: number, left: number, bottom: number, right: number, absolute = false): string {
  return `${cell(top, left, absolute)}:${cell(bottom, right, absolute)}`;
}

/** A sheet name as a formula writes it: always quoted, quotes doubled ('It''s'). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `'Sheet'!B2` */
export function onSheet(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}

/**
 * A reference to another sheet of the report, whose final name only the host knows (it makes
 * names unique: "Migration Summary (2)"). Hosts replace it with `resolveSheetRefs`.
 */
export function reportSheet(name: string, address: string): string {
  return `{{${name}}}!${address}`;
}

/**
 * Replaces each `{{planned name}}` in a formula with the quoted name the host gave that sheet.
 * Quoted sheet names and string literals are left as they are: a source sheet may be called
 * `Data {{2020}}`, which the formula already holds as `'Data {{2020}}'!A2`. A placeholder is
 * always followed by "!", so a planned name may hold braces too.
 */
export function resolveSheetRefs(formula: string, finalNames: ReadonlyMap<string, string>): string {
  // One scan, left to right: a placeholder, a quoted sheet name or a string literal, whichever starts first.
  return formula.replace(/\{\{([\s\S]*?)\}\}!|'(?:[^']|'')*'|"(?:[^"]|"")*"/g, (m: string, planned: string | undefined) =>
    planned === undefined ? m : `${quoteSheet(finalNames.get(planned) ?? planned)}!`,
  );
}

/** Parses "B2" or "$B$2" into 0-based row and column; undefined if it is not an address. */
export function parseCell(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m || Number(m[2]) < 1) return undefined;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** Parses "B2:D20" (or a single cell) into 0-based corners; undefined if malformed. */
export function parseRange(address: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b = a] = address.split(":");
  const p = parseCell(a);
  const q = parseCell(b);
  if (!p || !q) return undefined;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}
