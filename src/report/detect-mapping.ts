import { normalizeHeader } from "./roles";
import { CellValue, ColumnMapping, Role, Shape } from "./types";
import { Layout, contentFit, isNumericColumn, isTextColumn } from "./detect-layout";
import { columnsOf, matchesIn, textPair } from "./detect-shape";

/** Mapping a table's or list's columns to roles: by header name first, then by content. */
// ---------------------------------------------------------------------------------------------
// Mapping columns to roles

interface Candidate {
  readonly c: number;
  readonly role: Role;
  readonly score: number;
}

export const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * One column per role, one role per column: candidates (name score × content fit) are taken
 * best first, so "alpha3" (text codes) wins code over "country_code" (numbers) and a column
 * that loses its best role may still take its next one.
 */
export function mapColumns(layout: Layout, shape: Shape): ColumnMapping[] {
  const cols = columnsOf(layout);
  const candidates: Candidate[] = cols.flatMap((c) =>
    matchesIn(shape, layout.headers.get(c) ?? null).map((m) => ({ c, role: m.role, score: round2(m.score * contentFit(m.role, layout.profiles.get(c)!)) })),
  );
  candidates.sort((a, b) => b.score - a.score || a.c - b.c);
  const roleOf = new Map<number, { role: Role; confidence: number }>();
  const taken = new Set<Role>();
  for (const k of candidates) {
    if (k.score <= 0 || taken.has(k.role) || roleOf.has(k.c)) continue;
    roleOf.set(k.c, { role: k.role, confidence: k.score });
    taken.add(k.role);
  }
  guessFromContent(layout, shape, roleOf, taken);
  return cols.map((c) => {
    const found = roleOf.get(c);
    return { index: c, header: headerText(layout.headers.get(c) ?? null), role: found?.role ?? null, confidence: found?.confidence ?? 0 };
  });
}

const headerText = (v: CellValue) => (v === null ? "" : String(v));

/** Fills roles a table or list cannot do without from content alone, at low confidence. */
function guessFromContent(layout: Layout, shape: Shape, roleOf: Map<number, { role: Role; confidence: number }>, taken: Set<Role>): void {
  const free = columnsOf(layout).filter((c) => !roleOf.has(c));
  const give = (c: number | undefined, role: Role) => {
    if (c === undefined || taken.has(role)) return;
    roleOf.set(c, { role, confidence: 0.5 });
    taken.add(role);
    free.splice(free.indexOf(c), 1);
  };
  const textCols = () => free.filter((c) => isTextColumn(layout.profiles.get(c)!));
  if (shape === "table") give(textCols()[0], "region");
  if (shape !== "long") return;
  const pair = textPair(layout);
  if (pair && !taken.has("origin") && !taken.has("destination") && free.includes(pair[0]) && free.includes(pair[1])) {
    give(pair[0], "origin");
    give(pair[1], "destination");
  }
  give(textCols()[0], "origin");
  give(textCols()[0], "destination");
  const flowLike = (c: number) => isNumericColumn(layout.profiles.get(c)!) && contentFit("year", layout.profiles.get(c)!) < 1 && !normalizeHeader(layout.headers.get(c) ?? null).share;
  const numeric = free.filter(flowLike);
  // Guessed only when it is the one numeric column left: with two ("Participants" and "Average
  // duration"), a guess can report the wrong one, so the user names it (--map flow=…).
  if (numeric.length === 1) give(numeric[0], "flow");
}
