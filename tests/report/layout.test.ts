/**
 * The report sheets' free cells carry their look (title, subtitle, headings, key figures,
 * notes) and are shown whole: a text that does not wrap has columns wide enough for it, over
 * cells with nothing in them; a note wraps within the columns of the sheet's tables.
 */
import { spanFor, textCell, textWidth, widthOf, wrappedLines } from "../../src/report/layout";
import { MATRIX_KEY_FIGURES } from "../../src/report/measures";
import { PlannedSheet } from "../../src/report/types";
import { SAMPLE_PLAN_NAMES, samplePlan } from "../support/sample-plans";

/** Every cell of a sheet that holds something, as "row:col". */
function filled(sheet: PlannedSheet): Set<string> {
  const out = new Set<string>();
  for (const t of sheet.tables) {
    const rows = [t.header.map((h) => ({ value: h })), ...t.rows, ...(t.totals ? [t.totals] : [])];
    rows.forEach((r, i) => r.forEach((c, j) => c.value !== null && out.add(`${t.top + i}:${t.left + j}`)));
  }
  for (const c of sheet.cells) if (c.cell.value !== null) out.add(`${c.row}:${c.col}`);
  return out;
}

test("a text spans the columns that hold it in its style; a note no more than the tables' columns", () => {
  const widths = [10, 10, 10, 10];
  expect(spanFor("x".repeat(8), 0, widths)).toBe(1); // 8 + 2 padding in 10
  expect(spanFor("x".repeat(9), 0, widths)).toBe(2);
  expect(spanFor("x".repeat(8), 0, widths, "title")).toBe(2); // 8 × 1.5 + 2 = 14
  expect(spanFor("x".repeat(40), 2, widths)).toBe(5); // 42 in 10 + 10 + 3 × 8.43 (the default beyond the planned widths)
  expect(textCell(3, 0, "x".repeat(100), "note", widths, 4)).toMatchObject({ row: 3, col: 0, span: 4, cell: { style: "note" } });
  expect(textCell(3, 0, "x".repeat(100), "title", widths, 4).span).toBe(spanFor("x".repeat(100), 0, widths, "title"));
  expect(textCell(3, 1, "short", "heading", widths, 4)).toEqual({ row: 3, col: 1, cell: { value: "short", style: "heading" } });
});

test("a wrapped note's lines, for the row's height: its characters over its columns' room, with a tenth to spare for breaks between words", () => {
  expect(wrappedLines("x".repeat(20), 0, 2, [11, 11])).toBe(2); // 22 over a line of 20
  expect(wrappedLines("x".repeat(18), 0, 2, [11, 11])).toBe(1); // 19.8
  expect(wrappedLines("x".repeat(100), 1, 3, [30, 20, 20, 20])).toBe(2); // 110 over 58
  expect(wrappedLines("one\ntwo", 0, 1, [20])).toBe(2);
  expect(wrappedLines("", 0, 1, [20])).toBe(1);
});

describe.each(SAMPLE_PLAN_NAMES)("%s", (name) => {
  const plan = samplePlan(name);
  const reportSheets = plan.sheets.filter((s) => s.name !== "Definitions");

  test("the summary opens with the report's title and the line saying how it was built", () => {
    const [title, built] = plan.sheets[0].cells;
    expect(title).toMatchObject({ row: 0, col: 0, cell: { style: "title" } });
    expect(String(title.cell.value).startsWith(`Migration summary: ${name}`)).toBe(true); // and the period shown, for a panel
    expect(built).toMatchObject({ row: 1, col: 0, cell: { style: "subtitle" } });
    expect(String(built.cell.value)).toMatch(/^Built /);
  });

  test("every free text on a report sheet has a style, each sheet a title first", () => {
    for (const s of reportSheets) {
      expect([s.name, s.cells[0]?.cell.style]).toEqual([s.name, "title"]);
      for (const c of s.cells) if (typeof c.cell.value === "string") expect([s.name, c.cell.value, c.cell.style !== undefined]).toEqual([s.name, c.cell.value, true]);
    }
  });

  test("every text is shown whole: its columns hold it and are empty, or it is a note that wraps in them", () => {
    let checked = 0;
    for (const s of reportSheets) {
      const full = filled(s);
      for (const c of s.cells) {
        if (typeof c.cell.value !== "string") continue;
        const span = c.span ?? 1;
        for (let j = c.col + 1; j < c.col + span; j++) expect([s.name, c.cell.value, `${c.row}:${j}`, full.has(`${c.row}:${j}`)]).toEqual([s.name, c.cell.value, `${c.row}:${j}`, false]);
        let room = 0;
        for (let j = c.col; j < c.col + span; j++) room += widthOf(s.widths, j);
        const fits = room >= textWidth(c.cell.value, c.cell.style);
        // A text without a span may still spill over empty cells on screen, but not on paper
        // next to content: only a short one (or the last in its row) goes without a span.
        if (c.cell.style !== "note") expect([s.name, c.cell.value, fits || (!c.span && !full.has(`${c.row}:${c.col + 1}`))]).toEqual([s.name, c.cell.value, true]);
        else expect([s.name, c.cell.value, fits || c.col + span >= s.tables[0].header.length]).toEqual([s.name, c.cell.value, true]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe.each(["erasmus", "uk", "stocks"] as const)("%s: the key figures", (name) => {
  const sheet = samplePlan(name).sheets[0];
  const labels = sheet.cells.filter((c) => c.cell.style === "keyLabel");
  const values = sheet.cells.filter((c) => c.cell.style === "keyValue");

  test("are a block under the heading: each label over the columns it needs, its value in the next", () => {
    const heading = sheet.cells.find((c) => c.cell.value === "Key figures")!;
    expect(heading.cell.style).toBe("heading");
    expect(labels.map((c) => c.cell.value)).toEqual(["Regions", ...MATRIX_KEY_FIGURES.filter((k) => k.needs === undefined).map((k) => k.label)]);
    const span = labels[0].span!;
    labels.forEach((l, k) => {
      expect(l).toMatchObject({ row: heading.row + 1 + k, col: 0, span });
      let room = 0;
      for (let j = 0; j < span; j++) room += sheet.widths[j];
      expect(room).toBeGreaterThanOrEqual(textWidth(String(l.cell.value), "keyLabel"));
      expect(values[k]).toMatchObject({ row: l.row, col: span });
    });
    // Column A stays as wide as the region names need, not the labels.
    expect(sheet.widths[0]).toBeLessThan(textWidth(MATRIX_KEY_FIGURES[3].label, "keyLabel"));
  });

  test("the formulas that read the total flows read its key-figure cell", () => {
    const total = values[1];
    const address = `${String.fromCharCode(65 + total.col)}${total.row + 1}`;
    const circulation = values.find((_, k) => labels[k].cell.value === "Brain circulation index")!;
    expect(circulation.cell.native).toContain(`/(2*${address})`);
  });
});
