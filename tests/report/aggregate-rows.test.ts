import { aggregateRows } from "../../src/report/aggregate-rows";
import { detect } from "../../src/report/detect";
import type { CellValue, SourceBlock } from "../../src/report/types";

const block = (values: CellValue[][]): SourceBlock => ({ sheet: "S", top: 0, left: 0, values, provenance: "test" });

test("a country table: World, Euro area and a UN location code of 900 or more are left out, each named", () => {
  const b = block([
    ["Country", "Code", "Immigrants", "Emigrants"],
    ["Austria", 40, 100, 50],
    ["Euro area", 1500, 1000, 900],
    ["Belgium", 56, 200, 70],
    ["Europe", 908, 5000, 4000],
    ["France", 250, 300, 90],
    ["World", 900, 9000, 9000],
    ["Germany", 276, 400, 100],
    ["Italy", 380, 150, 120],
  ]);
  const a = aggregateRows(b, detect(b));
  expect([...a.rows].sort()).toEqual([2, 4, 6]);
  expect(a.notes).toEqual([
    "Row 3 (A3 'Euro area') is left out: its region is a World Bank aggregate, not a region",
    "Row 5 (B5 '908') is left out: its code is a UN location code of 900 or more (908), not a region",
    "Row 7 (A7 'World') is left out: its region is a total, not a region",
  ]);
});

test("numeric codes that are not UN location codes (a register's ids) are not judged by size", () => {
  const b = block([
    ["Region", "Code", "Immigrants", "Emigrants"],
    ["North", 4101, 100, 50],
    ["South", 4102, 200, 70],
    ["East", 905, 300, 90],
  ]);
  expect(aggregateRows(b, detect(b)).count).toBe(0);
});

test("a long list: aggregate origins and destinations are left out", () => {
  const b = block([
    ["origin", "destination", "flow"],
    ["DE", "FR", 10],
    ["EU27_2020", "FR", 30],
    ["FR", "DE", 5],
    ["FR", "TOTAL", 50],
  ]);
  expect([...aggregateRows(b, detect(b)).rows].sort()).toEqual([2, 4]);
});
