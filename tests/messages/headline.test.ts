import { headlineLabel, headlineValue, MEASURES_UK } from "../../src/messages/headline";
import { LANGS } from "../../src/messages/lang";
import { EFFECTIVENESS, TABLE_MEASURES } from "../../src/report/measures";
import { HEADLINE } from "./samples";

describe("headline items in English and Ukrainian", () => {
  test.each(HEADLINE.map((h) => [h.code, h] as const))("%s: a label and a value in each language", (_code, item) => {
    for (const lang of LANGS) {
      for (const heading of [false, true]) expect(headlineLabel(item, lang, heading)).toMatch(/\S/);
      expect(headlineValue(item, lang)).not.toEqual(expect.stringMatching(/undefined|\[object/));
    }
    expect(headlineLabel(item, "uk", true)).toMatch(/[А-ЯІЇЄҐа-яіїєґ]{4}/);
  });

  test("every measure a table's headline can take a median of has a Ukrainian name", () => {
    for (const m of [...TABLE_MEASURES, EFFECTIVENESS]) expect(MEASURES_UK[m.label]).toMatch(/[а-яіїєґ]{4}/);
  });

  test("labels: lines for the command line, headings for the pane; values written in the language", () => {
    const [period, estimated, , totalFlows, mei, , corridor, , median] = HEADLINE;
    expect(headlineLabel(totalFlows, "en")).toBe("total flows");
    expect(headlineLabel(totalFlows, "uk", true)).toBe("Усього переміщень");
    expect(headlineLabel(mei, "en", true)).toBe("Migration effectiveness index (MEI)");
    expect(headlineLabel(median, "en")).toBe("median selection ratio (skilled ÷ total emigration rate)");
    expect(headlineLabel(median, "uk", true)).toBe("Медіана: коефіцієнт відбору (кваліфіковані ÷ загальний рівень еміграції)");
    expect(headlineLabel(period, "uk", true)).toBe("Період");
    expect(headlineValue(corridor, "en")).toBe("IT → ES (8040)");
    expect(headlineValue(estimated, "en")).toBe("2010–2015, method return");
    expect(headlineValue(estimated, "uk")).toBe("2010–2015, метод return");
    expect(headlineValue(totalFlows, "uk")).toBe(268142);
  });
});
