import { EXIT } from "../../src/cli/errors";
import { filterRows } from "../../src/cli/filter";
import type { CellValue, SourceBlock } from "../../src/report/types";

const values: CellValue[][] = [
  ["partner", "geo", "sex", "OBS_VALUE"],
  ["FR", "DE", "T", 10],
  ["FR", "DE", "M", 6],
  ["FR", "DE", "F", 4],
  ["AT", "DE", "T", 3],
];
const block: SourceBlock = { sheet: "Data", top: 0, left: 0, values, provenance: "x.csv" };

test("keeps the header and the rows holding the value, by header name or column letter", () => {
  const kept = filterRows(block, [{ column: "Sex", value: "T" }]);
  expect(kept.values).toEqual([values[0], values[1], values[4]]);
  expect(kept.provenance).toBe("x.csv, rows where sex = T");
  expect(filterRows(block, [{ column: "C", value: "M" }, { column: "partner", value: "FR" }]).values).toEqual([values[0], values[2]]);
});

test("an unknown column or a value no row holds: the error names the headers or the values", () => {
  expect(() => filterRows(block, [{ column: "age", value: "TOTAL" }])).toThrow(/no column 'age' \(headers: 'partner', 'geo', 'sex', 'OBS_VALUE'\)/);
  try {
    filterRows(block, [{ column: "sex", value: "X" }]);
    throw new Error("expected a failure");
  } catch (e) {
    expect((e as { code: number }).code).toBe(EXIT.undetectable);
    expect((e as Error).message).toBe("--filter: no row has sex = 'X' (column C holds 'T', 'M', 'F')");
  }
});

test("several filters: the one no row holds is named, or else their combination", () => {
  expect(() => filterRows(block, [{ column: "sex", value: "T" }, { column: "geo", value: "PL" }])).toThrow("--filter: no row has geo = 'PL' (column B holds 'DE')");
  expect(() => filterRows(block, [{ column: "sex", value: "M" }, { column: "partner", value: "AT" }])).toThrow("--filter: no row has sex = 'M' and partner = 'AT' together");
});

test("the messages in Ukrainian", () => {
  expect(() => filterRows(block, [{ column: "age", value: "TOTAL" }], "uk")).toThrow("--filter: немає стовпця 'age' (заголовки: 'partner', 'geo', 'sex', 'OBS_VALUE')");
  expect(() => filterRows(block, [{ column: "sex", value: "X" }], "uk")).toThrow("--filter: жоден рядок не має sex = 'X' (у стовпці C: 'T', 'M', 'F')");
  expect(() => filterRows(block, [{ column: "sex", value: "M" }, { column: "partner", value: "AT" }], "uk")).toThrow("--filter: жоден рядок не має водночас sex = 'M' і partner = 'AT'");
});
