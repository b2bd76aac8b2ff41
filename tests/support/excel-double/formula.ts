/**
 * Formula syntax as Excel checks it when a formula is entered: parsed by @borgar/fx, a
 * maintained parser of Excel's formula language (references with quoted sheet names, whole
 * rows and columns, structured references, array constants, LET/LAMBDA, error literals).
 * Excel refuses a formula it cannot parse, and so does the double. Only syntax is checked:
 * function names are not (an unknown name is #NAME? in Excel, not a refused entry).
 */
import { parse, tokenize } from "@borgar/fx";

/**
 * Verdicts by the formula's shape: digits do not change whether a formula parses (A5 and
 * A12345 alike), so the rows of a 100,000-row report cost one parse per column.
 */
const verdicts = new Map<string, string | undefined>();

/** The reason the formula ("=…") does not parse, or undefined when it does. */
export function formulaSyntaxError(formula: string): string | undefined {
  const shape = formula.replace(/\d+/g, "1");
  if (verdicts.has(shape)) return verdicts.get(shape);
  let verdict: string | undefined;
  try {
    parse(tokenize(formula, { mergeRefs: true }), {});
  } catch (e) {
    verdict = e instanceof Error ? e.message : String(e);
  }
  if (verdicts.size > 100_000) verdicts.clear();
  verdicts.set(shape, verdict);
  return verdict;
}
