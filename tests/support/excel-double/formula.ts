/**
 * Formula syntax as Excel checks it when a formula is entered: parsed by @borgar/fx, a
 * maintained parser of Excel's formula language (references with quoted sheet names, whole
 * rows and columns, structured references, array constants, LET/LAMBDA, error literals).
 * Excel refuses a formula it cannot parse, and so does the double. Only syntax is checked:
 * function names are not (an unknown name is #NAME? in Excel, not a refused entry).
 */
import { parse, tokenize } from "@borgar/fx";

/** The reason the formula ("=…") does not parse, or undefined when it does. */
export function formulaSyntaxError(formula: string): string | undefined {
  try {
    parse(tokenize(formula, { mergeRefs: true }), {});
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
