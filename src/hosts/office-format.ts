/**
 * How the task pane's report looks, as the .xlsx host shows it: the cell formats of a planned
 * sheet (table headers and totals, styled free cells, merged spans, wrapping columns, row
 * heights) as a list of ranges and what to set on each, and its page set-up in Office.js terms.
 * Host-neutral (no Office.js here): office-write.ts applies them.
 */
import { range as rangeAddress, cell as cellAddress } from "../report/address";
import { rowHeights } from "../report/fit-widths";
import type { PlannedSheet, PrintSetup } from "../report/types";
import { CellLook, FOOTER_CENTER, FOOTER_RIGHT, footerLeft, freeCellLook, PAGE_MARGINS, tableWidth, wrappingTableColumns } from "./common";

/** What to set on one range. */
export interface FormatOp {
  readonly address: string;
  /** Fonts, fill and rules of a look (LOOKS); absent: left as they are. */
  readonly look?: CellLook;
  /** Wrap text within the cell (the row grows). */
  readonly wrap?: boolean;
  readonly vertical?: "Top" | "Center";
  /** Merge the range into one cell (a free cell's span). */
  readonly merge?: boolean;
  /** The row's height in points. */
  readonly rowHeight?: number;
}

/** A sheet's formats, in the order to apply them (merges before the looks of merged cells). */
export function formatOps(sheet: PlannedSheet): FormatOp[] {
  const ops: FormatOp[] = [];
  const tableWraps = wrappingTableColumns(sheet);
  for (const t of sheet.tables) {
    const right = t.left + tableWidth(t) - 1;
    ops.push({ address: rangeAddress(t.top, t.left, t.top, right), look: "header", wrap: true, vertical: "Center" });
    if (t.rows.length > 0 && tableWraps[t.left]) ops.push({ address: rangeAddress(t.top + 1, t.left, t.top + t.rows.length, right), wrap: true, vertical: "Top" });
    if (t.totals) {
      const row = t.top + 1 + t.rows.length;
      ops.push({ address: rangeAddress(row, t.left, row, right), look: "total" });
    }
  }
  for (const c of sheet.cells) {
    const span = c.span ?? 1;
    const { look, wrap } = freeCellLook(sheet, c);
    if (look === "plain" && !wrap && span <= 1) continue;
    ops.push({
      address: span > 1 ? rangeAddress(c.row, c.col, c.row, c.col + span - 1) : cellAddress(c.row, c.col),
      ...(look !== "plain" ? { look } : {}),
      ...(wrap ? { wrap, vertical: "Top" as const } : {}),
      ...(span > 1 ? { merge: true } : {}),
    });
  }
  for (const [row, height] of [...rowHeights(sheet)].sort((a, b) => a[0] - b[0])) ops.push({ address: cellAddress(row, 0), rowHeight: height });
  return ops;
}

/** A sheet's page set-up as Office.js sets it (ExcelApi 1.9, Worksheet.pageLayout); margins in points. */
export interface PageSetup {
  readonly orientation: "Portrait" | "Landscape";
  /** Fit to one page wide, as many pages tall as needed (0: no limit, as in the file format). */
  readonly zoom: { readonly horizontalFitToPages: 1; readonly verticalFitToPages: 0 };
  readonly margins: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number; readonly header: number; readonly footer: number };
  /** Rows repeated at the top of every page, "$8:$8". */
  readonly titleRows?: string;
  readonly leftFooter: string;
  readonly centerFooter: string;
  readonly rightFooter: string;
}

const points = (inches: number) => Math.round(inches * 72 * 100) / 100;

export function pageSetup(print: PrintSetup): PageSetup {
  return {
    orientation: print.orientation === "landscape" ? "Landscape" : "Portrait",
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    margins: {
      left: points(PAGE_MARGINS.left),
      right: points(PAGE_MARGINS.right),
      top: points(PAGE_MARGINS.top),
      bottom: points(PAGE_MARGINS.bottom),
      header: points(PAGE_MARGINS.header),
      footer: points(PAGE_MARGINS.footer),
    },
    ...(print.titleRows ? { titleRows: `$${print.titleRows[0] + 1}:$${print.titleRows[1] + 1}` } : {}),
    leftFooter: footerLeft(print.footer),
    centerFooter: FOOTER_CENTER,
    rightFooter: FOOTER_RIGHT,
  };
}
