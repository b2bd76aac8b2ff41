/**
 * How the free cells of a planned sheet are laid out around its tables: how many columns a
 * text needs to be shown whole (its `span`), the title lines and notes with their styles, and
 * the rectangles a sheet's content takes (for placing charts and for the page set-up).
 * Widths are in characters of the default font, as PlannedSheet.widths gives them.
 */
import { CellStyle, PlannedCell, PlannedSheet } from "./types";

/** A column the plan gives no width keeps the spreadsheet's default (Excel, LibreOffice: 8.43 characters). */
export const DEFAULT_WIDTH = 8.43;

/**
 * How much wider a style's characters are than the default font's, for fitting text: the
 * title is large and bold, headings and key figures bold. Generous, so that a text fitted
 * here is not cut where a font runs wide.
 */
const STYLE_SCALE: Readonly<Record<CellStyle, number>> = { title: 1.5, subtitle: 1.05, heading: 1.25, keyLabel: 1.15, keyValue: 1.15, note: 1.05 };

/** The width of column `col` (planned, else the default). */
export function widthOf(widths: readonly number[], col: number): number {
  const w = widths[col];
  return w !== undefined && w > 0 ? w : DEFAULT_WIDTH;
}

/** The characters `text` takes in `style`, with a character of padding on each side. */
export function textWidth(text: string, style?: CellStyle): number {
  return text.length * (style ? STYLE_SCALE[style] : 1) + 2;
}

/** How many columns from `col` hold `text` on one line in `style` (at least 1). */
export function spanFor(text: string, col: number, widths: readonly number[], style?: CellStyle): number {
  const need = textWidth(text, style);
  let have = 0;
  let span = 0;
  while (have < need) have += widthOf(widths, col + span++);
  return Math.max(1, span);
}

/**
 * The lines a wrapped text takes over `span` columns from `col`: what a host sets the row's
 * height from, since spreadsheets do not grow a row to fit a merged cell's wrapped text.
 * Counted by characters, rounded up, so a line broken between words still has its room.
 */
export function wrappedLines(text: string, col: number, span: number, widths: readonly number[], style?: CellStyle): number {
  let room = 0;
  for (let j = col; j < col + span; j++) room += widthOf(widths, j);
  const perLine = Math.max(1, room - 2);
  const scale = style ? STYLE_SCALE[style] : 1;
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil((line.length * scale * 1.1) / perLine)), 0);
}

/** A free cell of a sheet. */
export type FreeCell = PlannedSheet["cells"][number];

/** A planned cell with a style. */
export function styled(cell: PlannedCell, style: CellStyle): PlannedCell {
  return { ...cell, style };
}

/**
 * A text shown whole in `style`: merged over the columns that hold it on one line, but not
 * past `columns` (the columns the sheet's tables use) when it can wrap (a note): beyond them it
 * wraps and the row grows. A title or subtitle does not wrap, so it spans what it needs.
 */
export function textCell(row: number, col: number, text: string, style: CellStyle, widths: readonly number[], columns: number): FreeCell {
  const need = spanFor(text, col, widths, style);
  const span = style === "note" ? Math.max(1, Math.min(need, columns - col)) : need;
  const cell = styled({ value: text }, style);
  return span > 1 ? { row, col, cell, span } : { row, col, cell };
}

/** The report's title lines at the top left: the title, then the line saying when and from what it was built. */
export function titleCells(title: readonly string[], widths: readonly number[], columns: number): FreeCell[] {
  return title.map((text, row) => textCell(row, 0, text, row === 0 ? "title" : "subtitle", widths, columns));
}

/** A rectangle of cells, 0-based, bottom and right exclusive. */
export interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * What a sheet's content covers: each table (header, rows, totals), each free cell over its
 * span (a text without a span over the columns it would spill into), each chart.
 */
export function contentAreas(sheet: Pick<PlannedSheet, "cells" | "tables" | "widths"> & { charts?: PlannedSheet["charts"] }): Area[] {
  const areas: Area[] = [];
  for (const t of sheet.tables) {
    let width = Math.max(t.header.length, t.totals?.length ?? 0);
    for (const r of t.rows) if (r.length > width) width = r.length;
    areas.push({ top: t.top, left: t.left, bottom: t.top + 1 + t.rows.length + (t.totals ? 1 : 0), right: t.left + width });
  }
  for (const c of sheet.cells) {
    if (c.cell.value !== null) areas.push({ top: c.row, left: c.col, bottom: c.row + 1, right: cellRight(c, sheet.widths) });
  }
  for (const c of sheet.charts ?? []) areas.push({ top: c.top, left: c.left, bottom: c.top + c.rows, right: c.left + c.cols });
  return areas;
}

/** The column after a free cell's content: its span, or the columns its text spills over. */
function cellRight(c: PlannedSheet["cells"][number], widths: readonly number[]): number {
  const spill = typeof c.cell.value === "string" ? spanFor(c.cell.value, c.col, widths, c.cell.style) : 1;
  return c.col + (c.span ?? spill);
}

/**
 * The column after all of a sheet's content (the right edge of `contentAreas`), without listing
 * the areas: a sheet of 100,000 free cells made as many objects to find one number.
 */
export function contentRight(sheet: Pick<PlannedSheet, "cells" | "tables" | "widths"> & { charts?: PlannedSheet["charts"] }): number {
  let right = 0;
  for (const t of sheet.tables) {
    let width = Math.max(t.header.length, t.totals?.length ?? 0);
    for (const r of t.rows) if (r.length > width) width = r.length;
    right = Math.max(right, t.left + width);
  }
  for (const c of sheet.cells) if (c.cell.value !== null) right = Math.max(right, cellRight(c, sheet.widths));
  for (const c of sheet.charts ?? []) right = Math.max(right, c.left + c.cols);
  return right;
}

export function overlaps(a: Area, b: Area): boolean {
  return a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;
}

/**
 * A column's width on screen and paper in pixels at 96 dpi: `w` characters of the default font's
 * 7-pixel digit, plus 5 pixels of padding (ECMA-376 Part 1, §18.3.1.13, the col element's width).
 */
export function columnPixels(w: number): number {
  return Math.trunc(w * 7 + 5);
}

/** The pixels of the columns before `right` (0-based, exclusive). */
export function pixelsBefore(widths: readonly number[], right: number): number {
  let px = 0;
  for (let j = 0; j < right; j++) px += columnPixels(widthOf(widths, j));
  return px;
}

/** The columns the sheet's tables use (from column A), for notes to wrap within. */
export function tableColumns(sheet: Pick<PlannedSheet, "tables">): number {
  return sheet.tables.reduce((n, t) => Math.max(n, t.left + Math.max(t.header.length, t.totals?.length ?? 0)), 1);
}
