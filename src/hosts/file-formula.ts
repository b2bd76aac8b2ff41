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

/**
 * Functions of Excel's dynamic-array worksheet set, stored with a second prefix:
 * `_xlfn._xlws.FILTER(...)`, `_xlfn._xlws.SORT(...)` (as Excel 365 saves them; with `_xlfn.`
 * alone Excel shows #NAME?).
 */
const WORKSHEET_FUNCTIONS = new Set(["FILTER", "SORT"]);

/**
 * The add-in's custom functions (Office JavaScript custom functions) as Excel stores them:
 * `_xldudf_` and the name with its dots written as underscores, `MIGRATION.MEI(` →
 * `_xldudf_MIGRATION_MEI(`. Excel saves a JavaScript custom function call this way; a call
 * stored as typed is not bound to the add-in and does not calculate until re-entered
 * (docs/addin-formulas.md gives the evidence). The add-in has no namespace, so the stored name
 * is the function's own name.
 */
const CUSTOM_FUNCTION = /^(BRAINDRAIN|CIRCULATION|MIGRATION|STUDENTS)\.[A-Z][A-Z0-9]*$/i;
export const CUSTOM_FUNCTION_PREFIX = "_xldudf_";

/** Any name that may need a prefix, followed by "(": without one, a formula needs none. */
const MAY_NEED_PREFIX = new RegExp(`(?:${[...FUTURE_FUNCTIONS].map((n) => n.replace(/\./g, "\\.")).join("|")})\\(|(?:BRAINDRAIN|CIRCULATION|MIGRATION|STUDENTS)\\.`, "i");

/** Applies `rename` to each function name (followed by "(") outside string literals and quoted sheet names. */
function renameFunctions(formula: string, rename: (name: string) => string | undefined): string {
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) =>
      // A lookbehind, not a consumed character: `SORT(FILTER(` has two names in a row.
      i % 2 === 1 ? part : part.replace(/(?<![A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_.]*)\(/g, (m, name: string) => {
        const stored = rename(name);
        return stored === undefined ? m : `${stored}(`;
      }),
    )
    .join("");
}

/**
 * A formula as the file stores it: `_xlfn.` (and `_xlws.`) on post-2007 function names,
 * `_xldudf_` on the add-in's custom functions; string literals and sheet names untouched.
 */
export function toFileFormula(formula: string): string {
  if (!MAY_NEED_PREFIX.test(formula)) return formula;
  return renameFunctions(formula, (name) => {
    const upper = name.toUpperCase();
    if (WORKSHEET_FUNCTIONS.has(upper)) return `_xlfn._xlws.${name}`;
    if (FUTURE_FUNCTIONS.has(upper)) return `_xlfn.${name}`;
    if (CUSTOM_FUNCTION.test(name)) return CUSTOM_FUNCTION_PREFIX + name.replace(/\./g, "_");
    return undefined;
  });
}

/**
 * A stored formula as a user types it (the inverse of toFileFormula): `_xlfn.`, `_xlfn._xlws.`
 * dropped, `_xldudf_MIGRATION_MEI(` read as `MIGRATION.MEI(`.
 */
export function fromFileFormula(stored: string): string {
  if (!/_xl/i.test(stored)) return stored;
  return renameFunctions(stored, (name) => {
    const m = /^_xlfn\.(?:_xlws\.)?(.+)$/i.exec(name);
    if (m) return m[1];
    if (name.toLowerCase().startsWith(CUSTOM_FUNCTION_PREFIX)) {
      const typed = name.slice(CUSTOM_FUNCTION_PREFIX.length).replace("_", ".");
      return CUSTOM_FUNCTION.test(typed) ? typed : undefined;
    }
    return undefined;
  });
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

