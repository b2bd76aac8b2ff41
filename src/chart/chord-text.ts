/**
 * The words on the chord diagram, in English and Ukrainian, and how its numbers are written.
 */
export type ChartLang = "en" | "uk";

const LOCALES: Readonly<Record<ChartLang, string>> = { en: "en-US", uk: "uk-UA" };

export interface ChordWords {
  readonly defaultTitle: string;
  readonly other: string;
  readonly source: (source: string) => string;
  readonly reading: (ribbons: number) => string;
  readonly lumped: (top: number, regions: number, lumped: number, other: string, hidden: string) => string;
  readonly ticks: (unit: TickUnit) => string;
  readonly omittedLabels: (n: number) => string;
  readonly flow: (origin: string, destination: string, flow: string, counterflow: string) => string;
  readonly region: (label: string, out: string, inn: string) => string;
  readonly description: (regions: number, total: string) => string;
}

export type TickUnit = 1 | 1e3 | 1e6;

export const CHORD_WORDS: Readonly<Record<ChartLang, ChordWords>> = {
  en: {
    defaultTitle: "Migration flows between regions",
    other: "Other",
    source: (s) => `Source: ${s}${/[.!?]$/.test(s) ? "" : "."}`,
    reading: (n) => `Arc: moves out + moves in of a region. Ribbon (${n} drawn): from the origin (wide end, origin's colour) to the destination (arrow).`,
    lumped: (top, regions, lumped, other, hidden) =>
      `The ${top} regions with the most moves (in + out) of ${regions}; the other ${lumped} are lumped as "${other}"${hidden !== "0" ? ` (${hidden} moves among them are not drawn)` : ""}.`,
    ticks: (u) => (u === 1 ? "Ticks: number of moves." : u === 1e3 ? "Ticks: thousands of moves." : "Ticks: millions of moves."),
    omittedLabels: (n) => `${n} labels of the smallest arcs are left out for room.`,
    flow: (o, d, f, c) => `${o} → ${d}: ${f}; ${d} → ${o}: ${c}`,
    region: (l, out, inn) => `${l}: ${out} out, ${inn} in`,
    description: (regions, total) => `Chord diagram of ${total} moves between ${regions} regions.`,
  },
  uk: {
    defaultTitle: "Міграційні потоки між регіонами",
    other: "Інші",
    source: (s) => `Джерело: ${s}${/[.!?]$/.test(s) ? "" : "."}`,
    reading: (n) => `Дуга: вибуття + прибуття регіону. Стрічка (показано ${n}): від походження (широкий кінець, колір походження) до призначення (стрілка).`,
    lumped: (top, regions, lumped, other, hidden) =>
      `${top} регіонів із найбільшою кількістю переміщень (прибуття + вибуття) з ${regions}; решту ${lumped} об'єднано як «${other}»${hidden !== "0" ? ` (${hidden} переміщень між ними не показано)` : ""}.`,
    ticks: (u) => (u === 1 ? "Позначки: кількість переміщень." : u === 1e3 ? "Позначки: тисячі переміщень." : "Позначки: мільйони переміщень."),
    omittedLabels: (n) => `${n} підписів найменших дуг пропущено через брак місця.`,
    flow: (o, d, f, c) => `${o} → ${d}: ${f}; ${d} → ${o}: ${c}`,
    region: (l, out, inn) => `${l}: вибуло ${out}, прибуло ${inn}`,
    description: (regions, total) => `Хордова діаграма: ${total} переміщень між ${regions} регіонами.`,
  },
};

/** A count as the language writes it (grouping, up to 2 decimals for a fractional flow). */
export function formatCount(v: number, lang: ChartLang): string {
  return v.toLocaleString(LOCALES[lang], { maximumFractionDigits: 2 });
}

/** A tick value in its unit: 1.5 for 1,500 in thousands. */
export function formatTick(v: number, unit: TickUnit, lang: ChartLang): string {
  return (v / unit).toLocaleString(LOCALES[lang], { maximumFractionDigits: 2 });
}
