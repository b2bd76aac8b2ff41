/**
 * What a printed report must show: every text of every planned sheet as the spreadsheet
 * displays it (numbers in their format), and the checks of a PDF's text against them.
 */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, rmSync } from "fs";
import { basename, join } from "path";
import { tmpdir } from "os";
import { isPlannedError } from "../../src/report/cells";
import { tableHeaders, tableWidth } from "../../src/hosts/common";
import type { PlannedCell, PlannedSheet } from "../../src/report/types";

/** A cell's text as a spreadsheet in the en-US locale shows it, or null for a blank. */
export function shownText(cell: PlannedCell): string | null {
  const v = cell.value;
  if (v === null || v === undefined || v === "") return null;
  if (isPlannedError(v)) return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  // Spreadsheets round halves away from zero (-14,359.5 shows as -14,360); Math.round rounds them up.
  const round = (x: number) => Math.sign(x) * Math.round(Math.abs(x));
  const fixed = (x: number, d: number) => {
    const t = x.toFixed(d);
    return /^-0\.?0*%?$/.test(t) ? t.slice(1) : t; // a negative that rounds to zero shows as 0
  };
  switch (cell.format) {
    case "count": {
      const t = round(v).toLocaleString("en-US");
      return t === "-0" ? "0" : t;
    }
    case "percent":
      return `${fixed(v * 100, 1)}%`;
    case "perThousand":
      return fixed(v, 1);
    case "ratio":
    case "decimal":
      return fixed(v, 3);
    case "year":
      return String(round(v));
    default:
      return String(v);
  }
}

/** Every text a planned sheet shows, with the 0-based column of its cell. */
export function sheetTexts(sheet: PlannedSheet): { col: number; text: string }[] {
  const out: { col: number; text: string }[] = [];
  const add = (col: number, cell: PlannedCell | undefined) => {
    const t = cell && shownText(cell);
    if (t) out.push({ col, text: t });
  };
  for (const t of sheet.tables) {
    tableHeaders(t.header, tableWidth(t)).forEach((h, j) => out.push({ col: t.left + j, text: h }));
    for (const r of t.rows) r.forEach((c, j) => add(t.left + j, c));
    t.totals?.forEach((c, j) => add(t.left + j, c));
  }
  for (const c of sheet.cells) add(c.col, c.cell);
  return out;
}

/** Text compared without its spacing: a wrapped cell's lines come back joined by line breaks. */
export const squeeze = (s: string) => s.replace(/\s+/g, "");

/** The text of each page of a PDF, in content order (`pdftotext -raw`). */
export function pdfPages(pdf: string): string[] {
  const r = spawnSync("pdftotext", ["-raw", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`pdftotext failed on ${pdf}: ${r.stderr}`);
  const pages = r.stdout.split("\f");
  if (pages[pages.length - 1].trim() === "") pages.pop();
  return pages;
}

/** Converts an .xlsx file to PDF with LibreOffice headless and a fresh profile; returns the PDF's path. */
export function toPdf(soffice: string, xlsx: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), "lo-pdf-profile-"));
  try {
    const r = spawnSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--nolockcheck", "--convert-to", "pdf", "--outdir", outDir, xlsx], { encoding: "utf8", timeout: 240_000 });
    if (r.status !== 0) throw new Error(`soffice could not convert ${xlsx}: ${r.stderr}${r.stdout}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, basename(xlsx).replace(/\.xlsx$/, ".pdf"));
}

/** Saves page `page` (1-based) of a PDF as a 60 dpi PNG at `png` (without ".png"). */
export function pagePng(pdf: string, page: number, png: string): void {
  mkdirSync(join(png, ".."), { recursive: true });
  const r = spawnSync("pdftoppm", ["-png", "-r", "60", "-f", String(page), "-l", String(page), "-singlefile", pdf, png]);
  if (r.status !== 0) throw new Error(`pdftoppm failed on page ${page} of ${pdf}`);
}

/** The texts of `sheet` found whole in `text` (spacing aside) and those not: clipped or missing. */
export function checkTexts(sheet: PlannedSheet, text: string): { checked: number; clipped: string[] } {
  const hay = squeeze(text);
  const seen = new Map<string, boolean>();
  const clipped: string[] = [];
  let checked = 0;
  for (const { text: t } of sheetTexts(sheet)) {
    checked++;
    const key = squeeze(t);
    let found = seen.get(key);
    if (found === undefined) seen.set(key, (found = hay.includes(key)));
    if (!found) clipped.push(t);
  }
  return { checked, clipped };
}
