import type { PlannedError } from "./types";

/** The median of numbers (the mean of the two middle ones for an even count), as MEDIAN computes it. */
export function median(xs: readonly number[]): number | PlannedError {
  if (xs.length === 0) return { error: "#NUM!" };
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[h] : (s[h - 1] + s[h]) / 2;
}
