import { REFERENCE, FunctionName } from "../functions/reference";
import { value } from "./cells";
import { PlannedCell, PlannedSheet, SharingMode } from "./types";

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

/**
 * The Definitions sheet: each indicator the report uses with its formula in words and its
 * source (from the function reference, the same text the help pages show), then notes on this
 * report and its provenance.
 */
export function planDefinitions(functions: readonly string[], labels: ReadonlyMap<string, string>, notes: readonly string[], provenance: Provenance): PlannedSheet {
  const rows: PlannedCell[][] = [];
  for (const fn of [...new Set(functions)]) {
    const entry = REFERENCE[fn as FunctionName];
    if (!entry) throw new Error(`no reference entry for ${fn}`);
    rows.push([value(labels.get(fn) ?? fn), value(fn), value(entry.formula), value(entry.source)]);
  }
  const TOP = 2;
  const after = TOP + rows.length + 2;
  const lines: string[] = [
    "About this report",
    ...notes,
    "",
    "Provenance",
    `Source: ${provenance.source}`,
    `Built: ${provenance.built.toISOString()}`,
    `Sharing mode: ${MODE_TEXT[provenance.mode]}`,
    ...provenance.detection,
    "Text from the data (region names, labels) is written as text, never as a formula.",
  ];
  return {
    name: "Definitions",
    cells: [
      { row: 0, col: 0, cell: value("Definitions, formulas and sources of the indicators in this report") },
      ...lines.map((text, k) => ({ row: after + k, col: 0, cell: value(text) })),
    ],
    tables: [{ name: "Definitions", top: TOP, left: 0, header: ["Indicator", "Function", "Formula", "Source"], rows }],
    charts: [],
    widths: [34, 24, 70, 90],
    freezeRows: 0,
  };
}
