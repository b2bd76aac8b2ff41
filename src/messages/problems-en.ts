/** Data problems in English: the sentences the command line prints and the pane shows in English. */
import { quoteText } from "../indicators/quote";
import type { BadCellOutcome, ProblemColumn } from "../report/problem-codes";
import { repeatSentence } from "./repeats";
import type { ProblemListTexts, ProblemTexts } from "./problems";

const quoted = (v: unknown) => quoteText(v, "'");

/** The column a cell is in (header and role, as the command line's --map names them), or the matrix. */
function what(column: ProblemColumn | undefined): string {
  if (!column) return "the matrix";
  return column.header === "" ? `column ${column.index}` : `${quoted(column.header)} (${column.role})`;
}

const READ_AS_MISSING = "it is read as missing";
const then = (outcome: BadCellOutcome) => (outcome === "missing" ? READ_AS_MISSING : "the report cannot be built (fix or clear the cell)");

export const PROBLEMS_EN: ProblemTexts = {
  numberStoredAsText: (p) => `${quoted(p.value)} in ${what(p.column)} is a number stored as text: convert it to a number; until then ${then(p.outcome)}.`,
  thousands: (p) =>
    `${quoted(p.value)} in ${what(p.column)} is a number stored as text with thousands separators: convert it to a number (remove the separators, or use Data ▸ Text to Columns); until then ${then(p.outcome)}.`,
  decimalComma: (p) => `${quoted(p.value)} in ${what(p.column)} is a number stored as text with a decimal comma: convert it to a number (${quoteText(p.number, "")}); until then ${then(p.outcome)}.`,
  spacesOnly: (p) => `A cell of spaces only in ${what(p.column)} is text, not a blank: clear the cell; until then ${then(p.outcome)}.`,
  missingMarker: (p) => `${quoted(p.value)} in ${what(p.column)} marks a missing value: ${then(p.outcome)}${p.outcome === "missing" ? " (clear the cell to silence this)" : ""}.`,
  text: (p) => `${quoted(p.value)} in ${what(p.column)} is text, not a number: ${then(p.outcome)}.`,
  boolean: (p) => `${p.value ? "TRUE" : "FALSE"} in ${what(p.column)} is a logical value, not a number: ${then(p.outcome)}.`,
  notFinite: (p) => `${String(p.value)} in ${what(p.column)} is not a finite number: ${then(p.outcome)}.`,
  negative: (p) => `${p.value} in ${what(p.column)} is negative: a ${p.rate ? "rate" : "count of people"} cannot be, so ${p.outcome === "missing" ? "measures using it show #NUM!" : then(p.outcome)}.`,
  blankMissing: (p) => `Blank in ${what(p.column)}: read as missing, not as 0.`,
  blankRefused: (p) => `Blank in ${what(p.column)}: the report cannot be built (enter the flow, 0 if there was none).`,
  blankRow: (p) => `Row ${p.row} is blank (merged cells?): it is skipped.`,
  missingLabel: (p) =>
    `No ${p.role} in row ${p.row}: if the label was a merged cell, unmerge it and fill the label down; ${p.skipped ? "the row is skipped" : "the row is labelled by its row number"}.`,
  period: (p) =>
    `${quoted(p.value)} in ${what(p.column)} is not a period (a year such as 2010, or 1990-1995, 2012/13): the report cannot tell which period the row is in, so it is refused until the cell is fixed or the column is no longer mapped as the year.`,
  duplicateHeader: (p) => `The header ${quoted(p.header)} is also in ${p.firstAt}: name the columns apart, or map this one by column index (${p.index}).`,
  duplicatePair: (p) => `${quoted(p.origin)} → ${quoted(p.destination)}${p.context.length ? ` (${p.context.join(", ")})` : ""} is listed again (first in row ${p.firstRow}): the flows are added up.`,
  duplicateLabel: (p) => `The label ${quoted(p.label)} is also in ${p.firstAt}: each region must appear once.`,
  repeatedRow: (p) =>
    `${repeatSentence(p.what === "country" ? "Country" : "Code", { value: p.label, context: p.context, addresses: p.addresses })}. Totals would count it twice, so the report is refused: keep one row per ${p.what}${p.contextMapped ? "" : ", or map a year or group column that tells the rows apart"}.`,
  labelVariant: (p) => `${quoted(p.label)} is counted as the region ${quoted(p.countedAs)} (first in ${p.firstAt}): labels that differ only in case or spacing are one region, as Excel compares them.`,
  ragged: (p) => `Row ${p.row} has ${p.cells} cells where row ${p.firstRow} has ${p.width}: cells may have shifted; check the row (missing cells read as blank).`,
};

export const PROBLEM_LIST_EN: ProblemListTexts = {
  count: (n) => `${n} data problem${n === 1 ? "" : "s"}`,
  capped: (kept) => `${kept} or more data problems (the first ${kept} are kept)`,
  more: (n) => `... and ${n} more`,
};
