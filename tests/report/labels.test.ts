/**
 * Labels are compared as Excel compares TRIM(label&"") with `=`: case ignored, leading and
 * trailing spaces dropped, runs of spaces made one. The engine, the written labels and the
 * Flow Matrix formulas follow the same rule, and detection names each second spelling.
 */
import { detect } from "../../src/report/detect";
import { excelTrim, LabelBook, labelKey, shownLabel } from "../../src/report/labels";
import { planReport } from "../../src/report/plan";
import type { CellValue, SourceBlock } from "../../src/report/types";
import { prng } from "../support/random";

const NOW = new Date(0);
const block = (values: CellValue[][]): SourceBlock => ({ sheet: "Data", top: 0, left: 0, values, provenance: "Data!A1" });

describe("one rule for labels", () => {
  test("excelTrim drops spaces at the ends and makes inner runs one, as TRIM does; tabs and no-break spaces stay", () => {
    expect(excelTrim("  New   York ")).toBe("New York");
    expect(excelTrim("B ")).toBe("B");
    expect(excelTrim("\tB\u00a0")).toBe("\tB\u00a0");
    expect(excelTrim("   ")).toBe("");
  });

  test("excelTrim equals TRIM's rule written out, on seeded strings of letters, spaces, tabs and no-break spaces", () => {
    const rand = prng(20261206);
    const chars = ["a", "B", " ", " ", "\t", "\u00a0"];
    for (let k = 0; k < 5000; k++) {
      const s = Array.from({ length: Math.floor(rand() * 8) }, () => chars[Math.floor(rand() * chars.length)]).join("");
      expect([s, excelTrim(s)]).toEqual([s, s.replace(/ {2,}/g, " ").replace(/^ | $/g, "")]);
    }
  });

  test("labelKey: equal exactly when Excel's TRIM(a&\"\")=TRIM(b&\"\") is TRUE", () => {
    expect(labelKey("North")).toBe(labelKey(" north "));
    expect(labelKey("EAST")).toBe(labelKey("East"));
    expect(labelKey("New  York")).toBe(labelKey("new york"));
    expect(labelKey(1)).toBe(labelKey(" 1 "));
    expect(labelKey(true)).toBe(labelKey("TRUE"));
    expect(labelKey(0.1 + 0.2)).toBe(labelKey(0.3)); // 15 significant digits, as Excel
    expect(labelKey("B\u00a0")).not.toBe(labelKey("B"));
    expect(labelKey(null)).toBe("");
  });

  test("shownLabel trims text, keeps numbers, writes TRUE/FALSE as words", () => {
    expect([shownLabel(" West"), shownLabel(12), shownLabel(false)]).toEqual(["West", 12, "FALSE"]);
  });

  test("LabelBook shows every spelling of a label as its first, trimmed", () => {
    const book = new LabelBook();
    expect(["South ", "south", "North", "SOUTH", " north"].map((v) => book.of(v))).toEqual(["South", "South", "North", "South", "North"]);
  });
});

describe("a long list with labels spelled several ways", () => {
  const values: CellValue[][] = [
    ["origin", "destination", "flow"],
    ["North", "South", 10],
    ["north", "East", 5],
    ["South ", "North", 7],
    ["EAST", "North", 8],
    ["North", "EAST", 9],
  ];

  test("detection lists each other spelling once, at its first cell, naming the spelling used", () => {
    const d = detect(block(values));
    const variants = d.problems.filter((p) => p.kind === "variant");
    expect(variants.map((p) => p.address)).toEqual(["A3", "A5"]);
    expect(variants.map((p) => [p.code, p.params])).toEqual([
      ["labelVariant", { label: "north", countedAs: "North", firstAt: "A2" }],
      ["labelVariant", { label: "EAST", countedAs: "East", firstAt: "B3" }],
    ]);
  });

  test("the pivot merges them: three regions, labels as first spelled, every flow counted", () => {
    const plan = planReport(block(values), detect(block(values)), { mode: "native", now: NOW });
    const flowMatrix = plan.sheets.find((s) => s.name === "Flow Matrix")!.tables[0];
    expect(flowMatrix.rows.map((r) => r[0].value)).toEqual(["North", "South", "East"]);
    expect(plan.headline.find((h) => h.code === "totalFlows")!.value).toBe(39);
    // The formulas compare TRIM(label&"") with the row labels in column A, as the engine compares.
    expect(flowMatrix.rows[0][2].native).toContain(`(TRIM('Data'!$A$2:$A$6&"")=($A$4&""))*(TRIM('Data'!$B$2:$B$6&"")=($A$5&""))`);
  });

  test("a pair spelled two ways is one pair listed twice: the flows are added up, and detection says so", () => {
    const d = detect(block([["origin", "destination", "flow"], ["A", "B", 1], ["a ", "b", 2], ["B", "A", 3]]));
    expect(d.problems.filter((p) => p.kind === "duplicate")).toEqual([{ address: "A3", kind: "duplicate", code: "duplicatePair", params: { origin: "a", destination: "b", context: [], firstRow: 2 } }]);
  });
});

test("a country listed as 'Ghana' and 'ghana ' is one country listed twice: the report is refused, naming both cells", () => {
  const values: CellValue[][] = [["country", "skilled emigrants", "skilled residents"], ["Ghana", 1, 2], ["ghana ", 3, 4]];
  expect(() => planReport(block(values), detect(block(values)), { mode: "native", now: NOW })).toThrow(/Country "Ghana" appears twice: A2 and A3/);
});

test("a matrix cell of spaces only is text to Excel: detection names it, and the report is refused", () => {
  const values: CellValue[][] = [["", "A", "B"], ["A", 0, "  "], ["B", 3, 0]];
  const d = detect(block(values));
  expect(d.problems.map((p) => [p.address, p.kind])).toEqual([["C2", "text"]]);
  expect(() => planReport(block(values), d, { mode: "native", now: NOW })).toThrow(/not counts of people: C2/);
});
