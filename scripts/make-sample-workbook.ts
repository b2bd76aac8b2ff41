/**
 * Builds assets/sample-workbook.xlsx from the bundled samples (copies of ../shared/data):
 * one sheet per input shape, and a Sources sheet with the provenance of each.
 * Run: npx tsx scripts/make-sample-workbook.ts
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { parseCsv } from "../src/report/csv";

const ROOT = join(__dirname, "..");
const read = (file: string) => parseCsv(readFileSync(join(ROOT, "assets", "samples", file), "utf8"));

const SHEETS: { name: string; file: string; what: string; source: string }[] = [
  {
    name: "Erasmus 2012-13",
    file: "erasmus-student-mobility-2012-13.csv",
    what: "Erasmus student mobility 2012–13: home country (rows) × host country (columns), 268,142 students",
    source: "European Commission Erasmus statistics, as shipped in the R package asymmetry 2.0.6 (data studentmigration, GPL ≥ 3).",
  },
  {
    name: "UK flows 2018",
    file: "uk-interregional-flows-2018.csv",
    what: "Moves between the 12 UK regions and nations in 2018, long list: orig, dest, flow",
    source: "ONS internal migration estimates (Open Government Licence), as tidied in the public repository guyabel/migration-in-r (data/uk_nhs_hesa_2018_tidy.csv).",
  },
  {
    name: "UN DESA stocks",
    file: "undesa-migrant-stock-totals-1990-2020.csv",
    what: "International migrant stock per country and year: fb = foreign-born residents, disp = nationals abroad, pop = population (blank = NA in the source)",
    source: "UN DESA Population Division, International Migrant Stock 2020 (CC BY 3.0 IGO), as tidied in the public repository guyabel/stepladderChapter (data/stock_totals_2020.csv).",
  },
  {
    name: "IAB brain drain",
    file: "iab-emigration-rates-1980-2010.csv",
    what: "Emigration rates by education level, 196 origins × 1980–2010 × gender; high_rate = skilled (tertiary) emigration rate, tot_rate = total",
    source: "IAB Brain Drain Data. Brücker H., Capuano S., Marfouk A. (2013), Education, gender and international migration: insights from a panel-dataset 1980–2010.",
  },
];

async function main(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Migration Analytics for Excel";
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  for (const s of SHEETS) {
    const ws = wb.addWorksheet(s.name);
    for (const row of read(s.file)) ws.addRow(row.map((v) => (v === null ? null : v)));
    ws.views = [{ state: "frozen", ySplit: 1 }];
  }
  const src = wb.addWorksheet("Sources");
  src.addRow(["sheet", "what", "source and terms"]);
  for (const s of SHEETS) src.addRow([s.name, s.what, s.source]);
  src.columns = [{ width: 20 }, { width: 80 }, { width: 100 }];
  await wb.xlsx.writeFile(join(ROOT, "assets", "sample-workbook.xlsx"));
  console.log("wrote assets/sample-workbook.xlsx");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
