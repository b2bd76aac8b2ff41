/**
 * Formulas as an .xlsx file stores them (the .xlsx host, xlsx.ts).
 * Both checks run once per formula cell (1,300,000 times for a 100,000-row table), so each
 * starts with a cheap test that rules out the common case.
 */

/**
 * Functions added to Excel after 2007 are stored in the file with an `_xlfn.` prefix; without it
 * Excel shows #NAME? until the formula is re-entered. (Office.js takes formulas as typed, so only
 * this host adds it.) LibreOffice reads both forms.
 */
const FUTURE_FUNCTIONS = new Set(
  (
    "ACOT ACOTH AGGREGATE ARABIC BASE BETA.DIST BETA.INV BINOM.DIST BINOM.DIST.RANGE BINOM.INV BITAND BITLSHIFT BITOR " +
    "BITRSHIFT BITXOR CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT CHISQ.INV CHISQ.INV.RT CHISQ.TEST COMBINA " +
    "CONCAT CONFIDENCE.NORM CONFIDENCE.T COT COTH COVARIANCE.P COVARIANCE.S CSC CSCH DAYS DECIMAL ERF.PRECISE " +
    "ERFC.PRECISE EXPON.DIST F.DIST F.DIST.RT F.INV F.INV.RT F.TEST FILTER FILTERXML FLOOR.MATH FLOOR.PRECISE " +
    "FORECAST.LINEAR FORMULATEXT GAMMA GAMMA.DIST GAMMA.INV GAMMALN.PRECISE GAUSS HYPGEOM.DIST IFNA IFS ISFORMULA " +
    "ISOWEEKNUM LET LOGNORM.DIST LOGNORM.INV MAXIFS MINIFS MODE.MULT MODE.SNGL MUNIT NEGBINOM.DIST NORM.DIST NORM.INV " +
    "NORM.S.DIST NORM.S.INV NUMBERVALUE PDURATION PERCENTILE.EXC PERCENTILE.INC PERCENTRANK.EXC PERCENTRANK.INC " +
    "PERMUTATIONA PHI POISSON.DIST QUARTILE.EXC QUARTILE.INC RANDARRAY RANK.AVG RANK.EQ RRI SEC SECH SEQUENCE SHEET " +
    "SHEETS SKEW.P SORT SORTBY STDEV.P STDEV.S SWITCH T.DIST T.DIST.2T T.DIST.RT T.INV T.INV.2T T.TEST TEXTJOIN " +
    "UNICHAR UNICODE UNIQUE VAR.P VAR.S WEIBULL.DIST XLOOKUP XMATCH XOR Z.TEST"
  ).split(" "),
);

/** Any name of FUTURE_FUNCTIONS followed by "(": without one, a formula needs no prefix. */
const MAY_NEED_PREFIX = new RegExp(`(?:${[...FUTURE_FUNCTIONS].map((n) => n.replace(/\./g, "\\.")).join("|")})\\(`, "i");

/** Adds `_xlfn.` to post-2007 function names, outside string literals and quoted sheet names. */
export function toFileFormula(formula: string): string {
  if (!MAY_NEED_PREFIX.test(formula)) return formula;
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(^|[^A-Za-z0-9_.])([A-Za-z][A-Za-z0-9.]*)\(/g, (m, pre: string, name: string) =>
            FUTURE_FUNCTIONS.has(name.toUpperCase()) ? `${pre}_xlfn.${name}(` : m,
          ),
    )
    .join("");
}

/**
 * Whether a formula must be array-entered (Ctrl+Shift+Enter) to compute right in Excel 2010–2019:
 * TRANSPOSE, MMULT and FREQUENCY are evaluated element-wise only in an array formula, even inside
 * SUMPRODUCT (`SUMPRODUCT(ABS(B2:D2-TRANSPOSE(B2:B4)))`). Such cells are written as single-cell
 * array formulas (`<f t="array" ref="X1">`), which Excel 365 and LibreOffice also compute.
 * The planner says so with `nativeArray`; this check is a safety net for formulas it did not mark.
 */
export function needsArrayEntry(formula: string): boolean {
  if (!/TRANSPOSE|MMULT|FREQUENCY/i.test(formula)) return false;
  return formula
    .split(/"(?:[^"]|"")*"|'(?:[^']|'')*'/)
    .some((part) => /(^|[^A-Za-z0-9_.])(TRANSPOSE|MMULT|FREQUENCY)\(/i.test(part));
}

