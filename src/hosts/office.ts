/**
 * The Office.js host (../shared/DESIGN.md, "Reports"): reads the user's selection into a
 * SourceBlock and writes a ReportPlan into the open workbook through the global `Excel`.
 * What the task pane imports; the work is done in modules named for what they hold:
 * - office-read.ts: reading the selection (one sync for nearly every selection, chunks beyond);
 * - office-write.ts: writing the report (batches measured as Office.js sends them, retried
 *   smaller when Excel refuses one as too large, undone on failure or cancellation);
 * - office-blocks.ts: the plan's cells as the rectangles written, text always as text;
 * - office-array-note.ts: the Definitions note where array formulas could only be values;
 * - office-request.ts: the size of a request as Office.js serializes it;
 * - office-api.ts: the requirement sets declared in the manifest and checked at run time;
 * - office-errors.ts: Excel's errors in plain words.
 */
export { HostError } from "./office-errors";
export { readSelection } from "./office-read";
export { pacedFittedWidths, PREPARE_CHUNK_CELLS, REQUEST_BUDGET_BYTES, widthPoints, writeReport } from "./office-write";
