import { isRole, normalizeHeader, ROLES, rolesOf } from "./roles";
import { AsyncStepsOptions, runSteps, runStepsAsync, StepMeter, Steps } from "./steps";
import { ColumnMapping, Detection, Overrides, Role, Shape, SourceBlock } from "./types";
import { layoutSteps } from "./detect-layout";
import { chooseShape } from "./detect-shape";
import { ReportRefusal } from "./refusal";
import { NO_CHOICES, detectAsSteps, finishSteps } from "./detect-reasons";

/**
 * Reading the input: decide which of the three shapes a block of cells is, map its columns to
 * roles by header name, and list what is wrong in the cells the report will use. Everything is
 * said in sentences a user reads in the task pane or the CLI. The work is done by
 * detect-layout.ts (frame, header, column profiles, matrix fit, label keys), detect-shape.ts,
 * detect-mapping.ts, detect-problems.ts and detect-reasons.ts; this module is the API and the
 * user's overrides.
 */

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
  if (shape === "matrix") throw new ReportRefusal("matrixNoColumns", {});
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
  if (!isRole(name)) throw new ReportRefusal("unknownRole", { role: name, roles: ROLES });
  if (!rolesOf(shape).includes(name)) throw new ReportRefusal("roleNotInShape", { shape, role: name, roles: rolesOf(shape) });
  return name;
}

function available(columns: readonly ColumnMapping[]): { readonly header: string; readonly index: number }[] {
  return columns.map((c) => ({ header: c.header, index: c.index }));
}

/** Position in `columns` of a header name (exact, then loosely) or a 0-based block column. */
function findColumn(columns: readonly ColumnMapping[], target: string | number): number {
  if (typeof target === "number") {
    const i = columns.findIndex((c) => c.index === target);
    if (i < 0) throw new ReportRefusal("noColumn", { column: target, headers: available(columns) });
    return i;
  }
  const exact = columns.filter((c) => c.header.trim() === target.trim());
  const loose = exact.length ? exact : columns.filter((c) => c.header !== "" && normalizeHeader(c.header).key === normalizeHeader(target).key);
  if (loose.length > 1) throw new ReportRefusal("ambiguousColumn", { column: target, indexes: loose.map((c) => c.index), headers: available(columns) });
  if (loose.length === 1) return columns.indexOf(loose[0]);
  if (/^\d+$/.test(target.trim())) return findColumn(columns, Number(target));
  throw new ReportRefusal("noColumn", { column: target, headers: available(columns) });
}

