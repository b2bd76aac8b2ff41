/**
 * Reading the user's selection through Office.js into a SourceBlock.
 *
 * One `Excel.run`. The first sync loads the selection's address and sheet, the used part of
 * the selection (so a whole-column selection "A:H" or a whole-row selection "3:40" is read as
 * the cells that hold data: Excel answers null for the values of an unbounded range) and,
 * speculatively, the values of the selection within two fixed windows at the top of the sheet
 * (rows 1–5,000 × columns A–AN, rows 5,001–25,000 × columns A–J, for the default 200,000
 * cells each): the size of a selection is unknown until a sync returns, so this is how a
 * selection that fits them — nearly every real one — is read in ONE sync while a huge one
 * costs at most 2 × chunkCells cells of wasted payload. What the windows did not hold is read
 * in row chunks of at most `chunkCells` cells, one sync each, with progress and cancellation;
 * a chunk Excel refuses as too large (either payload code, or GeneralException as Excel on the
 * web answers, see isSizeFailure) is halved and read again, down to a single row.
 *
 * A selection of several areas, or of a chart or picture, makes getSelectedRange fail with
 * InvalidSelection: it is refused in plain words (office-errors.ts).
 */
import { parseRange, range as rangeAddress } from "../report/address";
import type { CellValue, SourceBlock } from "../report/types";
import { requireDeclaredApi } from "./office-api";
import { throwIfCancelled } from "../report/cancel";
import { asHostError, codeOf, HostError, isPayloadError } from "./office-errors";

/** Selections up to this many cells are read in one go; larger ones in chunks of this size. */
export const DEFAULT_CHUNK_CELLS = 200_000;

/**
 * The speculative first-sync windows, stacked: columns A–AN for the first chunkCells / 40 rows
 * (rows 1–5,000 by default), then columns A–J for the next chunkCells / 10 rows (rows
 * 5,001–25,000). Each holds at most chunkCells cells; together they cover wide tables and
 * matrices of up to 5,000 rows and narrow tables and lists of up to 25,000 rows.
 */
function windows(chunkCells: number): { top: number; bottom: number; right: number }[] {
  const wide = Math.max(1, Math.floor(chunkCells / 40));
  const tall = Math.max(1, Math.floor(chunkCells / 10));
  return [
    { top: 0, bottom: wide - 1, right: 39 },
    { top: wide, bottom: wide + tall - 1, right: 9 },
  ];
}

export interface ReadOptions {
  /** Called after each chunk with rows read and rows in all (once, at the end, for one-sync reads). */
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  readonly chunkCells?: number;
}

export interface ReadResult {
  readonly block: SourceBlock;
  /** The block's range on its sheet, e.g. "A1:D40" (the used part of the selection). */
  readonly address: string;
  readonly sheet: string;
  /** The selection as the user made it, e.g. "A:D" or "A1:D40". */
  readonly selected: string;
}

/** A read Excel may have refused for the size of its answer (reads are safe to repeat smaller). */
const readTooLarge = (e: unknown) => isPayloadError(e) || codeOf(e) === "GeneralException";

/** "Sheet1!A1:D40" / "'My data'!A1" → the sheet-less part and the 0-based rectangle. */
function splitAddress(address: string): { ref: string; rect: { top: number; left: number; bottom: number; right: number } } {
  const ref = address.slice(address.lastIndexOf("!") + 1);
  const rect = parseRange(ref);
  if (!rect) throw new HostError(`Excel gave a range address the add-in cannot read: ${address}.`);
  return { ref, rect };
}

/** A row of Office.js values as block cells: blanks ("") become null, the rest as they are. */
function toCells(row: unknown[], from: number, count: number): CellValue[] {
  const out: CellValue[] = new Array(count);
  for (let j = 0; j < count; j++) {
    const v = row[from + j];
    out[j] = v === "" || v === undefined || v === null ? null : (v as CellValue);
  }
  return out;
}

/**
 * Reads the selected range (its used part) into a SourceBlock. Normal selections take one
 * sync; larger ones are read in row chunks with progress and cancellation (`cancelled(…)`, ../report/cancel.ts,
 * when the signal aborts).
 */
export async function readSelection(options: ReadOptions = {}): Promise<ReadResult> {
  const { signal, onProgress } = options;
  const chunkCells = Math.max(1, Math.floor(options.chunkCells ?? DEFAULT_CHUNK_CELLS));
  const cancelled = "Reading the selection was cancelled.";
  throwIfCancelled(signal, cancelled);
  try {
    requireDeclaredApi();
    return await Excel.run(async (context) => {
      // Sync 1: where the selection is, its used part, and the values inside the window.
      let first: { selection: Excel.Range; sheet: Excel.Worksheet; data: Excel.Range; heads: Excel.Range[] } | undefined;
      for (const withHeads of [true, false]) {
        const selection = context.workbook.getSelectedRange();
        selection.load("address");
        const sheet = selection.worksheet;
        sheet.load("name");
        const data = selection.getUsedRangeOrNullObject(true);
        data.load("address,rowCount,columnCount");
        const heads = withHeads
          ? windows(chunkCells).map((w) => selection.getIntersectionOrNullObject(rangeAddress(w.top, 0, w.bottom, w.right)).load("address,values"))
          : [];
        try {
          await context.sync();
          first = { selection, sheet, data, heads };
          break;
        } catch (e) {
          if (!(withHeads && readTooLarge(e))) throw e; // the windows' text was too heavy: read in chunks
        }
      }
      const { selection, sheet, data, heads } = first!;
      throwIfCancelled(signal, cancelled);
      const selected = selection.address.slice(selection.address.lastIndexOf("!") + 1); // may be "A:D"
      if (data.isNullObject) throw new HostError(`The selection (${selected}) is empty: select the cells that hold your data, headers and labels included.`);
      const sheetName = sheet.name;
      const { ref, rect } = splitAddress(data.address);
      const rows = data.rowCount;
      const cols = data.columnCount;
      const values: CellValue[][] = new Array(rows);
      let done = 0;
      // The leading rows of the data that the windows hold over its full width.
      for (const head of heads) {
        if (head.isNullObject) continue;
        const h = splitAddress(head.address).rect;
        const next = rect.top + done;
        if (done < rows && h.top <= next && h.bottom >= next && h.left <= rect.left && h.right >= rect.right) {
          const last = Math.min(h.bottom, rect.bottom);
          const hv = head.values;
          for (let r = next; r <= last; r++) values[r - rect.top] = toCells(hv[r - h.top], rect.left - h.left, cols);
          done = last - rect.top + 1;
        }
      }
      // Further syncs, only for what the window did not hold: row chunks of chunkCells at most.
      let chunkRows = Math.max(1, Math.floor(chunkCells / cols));
      while (done < rows) {
        onProgress?.(done, rows);
        throwIfCancelled(signal, cancelled);
        const n = Math.min(chunkRows, rows - done);
        const part = sheet.getRange(rangeAddress(rect.top + done, rect.left, rect.top + done + n - 1, rect.right));
        part.load("values");
        try {
          await context.sync();
        } catch (e) {
          if (readTooLarge(e) && n > 1) {
            chunkRows = Math.ceil(n / 2);
            continue;
          }
          throw e;
        }
        const pv = part.values;
        for (let i = 0; i < n; i++) values[done + i] = toCells(pv[i], 0, cols);
        done += n;
      }
      throwIfCancelled(signal, cancelled);
      onProgress?.(rows, rows);
      const block: SourceBlock = { sheet: sheetName, top: rect.top, left: rect.left, values, provenance: data.address };
      return { block, address: ref, sheet: sheetName, selected };
    });
  } catch (e) {
    throw asHostError(e, "read the selection");
  }
}
