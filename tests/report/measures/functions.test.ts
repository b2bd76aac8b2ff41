/**
 * The Definitions sheet lists the catalog functions of the registry entries the report's
 * sheets write, taken from the entries themselves: an entry added to the registry adds its
 * function, and every function listed is one whose formulas the report holds.
 */
import { CORRIDOR_COLUMNS, CORRIDOR_KEYS, ESTIMATED_FLOW, functionsOf, MATRIX_KEY_FIGURES, MatrixMeasure, PIVOT, REGION_COLUMNS, REGION_KEYS } from "../../../src/report/measures";
import type { PlannedCell, ReportPlan } from "../../../src/report/types";
import { samplePlan, SAMPLE_PLAN_NAMES } from "../../support/sample-plans";

afterEach(() => jest.restoreAllMocks());

const definitions = (p: ReportPlan): string[] => p.sheets.find((s) => s.name === "Definitions")!.tables[0].rows.map((r) => String(r[1].value));

/** The catalog functions the add-in formulas of the report's cells call. */
function called(p: ReportPlan): Set<string> {
  const out = new Set<string>();
  const visit = (c: PlannedCell) => {
    for (const m of (c.addin ?? "").matchAll(/\b([A-Z]+\.[A-Z]+)\(/g)) out.add(m[1]);
  };
  for (const s of p.sheets) {
    for (const c of s.cells) visit(c.cell);
    for (const t of s.tables) for (const row of [...t.rows, ...(t.totals ? [t.totals] : [])]) row.forEach(visit);
  }
  return out;
}

/**
 * Some entries' add-in formulas are plain arithmetic over cells (a region's outflow is a SUM,
 * a corridor's net a difference): each entry's add-in formula is wrapped in a call of its own
 * function, so that every cell an entry writes names the function it comes from.
 */
function markAddinFormulas(): void {
  const entries = [...MATRIX_KEY_FIGURES, ...REGION_KEYS.map((k) => REGION_COLUMNS[k]), ...CORRIDOR_KEYS.map((k) => CORRIDOR_COLUMNS[k]), PIVOT, ESTIMATED_FLOW];
  for (const e of entries) {
    const entry = e as { addin: (at: never) => string };
    const addin = entry.addin;
    jest.spyOn(entry, "addin").mockImplementation((at) => `${e.fn}(${addin(at)})`);
  }
}

test("each function once, in the order of the entries that use it", () => {
  expect(functionsOf([{ fn: "B.X" }, { fn: "A.Y" }, { fn: "B.X" }, { fn: "C.Z" }])).toEqual(["B.X", "A.Y", "C.Z"]);
});

test.each(SAMPLE_PLAN_NAMES)("%s: the Definitions sheet lists exactly the functions whose formulas the report holds", (name) => {
  markAddinFormulas();
  const p = samplePlan(name);
  expect(new Set(definitions(p))).toEqual(called(p));
});

test("a key figure added to the registry adds its function to the Definitions sheet", () => {
  const before = definitions(samplePlan("erasmus"));
  expect(before).not.toContain("MIGRATION.NET");
  const added: MatrixMeasure = { label: "Net of the first region", fn: "MIGRATION.NET", compute: () => 0, addin: (at) => `MIGRATION.NET(${at.first},${at.first})`, format: "count" };
  const figures = MATRIX_KEY_FIGURES as MatrixMeasure[];
  figures.push(added);
  try {
    const after = definitions(samplePlan("erasmus"));
    // After the other key figures' functions, before the per-region columns'.
    const lastFigure = before.indexOf("MIGRATION.ACV");
    expect(after).toEqual([...before.slice(0, lastFigure + 1), "MIGRATION.NET", ...before.slice(lastFigure + 1)]);
  } finally {
    figures.pop();
  }
});

test("a column that changes its function changes the list, and a function no column uses any more leaves it", () => {
  jest.replaceProperty(REGION_COLUMNS, "circulation", { ...REGION_COLUMNS.circulation, fn: "MIGRATION.NET" });
  jest.replaceProperty(CORRIDOR_COLUMNS, "reciprocity", { ...CORRIDOR_COLUMNS.reciprocity, fn: "MIGRATION.NETRATE" });
  const fns = definitions(samplePlan("erasmus"));
  expect(fns).toContain("MIGRATION.NET");
  expect(fns).not.toContain("CIRCULATION.BYREGION");
  // The other corridor columns still use MIGRATION.CORRIDORS; the changed one is listed after it.
  expect(fns.slice(-2)).toEqual(["MIGRATION.CORRIDORS", "MIGRATION.NETRATE"]);
});
