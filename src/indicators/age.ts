import { finite } from "./guards";
import { MeasureError, Vector } from "./types";

/**
 * Summary indices of a migration age profile: migration rates by single year (or group) of age.
 * Definition and sources: MIGRATION.AGEINDICES in ./definitions/age.ts; Rogers (1975) gives the
 * gross migraproduction rate, Bell et al. (2002) the peak intensity and age, Bell & Muhidin
 * (2009) the breadth and share of the peak, Bernard et al. (2014) the largest rise and fall and
 * the asymmetry. As migest's index_age, with the differences noted below.
 */

export interface AgeIndices {
  /** Σ rates: the gross migraproduction rate. */
  readonly grossMigraproduction: number;
  /** The highest rate at an age strictly between ageMin and ageMax. */
  readonly peakRate: number;
  /** The age with the highest rate overall (the youngest such age on a tie). */
  readonly peakAge: number;
  /** Σ rates over ages peakAge − breadth … peakAge + breadth, inclusive. */
  readonly peakBreadth: number;
  /** peakBreadth ÷ Σ rates. */
  readonly peakShare: number;
  /** The age whose rate rose most from the previous age's, within the study range. */
  readonly maxUpwardAge: number;
  /** The age whose rate fell most from the previous age's, within the study range. */
  readonly maxDownwardAge: number;
  /** maxUpwardAge ÷ maxDownwardAge; an error when the latter is 0. */
  readonly asymmetry: number | MeasureError;
}

/**
 * The age indices of rates by age. Ages must increase strictly; the study range is the ages
 * strictly between ageMin and ageMax (migest's defaults 5 and 65). The change at an age is its
 * rate minus the previous age's (0 at the first age). Ties go to the youngest age.
 * Where migest differs: it multiplies the rates by 100 (we return them as given); it takes the
 * peak breadth over list positions peak age − breadth … peak age + breadth, which for ages
 * starting at 0 is the ages one year younger (we take the ages themselves, inclusive); and on a
 * tie for the peak it returns several ages and fails.
 */
export function ageIndices(ages: Vector, rates: Vector, ageMin = 5, ageMax = 65, breadth = 5): AgeIndices {
  const n = ages.length;
  if (rates.length !== n) throw new MeasureError("invalid", `ages has ${n} values but rates has ${rates.length}`);
  if (n === 0) throw new MeasureError("invalid", "there are no ages");
  for (let k = 0; k < n; k++) {
    finite(ages[k], `age ${k + 1}`);
    if (!(rates[k] >= 0 && rates[k] !== Infinity)) throw new MeasureError("outOfDomain", `rate ${k + 1} must be a finite number of at least 0 (got ${rates[k]})`);
    if (k > 0 && !(ages[k] > ages[k - 1])) throw new MeasureError("invalid", `the ages must increase (age ${k + 1}, ${ages[k]}, does not follow ${ages[k - 1]})`);
  }
  finite(ageMin, "age_min");
  finite(ageMax, "age_max");
  if (!(breadth >= 0 && breadth !== Infinity)) throw new MeasureError("outOfDomain", `breadth must be a number of at least 0 (got ${breadth})`);

  let total = 0;
  let peakAt = 0;
  for (let k = 0; k < n; k++) {
    total += rates[k];
    if (rates[k] > rates[peakAt]) peakAt = k;
  }
  if (total === 0) throw new MeasureError("zeroDenominator", "every rate is 0");
  const peakAge = ages[peakAt];
  let peakBreadth = 0;
  for (let k = 0; k < n; k++) if (ages[k] >= peakAge - breadth && ages[k] <= peakAge + breadth) peakBreadth += rates[k];

  let peakRate = -Infinity;
  let up = -1;
  let down = -1;
  let upChange = -Infinity;
  let downChange = Infinity;
  for (let k = 0; k < n; k++) {
    if (!(ages[k] > ageMin && ages[k] < ageMax)) continue;
    if (rates[k] > peakRate) peakRate = rates[k];
    const change = k === 0 ? 0 : rates[k] - rates[k - 1];
    if (change > upChange) {
      upChange = change;
      up = k;
    }
    if (change < downChange) {
      downChange = change;
      down = k;
    }
  }
  if (up < 0) throw new MeasureError("missing", `no age lies strictly between age_min (${ageMin}) and age_max (${ageMax})`);
  const maxUpwardAge = ages[up];
  const maxDownwardAge = ages[down];
  return {
    grossMigraproduction: total,
    peakRate,
    peakAge,
    peakBreadth,
    peakShare: peakBreadth / total,
    maxUpwardAge,
    maxDownwardAge,
    asymmetry: maxDownwardAge === 0 ? new MeasureError("zeroDenominator", "the age of the largest fall is 0") : maxUpwardAge / maxDownwardAge,
  };
}
