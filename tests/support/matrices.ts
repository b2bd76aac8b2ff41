/** Small matrices the tests share (rows = origins, columns = destinations). */
import type { CellValue } from "../../src/report/types";

/** The hypothetical 3-region system of the design notes: total 120, MEI 0.25. */
export const HYP: number[][] = [
  [0, 10, 10],
  [20, 0, 20],
  [30, 30, 0],
];

/** HYP with every flow matched by an equal counterflow. */
export const BALANCED: number[][] = [
  [0, 15, 20],
  [15, 0, 25],
  [20, 25, 0],
];

/**
 * A national statistics office's matrix of moves between regions as published: its totals row
 * and column after the regions, a footnote mark on the totals row.
 */
export const NATIONAL_MATRIX: CellValue[][] = [
  ["Region of origin", "North", "South", "East", "West", "Total outflow"],
  ["North", 0, 700, 500, 300, 1500],
  ["South", 600, 0, 100, 200, 900],
  ["East", 250, 90, 0, 40, 380],
  ["West", 150, 400, 30, 0, 580],
  ["Total inflow [note 1]", 1000, 1190, 630, 540, 3360],
];

/** The whole sheet NATIONAL_MATRIX stands on (at A5:F10): a title, a unit line, a merged heading above it, a note below. */
export const NATIONAL_SHEET: CellValue[][] = [
  ["Table 1: Moves between regions, year ending June 2022", null, null, null, null, null],
  ["Number of people", null, null, null, null, null],
  [null, null, null, null, null, null],
  [null, "Region of destination", null, null, null, null],
  ...NATIONAL_MATRIX,
  [null, null, null, null, null, null],
  ["Note 1: moves within a region are not counted.", null, null, null, null, null],
];

/** NATIONAL_MATRIX's true total: its off-diagonal flows, added by hand. */
export const NATIONAL_TOTAL = 700 + 500 + 300 + 600 + 100 + 200 + 250 + 90 + 40 + 150 + 400 + 30;
