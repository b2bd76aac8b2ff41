/** displayLength counts what Excel's number formats would show, without formatting each value. */
import { displayLength } from "../../src/hosts/common";
import type { NumberFormat } from "../../src/report/types";
import { prng } from "../support/random";

/** The length of the value as the format shows it, by formatting (what displayLength avoids). */
function shown(v: number, format: NumberFormat): number {
  switch (format) {
    case "count":
      return Math.round(v).toLocaleString("en-US").length;
    case "percent":
      return (v * 100).toFixed(1).length + 1;
    case "perThousand":
      return v.toFixed(1).length;
    case "ratio":
    case "decimal":
      return v.toFixed(3).length;
    case "year":
      return String(Math.round(v)).length;
    default:
      return String(v).length;
  }
}

test.each(["count", "percent", "perThousand", "ratio", "decimal", "year"] as NumberFormat[])("%s: the counted length is the formatted length (off by one at most where rounding carries)", (format) => {
  const rand = prng(5);
  let exact = 0;
  const n = 20_000;
  for (let i = 0; i < n; i++) {
    const v = (rand() - 0.3) * 10 ** Math.floor(rand() * 13 - 3);
    const diff = Math.abs(displayLength({ value: v, format }) - shown(v, format));
    expect([v, diff <= 1]).toEqual([v, true]);
    if (diff === 0) exact++;
  }
  expect(exact / n).toBeGreaterThan(0.99);
});

test("text, errors and blanks", () => {
  expect(displayLength({ value: "Côte d'Ivoire" })).toBe(13);
  expect(displayLength({ value: { error: "#DIV/0!" } })).toBe(7);
  expect(displayLength({ value: null })).toBe(0);
  expect(displayLength({ value: 1e300, format: "count" })).toBe(6);
});
