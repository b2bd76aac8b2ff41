/**
 * The demo (`npm run demo`): builds a migration report from each data sheet of the bundled
 * sample workbook (assets/sample-workbook.xlsx, made from ../shared/data, sources on its
 * Sources sheet) with the same engine and command line users run, into out/, and prints where
 * each report is and its headline numbers. Then one worked example through the built custom
 * functions, the bundle Excel loads.
 */
import { mkdirSync } from "fs";
import { join, relative } from "path";
import { run } from "../src/cli/main";
import { loadBundle, ROOT } from "./lib/bundle";

const WORKBOOK = join(ROOT, "assets", "sample-workbook.xlsx");
const OUT = join(ROOT, "out");
const SHEETS: { sheet: string; file: string; what: string }[] = [
  { sheet: "Erasmus 2012-13", file: "erasmus-report.xlsx", what: "origin × destination matrix" },
  { sheet: "UK flows 2018", file: "uk-flows-report.xlsx", what: "long origin–destination–flow list" },
  { sheet: "UN DESA stocks", file: "undesa-report.xlsx", what: "country table" },
  { sheet: "IAB brain drain", file: "iab-report.xlsx", what: "country table" },
];

async function main(): Promise<number> {
  mkdirSync(OUT, { recursive: true });
  console.log(`Reports from ${relative(ROOT, WORKBOOK)} (live native formulas; open them in Excel or LibreOffice):`);
  for (const s of SHEETS) {
    console.log(`\n${s.sheet} (${s.what})`);
    const code = await run([WORKBOOK, "--sheet", s.sheet, "-o", join(OUT, s.file), "--force"]);
    if (code !== 0) return code;
  }

  // The same numbers through the custom functions, called as Excel calls them.
  const cf = loadBundle();
  const summary = cf.registered.get("MIGRATION.SUMMARY")!;
  // Erasmus 2012–13: 6,826 students went from FR to UK and 4,458 from UK to FR.
  const uk = (summary([[0, 6826], [4458, 0]], [["FR"], ["UK"]]) as unknown[][])[2];
  console.log(`\n=MIGRATION.SUMMARY({0,6826;4458,0}, {"FR";"UK"}) → UK row: outflow ${uk[1]}, inflow ${uk[2]}, net ${uk[4]} (Erasmus students between France and the UK, 2012–13)`);
  console.log(`Function reference: ${relative(ROOT, join(ROOT, "docs", "functions.md"))}`);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(e);
    process.exitCode = 1;
  },
);
