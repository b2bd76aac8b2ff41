/**
 * User text as a message quotes it. Every message that shows text from the user's cells (the
 * functions' #VALUE! messages, the report engine's problems and refusals, the command line's)
 * goes through `quoteText`, so a cell holding a line break, a tab or another control character
 * never breaks a message over lines (the task pane and the CLI show one line per message), and
 * a long cell does not drown the sentence. It lives here, beside MeasureError, because both
 * src/functions and src/report import src/indicators and nothing else they share.
 */

/** Characters of the user's text a quote keeps at most; longer text is cut and ends in "…". */
export const QUOTE_MAX_CHARS = 40;

/** Line breaks: CRLF, CR, LF, vertical tab, form feed, NEL, line and paragraph separators. */
const LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
/** Other control characters (C0, DEL, C1) and the bidirectional overrides that could reorder a message. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `value` as one line of at most QUOTE_MAX_CHARS characters between `mark`s: line breaks shown
 * as "↵", other control characters as a space, and text longer than the limit cut to
 * QUOTE_MAX_CHARS − 1 characters and "…" (never inside a surrogate pair). `mark` is the
 * quotation mark the message uses ("" for a label shown bare, as in "A → B").
 */
export function quoteText(value: unknown, mark = '"'): string {
  const text = String(value).replace(LINE_BREAK, "↵").replace(CONTROL, " ");
  const chars = Array.from(text);
  const shown = chars.length > QUOTE_MAX_CHARS ? `${chars.slice(0, QUOTE_MAX_CHARS - 1).join("")}…` : text;
  return `${mark}${shown}${mark}`;
}
