/**
 * The report engine's vocabulary. Everything here is host-independent: the task pane (Office.js)
 * and the .xlsx writer (src/hosts/xlsx.ts) both read a block of cells into these types and write
 * a ReportPlan out. Nothing in src/report imports Office.js or Node.
 */

import type { DataProblem } from "./problem-codes";
import type { HeadlineItem } from "./headline";
import type { Reason } from "./reason";

/** One cell's value as a spreadsheet holds it. `null` is a blank. */
export type CellValue = string | number | boolean | null;

/** A rectangular block of cells read from a sheet, with where it came from. */
export interface SourceBlock {
  /** The sheet's name, as written in a formula reference (unquoted; the writer quotes it). */
  readonly sheet: string;
  /** 0-based row and column of the block's top-left cell in that sheet. */
  readonly top: number;
  readonly left: number;
  /** Rows of cells; every row has the same length. */
  readonly values: CellValue[][];
  /** Where the data came from, for the Definitions sheet: a file name, or a workbook range. */
  readonly provenance: string;
}

/** The three input shapes: a country table, an origin × destination matrix, a long list of flows. */
export type Shape = "table" | "matrix" | "long";

/** What a column of a country table or long list holds. */
export type Role =
  | "region"
  | "code"
  | "year"
  | "group"
  | "emigrants"
  | "immigrants"
  | "skilledEmigrants"
  | "skilledResidents"
  | "skilledImmigrants"
  | "residents"
  | "population"
  | "returnees"
  | "inboundStudents"
  | "outboundStudents"
  | "tertiaryEnrolment"
  | "tertiaryAgePopulation"
  | "totalRate"
  | "skilledRate"
  | "origin"
  | "destination"
  | "flow";

/** A column of the block and the role it was given (null: not used). */
export interface ColumnMapping {
  /** 0-based column within the block. */
  readonly index: number;
  /** The header text as found (empty for a block without headers). */
  readonly header: string;
  readonly role: Role | null;
  /** 0..1: 1 = the header is a known name for the role; lower for synonyms or content-based guesses. */
  readonly confidence: number;
}

/** Something wrong in the data: its cell, a code and the code's parameters (./problem-codes). */
export type { DataProblem };

/** What the reader made of a block: the shape, the columns, and how sure it is. */
export interface Detection {
  readonly shape: Shape;
  /** 0..1 overall confidence in the shape and mapping. */
  readonly confidence: number;
  /** What was found and why, as codes with parameters (./reason.ts; worded by src/messages/reasons.ts). */
  readonly reasons: Reason[];
  /** Row of the block holding headers (table, long), or the label row (matrix); -1 when none. */
  readonly headerRow: number;
  /** Column roles (table, long); for a matrix, empty. */
  readonly columns: ColumnMapping[];
  /** For a matrix: whether labels were found in the first row / first column of the block. */
  readonly matrixLabels?: { readonly row: boolean; readonly column: boolean };
  readonly problems: DataProblem[];
  /**
   * Block rows of a table or list the user keeps as regions although their label or code marks
   * a total or aggregate (src/report/aggregate-rows.ts leaves such rows out otherwise).
   */
  readonly keepRows?: readonly number[];
  /**
   * One value chosen in each of a long list's dimension columns (src/report/dimensions.ts: sex,
   * age, indicator): only the rows holding it (the cell's trimmed text) are read.
   */
  readonly dimensionFilters?: readonly { readonly col: number; readonly value: string }[];
}

/** What the user (CLI flags, task pane) can change in a detection. */
export interface Overrides {
  readonly shape?: Shape;
  /** Role → header name or 0-based column index; `null` unmaps a role. */
  readonly map?: Partial<Record<Role, string | number | null>>;
}

/** How a shared report keeps its numbers: live native formulas, add-in formulas, or values only. */
export type SharingMode = "native" | "addin" | "values";

/**
 * Excel number formats the report uses, by what a number is: "count" a number of people
 * (#,##0), "percent" a share or rate (0.0%), "ratio" an index or ratio (0.000), "perThousand"
 * a rate per 1,000 (0.0), "year" a year (0); "decimal" a plain number (0.000), "text" text (@).
 * A measure's format is given once, in its registry entry (src/report/measures/).
 */
export type NumberFormat = "count" | "percent" | "perThousand" | "ratio" | "decimal" | "text" | "year";

/** An error as a planned cell shows it, e.g. "#DIV/0!". */
export interface PlannedError {
  readonly error: "#VALUE!" | "#N/A" | "#NUM!" | "#DIV/0!";
}

/**
 * One cell of a planned sheet: its value as the engine computed it and, where one exists, the
 * formula that computes the same in each sharing mode. A formula string has no leading "=";
 * references are A1 style, with sheet names quoted. A reference to another sheet of the
 * report is written `{{Planned Name}}!B2`: hosts replace it with the name they gave that sheet
 * (src/report/address.ts, resolveSheetRefs). Text from the user's data is always `value` with
 * no formula, and hosts write it as text, never as a formula.
 */
export interface PlannedCell {
  readonly value: CellValue | PlannedError;
  readonly native?: string;
  /**
   * The native formula needs array evaluation (e.g. TRANSPOSE inside SUMPRODUCT): hosts write
   * it as a single-cell array formula (Ctrl+Shift+Enter in Excel 2010), which Excel 365 and
   * LibreOffice also compute.
   */
  readonly nativeArray?: boolean;
  readonly addin?: string;
  readonly format?: NumberFormat;
  /** How the cell looks, by what it is (hosts turn it into fonts, fills, borders, wrapping). */
  readonly style?: CellStyle;
}

/**
 * What a free cell is, for how it looks. Hosts style table header and total rows themselves;
 * these are for the cells around the tables. Styles are plain cell formats (bold, fills,
 * borders, wrapping) that every spreadsheet shows, not table styles.
 */
export type CellStyle =
  /** The sheet's title (first cell): large and bold. */
  | "title"
  /** A line under the title (when and from what it was built). */
  | "subtitle"
  /** A heading above a block (key figures, a table). */
  | "heading"
  /** The label of a key figure, in the key-figures block. */
  | "keyLabel"
  /** The value of a key figure. */
  | "keyValue"
  /** A sentence or note: wrapped within its span (see `span`), the row grows to show it whole. */
  | "note";

/** A table on a planned sheet: written as a real Excel table where the host can. */
export interface PlannedTable {
  /** Excel table name (letters, digits, underscore). */
  readonly name: string;
  /** 0-based position of the header row on the sheet. */
  readonly top: number;
  readonly left: number;
  readonly header: string[];
  readonly rows: PlannedCell[][];
  /** A total row under the table, if any (cells may be empty `{ value: null }`). */
  readonly totals?: PlannedCell[];
}

/** A chart a host should draw, described without any chart API. */
export interface PlannedChart {
  /** Bars or columns of one series; lines of one or more series (a figure across periods). */
  readonly kind: "bar" | "column" | "line";
  readonly title: string;
  /** Sheet and table the data come from; category and value columns by header. */
  readonly table: string;
  readonly categoryColumn: string;
  readonly valueColumn: string;
  /** Further value columns drawn as more series beside the first (a line chart's lines), by header. */
  readonly moreValueColumns?: readonly string[];
  /**
   * Where it goes (0-based cell of its top-left corner) and how many rows and columns it
   * covers: it is anchored over exactly those cells (src/report/chart-placement.ts places it).
   */
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

/** One sheet of the report. */
export interface PlannedSheet {
  /** The name wanted; the host makes it unique in the workbook ("Migration Summary (2)"). */
  readonly name: string;
  /**
   * Free cells above or beside the tables: titles, notes, key figures. Row, column 0-based;
   * `span` merges the cell with the columns to its right (a note shown whole across them).
   */
  readonly cells: { readonly row: number; readonly col: number; readonly cell: PlannedCell; readonly span?: number }[];
  readonly tables: PlannedTable[];
  readonly charts: PlannedChart[];
  /** Column widths in characters, by 0-based column. */
  readonly widths: number[];
  /** Rows above this stay visible when scrolling (the header); 0 = none. */
  readonly freezeRows: number;
  /** Columns whose text wraps within the column's width (the row grows), by 0-based column. */
  readonly wrapColumns?: readonly number[];
  /** How the sheet prints; absent: the host's defaults. */
  readonly print?: PrintSetup;
}

/** Page set-up for printing or saving as PDF: one page wide, as many tall as needed. */
export interface PrintSetup {
  readonly orientation: "portrait" | "landscape";
  /** Rows (0-based, first and last) repeated at the top of every printed page: a table's header. */
  readonly titleRows?: readonly [number, number];
  /** The footer's left part (the report's title); hosts add the sheet name and "Page n of m". */
  readonly footer: string;
}

/** Everything a host needs to write a report. */
export interface ReportPlan {
  readonly mode: SharingMode;
  readonly shape: Shape;
  readonly sheets: PlannedSheet[];
  /** The source block's sheet name, as the plan's formulas reference it. */
  readonly sourceSheet: string;
  /** Headline numbers for a summary line (CLI output, task pane message). */
  readonly headline: HeadlineItem[];
}
