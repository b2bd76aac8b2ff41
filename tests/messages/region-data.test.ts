import { LANGS } from "../../src/messages/lang";
import { regionDataText } from "../../src/messages/region-data";
import { RegionDataError } from "../../src/report/region-data";
import type { RegionDataCode, RegionDataInput, RegionDataParams } from "../../src/report/region-data-codes";
import { describeError } from "../../src/taskpane/errors";
import { englishWordsIn } from "./samples";

const SAMPLES: { [C in RegionDataCode]: { input: RegionDataInput; params: RegionDataParams[C]; names: readonly string[] } } = {
  repeatedLabel: { input: "distances", params: { sheet: "Km", side: "firstRow", repeats: { items: [{ label: "Seoul", first: "B1", second: "F1" }], total: 4 } }, names: ["Km", "Seoul", "B1", "F1", "3"] },
  unpaired: {
    input: "populations",
    params: { sheet: "Pop", side: "firstColumn", missing: { items: ["Incheon"], total: 1 }, extra: { items: [{ label: "Incheon-si", address: "A5" }], total: 2 } },
    names: ["Pop", "Incheon", "Incheon-si", "A5", "1"],
  },
  notLabels: { input: "distances", params: { sheet: "Km", cells: { items: ["A3", "C1"], total: 2 } }, names: ["Km", "A3", "C1"] },
  distancesSize: { input: "distances", params: { sheet: "Km", rows: 16, columns: 15, regions: 17 }, names: ["Km", "16 × 15", "17 × 17"] },
  notDistances: {
    input: "distances",
    params: { sheet: "Km", cells: { items: [{ address: "C2", value: null }, { address: "E4", value: "12 km" }, { address: "G6", value: true }, { address: "I8", value: -1.5 }], total: 9 } },
    names: ["Km", "C2", "E4", "12 km", "G6", "I8", "5"],
  },
  populationsShape: { input: "populations", params: { sheet: "Pop", rows: 3, columns: 17, regions: 17 }, names: ["Pop", "3 × 17", "17"] },
  unlabelledValues: { input: "populations", params: { sheet: "Pop", cells: { items: ["A7"], total: 1 } }, names: ["Pop", "A7"] },
  populationsCount: { input: "populations", params: { sheet: "Pop", values: 16, regions: 17 }, names: ["Pop", "16", "17"] },
  notPopulations: { input: "populations", params: { sheet: "Pop", cells: { items: [{ address: "A3", value: "n/a" }], total: 1 } }, names: ["Pop", "A3", "n/a"] },
  notRegions: { input: "populations", params: {}, names: [] },
};

const CODES = Object.keys(SAMPLES) as RegionDataCode[];

describe("why a distances or populations range cannot be used, in English and Ukrainian", () => {
  test.each(CODES)("%s: worded in both languages from its parameters, naming them; the error's message is the English", (code) => {
    const { input, params, names } = SAMPLES[code];
    const e = new RegionDataError(input, code, params as never);
    expect(e.message).toBe(regionDataText(e, "en"));
    for (const lang of LANGS) {
      const text = regionDataText(e, lang);
      expect(text).not.toMatch(/\n|undefined|\[object/);
      for (const name of names) expect(text).toContain(name);
    }
    const uk = regionDataText(e, "uk");
    expect(uk).toMatch(/[а-яіїєґ]{4}/);
    expect(englishWordsIn(uk, [...names, "Excel"])).toEqual([]);
  });

  test("the cells' values as each language writes them; the pane says it in its language", () => {
    const e = new RegionDataError("distances", "notDistances", SAMPLES.notDistances.params);
    expect(e.message).toBe("the distances range on sheet 'Km' has cells that are not distances (a number of 0 or more) off the diagonal: C2 (blank), E4 (text \"12 km\"), G6 (TRUE), I8 (-1.5) and 5 more. Fix or fill them.");
    expect(regionDataText(e, "uk")).toBe("Діапазон відстаней на аркуші «Km» має поза діагоналлю клітинки, що не є відстанями (числом від 0): C2 (порожня), E4 (текст «12 km»), G6 (ІСТИНА), I8 (-1,5) і ще 5. Виправте або заповніть їх.");
    expect(describeError(e, "uk").text).toBe(`${regionDataText(e, "uk")} Ваші дані не змінено.`);
  });
});
