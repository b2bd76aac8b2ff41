import { BELL_2002, MIGEST, PLANE_MULLIGAN_1997, ROGERS_RAYMER_1998, SAXENIAN_2005 } from "./citations";
import type { MeasureDefinition } from "./definition";

/** The measures of src/indicators/matrix.ts, longformat.ts (MIGRATION.MATRIX) and lump.ts (MIGRATION.LUMP), as their catalog functions define them. */
export const MATRIX = {
  "MIGRATION.MEI": {
    name: "Migration effectiveness index (MEI)",
    meaning: "Migration effectiveness index of a system (Bell et al. 2002): Σ|inflow − outflow| ÷ Σ(inflow + outflow).",
    formula: "MEI = Σi |Di − Oi| / Σi (Di + Oi), where Oi = Σj≠i Mij (out of region i) and Di = Σj≠i Mji (into region i); 0 = balanced exchange, 1 = one-way redistribution",
    citation: BELL_2002,
  },
  "MIGRATION.ANMR": {
    name: "Aggregate net migration rate (ANMR)",
    meaning: "Aggregate net migration rate: ½ Σ|inflow − outflow| ÷ Σ population (= intensity × MEI).",
    formula: "ANMR = ½ Σi |Di − Oi| / Σi Pi, where Oi and Di are the out- and inflows of region i and Pi its population; equals crude intensity × MEI",
    citation: BELL_2002,
  },
  "MIGRATION.CONNECTIVITY": {
    name: "Connectivity (share of possible flows that occur)",
    meaning: "Connectivity: the share of off-diagonal flows that are not zero.",
    formula: "connectivity = (number of off-diagonal cells with Mij > 0) / (n(n − 1)), for an n × n matrix",
    citation: `${BELL_2002} (index of connectivity); ${ROGERS_RAYMER_1998}`,
  },
  "MIGRATION.GINI": {
    name: "Total flows Gini index (corrected)",
    meaning: "Total flows Gini index (Plane & Mulligan 1997): how unevenly migration is spread over the possible flows.",
    formula: "Gini = ΣΣ |Mij − Mkl| / (2 · D · ΣM), the double sum over all ordered pairs of off-diagonal cells, with D = n(n − 1) − 1 when corrected (default, Bell et al.) or n(n − 1) otherwise",
    citation: `${PLANE_MULLIGAN_1997}; the corrected denominator is that of ${BELL_2002}`,
  },
  "MIGRATION.SUMMARY": {
    name: "Summary per region (outflow, inflow, turnover, net migration)",
    meaning: "Summary table per region: region, outflow, inflow, turnover, net, effectiveness.",
    formula: "per region i: outflow Oi = Σj≠i Mij, inflow Di = Σj≠i Mji, turnover Di + Oi, net Di − Oi, effectiveness (Di − Oi) / (Di + Oi)",
    citation: BELL_2002,
  },
  "MIGRATION.CORRIDORS": {
    name: "Largest corridors",
    meaning: "Corridors (ordered pairs of regions), largest flow first: origin, destination, flow, counterflow, net, reciprocity.",
    formula: "per ordered pair (i, j) with Mij > 0: flow f = Mij, counterflow c = Mji, net f − c, reciprocity 1 − |f − c| / (f + c); largest flow first, ties in matrix order",
    citation: `${BELL_2002} (reciprocity = 1 − effectiveness of the pair)`,
  },
  "MIGRATION.MATRIX": {
    name: "Origin × destination matrix of a list of flows",
    meaning: "Pivots a long origin–destination–flow list into a square matrix with labels; repeated pairs are added up, missing pairs are 0.",
    formula: "Mij = Σ flow over the rows with origin i and destination j (0 where the list has no such row); regions in order of first appearance",
    citation: "None needed: a reshaping of the data, like a PivotTable of Sum of flow with origins as rows and destinations as columns.",
  },
  "MIGRATION.LUMP": {
    name: "Matrix reduced to its top regions",
    meaning: "The matrix reduced to its top regions by turnover (inflow + outflow), with one row and column for all the others; labels in the first row and column.",
    formula:
      "Keep the top regions by turnover Di + Oi (ties to the earlier region), in the matrix's order; merge the rest into one region placed last: its row and column hold the flows from and to the merged regions, its diagonal cell the flows among them, so the total of all flows is unchanged",
    citation: `${MIGEST}, sum_lump (lump = "turnover")`,
  },
  "MIGRATION.PERIODS": {
    name: "Key figures by period",
    meaning: "Key figures of a long origin–destination–flow list for each period, in time order: total flows, MEI, circulation index, connectivity, total Gini.",
    formula:
      "For each period p, in time order: the matrix M(p) of the list's rows of period p, pivoted as MIGRATION.MATRIX pivots; then total flows Σi≠j Mij, MEI Σi|Di − Oi| / Σi(Di + Oi), circulation index 1 − Σi<j|Mij − Mji| / Σi<j(Mij + Mji), connectivity (share of the n(n − 1) possible flows that are not 0) and total Gini ΣΣ|Mij − Mkl| / (2·(n(n − 1) − 1)·ΣM) of M(p), as MIGRATION.SUMMARY's total, MIGRATION.MEI, CIRCULATION.INDEX, MIGRATION.CONNECTIVITY and MIGRATION.GINI compute them",
    citation: `${BELL_2002} (MEI, connectivity, the corrected Gini); ${PLANE_MULLIGAN_1997} (Gini); the circulation index as CIRCULATION.INDEX (${SAXENIAN_2005})`,
  },
} satisfies Record<string, MeasureDefinition>;
