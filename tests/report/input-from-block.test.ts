import { refusalText } from "../../src/messages/refusals";
import { applyOverrides, detect } from "../../src/report/detect";
import { inputFromBlock } from "../../src/report/input-from-block";
import { ReportRefusal } from "../../src/report/refusal";
import type { CellValue, SourceBlock } from "../../src/report/types";

const BY_SEX: CellValue[][] = [
  ["origin", "destination", "sex", "flow"],
  ["DE", "FR", "M", 10],
  ["DE", "FR", "F", 30],
  ["FR", "DE", "M", 5],
  ["FR", "DE", "F", 7],
];

test("a value chosen in a dimension column that no row holds is refused, naming the column and the value", () => {
  const b: SourceBlock = { sheet: "S", top: 0, left: 1, values: BY_SEX, provenance: "test" };
  const d = { ...applyOverrides(b, detect(b), { shape: "long", map: { origin: 0, destination: 1, flow: 3, group: null } }), dimensionFilters: [{ col: 2, value: "T" }] };
  let refusal: unknown;
  try {
    inputFromBlock(b, d);
  } catch (e) {
    refusal = e;
  }
  expect(refusal).toBeInstanceOf(ReportRefusal);
  const r = refusal as ReportRefusal<"noFilteredRows">;
  expect([r.code, r.params]).toEqual(["noFilteredRows", { filters: [{ column: "D", header: "sex", value: "T" }] }]);
  expect(r.message).toBe("No row holds the values chosen in the dimension columns (column D 'sex' = 'T'): choose other values (on the command line --filter).");
  expect(refusalText(r, "uk")).toBe("Жоден рядок не містить вибраних значень у стовпцях розбивки (стовпець D «sex» = «T»): виберіть інші значення (у командному рядку --filter).");
});
