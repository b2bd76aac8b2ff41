/**
 * The vocabulary of the measures. Plain numbers at run time; the names say what a
 * value is so a signature reads like the definition it implements.
 */

/** A number of people (migrants, residents, students). Finite and ≥ 0; may be fractional (estimates). */
export type Count = number;
/** A share or rate as a fraction, normally within [0, 1]. */
export type Rate = number;
/** A money amount (e.g. the public cost of one year of schooling). */
export type Amount = number;
/** A square origin × destination table of flows: `m[i][j]` people moved from i to j. */
export type Matrix = readonly (readonly number[])[];
/** A list of values, one per region or country. */
export type Vector = readonly number[];

/**
 * Why a measure has no value. The Excel face maps each kind to its error:
 * `invalid` → #VALUE!, `outOfDomain` → #NUM!, `zeroDenominator` → #DIV/0!, `missing` → #N/A.
 */
export type MeasureErrorKind = "invalid" | "outOfDomain" | "zeroDenominator" | "missing";

/** A measure that cannot be computed for these inputs, with a sentence saying why. */
export class MeasureError extends Error {
  constructor(
    readonly kind: MeasureErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "MeasureError";
  }
}
