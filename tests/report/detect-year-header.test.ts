import { detect } from "../../src/report/detect";
import type { CellValue, SourceBlock } from "../../src/report/types";

const block = (values: CellValue[][]): SourceBlock => ({ sheet: "S", top: 0, left: 0, values, provenance: "test" });

describe("years written as numbers in the header row", () => {
  test("a header whose year cells are numbers (UN DESA, Eurostat TSV) is found", () => {
    const d = detect(
      block([
        ["Region", "Location code", 1990, 2020],
        ["Austria", 40, 793182, 1797667],
        ["Belgium", 56, 1182710, 2005479],
        ["France", 250, 5897267, 8524876],
      ]),
    );
    expect(d.headerRow).toBe(0);
  });
  test("a first row of data holding a year over a year column is still data (a list without header)", () => {
    const d = detect(
      block([
        ["DE", "FR", 2019, 500],
        ["FR", "DE", 2019, 300],
        ["DE", "AT", 2020, 200],
        ["AT", "DE", 2020, 100],
      ]),
    );
    expect(d.headerRow).toBe(-1);
  });
  test("numbers that are not increasing years make a data row, not a header", () => {
    expect(() =>
      detect(
        block([
          ["Germany", 2000, 1900],
          ["France", 300, 400],
          ["Austria", 50, 60],
        ]),
      ),
    ).toThrow(/No header row was found/);
  });
});
