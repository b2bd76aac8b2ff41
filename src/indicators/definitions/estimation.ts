import { ABEL_2013, ABEL_COHEN_2019, ABEL_SANDER_2014, BISHOP_FIENBERG_HOLLAND_1975, DEMING_STEPHAN_1940, WILLEKENS_1999 } from "./citations";
import type { MeasureDefinition } from "./definition";

/** The measures of src/indicators/estimation.ts, as their catalog functions define them. */
export const ESTIMATION = {
  "MIGRATION.IPF": {
    name: "Iterative proportional fitting (IPF)",
    meaning: "Iterative proportional fitting: scales a seed table until its rows and columns add up to the given totals; zeros in the seed stay zero.",
    formula:
      "fitted_ij = a_i · b_j · seed_ij, with a_i and b_j such that Σj fitted_ij = row_totals_i and Σi fitted_ij = col_totals_j. Found by iterative proportional fitting: scale each row by row_total ÷ row sum, then each column by col_total ÷ column sum, and repeat until every total is within tolerance × the grand total",
    citation: `${DEMING_STEPHAN_1940}; ${BISHOP_FIENBERG_HOLLAND_1975}; for migration tables ${WILLEKENS_1999}`,
  },
  "MIGRATION.FLOWSFROMSTOCKS": {
    name: "Flows estimated from migrant stocks",
    meaning: "Bilateral flows over a period from two tables of migrant stocks (rows = place of birth, columns = place of residence), by stock differencing.",
    formula:
      "With Sbj = people born in b living in j (rows = place of birth, columns = place of residence) and Δbj = end Sbj − start Sbj for b ≠ j: \"zero\": Fij = max(0, Δij); \"return\": Fij = max(0, Δij) + max(0, −Δji). F is an origin × destination table (rows = origins) with a zero diagonal",
    citation: `${ABEL_2013}; ${ABEL_SANDER_2014}; the two rules are the stock-differencing estimates (“drop negative”, “reverse negative”) of ${ABEL_COHEN_2019}, and the decrease = "zero" and "return" options of ffs_diff in the R package migest`,
  },
} satisfies Record<string, MeasureDefinition>;
