/**
 * The demo (`npm run demo`): worked examples computed from the bundled sample data by the
 * BUILT custom functions (dist/functions.js), called exactly as Excel calls them. It prints
 * headline numbers for each of the three input shapes: an origin × destination matrix
 * (Erasmus), a long origin–destination–flow list (UK regions) and a country table (IAB).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parseCsv, CsvCell } from "../src/report/csv";
import { loadBundle, ROOT } from "./lib/bundle";

const SAMPLES = join(ROOT, "assets", "samples");
const cf = loadBundle();

type Cell = CsvCell | { code: string; message?: string };

/** Calls a function by its Excel name; an Excel error comes back as a value, as in a cell. */
function excel(name: string, ...args: unknown[]): Cell | Cell[][] {
  const fn = cf.registered.get(name);
  if (!fn) throw new Error(`${name} is not registered`);
  try {
    return fn(...args);
  } catch (e) {
    return e as Cell;
  }
}

function sample(file: string): CsvCell[][] {
  return parseCsv(readFileSync(join(SAMPLES, file), "utf8"));
}

const column = (rows: CsvCell[][], k: number): CsvCell[][] => rows.map((r) => [r[k]]);
const pct = (x: unknown) => (typeof x === "number" ? `${(100 * x).toFixed(1)}%` : String((x as { code?: string })?.code ?? x));
const num = (x: unknown) => (typeof x === "number" ? Math.round(x).toLocaleString("en-GB") : String((x as { code?: string })?.code ?? x));
const fixed = (x: unknown, d = 3) => (typeof x === "number" ? x.toFixed(d) : String((x as { code?: string })?.code ?? x));

function heading(text: string): void {
  console.log(`\n${text}\n${"─".repeat(text.length)}`);
}

// 1. Erasmus student mobility 2012–13: a 33 × 33 home × host matrix.
{
  const rows = sample("erasmus-student-mobility-2012-13.csv");
  const labels = rows.slice(1).map((r) => [r[0]]);
  const matrix = rows.slice(1).map((r) => r.slice(1));
  heading("Erasmus student mobility 2012–13 (European Commission; 33 countries)");
  const summary = excel("MIGRATION.SUMMARY", matrix, labels) as Cell[][];
  const byNet = summary.slice(1).sort((a, b) => (b[4] as number) - (a[4] as number));
  console.log(`=MIGRATION.SUMMARY: largest net receivers ${byNet.slice(0, 3).map((r) => `${r[0]} ${num(r[4])}`).join(", ")}; largest net senders ${byNet.slice(-3).reverse().map((r) => `${r[0]} ${num(r[4])}`).join(", ")}`);
  const uk = summary.find((r) => r[0] === "UK")!;
  console.log(`  UK: inflow ${num(uk[2])}, outflow ${num(uk[1])}, net ${num(uk[4])}, effectiveness ${fixed(uk[5])}`);
  console.log(`=CIRCULATION.INDEX(matrix)     ${fixed(excel("CIRCULATION.INDEX", matrix, null))}  (share of movement between country pairs that is reciprocated)`);
  console.log(`=MIGRATION.MEI(matrix)         ${fixed(excel("MIGRATION.MEI", matrix))}`);
  console.log(`=MIGRATION.GINI(matrix)        ${fixed(excel("MIGRATION.GINI", matrix, null))}`);
  console.log(`=MIGRATION.CONNECTIVITY(matrix) ${pct(excel("MIGRATION.CONNECTIVITY", matrix))} of country pairs exchanged students`);
  const corridors = excel("MIGRATION.CORRIDORS", matrix, labels, 3) as Cell[][];
  console.log(`=MIGRATION.CORRIDORS(matrix, labels, 3): ${corridors.slice(1).map((r) => `${r[0]}→${r[1]} ${num(r[2])} (reciprocity ${fixed(r[5], 2)})`).join("; ")}`);
}

// 2. UK interregional moves 2018: a long origin–destination–flow list.
{
  const rows = sample("uk-interregional-flows-2018.csv");
  heading("Moves between UK regions and nations, 2018 (ONS; long list of 144 rows)");
  const pivot = excel("MIGRATION.MATRIX", column(rows, 0), column(rows, 1), column(rows, 2)) as Cell[][];
  const labels = pivot.slice(1).map((r) => [r[0]]);
  const matrix = pivot.slice(1).map((r) => r.slice(1));
  console.log(`=MIGRATION.MATRIX(orig, dest, flow): ${matrix.length} × ${matrix.length} matrix`);
  const summary = excel("MIGRATION.SUMMARY", matrix, labels) as Cell[][];
  const london = summary.find((r) => r[0] === "London")!;
  console.log(`  London: inflow ${num(london[2])}, outflow ${num(london[1])}, net ${num(london[4])}`);
  console.log(`=MIGRATION.MEI(matrix)  ${fixed(excel("MIGRATION.MEI", matrix), 4)}   =CIRCULATION.INDEX(matrix)  ${fixed(excel("CIRCULATION.INDEX", matrix, null))}`);
}

// 3. IAB brain drain panel: a country table of emigration rates by education.
{
  const [header, ...rows] = sample("iab-emigration-rates-1980-2010.csv");
  const col = (name: string) => header.indexOf(name);
  const latest = rows.filter((r) => r[col("year")] === 2010 && r[col("gender")] === "Male and Female");
  heading(`Skilled emigration, 2010 (IAB brain drain data, Brücker, Capuano & Marfouk 2013; ${latest.length} countries)`);
  const selection = excel("BRAINDRAIN.SELECTION", column(latest, col("high_rate")), column(latest, col("tot_rate"))) as Cell[][];
  const ranked = latest.map((r, i) => ({ origin: r[col("origin")], high: r[col("high_rate")], sel: selection[i][0] })).sort((a, b) => (b.high as number) - (a.high as number));
  console.log("Highest skilled emigration rates, with =BRAINDRAIN.SELECTION(high_rate, tot_rate):");
  for (const r of ranked.slice(0, 5)) console.log(`  ${String(r.origin).padEnd(24)} ${pct(r.high).padStart(6)}  selection ${fixed(r.sel, 1)}×`);
  const errors = selection.filter((r) => typeof r[0] !== "number").length;
  console.log(`  (${selection.length - errors} ratios computed; ${errors} cells are Excel errors where a rate is missing or the total rate is 0)`);
}

console.log(`\nFunction reference: ${join(ROOT, "docs", "reference.html")}`);
