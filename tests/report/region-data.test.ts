/**
 * Distances and populations matched to a matrix's regions, and the distance and impact key
 * figures they give: migest's korea_gravity against the values R computed (fixtures), ranges
 * with and without labels, in another order, and every refusal naming its labels or cells.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { detect } from "../../src/report/detect";
import { planReport } from "../../src/report/plan";
import { alignRegionData, RegionDataError, RegionDataRequest } from "../../src/report/region-data";
import type { CellValue, PlannedCell, ReportPlan, SourceBlock } from "../../src/report/types";

const fixture = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "peer-indices.json"), "utf8"));
const korea = fixture.korea as { labels: string[]; matrix: number[][]; distances: number[][]; populations: number[]; impact: Record<string, number>; distance: Record<string, number>; independent: Record<string, number> };
const n = korea.labels.length;
const NOW = new Date("2026-01-01T00:00:00Z");

const block = (sheet: string, values: CellValue[][], top = 0, left = 0): SourceBlock => ({ sheet, top, left, values, provenance: `${sheet}!A1` });
const labelled = (labels: readonly CellValue[], rows: readonly (readonly CellValue[])[], corner: CellValue = null): CellValue[][] => [[corner, ...labels], ...rows.map((r, i) => [labels[i], ...r])];
const flows = block("Flows", labelled(korea.labels, korea.matrix));
/** The distances with labels, rows and columns in the order `order` gives. */
const distancesIn = (order: number[], label = (l: string) => l) => labelled(order.map((i) => label(korea.labels[i])), order.map((i) => order.map((j) => korea.distances[i][j])), "km");

function plan(regionData: RegionDataRequest, source: SourceBlock = flows): ReportPlan {
  return planReport(source, detect(source), { mode: "native", now: NOW, regionData });
}

function keyFigures(p: ReportPlan): Map<string, PlannedCell> {
  const cells = p.sheets[0].cells;
  const out = new Map<string, PlannedCell>();
  for (const c of cells) {
    if (c.col !== 0 || c.cell.style !== "keyLabel" || typeof c.cell.value !== "string") continue;
    const v = cells.find((d) => d.row === c.row && d.cell.style === "keyValue");
    if (v) out.set(c.cell.value, v.cell);
  }
  return out;
}

const numberOf = (p: ReportPlan, label: string) => keyFigures(p).get(label)?.value as number;
const refusal = (f: () => unknown): RegionDataError => {
  try {
    f();
  } catch (e) {
    if (e instanceof RegionDataError) return e;
    throw e;
  }
  throw new Error("not refused");
};

describe("korea_gravity: the key figures equal the values computed with migest in R", () => {
  const p = plan({ distances: block("Dist", distancesIn(korea.labels.map((_l, i) => i))), populations: block("Pop", korea.populations.map((x) => [x])) });

  test("impact family: index of preference and index of velocity", () => {
    expect(numberOf(p, "Index of preference")).toBeCloseTo(korea.impact.preference, 9);
    expect(numberOf(p, "Index of velocity")).toBeCloseTo(korea.impact.velocity, 9);
  });

  test("distance family: mean distance, the order-independent median, and the distance decay", () => {
    expect(numberOf(p, "Mean migration distance")).toBeCloseTo(korea.distance.mean, 9);
    expect(numberOf(p, "Median migration distance")).toBeCloseTo(korea.independent.median_distance, 9);
    expect(numberOf(p, "Distance decay (Poisson model)")).toBeCloseTo(korea.distance.decay, 6);
  });

  test("the report holds the Distances and Populations sheets its formulas read, and says why the median and the decay are values", () => {
    expect(p.sheets.map((s) => s.name)).toEqual(["Migration Summary", "Corridors", "Distances", "Populations", "Definitions"]);
    const k = keyFigures(p);
    expect(k.get("Mean migration distance")!.native).toContain("{{Distances}}!$B$4:$R$20");
    expect(k.get("Index of preference")!.native).toContain("{{Populations}}!$B$4:$B$20");
    const definitions = JSON.stringify(p.sheets[p.sheets.length - 1]);
    expect(definitions).toMatch(/median migration distance is written as a value/);
    expect(definitions).toMatch(/distance decay is written as a value/);
    expect(definitions).toMatch(/MIGRATION\.MEANDISTANCE/);
  });

  test("the per-region table moves down below the longer list of key figures", () => {
    const table = p.sheets[0].tables[0];
    const lastKeyRow = Math.max(...p.sheets[0].cells.filter((c) => c.col === 1).map((c) => c.row));
    expect(table.top).toBeGreaterThan(lastKeyRow + 1);
    // The MEI still reads the table's columns where they are.
    expect(keyFigures(p).get("Migration effectiveness index (MEI)")!.native).toBe(`SUMPRODUCT(ABS(E${table.top + 2}:E${table.top + 1 + n}))/SUM(D${table.top + 2}:D${table.top + 1 + n})`);
  });

  test("without distances or populations the report is as before: no such key figures, no such sheets", () => {
    const plain = planReport(flows, detect(flows), { mode: "native", now: NOW });
    expect(keyFigures(plain).has("Index of preference")).toBe(false);
    expect(keyFigures(plain).has("Mean migration distance")).toBe(false);
    expect(plain.sheets.map((s) => s.name)).toEqual(["Migration Summary", "Corridors", "Definitions"]);
    expect(plain.sheets[0].tables[0].top).toBe(20);
  });
});

describe("matching by label", () => {
  const reversed = korea.labels.map((_l, i) => n - 1 - i);
  const byPosition = alignRegionData(korea.labels, { distances: block("D", korea.distances), populations: block("P", korea.populations.map((x) => [x])) });

  test("distances in another order, labels in other case and with spaces, give the same aligned table", () => {
    const a = alignRegionData(korea.labels, { distances: block("D", distancesIn(reversed, (l) => ` ${l.toUpperCase()} `)) });
    expect(a.data.distances).toEqual(byPosition.data.distances);
  });

  test("populations as labels and values, in another order, under a header row; or as a row", () => {
    const column = alignRegionData(korea.labels, { populations: block("P", [["Region", "Population"], ...reversed.map((i) => [korea.labels[i], korea.populations[i]])]) });
    expect(column.data.populations).toEqual(korea.populations);
    const row = alignRegionData(korea.labels, { populations: block("P", [korea.populations]) });
    expect(row.data.populations).toEqual(korea.populations);
  });

  test("the diagonal of the distances is not read, whatever it holds", () => {
    const d = korea.distances.map((r, i) => r.map((v, j) => (i === j ? (i % 2 ? "—" : null) : v)));
    expect(alignRegionData(korea.labels, { distances: block("D", d) }).data.distances).toEqual(byPosition.data.distances);
  });

  test("a flow list's regions are matched too (the pivot's labels)", () => {
    const list = block("List", [["origin", "destination", "flow"], ...korea.matrix.flatMap((r, i) => r.map((v, j) => [korea.labels[i], korea.labels[j], v])).filter((row) => row[0] !== row[1])]);
    const p = plan({ distances: block("Dist", distancesIn(reversed)) }, list);
    expect(numberOf(p, "Mean migration distance")).toBeCloseTo(korea.distance.mean, 9);
  });
});

describe("refusals name the labels or cells", () => {
  test("a region of the matrix missing from the distances' labels, and a label that is no region", () => {
    const d = distancesIn(korea.labels.map((_l, i) => i));
    d[4][0] = "Incheon-si";
    const e = refusal(() => alignRegionData(korea.labels, { distances: block("Dist", d) }));
    expect(e.input).toBe("distances");
    expect([e.code, e.params]).toEqual(["unpaired", { sheet: "Dist", side: "firstColumn", missing: { items: ["Incheon"], total: 1 }, extra: { items: [{ label: "Incheon-si", address: "A5" }], total: 1 } }]);
    expect(e.message).toMatch(/regions of the matrix missing from its first column: 'Incheon'/);
    expect(e.message).toMatch(/'Incheon-si' \(A5\)/);
  });

  test("however long the labels and the sheet's name, a refusal stays one sentence short enough for the pane to show", () => {
    const long = (i: number) => `${"Region with a very long name number".padEnd(38, "x")} ${i}`;
    const sheet = "A sheet name of 31 characters!!".slice(0, 31);
    const others = korea.labels.map((_l, i) => long(i));
    const e = refusal(() => alignRegionData(korea.labels.map((l, i) => `${long(i + 100)}${l}`), { distances: { ...block(sheet, labelled(others, korea.distances)), top: 99_990, left: 16_000 } }));
    expect(e.message.length).toBeLessThanOrEqual(600);
    expect(e.message).not.toMatch(/\n/);
    const bad: CellValue[][] = korea.distances.map((r) => r.map(() => "x".repeat(200)));
    const f = refusal(() => alignRegionData(korea.labels, { distances: { ...block(sheet, bad), top: 99_990, left: 16_000 } }));
    expect(f.message.length).toBeLessThanOrEqual(600);
  });

  test("a label listed twice", () => {
    const d = distancesIn(korea.labels.map((_l, i) => i));
    d[0][5] = "seoul";
    expect(refusal(() => alignRegionData(korea.labels, { distances: block("Dist", d) })).message).toMatch(/lists a region twice in its first row: 'seoul' \(B1 and F1\)/);
  });

  test("a table without labels of the wrong size", () => {
    const d = korea.distances.slice(1).map((r) => r.slice(1));
    expect(refusal(() => alignRegionData(korea.labels, { distances: block("Dist", d) })).message).toMatch(/is 16 × 16 but the matrix has 17 regions/);
  });

  test("blank, text, TRUE and negative distances off the diagonal, with their cells; the sheet's offset counts", () => {
    const d: CellValue[][] = korea.distances.map((r) => [...r]);
    d[0][1] = null;
    d[2][3] = "12 km";
    d[4][5] = true;
    d[6][7] = -1;
    const e = refusal(() => alignRegionData(korea.labels, { distances: block("Dist", d, 1, 1) }));
    expect([e.code, e.params]).toEqual([
      "notDistances",
      { sheet: "Dist", cells: { items: [{ address: "C2", value: null }, { address: "E4", value: "12 km" }, { address: "G6", value: true }, { address: "I8", value: -1 }], total: 4 } },
    ]);
    expect(e.message).toMatch(/^the distances range on sheet 'Dist' has cells that are not distances .*: C2 \(blank\), E4 \(text "12 km"\), G6 \(TRUE\), I8 \(-1\)/);
  });

  test("populations: too few values, a blank and text, a label that is no region", () => {
    const few = refusal(() => alignRegionData(korea.labels, { populations: block("P", korea.populations.slice(1).map((x) => [x])) }));
    expect([few.input, few.code, few.params]).toEqual(["populations", "populationsCount", { sheet: "P", values: 16, regions: 17 }]);
    expect(few.message).toMatch(/has 16 values but the matrix has 17 regions/);
    const bad: CellValue[][] = korea.populations.map((x) => [x]);
    bad[2][0] = null;
    bad[4][0] = "n/a";
    expect(refusal(() => alignRegionData(korea.labels, { populations: block("P", bad) })).message).toMatch(/A3 \(blank\), A5 \(text "n\/a"\)/);
    // A first value that is text is named, not taken for a header, when the column holds one value per region.
    const firstBad: CellValue[][] = korea.populations.map((x, i) => [i === 0 ? "9,668,465" : x]);
    expect(refusal(() => alignRegionData(korea.labels, { populations: block("P", firstBad) })).message).toMatch(/A1 \(text "9,668,465"\)/);
    const labelledBad = korea.labels.map((l, i) => [i === 16 ? "Jeju-do" : l, korea.populations[i]]);
    expect(refusal(() => alignRegionData(korea.labels, { populations: block("P", labelledBad) })).message).toMatch(/'Jeju'.*'Jeju-do' \(A17\)/);
  });

  test("a country table cannot take distances or populations", () => {
    const table = block("T", [["country", "emigrants", "immigrants"], ["A", 1, 2], ["B", 3, 4], ["C", 5, 6]]);
    expect(() => plan({ populations: block("P", [[1], [2], [3]]) }, table)).toThrow(/origin × destination matrix or a flow list/);
  });
});

test("in the task pane the copies reference the cells pointed to; from the command line they are values", () => {
  const d = block("My distances", distancesIn(korea.labels.map((_l, i) => i)), 4, 2);
  const live = alignRegionData(korea.labels, { distances: d, live: true }).sheets[0].tables[0].rows;
  expect(live[0][2]).toMatchObject({ value: korea.distances[0][1], native: "'My distances'!E6", addin: "'My distances'!E6" });
  expect(live[0][1]).toEqual({ value: null });
  const copied = alignRegionData(korea.labels, { distances: d }).sheets[0].tables[0].rows;
  expect(copied[0][2]).toEqual({ value: korea.distances[0][1], format: "decimal" });
});
