/** The CSV reader's notes in words: the cell, what was read, in English and in Ukrainian. */
import { EUROSTAT_FLAG_MEANINGS, renderCsvNote } from "../../src/messages/csv-notes";
import { readCsv } from "../../src/report/csv";

const notes = [...readCsv("geo;2021;2022\nAT;123 ep;45,5 p\nBE;1,5;7\n").notes, ...readCsv("a;b\nP;1.234\nQ;2\n").notes];

test("a flag dropped: the cell, the field, the number read and each flag's meaning", () => {
  expect(notes.map((n) => n.code)).toEqual(["flag", "flag", "ambiguousNumber"]);
  expect(renderCsvNote(notes[0], "en")).toBe("B2: '123 ep' read as 123; the flag 'ep' (e: estimated, p: provisional) is not kept");
  expect(renderCsvNote(notes[0], "uk")).toBe("B2: «123 ep» прочитано як 123; позначку «ep» (e: оцінка, p: попередні дані) не збережено");
  expect(renderCsvNote(notes[1], "en")).toBe("C2: '45,5 p' read as 45.5; the flag 'p' (p: provisional) is not kept");
  expect(renderCsvNote(notes[1], "uk")).toBe("C2: «45,5 p» прочитано як 45,5; позначку «p» (p: попередні дані) не збережено");
});

test("a number left as text names its cell in both languages", () => {
  expect(renderCsvNote(notes[2], "en")).toBe("B2: '1.234' is left as text: the file's other numbers do not settle whether its comma or point is the decimal sign");
  expect(renderCsvNote(notes[2], "uk")).toMatch(/^B2: «1\.234» залишено текстом: [^A-Za-z]+$/);
});

test("every Eurostat flag has a meaning in both languages, the Ukrainian with no English but the agency's name", () => {
  expect(Object.keys(EUROSTAT_FLAG_MEANINGS.uk)).toEqual(Object.keys(EUROSTAT_FLAG_MEANINGS.en));
  for (const meaning of Object.values(EUROSTAT_FLAG_MEANINGS.uk)) expect(meaning).toMatch(/^[^A-Za-z]+$/);
});
