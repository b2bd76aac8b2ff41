/**
 * The headline numbers of a report as data: a code (and, for a table's measure, its name in
 * the registry ./measures.ts, which is its key there) with its value. The task pane and
 * the command line label them in the user's language (src/messages/headline.ts).
 */
import type { StockDecrease } from "../indicators/estimation";

export type HeadlineItem =
  | { readonly code: "regions" | "totalFlows" | "rows"; readonly value: number }
  | { readonly code: "mei" | "circulationIndex"; readonly value: number }
  | { readonly code: "largestCorridor"; readonly value: { readonly origin: string; readonly destination: string; readonly flow: number } }
  /** The median over the regions of a table's measure, named as in the registry ("Skilled emigration rate"). */
  | { readonly code: "median"; readonly measure: string; readonly value: number }
  /** The period the report shows. */
  | { readonly code: "period"; readonly value: string }
  /** Flows estimated from stocks between two periods, by a method. */
  | { readonly code: "estimatedFlows"; readonly value: { readonly first: string; readonly last: string; readonly method: StockDecrease } };

export type HeadlineCode = HeadlineItem["code"];
