import { circulationByRegion, circulationIndex, circulationIndexOfMatrix, returnRate, stayRate } from "../indicators/circulation";
import { circulationChange, circulationChangeByRegion } from "../indicators/change";
import { MeasureError } from "../indicators/types";
import { isBlank, readGrid, readMatrix, readNumber, readOptionalBoolean, cellName } from "./cells";
import { elementwise2 } from "./elementwise";
import { guard, toExcelError } from "./errors";

/**
 * Brain circulation index: 1 − Σ|flow − counterflow| ÷ Σ(flow + counterflow). 1 = fully two-way exchange, 0 = one-way drain.
 * @customfunction CIRCULATION.INDEX
 * @helpurl https://localhost:3000/reference.html#circulation-index
 * @param flows Either flows (e.g. emigrants from A to each partner) paired with counterflows, or alone a square origin × destination matrix.
 * @param [counterflows] Flows in the opposite direction, same size as flows. Leave out when flows is a matrix.
 * @returns The share of gross movement that is reciprocated, between 0 and 1.
 */
export function circulationIndexFn(flows: any[][], counterflows?: any[][]): number {
  return guard(() => {
    if (isBlank(counterflows)) return circulationIndexOfMatrix(readMatrix(flows, "flows"));
    const f = readGrid(flows, "flows");
    const c = readGrid(counterflows, "counterflows");
    if (f.length !== c.length || f[0].length !== c[0].length) {
      throw new MeasureError("invalid", `flows is ${f.length}×${f[0].length} but counterflows is ${c.length}×${c[0].length}: give ranges of the same size`);
    }
    const rows = f.length;
    const cols = f[0].length;
    const fs = new Array<number>(rows * cols);
    const cs = new Array<number>(rows * cols);
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < cols; k++) {
        // A cell is named only when it is not a number.
        const fv = f[r][k];
        const cv = c[r][k];
        fs[r * cols + k] = typeof fv === "number" ? fv : readNumber(fv, cellName("flows", r, k, rows, cols));
        cs[r * cols + k] = typeof cv === "number" ? cv : readNumber(cv, cellName("counterflows", r, k, rows, cols));
      }
    }
    return circulationIndex(fs, cs);
  });
}

/**
 * Circulation index of each region with all others: 1 − Σj|Mij − Mji| ÷ Σj(Mij + Mji).
 * @customfunction CIRCULATION.BYREGION
 * @helpurl https://localhost:3000/reference.html#circulation-byregion
 * @param matrix Square origin × destination matrix (rows = origins), numbers only; blanks are no flow; the diagonal is ignored.
 * @returns A column with one index per row of the matrix.
 */
export function circulationByRegionFn(matrix: any[][]): any[][] {
  return guard(() => circulationByRegion(readMatrix(matrix, "matrix")).map((v) => [v instanceof MeasureError ? toExcelError(v) : v]));
}

/**
 * Return rate: returnees ÷ emigrants.
 * @customfunction CIRCULATION.RETURNRATE
 * @helpurl https://localhost:3000/reference.html#circulation-returnrate
 * @param returnees Members of the emigrant cohort who came back (a cell or a range).
 * @param emigrants The emigrant cohort (same size, or one cell).
 * @returns The return rate as a fraction.
 */
export function circulationReturnRate(returnees: any[][], emigrants: any[][]): any[][] {
  return elementwise2(["returnees", "emigrants"], returnRate, returnees, emigrants);
}

/**
 * Stay rate: stayers ÷ cohort, e.g. foreign graduates still in the host country.
 * @customfunction CIRCULATION.STAYRATE
 * @helpurl https://localhost:3000/reference.html#circulation-stayrate
 * @param stayers Members of the cohort who stayed (a cell or a range).
 * @param cohort The whole cohort (same size, or one cell).
 * @returns The stay rate as a fraction.
 */
export function circulationStayRate(stayers: any[][], cohort: any[][]): any[][] {
  return elementwise2(["stayers", "cohort"], stayRate, stayers, cohort);
}

/**
 * Change in the brain circulation index from a first to a last period: index(last) − index(first); positive = more two-way exchange.
 * @customfunction CIRCULATION.CHANGE
 * @helpurl https://localhost:3000/reference.html#circulation-change
 * @param first_matrix Square origin × destination matrix of the first period (rows = origins), numbers only; blanks are no flow; the diagonal is ignored.
 * @param last_matrix Matrix of the last period: the same regions in the same order, so the same size as first_matrix.
 * @param [by_region] FALSE (default): the change of the whole system's index; TRUE: the change of each region's index, as a column.
 * @returns The change in the index (from −1 to 1), or a column with one change per region.
 */
export function circulationChangeFn(first_matrix: any[][], last_matrix: any[][], by_region?: any): any[][] {
  return guard(() => {
    const perRegion = readOptionalBoolean(by_region, "by_region", false);
    const first = readMatrix(first_matrix, "first_matrix");
    const last = readMatrix(last_matrix, "last_matrix");
    if (first.n !== last.n) {
      throw new MeasureError("invalid", `first_matrix is ${first.n}×${first.n} but last_matrix is ${last.n}×${last.n}: give matrices of the same regions, in the same order`);
    }
    if (!perRegion) return [[circulationChange(first, last)]];
    return circulationChangeByRegion(first, last).map((v) => [v instanceof MeasureError ? toExcelError(v) : v]);
  });
}
