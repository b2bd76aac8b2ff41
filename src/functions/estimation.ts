import { flowsFromCountCells, flowsFromStocks, ipf, StockDecrease } from "../indicators/estimation";
import { MeasureError } from "../indicators/types";
import { choiceOf, readCountTable, readOptionalChoice, readOptionalNumber, readStocks, readVector, squarePair } from "./cells";
import { guard, guardFinite } from "./errors";

// Estimating flows. Both results are whole tables: one bad input fails the call with that
// error. Excel shows no message beside #NUM! (CustomFunctionsRuntime 1.3), so the reasons for
// IPF's #NUM! results (the two sums, the row, the residual) are in the function reference and
// in the MeasureError the report engine receives, not in the cell. (A line comment, not JSDoc:
// the metadata generator would take a JSDoc block here for the first function's description.)

/**
 * Iterative proportional fitting: scales a seed table until its rows and columns add up to the given totals; zeros in the seed stay zero.
 * @customfunction MIGRATION.IPF
 * @helpurl https://localhost:3000/reference.html#migration-ipf
 * @param seed Prior flows (rows = origins, columns = destinations), numbers only; a blank or 0 stays 0, on the diagonal too.
 * @param row_totals What each row must add up to, one value per seed row (a row or a column).
 * @param col_totals What each column must add up to, one value per seed column; the same grand total as row_totals.
 * @param [max_iterations] Most iterations to try, a whole number from 1 to 100,000; default 1000.
 * @param [tolerance] Largest gap left between a fitted and a requested total, as a fraction of the grand total; default 1E-10.
 * @returns The fitted table, the size of the seed.
 */
export function migrationIpf(seed: any[][], row_totals: any[][], col_totals: any[][], max_iterations?: any, tolerance?: any): any[][] {
  // The fit fails rather than return a table with a cell that is not finite.
  return guardFinite(() => {
    const m = readCountTable(seed, "seed");
    const r = readVector(row_totals, "row_totals");
    const c = readVector(col_totals, "col_totals");
    if (r.length !== m.rows.length) throw new MeasureError("invalid", `row_totals has ${r.length} values but the seed has ${m.rows.length} rows`);
    if (c.length !== m.colSums.length) throw new MeasureError("invalid", `col_totals has ${c.length} values but the seed has ${m.colSums.length} columns`);
    // Out-of-range values (max_iterations above 100,000, tolerance not in (0, 1)) are #NUM! from ipf.
    const iterations = readOptionalNumber(max_iterations, "max_iterations", 1000);
    const tol = readOptionalNumber(tolerance, "tolerance", 1e-10);
    return ipf(m, r, c, iterations, tol).matrix;
  });
}

/**
 * Bilateral flows over a period from two tables of migrant stocks (rows = place of birth, columns = place of residence), by stock differencing.
 * @customfunction MIGRATION.FLOWSFROMSTOCKS
 * @helpurl https://localhost:3000/reference.html#migration-flowsfromstocks
 * @param stocks_start Migrant stocks at the start: people born in each row's place living in each column's place; square, numbers only; blanks are 0; the diagonal is ignored.
 * @param stocks_end Migrant stocks at the end, the same places in the same order (same size as stocks_start).
 * @param [method] "zero" (default): only stock increases are flows; "return": a decrease also counts as a return flow to the place of birth.
 * @returns A square origin × destination table of flows (rows = origins) with a zero diagonal.
 */
export function migrationFlowsFromStocks(stocks_start: any[][], stocks_end: any[][], method?: any): any[][] {
  return guard(() => {
    // Two tables of counts, the common case, are checked as the flows are worked out, in one
    // pass; anything else is read table by table below, which names the first bad cell.
    const methods = ["zero", "return"] as const;
    const chosen = choiceOf<StockDecrease>(method, methods, "zero");
    const tables = chosen && squarePair(stocks_start, stocks_end);
    const flows = tables && flowsFromCountCells(tables[0], tables[1], chosen);
    if (flows) return flows;
    const shape = "place of birth × place of residence table";
    const start = readStocks(stocks_start, "stocks_start", shape);
    const end = readStocks(stocks_end, "stocks_end", shape);
    if (start.n !== end.n) {
      throw new MeasureError("invalid", `stocks_start is ${start.n}×${start.n} but stocks_end is ${end.n}×${end.n}: give two tables of the same places in the same order`);
    }
    return flowsFromStocks(start, end, readOptionalChoice<StockDecrease>(method, "method", methods, "zero"));
  });
}
