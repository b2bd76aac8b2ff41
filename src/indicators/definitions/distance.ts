import { BELL_2002, FLOWERDEW_AITKIN_1982, MIGEST } from "./citations";
import type { MeasureDefinition } from "./definition";

/** The measures of src/indicators/distance.ts, as their catalog functions define them. */
export const DISTANCE = {
  "MIGRATION.MEANDISTANCE": {
    name: "Mean migration distance",
    meaning: "Mean migration distance: the distances between the regions, weighted by the flows.",
    formula: "mean distance = Σi≠j Mij · dij / Σi≠j Mij, with dij the distance from region i to region j",
    citation: `${BELL_2002} (Table 6); ${MIGEST}, index_distance (mean)`,
  },
  "MIGRATION.MEDIANDISTANCE": {
    name: "Median migration distance",
    meaning: "Median migration distance: the flow-weighted median of the distances, interpolated.",
    formula:
      "Equal distances are pooled (their flows summed, zero flows left out); the distinct distances x1 < … < xK with flows wk get the cumulative share at their midpoints pk = (Σl≤k wl − wk / 2) / Σw; the median is interpolated linearly between the two midpoints around ½ (x1 below p1, xK above pK)",
    citation: `${BELL_2002}; the interpolated weighted median of matrixStats' weightedMedian, applied to the pooled distances; ${MIGEST}, index_distance (median)`,
  },
  "MIGRATION.DISTANCEDECAY": {
    name: "Distance-decay parameter",
    meaning: "Distance-decay parameter: the coefficient of log(distance) in a Poisson model of the flows with origin and destination effects.",
    formula:
      "the coefficient β of log dij in the Poisson model log E[Mij] = ai + bj + β · log dij over the off-diagonal cells (flows rounded to whole numbers first), fitted by maximum likelihood with iteratively reweighted least squares",
    citation: `${FLOWERDEW_AITKIN_1982}; ${BELL_2002}; ${MIGEST}, index_distance (decay), which fits the same model with R's glm`,
  },
} satisfies Record<string, MeasureDefinition>;
