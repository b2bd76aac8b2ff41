/** Widths fitted to what cells show, long texts merged and wrapped. */
import { fitSheet, rowHeights, WIDTH_CAP, wrappedLines } from "../../src/report/fit-widths";
import type { PlannedCell, PlannedSheet } from "../../src/report/types";
import { SAMPLE_PLAN_NAMES, samplePlan } from "../support/sample-plans";

const text = (value: string, style?: PlannedCell["style"]): PlannedCell => ({ value, ...(style ? { style } : {}) });

function sheet(over: Partial<PlannedSheet>): PlannedSheet {
  return { name: "S", cells: [], tables: [], charts: [], widths: [], freezeRows: 0, ...over };
}

const table = (rows: PlannedCell[][], header = ["Region", "Flow"], top = 5) => ({ name: "T", top, left: 0, header, rows });

test("a key figure's label fits its column when its value sits in the next column", () => {
  const label = "Connectivity (share of flows that occur)";
  const s = fitSheet(sheet({ cells: [{ row: 0, col: 0, cell: text(label, "keyLabel") }, { row: 0, col: 1, cell: { value: 0.885, format: "percent", style: "keyValue" } }] }));
  expect(s.widths[0]).toBeGreaterThanOrEqual(label.length + 2);
  expect(s.widths[0]).toBeLessThanOrEqual(WIDTH_CAP);
  expect(s.wrapColumns).toBeUndefined();
});

test("numbers are measured as their format shows them: thousands separators, %, decimals", () => {
  const s = fitSheet(sheet({ tables: [table([[text("A"), { value: 1234567890, format: "count" }]], ["R", "N"])] }));
  expect(s.widths[1]).toBeGreaterThanOrEqual("1,234,567,890".length + 2);
  const p = fitSheet(sheet({ tables: [table([[text("A"), { value: -0.12345, format: "percent" }]], ["R", "N"])] }));
  expect(p.widths[1]).toBeGreaterThanOrEqual("-12.3%".length + 2);
  expect(p.widths[1]).toBeLessThan(12);
});

test("a column whose text is longer than the cap gets the cap and wraps; its rows grow", () => {
  const long = "word ".repeat(40).trim();
  const s = fitSheet(sheet({ tables: [table([[text(long), { value: 1, format: "count" }]], ["Source", "N"])] }));
  expect(s.widths[0]).toBe(WIDTH_CAP);
  expect(s.wrapColumns).toEqual([0]);
  expect(rowHeights(s).get(6)).toBeGreaterThan(15 * 2);
});

test("a long header wraps onto up to three lines rather than widening its column", () => {
  const header = "Net migration per 1,000 population";
  const s = fitSheet(sheet({ tables: [table([[text("A"), { value: 1.2, format: "perThousand" }]], ["Region", header])] }));
  expect(s.widths[1]).toBeLessThan(header.length);
  expect(s.widths[1]).toBeGreaterThanOrEqual("population".length);
  expect(rowHeights(s).get(5)).toBeGreaterThan(15);
});

test("a title with empty cells to its right overflows into them and widens nothing", () => {
  const header = ["Region", "Outflow", "Inflow", "Turnover", "Net migration", "Effectiveness"];
  const row = [text("AT"), ...header.slice(1).map(() => ({ value: 123456, format: "count" as const }))];
  const s = fitSheet(sheet({ cells: [{ row: 0, col: 0, cell: text("Migration summary: a rather long file name.csv", "title") }], tables: [table([row], header)] }));
  expect(s.widths[0]).toBeLessThan(20);
  expect(s.cells[0].span).toBeUndefined();
});

test("a sentence that would run past the sheet's right edge is merged across the columns and wraps", () => {
  const note = "Classification: effectiveness above +0.1 = net gain, below −0.1 = net drain, otherwise balanced circulation.";
  const s = fitSheet(sheet({ cells: [{ row: 3, col: 0, cell: text(note) }], tables: [table([[text("AT"), { value: 1, format: "count" }]])] }));
  expect(s.cells[0].span).toBe(2);
  expect(s.widths[0]).toBeLessThan(20); // it widened nothing
  expect(rowHeights(s).get(3)).toBeGreaterThan(15 * 2);
});

test("notes never widen a column; a spanned cell is measured against its merged width", () => {
  const note = "n ".repeat(200);
  const s = fitSheet(sheet({ cells: [{ row: 0, col: 0, cell: text(note, "note"), span: 2 }], tables: [table([[text("AT"), { value: 1, format: "count" }]])] }));
  expect(s.widths[0]).toBeLessThan(20);
  const heading = "A heading that needs about forty characters";
  const h = fitSheet(sheet({ cells: [{ row: 0, col: 0, cell: text(heading, "heading"), span: 2 }], tables: [table([[text("AT"), { value: 1, format: "count" }]])] }));
  expect(h.widths[0] + h.widths[1]).toBeGreaterThanOrEqual(heading.length);
});

test("a row grows to Excel's tallest (409 points) at most", () => {
  const s = fitSheet(sheet({ cells: [{ row: 0, col: 0, cell: text("word ".repeat(5000), "note"), span: 2 }], tables: [table([[text("AT"), { value: 1, format: "count" }]])] }));
  expect(rowHeights(s).get(0)).toBe(409);
});

test("wrapped lines count words whole", () => {
  expect(wrappedLines("one two three", 100)).toBe(1);
  expect(wrappedLines("aaaa bbbb cccc dddd", 8, 1)).toBe(4);
  expect(wrappedLines("first\nsecond", 100)).toBe(2);
});

describe.each(SAMPLE_PLAN_NAMES)("%s: the order in which a sheet lists its cells changes nothing", (name) => {
  // A text's right-hand neighbour is looked for first as the next cell listed: reversed, every
  // sheet takes the other way, which must give the same widths, spans and wrapped columns.
  test("each sheet fitted with its cells reversed equals it fitted as planned", () => {
    const byPlace = (s: PlannedSheet) => [...s.cells].sort((a, b) => a.row - b.row || a.col - b.col);
    for (const s of samplePlan(name).sheets) {
      const asPlanned = fitSheet(s);
      const reversed = fitSheet({ ...s, cells: [...s.cells].reverse() });
      expect([s.name, reversed.widths, reversed.wrapColumns, byPlace(reversed)]).toEqual([s.name, asPlanned.widths, asPlanned.wrapColumns, byPlace(asPlanned)]);
    }
  });
});

test("a text whose next cell listed is further along its row still overflows into the empty cells between, in either order", () => {
  const title = "Flows between regions, year to June 2022";
  const cells = [
    { row: 0, col: 0, cell: text(title, "title") },
    { row: 0, col: 4, cell: { value: 2022, format: "count" as const } },
  ];
  for (const listed of [cells, [...cells].reverse()]) {
    const s = fitSheet(sheet({ cells: listed }));
    // Column A is not widened to the title (as it would be with a filled cell right of it): the
    // title runs on over the empty B–D.
    expect(s.widths[0]).toBeLessThan(title.length / 2);
  }
});
