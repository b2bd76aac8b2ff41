/**
 * How each report sheet prints (or saves as PDF): one page wide and as many tall as needed
 * (the hosts do that), landscape when its columns are wider than a portrait page holds at full
 * size, the main table's header row repeated on every page, the report's title in the footer.
 */
import { contentRight, pixelsBefore } from "./layout";
import { PlannedSheet, PrintSetup } from "./types";

/**
 * The printable width of a page in pixels at 96 dpi: the narrower of A4 (8.27 × 11.69 in) and
 * Letter (8.5 × 11 in), less Excel's default side margins of 0.7 in each.
 */
export const PRINTABLE_PIXELS = {
  portrait: Math.floor((8.27 - 1.4) * 96),
  landscape: Math.floor((11 - 1.4) * 96),
} as const;

/**
 * A sheet's page set-up. Landscape when the columns are wider than a portrait page: printed one
 * page wide, a portrait page would shrink them and landscape shrinks them less or not at all
 * (a sheet taller than wide but with wide columns is read more easily large, on more pages).
 */
export function printSetup(sheet: Omit<PlannedSheet, "print">, footer: string): PrintSetup {
  const width = pixelsBefore(sheet.widths, contentRight(sheet));
  const orientation = width > PRINTABLE_PIXELS.portrait ? "landscape" : "portrait";
  // The main table: the one with the most rows (its header is what a reader needs on each page).
  const main = sheet.tables.reduce<PlannedSheet["tables"][number] | undefined>((m, t) => (m === undefined || t.rows.length > m.rows.length ? t : m), undefined);
  return main ? { orientation, titleRows: [main.top, main.top], footer } : { orientation, footer };
}

/** The sheet with its page set-up: the planner's own where it set one, else printSetup's. */
export function withPrint(sheet: PlannedSheet, footer: string): PlannedSheet {
  return sheet.print ? sheet : { ...sheet, print: printSetup(sheet, footer) };
}
