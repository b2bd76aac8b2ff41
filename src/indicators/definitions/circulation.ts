import { BELL_2002, FINN_2014, JOHNSON_REGETS_1998, OECD_2008, SAXENIAN_2005 } from "./citations";
import type { MeasureDefinition } from "./definition";

/** The measures of src/indicators/circulation.ts, as their catalog functions define them. */
export const CIRCULATION = {
  "CIRCULATION.INDEX": {
    name: "Brain circulation index",
    meaning: "Brain circulation index: 1 − Σ|flow − counterflow| ÷ Σ(flow + counterflow). 1 = fully two-way exchange, 0 = one-way drain.",
    formula: "index = 1 − Σ|f − c| / Σ(f + c) over paired flows f and counterflows c; with one square matrix M, the sums run over the pairs i < j of Mij and Mji. 1 = fully two-way exchange, 0 = one-way drain",
    citation: `${BELL_2002} (effectiveness and reciprocity of pairs); the brain-circulation reading follows ${SAXENIAN_2005} and ${JOHNSON_REGETS_1998}`,
  },
  "CIRCULATION.BYREGION": {
    name: "Circulation index of each region",
    meaning: "Circulation index of each region with all others: 1 − Σj|Mij − Mji| ÷ Σj(Mij + Mji).",
    formula: "indexi = 1 − Σj≠i |Mij − Mji| / Σj≠i (Mij + Mji), for each region i (row i of the matrix)",
    citation: `${BELL_2002}; ${SAXENIAN_2005}`,
  },
  "CIRCULATION.RETURNRATE": {
    name: "Return rate",
    meaning: "Return rate: returnees ÷ emigrants.",
    formula: "return rate = returnees / emigrants (of the same cohort)",
    citation: OECD_2008,
  },
  "CIRCULATION.STAYRATE": {
    name: "Stay rate",
    meaning: "Stay rate: stayers ÷ cohort, e.g. foreign graduates still in the host country.",
    formula: "stay rate = stayers / cohort",
    citation: FINN_2014,
  },
  "CIRCULATION.CHANGE": {
    name: "Change in the brain circulation index",
    meaning: "Change in the brain circulation index from a first to a last period: index(last) − index(first); positive = more two-way exchange.",
    formula:
      "change = CI(last) − CI(first), CI(M) = 1 − Σi<j |Mij − Mji| / Σi<j (Mij + Mji) as CIRCULATION.INDEX computes it; with by_region TRUE, for each region i: CIi(last) − CIi(first), CIi(M) = 1 − Σj≠i |Mij − Mji| / Σj≠i (Mij + Mji) as CIRCULATION.BYREGION computes it. Positive = towards circulation (more two-way), negative = towards drain",
    citation: `${BELL_2002} (effectiveness and reciprocity of pairs); the brain-circulation reading follows ${SAXENIAN_2005} and ${JOHNSON_REGETS_1998}`,
  },
} satisfies Record<string, MeasureDefinition>;
