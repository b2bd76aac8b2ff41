/**
 * What the pane says about a detection, worked out from its structure rather than from the
 * engine's English sentences, so that it reads the same in every language: the block's size,
 * the mapped and unused columns, the problems grouped by kind with their cells (each problem is
 * worded from its code by src/messages/problems.ts).
 */
import { columnLetters } from "../report/address";
import { dataRows, frameOf, matrixArea } from "../report/dataset";
import { MAX_PROBLEMS } from "../report/detect-problems";
import type { ColumnMapping, DataProblem, Detection, SourceBlock } from "../report/types";
import { formatNumber, ProblemKind, strings } from "./i18n";

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

/**
 * Sentences on what was detected, in Ukrainian (English uses the engine's own reasons, which
 * say more). Built from counts and the mapping, never from the engine's English text.
 */
export function reasonsUk(block: SourceBlock, detection: Detection): string[] {
  const s = strings("uk");
  const n = (x: number) => formatNumber(x, "uk");
  const frame = frameOf(block);
  const out: string[] = [];
  if (!frame) return out;
  if (detection.shape === "matrix") {
    const area = matrixArea(frame, detection);
    const labels = detection.matrixLabels ?? { row: false, column: false };
    const where = [labels.row ? `у рядку ${block.top + detection.headerRow + 1}` : "", labels.column ? `у стовпці ${columnLetters(block.left + frame.left)}` : ""].filter(Boolean).join(" і ");
    out.push(`Матриця ${n(area.n)} × ${n(area.n)} потоків${where ? `, підписи ${where}` : ", без підписів"}; рядки — звідки, стовпці — куди.`);
    out.push("Порожні клітинки вважаються відсутнім потоком (0); діагональ не враховується.");
  } else {
    const rows = dataRows(block, frame, detection.headerRow).length;
    const header = detection.headerRow >= 0 ? `, заголовок у рядку ${block.top + detection.headerRow + 1}` : ", без заголовка";
    out.push(`${detection.shape === "long" ? "Довгий список" : "Таблиця"}: ${n(rows)} рядків даних${header}.`);
    const mapped = detection.columns.filter((c) => c.role !== null);
    if (mapped.length > 0) out.push(`Зіставлено: ${mapped.map((c) => `${label(block, c)} → ${s.roleNames[c.role!]}`).join("; ")}.`);
    const unused = detection.columns.filter((c) => c.role === null);
    if (unused.length > 0) out.push(`Не використовується: ${unused.map((c) => label(block, c)).join(", ")}.`);
  }
  const count = detection.problems.length;
  out.push(count === 0 ? "У клітинках, які використовує звіт, проблем не знайдено." : `Проблем у клітинках: ${n(count)}${problemsCapped(detection.problems) ? " або більше" : ""} — див. нижче.`);
  return out;
}

function label(block: SourceBlock, c: ColumnMapping): string {
  const { letters, header } = columnName(block, c);
  return header ? `«${header}» (${letters})` : letters;
}
