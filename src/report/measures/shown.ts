import { NumberFormat } from "../types";

/**
 * The other numbers a report shows, each with its one format (the key figures and table
 * measures above carry theirs): numbers of people as counts with thousands separators, shares
 * and rates as percentages, indices and ratios to 3 decimals, rates per 1,000 to 1 decimal.
 */
export interface ShownMeasure {
  readonly label: string;
  readonly format: NumberFormat;
}

/** The number of regions of a matrix (a key figure). */
export const REGION_COUNT: ShownMeasure = { label: "Regions", format: "count" };

/** A flow or stock of people between two regions (a matrix cell, a corridor's flow and counterflow). */
export const FLOW: ShownMeasure = { label: "Flow", format: "count" };
