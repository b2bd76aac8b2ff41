import { LANGS } from "../../src/messages/lang";
import { reasonText } from "../../src/messages/reasons";
import type { Reason, ReasonCode } from "../../src/report/reason";
import { englishWordsIn, REASON_NAMES, REASONS } from "./samples";

const CODES = Object.keys(REASONS) as ReasonCode[];
const sample = (code: ReasonCode) => ({ code, params: REASONS[code] }) as Reason;

describe("detection reasons in English and Ukrainian", () => {
  test.each(CODES)("%s: one line in each language, naming its parameters", (code) => {
    for (const lang of LANGS) {
      const text = reasonText(sample(code), lang);
      expect(text).toMatch(/\S/);
      expect(text).not.toMatch(/\n|undefined|\[object/);
      for (const name of REASON_NAMES[code]) expect(text).toContain(name);
    }
    const uk = reasonText(sample(code), "uk");
    expect(uk).toMatch(/[а-яіїєґ]{4}/);
    expect(englishWordsIn(uk, REASON_NAMES[code])).toEqual([]);
  });

  test("counts agree with their number in Ukrainian (1 рядок, 2 рядки, 5 рядків) and are grouped as each language groups them", () => {
    const table = (rows: number) => reasonText({ code: "table", params: { rows, headerRow: 1 } }, "uk");
    expect(table(1)).toBe("Таблиця країн: 1 рядок, заголовок у рядку 1.");
    expect(table(22)).toBe("Таблиця країн: 22 рядки, заголовок у рядку 1.");
    expect(table(11)).toBe("Таблиця країн: 11 рядків, заголовок у рядку 1.");
    expect(reasonText({ code: "table", params: { rows: 4116, regions: 196, periods: 7, headerRow: 1 } }, "en")).toBe("Country table: 4,116 rows, 196 regions, 7 periods, header in row 1.");
    expect(reasonText({ code: "table", params: { rows: 4116, headerRow: null } }, "uk").replace(/\s/g, " ")).toBe("Таблиця країн: 4 116 рядків, без рядка заголовків.");
  });

  test("a mapped column says how it was mapped, with the role's name in the language", () => {
    expect(reasonText(sample("mapped"), "en")).toBe("Mapped 'fb' → immigrants (synonym), 'Jahr' → year (its values are periods).");
    expect(reasonText(sample("mapped"), "uk")).toBe("Зіставлено: «fb» (E) → Іммігранти (синонім); «Jahr» (H) → Рік (її значення — періоди).");
  });
});
