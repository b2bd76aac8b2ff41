import { columnLetters } from "./address";
import { cellAt, isBlank } from "./dataset";
import { isRateRole, matchHeader, normalizeHeader } from "./roles";
import { StepMeter, Steps } from "./steps";
import { ColumnMapping, Detection, Role, Shape } from "./types";
import { Layout, MatrixFit, keyColumnSteps } from "./detect-layout";
import { longConfidence, matchesIn, matrixConfidence, tableConfidence } from "./detect-shape";
import { mapColumns, round2 } from "./detect-mapping";
import { MAX_PROBLEMS, ProblemList, problemsSteps, sheetRow } from "./detect-problems";
import { BeatenColumn, MappedHow, Reason, ReasonColumn, reason } from "./reason";
import { ReportRefusal } from "./refusal";

/** What detection found and why, as coded reasons (./reason.ts), and its confidence. */

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

function howMapped(shape: Shape, c: ColumnMapping, user: UserChoices): MappedHow {
  if (user.roles.get(c.index) === c.role) return { kind: "user" };
  const m = matchesIn(shape, c.header).find((x) => x.role === c.role);
  if (!m) return c.role === "year" ? { kind: "periods" } : { kind: "content" };
  const direct = matchHeader(c.header).find((x) => x.role === c.role);
  if (!direct) return { kind: "asRegion", named: matchHeader(c.header)[0]?.role ?? "origin" };
  return { kind: m.kind };
}

const letter = (layout: Layout, c: ColumnMapping) => columnLetters(layout.block.left + c.index);
const named = (layout: Layout, c: ColumnMapping): ReasonColumn => ({ column: letter(layout, c), header: c.header });

function mappedReason(layout: Layout, shape: Shape, columns: readonly ColumnMapping[], user: UserChoices): Reason {
  const mapped = columns.filter((c) => c.role !== null);
  if (mapped.length === 0) return reason("nothingMapped", {});
  return reason("mapped", { columns: mapped.map((c) => ({ ...named(layout, c), role: c.role!, how: howMapped(shape, c, user) })) });
}

/** Why each unmapped column is left out: the user reads this when a column is missing. */
function unmappedReasons(layout: Layout, shape: Shape, columns: readonly ColumnMapping[], user: UserChoices): Reason[] {
  const empty: ReasonColumn[] = [];
  const shares: ReasonColumn[] = [];
  const unknown: ReasonColumn[] = [];
  const beaten: BeatenColumn[] = [];
  for (const c of columns) {
    if (c.role !== null) continue;
    const name = named(layout, c);
    const p = layout.profiles.get(c.index);
    const could = matchesIn(shape, c.header)[0];
    if (p && p.filled === p.markers) empty.push(name);
    else if (could && user.cleared.has(could.role) && !columns.some((x) => x.role === could.role)) beaten.push({ ...name, role: could.role, kind: "cleared" });
    else if (could) {
      const winner = columns.find((x) => x.role === could.role);
      beaten.push({ ...name, role: could.role, kind: "beaten", ...(winner ? { winner: named(layout, winner) } : {}) });
    } else if (normalizeHeader(c.header).share) shares.push(name);
    else unknown.push(name);
  }
  const out: Reason[] = [];
  if (beaten.length) out.push(reason("beaten", { columns: beaten }));
  if (shares.length) out.push(reason("notUsed", { why: "share", columns: shares }));
  if (empty.length) out.push(reason("notUsed", { why: "empty", columns: empty }));
  if (unknown.length) out.push(reason("notUsed", { why: "unknown", columns: unknown }));
  return out;
}

/** Rates are fractions; a rate column above 1 is probably in percent. */
function percentReasons(layout: Layout, columns: readonly ColumnMapping[]): Reason[] {
  return columns
    .filter((c) => c.role !== null && isRateRole(c.role) && (layout.profiles.get(c.index)?.max ?? 0) > 1)
    .map((c) => reason("percentValues", { ...named(layout, c), max: layout.profiles.get(c.index)!.max }));
}

function problemsReason(list: ProblemList): Reason {
  const byKind = [...list.byKind].map(([kind, count]) => ({ kind, count }));
  return reason("problems", { total: list.total, byKind, ...(list.total > MAX_PROBLEMS ? { listed: MAX_PROBLEMS } : {}) });
}

/** Distinct labels (labelKey) of a column in the data rows, blanks not counted. */
function* distinctCountSteps(layout: Layout, c: number | undefined, meter: StepMeter): Steps<number> {
  if (c === undefined) return 0;
  const column = yield* keyColumnSteps(layout, c, meter);
  return column.keys.length - (column.blank >= 0 ? 1 : 0);
}

const headerRowOf = (layout: Layout): number | null => (layout.headerRow >= 0 ? sheetRow(layout.block, layout.headerRow) : null);

function* tableSummarySteps(layout: Layout, columns: readonly ColumnMapping[], meter: StepMeter): Steps<Reason> {
  const regionCol = columns.find((c) => c.role === "region")?.index;
  const regions = regionCol === undefined ? undefined : yield* distinctCountSteps(layout, regionCol, meter);
  const periods = yield* periodCountSteps(layout, columns, meter);
  return reason("table", { rows: layout.rows.length, ...(regions !== undefined ? { regions } : {}), ...(periods !== undefined ? { periods } : {}), headerRow: headerRowOf(layout) });
}

function* longSummarySteps(layout: Layout, columns: readonly ColumnMapping[], meter: StepMeter): Steps<Reason> {
  const col = (role: Role) => columns.find((c) => c.role === role)?.index;
  const places = new Set<string>();
  for (const c of [col("origin"), col("destination")]) {
    if (c === undefined) continue;
    for (const key of (yield* keyColumnSteps(layout, c, meter)).keys) places.add(key);
  }
  places.delete("");
  const periods = yield* periodCountSteps(layout, columns, meter);
  return reason("long", { flows: layout.rows.length, regions: places.size, ...(periods !== undefined ? { periods } : {}), headerRow: headerRowOf(layout) });
}

/** The distinct periods when a year or period column is mapped (distinct filled cells, as the report groups them). */
function* periodCountSteps(layout: Layout, columns: readonly ColumnMapping[], meter: StepMeter): Steps<number | undefined> {
  const c = columns.find((x) => x.role === "year")?.index;
  return c === undefined ? undefined : yield* distinctCountSteps(layout, c, meter);
}

function matrixReasons(layout: Layout, fit: MatrixFit): Reason[] {
  const { block, frame } = layout;
  const corner = fit.row && fit.column ? cellAt(block, frame.start, frame.left) : null;
  const out = [
    reason("matrix", {
      n: fit.n,
      ...(fit.row ? { labelRow: sheetRow(block, frame.start) } : {}),
      ...(fit.column ? { labelColumn: columnLetters(block.left + frame.left) } : {}),
      ...(isBlank(corner) ? {} : { corner: String(corner) }),
    }),
  ];
  if (fit.row && fit.column) out.push(reason("matrixLabelOrder", { n: fit.n, order: fit.sameOrder ? "same" : fit.overlap >= 0.5 ? "reordered" : "different" }));
  out.push(reason("matrixBlanks", {}));
  return out;
}

export function* finishSteps(layout: Layout, shape: Shape, columns: ColumnMapping[], user: UserChoices, meter: StepMeter): Steps<Detection> {
  const fit = shape === "matrix" ? layout.matrix : undefined;
  const list = yield* problemsSteps(layout, shape, columns, fit, meter);
  const reasons: Reason[] = [];
  if (fit) reasons.push(...matrixReasons(layout, fit));
  else {
    reasons.push(shape === "long" ? yield* longSummarySteps(layout, columns, meter) : yield* tableSummarySteps(layout, columns, meter));
    reasons.push(mappedReason(layout, shape, columns, user), ...unmappedReasons(layout, shape, columns, user), ...percentReasons(layout, columns));
  }
  if (user.shape) reasons.push(reason("shapeByUser", { shape }));
  reasons.push(problemsReason(list));
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
    throw new ReportRefusal("notSquare", { rows: frame.bottom - frame.start + 1, columns: frame.right - frame.left + 1 });
  }
  if (shape !== "matrix" && layout.rows.length === 0) throw new ReportRefusal("noDataRows", {});
  return yield* finishSteps(layout, shape, shape === "matrix" ? [] : mapColumns(layout, shape), user, meter);
}
