import { LANGS } from "../../src/messages/lang";
import { refusalText } from "../../src/messages/refusals";
import { ReportRefusal, RefusalCode } from "../../src/report/refusal";
import { describeError } from "../../src/taskpane/errors";
import { englishWordsIn, REFUSAL_NAMES, REFUSALS } from "./samples";

const CODES = Object.keys(REFUSALS) as RefusalCode[];

describe("the engine's refusals in English and Ukrainian", () => {
  test.each(CODES)("%s: worded in both languages from its parameters, naming them", (code) => {
    const refusal = new ReportRefusal(code, REFUSALS[code] as never);
    for (const lang of LANGS) {
      const text = refusalText(refusal, lang);
      expect(text).toMatch(/\S/);
      expect(text).not.toMatch(/\n|undefined|\[object/);
      for (const name of REFUSAL_NAMES[code]) expect(text).toContain(name);
    }
    const uk = refusalText(refusal, "uk");
    expect(uk).toMatch(/[а-яіїєґ]{4}/);
    expect(englishWordsIn(uk, REFUSAL_NAMES[code])).toEqual([]);
  });

  test.each(CODES)("%s: the Error's message is the English wording, and the pane says it in its language", (code) => {
    const refusal = new ReportRefusal(code, REFUSALS[code] as never);
    expect(refusal.message).toBe(refusalText(refusal, "en"));
    expect(describeError(refusal, "uk", false, "build").text).toBe(`${refusalText(refusal, "uk")} Ваші дані не змінено.`);
    expect(describeError(refusal, "en", false, "build").text).toBe(`${refusal.message} Your data were not changed.`);
  });

  test("a unit that does not fit names the column, its header and the role, in each language", () => {
    const refusal = new ReportRefusal("unitMismatch", REFUSALS.unitMismatch);
    expect(refusalText(refusal, "en")).toBe(
      "Column C 'Emigrants (%)' is a percentage, but it is used as Emigrants, which must be a number of people: map Emigrants to another column (on the command line --map emigrants=COLUMN) or leave it unmapped (--map emigrants=).",
    );
    expect(refusalText(refusal, "uk")).toBe(
      "Стовпець C «Emigrants (%)» — у відсотках, а використовується як «Емігранти», що має бути кількістю людей. Призначте цю роль іншому стовпцю (у командному рядку --map emigrants=СТОВПЕЦЬ) або залиште її без стовпця (--map emigrants=).",
    );
  });
});

test("a label repeated in a matrix's row labels: where, in each language", () => {
  const refusal = new ReportRefusal("repeatedLabels", { shape: "matrix", repeats: [{ what: "rowLabel", label: "B", context: [], count: 2, addresses: ["A3", "A4"] }], more: 0 });
  expect(refusalText(refusal, "en")).toBe('Region "B" appears twice in the row labels: A3 and A4. Each region must appear once across the top and once down the side.');
  expect(refusalText(refusal, "uk")).toBe("У підписах рядків регіон «B» трапляється двічі: A3 і A4. Кожен регіон має бути один раз угорі й один раз збоку.");
});
