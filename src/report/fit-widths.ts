/**
 * Column widths that show every cell whole, on screen and on paper. Run once over each sheet of
 * a report at the end of planning (before print.ts sets its page), so both hosts (the .xlsx
 * file, the workbook via Office.js) write the same widths.
 *
 * A column is as wide as its widest text or number as shown (numbers in their format: thousands
 * separators, %, decimals; headers bold with room for the filter button), up to WIDTH_CAP
 * characters; a column with longer text gets the cap and wraps (`wrapColumns`, the row grows).
 * A column the planner already wraps keeps the planner's width.
 * A free text with empty cells to its right overflows into them as spreadsheets show it, so it
 * widens nothing; one that would run past the sheet's right edge or into a filled cell is merged
 * across the columns it may use (`span`) and wraps there. A cell with a span is measured against
 * the merged width; notes (style "note") never widen a column.
 */
import { displayLength, EXCEL_LIMITS, tableHeaders, tableWidth } from "../hosts/common";
import type { CellStyle, PlannedCell, PlannedSheet } from "./types";

/** The widest a column gets, in characters; longer text wraps within it. */
export const WIDTH_CAP = 60;
/** The narrowest a column with content gets, in characters. */
export const WIDTH_MIN = 8;
/** Characters of space around a cell's text (Excel pads a cell a little on each side). */
const PADDING = 2;
/** An Excel table header's filter button takes about this many characters. */
const FILTER_BUTTON = 3;
/** Points per line of 11-point text, and the line height of each style. */
const LINE_POINTS = 15;
/** Excel's tallest row, in points: a longer text shows its first lines (409 points hold 27). */
export const MAX_ROW_POINTS = 409;

/**
 * How much wider than plain 11-point text a style's text is, per character. Widths are in
 * characters of the default font; a reader without Calibri (LibreOffice on Linux uses a
 * metric-compatible or wider substitute) shows text a little wider, hence PLAIN above 1.
 */
const PLAIN = 1.15;
const SCALE: Readonly<Record<CellStyle | "plain" | "bold", number>> = {
  plain: PLAIN,
  bold: PLAIN * 1.1,
  title: PLAIN * 1.5,
  subtitle: PLAIN,
  heading: PLAIN * 1.25,
  keyLabel: PLAIN,
  keyValue: PLAIN * 1.1,
  note: PLAIN,
};

/**
 * Characters of running text per width unit when it wraps: a column's width counts the digit
 * "0", and prose is narrower on average (measured in LibreOffice's PDF of the Definitions
 * sheet: about 50 characters a line in a 40-wide column, so 0.8; 0.85 keeps a margin). With
 * PLAIN here, wrapped rows came out about twice as tall as their text.
 */
const PROSE = 0.85;

/** The height in points of a line of text in a style. */
export function linePoints(style: CellStyle | undefined): number {
  return style === "title" ? 22 : style === "heading" ? 17 : LINE_POINTS;
}

/** The width in characters a cell's shown text needs in its style (padding not included). */
export function textWidth(cell: PlannedCell, bold = false): number {
  const scale = cell.style ? SCALE[cell.style] : bold ? SCALE.bold : SCALE.plain;
  return Math.ceil(displayLength(cell) * scale);
}

/** Lines a text needs wrapped in `width` characters (words are not split across lines). */
export function wrappedLines(text: string, charsPerLine: number, scale = PLAIN): number {
  const room = Math.max(1, Math.floor((charsPerLine - PADDING) / scale));
  let lines = 0;
  for (const para of text.split("\n")) {
    let line = 0;
    lines++;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const w = word.length;
      if (line === 0) line = w;
      else if (line + 1 + w <= room) line += 1 + w;
      else {
        lines++;
        line = w;
      }
      while (line > room) {
        lines++;
        line -= room;
      }
    }
  }
  return lines;
}

/**
 * The width a table's header asks of its column: header rows wrap, so a long header takes up to
 * three lines (a third of its length) or its longest word, whichever is wider, and the filter
 * button. Long headers over narrow numbers are the rule in these reports ("Net migration per
 * 1,000 population" over "12.3"); one line each would make a wide table print tiny.
 */
function headerWidth(h: string): number {
  const word = h.split(/\s+/).reduce((m, w) => Math.max(m, w.length), 0);
  return Math.ceil(Math.max(word, Math.ceil(h.length / 3)) * SCALE.bold) + FILTER_BUTTON;
}

/**
 * Whether a cell is filled, by a free cell's value or a table, asked only of the rows in
 * `rows`: the rows of texts whose right-hand neighbour is not simply the next cell listed.
 */
function occupied(sheet: PlannedSheet, rows: ReadonlySet<number>): (row: number, col: number) => boolean {
  // A cell's key is a number (row × the sheet's columns + column), not a "row,col" string, and
  // only the rows asked about are indexed: a Set of the 100,000 free cells of a sheet took 50 ms
  // as strings, 18 ms as numbers.
  const key = (row: number, col: number) => row * EXCEL_LIMITS.columns + col;
  const free = new Set<number>();
  for (const c of sheet.cells) if (rows.has(c.row) && isFilled(c)) free.add(key(c.row, c.col));
  const boxes = sheet.tables.map((t) => ({ top: t.top, bottom: t.top + t.rows.length + (t.totals ? 1 : 0), left: t.left, right: t.left + tableWidth(t) - 1 }));
  return (row, col) => free.has(key(row, col)) || boxes.some((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right);
}

const isFilled = (c: PlannedSheet["cells"][number]) => c.cell.value !== null && c.cell.value !== "";

/** The last 0-based column holding a table or a free cell. */
function rightEdge(sheet: PlannedSheet): number {
  let right = 0;
  for (const t of sheet.tables) right = Math.max(right, t.left + tableWidth(t) - 1);
  for (const c of sheet.cells) right = Math.max(right, c.col + (c.span ?? 1) - 1);
  return right;
}

/**
 * A sheet with widths fitted to its content, long free texts merged across the columns they
 * may use, and columns holding text longer than the cap in `wrapColumns`.
 */
export function fitSheet(sheet: PlannedSheet): PlannedSheet {
  const need: number[] = [];
  const grow = (col: number, n: number) => {
    if (n > (need[col] ?? 0)) need[col] = n;
  };
  for (const t of sheet.tables) {
    const width = tableWidth(t);
    tableHeaders(t.header, width).forEach((h, j) => grow(t.left + j, headerWidth(h)));
    // Body cells, the bulk of a large sheet: the longest display length per column, scaled once.
    const longest = new Array<number>(width).fill(0);
    for (const r of t.rows)
      for (let j = 0; j < r.length; j++) {
        const cell = r[j];
        if (cell) {
          const n = displayLength(cell);
          if (n > longest[j]) longest[j] = n;
        }
      }
    longest.forEach((n, j) => grow(t.left + j, Math.ceil(n * SCALE.plain)));
    t.totals?.forEach((cell, j) => cell && grow(t.left + j, textWidth(cell, true)));
  }
  const edge = rightEdge(sheet);
  // Free cells: a number, or a text with a filled cell to its right, must fit its own column.
  // A text's neighbour is most often the next cell listed (planners list cells row by row); the
  // other texts' rows are looked up once all are known.
  const texts: number[] = [];
  const asked = new Set<number>();
  sheet.cells.forEach((c, k) => {
    if (!isFilled(c) || c.cell.style === "note" || (c.span ?? 1) > 1) return;
    const next = sheet.cells[k + 1];
    if (typeof c.cell.value === "string" && !(next && next.row === c.row && next.col === c.col + 1 && isFilled(next))) {
      texts.push(k);
      asked.add(c.row);
    } else grow(c.col, textWidth(c.cell));
  });
  const filled = occupied(sheet, asked);
  const overflowing: number[] = [];
  for (const k of texts) {
    const c = sheet.cells[k];
    if (filled(c.row, c.col + 1)) grow(c.col, textWidth(c.cell));
    else overflowing.push(k);
  }

  const columns = Math.max(edge + 1, need.length);
  const widths: number[] = [];
  const wrap = new Set<number>(sheet.wrapColumns ?? []);
  for (let j = 0; j < columns; j++) {
    const n = need[j];
    // A column its planner wraps keeps the planner's width: the text fits it by wrapping, and a
    // sheet of long sentences (the Definitions) stays a width that prints at a readable size.
    if (wrap.has(j) && sheet.widths[j] > 0) widths.push(Math.min(sheet.widths[j], WIDTH_CAP));
    else if (n === undefined) widths.push(sheet.widths[j] !== undefined && sheet.widths[j] > 0 ? Math.min(sheet.widths[j], WIDTH_CAP) : WIDTH_MIN);
    else {
      widths.push(Math.min(WIDTH_CAP, Math.max(WIDTH_MIN, n + PADDING)));
      if (n + PADDING > WIDTH_CAP) wrap.add(j);
    }
  }
  const across = (col: number, span: number) => widths.slice(col, col + span).reduce((a, b) => a + b, 0);

  // Spanned cells other than notes: the first column grows by what the merged width lacks.
  for (const c of sheet.cells) {
    const span = c.span ?? 1;
    if (span <= 1 || c.cell.style === "note" || c.cell.value === null) continue;
    const lack = textWidth(c.cell) + PADDING - across(c.col, span);
    if (lack > 0) widths[c.col] = Math.min(WIDTH_CAP, widths[c.col] + lack);
  }

  // Texts that overflow to the right: whole if the empty cells up to the next filled one (or the
  // sheet's edge) hold them; otherwise merged across those cells, where they wrap.
  const cells = sheet.cells.slice();
  for (const k of overflowing) {
    const c = cells[k];
    let span = 1;
    while (c.col + span <= edge && !filled(c.row, c.col + span)) span++;
    if (textWidth(c.cell) + PADDING > across(c.col, span)) cells[k] = { ...c, span };
  }
  return { ...sheet, cells, widths, ...(wrap.size > 0 ? { wrapColumns: [...wrap].sort((a, b) => a - b) } : {}) };
}

/**
 * Row heights in points that show wrapped and merged text whole, by 0-based row (undefined: the
 * spreadsheet's own height). Spreadsheets grow a row for wrapped text in one cell but not for
 * a merged cell, so merged cells' rows get their height here; both hosts set them.
 */
export function rowHeights(sheet: PlannedSheet): Map<number, number> {
  const out = new Map<number, number>();
  const widths = sheet.widths;
  const wrap = new Set(sheet.wrapColumns ?? []);
  for (const c of sheet.cells) {
    const v = c.cell.value;
    if (typeof v !== "string" || v === "") continue;
    const span = c.span ?? 1;
    if (span <= 1 && c.cell.style !== "note" && !wrap.has(c.col)) continue;
    let chars = 0;
    for (let j = c.col; j < c.col + span; j++) chars += widths[j] ?? WIDTH_MIN;
    const lines = wrappedLines(v, chars, c.cell.style ? SCALE[c.cell.style] : PLAIN);
    const h = Math.min(MAX_ROW_POINTS, lines * linePoints(c.cell.style) + 3);
    if (lines > 1 && h > (out.get(c.row) ?? 0)) out.set(c.row, h);
  }
  // Table headers (they always wrap, beside the filter button) and cells in wrapping columns:
  // LibreOffice keeps a row's height as the file gives it, so rows whose text wraps get theirs.
  for (const t of sheet.tables) {
    const grow = (row: number, text: unknown, chars: number, scale: number) => {
      if (typeof text !== "string" || text === "") return;
      const lines = wrappedLines(text, chars, scale);
      const h = Math.min(MAX_ROW_POINTS, lines * LINE_POINTS + 3);
      if (lines > 1 && h > (out.get(row) ?? 0)) out.set(row, h);
    };
    tableHeaders(t.header, tableWidth(t)).forEach((h, k) => grow(t.top, h, (widths[t.left + k] ?? WIDTH_MIN) - FILTER_BUTTON, SCALE.bold));
    const cols = [...wrap].filter((j) => j >= t.left && j < t.left + tableWidth(t));
    if (cols.length === 0) continue;
    t.rows.forEach((r, i) => {
      for (const j of cols) grow(t.top + 1 + i, r[j - t.left]?.value, widths[j] ?? WIDTH_MIN, PROSE);
    });
  }
  return out;
}
