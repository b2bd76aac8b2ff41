/**
 * Numbers are formatted by what they are, one format per measure from its registry entry:
 * counts of people with thousands separators, shares and rates as percentages, indices and
 * ratios to 3 decimals, rates per 1,000 to 1 decimal, years as years.
 */
import { CORRIDOR_COLUMNS, FLOW, inputFormat, MATRIX_KEY_FIGURES, REGION_COLUMNS, REGION_COUNT, TABLE_MEASURES } from "../../src/report/measures";
import { isPlannedError } from "../../src/report/cells";
import { ROLE_LABELS } from "../../src/report/roles";
import { NumberFormat, PlannedCell, PlannedSheet, Role } from "../../src/report/types";
import { SAMPLE_PLAN_NAMES, samplePlan } from "../support/sample-plans";

/** What each catalog function's number is (the product's definitions, docs/functions.md). */
const KIND: Record<string, NumberFormat> = {
  "BRAINDRAIN.RATE": "percent",
  "BRAINDRAIN.NET": "count",
  "BRAINDRAIN.SELECTION": "ratio",
  "BRAINDRAIN.RELATIVE": "ratio",
  "MIGRATION.NET": "count",
  "MIGRATION.NETRATE": "perThousand",
  "MIGRATION.GROSSRATE": "perThousand",
  "MIGRATION.EFFECTIVENESS": "ratio",
  "MIGRATION.INTENSITY": "percent",
  "CIRCULATION.RETURNRATE": "percent",
  "STUDENTS.OUTBOUNDRATIO": "percent",
  "STUDENTS.INBOUNDRATE": "percent",
  "STUDENTS.NETFLOW": "count",
  "STUDENTS.NETFLOWRATIO": "percent",
  "STUDENTS.GROSSOUTBOUND": "percent",
  "MIGRATION.SUMMARY": "count",
  "MIGRATION.MEI": "ratio",
  "CIRCULATION.INDEX": "ratio",
  "MIGRATION.CONNECTIVITY": "percent",
  "MIGRATION.GINI": "ratio",
  "MIGRATION.INEQUALITY": "ratio",
  "MIGRATION.CV": "ratio",
  "MIGRATION.GINIORIGIN": "ratio",
  "MIGRATION.GINIDESTINATION": "ratio",
  "MIGRATION.WEIGHTEDGINI": "ratio",
  "MIGRATION.ACV": "ratio",
  "MIGRATION.ANMR": "percent",
  "MIGRATION.PREFERENCE": "ratio",
  "MIGRATION.VELOCITY": "ratio",
  "MIGRATION.MEANDISTANCE": "decimal",
  "MIGRATION.MEDIANDISTANCE": "decimal",
  "MIGRATION.DISTANCEDECAY": "ratio",
};

test("each registry entry's format says what its number is", () => {
  for (const m of [...TABLE_MEASURES, ...MATRIX_KEY_FIGURES]) expect([m.fn, m.label, m.format]).toEqual([m.fn, m.label, KIND[m.fn]]);
  expect(Object.values(REGION_COLUMNS).map((c) => c.format)).toEqual(["count", "count", "count", "count", "ratio", "ratio", "text"]);
  expect(Object.values(CORRIDOR_COLUMNS).map((c) => c.format)).toEqual(["count", "count", "count", "ratio"]);
  expect([REGION_COUNT.format, FLOW.format]).toEqual(["count", "count"]);
  expect((["emigrants", "population", "inboundStudents"] as Role[]).map(inputFormat)).toEqual(["count", "count", "count"]);
  expect((["totalRate", "skilledRate", "year"] as Role[]).map(inputFormat)).toEqual(["percent", "percent", "year"]);
});

/** The registry's format for a column header or key-figure label, by sheet; undefined for text. */
function registryFormats(sheet: PlannedSheet): Map<string, NumberFormat> {
  const byLabel = new Map<string, NumberFormat>();
  const add = (entries: readonly { label: string; format: NumberFormat }[]) => entries.forEach((e) => byLabel.set(e.label, e.format));
  if (sheet.name === "Corridors") add(Object.values(CORRIDOR_COLUMNS));
  else if (sheet.name === "Migration Summary") {
    add(TABLE_MEASURES);
    add(Object.values(REGION_COLUMNS));
    add([REGION_COUNT, ...MATRIX_KEY_FIGURES]);
    for (const [role, label] of Object.entries(ROLE_LABELS)) if (!byLabel.has(label)) byLabel.set(label, inputFormat(role as Role));
  } else if (sheet.name === "Trends" || sheet.name === "Trajectories") {
    // Over time, a column is a measure's around its label: "Median …", "… (totals)", "… 1980".
    const entries = [...TABLE_MEASURES, ...MATRIX_KEY_FIGURES, ...Object.values(REGION_COLUMNS)];
    const roles = Object.entries(ROLE_LABELS) as [Role, string][];
    for (const h of sheet.tables.flatMap((t) => t.header)) {
      const core = h
        .replace(/^Median /, "")
        .replace(/ \(totals?\)$/, "")
        .replace(/ \d{4}([-\u2013/]\d{2,4})?$/, "")
        .toLowerCase();
      const entry = entries.find((e) => e.label.toLowerCase() === core);
      const role = roles.find(([, l]) => l.toLowerCase() === core);
      const format = /^(year|period)$/.test(core) ? "year" : core === "rows" ? "count" : entry ? entry.format : role ? inputFormat(role[0]) : undefined;
      if (format) byLabel.set(h, format);
    }
  }
  return byLabel;
}

const isNumber = (c: PlannedCell | undefined) => c !== undefined && (typeof c.value === "number" || isPlannedError(c.value) || c.native !== undefined);

describe.each(SAMPLE_PLAN_NAMES)("%s: every planned number carries its measure's format from the registry", (name) => {
  const plan = samplePlan(name);
  test.each(plan.sheets.filter((s) => s.name !== "Definitions").map((s) => [s.name, s] as const))("%s", (_, sheet) => {
    const formats = registryFormats(sheet);
    let checked = 0;
    for (const t of sheet.tables) {
      const matrix = t.header[0] === "Origin \\ destination"; // a pivoted or estimated matrix: every number a flow or stock
      t.header.forEach((h, j) => {
        // A change over time is in the unit of the value before it (the last period's).
        const want = matrix && j > 0 ? FLOW.format : h === "Change" ? formats.get(t.header[j - 1]) : formats.get(h);
        for (const row of [...t.rows, ...(t.totals ? [t.totals] : [])]) {
          const c = row[j];
          if (!isNumber(c) || (j === 0 && !matrix && typeof c.value === "string")) continue;
          if (/^(Classification|Transition|Direction)\b/.test(h)) expect(c.format).toBe("text");
          else expect([h, c.format]).toEqual([h, want]);
          checked++;
        }
      });
    }
    // Free numbers: each a key figure, with its label in the same row.
    for (const c of sheet.cells.filter((x) => isNumber(x.cell))) {
      const label = sheet.cells.find((x) => x.row === c.row && x.cell.style === "keyLabel");
      expect(label).toBeDefined();
      expect([label!.cell.value, c.cell.format]).toEqual([label!.cell.value, formats.get(String(label!.cell.value))]);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
