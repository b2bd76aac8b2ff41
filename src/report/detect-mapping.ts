import { periodsIn } from "../cells/period";
import { normalizeHeader } from "./roles";
import { CellValue, ColumnMapping, Role, Shape } from "./types";
import { Layout, contentFit, isNumericColumn, isTextColumn } from "./detect-layout";
import { columnsOf, matchesIn, textPair } from "./detect-shape";
import { sdmxFlowColumns } from "./sdmx";

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
  const give = (c: number | undefined, role: Role, confidence = 0.5) => {
    if (c === undefined || taken.has(role)) return;
    roleOf.set(c, { role, confidence });
    taken.add(role);
    free.splice(free.indexOf(c), 1);
  };
  const textCols = () => free.filter((c) => isTextColumn(layout.profiles.get(c)!));
  if (shape === "table") give(textCols()[0], "region");
  if (shape === "matrix") return;
  give(
    free.find((c) => isTimeByValues(layout, c)),
    "year",
    TIME_BY_VALUES,
  );
  if (shape !== "long") return;
  // an SDMX-CSV download of a known data set says which country column is the origin (./sdmx)
  const sdmx = sdmxFlowColumns(layout);
  if (sdmx && !taken.has("origin") && !taken.has("destination") && free.includes(sdmx.origin) && free.includes(sdmx.destination)) {
    give(sdmx.origin, "origin", SDMX_DEFINED);
    give(sdmx.destination, "destination", SDMX_DEFINED);
  }
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

/** Confidence in origin and destination columns known from an SDMX-CSV data set's definition. */
const SDMX_DEFINED = 0.9;

/** Confidence in a time column found by its values: they are periods, but the header says nothing. */
const TIME_BY_VALUES = 0.8;

/**
 * A column whose header names no role is the time column when its values say so: every filled
 * cell is a period (a whole year from 1800 to 2200, "1990-1995", "2012/13"; cells/period.ts),
 * there are at least two periods, and every period is on two rows or more, as a panel repeats
 * each period for each country or pair. A column of counts that happen to lie between 1800 and
 * 2200 is not taken: counts of people are seldom all whole numbers repeated row after row, and
 * one that appears once (or a decimal) rules the column out. The years in a header row
 * (UN DESA's wide tables) are headers, not a column, and are found elsewhere.
 */
export function isTimeByValues(layout: Layout, c: number): boolean {
  const p = layout.profiles.get(c);
  // The profile's year-like count is cheap: only a column of year-like cells is read again.
  if (!p || p.filled < 4 || p.yearLike < p.filled || normalizeHeader(layout.headers.get(c) ?? null).share) return false;
  const values = layout.rows.map((r) => layout.block.values[r]?.[c] ?? null);
  const found = periodsIn(values);
  if (found.others.length > 0 || found.periods.length < 2) return false;
  for (const rows of found.rows.values()) if (rows.length < 2) return false;
  return true;
}
