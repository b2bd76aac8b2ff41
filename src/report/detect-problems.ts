import { cellKind, isMissingMarker, numberText } from "../cells/kind";
import { readPeriod } from "../cells/period";
import { cell } from "./address";
import { quoteText } from "../indicators/quote";
import { cellAt, isBlank } from "./dataset";
import { repeatSentence, repeatsOf } from "./repeats";
import { labelKey, shownLabel } from "./labels";
import { isNumericRole, isRateRole } from "./roles";
import { StepMeter, Steps } from "./steps";
import { CellValue, ColumnMapping, DataProblem, Role, Shape, SourceBlock } from "./types";
import { Layout, MatrixFit, RowKeys, pairIndexSteps, range, rowKeysSteps } from "./detect-layout";
import { columnsOf } from "./detect-shape";

/**
 * What is wrong in the cells the report will use, each with its cell: text or blanks where a
 * number belongs, negative counts, repeated labels and pairs, labels spelled two ways, ragged rows.
 */

/** Problems listed at most; the reasons say how many there were in all. */
export const MAX_PROBLEMS = 200;
// ---------------------------------------------------------------------------------------------
// Problems

/** Problems in order of discovery, the first MAX_PROBLEMS kept, all counted. */
export class ProblemList {
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
export const sheetRow = (block: SourceBlock, r: number) => block.top + r + 1;
export const quoted = (v: CellValue) => quoteText(v, "'");
/** 1645 → "1,645" (English style, as the sentences are English; Intl costs ~10 ms on first use). */
export function fmt(n: number): string {
  const [whole, fraction] = String(Math.round(n * 1000) / 1000).split(".");
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (fraction ? `.${fraction}` : "");
}
export const plural = (n: number, word: string) => `${fmt(n)} ${word}${n === 1 ? "" : "s"}`;

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
  /** The time column: each filled cell must be a period. */
  readonly time: boolean;
  readonly what: string;
}

function checksOf(columns: readonly ColumnMapping[]): ColumnCheck[] {
  return columns
    .filter((c) => c.role !== null)
    .map((c) => {
      const role = c.role!;
      const label = role === "region" || role === "origin" || role === "destination" ? role : undefined;
      return { index: c.index, numeric: isNumericRole(role), rate: isRateRole(role), flow: role === "flow", label, time: role === "year", what: describeColumn(c) };
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
      else if (k.time) {
        if (v !== null && !isBlank(v) && !readPeriod(v)) list.add(at(block, r, k.index), "period", periodMessage(v, k.what));
      } else if (k.label && (v === null || isBlank(v))) {
        list.add(at(block, r, k.index), "blank", `No ${k.label} in row ${sheetRow(block, r)}: if the label was a merged cell, unmerge it and fill the label down; ${shape === "long" ? "the row is skipped" : "the row is labelled by its row number"}.`);
      }
    }
    if (pairs) duplicatePair(list, block, r, row, cols!, pairs, p, seen);
    if (spellings) for (const c of cols!.slice(0, 2)) spellings.check(list, block, r, c, row[c] ?? null);
    p++;
  }
}

/** A cell of the time column that holds no period: the report cannot tell which period its row is in. */
function periodMessage(v: CellValue, what: string): string {
  return `${quoted(v)} in ${what} is not a period (a year such as 2010, or 1990-1995, 2012/13): the report cannot tell which period the row is in, so it is refused until the cell is fixed or the column is no longer mapped as the year.`;
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

export function* problemsSteps(layout: Layout, shape: Shape, columns: readonly ColumnMapping[], fit: MatrixFit | undefined, meter: StepMeter): Steps<ProblemList> {
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
