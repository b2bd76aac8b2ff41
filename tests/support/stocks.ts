import { CellValue } from "../../src/report/types";

/**
 * A long list of migrant stocks for the flows-from-stocks tests: people born in A, B, C (origin)
 * living in A, B, C (destination), 2010 and 2015.
 * Changes 2010→2015: A→B +30, A→C −10, B→A 0, B→C +15, C→A −5, C→B +20.
 * Flows by hand — "zero": A→B 30, B→C 15, C→B 20; "return" adds A→C 5 and C→A 10.
 */
const STOCKS: [string, string, number, number][] = [
  ["A", "B", 100, 130],
  ["A", "C", 50, 40],
  ["B", "A", 30, 30],
  ["B", "C", 20, 35],
  ["C", "A", 10, 5],
  ["C", "B", 40, 60],
];

export function stockList(): CellValue[][] {
  const values: CellValue[][] = [["origin", "destination", "year", "stock"]];
  for (const year of [2010, 2015]) for (const [o, d, s2010, s2015] of STOCKS) values.push([o, d, year, year === 2010 ? s2010 : s2015]);
  return values;
}
