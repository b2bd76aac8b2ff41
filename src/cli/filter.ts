/**
 * --filter COLUMN=VALUE: keeps the header and the rows whose cell in COLUMN holds VALUE, so a
 * download with breakdowns (sex T/M/F, several indicators) gives one row per pair. The rows
 * kept are copied into a new block in their order; the provenance says which were kept.
 */
import { columnIndex, columnLetters } from "../report/address";
import type { CellValue, SourceBlock } from "../report/types";
import { CliError, EXIT } from "./errors";

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

export function filterRows(block: SourceBlock, filters: ReadonlyArray<{ readonly column: string; readonly value: string }>): SourceBlock {
  const header = headerRowFor(block, filters.map((f) => f.column));
  const headers = (block.values[header] ?? []).map((v) => text(v));
  const cols = filters.map((f) => {
    const byName = headers.findIndex((h) => norm(h) === norm(f.column));
    if (byName >= 0) return byName;
    if (/^[A-Za-z]{1,3}$/.test(f.column)) {
      const c = columnIndex(f.column) - block.left;
      if (c >= 0 && c < headers.length) return c;
    }
    throw new CliError(EXIT.usage, `--filter: no column '${f.column}' (headers: ${headers.filter((h) => h !== "").map((h) => `'${h}'`).join(", ")})`);
  });
  const kept = block.values.filter((row, r) => r <= header || filters.every((f, k) => text(row[cols[k]]) === f.value));
  if (kept.length === header + 1) {
    // name the filter that matches no row by itself; when each matches some, their combination
    const data = block.values.slice(header + 1);
    const k = filters.findIndex((f, i) => !data.some((row) => text(row[cols[i]]) === f.value));
    if (k < 0) throw new CliError(EXIT.undetectable, `--filter: no row has ${filters.map((f) => `${f.column} = '${f.value}'`).join(" and ")} together`);
    const seen = [...new Set(data.map((row) => text(row[cols[k]])))].slice(0, 12);
    throw new CliError(EXIT.undetectable, `--filter: no row has ${filters[k].column} = '${filters[k].value}' (column ${columnLetters(block.left + cols[k])} holds ${seen.map((v) => `'${v}'`).join(", ")})`);
  }
  const what = filters.map((f, k) => `${headers[cols[k]] || columnLetters(block.left + cols[k])} = ${f.value}`).join(" and ");
  return { ...block, values: kept, provenance: `${block.provenance}, rows where ${what}` };
}
