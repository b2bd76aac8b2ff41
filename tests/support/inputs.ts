import { ReportInput, SourceColumn } from "../../src/report/input";
import { Role } from "../../src/report/types";
import { readSample } from "./samples";

/**
 * Report inputs built by hand from the samples as if each CSV sat at A1 of a sheet "Data":
 * for planner tests that must not depend on detection.
 */
export function sampleInput(name: "erasmus" | "uk" | "undesa" | "iab"): ReportInput {
  if (name === "erasmus") {
    const rows = readSample("erasmus-student-mobility-2012-13.csv");
    return { shape: "matrix", sheet: "Data", labels: rows.slice(1).map((r) => r[0] as string), cells: rows.slice(1).map((r) => r.slice(1)), top: 1, left: 1 };
  }
  if (name === "uk") {
    const rows = readSample("uk-interregional-flows-2018.csv").slice(1);
    const column = (c: number): SourceColumn => ({ col: c, values: rows.map((r) => r[c]) });
    return { shape: "long", sheet: "Data", rowsAt: rows.map((_, r) => r + 1), rows: rows.length, origin: column(0), destination: column(1), flow: column(2) };
  }
  const file = name === "undesa" ? "undesa-migrant-stock-totals-1990-2020.csv" : "iab-emigration-rates-1980-2010.csv";
  const [header, ...all] = readSample(file);
  // the IAB file's "World" rows are an aggregate, not a region: a report leaves them out
  const sheetRows = all.map((_r, k) => k + 1).filter((k) => !(name === "iab" && all[k - 1][header.indexOf("origin")] === "World"));
  const rows = sheetRows.map((k) => all[k - 1]);
  const roles: Partial<Record<Role, string>> =
    name === "undesa"
      ? { region: "name", code: "alpha3", year: "year", immigrants: "fb", emigrants: "disp", population: "pop" }
      : { region: "origin", code: "ccode_origin", group: "gender", year: "year", totalRate: "tot_rate", skilledRate: "high_rate" };
  const columns: Partial<Record<Role, SourceColumn>> = {};
  for (const [role, h] of Object.entries(roles)) {
    const c = header.indexOf(h!);
    columns[role as Role] = { col: c, values: rows.map((r) => r[c]) };
  }
  return { shape: "table", sheet: "Data", rowsAt: sheetRows, rows: rows.length, columns };
}
