/**
 * Classification of a region by its migration effectiveness (in − out) / (in + out):
 * above +0.1 net gain, below −0.1 net drain, otherwise balanced circulation. The threshold is
 * stated on the report; 0.1 means inflows and outflows differ by less than about 22%.
 */
export const BALANCE_THRESHOLD = 0.1;

/** The classes, as the report writes them. */
export type Balance = "net gain" | "net drain" | "balanced circulation";
const GAIN: Balance = "net gain";
const DRAIN: Balance = "net drain";
const BALANCED: Balance = "balanced circulation";

export function classify(effectiveness: number): Balance {
  if (effectiveness > BALANCE_THRESHOLD) return GAIN;
  if (effectiveness < -BALANCE_THRESHOLD) return DRAIN;
  return BALANCED;
}

/** The same classification as a native formula over the effectiveness cell. */
export function classifyFormula(effectivenessRef: string): string {
  return `IF(${effectivenessRef}>${BALANCE_THRESHOLD},"${GAIN}",IF(${effectivenessRef}<-${BALANCE_THRESHOLD},"${DRAIN}","${BALANCED}"))`;
}
