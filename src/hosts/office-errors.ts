/**
 * Errors from the Office.js host in plain words: Excel's error codes mapped to sentences the
 * task pane can show as they are (the pane translates them by `code`), and which failures mean
 * "the request was too large". Cancellation is ../report/cancel's.
 */

import { isCancelled } from "../report/cancel";

/** An Error the task pane can show as it is; `code` is Excel's error code when there was one. */
export class HostError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = "HostError";
  }
}

/** Excel's error code (OfficeExtension.Error has a string `code`). */
export function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[A-Za-z]+$/.test(code) ? code : undefined;
}

/** Excel refused the request or its answer as too large (nothing of the request was applied). */
export const isPayloadError = (e: unknown) => codeOf(e) === "RequestPayloadSizeLimitExceeded" || codeOf(e) === "ResponsePayloadSizeLimitExceeded";

/**
 * A request Excel may have refused for its size: the two payload codes, or GeneralException,
 * which Excel on the web also answers to an oversized request ("An internal error has
 * occurred", HTTP 500: github.com/OfficeDev/office-js/issues/1314, and
 * github.com/OfficeDev/office-js-docs-reference/issues/354, where
 * 2,000 × 10 cells failed so). GeneralException is also Excel's catch-all, so it counts as a
 * size failure only for requests of at least SUSPECT_BYTES: a smaller one failing so is a
 * real error, and splitting it would only repeat it.
 */
export function isSizeFailure(e: unknown, requestBytes: number): boolean {
  return isPayloadError(e) || (codeOf(e) === "GeneralException" && requestBytes >= SUSPECT_BYTES);
}
/** See isSizeFailure: the smallest request whose GeneralException is taken for a size failure. */
export const SUSPECT_BYTES = 32 * 1024;

const OFFICE_MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode: "Excel is busy editing a cell: press Enter or Esc in the cell, then try again.",
  AccessDenied: "Excel did not allow the change: the workbook may be protected, shared read-only or opened in a view that cannot be edited.",
  RequestPayloadSizeLimitExceeded: "The data was too large for one request to Excel.",
  ResponsePayloadSizeLimitExceeded: "The data was too large for one answer from Excel.",
  ItemAlreadyExists: "A sheet or table with one of the report's names appeared while the report was being written.",
  InvalidSelection: "Select one block of cells: the current selection has several areas or is not a range of cells (a chart, a picture or a shape).",
  UnsupportedSheet: "This kind of sheet cannot be read: select cells on an ordinary worksheet.",
  ApiNotFound: "This version of Excel lacks a feature the add-in needs (Excel 2021 or later, Microsoft 365, or Excel on the web).",
};

/** Excel's failure as a sentence: its code's message, else its own words if they are a sentence. */
export function excelSentence(e: unknown, doing: string): { text: string; code?: string } {
  const code = codeOf(e);
  if (code && OFFICE_MESSAGES[code]) return { text: OFFICE_MESSAGES[code], code };
  const message = e instanceof Error ? e.message.trim().replace(/\s+/g, " ") : "";
  const sentence = message && message.length <= 300 && !/\bat \S+ \(|undefined|is not a function/.test(message) ? message : "";
  if (code) return { text: `Excel could not ${doing} (${code}${sentence ? `: ${sentence.replace(/\.$/, "")}` : ""}).`, code };
  if (sentence && !(e instanceof TypeError || e instanceof ReferenceError)) return { text: /[.!?]$/.test(sentence) ? sentence : `${sentence}.` };
  return { text: `Something went wrong while trying to ${doing}.` };
}

/** Wraps whatever a host call threw as a HostError (cancellation and HostErrors pass through). */
export function asHostError(e: unknown, doing: string, after = ""): Error {
  if (isCancelled(e) || e instanceof HostError) return e as Error;
  const { text, code } = excelSentence(e, doing);
  return new HostError(after ? `${text} ${after}` : text, code, e);
}
