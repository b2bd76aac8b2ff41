import { BELL_2002, BISHOP_FIENBERG_HOLLAND_1975, MIGEST, MIGRATION_INDICES, PLANE_MULLIGAN_1997, ROGERS_RAYMER_1998 } from "./citations";
import type { MeasureDefinition } from "./definition";

/** The measures of src/indicators/connectivity.ts (MIGRATION.INDICES gathers every system-wide index), as their catalog functions define them. */
export const CONNECTIVITY = {
  "MIGRATION.INEQUALITY": {
    name: "Index of migration inequality",
    meaning: "Index of migration inequality: ½ Σ|Mij/T − Eij/ΣE| over the off-diagonal flows, against equal flows or the flows expected from the margins.",
    formula:
      "inequality = ½ Σi≠j |Mij / T − Eij / ΣE|, with T = Σi≠j Mij. \"equal\": Eij / ΣE = 1 / (n(n − 1)); \"independence\": E is the Poisson model flow ~ origin + destination fitted to the off-diagonal cells (iterative proportional fitting of a table of ones with a zero diagonal to the out- and in-flows)",
    citation: `${BELL_2002} (index of migration inequality); ${BISHOP_FIENBERG_HOLLAND_1975}; ${MIGEST}, index_connectivity (inequality_equal, inequality_sim)`,
  },
  "MIGRATION.GINIORIGIN": {
    name: "Origin Gini (standardised)",
    meaning: "Standardised origin Gini: the share of the total flows Gini that lies within the rows (each origin's spread over destinations).",
    formula: "Gini origin = Σi Σj≠i Σh≠i |Mij − Mih| / Σ over all ordered pairs of off-diagonal cells |Mij − Mkl|: the within-row part of the total flows Gini, standardised by the uncorrected total",
    citation: `${PLANE_MULLIGAN_1997}; ${BELL_2002}; ${MIGEST}, index_connectivity (gini_orig_standardized) = ${MIGRATION_INDICES}, migration.gini.row.standardized ÷ 100`,
  },
  "MIGRATION.GINIDESTINATION": {
    name: "Destination Gini (standardised)",
    meaning: "Standardised destination Gini: the share of the total flows Gini that lies within the columns (each destination's spread over origins).",
    formula: "Gini destination = Σj Σi≠j Σk≠j |Mij − Mkj| / Σ over all ordered pairs of off-diagonal cells |Mij − Mkl|: the within-column part of the total flows Gini, standardised by the uncorrected total",
    citation: `${PLANE_MULLIGAN_1997}; ${BELL_2002}; ${MIGEST}, index_connectivity (gini_dest_standardized) = ${MIGRATION_INDICES}, migration.gini.col.standardized ÷ 100`,
  },
  "MIGRATION.WEIGHTEDGINI": {
    name: "Migration-weighted Gini",
    meaning: "Migration-weighted Gini (Bell et al. 2002): the regions' out-field or in-field Gini indices, weighted by migration.",
    formula:
      "origin: (1/n) Σi Gi · Di / T with the out-field Gini Gi = Σj≠i Σh≠i |Mij − Mih| / (2(n − 2) Oi); destination: (1/n) Σj Gj · Oj / T with the in-field Gini over column j, ÷ 2(n − 2) Dj; mean: their average. Oi = outflow, Di = inflow, T = all flows",
    citation: `${BELL_2002} (migration-weighted Gini); ${MIGRATION_INDICES}, migration.weighted.gini.out, .in and .mean; ${MIGEST}, index_connectivity (mwg_orig, mwg_dest, mwg_mean)`,
  },
  "MIGRATION.CV": {
    name: "Coefficient of variation of the flows",
    meaning: "Coefficient of variation of the flows: standard deviation ÷ mean of the off-diagonal flows.",
    formula: "CV = σ / μ over the n(n − 1) off-diagonal flows, with σ the population standard deviation √(Σ(Mij − μ)² / (n(n − 1))) and μ their mean",
    citation: `${ROGERS_RAYMER_1998}; ${BELL_2002}`,
  },
  "MIGRATION.ACV": {
    name: "Aggregated coefficient of variation (ACV)",
    meaning: "Aggregated system-wide coefficient of variation: the regions' in-field and out-field CVs, weighted by their inflow and outflow shares.",
    formula:
      "ACV = Σj (Dj / T) · CVin(j) + Σi (Oi / T) · CVout(i), with CVin(j) the population CV of the n − 1 flows into j and CVout(i) of the n − 1 flows out of i; equivalently (n − 1) / T · (Σj σin(j) + Σi σout(i))",
    citation: `${ROGERS_RAYMER_1998}; ${MIGRATION_INDICES}, migration.acv; ${MIGEST}, index_connectivity (acv)`,
  },
  "MIGRATION.INDICES": {
    name: "System-wide migration indices",
    meaning: "Every system-wide index the arguments allow: the connectivity family, the impact family (with populations) and the distance family (with distances).",
    formula:
      "A table (measure, value) of: connectivity, inequality (equal and independence), Gini of the total flows (corrected), origin and destination Gini (standardised), weighted Gini (origins, destinations, mean), CV, ACV, MEI; with populations also ANMR, preference and velocity; with distances also mean and median distance and distance decay. Each is defined on its own function's page",
    citation: `${BELL_2002}; ${MIGEST}, index_connectivity, index_impact and index_distance together`,
  },
} satisfies Record<string, MeasureDefinition>;
