/**
 * A report's headline numbers (src/report/headline.ts: a code and its value) labelled and
 * written in English and Ukrainian, for the task pane and the command line. A table's measure
 * is named by its name in the registry (src/report/measures.ts), in Ukrainian by MEASURES_UK.
 */
import type { HeadlineCode, HeadlineItem } from "../report/headline";
import type { Lang } from "./lang";

type FixedCode = Exclude<HeadlineCode, "median">;

const LABELS: Record<Lang, Record<FixedCode, string>> = {
  en: {
    regions: "regions",
    totalFlows: "total flows",
    mei: "MEI",
    circulationIndex: "circulation index",
    largestCorridor: "largest corridor",
    rows: "rows",
    period: "period",
    estimatedFlows: "estimated flows",
  },
  uk: {
    regions: "регіонів",
    totalFlows: "усього переміщень",
    mei: "індекс ефективності міграції (MEI)",
    circulationIndex: "індекс циркуляції",
    largestCorridor: "найбільший коридор",
    rows: "рядків",
    period: "період",
    estimatedFlows: "оцінені потоки",
  },
};

/** The table measures' names in Ukrainian, by their name in the registry (its key: unique, unlike the catalog function). */
export const MEASURES_UK: Readonly<Record<string, string>> = {
  "Skilled emigration rate": "рівень еміграції кваліфікованих",
  "Net skilled emigration": "чиста еміграція кваліфікованих",
  "Selection ratio (skilled ÷ total emigration rate)": "коефіцієнт відбору (кваліфіковані ÷ загальний рівень еміграції)",
  "Relative skill share": "відносна частка кваліфікованих",
  "Net migration (immigrants − emigrants)": "чиста міграція (іммігранти − емігранти)",
  "Net migration per 1,000 population": "чиста міграція на 1000 населення",
  "Gross migration per 1,000 population": "валова міграція на 1000 населення",
  "Migration effectiveness": "ефективність міграції",
  "Immigrants as share of population": "частка іммігрантів у населенні",
  "Emigrants as share of population": "частка емігрантів у населенні",
  "Return rate": "частка тих, хто повернувся",
  "Outbound mobility ratio": "коефіцієнт вихідної мобільності",
  "Inbound mobility rate": "рівень вхідної мобільності",
  "Net flow of mobile students": "чистий потік мобільних студентів",
  "Net flow ratio of mobile students": "коефіцієнт чистого потоку мобільних студентів",
  "Gross outbound enrolment ratio": "валовий коефіцієнт навчання за кордоном",
};

/** A table measure's name: the registry's in English (lower case, as in a sentence), else MEASURES_UK's. */
function measureName(measure: string, lang: Lang): string {
  return lang === "uk" ? (MEASURES_UK[measure] ?? measure) : measure.toLowerCase();
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The item's label: as a line of the command line prints it ("total flows", "median skilled
 * emigration rate"), or as a heading (`heading`: capitalised, the MEI spelled out in English).
 */
export function headlineLabel(item: HeadlineItem, lang: Lang, heading = false): string {
  if (item.code === "median") {
    const name = measureName(item.measure, lang);
    return lang === "uk" ? `Медіана: ${name}` : heading ? `Median ${name}` : `median ${name}`;
  }
  if (heading && lang === "en" && item.code === "mei") return "Migration effectiveness index (MEI)";
  const label = LABELS[lang][item.code];
  return heading ? cap(label) : label;
}

/** The item's value: numbers as they are (each host formats them), the rest written in `lang`. */
export function headlineValue(item: HeadlineItem, lang: Lang): number | string {
  switch (item.code) {
    case "largestCorridor":
      // The flow as a plain number, a figure to copy rather than read aloud.
      return `${item.value.origin} → ${item.value.destination} (${item.value.flow})`;
    case "estimatedFlows":
      return `${item.value.first}–${item.value.last}, ${lang === "uk" ? "метод" : "method"} ${item.value.method}`;
    default:
      return item.value;
  }
}
