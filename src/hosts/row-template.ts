/**
 * A formula as a template over rows: the same formula filled down, as Excel's shared formulas
 * store it (ECMA-376 Part 1, §18.3.1.40: one text, relative references shifted per cell).
 * The streaming writer uses it to store a table column's formulas once instead of 100,000
 * times, and only where the planned formula of each row is exactly the template shifted to
 * that row: a formula that does not match is written out in full, so nothing depends on this
 * parser being complete, only on it never shifting something Excel would not.
 */

// A cell reference outside quotes: optional $, 1–3 letters, optional $, digits; not part of a
// longer name (LOG10), not a function call (ATAN2(), not a sheet name (Sheet1!).
const REFERENCE = /(^|[^A-Za-z0-9_.$])(\$?[A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_.(!])/g;

export class RowTemplate {
  /** Literal text and, between, relative row numbers (1-based, as written). */
  private readonly pieces: (string | number)[] = [];

  constructor(
    formula: string,
    /** 0-based row the formula was planned for. */
    readonly row: number,
  ) {
    let text = "";
    // Odd parts are string literals, quoted sheet names and the planner's {{sheet}} names:
    // copied, never parsed.
    formula.split(/("(?:[^"]|"")*"|'(?:[^']|'')*'|\{\{[^}]*\}\})/).forEach((part, i) => {
      if (i % 2 === 1) {
        text += part;
        return;
      }
      let at = 0;
      for (const m of part.matchAll(REFERENCE)) {
        const [whole, before, column, dollar, digits] = m;
        if (dollar) continue; // an absolute row does not move
        text += part.slice(at, m.index + before.length) + column;
        this.pieces.push(text, Number(digits));
        text = "";
        at = m.index + whole.length;
      }
      text += part.slice(at);
    });
    this.pieces.push(text);
  }

  /** Whether the template has any relative row (else every row's formula is the same text). */
  get moves(): boolean {
    return this.pieces.length > 1;
  }

  /**
   * Whether `formula` is this template filled to 0-based `row`: at() without building the
   * string (it runs once per formula cell of a table, a million times for a large report).
   */
  matches(formula: string, row: number): boolean {
    const k = row - this.row;
    let at = 0;
    for (let i = 0; i < this.pieces.length; i++) {
      const p = this.pieces[i];
      if (typeof p === "string") {
        if (!formula.startsWith(p, at)) return false;
        at += p.length;
        continue;
      }
      // A row number: the digits there must spell p + k, with no leading zero.
      const want = p + k;
      let n = 0;
      const start = at;
      for (let c = formula.charCodeAt(at); c >= 48 && c <= 57; c = formula.charCodeAt(++at)) n = n * 10 + (c - 48);
      if (at === start || n !== want || (formula.charCodeAt(start) === 48 && at - start > 1)) return false;
    }
    return at === formula.length;
  }

  /** The formula filled to 0-based `row`. */
  at(row: number): string {
    const k = row - this.row;
    let out = "";
    for (let i = 0; i < this.pieces.length; i++) {
      const p = this.pieces[i];
      out += typeof p === "number" ? String(p + k) : p;
    }
    return out;
  }
}
