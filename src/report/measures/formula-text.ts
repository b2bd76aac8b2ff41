/*
 * The native texts of Exchange's sums (src/indicators/matrix.ts), so that every effectiveness
 * and circulation formula is written with the same pieces as the engine computes them: the net
 * f − c, the gross f + c, the gap Σ|f − c| and the reciprocated share 1 − gap ÷ gross.
 */
export const net = (f: string, c: string) => `${f}-${c}`;
export const gross = (f: string, c: string) => `${f}+${c}`;
/** Σ|x| over a range or an array expression. */
export const gapOver = (x: string) => `SUMPRODUCT(ABS(${x}))`;
export const reciprocated = (gap: string, grossText: string) => `1-${gap}/${grossText}`;
export const pairReciprocityFormula = (f: string, c: string) => reciprocated(`ABS(${net(f, c)})`, `(${gross(f, c)})`);

/** A region's flows off the diagonal: the SUM of its diagonal cell is 0 for a blank or text, so it is ignored whatever it holds. */
export const offDiagonalSum = (cells: string, diagonal: string) => `SUM(${cells})-SUM(${diagonal})`;
export const columnSum = (column: string) => `SUM(${column})`;

/**
 * The total of a count column (or of the rows `select` picks from it), #N/A when a cell in it is
 * blank, text or TRUE/FALSE, as the engine leaves such a total out; not COUNT, which counts TRUE
 * in LibreOffice. SUMPRODUCT's second array reads the text of unselected rows as 0.
 */
export const completeSum = (column: string, select?: string) =>
  select === undefined
    ? `IF(SUMPRODUCT(ISBLANK(${column})+ISTEXT(${column})+ISLOGICAL(${column}))>0,NA(),${columnSum(column)})`
    : `IF(SUMPRODUCT(${select}*(ISBLANK(${column})+ISTEXT(${column})+ISLOGICAL(${column})))>0,NA(),SUMPRODUCT(${select},${column}))`;
