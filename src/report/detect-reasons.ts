import { columnLetters } from "./address";
import { cellAt, isBlank } from "./dataset";
import { isRateRole, matchHeader, MatchKind, normalizeHeader } from "./roles";
import { StepMeter, Steps } from "./steps";
import { ColumnMapping, Detection, Role, Shape } from "./types";
import { HOW_TO_SELECT, Layout, MatrixFit, keyColumnSteps } from "./detect-layout";
import { longConfidence, matchesIn, matrixConfidence, tableConfidence } from "./detect-shape";
import { mapColumns, round2 } from "./detect-mapping";
import { MAX_PROBLEMS, ProblemList, fmt, plural, problemsSteps, quoted, sheetRow } from "./detect-problems";

/** The sentences that say what detection found and why. */

export const SHAPE_NAMES: Record<Shape, string> = { table: "country table", matrix: "origin × destination matrix", long: "long origin–destination–flow list" };
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

export const NO_CHOICES: UserChoices = { shape: false, roles: new Map(), cleared: new Set() };

function howMapped(shape: Shape, c: ColumnMapping, user: UserChoices): string {
  if (user.roles.get(c.index) === c.role) return "your choice";
  const m = matchesIn(shape, c.header).find((x) => x.role === c.role);
  if (!m) return c.role === "year" ? "its values are periods" : "guessed from the content";
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
  const periods = yield* periodCountSteps(layout, columns, meter);
  return `Country table: ${plural(layout.rows.length, "row")}${regions}${periods}, ${headerWhere(layout)}.`;
}

function* longSummarySteps(layout: Layout, columns: readonly ColumnMapping[], meter: StepMeter): Steps<string> {
  const col = (role: Role) => columns.find((c) => c.role === role)?.index;
  const places = new Set<string>();
  for (const c of [col("origin"), col("destination")]) {
    if (c === undefined) continue;
    for (const key of (yield* keyColumnSteps(layout, c, meter)).keys) places.add(key);
  }
  places.delete("");
  const periods = yield* periodCountSteps(layout, columns, meter);
  return `Long list: ${plural(layout.rows.length, "flow")} between ${plural(places.size, "region")}${periods}, ${headerWhere(layout)}.`;
}

/** ", 7 periods" when a year or period column is mapped (distinct filled cells, as the report groups them). */
function* periodCountSteps(layout: Layout, columns: readonly ColumnMapping[], meter: StepMeter): Steps<string> {
  const c = columns.find((x) => x.role === "year")?.index;
  return c === undefined ? "" : `, ${plural(yield* distinctCountSteps(layout, c, meter), "period")}`;
}

function matrixSentences(layout: Layout, fit: MatrixFit): string[] {
  const { block, frame } = layout;
  const where = [fit.row ? `row ${sheetRow(block, frame.start)}` : "", fit.column ? `column ${columnLetters(block.left + frame.left)}` : ""].filter((s) => s !== "");
  const labels = where.length ? `with labels in ${where.join(" and ")}` : "without labels (regions are numbered)";
  const corner = fit.row && fit.column ? cellAt(block, frame.start, frame.left) : null;
  const out = [`Matrix: ${fit.n} × ${fit.n} flows ${labels}; rows are origins, columns destinations${isBlank(corner) ? "" : ` (the corner ${quoted(corner)} is ignored)`}.`];
  if (fit.row && fit.column) {
    if (fit.sameOrder) out.push(`Row and column labels name the same ${fit.n} regions in the same order.`);
    else if (fit.overlap >= 0.5) out.push("Row and column labels name mostly the same regions but not in the same order: each row is paired with the column of the same label.");
    else out.push("Row and column labels differ: check that the matrix is origin × destination.");
  }
  out.push("Blank cells are read as no flow (0); the diagonal is kept as given and ignored by the measures.");
  return out;
}

export function* finishSteps(layout: Layout, shape: Shape, columns: ColumnMapping[], user: UserChoices, meter: StepMeter): Steps<Detection> {
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

export function* detectAsSteps(layout: Layout, shape: Shape, user: UserChoices, meter: StepMeter): Steps<Detection> {
  if (shape === "matrix" && !layout.matrix) {
    const { frame } = layout;
    throw new Error(`The block is not a square matrix: it has ${frame.bottom - frame.start + 1} rows and ${frame.right - frame.left + 1} columns, and no labels make the numbers square.`);
  }
  if (shape !== "matrix" && layout.rows.length === 0) throw new Error(`There are no data rows below the header: ${HOW_TO_SELECT}.`);
  return yield* finishSteps(layout, shape, shape === "matrix" ? [] : mapColumns(layout, shape), user, meter);
}
