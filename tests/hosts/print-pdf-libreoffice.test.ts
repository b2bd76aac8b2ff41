/**
 * The sample reports on paper: each is written as the command line writes it (native mode, the
 * data copied beside it), printed to PDF by LibreOffice headless (one conversion per report, a
 * fresh profile each), and read back with `pdftotext`:
 * - every text of every report sheet (labels, headers, notes, numbers as their format shows
 *   them) appears whole in the text of that sheet's pages; a text cut by the next column or by
 *   the page's edge does not;
 * - each report sheet prints one page wide. Pages print down, then across, so a sheet too wide
 *   for one page has pages holding only its right-hand columns. Every page of a sheet one page
 *   wide holds some text of the sheet's leftmost column (a table's labels, the notes under it):
 *   a page without any is a page of right-hand columns.
 * A page belongs to the sheet its footer names (the centre part is the sheet's name). The first
 * page of each sheet is saved as test-artifacts/print/<report>-<sheet>.png for a person to look at.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { engine } from "../../src/cli/engine";
import { readInput } from "../../src/cli/read-input";
import { writeReportXlsx } from "../../src/hosts/xlsx";
import { ensurePoppler } from "../support/apt";
import { ensureLibreOffice } from "../support/libreoffice";
import { checkTexts, pagePng, pdfPages, sheetTexts, squeeze, toPdf } from "../support/print-check";
import { SAMPLES } from "../support/samples";

jest.setTimeout(400_000);

const DIR = mkdtempSync(join(tmpdir(), "print-pdf-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));
const ARTIFACTS = join(__dirname, "..", "..", "test-artifacts", "print");

let soffice = "";
beforeAll(() => {
  soffice = ensureLibreOffice();
  ensurePoppler();
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test.each([
  ["erasmus-student-mobility-2012-13.csv", "erasmus"],
  ["uk-interregional-flows-2018.csv", "uk"],
  ["iab-emigration-rates-1980-2010.csv", "iab"],
  ["undesa-migrant-stock-totals-1990-2020.csv", "undesa"],
])("%s: every text of every report sheet prints whole, each sheet one page wide", async (file, short) => {
  const { block } = await readInput(join(SAMPLES, file));
  const plan = engine.plan(block, engine.detect(block), { mode: "native", source: file, now: new Date("2024-01-01T00:00:00Z") });
  const xlsx = join(DIR, `${short}.xlsx`);
  const { sheetNames } = await writeReportXlsx(plan, xlsx, { source: block });
  const pdf = toPdf(soffice, xlsx, DIR);
  const pages = pdfPages(pdf);

  const lines: string[] = [];
  const clippedAll: string[] = [];
  const narrow: string[] = [];
  plan.sheets.forEach((sheet, k) => {
    const name = sheetNames[k + 1];
    const footer = new RegExp(`${escape(name)}\\s*Page \\d+ of \\d+`);
    const mine = pages.map((text, i) => ({ text, page: i + 1 })).filter((p) => footer.test(p.text));
    expect([name, mine.length > 0]).toEqual([name, true]);
    const { checked, clipped } = checkTexts(sheet, mine.map((p) => p.text).join("\n"));
    lines.push(`${name}: ${checked} texts checked, ${clipped.length} clipped, ${mine.length} page(s)`);
    clippedAll.push(...clipped.map((t) => `${name}: ${t}`));
    // One page wide: every page holds a text of the leftmost column.
    const texts = sheetTexts(sheet);
    const left = Math.min(...texts.map((t) => t.col));
    const firstColumn = [...new Set(texts.filter((t) => t.col === left).map((t) => squeeze(t.text)))];
    for (const p of mine) {
      const text = squeeze(p.text);
      if (!firstColumn.some((t) => text.includes(t))) narrow.push(`${name}: page ${p.page} holds none of column ${left + 1}'s texts`);
    }
    pagePng(pdf, mine[0].page, join(ARTIFACTS, `${short}-${name.replace(/\W+/g, "-")}`));
  });
  console.log(`${file} printed to PDF (${pages.length} pages, the data sheet's included):\n  ${lines.join("\n  ")}`);
  expect(clippedAll.slice(0, 10)).toEqual([]);
  expect(narrow.slice(0, 10)).toEqual([]);
});
