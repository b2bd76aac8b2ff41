import { aggregateRows } from "../../src/report/aggregate-rows";
import { detect } from "../../src/report/detect";
import { inputFromBlock } from "../../src/report/input-from-block";
import { readsAsNote } from "../../src/report/note-rows";
import { planReport } from "../../src/report/plan";
import type { CellValue, SourceBlock } from "../../src/report/types";

const block = (values: CellValue[][]): SourceBlock => ({ sheet: "T", top: 0, left: 0, values, provenance: "T!A1" });

/** A national office's table: a title, a country whose numbers are all missing inside it and at its end, notes below. */
const NATIONAL: CellValue[][] = [
  ["Table 3. Immigrants and emigrants by country, 2023", null, null, null],
  [null, null, null, null],
  ["Country", "Immigrants", "Emigrants", "Population"],
  ["Austria", 1_797_667, 600_000, 9_006_000],
  ["Belgium", 2_005_479, 400_000, 11_590_000],
  ["Chad", null, null, null],
  ["France", 8_524_876, 2_000_000, 65_274_000],
  ["Germany", 15_762_457, 3_500_000, 83_784_000],
  ["United Kingdom of Great Britain and Northern Ireland", null, null, null],
  ["Source: National Statistics Office, population register.", null, null, null],
  ["Figures for 2022 are provisional.", null, null, null],
  [null, null, null, null],
  ["Note: emigrants are persons who left for a year or more.", null, null, null],
];

describe("note and source lines under a country table", () => {
  test("left out and named, each by its row and cell; countries with every number missing are kept, inside the table and at its end", () => {
    const b = block(NATIONAL);
    const d = detect(b);
    expect(d.shape).toBe("table");
    const a = aggregateRows(b, d);
    expect(a.items.map((i) => [i.row, i.address, i.reason.kind])).toEqual([
      [9, "A10", "note"],
      [10, "A11", "note"],
      [12, "A13", "note"],
    ]);
    expect(a.notes[0]).toBe("Row 10 (A10 'Source: National Statistics Office, pop…') is left out: it is a note or source line under the table (text and no number), not a region");
    const input = inputFromBlock(b, d);
    if (input.shape !== "table") throw new Error("not a table");
    expect(input.columns.region?.values).toEqual(["Austria", "Belgium", "Chad", "France", "Germany", "United Kingdom of Great Britain and Northern Ireland"]);
    const plan = planReport(b, d, { mode: "native", now: new Date(0) });
    expect(plan.sheets[0].tables[0].rows.map((r) => r[0].value)).toEqual(["Austria", "Belgium", "Chad", "France", "Germany", "United Kingdom of Great Britain and Northern Ireland"]);
  });

  test("a note the user keeps (its box unticked) is read as a row again", () => {
    const b = block(NATIONAL);
    const d = { ...detect(b), keepRows: [9] };
    const a = aggregateRows(b, d);
    expect(a.kept.map((i) => i.row)).toEqual([9]);
    expect(a.items.map((i) => i.row)).toEqual([10, 12]);
  });

  test("inside the table, only a line that says it is a note ('Source:', 'Note:', a footnote mark) is one", () => {
    const values: CellValue[][] = [
      ["Country", "Immigrants", "Emigrants"],
      ["Austria", 100, 50],
      ["Note: Belgium's figures are for 2021", null, null],
      ["Belgium", 200, 70],
      ["Central African Republic is not covered", null, null],
      ["France", 300, 90],
    ];
    const b = block(values);
    const a = aggregateRows(b, detect(b));
    expect(a.items.map((i) => i.row)).toEqual([2]);
  });

  test("what reads as a note, and what does not", () => {
    for (const t of ["Source: World Bank WDI, 2023", "Sources: UN DESA", "Note: provisional", "NOTES - see below", "Data from database: World Development Indicators", "Last Updated: 06/28/2024", "* Provisional", "(a) Including Kosovo", "1) Persons born abroad", "[1] Break in series"]) {
      expect([t, readsAsNote(t, false)]).toEqual([t, true]);
    }
    for (const t of ["Chad", "Korea, Dem. People's Rep.", "Congo, Dem. Rep.", "United Kingdom of Great Britain and Northern Ireland", "Saint Helena, Ascension and Tristan da Cunha", "China, Hong Kong Special Administrative Region", "St. Vincent and the Grenadines"]) {
      expect([t, readsAsNote(t, true)]).toEqual([t, false]);
    }
    expect(readsAsNote("Figures for 2022 are provisional.", true)).toBe(true);
    expect(readsAsNote("Figures for 2022 are provisional.", false)).toBe(false);
    expect(readsAsNote(42, true)).toBe(false);
  });
});
