/**
 * A world origin × destination matrix for drawing tests: the 232 places of UN DESA's
 * International Migrant Stock 2020 that have both totals (nationals abroad, foreign-born
 * residents), flows fitted to those totals by IPF from a uniform seed (zero diagonal) — the
 * flows are a model of the margins, not observed bilateral figures, and the figure says so.
 */
import { ipf } from "../../src/indicators/estimation";
import { readSample } from "../support/samples";

export function worldMatrix(): { labels: string[]; flows: number[][] } {
  const [header, ...rows] = readSample("undesa-migrant-stock-totals-1990-2020.csv");
  const col = (name: string) => header.indexOf(name);
  const places = rows.filter((r) => r[col("year")] === 2020 && typeof r[col("fb")] === "number" && typeof r[col("disp")] === "number" && (r[col("fb")] as number) > 0 && (r[col("disp")] as number) > 0);
  const out = places.map((r) => r[col("disp")] as number);
  const inn = places.map((r) => r[col("fb")] as number);
  // The two totals differ (UN DESA counts them separately): the destinations are scaled to the origins' sum.
  const scale = out.reduce((a, b) => a + b, 0) / inn.reduce((a, b) => a + b, 0);
  const seed = places.map((_, i) => places.map((__, j) => (i === j ? 0 : 1)));
  const fit = ipf(seed, out, inn.map((v) => v * scale), 2000, 1e-9);
  return { labels: places.map((r) => String(r[col("name")]).replace(/\*$/, "")), flows: fit.matrix.map((row) => row.map((v) => Math.round(v))) };
}
