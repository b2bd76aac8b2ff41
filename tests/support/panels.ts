import type { SourceBlock } from "../../src/report/types";

/**
 * A small long list of flows over three five-year periods in a `period` column (as in Abel's
 * estimates), with numbers chosen so that every key figure can be checked by hand: see
 * tests/report/trends-sheet.test.ts for the arithmetic. 2000–2005 has no C → B row.
 */
export function flowPanel(): SourceBlock {
  const rows: [string, string, string, number][] = [
    ["A", "B", "1990-1995", 100],
    ["B", "A", "1990-1995", 20],
    ["A", "C", "1990-1995", 50],
    ["C", "A", "1990-1995", 50],
    ["B", "C", "1990-1995", 30],
    ["C", "B", "1990-1995", 10],
    ["A", "B", "1995-2000", 60],
    ["B", "A", "1995-2000", 60],
    ["A", "C", "1995-2000", 40],
    ["C", "A", "1995-2000", 20],
    ["B", "C", "1995-2000", 20],
    ["C", "B", "1995-2000", 20],
    ["A", "B", "2000-2005", 10],
    ["B", "A", "2000-2005", 90],
    ["A", "C", "2000-2005", 20],
    ["C", "A", "2000-2005", 40],
    ["B", "C", "2000-2005", 25],
  ];
  return { sheet: "Flows", top: 0, left: 0, values: [["origin", "destination", "period", "flow"], ...rows], provenance: "flow panel" };
}
