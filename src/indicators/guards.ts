import { MeasureError } from "./types";

/**
 * Domain checks shared by every measure. Each returns its argument so a formula can be
 * written as `divide(count(a, "a"), count(b, "b"))` and still read like the definition.
 * A check that fails throws a MeasureError naming the input.
 */

/** A finite number; NaN and ±Infinity (e.g. from an upstream #DIV/0! turned number) are rejected. */
export function finite(x: number, name: string): number {
  if (!Number.isFinite(x)) throw new MeasureError("outOfDomain", `${name} is not a finite number`);
  return x;
}

/** A count of people: finite and not negative. */
export function count(x: number, name: string): number {
  finite(x, name);
  if (x < 0) throw new MeasureError("outOfDomain", `${name} is negative (${x})`);
  return x;
}

/** A fraction within [0, 1], such as an emigration rate. */
export function fraction(x: number, name: string): number {
  if (!(x >= 0 && x <= 1)) throw new MeasureError("outOfDomain", `${name} must be a fraction between 0 and 1 (got ${x})`);
  return x;
}

/** A strictly positive finite number (a scale such as `per`). */
export function positive(x: number, name: string): number {
  if (!(x > 0) || x === Infinity) throw new MeasureError("outOfDomain", `${name} must be greater than 0 (got ${x})`);
  return x;
}

/** `part` must not exceed `whole` (a subset counted as larger than its set is a data error). */
export function notAbove(part: number, whole: number, partName: string, wholeName: string): void {
  if (part > whole) throw new MeasureError("outOfDomain", `${partName} (${part}) exceeds ${wholeName} (${whole})`);
}

/** n / d, with a zero denominator or an overflow reported rather than returned as Infinity or NaN. */
export function divide(n: number, d: number, what: string): number {
  if (d === 0) throw new MeasureError("zeroDenominator", `${what} is 0`);
  const q = n / d;
  if (!Number.isFinite(q)) throw new MeasureError("outOfDomain", `the result overflows (${what} is too close to 0 or the counts too large)`);
  return q;
}
