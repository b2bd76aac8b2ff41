import { cellKind, isMissingMarker, numberText } from "../cells/kind";
import { readPeriod } from "../cells/period";
import { cell, columnLetters } from "./address";
import { quoteText } from "../indicators/quote";
import { cellAt, isBlank } from "./dataset";
import { repeatsOf } from "./repeats";
import { dataProblem, LabelRole, ProblemCode, ProblemColumn, ProblemKind, ProblemParams } from "./problem-codes";
import { labelKey, shownLabel } from "./labels";
import { isNumericRole, isRateRole } from "./roles";
import { StepMeter, Steps } from "./steps";
import { CellValue, ColumnMapping, DataProblem, Role, Shape, SourceBlock } from "./types";
import { Layout, MatrixFit, RowKeys, pairIndexSteps, range, rowKeysSteps } from "./detect-layout";
import { columnsOf } from "./detect-shape";

/**
 * What is wrong in the cells the report will use, each with its cell: text or blanks where a
 * number belongs, negative counts, repeated labels and pairs, labels spelled two ways, ragged rows.
 * Each is a code and its parameters (problem-codes.ts); src/messages/problems.ts words them.
 */

/** Problems listed at most; the reasons say how many there were in all. */
export const MAX_PROBLEMS = 200;
// ---------------------------------------------------------------------------------------------
// Problems

/** Problems in order of discovery, the first MAX_PROBLEMS kept, all counted. */
export class ProblemList {
  readonly items: DataProblem[] = [];
  total = 0;
  readonly byKind = new Map<ProblemKind, number>();

  add<C extends ProblemCode>(address: string, code: C, params: ProblemParams[C]): void {
    const problem = dataProblem(address, code, params);
    this.total++;
    this.byKind.set(problem.kind, (this.byKind.get(problem.kind) ?? 0) + 1);
    if (this.items.length < MAX_PROBLEMS) this.items.push(problem);
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

/**
 * What a bad numeric cell does to the report: in a country table's column it is read as
 * missing (its measures show #N/A); a long list's flow or a matrix cell that is not a count
 * stops the report (plan.ts), and in a matrix a blank is no flow.
 */
type OnBadCell = "missing" | "refused" | "matrix";

/** Problems of one cell of a numeric column (`column`), or of a matrix cell off the diagonal (no column). */
function numberProblems(list: ProblemList, block: SourceBlock, r: number, c: number, v: CellValue, column: ProblemColumn | undefined, onBad: OnBadCell, rate: boolean): void {
  if (typeof v === "number" && v >= 0 && v < Infinity) return; // the common case, first
  const address = at(block, r, c);
  const bad = { ...(column ? { column } : {}), outcome: onBad === "missing" ? ("missing" as const) : ("refused" as const) };
  // Read as the engine reads it (cells/kind.ts): a cell of spaces is text to Excel (ISBLANK is
  // FALSE, its arithmetic gives #VALUE!), so only an empty cell is blank.
  switch (cellKind(v)) {
    case "blank":
      if (onBad === "missing") list.add(address, "blankMissing", { column: column! });
      else if (onBad === "refused") list.add(address, "blankRefused", { column: column! });
      return;
    case "boolean":
      list.add(address, "boolean", { ...bad, value: v as boolean });
      return;
    case "notFinite":
      list.add(address, "notFinite", { ...bad, value: v as number });
      return;
    case "number":
      list.add(address, "negative", { ...bad, value: v as number, rate });
      return;
    default:
      textProblem(list, address, v as string, bad);
  }
}

/** Text in a numeric cell: numbers stored as text are named, never converted. */
function textProblem(list: ProblemList, address: string, value: string, bad: ProblemParams["spacesOnly"]): void {
  const kind = numberText(value);
  if (kind === "thousands") list.add(address, "thousands", { ...bad, value });
  else if (kind === "decimalComma") list.add(address, "decimalComma", { ...bad, value, number: value.trim().replace(",", ".") });
  else if (kind === "plain") list.add(address, "numberStoredAsText", { ...bad, value });
  else if (value.trim() === "") list.add(address, "spacesOnly", bad);
  else if (isMissingMarker(value)) list.add(address, "missingMarker", { ...bad, value });
  else list.add(address, "text", { ...bad, value });
}

function duplicateHeaders(list: ProblemList, layout: Layout, row: number): void {
  const first = new Map<string, number>();
  for (const c of columnsOf(layout)) {
    const v = cellAt(layout.block, row, c);
    if (isBlank(v)) continue;
    const key = labelKey(v);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, c);
    else list.add(at(layout.block, row, c), "duplicateHeader", { header: v, firstAt: at(layout.block, row, seen), index: c });
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
    list.add(address, "ragged", { row: sheetRow(block, r), cells: len, firstRow: sheetRow(block, frame.start), width });
  }
}

function problemColumn(block: SourceBlock, c: ColumnMapping): ProblemColumn {
  return { index: c.index, letters: columnLetters(block.left + c.index), header: c.header, role: c.role! };
}

/** What to check in one mapped column, worked out once rather than per cell. */
interface ColumnCheck {
  readonly index: number;
  readonly numeric: boolean;
  readonly rate: boolean;
  /** A long list's flow column: a bad flow stops the report. */
  readonly flow: boolean;
  /** Labels that a row cannot do without (region, origin, destination). */
  readonly label: LabelRole | undefined;
  /** The time column: each filled cell must be a period. */
  readonly time: boolean;
  readonly column: ProblemColumn;
}

function checksOf(block: SourceBlock, columns: readonly ColumnMapping[]): ColumnCheck[] {
  return columns
    .filter((c) => c.role !== null)
    .map((c) => {
      const role = c.role!;
      const label = role === "region" || role === "origin" || role === "destination" ? role : undefined;
      return { index: c.index, numeric: isNumericRole(role), rate: isRateRole(role), flow: role === "flow", label, time: role === "year", column: problemColumn(block, c) };
    });
}

/** Row by row, so the listed problems are the top-most ones. */
function* rowProblemsSteps(list: ProblemList, layout: Layout, columns: readonly ColumnMapping[], shape: Shape, meter: StepMeter): Steps<void> {
  const { block, frame, rows } = layout;
  const checks = checksOf(block, columns);
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
      list.add(at(block, r, frame.left), "blankRow", { row: sheetRow(block, r) });
      continue;
    }
    for (const k of checks) {
      const v = row[k.index] ?? null;
      if (k.numeric) numberProblems(list, block, r, k.index, v, k.column, shape === "long" && k.flow ? "refused" : "missing", k.rate);
      else if (k.time) {
        if (v !== null && !isBlank(v) && !readPeriod(v)) list.add(at(block, r, k.index), "period", { value: v, column: k.column });
      } else if (k.label && (v === null || isBlank(v))) {
        list.add(at(block, r, k.index), "missingLabel", { role: k.label, row: sheetRow(block, r), skipped: shape === "long" });
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

function duplicatePair(list: ProblemList, block: SourceBlock, r: number, row: readonly CellValue[], cols: readonly number[], pairs: RowKeys, p: number, seen: Map<string | number, number>): void {
  const [o, d] = pairs.columns;
  if (o.ids[p] === o.blank || d.ids[p] === d.blank) return; // no origin or destination
  const k = pairs.of(p);
  const first = seen.get(k);
  if (first === undefined) {
    seen.set(k, r);
    return;
  }
  const context = cols.slice(2).map((c) => String(shownOf(row[c])));
  list.add(at(block, r, cols[0]), "duplicatePair", { origin: String(shownOf(row[cols[0]])), destination: String(shownOf(row[cols[1]])), context, firstRow: sheetRow(block, first) });
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
    else if (first.shown !== shown) list.add(at(block, r, c), "labelVariant", { label: shown, countedAs: first.shown, firstAt: first.address });
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
      numberProblems(list, block, r, c, cellAt(block, r, c), undefined, "matrix", false);
    }
  }
}

function duplicateLabels(list: ProblemList, block: SourceBlock, cells: readonly (readonly [number, number])[]): void {
  const first = new Map<string, string>();
  for (const [r, c] of cells) {
    const v = cellAt(block, r, c);
    if (isBlank(v)) continue;
    const seen = first.get(labelKey(v));
    if (seen) list.add(at(block, r, c), "duplicateLabel", { label: v, firstAt: seen });
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
  const what = index("region") !== undefined ? "country" : "code";
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
    list.add(r.addresses[1], "repeatedRow", { what, label: r.value, context: r.context, addresses: r.addresses, contextMapped: extra.length > 0 });
  }
}
