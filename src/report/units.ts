/**
 * Units stated in headers: "Total population (thousands)", "Stock ('000)", "Emigration rate
 * (%)", "Net migration per 1,000 population". A count in thousands is a count of people once
 * multiplied by 1,000, and the report does so (in its numbers and in its formulas, so a
 * recalculation agrees); a percentage used as a rate (0 to 1) is divided by 100. Where the unit
 * does not fit the column's role (a percentage mapped as a count of people, thousands mapped as
 * a rate), or a rate column holds percentages without saying so, the report is refused, naming
 * the column and what settles it: never a share of 188 from people counted in thousands.
 */
import { ReadNote, renderInputNote } from "../messages/input-notes";
import { cell, columnLetters } from "./address";
import { cellAt } from "./dataset";
import { ReportRefusal, UnitName } from "./refusal";
import { isLabelRole, isRateRole, ROLE_LABELS } from "./roles";
import type { Role, SourceBlock } from "./types";

export interface HeaderUnit {
  readonly name: UnitName;
  /** What a value in this unit is multiplied by to be a count of people (counts) or a fraction (rates). */
  readonly factor: number;
}

/** Per 1,000 or per 100,000 people (before "thousands", which "1,000" would also match). */
const PER_HUNDRED_THOUSAND = /\bper\s*100[ ,.\u00a0\u202f]?000\b/i;
const PER_THOUSAND = /\bper\s*(1[ ,.\u00a0\u202f]?000|thousand|mille)\b|‰/i;
const PERCENT = /%|\bper\s*cent\b|\bpercent(age)?\b|\bpct\b/i;
/** "(thousands)", "in thousands", "thousand persons", "('000)", "(000)", "000s", "'000s". */
const THOUSANDS = /\bthousands?\b|\(\s*'?000\s*\)|(^|[\s(])'?000s?\b|\bin\s+000s?\b/i;
const MILLIONS = /\bmillions?\b|\(\s*mn?\s*\)|\(\s*mio\.?\s*\)/i;

/** The unit a header states, if any. */
export function unitOfHeader(header: string): HeaderUnit | undefined {
  const h = header.replace(/\s+/g, " ");
  if (PER_HUNDRED_THOUSAND.test(h)) return { name: "perHundredThousand", factor: 1e-5 };
  if (PER_THOUSAND.test(h)) return { name: "perThousand", factor: 1e-3 };
  if (PERCENT.test(h)) return { name: "percent", factor: 1e-2 };
  if (MILLIONS.test(h)) return { name: "millions", factor: 1e6 };
  if (THOUSANDS.test(h)) return { name: "thousands", factor: 1e3 };
  return undefined;
}

/** A mapped column whose header states a unit the report applies. */
export interface AppliedUnit {
  /** Block column. */
  readonly col: number;
  readonly role: Role;
  readonly header: string;
  readonly unit: UnitName;
  readonly factor: number;
}

/** A mapped column of a table: its role, block column and header. */
export interface MappedColumn {
  readonly role: Role;
  readonly col: number;
  readonly header: string;
}

/**
 * The factors to apply to a country table's mapped columns, from their headers. Throws a
 * ReportRefusal where a unit does not fit the role, or where a rate column (0 to 1) holds
 * values that can only be percentages (above 1, none above 100) and its header says nothing.
 * `rows`: the block rows read.
 */
export function tableUnits(block: SourceBlock, columns: readonly MappedColumn[], rows: readonly number[]): AppliedUnit[] {
  const out: AppliedUnit[] = [];
  for (const c of columns) {
    if (isLabelRole(c.role)) continue;
    const unit = unitOfHeader(c.header);
    const letters = columnLetters(block.left + c.col);
    const rate = isRateRole(c.role);
    const roleLabel = ROLE_LABELS[c.role];
    if (unit) {
      const fits = rate ? unit.factor < 1 : unit.factor > 1;
      if (!fits) {
        const expects = rate ? "rate" : "count";
        throw new ReportRefusal(
          "unitMismatch",
          { column: letters, header: c.header, role: c.role, roleLabel, unit: unit.name, expects },
        );
      }
      out.push({ col: c.col, role: c.role, header: c.header, unit: unit.name, factor: unit.factor });
      continue;
    }
    if (!rate) continue;
    let largest = -Infinity;
    let at = -1;
    let above100 = false;
    for (const r of rows) {
      const v = cellAt(block, r, c.col);
      if (typeof v !== "number" || !Number.isFinite(v)) continue;
      if (v > 100) above100 = true;
      if (v > largest) {
        largest = v;
        at = r;
      }
    }
    if (largest > 1 && !above100) {
      const where = cell(block.top + at, block.left + c.col);
      throw new ReportRefusal(
        "rateLooksPercent",
        { column: letters, header: c.header, role: c.role, roleLabel, largest, at: where },
      );
    }
  }
  return out;
}

/** The note on a unit applied, as a code (src/messages/input-notes.ts words it). */
export function unitNoteOf(block: SourceBlock, u: AppliedUnit): ReadNote {
  return { code: "unitApplied", params: { column: columnLetters(block.left + u.col), header: u.header, unit: u.unit, factor: u.factor } };
}

/** The note on the Definitions sheet for a unit applied (the report's sheets are in English). */
export function unitNote(block: SourceBlock, u: AppliedUnit): string {
  return renderInputNote(unitNoteOf(block, u), "en");
}

/**
 * A flow column of a long list whose header states a unit: the report's counts are in that
 * unit; the indices (shares, MEI, circulation) do not depend on it. Said, not applied.
 */
export function flowUnitNoteOf(block: SourceBlock, col: number, header: string): ReadNote | undefined {
  const unit = unitOfHeader(header);
  if (!unit) return undefined;
  const letters = columnLetters(block.left + col);
  if (unit.factor < 1) throw new ReportRefusal("unitMismatch", { column: letters, header, role: "flow", roleLabel: ROLE_LABELS.flow, unit: unit.name, expects: "count" });
  return { code: "flowUnit", params: { column: letters, header, unit: unit.name } };
}

/** flowUnitNoteOf in English, for the Definitions sheet. */
export function flowUnitNote(block: SourceBlock, col: number, header: string): string | undefined {
  const note = flowUnitNoteOf(block, col, header);
  return note && renderInputNote(note, "en");
}

/**
 * The notes on units a report from this detection carries (what the command line prints; the
 * report itself checks the values and refuses where a unit does not fit). Headers only.
 */
export function headerUnitNotes(block: SourceBlock, detection: { readonly shape: string; readonly columns: readonly { readonly index: number; readonly header: string; readonly role: Role | null }[] }): ReadNote[] {
  const out: ReadNote[] = [];
  for (const c of detection.columns) {
    if (c.role === null || isLabelRole(c.role)) continue;
    const unit = unitOfHeader(c.header);
    if (!unit) continue;
    if (detection.shape === "long" && c.role === "flow" && unit.factor > 1) out.push(flowUnitNoteOf(block, c.index, c.header)!);
    else if (detection.shape === "table" && (isRateRole(c.role) ? unit.factor < 1 : unit.factor > 1)) out.push(unitNoteOf(block, { col: c.index, role: c.role, header: c.header, unit: unit.name, factor: unit.factor }));
  }
  return out;
}
