/**
 * One measure's definition, as the Definitions sheet of a report and the function reference
 * both show it. The measure itself is computed in src/indicators/; its catalog function is the
 * key of its entry. Every field is plain text (no markup): a cell shows it as written.
 */
export interface MeasureDefinition {
  /** The measure's name where a report shows it without a label of its own. */
  readonly name: string;
  /**
   * What it means, in one sentence: the function's description in its JSDoc (the tooltip Excel
   * shows, translated in src/functions/metadata.uk.json), word for word; tests keep the two equal.
   */
  readonly meaning: string;
  /** The definition in plain text with Unicode math. */
  readonly formula: string;
  /** Full citation: authors, year, title, venue (from ./citations). */
  readonly citation: string;
}
