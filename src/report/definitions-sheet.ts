import { definitionOf } from "../indicators/definitions";
import { value } from "./cells";
import { CellStyle, PlannedCell, PlannedSheet, SharingMode } from "./types";

const MODE_TEXT: Record<SharingMode, string> = {
  native: "live native formulas (Excel 2010+ functions that LibreOffice also computes): colleagues without the add-in see correct, live numbers",
  addin: "add-in formulas (BRAINDRAIN.*, MIGRATION.* …): live where the Migration Analytics add-in is installed",
  values: "values only: the numbers as computed when the report was built; nothing recalculates",
};

export interface Provenance {
  readonly source: string;
  readonly built: Date;
  readonly mode: SharingMode;
  /** What the reader detected (shape, mapping), in sentences. */
  readonly detection: string[];
}

/** The sheet's name, as hosts look it up to add their notes under it. */
export const DEFINITIONS_SHEET = "Definitions";

export const DEFINITIONS_HEADER = ["Indicator", "Function", "What it means", "Formula", "Source"] as const;
/**
 * Column widths in characters. The name, the meaning, the formula and the source wrap within
 * them (the row grows); a function name (at most 25 characters) never does.
 */
const WIDTHS = [24, 26, 40, 40, 40];
const WRAP = [0, 2, 3, 4];
/** The table's header row; the title and a line on how to read the table above it. */
const TOP = 3;

/**
 * The names a report gives the measures each function computes, by function; a function whose
 * measure appears under several names (immigrants and emigrants as shares of the population)
 * keeps them all, in order.
 */
export function labelsByFunction(measures: readonly { readonly fn: string; readonly label: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of measures) {
    const labels = out.get(m.fn) ?? [];
    if (!labels.includes(m.label)) labels.push(m.label);
    out.set(m.fn, labels);
  }
  return out;
}

/**
 * A note on the Definitions sheet at `row`: wrapped across the table's width, so that it shows
 * whole on screen and on paper. Hosts use it for the notes they add (text cut to fit Excel,
 * values written instead of formulas).
 */
export function definitionsNote(row: number, text: string, style: CellStyle = "note"): PlannedSheet["cells"][number] {
  return { row, col: 0, cell: { value: text, style }, span: DEFINITIONS_HEADER.length };
}

/**
 * The Definitions sheet: one row per measure the report uses — its name as the report shows it,
 * the function that computes it, what it means, its formula and its source (the measure's
 * definition entry, the same text the function reference shows) — then the report's provenance
 * and notes, each a whole paragraph across the table's width.
 *
 * `labels` gives the names the report's sheets use for each function's measures; a function
 * with none is shown under its definition's name.
 */
export function planDefinitions(functions: readonly string[], labels: ReadonlyMap<string, string | readonly string[]>, notes: readonly string[], provenance: Provenance): PlannedSheet {
  const rows: PlannedCell[][] = [];
  for (const fn of [...new Set(functions)]) {
    const definition = definitionOf(fn);
    if (!definition) throw new Error(`no definition for ${fn}`);
    const given = labels.get(fn);
    const names = given === undefined ? [] : typeof given === "string" ? [given] : [...given];
    const name = names.length > 0 ? names.join("; ") : definition.name;
    rows.push([value(name), value(fn), value(definition.meaning), value(definition.formula), value(definition.citation)]);
  }
  const cells: PlannedSheet["cells"] = [
    { row: 0, col: 0, cell: { value: "Definitions, formulas and sources of the measures in this report", style: "title" }, span: DEFINITIONS_HEADER.length },
    definitionsNote(1, "One row per measure: its name in this report, the add-in function that computes it (usable in any cell), what it means, its formula and the published source of its definition.", "subtitle"),
  ];
  let row = TOP + 1 + rows.length + 1;
  const block = (heading: string, lines: readonly string[]) => {
    cells.push(definitionsNote(row++, heading, "heading"));
    for (const line of lines) cells.push(definitionsNote(row++, line));
    row++;
  };
  block("Provenance", [
    `Source: ${provenance.source}`,
    `Built: ${provenance.built.toISOString()}`,
    `Sharing mode: ${MODE_TEXT[provenance.mode]}`,
    ...provenance.detection,
    "Text from the data (region names, labels) is written as text, never as a formula.",
  ]);
  if (notes.length > 0) block("About this report", notes);
  return {
    name: DEFINITIONS_SHEET,
    cells,
    tables: [{ name: "Definitions", top: TOP, left: 0, header: [...DEFINITIONS_HEADER], rows }],
    charts: [],
    widths: WIDTHS,
    wrapColumns: WRAP,
    freezeRows: TOP + 1,
  };
}
