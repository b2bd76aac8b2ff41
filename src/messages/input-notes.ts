/**
 * What the command line says about reading its input, in English or Ukrainian: how a CSV file
 * was decoded, the missing-value markers read as blank, metadata lines skipped, which sheet of a
 * workbook was read, the units its headers state; and the reader's refusal when several sheets
 * hold tables. A code with its parameters each, as the other coded messages beside this module.
 */
import { quoteText } from "../indicators/quote";
import type { CsvNote, CsvNoteCode } from "../report/csv";
import type { UnitName } from "../report/refusal";
import { renderCsvNote } from "./csv-notes";
import { formatNumber, Lang } from "./lang";
import { ukForm } from "./plural";
import { UNIT_EN, UNIT_UK } from "./refusals";

/** What each note of the reader names, by code. */
export interface ReadNoteParams {
  /** A text file read in another encoding, separator or decimal sign than UTF-8, commas and points. */
  readonly decoded: { readonly encoding: string; readonly delimiter: "comma" | "semicolon" | "tab"; readonly decimalComma: boolean };
  /** Cells holding a missing-value marker ('..', ':', '-', 'x', 'NA'), read as blank. */
  readonly missingMarkers: { readonly count: number };
  /** Lines `first`–`last` (1-based) are metadata above the table, the first holding `text`; the table starts on line `last + 1`. */
  readonly metadataLines: { readonly first: number; readonly last: number; readonly text: string };
  /** The first sheet was read; other sheets also hold numbers (--sheet reads another). */
  readonly firstSheet: { readonly sheet: string; readonly others: readonly string[] };
  /** The one sheet holding a table of numbers was read; the others were not. */
  readonly oneSheet: { readonly sheet: string; readonly notRead: readonly string[] };
  /** A count column whose header states a unit: multiplied (or a rate's divided) in the report's numbers and formulas. */
  readonly unitApplied: { readonly column: string; readonly header: string; readonly unit: UnitName; readonly factor: number };
  /** A long list's flow column whose header states a unit: the flows and totals are in that unit. */
  readonly flowUnit: { readonly column: string; readonly header: string; readonly unit: UnitName };
}

export type ReadNoteCode = keyof ReadNoteParams;
export type ReadNote = { [C in ReadNoteCode]: { readonly code: C; readonly params: ReadNoteParams[C] } }[ReadNoteCode];

/** A note on the input: the reader's, or the CSV reader's on one cell (./csv-notes). */
export type InputNote = ReadNote | CsvNote;

/** What the reader's refusals name, by code. */
export interface ReadRefusalParams {
  /** Several sheets hold tables of numbers and none was named: each with its count of numbers. */
  readonly severalSheets: { readonly file: string; readonly sheets: readonly { readonly name: string; readonly numbers: number }[] };
}

export type ReadRefusalCode = keyof ReadRefusalParams;
export type ReadRefusal = { [C in ReadRefusalCode]: { readonly code: C; readonly params: ReadRefusalParams[C] } }[ReadRefusalCode];

type Texts<P> = { readonly [C in keyof P]: (p: P[C]) => string };

const DELIMITER_EN = { comma: "comma", semicolon: "semicolon", tab: "tab" } as const;
const DELIMITER_UK = { comma: "кома", semicolon: "крапка з комою", tab: "табуляція" } as const;
const encodingName = (e: string) => (e === "utf-8" ? "UTF-8" : e.toUpperCase());
const sheetsEn = (names: readonly string[]) => names.map((s) => `'${s}'`).join(", ");
const sheetsUk = (names: readonly string[]) => names.map((s) => `«${s}»`).join(", ");
const MARKERS = "'..', ':', '-', 'x', 'NA'";

const NOTES_EN: Texts<ReadNoteParams> = {
  decoded: (p) => `read as ${encodingName(p.encoding)} text, ${DELIMITER_EN[p.delimiter]}-separated${p.decimalComma ? ", with decimal commas" : ""}`,
  missingMarkers: (p) => `${p.count.toLocaleString("en-US")} cell(s) held a missing-value marker (such as ${MARKERS.replace(", 'NA'", " or 'NA'")}) and are read as blank`,
  metadataLines: (p) => `lines ${p.first}–${p.last} are metadata above the table ('${p.text}' …), not read; the table starts on line ${p.last + 1}`,
  firstSheet: (p) => `read the first sheet, '${p.sheet}'; ${sheetsEn(p.others)} also hold numbers (use --sheet to read another)`,
  oneSheet: (p) => `read sheet '${p.sheet}', the one sheet holding a table of numbers; not read: ${sheetsEn(p.notRead)}`,
  unitApplied: (p) =>
    `Column ${p.column} ${quoteText(p.header, "'")} is ${UNIT_EN[p.unit]} (as its header says): its values are ${p.factor > 1 ? `multiplied by ${p.factor.toLocaleString("en-US")} to count people` : `divided by ${(1 / p.factor).toLocaleString("en-US")} to give a rate between 0 and 1`}, in the report's numbers and in its formulas.`,
  flowUnit: (p) => `Column ${p.column} ${quoteText(p.header, "'")} is ${UNIT_EN[p.unit]} (as its header says): the report's flows and totals are in that unit too; the indices do not depend on it.`,
};

const n = (x: number) => formatNumber(x, "uk");

const NOTES_UK: Texts<ReadNoteParams> = {
  decoded: (p) => `прочитано як текст ${encodingName(p.encoding)}, роздільник — ${DELIMITER_UK[p.delimiter]}${p.decimalComma ? ", десятковий знак — кома" : ""}`,
  missingMarkers: (p) => `${n(p.count)} ${ukForm(p.count, "клітинка містила", "клітинки містили", "клітинок містили")} позначку пропущеного значення (як-от ${MARKERS}) і ${p.count === 1 ? "прочитана як порожня" : "прочитані як порожні"}`,
  metadataLines: (p) => `рядки ${p.first}–${p.last} — метадані над таблицею («${p.text}» …), їх не прочитано; таблиця починається з рядка ${p.last + 1}`,
  firstSheet: (p) => `прочитано перший аркуш «${p.sheet}»; числа є також на ${ukForm(p.others.length, "аркуші", "аркушах", "аркушах")} ${sheetsUk(p.others)} (щоб прочитати інший, скористайтеся --sheet)`,
  oneSheet: (p) => `прочитано аркуш «${p.sheet}» — єдиний аркуш із таблицею чисел; не прочитано: ${sheetsUk(p.notRead)}`,
  unitApplied: (p) =>
    `Стовпець ${p.column} «${quoteText(p.header, "")}» — ${UNIT_UK[p.unit]} (як каже заголовок): його значення ${p.factor > 1 ? `помножено на ${n(p.factor)}, щоб лічити людей` : `поділено на ${n(1 / p.factor)}, щоб отримати частку від 0 до 1`}, і в числах звіту, і в його формулах.`,
  flowUnit: (p) => `Стовпець ${p.column} «${quoteText(p.header, "")}» — ${UNIT_UK[p.unit]} (як каже заголовок): потоки й підсумки звіту теж у цих одиницях; індекси від них не залежать.`,
};

const REFUSALS_EN: Texts<ReadRefusalParams> = {
  severalSheets: (p) => `${p.file}: several sheets hold tables of numbers: ${p.sheets.map((s) => `'${s.name}' (${s.numbers.toLocaleString("en-US")} numbers)`).join(", ")}; choose one with --sheet`,
};

const REFUSALS_UK: Texts<ReadRefusalParams> = {
  severalSheets: (p) => `${p.file}: таблиці чисел є на кількох аркушах: ${p.sheets.map((s) => `«${s.name}» (${n(s.numbers)} ${ukForm(s.numbers, "число", "числа", "чисел")})`).join(", ")}; виберіть один за допомогою --sheet`,
};

const NOTES: Readonly<Record<Lang, Texts<ReadNoteParams>>> = { en: NOTES_EN, uk: NOTES_UK };
const REFUSALS: Readonly<Record<Lang, Texts<ReadRefusalParams>>> = { en: REFUSALS_EN, uk: REFUSALS_UK };

const CSV_CODES: Readonly<Record<CsvNoteCode, true>> = { flag: true, ambiguousNumber: true };
const isCsvNote = (note: InputNote): note is CsvNote => note.code in CSV_CODES;

/** A note on the input as one line in `lang`. */
export function renderInputNote(note: InputNote, lang: Lang): string {
  if (isCsvNote(note)) return renderCsvNote(note, lang);
  const text = NOTES[lang][note.code] as (p: ReadNote["params"]) => string;
  return text(note.params);
}

/** The reader's refusal in `lang`. */
export function renderReadRefusal(refusal: ReadRefusal, lang: Lang): string {
  const text = REFUSALS[lang][refusal.code] as (p: ReadRefusal["params"]) => string;
  return text(refusal.params);
}
