/**
 * The rows of a country table or long list that are totals or aggregates (./aggregates): a
 * region, code, origin or destination such as "World", "Euro area", TOTAL, EU27_2020 or a UN
 * location code of 900 or more; and a table's note and source lines (./note-rows). They are
 * left out of the regions, each named.
 */
import { quoteText } from "../indicators/quote";
import { cell } from "./address";
import { aggregateCodeReason, aggregateReason, AggregateReason } from "./aggregates";
import { cellKind } from "../cells/kind";
import { cellAt, frameOf, Geometry, readGeometry } from "./dataset";
import { NOTE_REASON, noteRows } from "./note-rows";
import type { Detection, SourceBlock } from "./types";

/** A row left out, as data: for the task pane's list (in its language) and its "keep" boxes. */
export interface AggregateRow {
  /** Block row. */
  readonly row: number;
  /** A1 address of the cell that marks it (its region, code, origin or destination). */
  readonly address: string;
  /** The value that marks it. */
  readonly label: string;
  /** The row's region (a table's region, else the value that marks it), to name the row by. */
  readonly name: string;
  readonly role: "region" | "code" | "origin" | "destination";
  readonly reason: AggregateReason;
}

export interface AggregateRows {
  /** Block rows left out. */
  readonly rows: ReadonlySet<number>;
  /** The rows left out as data (the first 200), in order. */
  readonly items: readonly AggregateRow[];
  /** Rows that look like totals or aggregates and are kept because the user said so (Detection.keepRows). */
  readonly kept: readonly AggregateRow[];
  /** One sentence per row left out (the first 200), naming its cell. */
  readonly notes: readonly string[];
  /** Rows left out in all. */
  readonly count: number;
}

const MAX_NOTES = 200;

/** The aggregate rows of a detected table or long list; none for a matrix (./matrix-block). */
export function aggregateRows(block: SourceBlock, detection: Detection, read?: Geometry): AggregateRows {
  const rows = new Set<number>();
  const notes: string[] = [];
  const items: AggregateRow[] = [];
  const kept: AggregateRow[] = [];
  const none = { rows, items, kept, notes, count: 0 };
  if (detection.shape === "matrix") return none;
  let data: Geometry;
  try {
    data = read ?? readGeometry(block, detection);
  } catch {
    return none; // a mapping that cannot be read: the report says why when it is built
  }
  if (data.shape === "matrix") return none;
  const keep = new Set(detection.keepRows ?? []);
  const checks: { col: number; what: "region" | "code" | "origin" | "destination"; reason: (v: unknown) => AggregateReason | undefined }[] = [];
  const ci = data.columnIndex as Partial<Record<string, number>>;
  const add = (role: string, what: "region" | "code" | "origin" | "destination", reason: (v: unknown) => AggregateReason | undefined) => {
    if (ci[role] !== undefined) checks.push({ col: ci[role] as number, what, reason });
  };
  const byName = (v: unknown) => (typeof v === "string" ? aggregateReason(v) : undefined);
  const byCode = (v: unknown) => (typeof v === "string" || typeof v === "number" ? aggregateCodeReason(v) : undefined);
  if (data.shape === "table") {
    add("region", "region", byName);
    add("code", "code", unM49Codes(block, data.rowIndex, ci.code) ? byCode : byName);
  } else {
    add("origin", "origin", byName);
    add("destination", "destination", byName);
  }
  // note and source lines under a table ("Source: …", "Note: …") are not countries either
  const frame = frameOf(block);
  const measureColumns = Object.entries(ci)
    .filter(([role, c]) => c !== undefined && !LABEL_ROLES.has(role))
    .map(([, c]) => c as number);
  const notesAt = data.shape === "table" && frame ? noteRows(block, data.rowIndex, frame.left, measureColumns) : new Set<number>();
  for (const r of data.rowIndex) {
    if (notesAt.has(r)) {
      const first = firstFilled(block, r, frame?.left ?? 0);
      const v = cellAt(block, r, first);
      const item: AggregateRow = { row: r, address: cell(block.top + r, block.left + first), label: String(v), name: String(v), role: "region", reason: NOTE_REASON };
      if (keep.has(r)) {
        if (kept.length < MAX_NOTES) kept.push(item);
        continue;
      }
      rows.add(r);
      if (items.length < MAX_NOTES) items.push(item);
      if (notes.length < MAX_NOTES) notes.push(`Row ${block.top + r + 1} (${item.address} ${quoteText(v, "'")}) is left out: it is ${NOTE_REASON.why}, not a region`);
      continue;
    }
    for (const k of checks) {
      const v = cellAt(block, r, k.col);
      const why = k.reason(v);
      if (!why) continue;
      const region = ci.region !== undefined ? cellAt(block, r, ci.region) : null;
      const name = region !== null && region !== "" ? String(region) : String(v);
      const item: AggregateRow = { row: r, address: cell(block.top + r, block.left + k.col), label: String(v), name, role: k.what, reason: why };
      if (keep.has(r)) {
        if (kept.length < MAX_NOTES) kept.push(item);
        break;
      }
      rows.add(r);
      if (items.length < MAX_NOTES) items.push(item);
      if (notes.length < MAX_NOTES) notes.push(`Row ${block.top + r + 1} (${cell(block.top + r, block.left + k.col)} ${quoteText(v, "'")}) is left out: its ${k.what} is ${why.why}, not a region`);
      break;
    }
  }
  return { rows, items, kept, notes, count: rows.size };
}

/** Roles that name or place a row; the others hold its numbers. */
const LABEL_ROLES = new Set(["region", "code", "year", "group"]);

/** The block column of the first filled cell of row `r`, from `left`. */
function firstFilled(block: SourceBlock, r: number, left: number): number {
  const line = block.values[r] ?? [];
  for (let c = left; c < line.length; c++) if (cellKind(line[c] ?? null) !== "blank") return c;
  return left;
}

/**
 * Whether a code column holds UN M49 location codes, so that 900 and above mark aggregates:
 * numbers below 2,100 (the largest M49 group codes are near 2,000), most of them countries
 * (below 900). Other numeric codes (a register's ids) are not judged by size.
 */
function unM49Codes(block: SourceBlock, rows: readonly number[], col: number | undefined): boolean {
  if (col === undefined) return false;
  let countries = 0;
  let numbers = 0;
  for (const r of rows) {
    const v = cellAt(block, r, col);
    const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : undefined;
    if (n === undefined) continue;
    if (!Number.isInteger(n) || n < 0 || n >= 2100) return false;
    numbers++;
    if (n < 900) countries++;
  }
  return numbers > 0 && countries * 2 > numbers;
}
