import { InputNote, ReadNoteCode, ReadNoteParams, ReadRefusalCode, ReadRefusalParams, renderInputNote, renderReadRefusal } from "../../src/messages/input-notes";
import type { Lang } from "../../src/messages/lang";
import { expectBothLanguages } from "./samples";

const NOTES: { [C in ReadNoteCode]: ReadNoteParams[C] } = {
  decoded: { encoding: "windows-1251", delimiter: "semicolon", decimalComma: true },
  missingMarkers: { count: 37 },
  metadataLines: { first: 1, last: 4, text: "Data Source" },
  firstSheet: { sheet: "Flows", others: ["Stocks", "Rates"] },
  oneSheet: { sheet: "Table 1", notRead: ["Contents", "Notes"] },
  unitApplied: { column: "C", header: "Total population (thousands)", unit: "thousands", factor: 1000 },
  flowUnit: { column: "D", header: "Flow ('000)", unit: "thousands" },
};

/** What each note's wording must name, in every language. */
const NOTE_NAMES: { [C in ReadNoteCode]: readonly string[] } = {
  decoded: ["WINDOWS-1251"],
  missingMarkers: ["37", "'..'", "'NA'"],
  metadataLines: ["1", "4", "5", "Data Source"],
  firstSheet: ["Flows", "Stocks", "Rates", "--sheet"],
  oneSheet: ["Table 1", "Contents", "Notes"],
  unitApplied: ["C", "Total population (thousands)"],
  flowUnit: ["D", "Flow ('000)"],
};

const REFUSALS: { [C in ReadRefusalCode]: ReadRefusalParams[C] } = {
  severalSheets: { file: "book.xlsx", sheets: [{ name: "Table 1", numbers: 6 }, { name: "Table 2", numbers: 21 }] },
};
const REFUSAL_NAMES: { [C in ReadRefusalCode]: readonly string[] } = { severalSheets: ["book.xlsx", "Table 1", "6", "Table 2", "21", "--sheet"] };

const noteCodes = Object.keys(NOTES) as ReadNoteCode[];
const refusalCodes = Object.keys(REFUSALS) as ReadRefusalCode[];

const checkBoth = (render: (lang: Lang) => string, names: readonly string[]) => expectBothLanguages(render, names, ["UTF"]);

describe("the reader's notes in English and Ukrainian", () => {
  test.each(noteCodes)("%s: worded in both languages from its parameters, naming them", (code) => {
    checkBoth((lang) => renderInputNote({ code, params: NOTES[code] } as InputNote, lang), NOTE_NAMES[code]);
  });

  test.each(refusalCodes)("%s (a refusal): worded in both languages from its parameters, naming them", (code) => {
    checkBoth((lang) => renderReadRefusal({ code, params: REFUSALS[code] }, lang), REFUSAL_NAMES[code]);
  });

  test("a unit applied: multiplied for a count, divided for a rate, as the Definitions sheet says it in English", () => {
    expect(renderInputNote({ code: "unitApplied", params: NOTES.unitApplied }, "en")).toBe(
      "Column C 'Total population (thousands)' is in thousands (as its header says): its values are multiplied by 1,000 to count people, in the report's numbers and in its formulas.",
    );
    const rate = { code: "unitApplied", params: { column: "E", header: "Emigration rate (%)", unit: "percent", factor: 0.01 } } as const;
    expect(renderInputNote(rate, "en")).toBe("Column E 'Emigration rate (%)' is a percentage (as its header says): its values are divided by 100 to give a rate between 0 and 1, in the report's numbers and in its formulas.");
    expect(renderInputNote(rate, "uk")).toBe("Стовпець E «Emigration rate (%)» — у відсотках (як каже заголовок): його значення поділено на 100, щоб отримати частку від 0 до 1, і в числах звіту, і в його формулах.");
  });

  test("a cell note of the CSV reader renders through the same function", () => {
    const flag: InputNote = { row: 1, col: 2, text: "1.234 p", code: "flag", params: { address: "C2", value: "1.234 p", number: 1234, flags: ["p"] } };
    expect(renderInputNote(flag, "en")).toBe("C2: '1.234 p' read as 1234; the flag 'p' (p: provisional) is not kept");
  });
});
