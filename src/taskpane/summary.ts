/**
 * What the pane says about a detection beside its reasons (worded by src/messages/reasons.ts):
 * the block's size, the columns' names, the problems grouped by kind with their cells (each
 * worded from its code by src/messages/problems.ts), and how sure the detection is.
 */
import { columnLetters } from "../report/address";
import { MAX_PROBLEMS } from "../report/detect-problems";
import type { ColumnMapping, DataProblem, SourceBlock } from "../report/types";
import type { ProblemKind } from "./i18n";

/** "C" and "'fb'": how the pane names a column of the block (letters as on the source sheet). */
export function columnName(block: SourceBlock, c: ColumnMapping): { letters: string; header: string } {
  return { letters: columnLetters(block.left + c.index), header: c.header.trim() };
}

/** Problems grouped by kind, in the order kinds first appear. */
export function problemGroups(problems: readonly DataProblem[]): { kind: ProblemKind; items: DataProblem[] }[] {
  const groups = new Map<ProblemKind, DataProblem[]>();
  for (const p of problems) {
    const list = groups.get(p.kind) ?? [];
    list.push(p);
    groups.set(p.kind, list);
  }
  return [...groups].map(([kind, items]) => ({ kind, items }));
}

/** Whether the engine stopped listing problems (it lists at most MAX_PROBLEMS). */
export function problemsCapped(problems: readonly DataProblem[]): boolean {
  return problems.length >= MAX_PROBLEMS;
}

export function confidenceLevel(confidence: number): "high" | "medium" | "low" {
  return confidence >= 0.8 ? "high" : confidence >= 0.5 ? "medium" : "low";
}

/** Rows and columns of the block that hold data (for the "Read … rows" line). */
export function blockSize(block: SourceBlock): { rows: number; columns: number } {
  return { rows: block.values.length, columns: block.values.reduce((m, r) => Math.max(m, r.length), 0) };
}
