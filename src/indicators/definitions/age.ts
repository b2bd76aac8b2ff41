import { BELL_2002, BELL_MUHIDIN_2009, BERNARD_2014, MIGEST, ROGERS_1975 } from "./citations";
import type { MeasureDefinition } from "./definition";

/** The measures of src/indicators/age.ts, as their catalog functions define them. */
export const AGE = {
  "MIGRATION.AGEINDICES": {
    name: "Indices of the migration age profile",
    meaning: "Summary indices of a migration age profile: gross migraproduction, peak rate, peak age, breadth and share of the peak, ages of fastest rise and fall, asymmetry.",
    formula:
      "With rates mx by age x and the study range age_min < x < age_max: gross migraproduction = Σ mx; peak rate = max mx in the study range; peak age = the age of the highest mx overall; peak breadth = Σ mx over peak age − breadth … peak age + breadth, inclusive; peak share = peak breadth / Σ mx; the ages of the largest rise and the largest fall of mx from the previous age within the study range; asymmetry = the first ÷ the second",
    citation: `${ROGERS_1975}; ${BELL_2002}; ${BELL_MUHIDIN_2009}; ${BERNARD_2014}; ${MIGEST}, index_age`,
  },
} satisfies Record<string, MeasureDefinition>;
