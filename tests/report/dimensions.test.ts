import { readGeometry } from "../../src/report/dataset";
import { applyOverrides, detect } from "../../src/report/detect";
import { dimensionColumns, dimensionRefusal, repeatedPairs } from "../../src/report/dimensions";
import { planReport } from "../../src/report/plan";
import type { LongGeometry } from "../../src/report/dataset";
import type { CellValue, SourceBlock } from "../../src/report/types";

const block = (values: CellValue[][]): SourceBlock => ({ sheet: "S", top: 0, left: 0, values, provenance: "test" });
const FRAME = { left: 0, right: 3 };

const BY_AGE: CellValue[][] = [
  ["origin", "destination", "age", "flow"],
  ["DE", "FR", "Y15-24", 10],
  ["DE", "FR", "Y25-64", 30],
  ["FR", "DE", "Y15-24", 5],
  ["FR", "DE", "Y25-64", 7],
];

test("an unmapped column that tells apart the rows of one pair is a dimension, with its values", () => {
  const b = block(BY_AGE);
  const d = applyOverrides(b, detect(b), { shape: "long", map: { origin: 0, destination: 1, flow: 3, group: null } });
  const data = readGeometry(b, d) as LongGeometry;
  const dims = dimensionColumns(b, data, d.headerRow, data.rowIndex, FRAME);
  expect(dims).toEqual([{ col: 2, header: "age", values: ["Y15-24", "Y25-64"] }]);
  expect(repeatedPairs(b, data, data.rowIndex)).toBe(2);
  expect(dimensionRefusal(b, dims, 2).message).toMatch(/^2 origin–destination pair\(s\) have several rows that differ in column C 'age' \(Y15-24, Y25-64\).*--filter 'age=Y15-24'/);
});

test("a group column without its own total is not a dimension; one holding its total (T beside M and F) refuses the report", () => {
  const groups = block(BY_AGE.map((r, k) => (k === 0 ? ["origin", "destination", "sex", "flow"] : r)).map((r, k) => (k === 0 ? r : [r[0], r[1], k % 2 ? "M" : "F", r[3]])));
  const dg = detect(groups);
  expect(dimensionColumns(groups, readGeometry(groups, dg) as LongGeometry, dg.headerRow, (readGeometry(groups, dg) as LongGeometry).rowIndex, FRAME)).toEqual([]);
  const withTotal = block([...groups.values, ["DE", "FR", "T", 40]]);
  const dt = detect(withTotal);
  expect(() => planReport(withTotal, dt, { mode: "values", now: new Date(0) })).toThrow(/differ in column C 'sex' \(M, F, T\)/);
});

test("one row per pair: no dimension", () => {
  const b = block([["origin", "destination", "flow"], ["DE", "FR", 1], ["FR", "DE", 2]]);
  const d = detect(b);
  const data = readGeometry(b, d) as LongGeometry;
  expect(dimensionColumns(b, data, d.headerRow, data.rowIndex, { left: 0, right: 2 })).toEqual([]);
});

test("two breakdowns (education level and sex): both columns named, one --filter each with the column's own total", () => {
  const rows: CellValue[][] = [["partner", "geo", "isced11", "sex", "OBS_VALUE"]];
  for (const [o, d] of [["FR", "DE"], ["DE", "FR"]])
    for (const isced of ["ED5", "ED5-8", "ED6"]) for (const sex of ["M", "T", "F"]) rows.push([o, d, isced, sex, 1]);
  const b = block(rows);
  const d = applyOverrides(b, detect(b), { shape: "long", map: { origin: 0, destination: 1, flow: 4, group: null } });
  const data = readGeometry(b, d) as LongGeometry;
  const dims = dimensionColumns(b, data, d.headerRow, data.rowIndex, { left: 0, right: 4 });
  expect(dims.map((x) => x.header)).toEqual(["isced11", "sex"]);
  const message = dimensionRefusal(b, dims, 2).message;
  expect(message).toContain("column C 'isced11' (ED5, ED5-8, ED6), column D 'sex' (M, T, F)");
  expect(message).toContain("--filter 'isced11=ED5-8' --filter 'sex=T'");
});
