import { readFileSync } from "fs";
import { join } from "path";
import { CsvCell, parseCsv } from "../../src/report/csv";

/** The bundled copies of ../shared/data (provenance in assets/samples/README.md). */
export const SAMPLES = join(__dirname, "..", "..", "assets", "samples");

export function readSample(file: string): CsvCell[][] {
  return parseCsv(readFileSync(join(SAMPLES, file), "utf8"));
}

/** The Erasmus 2012–13 matrix: 33 home (rows) × host (columns) countries. */
export function erasmus(): { labels: string[]; matrix: number[][] } {
  const rows = readSample("erasmus-student-mobility-2012-13.csv");
  return { labels: rows[0].slice(1) as string[], matrix: rows.slice(1).map((r) => r.slice(1) as number[]) };
}

/** The UK 2018 interregional moves, long format: origin, destination, flow. */
export function ukFlows(): { orig: string[]; dest: string[]; flow: number[] } {
  const rows = readSample("uk-interregional-flows-2018.csv").slice(1);
  return { orig: rows.map((r) => r[0] as string), dest: rows.map((r) => r[1] as string), flow: rows.map((r) => r[2] as number) };
}

/** The UK 2018 moves as a square matrix: regions in the order they first appear as origins. */
export function ukMatrix(): { labels: string[]; flows: number[][] } {
  const { orig, dest, flow } = ukFlows();
  const labels = [...new Set(orig)];
  const flows = labels.map(() => labels.map(() => 0));
  orig.forEach((o, k) => (flows[labels.indexOf(o)][labels.indexOf(dest[k])] += flow[k]));
  return { labels, flows };
}

/** IAB rows as records keyed by the header. */
export function iab(): Record<string, CsvCell>[] {
  const [header, ...rows] = readSample("iab-emigration-rates-1980-2010.csv");
  return rows.map((r) => Object.fromEntries(header.map((h, k) => [h as string, r[k]])));
}
