/**
 * Note rows of a country table: lines publishers put under a table (or, more rarely, inside it)
 * that say where the numbers come from or how to read them: "Source: World Bank WDI, 2023",
 * "Note: figures for 2022 are provisional", "* Provisional", "Data from database: World
 * Development Indicators". They hold text and no number, so read as a country their measures
 * would be #N/A. A country whose numbers are all missing is not one: only text that reads as a
 * note is, and inside the table only when it says so in its first word ("Source:", "Note:") or
 * starts with a footnote mark.
 */
import { cellKind } from "../cells/kind";
import type { AggregateReason } from "./aggregates";
import type { CellValue, SourceBlock } from "./types";

/** A note's first word(s), followed by a colon, a dash or a full stop ("Source:", "Notes -", "Last updated:"). */
const NOTE_WORDS =
  /^(sources?|notes?|footnotes?|data sources?|data from( database)?|last updated( date)?|prepared by|compiled by|retrieved|citation|cite as|suggested citation|explanatory notes?|remarks?|symbols?|legend|definitions?|disclaimer|copyright|©)\s*(:|-|–|—|\.)/i;

/** A footnote mark opening a line: "*", "†", "(a)", "a)", "1)", "[1]", "1." followed by words. */
const FOOTNOTE_MARK = /^(\*+|†|‡|§|\([a-z0-9]\)|[a-z0-9]\)|\[[a-z0-9]+\]|\d{1,2}\.)\s*\p{L}/iu;

export const NOTE_REASON: AggregateReason = { kind: "note", why: "a note or source line under the table (text and no number)" };

/** Whether `v`, the first cell of a row without numbers, reads as a note: `trailing` rows (under the table's last number) may also be a sentence. */
export function readsAsNote(v: CellValue, trailing: boolean): boolean {
  if (typeof v !== "string") return false;
  const t = v.trim();
  if (t === "") return false;
  if (NOTE_WORDS.test(t) || FOOTNOTE_MARK.test(t)) return true;
  if (!trailing) return false;
  // A sentence: ten words or more, or four or more ending in a full stop after a word (not an
  // abbreviation). Official country names run to eight words ("United Kingdom of Great Britain
  // and Northern Ireland") and end in abbreviations at most ("Korea, Dem. People's Rep.").
  const words = t.split(/\s+/);
  return words.length >= 10 || (words.length >= 4 && /\p{L}{4,}\.$/u.test(t));
}

/**
 * The block rows among `rows` (a table's data rows, in order) that are notes: every cell in
 * `numberColumns` blank, and the row's first filled cell (from `left`) reading as a note.
 * Rows under the last row holding a number are trailing; above it only a note that says so.
 */
export function noteRows(block: SourceBlock, rows: readonly number[], left: number, numberColumns: readonly number[]): Set<number> {
  const out = new Set<number>();
  if (numberColumns.length === 0) return out;
  const blank = (r: number) => numberColumns.every((c) => cellKind(block.values[r]?.[c] ?? null) === "blank");
  let lastWithNumbers = -1;
  for (const r of rows) if (!blank(r)) lastWithNumbers = r;
  if (lastWithNumbers < 0) return out; // no number at all: the report says so; nothing is a note by position
  for (const r of rows) {
    if (!blank(r)) continue;
    const line = block.values[r] ?? [];
    let first: CellValue = null;
    for (let c = left; c < line.length; c++) {
      if (cellKind(line[c] ?? null) !== "blank") {
        first = line[c] ?? null;
        break;
      }
    }
    if (readsAsNote(first, r > lastWithNumbers)) out.add(r);
  }
  return out;
}
