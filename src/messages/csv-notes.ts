/**
 * What the CSV reader changed while reading a cell (src/report/csv.ts notes), in English or
 * Ukrainian: a number whose statistical flag was dropped, a number left as text.
 */
import { quoteText } from "../indicators/quote";
import type { CsvNote, CsvNoteCode, CsvNoteParams, EurostatFlag } from "../report/csv";
import type { Lang } from "./lang";

type CsvNoteTexts = { readonly [C in CsvNoteCode]: (params: CsvNoteParams[C]) => string };

/** Eurostat's flags (https://ec.europa.eu/eurostat/data/database/information). */
export const EUROSTAT_FLAG_MEANINGS: Readonly<Record<Lang, Readonly<Record<EurostatFlag, string>>>> = {
  en: {
    b: "break in time series",
    c: "confidential",
    d: "definition differs",
    e: "estimated",
    f: "forecast",
    n: "not significant",
    p: "provisional",
    r: "revised",
    s: "Eurostat estimate",
    u: "low reliability",
    z: "not applicable",
  },
  uk: {
    b: "розрив часового ряду",
    c: "конфіденційно",
    d: "визначення відрізняється",
    e: "оцінка",
    f: "прогноз",
    n: "незначуще",
    p: "попередні дані",
    r: "переглянуті дані",
    s: "оцінка Євростату",
    u: "низька надійність",
    z: "не застосовується",
  },
};

const meanings = (flags: readonly EurostatFlag[], lang: Lang) => flags.map((k) => `${k}: ${EUROSTAT_FLAG_MEANINGS[lang][k]}`).join(", ");

const EN: CsvNoteTexts = {
  flag: (p) => `${p.address}: ${quoteText(p.value, "'")} read as ${p.number}; the flag '${p.flags.join("")}' (${meanings(p.flags, "en")}) is not kept`,
  ambiguousNumber: (p) => `${p.address}: ${quoteText(p.value, "'")} is left as text: the file's other numbers do not settle whether its comma or point is the decimal sign`,
};

const UK: CsvNoteTexts = {
  flag: (p) => `${p.address}: «${quoteText(p.value, "")}» прочитано як ${String(p.number).replace(".", ",")}; позначку «${p.flags.join("")}» (${meanings(p.flags, "uk")}) не збережено`,
  ambiguousNumber: (p) => `${p.address}: «${quoteText(p.value, "")}» залишено текстом: з інших чисел файлу не видно, кома чи крапка в ньому — десятковий знак`,
};

const TEXTS: Readonly<Record<Lang, CsvNoteTexts>> = { en: EN, uk: UK };

/** A CSV reader's note as one line in `lang`, starting with the cell's address. */
export function renderCsvNote(note: CsvNote, lang: Lang): string {
  const text = TEXTS[lang][note.code] as (params: CsvNote["params"]) => string;
  return text(note.params);
}
