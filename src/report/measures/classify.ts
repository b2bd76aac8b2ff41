/**
 * Classification of a region by its migration effectiveness (in − out) / (in + out):
 * above +0.1 net gain, below −0.1 net drain, otherwise balanced circulation. The threshold is
 * stated on the report; 0.1 means inflows and outflows differ by less than about 22%.
 */
export const BALANCE_THRESHOLD = 0.1;

export function classify(effectiveness: number): string {
  if (effectiveness > BALANCE_THRESHOLD) return "net gain";
  if (effectiveness < -BALANCE_THRESHOLD) return "net drain";
  return "balanced circulation";
}

/** The same classification as a native formula over the effectiveness cell. */
export function classifyFormula(effectivenessRef: string): string {
  return `IF(${effectivenessRef}>${BALANCE_THRESHOLD},"net gain",IF(${effectivenessRef}<-${BALANCE_THRESHOLD},"net drain","balanced circulation"))`;
}
