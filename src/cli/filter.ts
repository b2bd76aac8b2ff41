/**
 * --filter COLUMN=VALUE: keeps the header and the rows whose cell in COLUMN holds VALUE, so a
 * download with breakdowns (sex T/M/F, several indicators) gives one row per pair. The rows
 * kept are copied into a new block in their order; the provenance says which were kept.
 */
import { columnIndex, columnLetters } from "../report/address";
import type { CellValue, SourceBlock } from "../report/types";
import type { Lang } from "../messages/lang";
import { CliError, EXIT } from "./errors";

/** The filter's messages, in English and Ukrainian. */
const WORDS: Record<Lang, { noColumn: (column: string, headers: string) => string; noValue: (column: string, value: string, letter: string, seen: string) => string; noCombination: (what: string) => string; and: string }> = {
  en: {
    noColumn: (c, h) => `--filter: no column '${c}' (headers: ${h})`,
    noValue: (c, v, l, seen) => `--filter: no row has ${c} = '${v}' (column ${l} holds ${seen})`,
    noCombination: (what) => `--filter: no row has ${what} together`,
    and: " and ",
  },
  uk: {
    noColumn: (c, h) => `--filter: немає стовпця '${c}' (заголовки: ${h})`,
    noValue: (c, v, l, seen) => `--filter: жоден рядок не має ${c} = '${v}' (у стовпці ${l}: ${seen})`,
    noCombination: (what) => `--filter: жоден рядок не має водночас ${what}`,
    and: " і ",
  },
};

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());
const norm = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/** The header row: the first of the top rows holding every filtered column's name (or the first non-blank row). */
function headerRowFor(block: SourceBlock, names: readonly string[]): number {
  const top = Math.min(block.values.length, 30);
  for (let r = 0; r < top; r++) {
    const row = block.values[r].map((v) => norm(text(v)));
    if (names.every((n) => row.includes(norm(n)) || /^[A-Za-z]{1,3}$/.test(n))) {
      if (names.some((n) => row.includes(norm(n)))) return r;
    }
  }
  return block.values.findIndex((row) => row.some((v) => text(v) !== ""));
}

export function filterRows(block: SourceBlock, filters: ReadonlyArray<{ readonly column: string; readonly value: string }>, lang: Lang = "en"): SourceBlock {
  const w = WORDS[lang];
  const header = headerRowFor(block, filters.map((f) => f.column));
  const headers = (block.values[header] ?? []).map((v) => text(v));
  const cols = filters.map((f) => {
    const byName = headers.findIndex((h) => norm(h) === norm(f.column));
    if (byName >= 0) return byName;
    if (/^[A-Za-z]{1,3}$/.test(f.column)) {
      const c = columnIndex(f.column) - block.left;
      if (c >= 0 && c < headers.length) return c;
    }
    throw new CliError(EXIT.usage, w.noColumn(f.column, headers.filter((h) => h !== "").map((h) => `'${h}'`).join(", ")));
  });
  const kept = block.values.filter((row, r) => r <= header || filters.every((f, k) => text(row[cols[k]]) === f.value));
  if (kept.length === header + 1) {
    // name the filter that matches no row by itself; when each matches some, their combination
    const data = block.values.slice(header + 1);
    const k = filters.findIndex((f, i) => !data.some((row) => text(row[cols[i]]) === f.value));
    if (k < 0) throw new CliError(EXIT.undetectable, w.noCombination(filters.map((f) => `${f.column} = '${f.value}'`).join(w.and)));
    const seen = [...new Set(data.map((row) => text(row[cols[k]])))].slice(0, 12);
    throw new CliError(EXIT.undetectable, w.noValue(filters[k].column, filters[k].value, columnLetters(block.left + cols[k]), seen.map((v) => `'${v}'`).join(", ")));
  }
  const what = filters.map((f, k) => `${headers[cols[k]] || columnLetters(block.left + cols[k])} = ${f.value}`).join(" and ");
  return { ...block, values: kept, provenance: `${block.provenance}, rows where ${what}` };
}
