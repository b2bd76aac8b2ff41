/**
 * The Trends and Trajectories sheets: a flow panel whose figures are worked out by hand below, the
 * IAB brain-drain panel against values computed in R (scripts/peer-reference/trends.R →
 * tests/fixtures/peer-trends-iab.json), a country table with inflows and outflows, the cases
 * that add no sheets, and a table too large for live medians.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { applyOverrides, detect } from "../../src/report/detect";
import { planReport } from "../../src/report/plan";
import { MATRIX_KEY_FIGURES } from "../../src/report/measures";
import { giniIndex } from "../../src/indicators/matrix";
import type { CellValue, PlannedCell, PlannedSheet, ReportPlan, SourceBlock } from "../../src/report/types";
import type { TableInput } from "../../src/report/input";
import { LIVE_MEDIAN_LIMIT, panelOf, planTableTrends } from "../../src/report/trends-sheet";
import { flowPanel } from "../support/panels";
import { readSample } from "../support/samples";

const now = new Date("2024-01-01T00:00:00Z");
const sheet = (plan: ReportPlan, name: string): PlannedSheet => plan.sheets.find((s) => s.name === name)!;
const values = (rows: PlannedCell[][]) => rows.map((r) => r.map((c) => c.value));

function panelPlan(block: SourceBlock = flowPanel(), mode: ReportPlan["mode"] = "native"): ReportPlan {
  return planReport(block, applyOverrides(block, detect(block), { map: { year: "period" } }), { mode, now, hostDrawsCharts: true });
}

describe("a long list of flows over three periods", () => {
  const plan = panelPlan();

  it("adds Trends and Trajectories after the summary, and the Period Flows sheet they read before Definitions", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual(["Migration Summary", "Trends", "Trajectories", "Flow Matrix", "Corridors", "Period Flows", "Definitions"]);
  });

  it("has one Trends row per period, in time order, with the figures worked out by hand", () => {
    const t = sheet(plan, "Trends").tables[0];
    expect(t.header).toEqual([
      "Period",
      "Rows",
      "Total flows (off the diagonal)",
      "Migration effectiveness index (MEI)",
      "Brain circulation index",
      "Connectivity (share of possible flows that occur)",
      "Total flows Gini index (corrected)",
    ]);
    // 1990-1995: A→B 100, B→A 20, A→C 50, C→A 50, B→C 30, C→B 10. Total 260; outflows A 150, B 50,
    // C 60; inflows A 70, B 110, C 80; net −80, 60, 20: MEI = 160 / 520. Circulation: |100−20| and
    // |30−10| counted both ways = 200, 1 − 200 / 520. All 6 pairs flow: connectivity 1.
    // 1995-2000: A→B 60, B→A 60, A→C 40, C→A 20, B→C 20, C→B 20. Total 220; net −20, 0, 20: MEI
    // 40 / 440; circulation 1 − 40 / 440.
    // 2000-2005: A→B 10, B→A 90, A→C 20, C→A 40, B→C 25, no C→B. Total 185; outflows 30, 115, 40;
    // inflows 130, 10, 45; net 100, −105, 5: MEI 210 / 370; circulation 1 − 2 × (80 + 20 + 25) / 370;
    // connectivity 5 / 6.
    const rows = values(t.rows);
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ["1990-1995", 6, 260],
      ["1995-2000", 6, 220],
      ["2000-2005", 5, 185],
    ]);
    const expected = [
      [160 / 520, 1 - 200 / 520, 1],
      [40 / 440, 1 - 40 / 440, 1],
      [210 / 370, 1 - 250 / 370, 5 / 6],
    ];
    rows.forEach((r, k) => expected[k].forEach((x, j) => expect(r[3 + j] as number).toBeCloseTo(x, 12)));
  });

  it("gives each period's Gini as the summary's Gini of that period's matrix", () => {
    const gini = values(sheet(plan, "Trends").tables[0].rows).map((r) => r[6]);
    const matrices = [
      [
        [0, 100, 50],
        [20, 0, 30],
        [50, 10, 0],
      ],
      [
        [0, 60, 40],
        [60, 0, 20],
        [20, 20, 0],
      ],
      [
        [0, 10, 20],
        [90, 0, 25],
        [40, 0, 0],
      ],
    ];
    expect(gini).toEqual(matrices.map((m) => giniIndex(m)));
    expect(MATRIX_KEY_FIGURES.find((k) => k.fn === "MIGRATION.GINI")!.native).toBeUndefined();
  });

  it("writes each Trends figure as a formula over its period's block, the period's rows selected by TRIM(cell&\"\")", () => {
    const [first] = sheet(plan, "Trends").tables[0].rows;
    expect(first[1].native).toBe(`SUMPRODUCT(--(TRIM('Flows'!$C$2:$C$18&"")="1990-1995"))`);
    expect(first[2].native).toBe("SUM({{Period Flows}}!E5:E7)");
    expect(first[3].native).toBe("SUMPRODUCT(ABS({{Period Flows}}!H5:H7))/SUM({{Period Flows}}!G5:G7)");
    expect(first[4]).toMatchObject({ native: "1-SUMPRODUCT(ABS({{Period Flows}}!$B$5:$D$7-TRANSPOSE({{Period Flows}}!$B$5:$D$7)))/(2*C5)", nativeArray: true });
    expect(first[6].native).toBeUndefined();
    const flows = sheet(plan, "Period Flows");
    const at = (row: number, col: number) => flows.cells.find((c) => c.row === row && c.col === col)!.cell;
    // A → B in 1990-1995: row 5 (A), column C (B).
    expect(at(4, 2)).toMatchObject({ value: 100, native: `SUMPRODUCT(--(TRIM('Flows'!$C$2:$C$18&"")="1990-1995")*(TRIM('Flows'!$A$2:$A$18&"")=($A$5&""))*(TRIM('Flows'!$B$2:$B$18&"")=(C$4&"")),'Flows'!$D$2:$D$18)` });
  });

  it("draws a line chart of the circulation index and the MEI across periods", () => {
    expect(sheet(plan, "Trends").charts).toEqual([
      expect.objectContaining({ kind: "line", table: "Trends", categoryColumn: "Period", valueColumn: "Brain circulation index", moreValueColumns: ["Migration effectiveness index (MEI)"] }),
    ]);
  });

  it("gives each region's effectiveness in the first and last period, classified, with the transition", () => {
    const t = sheet(plan, "Trajectories").tables[0];
    expect(t.header).toEqual(["Region", "Effectiveness 1990-1995", "Effectiveness 2000-2005", "Change", "Classification 1990-1995", "Classification 2000-2005", "Transition"]);
    // A: −80/220 → 100/160; B: 60/160 → −105/125; C: 20/140 → 5/85 (within ±0.1: balanced).
    const rows = values(t.rows);
    expect(rows.map((r) => [r[0], r[4], r[5], r[6]])).toEqual([
      ["A", "net drain", "net gain", "drain → gain"],
      ["B", "net gain", "net drain", "gain → drain"],
      ["C", "net gain", "balanced circulation", "gain → circulation"],
    ]);
    const hand = [
      [-80 / 220, 100 / 160],
      [60 / 160, -105 / 125],
      [20 / 140, 5 / 85],
    ];
    rows.forEach((r, i) => {
      expect(r[1] as number).toBeCloseTo(hand[i][0], 12);
      expect(r[2] as number).toBeCloseTo(hand[i][1], 12);
      expect(r[3] as number).toBeCloseTo(hand[i][1] - hand[i][0], 12);
    });
    expect(t.rows[0][1].native).toBe("{{Period Flows}}!I5");
    expect(t.rows[0][2].native).toBe("{{Period Flows}}!I17");
    expect(t.rows[0][4].native).toBe('IF(B6>0.1,"net gain",IF(B6<-0.1,"net drain","balanced circulation"))');
    expect(t.rows[0][6].native).toContain('IF(E6=F6,"unchanged"');
    expect(sheet(plan, "Trajectories").cells.map((c) => c.cell.value).join(" ")).toContain("above +0.1 = net gain, below −0.1 = net drain");
  });

  it("uses the add-in's functions in add-in mode where they exist", () => {
    const addin = panelPlan(flowPanel(), "addin");
    const [first] = sheet(addin, "Trends").tables[0].rows;
    expect(first[3].addin).toBe("MIGRATION.MEI({{Period Flows}}!$B$5:$D$7)");
    expect(first[6].addin).toBe("MIGRATION.GINI({{Period Flows}}!$B$5:$D$7)");
  });

  it("lists the measures on the Definitions sheet", () => {
    const fns = sheet(plan, "Definitions").tables[0].rows.map((r) => r[1].value);
    for (const fn of ["MIGRATION.MEI", "CIRCULATION.INDEX", "MIGRATION.CONNECTIVITY", "MIGRATION.GINI", "MIGRATION.EFFECTIVENESS"]) expect(fns).toContain(fn);
    expect(sheet(plan, "Definitions").cells.map((c) => c.cell.value).join("\n")).toContain("The Trends sheet has one row per period (1990-1995, 1995-2000, 2000-2005)");
  });
});

describe("when the periods cannot be compared", () => {
  it("adds nothing for a list of one period", () => {
    const block = flowPanel();
    const one: SourceBlock = { ...block, values: block.values.filter((r, k) => k === 0 || r[2] === "1995-2000") };
    expect(panelPlan(one).sheets.map((s) => s.name)).toEqual(["Migration Summary", "Flow Matrix", "Corridors", "Definitions"]);
  });

  it("leaves the sheets out, naming the cell, when an earlier period's flow is not a count", () => {
    const block = flowPanel();
    const bad: SourceBlock = { ...block, values: block.values.map((r, k) => (k === 2 ? [r[0], r[1], r[2], -5] : r)) };
    const plan = panelPlan(bad);
    expect(plan.sheets.map((s) => s.name)).not.toContain("Trends");
    expect(sheet(plan, "Definitions").cells.map((c) => c.cell.value).join("\n")).toContain("flow D3 in 1990-1995 is not a count");
  });
});

describe("the IAB brain-drain panel, 1980–2010", () => {
  interface Fixture {
    first: number;
    last: number;
    trends: { year: number; rows: number; median_total: number; median_skilled: number; median_selection: number }[];
    trajectories: { origin: string; gender: string; first: number | null; last: number | null; change: number | null; direction: string | null }[];
  }
  const R: Fixture = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "peer-trends-iab.json"), "utf8"));
  const block: SourceBlock = { sheet: "IAB", top: 0, left: 0, values: readSample("iab-emigration-rates-1980-2010.csv"), provenance: "iab" };
  const plan = planReport(block, detect(block), { mode: "native", now, hostDrawsCharts: true });

  it("has a Trends row per year with R's median total and skilled emigration rates and median selection ratio", () => {
    const t = sheet(plan, "Trends").tables[0];
    expect(t.header).toEqual(["Period", "Rows", "Median total emigration rate", "Median skilled emigration rate", "Median selection ratio (skilled ÷ total emigration rate)"]);
    expect(t.rows.map((r) => r[0].value)).toEqual(R.trends.map((x) => x.year));
    t.rows.forEach((r, k) => {
      expect(r[1].value).toBe(R.trends[k].rows);
      expect(r[2].value as number).toBeCloseTo(R.trends[k].median_total, 14);
      expect(r[3].value as number).toBeCloseTo(R.trends[k].median_skilled, 14);
      expect(r[4].value as number).toBeCloseTo(R.trends[k].median_selection, 12);
      for (const c of r.slice(2)) expect(c.nativeArray).toBe(true);
      expect([r[2].format, r[3].format, r[4].format]).toEqual(["percent", "percent", "ratio"]);
    });
  });

  it("has a Trajectories row per country and gender with R's skilled emigration rates and directions", () => {
    const t = sheet(plan, "Trajectories").tables[0];
    expect(t.header).toEqual(["Region", "Group", `Skilled emigration rate ${R.first}`, `Skilled emigration rate ${R.last}`, "Change", "Direction"]);
    expect(t.rows).toHaveLength(R.trajectories.length);
    const ours = new Map(t.rows.map((r) => [`${String(r[0].value)}|${String(r[1].value)}`, r]));
    for (const x of R.trajectories) {
      const r = ours.get(`${x.origin}|${x.gender}`)!;
      expect(r).toBeDefined();
      const num = (v: number | null, c: PlannedCell) => (v === null ? expect(c.value).toEqual({ error: "#N/A" }) : expect(c.value as number).toBeCloseTo(v, 14));
      num(x.first, r[2]);
      num(x.last, r[3]);
      num(x.change, r[4]);
      if (x.direction !== null) expect(r[5].value).toBe(x.direction);
    }
    // No inflows and outflows: the sheet says why there is no classification.
    expect(sheet(plan, "Trajectories").cells.map((c) => c.cell.value).join(" ")).toContain("regions are not classified");
  });

  it("draws the median total and skilled emigration rates across years", () => {
    expect(sheet(plan, "Trends").charts[0]).toMatchObject({ kind: "line", categoryColumn: "Period", valueColumn: "Median total emigration rate", moreValueColumns: ["Median skilled emigration rate"] });
  });
});

describe("a country table of immigrants and emigrants over two years", () => {
  // North: 100 in, 300 out (−0.5, drain) → 200 in, 200 out (0, circulation); South: 90 in, 10 out
  // (0.8, gain) → 60 in, 40 out (0.2, gain); East only in 2020 (#N/A in 2010).
  const block: SourceBlock = {
    sheet: "T",
    top: 0,
    left: 0,
    provenance: "t",
    values: [
      ["region", "year", "immigrants", "emigrants"],
      ["North", 2010, 100, 300],
      ["South", 2010, 90, 10],
      ["North", 2020, 200, 200],
      ["South", 2020, 60, 40],
      ["East", 2020, 10, 30],
    ],
  };
  const plan = planReport(block, detect(block), { mode: "native", now, hostDrawsCharts: true });

  it("has per year the totals, the medians and the measures of the totals", () => {
    const t = sheet(plan, "Trends").tables[0];
    const col = (h: string) => t.header.indexOf(h);
    expect(col("Immigrants (total)")).toBeGreaterThan(0);
    const row = (k: number, h: string) => t.rows[k][col(h)].value;
    expect([row(0, "Immigrants (total)"), row(0, "Emigrants (total)"), row(1, "Immigrants (total)"), row(1, "Emigrants (total)")]).toEqual([190, 310, 270, 270]);
    // Net migration 2010: −200 and 80, median −60; 2020: 0, 20, −20, median 0.
    expect(row(0, "Median net migration (immigrants − emigrants)")).toBe(-60);
    expect(row(1, "Median net migration (immigrants − emigrants)")).toBe(0);
    // Effectiveness of the totals 2010: (190 − 310) / 500.
    expect(row(0, "Migration effectiveness (totals)") as number).toBeCloseTo(-120 / 500, 14);
    expect(t.rows[0][col("Migration effectiveness (totals)")].native).toContain("(C5-D5)/(C5+D5)");
  });

  it("classifies each region in both years, #N/A where it has no row", () => {
    const rows = values(sheet(plan, "Trajectories").tables[0].rows);
    expect(rows).toEqual([
      ["North", -0.5, 0, 0.5, "net drain", "balanced circulation", "drain → circulation"],
      ["South", 0.8, 0.2, expect.closeTo(-0.6, 14), "net gain", "net gain", "unchanged"],
      ["East", { error: "#N/A" }, -0.5, { error: "#N/A" }, { error: "#N/A" }, "net drain", "not comparable"],
    ]);
  });
});

describe("a large table", () => {
  it("writes the medians as values above the live limit, keeping totals live, and says so", () => {
    // 3,000 regions × 10 years, 2 measures (net migration, effectiveness): 30,000 rows × 10 × 2 = 600,000 > 100,000.
    const n = 3000;
    const years = Array.from({ length: 10 }, (_, k) => 1970 + 5 * k);
    const rowsAt = Array.from({ length: n * years.length }, (_, r) => r + 1);
    const col = (c: number, f: (r: number) => CellValue) => ({ col: c, values: rowsAt.map((_, r) => f(r)) });
    const input: TableInput = {
      shape: "table",
      sheet: "T",
      rowsAt,
      rows: rowsAt.length,
      columns: { region: col(0, (r) => `R${r % n}`), year: col(1, (r) => years[Math.floor(r / n)]), immigrants: col(2, (r) => r % 97), emigrants: col(3, (r) => 50 + (r % 13)) },
    };
    const panel = panelOf(input)!;
    expect(input.rows * panel.periods.length * 2).toBeGreaterThan(LIVE_MEDIAN_LIMIT);
    const t = planTableTrends(input, panel);
    const table = t.sheets[0].tables[0];
    const medianCol = table.header.indexOf("Median migration effectiveness");
    const totalCol = table.header.indexOf("Immigrants (total)");
    expect(table.rows[0][medianCol]).toMatchObject({ value: expect.any(Number) });
    expect(table.rows[0][medianCol].native).toBeUndefined();
    expect(table.rows[0][totalCol].native).toContain("SUMPRODUCT");
    expect(t.notes.join(" ")).toContain("The Trends sheet's medians are values");
  });
});

test("a country table whose header states a unit gets no sheets over time, and says why (the summary scales; those sheets would not)", () => {
  const values: CellValue[][] = [
    ["Country", "Year", "Immigrants (thousands)", "Emigrants (thousands)"],
    ["A", 2000, 10, 4],
    ["B", 2000, 3, 6],
    ["A", 2010, 12, 5],
    ["B", 2010, 2, 8],
  ];
  const block: SourceBlock = { sheet: "Data", top: 0, left: 0, values, provenance: "Data!A1:D5" };
  const plan = planReport(block, detect(block), { mode: "native", now: new Date(0) });
  expect(plan.sheets.map((s) => s.name)).not.toContain("Trends");
  expect(plan.sheets.map((s) => s.name)).not.toContain("Trajectories");
  const texts = plan.sheets.find((s) => s.name === "Definitions")!.cells.map((c) => String(c.cell.value));
  expect(texts.some((t) => /Trends and Trajectories sheets are left out: .*state a unit/.test(t))).toBe(true);
});
