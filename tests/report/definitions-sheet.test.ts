/**
 * The Definitions sheet: one row per measure with its name as the report shows it, the function
 * that computes it, what it means, its formula and its source (the measure's definition entry);
 * the long columns wrap at a fixed width; provenance and notes below, each a whole paragraph
 * across the table's width; printed landscape with the table's header on every page.
 */
import { functions as CATALOG } from "../../src/functions/catalog.json";
import { withArrayValueNote } from "../../src/hosts/office-array-note";
import { definitionOf } from "../../src/indicators/definitions";
import { DEFINITIONS_HEADER, labelsByFunction, planDefinitions, Provenance } from "../../src/report/definitions-sheet";
import { MATRIX_KEY_FIGURES } from "../../src/report/measures";
import { planFromInput } from "../../src/report/plan";
import { PlannedSheet, ReportPlan } from "../../src/report/types";
import { sampleInput } from "../support/inputs";

const PROVENANCE: Provenance = { source: "flows.xlsx", built: new Date(Date.UTC(2026, 0, 2, 3, 4)), mode: "native", detection: ["33 × 33 matrix with labels in row 1 and column A."] };
const SAMPLES = ["erasmus", "uk", "undesa", "iab"] as const;

function plan(name: (typeof SAMPLES)[number]): ReportPlan {
  return planFromInput(sampleInput(name), { mode: "native", source: name, now: new Date(0), hostDrawsCharts: true });
}

function definitionsOf(p: ReportPlan): PlannedSheet {
  return p.sheets.find((s) => s.name === "Definitions")!;
}

function rowsOf(sheet: PlannedSheet): string[][] {
  return sheet.tables[0].rows.map((r) => r.map((c) => String(c.value)));
}

/** The free cells under the table, in row order. */
function below(sheet: PlannedSheet): PlannedSheet["cells"] {
  const t = sheet.tables[0];
  return sheet.cells.filter((c) => c.row > t.top + t.rows.length).sort((a, b) => a.row - b.row);
}

test("one row per measure: a function the report uses twice is defined once", () => {
  const sheet = planDefinitions(["MIGRATION.MEI", "MIGRATION.NET", "MIGRATION.MEI"], new Map(), [], PROVENANCE);
  expect(rowsOf(sheet).map((r) => r[1])).toEqual(["MIGRATION.MEI", "MIGRATION.NET"]);
});

test("the columns: the name as the report shows it, the function, what it means, the formula and the source", () => {
  const sheet = planDefinitions(["MIGRATION.MEI", "MIGRATION.INTENSITY", "MIGRATION.NET"], labelsByFunction([
    { fn: "MIGRATION.INTENSITY", label: "Immigrants as share of population" },
    { fn: "MIGRATION.INTENSITY", label: "Emigrants as share of population" },
    { fn: "MIGRATION.NET", label: "Net migration (immigrants − emigrants)" },
  ]), [], PROVENANCE);
  expect(sheet.tables[0].header).toEqual(["Indicator", "Function", "What it means", "Formula", "Source"]);
  const mei = definitionOf("MIGRATION.MEI")!;
  const [first, second, third] = rowsOf(sheet);
  // No label given: the definition's own name.
  expect(first).toEqual([mei.name, "MIGRATION.MEI", mei.meaning, mei.formula, mei.citation]);
  // A measure shown under two names keeps both.
  expect(second[0]).toBe("Immigrants as share of population; Emigrants as share of population");
  expect(third[0]).toBe("Net migration (immigrants − emigrants)");
});

test("a function without a definition is refused, never shown half-defined", () => {
  expect(() => planDefinitions(["MIGRATION.NOPE"], new Map(), [], PROVENANCE)).toThrow(/no definition for MIGRATION\.NOPE/);
});

test("no row repeats the function's name as the measure's name", () => {
  const all = rowsOf(planDefinitions(CATALOG, new Map(), [], PROVENANCE));
  expect(all).toHaveLength(CATALOG.length);
  for (const name of SAMPLES) all.push(...rowsOf(definitionsOf(plan(name))));
  expect(all.filter((r) => r[0] === r[1] || r[0] === "")).toEqual([]);
});

test("a matrix report names its key figures as its summary does (those that need no distances or populations)", () => {
  const p = plan("erasmus");
  const names = rowsOf(definitionsOf(p)).map((r) => r[0]).join("\n");
  const summary = p.sheets[0].cells.map((c) => String(c.cell.value));
  for (const k of MATRIX_KEY_FIGURES.filter((f) => f.needs === undefined)) {
    expect(summary).toContain(k.label);
    expect(names).toContain(k.label);
  }
});

test("a country table names its measures as its column headers do", () => {
  const p = plan("undesa");
  const header = p.sheets[0].tables[0].header;
  const rows = rowsOf(definitionsOf(p));
  expect(rows.find((r) => r[1] === "MIGRATION.INTENSITY")![0]).toBe("Immigrants as share of population; Emigrants as share of population");
  // The classification column is read from the effectiveness: it is named with it.
  expect(rows.find((r) => r[1] === "MIGRATION.EFFECTIVENESS")![0]).toBe("Migration effectiveness; Classification");
  for (const [name] of rows) for (const label of name.split("; ")) expect(header).toContain(label);
});

test("the name, meaning, formula and source wrap in fixed widths; the function name does not", () => {
  const sheet = planDefinitions(CATALOG, new Map(), [], PROVENANCE);
  expect([...(sheet.wrapColumns ?? [])].sort()).toEqual([0, 2, 3, 4]);
  for (const c of [2, 3, 4]) {
    expect(sheet.widths[c]).toBeGreaterThanOrEqual(40);
    expect(sheet.widths[c]).toBeLessThanOrEqual(60);
  }
  expect(sheet.widths[1]).toBeGreaterThanOrEqual(Math.max(...CATALOG.map((f) => f.length)));
  expect(sheet.widths).toHaveLength(DEFINITIONS_HEADER.length);
});

test("it prints landscape (its five columns are wider than a portrait page), the table's header on every page, the report's title in the footer", () => {
  for (const name of SAMPLES) {
    const p = plan(name);
    const sheet = definitionsOf(p);
    const top = sheet.tables[0].top;
    // The title names the period shown when the data hold several (undesa, iab).
    const title = String(p.sheets[0].cells[0].cell.value);
    expect(title.startsWith(`Migration summary: ${name}`)).toBe(true);
    expect(sheet.print).toEqual({ orientation: "landscape", titleRows: [top, top], footer: title });
    expect(sheet.freezeRows).toBe(top + 1);
  }
});

test("above the table: the title and a line on how to read it, each across the table's width", () => {
  const sheet = planDefinitions(["MIGRATION.MEI"], new Map(), [], PROVENANCE);
  const above = sheet.cells.filter((c) => c.row < sheet.tables[0].top);
  expect(above.map((c) => c.cell.style)).toEqual(["title", "subtitle"]);
  for (const c of above) expect(c).toMatchObject({ col: 0, span: DEFINITIONS_HEADER.length });
});

test("below the table: the provenance, then the notes, each whole in one cell across the table's width", () => {
  const notes = ["The Gini index is written as a value in the live-formula mode: it needs the flows sorted.", "A second note, also long enough to wrap over more than one line of the table's width on paper."];
  const sheet = planDefinitions(["MIGRATION.MEI", "MIGRATION.GINI"], new Map(), notes, PROVENANCE);
  const cells = below(sheet);
  expect(cells.map((c) => c.cell.value)).toEqual([
    "Provenance",
    "Source: flows.xlsx",
    "Built: 2026-01-02T03:04:00.000Z",
    expect.stringMatching(/^Sharing mode: live native formulas/),
    "33 × 33 matrix with labels in row 1 and column A.",
    "Text from the data (region names, labels) is written as text, never as a formula.",
    "About this report",
    ...notes,
  ]);
  expect(cells.map((c) => c.cell.style)).toEqual(["heading", "note", "note", "note", "note", "note", "heading", "note", "note"]);
  for (const c of cells) expect(c).toMatchObject({ col: 0, span: DEFINITIONS_HEADER.length });
  // One cell per row, a blank row between the table and each block.
  expect(new Set(cells.map((c) => c.row)).size).toBe(cells.length);
  const t = sheet.tables[0];
  expect(cells[0].row).toBe(t.top + t.rows.length + 2);
  expect(cells[6].row).toBe(cells[5].row + 2);
});

test("every note a planner gives appears whole on the sample reports' Definitions sheets", () => {
  for (const name of SAMPLES) {
    const sheet = definitionsOf(plan(name));
    const texts = below(sheet).map((c) => c.cell.value);
    expect(texts).toContain("About this report");
    for (const c of below(sheet)) expect(c.span).toBe(DEFINITIONS_HEADER.length);
  }
  const erasmus = below(definitionsOf(plan("erasmus"))).map((c) => String(c.cell.value));
  expect(erasmus).toContain("Circulation index formulas use TRANSPOSE inside SUMPRODUCT and are written as array formulas (Ctrl+Shift+Enter in Excel 2010–2019).");
});

test("a note a host adds under the sheet (values instead of array formulas) is whole across the table's width, below everything", () => {
  const p = plan("erasmus");
  const { plan: noted, cells } = withArrayValueNote(p);
  expect(cells).toBeGreaterThan(0);
  const before = definitionsOf(p);
  const after = definitionsOf(noted);
  expect(after.cells.slice(0, -1)).toEqual(before.cells);
  const note = after.cells[after.cells.length - 1];
  expect(String(note.cell.value)).toMatch(/^Values, not formulas: /);
  expect(note).toMatchObject({ col: 0, span: DEFINITIONS_HEADER.length, cell: { style: "note" } });
  expect(note.row).toBeGreaterThan(Math.max(...before.cells.map((c) => c.row)));
});
