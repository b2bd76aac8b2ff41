import { cellKind, isMissingMarker, numberText, startsLikeNumber } from "../cells/kind";
import { cell, columnLetters } from "./address";
import { quoteText } from "../indicators/quote";
import { cellAt, dataRowsSteps, Frame, frameSteps, isBlank } from "./dataset";
import { repeatSentence, repeatsOf } from "./repeats";
import { labelKey, shownLabel } from "./labels";
import { isLabelRole, isNumericRole, isRateRole, isRole, matchHeader, MatchKind, normalizeHeader, RoleMatch, ROLES, rolesOf } from "./roles";
import { AsyncStepsOptions, runSteps, runStepsAsync, StepMeter, Steps } from "./steps";
import { CellValue, ColumnMapping, DataProblem, Detection, Overrides, Role, Shape, SourceBlock } from "./types";


/**
 * Reading the input: decide which of the three shapes a block of cells is,
 * map its columns to roles by header name, and list what is wrong in the cells the report will
 * use. Everything is said in sentences a user reads in the task pane or the CLI.
 */

/** Problems listed at most; the reasons say how many there were in all. */
export const MAX_PROBLEMS = 200;

const SHAPE_NAMES: Record<Shape, string> = { table: "country table", matrix: "origin × destination matrix", long: "long origin–destination–flow list" };

// ---------------------------------------------------------------------------------------------
// Cells

const YEAR = /^\s*(1[89]|2[01])\d\d(\s*[-–/]\s*((1[89]|2[01])?\d\d))?\s*$/;

function isYearLike(v: CellValue): boolean {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1800 && v <= 2199;
  return typeof v === "string" && startsLikeNumber(v) && YEAR.test(v);
}

/** What a column's data cells hold, counted once and used to judge every role. */
interface Profile {
  readonly filled: number;
  readonly numbers: number;
  /** Text that reads as a number ("12,610"): counts towards a numeric column, flagged later. */
  readonly numberText: number;
  /** All text, number-like or not. */
  readonly text: number;
  /** Missing-value markers ("..", "n/a"): text, but they say nothing about the column's kind. */
  readonly markers: number;
  readonly yearLike: number;
  /** Largest finite number, to spot percentages in a rate column. */
  readonly max: number;
}

function* profileSteps(block: SourceBlock, rows: readonly number[], c: number, meter: StepMeter): Steps<Profile> {
  let filled = 0;
  let numbers = 0;
  let numberTexts = 0;
  let text = 0;
  let markers = 0;
  let yearLike = 0;
  let max = -Infinity;
  for (let i = 0; i < rows.length; i++) {
    if (meter.add(1)) yield meter.progress;
    const v = block.values[rows[i]]?.[c]; // direct access: this loop runs once per cell of a 100,000-row list
    if (v === null || v === undefined || isBlank(v)) continue;
    filled++;
    if (isYearLike(v)) yearLike++;
    if (typeof v === "number") {
      numbers++;
      if (Number.isFinite(v) && v > max) max = v;
    } else if (typeof v === "string") {
      text++;
      if (numberText(v)) numberTexts++;
      else if (isMissingMarker(v)) markers++;
    }
  }
  return { filled, numbers, numberText: numberTexts, text, markers, yearLike, max };
}

const numericShare = (p: Profile) => (p.filled === p.markers ? 0 : (p.numbers + p.numberText) / (p.filled - p.markers));
const isNumericColumn = (p: Profile) => p.filled > 0 && numericShare(p) >= 0.5;
/** Share of cells holding real text: not numbers, not numbers stored as text, not "..". */
const textShare = (p: Profile) => (p.filled === 0 ? 0 : (p.text - p.numberText - p.markers) / p.filled);
const isTextColumn = (p: Profile) => textShare(p) >= 0.8;

/**
 * How well a column's content suits a role, 0..1. A numeric role needs numbers (an empty column,
 * like UN DESA's all-NA `imm`, suits none); labels may be numbers (codes) but text suits better.
 */
function contentFit(role: Role, p: Profile): number {
  if (p.filled === 0) return 0;
  if (role === "year") return p.yearLike / p.filled >= 0.9 ? 1 : 0.5;
  if (role === "group") return 0.7 + 0.3 * textShare(p);
  if (isLabelRole(role)) return 0.6 + 0.4 * textShare(p);
  const share = numericShare(p);
  return share >= 0.5 ? share : 0;
}

// ---------------------------------------------------------------------------------------------
// Layout: where the header is, whether the numbers form a square matrix

/** Everything detection learns about a block before it maps any column. */
interface Layout {
  readonly block: SourceBlock;
  readonly frame: Frame;
  /** Block row of the header (or a matrix's label row); -1 when none. */
  readonly headerRow: number;
  /** Data rows below the header, blank rows skipped. */
  readonly rows: readonly number[];
  /** Profiles of the columns frame.left..frame.right, by block column. */
  readonly profiles: ReadonlyMap<number, Profile>;
  readonly headers: ReadonlyMap<number, CellValue>;
  readonly matrix: MatrixFit | undefined;
  /** Label keys of columns over the data rows, worked out once when first needed (keyColumnSteps). */
  readonly keys: Map<number, KeyColumn>;
}

const HOW_TO_SELECT = "select a country table with a header row, a square origin × destination matrix with labels, or an origin–destination–flow list";

/** The checks that make a block unreadable; each error is one line the CLI prints as it is. */
function* frameOrThrowSteps(block: SourceBlock, meter: StepMeter): Steps<Frame> {
  const frame = yield* frameSteps(block, meter);
  if (!frame) throw new Error(`The block is empty: ${HOW_TO_SELECT}.`);
  if (frame.top === frame.bottom && frame.left === frame.right) {
    throw new Error(`The block holds a single value (${cell(block.top + frame.top, block.left + frame.left)}): ${HOW_TO_SELECT}.`);
  }
  if (!(yield* hasNumbersSteps(block, frame, meter))) throw new Error(`The block holds only text, no numbers: ${HOW_TO_SELECT}.`);
  return frame;
}

function* hasNumbersSteps(block: SourceBlock, frame: Frame, meter: StepMeter): Steps<boolean> {
  for (let r = frame.top; r <= frame.bottom; r++) {
    for (let c = frame.left; c <= frame.right; c++) {
      const v = cellAt(block, r, c);
      if (typeof v === "number" || (typeof v === "string" && numberText(v))) return true;
    }
    if (meter.add(frame.right - frame.left + 1)) yield meter.progress;
  }
  return false;
}

/**
 * The first row is a header unless it holds a number in a column that is numeric below it
 * (then it is the first data row of a list or matrix without headers).
 */
function headerRowOf(block: SourceBlock, frame: Frame): number {
  const r = frame.start;
  let hasText = false;
  for (let c = frame.left; c <= frame.right; c++) {
    const v = cellAt(block, r, c);
    if (typeof v === "string" && !isBlank(v) && !numberText(v)) hasText = true;
    if (typeof v === "number" && numericBelow(block, frame, r, c)) return -1;
  }
  return hasText ? r : -1;
}

function numericBelow(block: SourceBlock, frame: Frame, r: number, c: number): boolean {
  let filled = 0;
  let numeric = 0;
  for (let i = r + 1; i <= Math.min(frame.bottom, r + 20); i++) {
    const v = cellAt(block, i, c);
    if (isBlank(v)) continue;
    filled++;
    if (typeof v === "number" || (typeof v === "string" && numberText(v))) numeric++;
  }
  return filled > 0 && numeric * 2 > filled;
}

function* layoutSteps(block: SourceBlock, meter: StepMeter): Steps<Layout> {
  const frame = yield* frameOrThrowSteps(block, meter);
  const headerRow = headerRowOf(block, frame);
  const rows = yield* dataRowsSteps(block, frame, headerRow, meter);
  const profiles = new Map<number, Profile>();
  const headers = new Map<number, CellValue>();
  for (let c = frame.left; c <= frame.right; c++) {
    profiles.set(c, yield* profileSteps(block, rows, c, meter));
    headers.set(c, headerRow >= 0 ? cellAt(block, headerRow, c) : null);
  }
  const matrix = yield* findMatrixSteps(block, frame, meter);
  return { block, frame, headerRow, rows, profiles, headers, matrix, keys: new Map() };
}

/** A square numeric part with labels above and/or to its left. */
interface MatrixFit {
  /** Labels in the first row (destinations) / first column (origins). */
  readonly row: boolean;
  readonly column: boolean;
  readonly firstRow: number;
  readonly firstCol: number;
  readonly n: number;
  /** Share of row labels also found among column labels (1 for a well-formed matrix). */
  readonly overlap: number;
  /** Row and column labels in the same order. */
  readonly sameOrder: boolean;
}

/** Labels: nearly all filled, nearly all text (a corner cell is never among them). */
function labelsFit(values: readonly CellValue[]): boolean {
  const filled = values.filter((v) => !isBlank(v));
  const text = filled.filter((v) => typeof v === "string" && !numberText(v)).length;
  return values.length > 0 && filled.length >= 0.8 * values.length && text >= 0.8 * filled.length;
}

/**
 * The data cells are numbers: at least `share` of the filled ones (blanks are no flow). A block
 * that is clearly a labelled matrix (the same regions across the top and down the side) needs
 * only a majority, so a few text cells ("n/a", "1,2x") leave it a matrix whose report names them,
 * rather than a country table that makes no sense of it.
 */
function* numbersFitSteps(block: SourceBlock, firstRow: number, firstCol: number, n: number, share: number, meter: StepMeter): Steps<boolean> {
  let filled = 0;
  let numeric = 0;
  for (let r = firstRow; r < firstRow + n; r++) {
    if (meter.add(n)) yield meter.progress;
    for (let c = firstCol; c < firstCol + n; c++) {
      const v = cellAt(block, r, c);
      if (isBlank(v)) continue;
      filled++;
      if (typeof v === "number" || (typeof v === "string" && numberText(v))) numeric++;
    }
  }
  return numeric > 0 && numeric >= share * filled;
}

/** Share of numeric data cells a matrix needs: 0.9, or a majority when its labels agree. */
const NUMBERS_SHARE = 0.9;
const LABELLED_NUMBERS_SHARE = 0.5;

/** Row and column labels name the same regions: the same order, or (nearly) the same set. */
const labelsAgree = (a: { overlap: number; sameOrder: boolean }) => a.sameOrder || a.overlap >= 0.8;

/** Tries labels on both sides, then above only, then left only, then none. */
function* findMatrixSteps(block: SourceBlock, frame: Frame, meter: StepMeter): Steps<MatrixFit | undefined> {
  const options: [boolean, boolean][] = [
    [true, true],
    [true, false],
    [false, true],
    [false, false],
  ];
  for (const [row, column] of options) {
    const firstRow = frame.start + (row ? 1 : 0);
    const firstCol = frame.left + (column ? 1 : 0);
    const n = frame.bottom - firstRow + 1;
    if (n < 2 || frame.right - firstCol + 1 !== n) continue;
    const rowLabels = column ? range(n, (i) => cellAt(block, firstRow + i, frame.left)) : [];
    const colLabels = row ? range(n, (j) => cellAt(block, frame.start, firstCol + j)) : [];
    if ((row && !labelsFit(colLabels)) || (column && !labelsFit(rowLabels))) continue;
    const agreement = labelAgreement(rowLabels, colLabels);
    const share = row && column && labelsAgree(agreement) ? LABELLED_NUMBERS_SHARE : NUMBERS_SHARE;
    if (!(yield* numbersFitSteps(block, firstRow, firstCol, n, share, meter))) continue;
    return { row, column, firstRow, firstCol, n, ...agreement };
  }
  return undefined;
}

function range<T>(n: number, f: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => f(i));
}

function labelAgreement(rowLabels: readonly CellValue[], colLabels: readonly CellValue[]): { overlap: number; sameOrder: boolean } {
  if (rowLabels.length === 0 || colLabels.length === 0) return { overlap: 0, sameOrder: false };
  const cols = new Set(colLabels.map(labelKey));
  const overlap = rowLabels.filter((v) => cols.has(labelKey(v))).length / rowLabels.length;
  return { overlap, sameOrder: rowLabels.every((v, i) => labelKey(v) === labelKey(colLabels[i])) };
}

// ---------------------------------------------------------------------------------------------
// The shape

/** The roles a header stands for in a shape; in a table, an origin or destination is the region. */
function matchesIn(shape: Shape, header: CellValue): RoleMatch[] {
  const allowed = rolesOf(shape);
  return matchHeader(header).flatMap((m): RoleMatch[] => {
    if (shape === "table" && (m.role === "origin" || m.role === "destination")) return [{ ...m, role: "region", score: m.score * 0.9 }];
    return allowed.includes(m.role) ? [m] : [];
  });
}

function columnsOf(layout: Layout): number[] {
  return range(layout.frame.right - layout.frame.left + 1, (i) => layout.frame.left + i);
}

/** The best role each header names, whatever the shape. */
function topRole(layout: Layout, c: number): Role | undefined {
  return matchHeader(layout.headers.get(c) ?? null)[0]?.role;
}

function chooseShape(layout: Layout): Shape {
  const { matrix, headerRow } = layout;
  const cols = columnsOf(layout);
  const numeric = cols.filter((c) => isNumericColumn(layout.profiles.get(c)!));
  if (matrix && (headerRow < 0 || (matrix.row && matrix.column && matrix.overlap >= 0.5) || !headersNameRoles(layout, matrix))) return "matrix";
  if (headerRow < 0 && !textPair(layout)) {
    throw new Error(`No header row was found, and the block is not a square matrix: ${HOW_TO_SELECT}.`);
  }
  if (numeric.length === 0) throw new Error(`No column holds numbers below the header: ${HOW_TO_SELECT}.`);
  const origin = cols.some((c) => topRole(layout, c) === "origin");
  const destination = cols.some((c) => topRole(layout, c) === "destination");
  if (origin && destination) return "long";
  const tableNumbers = numeric.some((c) => matchesIn("table", layout.headers.get(c) ?? null).some((m) => isNumericRole(m.role)));
  if (!origin && !destination && !tableNumbers && textPair(layout)) return "long";
  if (headerRow < 0) throw new Error(`No header row was found: ${HOW_TO_SELECT}.`);
  return "table";
}

/** A square block whose headers are mostly role names is a table that happens to be square. */
function headersNameRoles(layout: Layout, fit: MatrixFit): boolean {
  if (layout.headerRow < 0) return false;
  const named = range(fit.n, (j) => fit.firstCol + j).filter((c) => matchHeader(layout.headers.get(c) ?? null).length > 0);
  return named.length * 2 >= fit.n;
}

/** Two text columns sharing most of their values: origins and destinations of a list without names. */
function textPair(layout: Layout): [number, number] | undefined {
  const text = columnsOf(layout)
    .filter((c) => isTextColumn(layout.profiles.get(c)!))
    .slice(0, 6);
  const sample = layout.rows.slice(0, 5000);
  const sets = new Map(text.map((c) => [c, new Set(sample.map((r) => labelKey(cellAt(layout.block, r, c))))]));
  for (let i = 0; i < text.length; i++) {
    for (let j = i + 1; j < text.length; j++) {
      const a = sets.get(text[i])!;
      const b = sets.get(text[j])!;
      let shared = 0;
      for (const v of a) if (b.has(v)) shared++;
      if (a.size > 1 && shared >= 0.5 * a.size) return [text[i], text[j]];
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Mapping columns to roles

interface Candidate {
  readonly c: number;
  readonly role: Role;
  readonly score: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * One column per role, one role per column: candidates (name score × content fit) are taken
 * best first, so "alpha3" (text codes) wins code over "country_code" (numbers) and a column
 * that loses its best role may still take its next one.
 */
function mapColumns(layout: Layout, shape: Shape): ColumnMapping[] {
  const cols = columnsOf(layout);
  const candidates: Candidate[] = cols.flatMap((c) =>
    matchesIn(shape, layout.headers.get(c) ?? null).map((m) => ({ c, role: m.role, score: round2(m.score * contentFit(m.role, layout.profiles.get(c)!)) })),
  );
  candidates.sort((a, b) => b.score - a.score || a.c - b.c);
  const roleOf = new Map<number, { role: Role; confidence: number }>();
  const taken = new Set<Role>();
  for (const k of candidates) {
    if (k.score <= 0 || taken.has(k.role) || roleOf.has(k.c)) continue;
    roleOf.set(k.c, { role: k.role, confidence: k.score });
    taken.add(k.role);
  }
  guessFromContent(layout, shape, roleOf, taken);
  return cols.map((c) => {
    const found = roleOf.get(c);
    return { index: c, header: headerText(layout.headers.get(c) ?? null), role: found?.role ?? null, confidence: found?.confidence ?? 0 };
  });
}

const headerText = (v: CellValue) => (v === null ? "" : String(v));

/** Fills roles a table or list cannot do without from content alone, at low confidence. */
function guessFromContent(layout: Layout, shape: Shape, roleOf: Map<number, { role: Role; confidence: number }>, taken: Set<Role>): void {
  const free = columnsOf(layout).filter((c) => !roleOf.has(c));
  const give = (c: number | undefined, role: Role) => {
    if (c === undefined || taken.has(role)) return;
    roleOf.set(c, { role, confidence: 0.5 });
    taken.add(role);
    free.splice(free.indexOf(c), 1);
  };
  const textCols = () => free.filter((c) => isTextColumn(layout.profiles.get(c)!));
  if (shape === "table") give(textCols()[0], "region");
  if (shape !== "long") return;
  const pair = textPair(layout);
  if (pair && !taken.has("origin") && !taken.has("destination") && free.includes(pair[0]) && free.includes(pair[1])) {
    give(pair[0], "origin");
    give(pair[1], "destination");
  }
  give(textCols()[0], "origin");
  give(textCols()[0], "destination");
  const flowLike = (c: number) => isNumericColumn(layout.profiles.get(c)!) && contentFit("year", layout.profiles.get(c)!) < 1 && !normalizeHeader(layout.headers.get(c) ?? null).share;
  const numeric = free.filter(flowLike);
  give(numeric[numeric.length - 1], "flow");
}

// ---------------------------------------------------------------------------------------------
// Problems

/** Problems in order of discovery, the first MAX_PROBLEMS kept, all counted. */
class ProblemList {
  readonly items: DataProblem[] = [];
  total = 0;
  readonly byKind = new Map<DataProblem["kind"], number>();

  add(address: string, kind: DataProblem["kind"], message: string): void {
    this.total++;
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
    if (this.items.length < MAX_PROBLEMS) this.items.push({ address, kind, message });
  }
}

/** A block cell's A1 address on the source sheet. */
const at = (block: SourceBlock, r: number, c: number) => cell(block.top + r, block.left + c);
const sheetRow = (block: SourceBlock, r: number) => block.top + r + 1;
const quoted = (v: CellValue) => quoteText(v, "'");
/** 1645 → "1,645" (English style, as the sentences are English; Intl costs ~10 ms on first use). */
function fmt(n: number): string {
  const [whole, fraction] = String(Math.round(n * 1000) / 1000).split(".");
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (fraction ? `.${fraction}` : "");
}
const plural = (n: number, word: string) => `${fmt(n)} ${word}${n === 1 ? "" : "s"}`;

const READ_AS_MISSING = "it is read as missing";

/** Advice for text in a numeric cell: numbers stored as text are named, never converted. */
function textMessage(v: string, what: string, then: string): string {
  const kind = numberText(v);
  if (kind === "thousands") return `${quoted(v)} in ${what} is a number stored as text with thousands separators: convert it to a number (remove the separators, or use Data ▸ Text to Columns); until then ${then}.`;
  if (kind === "decimalComma") return `${quoted(v)} in ${what} is a number stored as text with a decimal comma: convert it to a number (${quoteText(v.trim().replace(",", "."), "")}); until then ${then}.`;
  if (kind === "plain") return `${quoted(v)} in ${what} is a number stored as text: convert it to a number; until then ${then}.`;
  if (v.trim() === "") return `A cell of spaces only in ${what} is text, not a blank: clear the cell; until then ${then}.`;
  if (isMissingMarker(v)) return `${quoted(v)} in ${what} marks a missing value: ${then}${then === READ_AS_MISSING ? " (clear the cell to silence this)" : ""}.`;
  return `${quoted(v)} in ${what} is text, not a number: ${then}.`;
}

/**
 * What a bad numeric cell does to the report: in a country table's column it is read as
 * missing (its measures show #N/A); a long list's flow or a matrix cell that is not a count
 * stops the report (plan.ts), and in a matrix a blank is no flow. The message says which.
 */
type OnBadCell = "missing" | "refused" | "matrix";

/** Problems of one cell of a numeric column, or of a matrix cell off the diagonal. */
function numberProblems(list: ProblemList, block: SourceBlock, r: number, c: number, v: CellValue, what: string, onBad: OnBadCell, rate: boolean): void {
  if (typeof v === "number" && v >= 0 && v < Infinity) return; // the common case, first
  const address = at(block, r, c);
  const then = onBad === "missing" ? READ_AS_MISSING : "the report cannot be built (fix or clear the cell)";
  // Read as the engine reads it (cells/kind.ts): a cell of spaces is text to Excel (ISBLANK is
  // FALSE, its arithmetic gives #VALUE!), so only an empty cell is blank.
  switch (cellKind(v)) {
    case "blank":
      if (onBad === "missing") list.add(address, "blank", `Blank in ${what}: read as missing, not as 0.`);
      else if (onBad === "refused") list.add(address, "blank", `Blank in ${what}: the report cannot be built (enter the flow, 0 if there was none).`);
      return;
    case "boolean":
      list.add(address, "text", `${v ? "TRUE" : "FALSE"} in ${what} is a logical value, not a number: ${then}.`);
      return;
    case "notFinite":
      list.add(address, "notFinite", `${String(v)} in ${what} is not a finite number: ${then}.`);
      return;
    case "number":
      list.add(address, "negative", `${v as number} in ${what} is negative: a ${rate ? "rate" : "count of people"} cannot be, so ${onBad === "missing" ? "measures using it show #NUM!" : then}.`);
      return;
    default:
      list.add(address, "text", textMessage(v as string, what, then));
  }
}

function duplicateHeaders(list: ProblemList, layout: Layout, row: number): void {
  const first = new Map<string, number>();
  for (const c of columnsOf(layout)) {
    const v = cellAt(layout.block, row, c);
    if (isBlank(v)) continue;
    const key = labelKey(v);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, c);
    else list.add(at(layout.block, row, c), "duplicate", `The header ${quoted(v)} is also in ${at(layout.block, row, seen)}: name the columns apart, or map this one by column index (${c}).`);
  }
}

/** Rows longer or shorter than the first row of the block's content (CSV input can be ragged). */
function* raggedRowsSteps(list: ProblemList, layout: Layout, meter: StepMeter): Steps<void> {
  const { block, frame } = layout;
  const width = block.values[frame.start]?.length ?? 0;
  for (let r = frame.start + 1; r <= frame.bottom; r++) {
    if (meter.add(1)) yield meter.progress;
    const len = block.values[r]?.length ?? 0;
    if (len === width) continue;
    const address = at(block, r, Math.min(len, width));
    list.add(address, "ragged", `Row ${sheetRow(block, r)} has ${len} cells where row ${sheetRow(block, frame.start)} has ${width}: cells may have shifted; check the row (missing cells read as blank).`);
  }
}

function describeColumn(c: ColumnMapping): string {
  return c.header === "" ? `column ${c.index}` : `${quoted(c.header)} (${c.role})`;
}

/** What to check in one mapped column, worked out once rather than per cell. */
interface ColumnCheck {
  readonly index: number;
  readonly numeric: boolean;
  readonly rate: boolean;
  /** A long list's flow column: a bad flow stops the report. */
  readonly flow: boolean;
  /** Labels that a row cannot do without (region, origin, destination). */
  readonly label: Role | undefined;
  readonly what: string;
}

function checksOf(columns: readonly ColumnMapping[]): ColumnCheck[] {
  return columns
    .filter((c) => c.role !== null)
    .map((c) => {
      const role = c.role!;
      const label = role === "region" || role === "origin" || role === "destination" ? role : undefined;
      return { index: c.index, numeric: isNumericRole(role), rate: isRateRole(role), flow: role === "flow", label, what: describeColumn(c) };
    });
}

/** Row by row, so the listed problems are the top-most ones. */
function* rowProblemsSteps(list: ProblemList, layout: Layout, columns: readonly ColumnMapping[], shape: Shape, meter: StepMeter): Steps<void> {
  const { block, frame, rows } = layout;
  const checks = checksOf(columns);
  const cols = pairKey(columns);
  const pairs = cols && (yield* pairIndexSteps(layout, cols, meter));
  const seen = new Map<string | number, number>();
  const spellings = shape === "long" && cols ? new Spellings() : undefined;
  const top = layout.headerRow >= 0 ? layout.headerRow + 1 : frame.start;
  const width = frame.right - frame.left + 1;
  // layout.rows are the rows from `top` down that are not blank, found the same way: the rows
  // not among them are the blank ones, and `p` is each data row's position among them.
  let p = 0;
  for (let r = top; r <= frame.bottom; r++) {
    if (meter.add(width)) yield meter.progress;
    const row = block.values[r] ?? [];
    if (rows[p] !== r) {
      list.add(at(block, r, frame.left), "blank", `Row ${sheetRow(block, r)} is blank (merged cells?): it is skipped.`);
      continue;
    }
    for (const k of checks) {
      const v = row[k.index] ?? null;
      if (k.numeric) numberProblems(list, block, r, k.index, v, k.what, shape === "long" && k.flow ? "refused" : "missing", k.rate);
      else if (k.label && (v === null || isBlank(v))) {
        list.add(at(block, r, k.index), "blank", `No ${k.label} in row ${sheetRow(block, r)}: if the label was a merged cell, unmerge it and fill the label down; ${shape === "long" ? "the row is skipped" : "the row is labelled by its row number"}.`);
      }
    }
    if (pairs) duplicatePair(list, block, r, row, cols!, pairs, p, seen);
    if (spellings) for (const c of cols!.slice(0, 2)) spellings.check(list, block, r, c, row[c] ?? null);
    p++;
  }
}

/** The columns that identify a flow in a long list: origin, destination, and year and group when mapped. */
function pairKey(columns: readonly ColumnMapping[]): number[] | undefined {
  const index = (role: Role) => columns.find((c) => c.role === role)?.index;
  const [o, d, y, g] = [index("origin"), index("destination"), index("year"), index("group")];
  if (o === undefined || d === undefined) return undefined;
  return [o, d, ...(y === undefined ? [] : [y]), ...(g === undefined ? [] : [g])];
}

/** A label as the report shows it, for messages. */
const shownOf = (v: CellValue | undefined) => (v === null || v === undefined ? "" : shownLabel(v));

/**
 * A column's label keys (labelKey) over the data rows: each distinct key
 * once, and each data row's as an index into them, by the row's position in layout.rows. Worked
 * out once per column, so a 250,000-row list builds no string per cell to compare rows.
 */
interface KeyColumn {
  readonly keys: readonly string[];
  readonly ids: Int32Array;
  /** Index of the key "" (a blank cell), or -1. */
  readonly blank: number;
}

function* keyColumnSteps(layout: Layout, c: number, meter: StepMeter): Steps<KeyColumn> {
  const cached = layout.keys.get(c);
  if (cached) return cached;
  const key = labelKey;
  const { block, rows } = layout;
  const keys: string[] = [];
  const byKey = new Map<string, number>();
  const byNumber = new Map<number, number>(); // a number's key is always the same: no String() per cell
  const idOf = (k: string) => {
    let id = byKey.get(k);
    if (id === undefined) {
      id = keys.length;
      keys.push(k);
      byKey.set(k, id);
    }
    return id;
  };
  const ids = new Int32Array(rows.length);
  for (let p = 0; p < rows.length; p++) {
    if (meter.add(1)) yield meter.progress;
    const v = block.values[rows[p]]?.[c];
    if (typeof v === "number") {
      let id = byNumber.get(v);
      if (id === undefined) byNumber.set(v, (id = idOf(key(v))));
      ids[p] = id;
    } else ids[p] = idOf(key(v));
  }
  const column = { keys, ids, blank: byKey.get("") ?? -1 };
  layout.keys.set(c, column);
  return column;
}

/**
 * Each data row's key over several columns (by position in layout.rows): equal exactly when the
 * keys joined with U+0001 are. A number when the keys allow (none holds U+0001, and every
 * combination fits in a double), else that joined text.
 */
interface RowKeys {
  readonly columns: readonly KeyColumn[];
  readonly of: (p: number) => string | number;
}

function* rowKeysSteps(layout: Layout, cols: readonly number[], meter: StepMeter): Steps<RowKeys> {
  const columns: KeyColumn[] = [];
  for (const c of cols) columns.push(yield* keyColumnSteps(layout, c, meter));
  let span = 1;
  for (const k of columns) span *= Math.max(1, k.keys.length);
  const plain = columns.every((k) => k.keys.every((s) => !s.includes("\u0001")));
  if (plain && span <= Number.MAX_SAFE_INTEGER) {
    return {
      columns,
      of: (p) => {
        let key = 0;
        for (let i = columns.length - 1; i >= 0; i--) key = key * columns[i].keys.length + columns[i].ids[p];
        return key;
      },
    };
  }
  return { columns, of: (p) => columns.map((k) => k.keys[k.ids[p]]).join("\u0001") };
}

const pairIndexSteps = (layout: Layout, cols: readonly number[], meter: StepMeter) => rowKeysSteps(layout, cols, meter);

function duplicatePair(list: ProblemList, block: SourceBlock, r: number, row: readonly CellValue[], cols: readonly number[], pairs: RowKeys, p: number, seen: Map<string | number, number>): void {
  const [o, d] = pairs.columns;
  if (o.ids[p] === o.blank || d.ids[p] === d.blank) return; // no origin or destination
  const k = pairs.of(p);
  const first = seen.get(k);
  if (first === undefined) {
    seen.set(k, r);
    return;
  }
  const extra = cols.length > 2 ? ` (${cols.slice(2).map((c) => shownOf(row[c])).join(", ")})` : "";
  list.add(at(block, r, cols[0]), "duplicate", `${quoted(shownOf(row[cols[0]]))} → ${quoted(shownOf(row[cols[1]]))}${extra} is listed again (first in row ${sheetRow(block, first)}): the flows are added up.`);
}

/**
 * Origins and destinations spelled two ways that Excel's comparison treats as one (case, runs
 * of spaces; labels.ts): the pivot merges them, and each other spelling is listed once, at its
 * first cell, naming the spelling the report shows.
 */
class Spellings {
  private readonly first = new Map<string, { shown: string; address: string }>();
  private readonly met = new Set<CellValue>();

  check(list: ProblemList, block: SourceBlock, r: number, c: number, v: CellValue): void {
    if (this.met.has(v) || isBlank(v)) return;
    this.met.add(v);
    const key = labelKey(v);
    const shown = String(shownOf(v));
    const first = this.first.get(key);
    if (!first) this.first.set(key, { shown, address: at(block, r, c) });
    else if (first.shown !== shown) list.add(at(block, r, c), "variant", `${quoted(shown)} is counted as the region ${quoted(first.shown)} (first in ${first.address}): labels that differ only in case or spacing are one region, as Excel compares them.`);
  }
}

function* matrixProblemsSteps(list: ProblemList, layout: Layout, fit: MatrixFit, meter: StepMeter): Steps<void> {
  const { block, frame } = layout;
  if (fit.row) duplicateLabels(list, block, range(fit.n, (j) => [frame.start, fit.firstCol + j] as const));
  if (fit.column) duplicateLabels(list, block, range(fit.n, (i) => [fit.firstRow + i, frame.left] as const));
  for (let i = 0; i < fit.n; i++) {
    if (meter.add(fit.n)) yield meter.progress;
    for (let j = 0; j < fit.n; j++) {
      if (i === j) continue; // the diagonal is ignored
      const r = fit.firstRow + i;
      const c = fit.firstCol + j;
      numberProblems(list, block, r, c, cellAt(block, r, c), "the matrix", "matrix", false);
    }
  }
}

function duplicateLabels(list: ProblemList, block: SourceBlock, cells: readonly (readonly [number, number])[]): void {
  const first = new Map<string, string>();
  for (const [r, c] of cells) {
    const v = cellAt(block, r, c);
    if (isBlank(v)) continue;
    const seen = first.get(labelKey(v));
    if (seen) list.add(at(block, r, c), "duplicate", `The label ${quoted(v)} is also in ${seen}: each region must appear once.`);
    else first.set(labelKey(v), at(block, r, c));
  }
}

function* problemsSteps(layout: Layout, shape: Shape, columns: readonly ColumnMapping[], fit: MatrixFit | undefined, meter: StepMeter): Steps<ProblemList> {
  const list = new ProblemList();
  yield* raggedRowsSteps(list, layout, meter);
  if (shape === "matrix") {
    yield* matrixProblemsSteps(list, layout, fit!, meter);
    return list;
  }
  if (layout.headerRow >= 0) duplicateHeaders(list, layout, layout.headerRow);
  yield* rowProblemsSteps(list, layout, columns, shape, meter);
  if (shape === "table") yield* tableRepeatsSteps(list, layout, columns, meter);
  return list;
}

/** A country listed twice (in the same year and group): the report refuses the table (repeats.ts). */
function* tableRepeatsSteps(list: ProblemList, layout: Layout, columns: readonly ColumnMapping[], meter: StepMeter): Steps<void> {
  const index = (role: Role) => columns.find((c) => c.role === role)?.index;
  const label = index("region") ?? index("code");
  if (label === undefined) return;
  const what = index("region") !== undefined ? "Country" : "Code";
  const extra = [index("year"), index("group")].filter((c): c is number => c !== undefined);
  const { block, rows } = layout;
  // Only rows whose label (with year and group) is found again can be repeats: repeatsOf groups
  // those alone, with their addresses, rather than every row of the table.
  const keys = yield* rowKeysSteps(layout, [label, ...extra], meter);
  const count = new Map<string | number, number>();
  for (let p = 0; p < rows.length; p++) {
    if (meter.add(1)) yield meter.progress;
    const k = keys.of(p);
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  const cells = [];
  for (let p = 0; p < rows.length; p++) {
    if (meter.add(1)) yield meter.progress;
    if (count.get(keys.of(p))! < 2) continue;
    const r = rows[p];
    cells.push({ address: at(block, r, label), value: cellAt(block, r, label), context: extra.map((c) => cellAt(block, r, c)) });
  }
  for (const r of repeatsOf(cells)) {
    list.add(r.addresses[1], "duplicate", `${repeatSentence(what, r)}. Totals would count it twice, so the report is refused: keep one row per ${what === "Country" ? "country" : "code"}${extra.length ? "" : ", or map a year or group column that tells the rows apart"}.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Reasons and confidence

/** What the user chose, so the reasons can say so. */
interface UserChoices {
  readonly shape: boolean;
  /** Columns the user gave a role, by block column. */
  readonly roles: ReadonlyMap<number, Role>;
  /** Roles the user unmapped (`role=null`). */
  readonly cleared: ReadonlySet<Role>;
}

const NO_CHOICES: UserChoices = { shape: false, roles: new Map(), cleared: new Set() };

function howMapped(shape: Shape, c: ColumnMapping, user: UserChoices): string {
  if (user.roles.get(c.index) === c.role) return "your choice";
  const m = matchesIn(shape, c.header).find((x) => x.role === c.role);
  if (!m) return "guessed from the content";
  const direct = matchHeader(c.header).find((x) => x.role === c.role);
  if (!direct) return `an ${matchHeader(c.header)[0]?.role ?? "origin"} name, read as the region`;
  const words: Record<MatchKind, string> = { name: "name", synonym: "synonym", partial: "partial name match" };
  return words[m.kind];
}

const letter = (layout: Layout, c: ColumnMapping) => columnLetters(layout.block.left + c.index);
const columnName = (layout: Layout, c: ColumnMapping) => (c.header === "" ? `column ${letter(layout, c)}` : quoted(c.header));

function mappedSentence(layout: Layout, shape: Shape, columns: readonly ColumnMapping[], user: UserChoices): string {
  const mapped = columns.filter((c) => c.role !== null);
  if (mapped.length === 0) return "No column could be mapped to a role: map them yourself.";
  const parts = mapped.map((c) => `${columnName(layout, c)} → ${c.role} (${howMapped(shape, c, user)})`);
  return `Mapped ${parts.join(", ")}.`;
}

/** Why each unmapped column is left out: the user reads this when a column is missing. */
function unmappedSentences(layout: Layout, shape: Shape, columns: readonly ColumnMapping[], user: UserChoices): string[] {
  const empty: string[] = [];
  const shares: string[] = [];
  const unknown: string[] = [];
  const beaten: string[] = [];
  for (const c of columns) {
    if (c.role !== null) continue;
    const name = columnName(layout, c);
    const p = layout.profiles.get(c.index);
    const could = matchesIn(shape, c.header)[0];
    if (p && p.filled === p.markers) empty.push(name);
    else if (could && user.cleared.has(could.role) && !columns.some((x) => x.role === could.role)) beaten.push(`${name} looks like ${could.role}, which you unmapped`);
    else if (could) {
      const winner = columns.find((x) => x.role === could.role);
      beaten.push(`${name} (column ${letter(layout, c)}) also looks like ${could.role}, but ${winner ? `${columnName(layout, winner)} (column ${letter(layout, winner)})` : "another column"} fits better`);
    } else if (normalizeHeader(c.header).share) shares.push(name);
    else unknown.push(name);
  }
  const out: string[] = [];
  if (beaten.length) out.push(`${beaten.join("; ")}.`);
  if (shares.length) out.push(`Not used: ${shares.join(", ")} (shares or rates the report has no role for).`);
  if (empty.length) out.push(`Not used: ${empty.join(", ")} (no values).`);
  if (unknown.length) out.push(`Not used: ${unknown.join(", ")} (name not recognised; map it if it matters).`);
  return out;
}

/** Rates are fractions; a rate column above 1 is probably in percent. */
function percentSentences(layout: Layout, columns: readonly ColumnMapping[]): string[] {
  return columns
    .filter((c) => c.role !== null && isRateRole(c.role) && (layout.profiles.get(c.index)?.max ?? 0) > 1)
    .map((c) => `${quoted(c.header)} has values above 1 (up to ${fmt(layout.profiles.get(c.index)!.max)}): rates are read as fractions, so these look like percentages.`);
}

function problemSentence(list: ProblemList): string {
  if (list.total === 0) return "No problems found in the cells used.";
  const kinds = [...list.byKind].map(([k, n]) => `${fmt(n)} ${k}`).join(", ");
  const listed = list.total > MAX_PROBLEMS ? `; the first ${MAX_PROBLEMS} are listed` : "";
  return `${fmt(list.total)} problem${list.total === 1 ? "" : "s"} in the cells used (${kinds})${listed}.`;
}

/** Distinct labels (labelKey) of a column in the data rows, blanks not counted. */
function* distinctCountSteps(layout: Layout, c: number | undefined, meter: StepMeter): Steps<number> {
  if (c === undefined) return 0;
  const column = yield* keyColumnSteps(layout, c, meter);
  return column.keys.length - (column.blank >= 0 ? 1 : 0);
}

function headerWhere(layout: Layout): string {
  return layout.headerRow >= 0 ? `header in row ${sheetRow(layout.block, layout.headerRow)}` : "no header row";
}

function* tableSummarySteps(layout: Layout, columns: readonly ColumnMapping[], meter: StepMeter): Steps<string> {
  const regionCol = columns.find((c) => c.role === "region")?.index;
  const regions = regionCol === undefined ? "" : `, ${plural(yield* distinctCountSteps(layout, regionCol, meter), "region")}`;
  return `Country table: ${plural(layout.rows.length, "row")}${regions}, ${headerWhere(layout)}.`;
}

function* longSummarySteps(layout: Layout, columns: readonly ColumnMapping[], meter: StepMeter): Steps<string> {
  const col = (role: Role) => columns.find((c) => c.role === role)?.index;
  const places = new Set<string>();
  for (const c of [col("origin"), col("destination")]) {
    if (c === undefined) continue;
    for (const key of (yield* keyColumnSteps(layout, c, meter)).keys) places.add(key);
  }
  places.delete("");
  const years = col("year") === undefined ? "" : `, ${plural(yield* distinctCountSteps(layout, col("year"), meter), "year")}`;
  return `Long list: ${plural(layout.rows.length, "flow")} between ${plural(places.size, "region")}${years}, ${headerWhere(layout)}.`;
}

function matrixSentences(layout: Layout, fit: MatrixFit): string[] {
  const { block, frame } = layout;
  const where = [fit.row ? `row ${sheetRow(block, frame.start)}` : "", fit.column ? `column ${columnLetters(block.left + frame.left)}` : ""].filter((s) => s !== "");
  const labels = where.length ? `with labels in ${where.join(" and ")}` : "without labels (regions are numbered)";
  const corner = fit.row && fit.column ? cellAt(block, frame.start, frame.left) : null;
  const out = [`Matrix: ${fit.n} × ${fit.n} flows ${labels}; rows are origins, columns destinations${isBlank(corner) ? "" : ` (the corner ${quoted(corner)} is ignored)`}.`];
  if (fit.row && fit.column) {
    if (fit.sameOrder) out.push(`Row and column labels name the same ${fit.n} regions in the same order.`);
    else if (fit.overlap >= 0.5) out.push("Row and column labels name mostly the same regions but not in the same order: row i and column i must be the same region.");
    else out.push("Row and column labels differ: check that the matrix is origin × destination.");
  }
  out.push("Blank cells are read as no flow (0); the diagonal is kept as given and ignored by the measures.");
  return out;
}

function tableConfidence(columns: readonly ColumnMapping[]): number {
  const mapped = columns.filter((c) => c.role !== null);
  if (mapped.length === 0) return 0.2;
  const mean = mapped.reduce((s, c) => s + c.confidence, 0) / mapped.length;
  const region = mapped.some((c) => c.role === "region") ? 1 : 0.8;
  const numbers = mapped.some((c) => isNumericRole(c.role!)) ? 1 : 0.5;
  return mean * region * numbers;
}

function longConfidence(columns: readonly ColumnMapping[]): number {
  const of = (role: Role) => columns.find((c) => c.role === role)?.confidence ?? 0;
  return (of("origin") + of("destination") + of("flow")) / 3;
}

function matrixConfidence(fit: MatrixFit): number {
  if (fit.row && fit.column) return fit.sameOrder ? 0.95 : fit.overlap >= 0.5 ? 0.85 : 0.7;
  return fit.row || fit.column ? 0.75 : 0.5;
}

/** Problems, reasons and confidence for a shape and mapping: detect and applyOverrides end here. */
function* finishSteps(layout: Layout, shape: Shape, columns: ColumnMapping[], user: UserChoices, meter: StepMeter): Steps<Detection> {
  const fit = shape === "matrix" ? layout.matrix : undefined;
  const list = yield* problemsSteps(layout, shape, columns, fit, meter);
  const reasons: string[] = [];
  if (fit) reasons.push(...matrixSentences(layout, fit));
  else {
    reasons.push(shape === "long" ? yield* longSummarySteps(layout, columns, meter) : yield* tableSummarySteps(layout, columns, meter));
    reasons.push(mappedSentence(layout, shape, columns, user), ...unmappedSentences(layout, shape, columns, user), ...percentSentences(layout, columns));
  }
  if (user.shape) reasons.push(`Shape set by you: ${SHAPE_NAMES[shape]}.`);
  reasons.push(problemSentence(list));
  const confidence = fit ? matrixConfidence(fit) : shape === "long" ? longConfidence(columns) : tableConfidence(columns);
  return {
    shape,
    confidence: round2(user.shape ? Math.max(confidence, 0.5) : confidence),
    reasons,
    headerRow: fit ? (fit.row ? layout.frame.start : -1) : layout.headerRow,
    columns: fit ? [] : columns,
    ...(fit ? { matrixLabels: { row: fit.row, column: fit.column } } : {}),
    problems: list.items,
  };
}

function* detectAsSteps(layout: Layout, shape: Shape, user: UserChoices, meter: StepMeter): Steps<Detection> {
  if (shape === "matrix" && !layout.matrix) {
    const { frame } = layout;
    throw new Error(`The block is not a square matrix: it has ${frame.bottom - frame.start + 1} rows and ${frame.right - frame.left + 1} columns, and no labels make the numbers square.`);
  }
  if (shape !== "matrix" && layout.rows.length === 0) throw new Error(`There are no data rows below the header: ${HOW_TO_SELECT}.`);
  return yield* finishSteps(layout, shape, shape === "matrix" ? [] : mapColumns(layout, shape), user, meter);
}

// ---------------------------------------------------------------------------------------------
// The API

/**
 * Decides the shape of a block, maps its columns and lists its problems. Throws an Error with a
 * one-line message when the block cannot be read at all (empty, a single value, only text, no
 * column of numbers, no header and not a matrix).
 */
export function detect(block: SourceBlock): Detection {
  return runSteps(detectSteps(block));
}

/**
 * Cell visits detection makes between two yields in steps (its passes over the cells: the
 * frame, the data rows, each column's profile, the problems, the labels): a few tens of
 * milliseconds on a laptop.
 */
export const DETECT_CHUNK_CELLS = 200_000;

/** Cell visits expected in all, per cell of the block: for progress (about what a long list takes). */
const DETECT_VISITS_PER_CELL = 6;

/**
 * detect in steps, yielding its progress (cells looked at, of an estimate) every `chunkCells`
 * cell visits: `detect` runs them at once, `detectAsync` (the task pane) gives the event loop a
 * turn between them and stops when cancelled.
 */
export function* detectSteps(block: SourceBlock, chunkCells = DETECT_CHUNK_CELLS): Steps<Detection> {
  let cells = 0;
  for (const row of block.values) cells += row?.length ?? 0;
  const meter = new StepMeter(cells * DETECT_VISITS_PER_CELL, chunkCells);
  const layout = yield* layoutSteps(block, meter);
  return yield* detectAsSteps(layout, chooseShape(layout), NO_CHOICES, meter);
}

/** detect for the task pane: the same steps, the event loop given a turn between chunks (steps.ts). */
export function detectAsync(block: SourceBlock, run: AsyncStepsOptions & { readonly chunkCells?: number } = {}): Promise<Detection> {
  return runStepsAsync(detectSteps(block, run.chunkCells), run);
}

/**
 * Applies the user's choices: a shape (detection starts again for it) and roles (role → header
 * name or 0-based block column; null unmaps the role). Problems, reasons and confidence are
 * derived again. Throws when a role, header or column does not exist.
 */
export function applyOverrides(block: SourceBlock, detection: Detection, overrides: Overrides): Detection {
  return runSteps(applyOverridesSteps(block, detection, overrides, new StepMeter()));
}

function* applyOverridesSteps(block: SourceBlock, detection: Detection, overrides: Overrides, meter: StepMeter): Steps<Detection> {
  const layout = yield* layoutSteps(block, meter);
  const shape = overrides.shape ?? detection.shape;
  const shapeChanged = overrides.shape !== undefined && overrides.shape !== detection.shape;
  const entries = Object.entries(overrides.map ?? {}) as [string, string | number | null][];
  if (entries.length === 0) return shapeChanged ? yield* detectAsSteps(layout, shape, { ...NO_CHOICES, shape: true }, meter) : detection;
  if (shape === "matrix") throw new Error("A matrix has no columns to map: role overrides apply to a country table or a long list.");
  const base = shapeChanged ? (yield* detectAsSteps(layout, shape, NO_CHOICES, meter)).columns : detection.columns;
  const columns = base.map((c) => ({ ...c }));
  const chosen = new Map<number, Role>();
  const cleared = new Set<Role>();
  for (const [name, target] of entries) {
    const role = checkRole(name, shape);
    for (const c of columns) if (c.role === role) Object.assign(c, { role: null, confidence: 0 });
    if (target === null) {
      cleared.add(role);
      continue;
    }
    const col = columns[findColumn(columns, target)];
    Object.assign(col, { role, confidence: 1 });
    chosen.set(col.index, role);
  }
  return yield* finishSteps(layout, shape, columns, { shape: shapeChanged, roles: chosen, cleared }, meter);
}

function checkRole(name: string, shape: Shape): Role {
  if (!isRole(name)) throw new Error(`Unknown role ${quoted(name)}. Roles: ${ROLES.join(", ")}.`);
  if (!rolesOf(shape).includes(name)) throw new Error(`A ${SHAPE_NAMES[shape]} has no ${quoted(name)} column. Its roles: ${rolesOf(shape).join(", ")}.`);
  return name;
}

function available(columns: readonly ColumnMapping[]): string {
  return columns.map((c) => `${c.header === "" ? "(no header)" : quoted(c.header)} (${c.index})`).join(", ");
}

/** Position in `columns` of a header name (exact, then loosely) or a 0-based block column. */
function findColumn(columns: readonly ColumnMapping[], target: string | number): number {
  if (typeof target === "number") {
    const i = columns.findIndex((c) => c.index === target);
    if (i < 0) throw new Error(`There is no column ${target}. Available headers: ${available(columns)}.`);
    return i;
  }
  const exact = columns.filter((c) => c.header.trim() === target.trim());
  const loose = exact.length ? exact : columns.filter((c) => c.header !== "" && normalizeHeader(c.header).key === normalizeHeader(target).key);
  if (loose.length > 1) throw new Error(`${quoted(target)} names more than one column (${loose.map((c) => c.index).join(", ")}): map it by column index. Available headers: ${available(columns)}.`);
  if (loose.length === 1) return columns.indexOf(loose[0]);
  if (/^\d+$/.test(target.trim())) return findColumn(columns, Number(target));
  throw new Error(`There is no column ${quoted(target)}. Available headers: ${available(columns)}.`);
}
