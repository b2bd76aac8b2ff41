/**
 * Host-neutral helpers shared by the hosts that write a ReportPlan (the .xlsx file, the
 * workbook via Office.js). Nothing here imports Office.js or Node: the task pane
 * bundle (src/hosts/office.ts) imports this module, so it must stay plain TypeScript.
 */
import { isPlannedError } from "../report/cells";
import type { CellStyle, NumberFormat, PlannedCell, PlannedChart, PlannedSheet, SharingMode } from "../report/types";

/** Excel number format codes for the plan's formats. */
export const NUMBER_FORMATS: Readonly<Record<NumberFormat, string>> = {
  count: "#,##0",
  percent: "0.0%",
  perThousand: "0.0",
  ratio: "0.000",
  decimal: "0.000",
  year: "0",
  text: "@",
};

/**
 * How a cell looks: a planned cell's style, or what a host knows of it (a table's header row,
 * its totals row, a bold line). Plain cell formats (fonts, fills, borders) that LibreOffice and
 * every Excel show; table styles are not enough (LibreOffice ignores them).
 */
export type CellLook = CellStyle | "plain" | "bold" | "header" | "total";

/** A border line: thin or double, in a colour (RRGGBB) or the automatic one. */
export interface Rule {
  readonly style: "thin" | "double";
  readonly color?: string;
}

/** The formats of a look; colours are RRGGBB. Both hosts draw from this one table. */
export interface Look {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Font size in points (11 when absent). */
  readonly size?: number;
  readonly color?: string;
  readonly fill?: string;
  readonly top?: Rule;
  readonly bottom?: Rule;
}

// A dark blue for titles, headings and header rules; pale fills (tints of Office's "Blue, Accent 1").
const DARK = "1F3864";
export const LOOKS: Readonly<Record<CellLook, Look>> = {
  plain: {},
  bold: { bold: true },
  header: { bold: true, fill: "D9E1F2", bottom: { style: "thin", color: DARK } },
  total: { bold: true, top: { style: "thin" }, bottom: { style: "double" } },
  title: { bold: true, size: 15, color: DARK },
  subtitle: { italic: true, color: "595959" },
  heading: { bold: true, size: 12, color: DARK, bottom: { style: "thin", color: "8EA9DB" } },
  keyLabel: { fill: "EEF3FA" },
  keyValue: { bold: true, fill: "EEF3FA" },
  note: {},
};

/** Page margins in inches: room for the footer, and the same page on A4 and on Letter paper. */
export const PAGE_MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.75, header: 0.3, footer: 0.3 } as const;

/** The footer's centre (the sheet's name) and right part ("Page n of m"), in header/footer codes. */
export const FOOTER_CENTER = "&A";
export const FOOTER_RIGHT = "Page &P of &N";

/**
 * The footer's left part (the report's title) in header/footer codes: "&" doubled (a single one
 * starts a code), one line, cut to `room` characters (Excel holds 255 in a whole footer).
 */
export function footerLeft(title: string, room = 200): string {
  let text = title.replace(/[\r\n]+/g, " ").replace(/&/g, "&&");
  if (text.length > room) {
    text = text.slice(0, room - 1);
    // An odd run of "&" at the cut would leave a code half written.
    if (/&*$/.exec(text)![0].length % 2 === 1) text = text.slice(0, -1);
    text += "…";
  }
  return text;
}

/**
 * How a free cell looks and whether its text wraps (top-aligned): a merged cell (span) or a
 * note wraps within its width, as does a cell in a wrapping column unless it is a title,
 * subtitle or heading (which have their row to themselves and stay on one line).
 */
export function freeCellLook(sheet: PlannedSheet, c: PlannedSheet["cells"][number]): { look: CellLook; wrap: boolean } {
  const style = c.cell.style;
  const oneLine = style === "title" || style === "subtitle" || style === "heading";
  const wrap = (c.span ?? 1) > 1 || style === "note" || (!oneLine && (sheet.wrapColumns ?? []).includes(c.col));
  return { look: style ?? "plain", wrap };
}

/** 0-based columns of each table that has a wrapping column: its cells align to the top of their taller rows. */
export function wrappingTableColumns(sheet: PlannedSheet): boolean[] {
  const wraps = new Set(sheet.wrapColumns ?? []);
  const out: boolean[] = [];
  for (const t of sheet.tables) {
    const width = tableWidth(t);
    let any = false;
    for (let j = t.left; j < t.left + width; j++) if (wraps.has(j)) any = true;
    if (any) for (let j = t.left; j < t.left + width; j++) out[j] = true;
  }
  return out;
}

/**
 * Excel's limits ("Excel specifications and limits", Microsoft support): a file beyond them is
 * "repaired" (content removed) or refused when opened.
 */
export const EXCEL_LIMITS = {
  rows: 1_048_576,
  columns: 16_384,
  /** Characters in a cell (and in a shared string). */
  cellText: 32_767,
  /** Characters in a formula's text. */
  formula: 8_192,
  /** Characters in a table column name (its header cell). */
  tableColumnName: 255,
  /** A column's width, in characters. */
  columnWidth: 255,
  sheetName: 31,
} as const;

/** `text` cut to at most `max` UTF-16 units, never between the halves of a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/** Text as a cell can hold it: longer text is cut at Excel's limit and ends with "…" (the writer notes it). */
export function cellText(text: string): string {
  return text.length <= EXCEL_LIMITS.cellText ? text : cutText(text, EXCEL_LIMITS.cellText - 1) + "…";
}

/** Excel's limit on a sheet name's length, and the characters it forbids. */
const MAX_SHEET_NAME = EXCEL_LIMITS.sheetName;
const FORBIDDEN = /[[\]:*?/\\]/g;
/** Spaces and apostrophes at either end (Excel refuses a name that starts or ends with an apostrophe). */
const EDGES = /^[\s']+|[\s']+$/g;

/**
 * A sheet name Excel accepts and no sheet in `taken` has (case-insensitively, as Excel compares):
 * forbidden characters become "-", leading/trailing apostrophes go, the name is cut to 31
 * characters, and a clash gets " (2)", " (3)"… with the base shortened to fit.
 */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set(Array.from(taken, (n) => n.toLowerCase()));
  // Control characters and U+FFFE/U+FFFF (which XML cannot hold, in a chart's references either) become spaces.
  let base = wanted.replace(FORBIDDEN, "-").replace(/[\u0000-\u001f\ufffe\uffff]/g, " ").replace(EDGES, "");
  if (!base) base = "Sheet";
  if (base.toLowerCase() === "history") base = "History-"; // reserved by Excel
  base = cutText(base, MAX_SHEET_NAME).replace(EDGES, ""); // the cut may leave an apostrophe at the end
  if (!used.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const name = cutText(base, MAX_SHEET_NAME - suffix.length).replace(EDGES, "") + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** The formula a cell carries in a mode (no leading "="), or undefined to write its value. */
export function formulaFor(cell: PlannedCell, mode: SharingMode): string | undefined {
  const f = mode === "native" ? cell.native : mode === "addin" ? cell.addin : undefined;
  if (f === undefined || f === null || f === "") return undefined;
  // The planner's formulas have no "=" and no surrounding space: returned as they are, since
  // this runs for every formula cell of a report.
  const first = f.charCodeAt(0);
  if (first !== 61 && first > 32 && f.charCodeAt(f.length - 1) > 32) return f;
  const t = f.trim().replace(/^=/, "");
  return t === "" ? undefined : t;
}

/** Digits of a non-negative integer below 1e21 (without building its string). */
function digits(n: number): number {
  let d = 1;
  for (let p = 10; p <= n && d < 22; p *= 10) d++;
  return d;
}

/**
 * Display length of a value, for fitted widths. Counted, not formatted: it runs for every cell
 * of a report (1,300,000 for a large one). May be one off where rounding carries (9.996 → 10.00).
 */
export function displayLength(cell: PlannedCell): number {
  const v = cell.value;
  if (v === null || v === undefined) return 0;
  if (isPlannedError(v)) return v.error.length;
  if (typeof v === "number") {
    if (!Number.isFinite(v) || Math.abs(v) >= 1e21) return Math.min(String(v).length, 12);
    const sign = v < 0 ? 1 : 0;
    const a = Math.abs(v);
    switch (cell.format) {
      case "count": {
        const d = digits(Math.round(a));
        return sign + d + Math.floor((d - 1) / 3); // thousands separators
      }
      case "percent":
        return sign + digits(Math.round(a * 100)) + 3; // "12.3%"
      case "perThousand":
        return sign + digits(Math.round(a)) + 2; // "1.2"
      case "ratio":
      case "decimal":
        return sign + digits(Math.round(a)) + 4; // "1.234"
      case "year": {
        const r = Math.round(v);
        return (r < 0 ? 1 : 0) + digits(Math.abs(r));
      }
      default:
        return Math.min(String(v).length, 12);
    }
  }
  return String(v).length;
}

/** Header names an Excel table accepts: non-empty, one line, unique (case-insensitively). */
export function tableHeaders(header: string[], width: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let j = 0; j < width; j++) {
    let base = String(header[j] ?? "").replace(/\s+/g, " ").trim() || `Column${j + 1}`;
    base = cutText(base, EXCEL_LIMITS.tableColumnName).trimEnd(); // Excel repairs a table with a longer name
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${cutText(base, EXCEL_LIMITS.tableColumnName - String(k).length - 1).trimEnd()} ${k}`;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

/**
 * Excel table names: a letter or underscore first, then letters, digits, underscores, dots;
 * unique in the workbook (`taken` holds lower-cased names and receives the new one).
 */
export function tableName(wanted: string, taken: Set<string>): string {
  let base = wanted.replace(/[^A-Za-z0-9_.]/g, "_");
  if (!/^[A-Za-z_]/.test(base)) base = `T_${base}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[RrCc]$/.test(base)) base = `${base}_`; // would read as a cell address
  base = base.slice(0, 250);
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base}_${k}`;
  taken.add(name.toLowerCase());
  return name;
}

/** The width of a planned table: its header, its longest row, its totals row. */
export function tableWidth(t: { header: string[]; rows: PlannedCell[][]; totals?: PlannedCell[] }): number {
  let width = Math.max(t.header.length, t.totals?.length ?? 0);
  for (const r of t.rows) if (r.length > width) width = r.length;
  return width;
}

/**
 * Column widths in characters for a planned sheet, as the .xlsx host fits them: the plan's
 * width where it gives one, else the longest display length + 2 (tables' headers + 3 for the
 * filter button; titles and notes over 40 characters overflow and do not count), 8 to 60.
 */
export function fittedWidths(sheet: PlannedSheet): number[] {
  const fit: number[] = [];
  const grow = (col: number, n: number) => (fit[col] = Math.max(fit[col] ?? 0, n));
  for (const t of sheet.tables) {
    const width = tableWidth(t);
    tableHeaders(t.header, width).forEach((h, j) => grow(t.left + j, h.length + 3));
    for (const r of t.rows) r.forEach((cell, j) => cell && grow(t.left + j, displayLength(cell)));
    t.totals?.forEach((cell, j) => cell && grow(t.left + j, displayLength(cell)));
  }
  for (const { col, cell } of sheet.cells) {
    const len = displayLength(cell);
    if (typeof cell.value !== "string" || len <= 40) grow(col, len);
  }
  const columns = Math.max(sheet.widths.length, fit.length);
  const out: number[] = [];
  for (let j = 0; j < columns; j++) {
    const given = sheet.widths[j];
    out.push(given !== undefined && given > 0 ? given : Math.min(60, Math.max(8, (fit[j] ?? 0) + 2)));
  }
  return out;
}

/**
 * Where a planned chart's data and the chart itself go, in 0-based cells: the table's category
 * column and value column over its data rows (the value column's header names the series), and
 * the chart's corners (7 columns wide, about a row per bar). Undefined when the table or a
 * column is missing or the table is empty. Both hosts draw from this.
 */
export function chartLayout(
  sheet: PlannedSheet,
  c: PlannedChart,
): { first: number; last: number; categoryCol: number; valueCol: number; headerRow: number; count: number; from: { row: number; col: number }; to: { row: number; col: number } } | undefined {
  const t = sheet.tables.find((x) => x.name === c.table);
  if (!t || t.rows.length === 0) return undefined;
  const headers = tableHeaders(t.header, tableWidth(t));
  const find = (h: string) => {
    const k = t.header.indexOf(h);
    return k >= 0 ? k : headers.indexOf(h);
  };
  const ci = find(c.categoryColumn);
  const vi = find(c.valueColumn);
  if (ci < 0 || vi < 0) return undefined;
  const count = t.rows.length;
  return {
    first: t.top + 1,
    last: t.top + count,
    categoryCol: t.left + ci,
    valueCol: t.left + vi,
    headerRow: t.top,
    count,
    from: { row: c.top, col: c.left },
    to: { row: c.top + c.rows, col: c.left + c.cols },
  };
}

/**
 * The sheet columns (0-based) of a planned chart's series after the first (`moreValueColumns`,
 * by header), in order; columns the table lacks are left out. Both hosts draw from this.
 */
export function moreSeriesColumns(sheet: PlannedSheet, c: PlannedChart): number[] {
  const t = sheet.tables.find((x) => x.name === c.table);
  if (!t || !c.moreValueColumns) return [];
  const headers = tableHeaders(t.header, tableWidth(t));
  return c.moreValueColumns
    .map((h) => {
      const k = t.header.indexOf(h);
      return k >= 0 ? k : headers.indexOf(h);
    })
    .filter((k) => k >= 0)
    .map((k) => t.left + k);
}
