import { MIGEST, SHRYOCK_SIEGEL_1976, UN_1970 } from "./citations";
import type { MeasureDefinition } from "./definition";

/** The measures of src/indicators/impact.ts, as their catalog functions define them. */
export const IMPACT = {
  "MIGRATION.PREFERENCE": {
    name: "Index of preference",
    meaning: "Index of preference: the flows against those expected if migrants chose origins and destinations in proportion to population.",
    formula: "preference = Σi≠j Mij / (T · (Pi / P) · (Pj / P)), with T = Σi≠j Mij, Pi the population of region i and P = Σ Pi",
    citation: `${UN_1970}; ${SHRYOCK_SIEGEL_1976}; ${MIGEST}, index_impact (preference)`,
  },
  "MIGRATION.VELOCITY": {
    name: "Index of velocity",
    meaning: "Index of velocity: each flow per person of its origin and per share of the population at its destination, summed.",
    formula: "velocity = Σi≠j Mij · P / (Pi · Pj), with Pi the population of region i in persons and P = Σ Pi",
    citation: `${UN_1970}; ${SHRYOCK_SIEGEL_1976}; ${MIGEST}, index_impact (velocity)`,
  },
} satisfies Record<string, MeasureDefinition>;
