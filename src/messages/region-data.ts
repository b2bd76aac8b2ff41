/**
 * Why a distances or populations range cannot be used (src/report/region-data-codes.ts), in
 * English and Ukrainian. The English is also the error's message; the command line puts its
 * option (--distances, --populations) before it.
 */
import { isBlankCell } from "../cells/kind";
import { quoteText } from "../indicators/quote";
import type { CellShown, FirstOf, RegionDataInput, RegionDataParams, RegionDataProblem } from "../report/region-data-codes";
import type { RegionDataError } from "../report/region-data";
import type { CellValue } from "../report/types";
import type { Lang } from "./lang";
import { ukForm } from "./plural";

const regionsUk = (n: number) => `${n} ${ukForm(n, "регіон", "регіони", "регіонів")}`;
const valuesUk = (n: number) => `${n} ${ukForm(n, "значення", "значення", "значень")}`;

type Texts = { readonly [C in keyof RegionDataParams]: (p: RegionDataParams[C], input: RegionDataInput) => string };

const SIDE_EN = { firstRow: "first row", firstColumn: "first column" } as const;
const SIDE_UK = { firstRow: "першому рядку", firstColumn: "першому стовпці" } as const;

function listedEn<T>(list: FirstOf<T>, show: (t: T) => string): string {
  return `${list.items.map(show).join(", ")}${list.total > list.items.length ? ` and ${list.total - list.items.length} more` : ""}`;
}

function listedUk<T>(list: FirstOf<T>, show: (t: T) => string): string {
  return `${list.items.map(show).join(", ")}${list.total > list.items.length ? ` і ще ${list.total - list.items.length}` : ""}`;
}

/** "the distances range on sheet 'Km'", as a message begins. */
const rangeEn = (input: RegionDataInput, sheet: string) => `the ${input} range on sheet ${quoteText(sheet, "'")}`;
const RANGE_UK: Record<RegionDataInput, string> = { distances: "Діапазон відстаней", populations: "Діапазон населення" };
const rangeUk = (input: RegionDataInput, sheet: string) => `${RANGE_UK[input]} на аркуші «${quoteText(sheet, "")}»`;

/** What a cell holds: "blank", "text 'abc'", "-3". */
function valueEn(v: CellValue): string {
  if (isBlankCell(v)) return "blank";
  if (typeof v === "string") return `text ${quoteText(v)}`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function valueUk(v: CellValue): string {
  if (isBlankCell(v)) return "порожня";
  if (typeof v === "string") return `текст «${quoteText(v, "")}»`;
  if (typeof v === "boolean") return v ? "ІСТИНА" : "ХИБНІСТЬ";
  return String(v).replace(".", ",");
}

const cellEn = (c: CellShown) => `${c.address} (${valueEn(c.value)})`;
const cellUk = (c: CellShown) => `${c.address} (${valueUk(c.value)})`;
const qEn = (l: unknown) => quoteText(l, "'");
const qUk = (l: unknown) => `«${quoteText(l, "")}»`;

const EN: Texts = {
  repeatedLabel: (p, input) => `${rangeEn(input, p.sheet)} lists a region twice in its ${SIDE_EN[p.side]}: ${listedEn(p.repeats, (r) => `${qEn(r.label)} (${r.first} and ${r.second})`)}. List each region once.`,
  unpaired: (p, input) => {
    const parts = [
      ...(p.missing.total > 0 ? [`regions of the matrix missing from its ${SIDE_EN[p.side]}: ${listedEn(p.missing, qEn)}`] : []),
      ...(p.extra.total > 0 ? [`not regions of the matrix: ${listedEn(p.extra, (e) => `${qEn(e.label)} (${e.address})`)}`] : []),
    ];
    return `the labels of ${rangeEn(input, p.sheet)} do not pair up with the matrix's regions (compared as Excel compares them): ${parts.join("; ")}. Give a range over the matrix's regions only.`;
  },
  notLabels: (p, input) => `${rangeEn(input, p.sheet)} has labels in its first row and column, but these label cells are blank or not labels: ${listedEn(p.cells, String)}. Label every row and column, or give the numbers only.`,
  distancesSize: (p, input) =>
    `${rangeEn(input, p.sheet)} is ${p.rows} × ${p.columns} but the matrix has ${p.regions} regions: give ${p.regions} × ${p.regions} numbers in the matrix's order, or a range with the regions' labels in its first row and column.`,
  notDistances: (p, input) => `${rangeEn(input, p.sheet)} has cells that are not distances (a number of 0 or more) off the diagonal: ${listedEn(p.cells, cellEn)}. Fix or fill them.`,
  populationsShape: (p, input) => `${rangeEn(input, p.sheet)} is ${p.rows} × ${p.columns}: give one column (or row) of ${p.regions} values in the matrix's order, or two: the regions' labels and their populations.`,
  unlabelledValues: (p, input) => `${rangeEn(input, p.sheet)} has values without a region's label beside them: ${listedEn(p.cells, String)}.`,
  populationsCount: (p, input) => `${rangeEn(input, p.sheet)} has ${p.values} values but the matrix has ${p.regions} regions: give one population per region in the matrix's order, or the regions' labels beside them.`,
  notPopulations: (p, input) => `${rangeEn(input, p.sheet)} has cells that are not populations (a number of 0 or more): ${listedEn(p.cells, cellEn)}. Fix or fill them.`,
  notRegions: () => "distances and populations are matched with the regions of an origin × destination matrix or a flow list; this data is a country table",
};

const UK: Texts = {
  repeatedLabel: (p, input) => `${rangeUk(input, p.sheet)} двічі називає регіон у ${SIDE_UK[p.side]}: ${listedUk(p.repeats, (r) => `${qUk(r.label)} (${r.first} і ${r.second})`)}. Назвіть кожен регіон один раз.`,
  unpaired: (p, input) => {
    const parts = [
      ...(p.missing.total > 0 ? [`регіони матриці, яких немає в ${SIDE_UK[p.side]}: ${listedUk(p.missing, qUk)}`] : []),
      ...(p.extra.total > 0 ? [`не регіони матриці: ${listedUk(p.extra, (e) => `${qUk(e.label)} (${e.address})`)}`] : []),
    ];
    return `${rangeUk(input, p.sheet)}: назви не збігаються з регіонами матриці (порівнюються так, як їх порівнює Excel): ${parts.join("; ")}. Дайте діапазон лише з регіонами матриці.`;
  },
  notLabels: (p, input) => `${rangeUk(input, p.sheet)} має назви в першому рядку й стовпці, але ці клітинки назв порожні або не є назвами: ${listedUk(p.cells, String)}. Назвіть кожен рядок і стовпець або дайте лише числа.`,
  distancesSize: (p, input) =>
    `${rangeUk(input, p.sheet)} має розмір ${p.rows} × ${p.columns}, а в матриці ${regionsUk(p.regions)}: дайте ${p.regions} × ${p.regions} чисел у порядку матриці або діапазон із назвами регіонів у першому рядку й стовпці.`,
  notDistances: (p, input) => `${rangeUk(input, p.sheet)} має поза діагоналлю клітинки, що не є відстанями (числом від 0): ${listedUk(p.cells, cellUk)}. Виправте або заповніть їх.`,
  populationsShape: (p, input) => `${rangeUk(input, p.sheet)} має розмір ${p.rows} × ${p.columns}: дайте один стовпець (або рядок) із ${p.regions} ${ukForm(p.regions, "значення", "значень", "значень")} у порядку матриці або два: назви регіонів і їхнє населення.`,
  unlabelledValues: (p, input) => `${rangeUk(input, p.sheet)} має значення без назви регіону поруч: ${listedUk(p.cells, String)}.`,
  populationsCount: (p, input) => `${rangeUk(input, p.sheet)} має ${valuesUk(p.values)}, а в матриці ${regionsUk(p.regions)}: дайте одне значення населення на регіон у порядку матриці або назви регіонів поруч.`,
  notPopulations: (p, input) => `${rangeUk(input, p.sheet)} має клітинки, що не є населенням (числом від 0): ${listedUk(p.cells, cellUk)}. Виправте або заповніть їх.`,
  notRegions: () => "відстані й населення зіставляються з регіонами матриці «звідки × куди» або списку потоків, а ці дані — таблиця країн",
};

const TEXTS: Readonly<Record<Lang, Texts>> = { en: EN, uk: UK };

/** Why the range cannot be used, in `lang`. */
export function regionDataText(problem: RegionDataProblem | RegionDataError, lang: Lang): string {
  const text = TEXTS[lang][problem.code] as (p: RegionDataProblem["params"], input: RegionDataInput) => string;
  return text(problem.params, problem.input);
}
