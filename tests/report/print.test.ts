/**
 * Every report sheet is set up for printing: landscape when its columns are wider than a
 * portrait A4 or Letter page holds, the main table's header repeated on each page, the
 * report's title in the footer.
 */
import { contentAreas, contentRight, pixelsBefore } from "../../src/report/layout";
import { printSetup, PRINTABLE_PIXELS, withPrint } from "../../src/report/print";
import { PlannedSheet } from "../../src/report/types";
import { SAMPLE_PLAN_NAMES, samplePlan } from "../support/sample-plans";

const sheet = (widths: number[], header: string[], extra: Partial<PlannedSheet> = {}): PlannedSheet => ({
  name: "S",
  cells: [{ row: 0, col: 0, cell: { value: "Title", style: "title" } }],
  tables: [{ name: "T", top: 3, left: 0, header, rows: [header.map(() => ({ value: 1, format: "count" as const }))] }],
  charts: [],
  widths,
  freezeRows: 0,
  ...extra,
});

test("portrait while the columns fit a portrait page (A4's 6.87 in between default margins), landscape past it", () => {
  expect(PRINTABLE_PIXELS).toEqual({ portrait: 659, landscape: 921 });
  // 6 columns of 14 characters: 6 × (14 × 7 + 5) = 618 px.
  expect(printSetup(sheet([14, 14, 14, 14, 14, 14], ["a", "b", "c", "d", "e", "f"]), "Report")).toEqual({ orientation: "portrait", titleRows: [3, 3], footer: "Report" });
  // 7 such columns: 721 px.
  expect(printSetup(sheet([14, 14, 14, 14, 14, 14, 14], ["a", "b", "c", "d", "e", "f", "g"]), "Report").orientation).toBe("landscape");
  // A note spanning past the table counts too: 2 × 103 px + 10 × 64 px (default widths).
  const wide = sheet([14, 14], ["a", "b"], { cells: [{ row: 1, col: 0, span: 12, cell: { value: "A long note", style: "note" } }] });
  expect(printSetup(wide, "Report").orientation).toBe("landscape");
});

test("no table, no repeated rows; a planner's own set-up is kept", () => {
  expect(printSetup({ ...sheet([10], ["a"]), tables: [] }, "R")).toEqual({ orientation: "portrait", footer: "R" });
  const own = { ...sheet([10], ["a"]), print: { orientation: "landscape" as const, footer: "Mine" } };
  expect(withPrint(own, "R").print).toEqual({ orientation: "landscape", footer: "Mine" });
});

describe.each(SAMPLE_PLAN_NAMES)("%s", (name) => {
  const plan = samplePlan(name);
  test("every sheet: contentRight is the right edge of its content areas", () => {
    for (const s of plan.sheets) expect([s.name, contentRight(s)]).toEqual([s.name, contentAreas(s).reduce((r, a) => Math.max(r, a.right), 0)]);
  });
  test("every sheet: the footer is the report's title, the main table's header repeats, the orientation follows the width", () => {
    for (const s of plan.sheets) {
      const main = [...s.tables].sort((a, b) => b.rows.length - a.rows.length)[0];
      const width = pixelsBefore(s.widths, contentAreas(s).reduce((r, a) => Math.max(r, a.right), 0));
      expect([s.name, s.print]).toEqual([s.name, { orientation: width > PRINTABLE_PIXELS.portrait ? "landscape" : "portrait", titleRows: [main.top, main.top], footer: String(plan.sheets[0].cells[0].cell.value) }]);
    }
  });
});

test("the sample summaries print landscape: their columns are wider than a portrait page", () => {
  for (const name of SAMPLE_PLAN_NAMES) expect([name, samplePlan(name).sheets[0].print?.orientation]).toEqual([name, "landscape"]);
});
